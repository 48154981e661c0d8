// Attach: time from starting `attach -t S` in a 200×51 pseudo-terminal until its first frame is
// complete. The pane (200×50) shows a full screen of known text: 50 lines of exactly 200
// characters, each starting with its row number. "Complete" means: the client's screen, as a
// headless terminal parsing its output sees it, has all 50 rows exactly equal to those lines and a
// non-blank status line in row 51. The time is the arrival of the chunk that completed it.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { tempDir, withScope, type Scope } from './lib/cleanup';
import { errorText, failed, fromCompletedRuns, type Benchmark, type BenchOptions, type Figure, type Outcome } from './lib/figures';
import { writeScreen } from './lib/inputs';
import { bothMultiplexers, interleaved, MUX_NAMES, shellQuote, type Multiplexer, type MuxName } from './lib/multiplexer';
import { now, sleep, until, waitIdle } from './lib/proc';
import { attachClient, ScreenMirror } from './lib/pty-client';
import { runStandalone } from './lib/standalone';

const COLS = 200;
const ROWS = 50;
const SESSION = 'A';

/** One attach; milliseconds until the frame is complete. */
async function timeAttach(mux: Multiplexer, expected: string[], timeoutMs: number): Promise<number> {
  return withScope(async (scope: Scope) => {
    let completeAt: number | undefined;
    const start = now();
    const client = attachClient(mux, SESSION, COLS, ROWS + 1, scope);
    const mirror = new ScreenMirror(client, COLS, ROWS + 1, (arrivedAt) => {
      if (completeAt !== undefined) return;
      for (let y = 0; y < ROWS; y++) if (mirror.row(y) !== expected[y]) return;
      if (mirror.row(ROWS).trim() === '') return;
      completeAt = arrivedAt;
    });
    scope.defer('screen mirror', () => mirror.dispose());
    try {
      await until(`${mux.name} first frame`, () => completeAt !== undefined || !client.running, timeoutMs, 5);
    } catch (e) {
      const rows = [0, 1, ROWS - 1, ROWS].map((y) => `${y + 1}: ${JSON.stringify(mirror.row(y).slice(0, 40))}`).join(', ');
      throw new Error(`${errorText(e)} (screen rows ${rows})`);
    }
    if (completeAt === undefined) throw new Error(`${mux.name} client exited before drawing`);
    await client.hangUp();
    return completeAt - start;
  });
}

export const attach: Benchmark = {
  name: 'attach',
  title: 'Attach',
  method:
    'A detached session whose 200×50 pane shows a full screen of known text (50 lines of exactly 200 characters, each ' +
    'starting with its row number). Each run starts `attach -t A` in a 200×51 pseudo-terminal and times until the ' +
    "first frame is complete: the client's output, parsed by a headless terminal, shows all 50 rows exactly and a " +
    'non-blank status line; the time is when the completing bytes arrived. Includes starting the client process ' +
    '(Node for tsmux). The client is hung up after each run. 10 runs each, interleaved.',

  async run(opts: BenchOptions): Promise<Figure[]> {
    const runs = opts.smoke ? 1 : 10;
    return withScope(async (scope) => {
      const dir = tempDir(scope, 'bench-attach');
      const screenFile = path.join(dir, 'screen.txt');
      const expected = writeScreen(screenFile, COLS, ROWS);
      const muxes = bothMultiplexers('attach', scope);
      const times: Record<MuxName, number[]> = { tsmux: [], tmux: [] };
      const stopped: Partial<Record<MuxName, Outcome>> = {};
      for (const name of MUX_NAMES) {
        const mux = muxes[name];
        try {
          const ready = mux.file('ready');
          await mux.newSession(SESSION, COLS, ROWS, `cat ${shellQuote(screenFile)}; : > ${shellQuote(ready)}; exec sleep infinity`);
          await until(`${name} pane to draw`, () => fs.existsSync(ready), 10_000);
        } catch (e) {
          stopped[name] = failed(e);
        }
      }
      for (let r = 0; r < runs; r++) {
        for (const name of interleaved(r)) {
          if (stopped[name]) continue;
          const mux = muxes[name];
          try {
            // Start each attach from a quiet server (the previous client fully gone).
            await waitIdle(mux.knownPid, 200, 5_000);
            await sleep(100);
            const ms = await timeAttach(mux, expected, 10_000);
            times[name].push(ms);
            opts.log(`run ${r + 1} ${name}: ${ms.toFixed(1)} ms`);
          } catch (e) {
            stopped[name] = failed(e);
            opts.log(`${name}: ${errorText(e)}`);
          }
        }
      }
      const outcome = (name: MuxName): Outcome => fromCompletedRuns(times[name], stopped[name]);
      return [
        {
          id: 'attach-first-frame',
          group: 'Attach',
          name: 'attach until first complete frame',
          unit: 'ms',
          better: 'lower',
          decimals: 1,
          tsmux: outcome('tsmux'),
          tmux: outcome('tmux'),
          references: [],
          target: { kind: 'vs-tmux', factor: 1 },
        },
      ];
    });
  },
};

if (require.main === module) runStandalone(attach);
