// What a benchmark produces: figures, each a tsmux outcome beside its tmux counterpart, optional
// reference bars (the raw pty ceiling, `node -e 0`), and the target the project set for it. The
// console table, the charts and docs/performance.md are all generated from these records.

import { summarize } from './stats';

/** A measured figure, a feature tsmux does not have yet, or a run that broke. */
export type Outcome =
  | { kind: 'value'; value: number; lo: number; hi: number; runs: number[]; detail?: string }
  | { kind: 'na'; reason: string }
  | { kind: 'failed'; reason: string };

/** How tsmux's figure is judged. Ratios are always tsmux ÷ the other figure. */
export type Target =
  | { kind: 'none' }
  /** Higher-is-better: tsmux ≥ factor × tmux. Lower-is-better: tsmux ≤ factor × tmux. */
  | { kind: 'vs-tmux'; factor: number }
  /** tsmux ≤ value, in the figure's unit. */
  | { kind: 'at-most'; value: number; text?: string }
  /** tsmux ≤ factor × the named reference bar. */
  | { kind: 'vs-reference'; reference: string; factor: number };

export interface Reference {
  name: string;
  outcome: Outcome;
}

export interface Figure {
  /** File-safe and stable: the chart is docs/performance/<id>.svg. */
  id: string;
  group: string;
  name: string;
  unit: string;
  better: 'higher' | 'lower';
  decimals: number;
  tsmux: Outcome;
  tmux: Outcome;
  references: Reference[];
  target: Target;
  note?: string;
}

export interface BenchOptions {
  /** Every benchmark once, on tiny inputs; results are not meaningful, only that it all still runs. */
  smoke: boolean;
  log: (line: string) => void;
}

export interface Benchmark {
  /** The module name: `node dist/bench/<name>.js` runs it alone. */
  name: string;
  title: string;
  /** A paragraph for docs/performance.md: what is measured and how. */
  method: string;
  run(opts: BenchOptions): Promise<Figure[]>;
}

/** Median and min–max spread of repeated runs. */
export function fromRuns(runs: number[], detail?: string): Outcome {
  if (runs.length === 0) return { kind: 'failed', reason: 'no runs completed' };
  const s = summarize(runs);
  return { kind: 'value', value: s.median, lo: s.min, hi: s.max, runs, detail };
}

/**
 * The median of the runs that completed. When the side stopped part-way (a run failed), the
 * figure still shows, and the detail says how many runs it rests on and why the rest are missing.
 */
export function fromCompletedRuns(runs: number[], stopped: Outcome | undefined, detail?: string): Outcome {
  if (runs.length === 0) return stopped ?? failed('no runs completed');
  const cut = stopped && stopped.kind !== 'value' ? `${runs.length} run${runs.length > 1 ? 's' : ''} only, then ${stopped.kind === 'na' ? 'n/a' : 'failed'}: ${stopped.reason}` : undefined;
  return fromRuns(runs, [detail, cut].filter(Boolean).join('; ') || undefined);
}

export function notAvailable(reason: string): Outcome {
  return { kind: 'na', reason };
}

/** The first line of an error's message, for a table cell. */
export function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0].slice(0, 200);
}

export function failed(error: unknown): Outcome {
  return { kind: 'failed', reason: errorText(error) };
}

export function valueOf(o: Outcome | undefined): number | undefined {
  return o && o.kind === 'value' ? o.value : undefined;
}

/** tsmux ÷ tmux, when both were measured. */
export function ratio(f: Figure): number | undefined {
  const a = valueOf(f.tsmux);
  const b = valueOf(f.tmux);
  if (a === undefined || b === undefined || b === 0) return undefined;
  return a / b;
}

export function targetText(f: Figure): string {
  const t = f.target;
  const cmp = f.better === 'higher' ? '≥' : '≤';
  switch (t.kind) {
    case 'none':
      return '—';
    case 'vs-tmux':
      return t.factor === 1 ? `${cmp} tmux` : `${cmp} ${t.factor}× tmux`;
    case 'at-most':
      return t.text ?? `≤ ${t.value} ${f.unit}`;
    case 'vs-reference':
      return `≤ ${t.factor}× ${t.reference}`;
  }
}

/** Whether tsmux meets its target: undefined when there is no target or nothing to judge. */
export function targetMet(f: Figure): boolean | undefined {
  const t = f.target;
  const mine = valueOf(f.tsmux);
  if (mine === undefined) return undefined;
  switch (t.kind) {
    case 'none':
      return undefined;
    case 'vs-tmux': {
      const theirs = valueOf(f.tmux);
      if (theirs === undefined) return undefined;
      return f.better === 'higher' ? mine >= t.factor * theirs : mine <= t.factor * theirs;
    }
    case 'at-most':
      return mine <= t.value;
    case 'vs-reference': {
      const ref = valueOf(f.references.find((r) => r.name === t.reference)?.outcome);
      if (ref === undefined) return undefined;
      return mine <= t.factor * ref;
    }
  }
}

export function formatNumber(v: number, decimals: number): string {
  return v.toFixed(decimals);
}

/** "15.6 (14.9–16.2)" or "n/a: needs split-window" or "failed: …". */
export function formatOutcome(o: Outcome, decimals: number): string {
  if (o.kind === 'na') return `n/a: ${o.reason}`;
  if (o.kind === 'failed') return `failed: ${o.reason}`;
  const v = formatNumber(o.value, decimals);
  if (o.runs.length < 2 || o.lo === o.hi) return v;
  return `${v} (${formatNumber(o.lo, decimals)}–${formatNumber(o.hi, decimals)})`;
}

/** A plain-text table of figures for the terminal. */
export function printFigures(figures: Figure[], log: (line: string) => void): void {
  const rows: string[][] = [['figure', 'unit', 'tsmux', 'tmux', 'tsmux÷tmux', 'better', 'target', 'met']];
  for (const f of figures) {
    const r = ratio(f);
    const met = targetMet(f);
    rows.push([
      `${f.group}: ${f.name}`,
      f.unit,
      formatOutcome(f.tsmux, f.decimals),
      formatOutcome(f.tmux, f.decimals),
      r === undefined ? '—' : `${r.toFixed(2)}×`,
      f.better,
      targetText(f),
      met === undefined ? '—' : met ? 'yes' : 'no',
    ]);
    for (const ref of f.references) rows.push([`  ${ref.name}`, f.unit, formatOutcome(ref.outcome, f.decimals), '', '', '', '', '']);
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  for (const row of rows) log(row.map((cell, c) => cell.padEnd(widths[c])).join('  ').trimEnd());
}
