// set-option, show-options, bind-key, unbind-key and list-keys answer exactly as tmux 3.3a: the
// default key tables and options print byte for byte as tmux printed them, and a long series of
// commands (errors included) gives tmux's output, messages and exit statuses. The expectations were
// recorded from the real tmux by test/commands/fixtures/generate.sh; tmux is not needed here.

import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT, TestTsmux } from '../harness/tsmux';

const FIXTURES = path.join(ROOT, 'test', 'commands', 'fixtures');
const fixture = (name: string): string => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

interface Case {
  args: string[];
  stdout: string;
  stderr: string;
  code: number;
}

/** A tsmux like the one the fixtures were recorded from: no config, bash, no $EDITOR. */
async function startServer(t: TestTsmux): Promise<void> {
  delete t.env.EDITOR;
  delete t.env.VISUAL;
  t.env.SHELL = '/bin/bash';
  const r = await t.run(['-f', '/dev/null', 'new-session', '-d', '-s', 'x']);
  assert.equal(r.code, 0, r.stderr);
}

test('list-keys and list-keys -N print the default tables as tmux does', async () => {
  const t = new TestTsmux();
  try {
    await startServer(t);
    assert.equal((await t.run(['list-keys'])).stdout, fixture('list-keys.txt'));
    assert.equal((await t.run(['list-keys', '-N'])).stdout, fixture('list-keys-N.txt'));
  } finally {
    await t.cleanup();
  }
});

test('show-options -g, -s and -gw print the default options as tmux does (escape-time aside)', async () => {
  const t = new TestTsmux();
  try {
    await startServer(t);
    assert.equal((await t.run(['show-options', '-g'])).stdout, fixture('show-options-g.txt'));
    assert.equal((await t.run(['show-options', '-gw'])).stdout, fixture('show-options-gw.txt'));
    // tsmux's one deliberate difference: escape-time defaults to 10 ms (tmux 3.3a: 500).
    const expected = fixture('show-options-s.txt').replace('escape-time 500\n', 'escape-time 10\n');
    assert.equal((await t.run(['show-options', '-s'])).stdout, expected);
  } finally {
    await t.cleanup();
  }
});

test('option and key binding commands give tmux output, errors and exit statuses', async () => {
  const t = new TestTsmux();
  try {
    await startServer(t);
    const { cases } = JSON.parse(fixture('option-key-cases.json')) as { cases: Case[] };
    for (const c of cases) {
      const r = await t.run(c.args);
      assert.deepEqual(
        { stdout: r.stdout, stderr: r.stderr, code: r.code },
        { stdout: c.stdout, stderr: c.stderr, code: c.code },
        `tsmux ${c.args.join(' ')}`,
      );
    }
  } finally {
    await t.cleanup();
  }
});
