// capture-pane against tmux 3.3a: each scenario of fixtures/capture-scenarios.txt is written to a
// pane's terminal and captured with every set of flags of capture-generate.sh; the output must be
// tmux's byte for byte (fixtures/capture.txt).

import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { InProcessTsmux } from '../harness/in-process';

const FIXTURES = path.join(__dirname, '../../../test/commands/fixtures');

/** The bytes printf(1) writes for a format with only \e \r \n \t \\ and \ooo escapes. */
export function printfBytes(format: string): Buffer {
  const out: number[] = [];
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    if (c !== '\\') {
      out.push(...Buffer.from(c, 'utf8'));
      continue;
    }
    const n = format[++i];
    if (n === 'e') out.push(0x1b);
    else if (n === 'r') out.push(0x0d);
    else if (n === 'n') out.push(0x0a);
    else if (n === 't') out.push(0x09);
    else if (n === 'a') out.push(0x07);
    else if (n === '\\') out.push(0x5c);
    else if (/[0-7]/.test(n)) {
      let digits = n;
      while (digits.length < 3 && /[0-7]/.test(format[i + 1] ?? '')) digits += format[++i];
      out.push(parseInt(digits, 8));
    } else out.push(0x5c, n.charCodeAt(0));
  }
  return Buffer.from(out);
}

test('capture-pane prints what tmux 3.3a prints, escapes and all', async () => {
  const scenarios = fs.readFileSync(path.join(FIXTURES, 'capture-scenarios.txt'), 'utf8').split('\n')
    .filter((l) => l !== '' && !l.startsWith('#')).map((l) => l.split('\t'));
  const expected = fs.readFileSync(path.join(FIXTURES, 'capture.txt'), 'utf8').split('\n')
    .filter((l) => l !== '' && !l.startsWith('#')).map((l) => l.split('\t'));
  const t = new InProcessTsmux();
  try {
    const panes = new Map<string, number>();
    let n = 0;
    for (const [name, size, bytes] of scenarios) {
      n++;
      const [w, h] = size.split('x');
      const r = await t.runLine(`new-session -d -s s${n} -x ${w} -y ${h} sleep 1000`);
      assert.equal(r.code, 0, r.stderr);
      const pane = t.server.model.findSessionByName(`s${n}`)!.current!.active!;
      await t.feed(pane.id, printfBytes(bytes));
      panes.set(name, n);
    }
    const failures: string[] = [];
    for (const [name, flags, status, out64, err] of expected) {
      const r = await t.run([['capture-pane', '-p', ...flags.split(' ').filter(Boolean), '-t', `s${panes.get(name)}`]]);
      const want = Buffer.from(out64, 'base64').toString('utf8');
      if (r.code !== Number(status) || r.stdout !== want || r.stderr.trim() !== (err ?? '')) {
        failures.push(`${name} [${flags}]:\n  tmux  ${JSON.stringify(want)} ${status} ${err}\n  tsmux ${JSON.stringify(r.stdout)} ${r.code} ${r.stderr.trim()}`);
      }
    }
    assert.equal(failures.join('\n'), '');
  } finally {
    t.dispose();
  }
});
