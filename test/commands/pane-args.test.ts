// The small pieces the pane commands share: tmux's number and percentage arguments with their error
// words, display-panes' template substitution, and where display-panes draws its numbers.

import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { percentage, strtonum } from '../../src/commands/pane-args';
import { paneNumberCells, templateReplace } from '../../src/commands/display-panes';
import { Model, Pane } from '../../src/model/model';
import { layoutSplitPane } from '../../src/model/layout';
import type { PaneProcess } from '../../src/pty/pane-process';
import type { PaneTerminal } from '../../src/emulator/terminal';

test('strtonum and percentage give tmux’s error words', () => {
  assert.deepEqual(strtonum('12', 1, 100), { ok: true, value: 12 });
  assert.deepEqual(strtonum('abc', 1, 100), { ok: false, error: 'invalid' });
  assert.deepEqual(strtonum('0', 1, 100), { ok: false, error: 'too small' });
  assert.deepEqual(strtonum('101', 1, 100), { ok: false, error: 'too large' });
  assert.deepEqual(percentage('50%', 0, 1000, 81), { ok: true, value: 40 });
  assert.deepEqual(percentage('101%', 0, 1000, 80), { ok: false, error: 'too large' });
  assert.deepEqual(percentage('x%', 0, 1000, 80), { ok: false, error: 'invalid' });
  assert.deepEqual(percentage('-5', 0, 1000, 80), { ok: false, error: 'too small' });
});

test('templateReplace replaces the first %% (or %1) and escapes for double quotes with %%%', () => {
  assert.equal(templateReplace("select-pane -t '%%'", '%3'), "select-pane -t '%3'");
  assert.equal(templateReplace('a %% b %%', 'X'), 'a X b %%');
  assert.equal(templateReplace('run "%%%"', 'say "hi"; $x'), 'run "say \\"hi\\"\\; \\$x"');
  assert.equal(templateReplace('%1 and %2', 'v'), 'v and %2');
  assert.equal(templateReplace('no percent', 'v'), 'no percent');
});

test('display-panes numbers: large digits with the size in the corner, small text in a narrow pane', () => {
  const model = new Model();
  const window = model.createWindow('w', 80, 23);
  const a = new Pane(model.allocatePaneId(), window, {} as PaneProcess, {} as PaneTerminal, 'sh', '/');
  model.addPane(a);
  const id = model.allocatePaneId();
  layoutSplitPane(window.layout!, a.id, id, { type: 'leftright', size: 4 });
  model.addPane(new Pane(id, window, {} as PaneProcess, {} as PaneTerminal, 'sh', '/'), { target: a });
  const cells = paneNumberCells(window, 0, 4, 1);
  // Pane 0 is 75x23 and active: its 0 in the active colour around the middle, its size top right.
  const zero = cells.filter((c) => c.bg === 1);
  assert.equal(zero.length, 16);
  assert.deepEqual([Math.min(...zero.map((c) => c.x)), Math.min(...zero.map((c) => c.y))], [34, 9]);
  assert.equal(cells.filter((c) => c.y === 0 && c.fg === 1).map((c) => c.ch).join(''), '75x23');
  // Pane 1 is 4 wide: just "1", in the middle.
  assert.deepEqual(cells.filter((c) => c.x >= 76).map((c) => [c.x, c.y, c.ch, c.fg]), [[78, 11, '1', 4]]);
});
