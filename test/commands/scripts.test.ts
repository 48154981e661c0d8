// Command scripts against tmux 3.3a: each fixtures/scripts/NAME.json is a list of tmux command
// lines with what the real tmux printed and returned for each (recorded by record-scripts.js).
// Here every step runs through the real command queue of an in-process tsmux server, as a
// command-line client in a scratch directory, and must print and return the same.

import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { InProcessTsmux, commandLineClient } from '../harness/in-process';
import { splitCommandLine } from '../../src/cmdlang/parse';

const SCRIPTS = path.join(__dirname, '../../../test/commands/fixtures/scripts');

interface Step {
  argv: string[];
  stdin?: string;
  env?: Record<string, string>;
  sleep?: number;
  tmux: { stdout: string; stderr: string; status: number };
  /** Where tsmux deliberately differs: what it does instead, and `why`. */
  tsmux?: { stdout: string; stderr: string; status: number };
  why?: string;
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

for (const file of fs.readdirSync(SCRIPTS).filter((f) => f.endsWith('.json')).sort()) {
  const name = file.replace(/\.json$/, '');
  test(`script ${name} behaves as in tmux 3.3a`, async () => {
    const script = JSON.parse(fs.readFileSync(path.join(SCRIPTS, file), 'utf8')) as { files?: Record<string, string>; steps: Step[] };
    const t = new InProcessTsmux();
    const dir = fs.realpathSync(t.dir);
    const sub = (s: string): string => s.split('$DIR').join(dir);
    const unsub = (s: string): string => s.split(dir).join('$DIR');
    try {
      for (const [f, content] of Object.entries(script.files ?? {})) fs.writeFileSync(path.join(dir, f), content);
      const failures: string[] = [];
      // The environment record-scripts.js gives each step; the server's global environment is the
      // first step's, with PWD, as tmux's is the environment of the client that started it.
      const baseEnv = { PATH: '/usr/local/bin:/usr/bin:/bin', HOME: dir, SHELL: '/bin/sh', TERM: 'xterm', LANG: 'C.UTF-8' };
      const global = t.server.model.environment;
      global.clear();
      for (const [k, v] of Object.entries({ ...baseEnv, ...(script.steps[0]?.env ?? {}), PWD: dir })) global.set(k, sub(v));
      for (const [i, step] of script.steps.entries()) {
        const env: Record<string, string> = { ...baseEnv };
        for (const [k, v] of Object.entries(step.env ?? {})) env[k] = sub(v);
        const r = await t.run(splitCommandLine(step.argv.map(sub)), {
          client: commandLineClient(dir, env),
          stdin: step.stdin === undefined ? Buffer.alloc(0) : Buffer.from(sub(step.stdin)),
        });
        await t.settle();
        if (step.sleep) await sleep(step.sleep);
        const got = { stdout: unsub(r.stdout), stderr: unsub(r.stderr), status: r.code };
        try {
          assert.deepEqual(got, step.tsmux ?? step.tmux);
        } catch {
          failures.push(`step ${i} ${JSON.stringify(step.argv)}:\n  want  ${JSON.stringify(step.tsmux ?? step.tmux)}\n  tsmux ${JSON.stringify(got)}`);
        }
      }
      assert.equal(failures.join('\n'), '');
    } finally {
      t.dispose();
    }
  });
}
