// A session manager's script (fixtures/session-manager.sh: named windows, split panes, list-panes
// -a -F, send-keys, wait-for, capture-pane, buffers) prints under tsmux exactly what it printed
// under tmux 3.3a (fixtures/session-manager.tmux.txt).

import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TestTsmux, TSMUX } from '../harness/tsmux';

const FIXTURES = path.join(__dirname, '../../../test/e2e/fixtures');

test('a session-manager script prints the same under tsmux as under tmux 3.3a', async () => {
  const t = new TestTsmux();
  try {
    const expected = fs.readFileSync(path.join(FIXTURES, 'session-manager.tmux.txt'), 'utf8');
    const got = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile('sh', [path.join(FIXTURES, 'session-manager.sh'), TSMUX], { env: t.env, cwd: t.home, timeout: 60000 }, (error, stdout, stderr) => {
        resolve({ code: error ? 1 : 0, stdout, stderr });
      });
    });
    assert.equal(got.stderr, '');
    assert.equal(got.stdout, expected);
    assert.equal(got.code, 0);
  } finally {
    await t.cleanup();
  }
});
