// `npm run bench`: every benchmark in turn, each comparing tsmux with tmux 3.3a, then
// docs/performance.md and its charts (docs/performance/*.svg) written from the results.
//
//   node dist/bench/run-all.js                 all benchmarks (~10 min), rewrites docs/performance.md
//   node dist/bench/run-all.js --smoke         all once on tiny inputs (<1 min); the report goes to a
//                                              temporary directory and is removed (CI: "it still runs")
//   node dist/bench/run-all.js --only cli,attach   a subset
//   node dist/bench/run-all.js --out DIR       write DIR/performance.md instead of docs/
//
// Exit status 1 when a benchmark broke or a figure failed (a missing tsmux command is "n/a", not a
// failure). Nothing here asserts on timing.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { attach } from './attach';
import { cli } from './cli';
import { latency } from './latency';
import { memory } from './memory';
import { scale } from './scale';
import { throughput } from './throughput';
import { errorText, printFigures, type Benchmark } from './lib/figures';
import { ROOT } from './lib/multiplexer';
import { now } from './lib/proc';
import { machineInfo, writeReport, type RunRecord } from './lib/report';
import { hasFailure, log } from './lib/standalone';

export const BENCHMARKS: readonly Benchmark[] = [throughput, latency, memory, cli, attach, scale];

interface Args {
  smoke: boolean;
  only?: string[];
  out?: string;
}

function parseArgs(argv: string[]): Args | string {
  const args: Args = { smoke: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--smoke') args.smoke = true;
    else if (a === '--only' && i + 1 < argv.length) args.only = argv[++i].split(',');
    else if (a === '--out' && i + 1 < argv.length) args.out = path.resolve(argv[++i]);
    else return `usage: run-all [--smoke] [--only ${BENCHMARKS.map((b) => b.name).join(',')}] [--out DIR]`;
  }
  const unknown = (args.only ?? []).filter((n) => !BENCHMARKS.some((b) => b.name === n));
  if (unknown.length) return `unknown benchmark: ${unknown.join(', ')}`;
  return args;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    process.stderr.write(`${args}\n`);
    return 1;
  }
  const start = now();
  const record: RunRecord = {
    machine: machineInfo(),
    loadBefore: os.loadavg(),
    loadAfter: [],
    seconds: 0,
    smoke: args.smoke,
    sections: [],
  };
  let broken = false;
  for (const bench of BENCHMARKS) {
    if (args.only && !args.only.includes(bench.name)) continue;
    const benchStart = now();
    log(`# ${bench.title}${args.smoke ? ' (smoke)' : ''}`);
    try {
      const figures = await bench.run({ smoke: args.smoke, log: (line) => log(`  ${line}`) });
      printFigures(figures, log);
      record.sections.push({ bench, figures });
      if (hasFailure(figures)) broken = true;
    } catch (e) {
      log(`  ${bench.name} broke: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      record.sections.push({ bench, figures: [], error: errorText(e) });
      broken = true;
    }
    log(`  (${((now() - benchStart) / 1000).toFixed(0)} s)\n`);
  }
  record.loadAfter = os.loadavg();
  record.seconds = (now() - start) / 1000;

  const scratch = args.smoke && !args.out ? fs.mkdtempSync(path.join(os.tmpdir(), 'bench-report-')) : undefined;
  try {
    const file = writeReport(record, args.out ?? scratch ?? path.join(ROOT, 'docs'));
    log(scratch ? `report written and checked in ${scratch} (smoke runs do not touch docs/)` : `wrote ${path.relative(process.cwd(), file) || file}`);
  } finally {
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  }
  log(`total ${record.seconds.toFixed(0)} s`);
  return broken ? 1 : 0;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (e: unknown) => {
      process.stderr.write(`run-all: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
      process.exit(1);
    },
  );
}
