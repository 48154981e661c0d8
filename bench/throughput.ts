// Throughput: how fast a 200×50 pane with an attached client gets through `cat` of a large file.
// Each multiplexer runs one session with a client attached in a pty that is read as fast as
// possible; each run types `cat FILE; <mux> wait-for -S CHANNEL` into the pane with send-keys and
// times from sending it until `wait-for CHANNEL` returns. The raw pty ceiling is the same cat in a
// bare node-pty read by nothing but a byte counter. Runs interleave raw, tmux and tsmux.

import * as path from 'node:path';
import { tempDir, withScope, type Scope } from './lib/cleanup';
import { errorText, failed, fromCompletedRuns, notAvailable, type Benchmark, type BenchOptions, type Figure, type Outcome } from './lib/figures';
import { writeColour, writePlain, writeRepaint } from './lib/inputs';
import { bothMultiplexers, interleaved, MUX_NAMES, type Multiplexer, type MuxName } from './lib/multiplexer';
import { now, run, sleep } from './lib/proc';
import { attachClient, PtyReader } from './lib/pty-client';
import { runStandalone } from './lib/standalone';

const COLS = 200;
const ROWS = 50;
const SESSION = 'T';

interface Input {
  key: string;
  name: string;
  write: (file: string, bytes: number) => number;
}

const INPUTS: readonly Input[] = [
  { key: 'plain', name: 'plain (seq lines)', write: writePlain },
  { key: 'colour', name: 'colour (SGR every ~10 bytes)', write: writeColour },
  { key: 'repaint', name: 'full-screen repaint (CUP + SGR)', write: writeRepaint },
];

interface Side {
  mux: Multiplexer;
  client?: PtyReader;
  /** Why this side cannot run: n/a or failed. */
  unavailable?: Outcome;
}

async function prepare(mux: Multiplexer, scope: Scope, quietMs: number): Promise<Side> {
  try {
    await mux.newSession(SESSION, COLS, ROWS);
    const missing = await mux.missing('send-keys', 'wait-for');
    if (missing) return { mux, unavailable: notAvailable(missing) };
    // 51 rows: the status line takes one, leaving the pane its 200×50.
    const client = attachClient(mux, SESSION, COLS, ROWS + 1, scope);
    await client.settle(quietMs, 15_000);
    return { mux, client };
  } catch (e) {
    return { mux, unavailable: failed(e) };
  }
}

interface Pace {
  /** Pause before the clock starts (the screen cleared, the waiter connected). */
  pauseMs: number;
  /** Quiet time that counts as "the client has finished drawing". */
  quietMs: number;
  timeoutMs: number;
}

interface Timing {
  /** From send-keys until `wait-for` returned: the figure. */
  waitForMs: number;
  /** From send-keys until the client's last byte (its output then quiet): the screen is final. */
  drawnMs: number;
}

/** One timed cat through a multiplexer. */
async function timedCat(side: Side, file: string, channel: string, pace: Pace): Promise<Timing> {
  const { mux, client } = side;
  if (!client?.running) throw new Error(`${mux.name} client is not attached`);
  await mux.cmd('send-keys', '-t', SESSION, 'clear', 'Enter');
  // The waiter starts (and, for a Node CLI, finishes starting) before the clock does.
  const waiter = run(mux.bin, mux.argv(['wait-for', channel]), { env: mux.env, timeoutMs: pace.timeoutMs });
  await sleep(pace.pauseMs);
  const start = now();
  const sent = await mux.exec(['send-keys', '-t', SESSION, `cat ${file}; ${mux.inPane(['wait-for', '-S', channel])}`, 'Enter']);
  if (sent.code !== 0) throw new Error(`send-keys: ${sent.stderr.trim()}`);
  const done = await waiter;
  const waitForMs = now() - start;
  if (done.code !== 0) throw new Error(`wait-for ${channel}: ${done.stderr.trim() || `exit ${done.code}`}`);
  // A server may still hold output it read but has not parsed or drawn (tsmux buffers up to its
  // pause watermark): the run is only over for the user when the client stops drawing.
  await client.settle(pace.quietMs, pace.timeoutMs);
  if (!client.running) throw new Error(`${mux.name} client exited during the run`);
  return { waitForMs, drawnMs: Math.max(waitForMs, client.lastChunkAt - start) };
}

/** The same cat in a bare pty whose output only a byte counter reads; milliseconds. */
async function rawPty(file: string, env: Record<string, string>, scope: Scope): Promise<number> {
  const start = now();
  const reader = new PtyReader('/bin/cat', [file], { cols: COLS, rows: ROWS, env }, scope);
  await reader.exited;
  return now() - start;
}

export const throughput: Benchmark = {
  name: 'throughput',
  title: 'Throughput',
  method:
    'A 200×50 pane with a client attached in a pseudo-terminal (200×51, read as fast as possible) runs `cat` of a ' +
    'generated ~50 MB file (deterministic: plain `seq`-like lines; colour with an SGR sequence about every 10 bytes, ' +
    'including 256-colour and 24-bit; full-screen repaints of 8 × (SGR + 25 characters) per row with cursor addressing). ' +
    'The time runs from sending `cat FILE; tsmux wait-for -S done` with send-keys until `wait-for done` returns. ' +
    'MB/s are 10^6 bytes of the file per second. The raw pty ceiling is the same `cat` in a bare node-pty ' +
    'read by a byte counter. The "until the client stops drawing" bars time the same runs to the last byte the ' +
    'client wrote before going quiet for 0.3 s, so output a server had read but not yet drawn is counted too. ' +
    'Five runs each, interleaved raw, tmux, tsmux.',

  async run(opts: BenchOptions): Promise<Figure[]> {
    const bytes = opts.smoke ? 256 * 1024 : 50_000_000;
    const runs = opts.smoke ? 1 : 5;
    const pace: Pace = opts.smoke ? { pauseMs: 100, quietMs: 100, timeoutMs: 30_000 } : { pauseMs: 400, quietMs: 300, timeoutMs: 180_000 };
    return withScope(async (scope) => {
      const dir = tempDir(scope, 'bench-inputs');
      const files: Record<string, { file: string; bytes: number }> = {};
      for (const input of INPUTS) {
        const start = now();
        const file = path.join(dir, `${input.key}.txt`);
        files[input.key] = { file, bytes: input.write(file, bytes) };
        opts.log(`generated ${input.key}: ${(files[input.key].bytes / 1e6).toFixed(1)} MB in ${Math.round(now() - start)} ms`);
      }

      const muxes = bothMultiplexers('throughput', scope);
      const sides = {} as Record<MuxName, Side>;
      for (const name of MUX_NAMES) sides[name] = await prepare(muxes[name], scope, pace.quietMs);

      // 'raw' is the bare pty; '<mux> drawn' the same runs timed until the client stopped drawing.
      type Who = MuxName | 'raw' | 'tsmux drawn' | 'tmux drawn';
      const rates: Record<string, Record<Who, number[]>> = {};
      const errors: Record<string, Partial<Record<MuxName | 'raw', unknown>>> = {};
      for (const input of INPUTS) {
        rates[input.key] = { tsmux: [], tmux: [], raw: [], 'tsmux drawn': [], 'tmux drawn': [] };
        errors[input.key] = {};
      }
      const mbps = (size: number, ms: number): number => size / 1e6 / (ms / 1000);
      for (let r = 0; r < runs; r++) {
        for (const [i, input] of INPUTS.entries()) {
          const { file, bytes: size } = files[input.key];
          const order: Array<MuxName | 'raw'> = ['raw', ...interleaved(r + i)];
          for (const who of order) {
            if (errors[input.key][who] !== undefined) continue;
            if (who !== 'raw' && sides[who].unavailable) continue;
            try {
              if (who === 'raw') {
                const ms = await rawPty(file, muxes.tmux.env, scope);
                rates[input.key].raw.push(mbps(size, ms));
                opts.log(`${input.key} run ${r + 1} raw: ${Math.round(ms)} ms, ${mbps(size, ms).toFixed(1)} MB/s`);
              } else {
                const t = await timedCat(sides[who], file, `done-${input.key}-${r}`, pace);
                rates[input.key][who].push(mbps(size, t.waitForMs));
                rates[input.key][`${who} drawn`].push(mbps(size, t.drawnMs));
                opts.log(
                  `${input.key} run ${r + 1} ${who}: ${Math.round(t.waitForMs)} ms, ${mbps(size, t.waitForMs).toFixed(1)} MB/s ` +
                    `(drawn after ${Math.round(t.drawnMs)} ms)`,
                );
              }
            } catch (e) {
              errors[input.key][who] = e;
              opts.log(`${input.key} ${who}: ${errorText(e)}`);
            }
          }
        }
      }

      const outcome = (key: string, who: Who): Outcome => {
        const base = who === 'tsmux drawn' ? 'tsmux' : who === 'tmux drawn' ? 'tmux' : who;
        if (base !== 'raw' && sides[base].unavailable) return sides[base].unavailable!;
        const err = errors[key][base];
        return fromCompletedRuns(rates[key][who], err === undefined ? undefined : failed(err));
      };
      return INPUTS.map((input) => ({
        id: `throughput-${input.key}`,
        group: 'Throughput',
        name: input.name,
        unit: 'MB/s',
        better: 'higher' as const,
        decimals: 1,
        tsmux: outcome(input.key, 'tsmux'),
        tmux: outcome(input.key, 'tmux'),
        references: [
          { name: 'raw pty (node-pty)', outcome: outcome(input.key, 'raw') },
          { name: 'tsmux, until the client stops drawing', outcome: outcome(input.key, 'tsmux drawn') },
          { name: 'tmux, until the client stops drawing', outcome: outcome(input.key, 'tmux drawn') },
        ],
        target: { kind: 'vs-tmux' as const, factor: 1.2 },
        note: `${(files[input.key].bytes / 1e6).toFixed(1)} MB file, ${runs} run${runs > 1 ? 's' : ''} each`,
      }));
    });
  },
};

if (require.main === module) runStandalone(throughput);
