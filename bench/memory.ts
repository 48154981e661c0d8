// Memory: the server's resident set (VmRSS from /proc/PID/status; the pid from
// `display-message -p '#{pid}'`) with one idle pane, with ten idle windows, and what each line of
// history costs: ten panes each given 10,000 lines of 200 columns (plain and coloured, each in its
// own server), measured as (RSS after − RSS before the lines arrived) ÷ (10 × lines).
//
// RSS is not a timing, so a round runs all its servers (tmux and tsmux; idle, plain, coloured) at
// once and lets them settle together: CPU-quiet, then a further pause so that V8's memory reducer
// (a GC some seconds after a Node process goes idle) has run in tsmux — measured here: an idle
// tsmux server's RSS drops ~3 MiB about 7 s after it goes quiet; tmux has nothing of the kind.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { tempDir, withScope, type Scope } from './lib/cleanup';
import { errorText, failed, formatOutcome, fromCompletedRuns, notAvailable, type Benchmark, type BenchOptions, type Figure, type Outcome } from './lib/figures';
import { writeHistory } from './lib/inputs';
import { interleaved, Multiplexer, shellQuote, type MuxName } from './lib/multiplexer';
import { rssBytes, sleep, until, waitIdle } from './lib/proc';
import { runStandalone } from './lib/standalone';

const COLS = 200;
const ROWS = 50;
const MiB = 1024 * 1024;
/** history-limit's default in both tmux and tsmux. */
const DEFAULT_HISTORY = 2000;

/** Where the ten history panes live: windows of one session if tsmux has new-window, else sessions. */
type Shape = 'windows' | 'sessions';
type Kind = 'idle' | 'plain' | 'colour';
type Key = 'one' | 'many' | 'plain' | 'colour';

interface Sizes {
  panes: number;
  lines: number;
  windows: number;
  /** CPU-quiet time that counts as "the server has settled". */
  quietMs: number;
  /** Further wait for V8's idle-time GC before reading RSS. */
  reducerMs: number;
}

interface Server {
  mux: Multiplexer;
  kind: Kind;
  /** Set once this server cannot go on (n/a or failed); its figure gets this outcome. */
  stopped?: Outcome;
  before?: number;
}

function rss(mux: Multiplexer): number {
  const bytes = rssBytes(mux.knownPid);
  if (!Number.isFinite(bytes)) throw new Error(`${mux.name} server ${mux.knownPid} is gone`);
  return bytes;
}

/** Let every live server go CPU-quiet, then wait out the idle-time GC. */
async function settleAll(servers: Server[], sizes: Sizes): Promise<void> {
  for (const s of servers) if (!s.stopped) await waitIdle(s.mux.knownPid, sizes.quietMs, 20_000);
  await sleep(sizes.reducerMs);
}

/** Run a step on each live server; a failure stops only that server. */
async function each(servers: Server[], log: (line: string) => void, step: (s: Server) => Promise<Outcome | void>): Promise<void> {
  for (const s of servers) {
    if (s.stopped) continue;
    try {
      const result = await step(s);
      if (result) s.stopped = result;
    } catch (e) {
      s.stopped = failed(e);
      log(`${s.kind} ${s.mux.name}: ${errorText(e)}`);
    }
  }
}

async function round(
  r: number,
  files: Record<'plain' | 'colour', string>,
  shape: Shape,
  sizes: Sizes,
  scope: Scope,
  log: (line: string) => void,
): Promise<Array<{ key: Key; name: MuxName; value: number | Outcome }>> {
  const results: Array<{ key: Key; name: MuxName; value: number | Outcome }> = [];
  const servers: Server[] = [];
  for (const kind of ['idle', 'plain', 'colour'] as const) {
    for (const name of interleaved(r)) servers.push({ mux: new Multiplexer(name, `memory-${kind}`, scope), kind });
  }
  const go = (s: Server): string => s.mux.file('go');
  const done = (s: Server, i: number): string => s.mux.file(`done.${i}`);

  await each(servers, log, async (s) => {
    await s.mux.newSession('base', COLS, ROWS);
    if (s.kind === 'idle') return;
    if (sizes.lines > DEFAULT_HISTORY) {
      const missing = await s.mux.missing('set-option');
      if (missing) return notAvailable(`${missing} (history-limit)`);
      await s.mux.cmd('set-option', '-g', 'history-limit', String(sizes.lines));
    }
    const file = files[s.kind];
    for (let i = 0; i < sizes.panes; i++) {
      const command = `while [ ! -e ${shellQuote(go(s))} ]; do sleep 0.2; done; cat ${shellQuote(file)}; : > ${shellQuote(done(s, i))}; exec cat`;
      if (shape === 'windows') await s.mux.cmd('new-window', '-d', '-t', 'base:', command);
      else await s.mux.cmd('new-session', '-d', '-s', `h${i}`, '-x', String(COLS), '-y', String(ROWS), command);
    }
  });
  await settleAll(servers, sizes);
  await each(servers, log, async (s) => {
    if (s.kind === 'idle') results.push({ key: 'one', name: s.mux.name, value: rss(s.mux) });
    else s.before = rss(s.mux);
  });

  await each(servers, log, async (s) => {
    if (s.kind === 'idle') {
      const missing = await s.mux.missing('new-window');
      if (missing) {
        results.push({ key: 'many', name: s.mux.name, value: notAvailable(missing) });
        return;
      }
      for (let i = 1; i < sizes.windows; i++) await s.mux.cmd('new-window', '-d', '-t', 'base:');
    } else {
      fs.writeFileSync(go(s), '');
    }
  });
  await each(servers, log, async (s) => {
    if (s.kind === 'idle') return;
    const finished = (): boolean => Array.from({ length: sizes.panes }, (_, i) => fs.existsSync(done(s, i))).every(Boolean);
    await until(`${s.mux.name} ${s.kind} history panes to finish`, finished, 120_000, 50);
  });
  await settleAll(servers, sizes);
  await each(servers, log, async (s) => {
    if (s.kind === 'idle') {
      if (!results.some((x) => x.key === 'many' && x.name === s.mux.name)) results.push({ key: 'many', name: s.mux.name, value: rss(s.mux) });
    } else {
      results.push({ key: s.kind, name: s.mux.name, value: (rss(s.mux) - s.before!) / (sizes.panes * sizes.lines) });
    }
  });
  // Servers that stopped early report why, for every figure they owed.
  for (const s of servers) {
    if (!s.stopped) continue;
    const keys: Key[] = s.kind === 'idle' ? ['one', 'many'] : [s.kind];
    for (const key of keys) if (!results.some((x) => x.key === key && x.name === s.mux.name)) results.push({ key, name: s.mux.name, value: s.stopped });
  }
  return results;
}

export const memory: Benchmark = {
  name: 'memory',
  title: 'Memory',
  method:
    "Server RSS (VmRSS in /proc/PID/status, the pid from `display-message -p '#{pid}'`), read once the server has used " +
    'no CPU for 0.5 s and then 10 s more have passed (so that Node\'s idle-time GC has run in tsmux): with one session ' +
    'of one idle bash pane (200×50); with 10 idle windows (`new-window`); and the cost of history: ' +
    '`set-option -g history-limit 10000` (while tsmux has no set-option: the default 2,000 lines, in both), then 10 ' +
    'panes each `cat` 50 lines more than that, of exactly 200 columns (plain, or coloured with an SGR every 10 ' +
    'columns: 16, 256 and 24-bit colours), plain and coloured each in its own server; bytes per line = (RSS after − ' +
    'RSS before) ÷ (10 × lines). RSS is not a timing, so each round runs all six servers at once. Three rounds.',

  async run(opts: BenchOptions): Promise<Figure[]> {
    const rounds = opts.smoke ? 1 : 3;
    const sizes: Sizes = opts.smoke
      ? { panes: 2, lines: 200, windows: 3, quietMs: 100, reducerMs: 0 }
      : { panes: 10, lines: 10_000, windows: 10, quietMs: 500, reducerMs: 10_000 };

    // tmux does whatever tsmux can do, so that both hold the same panes the same way: windows or
    // sessions; 10,000 lines of history, or the default 2,000 while tsmux has no set-option.
    let shape: Shape = 'windows';
    try {
      await withScope(async (scope) => {
        const probe = new Multiplexer('tsmux', 'memory-probe', scope);
        await probe.newSession('probe', COLS, ROWS);
        if (!(await probe.has('new-window'))) shape = 'sessions';
        if (sizes.lines > DEFAULT_HISTORY && !(await probe.has('set-option'))) sizes.lines = DEFAULT_HISTORY;
      });
    } catch (e) {
      opts.log(`tsmux probe: ${errorText(e)}`);
    }
    return withScope(async (scope) => {
      const dir = tempDir(scope, 'bench-memory');
      const files = { plain: path.join(dir, 'plain.txt'), colour: path.join(dir, 'colour.txt') };
      // ROWS more lines than the history holds, so the history is full when the screen is.
      writeHistory(files.plain, sizes.lines + ROWS, COLS, false);
      writeHistory(files.colour, sizes.lines + ROWS, COLS, true);

      const values: Record<Key, Record<MuxName, number[]>> = {
        one: { tsmux: [], tmux: [] },
        many: { tsmux: [], tmux: [] },
        plain: { tsmux: [], tmux: [] },
        colour: { tsmux: [], tmux: [] },
      };
      const stopped: Record<Key, Partial<Record<MuxName, Outcome>>> = { one: {}, many: {}, plain: {}, colour: {} };
      for (let r = 0; r < rounds; r++) {
        const results = await withScope((scope) => round(r, files, shape, sizes, scope, opts.log));
        for (const { key, name, value } of results) {
          const scale = key === 'one' || key === 'many' ? MiB : 1;
          const unit = scale === MiB ? 'MiB' : 'B/line';
          if (typeof value === 'number') {
            values[key][name].push(value / scale);
            opts.log(`round ${r + 1} ${key} ${name}: ${(value / scale).toFixed(1)} ${unit}`);
          } else {
            stopped[key][name] ??= value;
            opts.log(`round ${r + 1} ${key} ${name}: ${formatOutcome(value, 0)}`);
          }
        }
      }
      const outcome = (key: Key, name: MuxName): Outcome => fromCompletedRuns(values[key][name], stopped[key][name]);
      const historyNote =
        `${sizes.lines.toLocaleString('en-US')} lines in each of ` +
        (shape === 'windows'
          ? `${sizes.panes} windows of one session`
          : `${sizes.panes} one-pane sessions (tsmux has no new-window yet; tmux does the same, like for like)`) +
        (sizes.lines === DEFAULT_HISTORY && !opts.smoke ? '; 2,000 lines (the default history-limit) because tsmux has no set-option yet' : '');
      const figure = (key: Key, id: string, name: string, unit: string, decimals: number, target: Figure['target'], note?: string): Figure => ({
        id,
        group: 'Memory',
        name,
        unit,
        better: 'lower',
        decimals,
        tsmux: outcome(key, 'tsmux'),
        tmux: outcome(key, 'tmux'),
        references: [],
        target,
        note,
      });
      return [
        figure('one', 'memory-one-pane', 'server RSS, 1 idle pane', 'MiB', 1, { kind: 'at-most', value: 60 }),
        figure('many', 'memory-ten-windows', `server RSS, ${sizes.windows} idle windows`, 'MiB', 1, { kind: 'none' }),
        figure('plain', 'memory-history-plain', 'history, plain 200-column lines', 'B/line', 0, { kind: 'vs-tmux', factor: 1 }, historyNote),
        figure('colour', 'memory-history-colour', 'history, coloured 200-column lines', 'B/line', 0, { kind: 'vs-tmux', factor: 1 }, historyNote),
      ];
    });
  },
};

if (require.main === module) runStandalone(memory);
