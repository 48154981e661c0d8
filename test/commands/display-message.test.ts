// display-message -a lists the variables tmux 3.3a lists (fixtures/display-a.txt, written by
// display-a-generate.sh), in the same order, for a pane from a command-line client.

import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { InProcessTsmux } from '../harness/in-process';

const FIXTURES = path.join(__dirname, '../../../test/commands/fixtures');

test('display-message -a lists every variable tmux lists, in its order', async () => {
  const expected = fs.readFileSync(path.join(FIXTURES, 'display-a.txt'), 'utf8').split('\n').filter((l) => l !== '' && !l.startsWith('#'));
  const t = new InProcessTsmux();
  try {
    await t.runLine('new-session -d -s a -x 80 -y 24');
    await t.runLine('set-buffer -b b data');
    const r = await t.runLine('display-message -a -p');
    assert.equal(r.code, 0);
    const names = r.stdout.trimEnd().split('\n').map((l) => l.slice(0, l.indexOf('=')));
    assert.deepEqual(names, expected);
  } finally {
    t.dispose();
  }
});
