// CLI: wall time of one-shot commands against a running server (`ls`, `display -p
// '#{session_name}'`), beside the floor any Node CLI pays (`node -e 0`, with and without
// NODE_EXTRA_CA_CERTS in the environment) and the cost of spawning anything at all (/bin/true).
// Every command is spawned the same way from this process, interleaved, many times.

import * as fs from 'node:fs';
import { withScope } from './lib/cleanup';
import { errorText, failed, fromRuns, type Benchmark, type BenchOptions, type Figure, type Outcome } from './lib/figures';
import { bothMultiplexers, baseEnvironment, MUX_NAMES, type MuxName } from './lib/multiplexer';
import { run } from './lib/proc';
import { runStandalone } from './lib/standalone';

const SYSTEM_CA_BUNDLE = '/etc/ssl/certs/ca-certificates.crt';
const NODE_FLOOR = 'node -e 0';
const NODE_WITH_CERTS = 'node -e 0, NODE_EXTRA_CA_CERTS set';
const SPAWN_FLOOR = 'spawn floor (/bin/true)';

interface Job {
  key: string;
  file: string;
  args: string[];
  env: Record<string, string>;
  times: number[];
  error?: unknown;
}

export const cli: Benchmark = {
  name: 'cli',
  title: 'CLI start-up',
  method:
    "Wall time from spawn to exit of `ls` and `display -p '#{session_name}'` against a running server with one " +
    'session, spawned from Node with the environment as it is (tsmux\'s launcher drops NODE_EXTRA_CA_CERTS itself). ' +
    'References: `node -e 0` without and with NODE_EXTRA_CA_CERTS (pointing at the system CA bundle; it costs every ' +
    'Node start ~40 ms, nodejs/node#40524) and `/bin/true` for the cost of spawning at all. 40 runs of each after ' +
    '3 warm-up runs, all commands interleaved in a rotating order.',

  async run(opts: BenchOptions): Promise<Figure[]> {
    const runs = opts.smoke ? 2 : 40;
    const warmUp = opts.smoke ? 1 : 3;
    return withScope(async (scope) => {
      const muxes = bothMultiplexers('cli', scope);
      const ready: Partial<Record<MuxName, Outcome>> = {};
      for (const name of MUX_NAMES) {
        try {
          await muxes[name].newSession('C', 80, 24);
        } catch (e) {
          ready[name] = failed(e);
        }
      }
      const plain = baseEnvironment();
      delete plain.NODE_EXTRA_CA_CERTS;
      const certs = process.env.NODE_EXTRA_CA_CERTS ?? (fs.existsSync(SYSTEM_CA_BUNDLE) ? SYSTEM_CA_BUNDLE : undefined);
      const jobs: Job[] = [];
      for (const name of MUX_NAMES) {
        if (ready[name]) continue;
        const m = muxes[name];
        jobs.push({ key: `${name} ls`, file: m.bin, args: m.argv(['ls']), env: m.env, times: [] });
        jobs.push({ key: `${name} display`, file: m.bin, args: m.argv(['display-message', '-p', '#{session_name}']), env: m.env, times: [] });
      }
      jobs.push({ key: NODE_FLOOR, file: process.execPath, args: ['-e', '0'], env: plain, times: [] });
      if (certs) jobs.push({ key: NODE_WITH_CERTS, file: process.execPath, args: ['-e', '0'], env: { ...plain, NODE_EXTRA_CA_CERTS: certs }, times: [] });
      jobs.push({ key: SPAWN_FLOOR, file: '/bin/true', args: [], env: plain, times: [] });

      for (let i = 0; i < warmUp + runs; i++) {
        for (let j = 0; j < jobs.length; j++) {
          const job = jobs[(i + j) % jobs.length];
          if (job.error !== undefined) continue;
          const r = await run(job.file, job.args, { env: job.env, timeoutMs: 20_000 });
          if (r.code !== 0) {
            job.error = new Error(`${job.key}: ${r.stderr.trim() || `exit ${r.code}`}`);
            opts.log(errorText(job.error));
          } else if (i >= warmUp) {
            job.times.push(r.ms);
          }
        }
      }
      const outcome = (key: string): Outcome => {
        const job = jobs.find((j) => j.key === key);
        if (!job) return failed('not run');
        if (job.error !== undefined && job.times.length === 0) return failed(job.error);
        return fromRuns(job.times);
      };
      for (const job of jobs) {
        const o = outcome(job.key);
        opts.log(`${job.key}: ${o.kind === 'value' ? `${o.value.toFixed(1)} ms` : o.reason}`);
      }
      const references = [
        { name: NODE_FLOOR, outcome: outcome(NODE_FLOOR) },
        ...(certs ? [{ name: NODE_WITH_CERTS, outcome: outcome(NODE_WITH_CERTS) }] : []),
        { name: SPAWN_FLOOR, outcome: outcome(SPAWN_FLOOR) },
      ];
      const figure = (what: 'ls' | 'display', name: string): Figure => ({
        id: `cli-${what}`,
        group: 'CLI',
        name,
        unit: 'ms',
        better: 'lower',
        decimals: 1,
        tsmux: ready.tsmux ?? outcome(`tsmux ${what}`),
        tmux: ready.tmux ?? outcome(`tmux ${what}`),
        references,
        target: { kind: 'vs-reference', reference: NODE_FLOOR, factor: 1.3 },
        note: certs ? undefined : 'NODE_EXTRA_CA_CERTS: no CA bundle found, so only the plain `node -e 0` was timed',
      });
      return [figure('ls', '`ls`'), figure('display', "`display -p '#{session_name}'`")];
    });
  },
};

if (require.main === module) runStandalone(cli);
