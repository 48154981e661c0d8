// Target resolution against tmux 3.3a: every target in fixtures/targets-cases.txt, as a session,
// window and pane target, from outside any pane and from inside three panes, resolved by tsmux
// against the same model (fixtures/targets-setup.txt) must give what tmux gave
// (fixtures/targets.txt, written by targets-generate.sh).

import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { InProcessTsmux } from '../harness/in-process';
import { resolveTarget, fnmatch, type Origin, type TargetKind } from '../../src/model/target';

const FIXTURES = path.join(__dirname, '../../../test/model/fixtures');

// tmux counts `+`, `-` and `{up-of}`… from the current pane even when it is in another window than
// the target, and answers with a pane of that other window; tsmux counts from the target window's
// active pane (docs/compatibility.md). Outside any pane the current pane is beta:1.2, not in bar.
const KNOWN_DIFFERENCES = new Set(
  ['+', '-', '{next}', '{previous}', '{up-of}', '{down-of}', '{left-of}', '{right-of}'].map((t) => `outside pane alpha:bar.${t}`),
);

function lines(file: string): string[] {
  return fs.readFileSync(path.join(FIXTURES, file), 'utf8').split('\n').filter((l) => l !== '' && !l.startsWith('#'));
}

test('targets resolve as tmux 3.3a resolves them', async () => {
  const t = new InProcessTsmux();
  try {
    for (const line of lines('targets-setup.txt')) {
      const r = await t.runLine(line);
      assert.equal(r.code, 0, `setup: ${line}: ${r.stderr}`);
    }
    const model = t.server.model;
    const failures: string[] = [];
    let count = 0;
    for (const line of lines('targets.txt')) {
      const [context, kind, target, status, expected] = line.split('\t');
      let origin: Origin = {};
      if (context !== 'outside') {
        const pane = model.panes.get(Number(context.slice(1)));
        assert.ok(pane, `pane ${context} exists`);
        origin = { pane };
      }
      const r = resolveTarget(model, target, kind as TargetKind, origin);
      let got: string;
      if (!r.ok) got = `1\t${r.error}`;
      else {
        const { session, index, window, pane } = r.target;
        const paneIndex = window.panes.indexOf(pane) + window.options.getNumber('pane-base-index');
        got = `0\t${kind === 'session' ? session.name : kind === 'window' ? `${session.name}:${index}` : `${session.name}:${index}.${paneIndex}`}`;
      }
      count++;
      if (KNOWN_DIFFERENCES.has(`${context} ${kind} ${target}`)) continue;
      if (got !== `${status}\t${expected}`) failures.push(`${context} ${kind} [${target}]: tmux ${status} ${expected} / tsmux ${got.replace('\t', ' ')}`);
    }
    assert.ok(count > 1000, 'the fixture has every case');
    assert.deepEqual(failures, []);
  } finally {
    t.dispose();
  }
});

test('fnmatch handles classes, negation and escapes', () => {
  assert.ok(fnmatch('x*y', 'x*y'));
  assert.ok(fnmatch('x?y', 'xay'));
  assert.ok(fnmatch('[ab]c', 'bc'));
  assert.ok(!fnmatch('[!ab]c', 'bc'));
  assert.ok(fnmatch('a\\*', 'a*'));
  assert.ok(!fnmatch('a\\*', 'ab'));
});
