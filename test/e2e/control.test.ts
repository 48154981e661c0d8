// Control mode (-C): a control client's conversation (fixtures/control.sh) reads as tmux 3.3a's
// (fixtures/control.tmux.txt), times, command numbers and %output lines aside; and %output carries
// a pane's bytes with controls and backslashes in octal.

import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TestTsmux, TSMUX, sleep } from '../harness/tsmux';

const FIXTURES = path.join(__dirname, '../../../test/e2e/fixtures');

test('a control client sees the blocks and notifications tmux 3.3a sends', async () => {
  const t = new TestTsmux();
  try {
    const expected = fs.readFileSync(path.join(FIXTURES, 'control.tmux.txt'), 'utf8');
    const got = await new Promise<string>((resolve) => {
      execFile('sh', [path.join(FIXTURES, 'control.sh'), TSMUX], { env: t.env, cwd: t.home, timeout: 60000 }, (_e, stdout) => resolve(stdout));
    });
    assert.equal(got, expected);
  } finally {
    await t.cleanup();
  }
});

test('%output escapes control characters and backslashes as octal; -CC wraps the stream in a DCS', async () => {
  const t = new TestTsmux();
  try {
    await t.run(['new', '-d', '-s', 'o', '-x', '80', '-y', '24', 'cat']);
    const child = spawn(TSMUX, ['-CC', 'attach', '-t', 'o'], { env: t.env, cwd: t.home });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('latin1')));
    const closed = new Promise<void>((resolve) => child.on('close', () => resolve()));
    for (let i = 0; i < 100 && !out.includes('%session-changed'); i++) await sleep(50);
    child.stdin.write('send-keys -t o -l "a\\\\b"\n');
    child.stdin.write('send-keys -t o Enter\n');
    for (let i = 0; i < 100 && !/%output %0 .*a\\134b\\015\\012/.test(out); i++) await sleep(50);
    child.stdin.write('\n');
    await closed;
    assert.ok(out.startsWith('\x1bP1000p%begin '), JSON.stringify(out.slice(0, 30)));
    assert.match(out, /%output %0 [^\n]*a\\134b/);
    assert.match(out, /\\015\\012/);
    assert.ok(out.endsWith('%exit\n\x1b\\'), JSON.stringify(out.slice(-20)));
  } finally {
    await t.cleanup();
  }
});
