// Scale: a server holding 100 idle panes — 20 windows of 5 panes when tsmux has new-window and
// split-window, otherwise 100 one-pane sessions (tmux then does the same, like for like). tmux and
// tsmux are built side by side and, once quiet and past Node's one-off idle-time GC, watched over
// the same three 10 s windows: CPU time used (utime+stime from /proc/PID/stat) and resident memory.

import { withScope } from './lib/cleanup';
import { errorText, failed, fromCompletedRuns, type Benchmark, type BenchOptions, type Figure, type Outcome } from './lib/figures';
import { bothMultiplexers, interleaved, Multiplexer, type MuxName } from './lib/multiplexer';
import { cpuSeconds, rssBytes, sleep, ticksPerSecond, waitIdle } from './lib/proc';
import { runStandalone } from './lib/standalone';

const COLS = 200;
const ROWS = 50;
const PANES_PER_WINDOW = 5;
const MiB = 1024 * 1024;

type Shape = 'windows' | 'sessions';

async function build(mux: Multiplexer, shape: Shape, panes: number): Promise<void> {
  if (shape === 'sessions') {
    for (let i = 0; i < panes; i++) await mux.newSession(`s${i}`, COLS, ROWS);
    return;
  }
  await mux.newSession('s', COLS, ROWS);
  const windows = Math.ceil(panes / PANES_PER_WINDOW);
  for (let w = 0; w < windows; w++) {
    if (w > 0) await mux.cmd('new-window', '-d', '-t', `s:${w}`);
    // Split the window's active pane, alternating directions so every pane keeps a usable size.
    for (let p = 1; p < Math.min(PANES_PER_WINDOW, panes - w * PANES_PER_WINDOW); p++) {
      await mux.cmd('split-window', '-d', p % 2 ? '-v' : '-h', '-t', `s:${w}`);
    }
  }
}

export const scale: Benchmark = {
  name: 'scale',
  title: 'Scale',
  method:
    'Each server gets 100 panes running an idle bash (20 windows of 5 panes, built with `new-window` and ' +
    '`split-window -d`; or, while tsmux lacks those, 100 one-pane sessions in both), tmux and tsmux side by side. ' +
    'After each has used no CPU for 1 s, 20 s more pass (a Node server runs a one-off idle-time GC, about 90 ms, ' +
    '10–35 s after it goes quiet; that time is reported apart), then both servers are watched over the same three ' +
    'consecutive 10 s windows: CPU time from /proc/PID/stat (utime+stime, 10 ms ticks) as a percentage of one core, ' +
    'and VmRSS at the end of each window. The figure is the median window.',

  async run(opts: BenchOptions): Promise<Figure[]> {
    const windows = opts.smoke ? 1 : 3;
    const panes = opts.smoke ? 4 : 100;
    const seconds = opts.smoke ? 0.5 : 10;
    const quietMs = opts.smoke ? 200 : 1000;
    const settleSeconds = opts.smoke ? 0 : 20;

    let shape: Shape = 'windows';
    try {
      await withScope(async (scope) => {
        const probe = new Multiplexer('tsmux', 'scale-probe', scope);
        await probe.newSession('probe', COLS, ROWS);
        if (await probe.missing('new-window', 'split-window')) shape = 'sessions';
      });
    } catch (e) {
      opts.log(`tsmux probe: ${errorText(e)}`);
    }

    const cpu: Record<MuxName, number[]> = { tsmux: [], tmux: [] };
    const rss: Record<MuxName, number[]> = { tsmux: [], tmux: [] };
    const settling: Record<MuxName, number[]> = { tsmux: [], tmux: [] };
    const stopped: Partial<Record<MuxName, Outcome>> = {};
    await withScope(async (scope) => {
      const muxes = bothMultiplexers('scale', scope);
      let live: MuxName[] = [];
      for (const name of interleaved(0)) {
        try {
          await build(muxes[name], shape, panes);
          const listed = await muxes[name].exec(['list-panes', '-a', '-F', '#{pane_id}']);
          const count = listed.stdout.split('\n').filter(Boolean).length;
          if (listed.code === 0 && count !== panes) throw new Error(`${name} has ${count} panes, not ${panes}`);
          live.push(name);
        } catch (e) {
          stopped[name] = failed(e);
          opts.log(`${name}: ${errorText(e)}`);
        }
      }
      for (const name of live) {
        if (!(await waitIdle(muxes[name].knownPid, quietMs, 60_000))) opts.log(`${name}: server never went quiet for ${quietMs} ms`);
      }
      let before = live.map((name) => cpuSeconds(muxes[name].knownPid));
      if (settleSeconds > 0) {
        await sleep(settleSeconds * 1000);
        const now = live.map((name) => cpuSeconds(muxes[name].knownPid));
        live.forEach((name, i) => settling[name].push(now[i] - before[i]));
        before = now;
      }
      for (let w = 0; w < windows; w++) {
        await sleep(seconds * 1000);
        const after = live.map((name) => cpuSeconds(muxes[name].knownPid));
        live.forEach((name, i) => {
          // Whole clock ticks: the difference of two tick counts, free of floating-point dust.
          const used = Math.round((after[i] - before[i]) * ticksPerSecond()) / ticksPerSecond();
          const resident = rssBytes(muxes[name].knownPid);
          if (!Number.isFinite(used) || !Number.isFinite(resident)) {
            stopped[name] = failed(`${name} server exited while idle`);
            return;
          }
          cpu[name].push((used / seconds) * 100);
          rss[name].push(resident / MiB);
          opts.log(`window ${w + 1} ${name}: ${(used * 1000).toFixed(0)} ms CPU in ${seconds} s, ${(resident / MiB).toFixed(1)} MiB`);
        });
        live = live.filter((name) => !stopped[name]);
        before = live.map((name) => cpuSeconds(muxes[name].knownPid));
      }
    });
    const settleDetail = (name: MuxName): string | undefined =>
      settleSeconds && settling[name].length
        ? `${Math.round(settling[name][0] * 1000)} ms of CPU in the ${settleSeconds} s before the windows (after going quiet)`
        : undefined;
    const outcome = (values: Record<MuxName, number[]>, name: MuxName, detail?: string): Outcome =>
      fromCompletedRuns(values[name], stopped[name], detail);
    const layout = shape === 'windows' ? `${panes / PANES_PER_WINDOW} windows × ${PANES_PER_WINDOW} panes` : `${panes} one-pane sessions (tsmux has no new-window/split-window yet; tmux does the same)`;
    return [
      {
        id: 'scale-idle-cpu',
        group: 'Scale',
        name: `idle server CPU, ${panes} panes`,
        unit: '% of a core',
        better: 'lower',
        decimals: 2,
        tsmux: outcome(cpu, 'tsmux', settleDetail('tsmux')),
        tmux: outcome(cpu, 'tmux', settleDetail('tmux')),
        references: [],
        target: { kind: 'at-most', value: 0.5, text: '≈ 0 (≤ 0.5 %)' },
        note: `${layout}; CPU over ${seconds} s`,
      },
      {
        id: 'scale-rss',
        group: 'Scale',
        name: `server RSS, ${panes} idle panes`,
        unit: 'MiB',
        better: 'lower',
        decimals: 1,
        tsmux: outcome(rss, 'tsmux'),
        tmux: outcome(rss, 'tmux'),
        references: [],
        target: { kind: 'none' },
        note: layout,
      },
    ];
  },
};

if (require.main === module) runStandalone(scale);
