// Running one benchmark on its own: `node dist/bench/<name>.js [--smoke]` prints its figures.

import { printFigures, type Benchmark, type Figure } from './figures';

export function parseSmoke(argv: string[]): boolean {
  return argv.includes('--smoke');
}

export function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** A figure whose run broke (as opposed to n/a: a feature tsmux lacks). */
export function hasFailure(figures: Figure[]): boolean {
  return figures.some((f) => [f.tsmux, f.tmux, ...f.references.map((r) => r.outcome)].some((o) => o.kind === 'failed'));
}

export function runStandalone(bench: Benchmark): void {
  const smoke = parseSmoke(process.argv.slice(2));
  log(`# ${bench.title}${smoke ? ' (smoke)' : ''}`);
  bench
    .run({ smoke, log: (line) => log(`  ${line}`) })
    .then((figures) => {
      printFigures(figures, log);
      // node-pty and child handles are all closed by now; exit explicitly in case one lingers.
      process.exit(hasFailure(figures) ? 1 : 0);
    })
    .catch((e: unknown) => {
      process.stderr.write(`${bench.name}: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
      process.exit(1);
    });
}
