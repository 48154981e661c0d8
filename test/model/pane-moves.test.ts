// Moving live panes between cells and windows (model/pane-moves.ts): the pane list, the layout
// cells, the active and last pane and the marked pane after each move, as tmux 3.3a leaves them.
// The end-to-end replay of tmux's own results is test/e2e/panes-ops.test.ts; these pin the rules.

import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { Model, Pane, type Window } from '../../src/model/model';
import { layoutDump } from '../../src/model/layout-string';
import { layoutSplitPane } from '../../src/model/layout';
import { joinPane, rotatePanes, swapPanes, takePane } from '../../src/model/pane-moves';
import type { PaneProcess } from '../../src/pty/pane-process';
import type { PaneTerminal } from '../../src/emulator/terminal';

/** A window of `n` panes side by side (each split off the last), with stand-in processes. */
function windowOf(model: Model, n: number, cols = 80, rows = 24): Window {
  const window = model.createWindow('w', cols, rows);
  for (let i = 0; i < n; i++) {
    const id = model.allocatePaneId();
    const pane = new Pane(id, window, {} as PaneProcess, {} as PaneTerminal, 'sh', '/');
    const last = window.panes[window.panes.length - 1];
    if (last) assert.equal(layoutSplitPane(window.layout!, last.id, id, { type: 'leftright' }), null);
    model.addPane(pane, last ? { target: last } : undefined);
    window.selectPane(pane);
  }
  return window;
}

const ids = (w: Window): string => w.panes.map((p) => `%${p.id}${w.active === p ? '*' : ''}`).join(' ');

test('swap-pane in one window exchanges list places and cells; the target becomes active', () => {
  const model = new Model();
  const w = windowOf(model, 3);
  const [a, , c] = w.panes;
  assert.equal(layoutDump(w.layout!).slice(5), '80x24,0,0{40x24,0,0,0,19x24,41,0,1,19x24,61,0,2}');
  swapPanes(a, c, false);
  assert.equal(ids(w), '%2* %1 %0');
  // Sizes stay with the cells: only the pane ids in the layout change places.
  assert.equal(layoutDump(w.layout!).slice(5), '80x24,0,0{40x24,0,0,2,19x24,41,0,1,19x24,61,0,0}');
});

test('swap-pane -d in one window: the two separate checks of tmux leave the source active', () => {
  const model = new Model();
  const w = windowOf(model, 2);
  const [a, b] = w.panes;
  w.selectPane(a);
  swapPanes(a, b, true);
  assert.equal(ids(w), '%1 %0*');
});

test('swap-pane across windows moves each pane into the other window, with its options re-parented', () => {
  const model = new Model();
  const w1 = windowOf(model, 2);
  const w2 = windowOf(model, 1);
  const [a] = w1.panes;
  const [c] = w2.panes;
  a.options.set('remain-on-exit', 'on');
  w2.options.set('pane-border-style', 'fg=red');
  swapPanes(a, c, false);
  assert.equal(a.window, w2);
  assert.equal(c.window, w1);
  assert.equal(ids(w1), '%2* %1');
  assert.equal(ids(w2), '%0*');
  assert.equal(a.options.getString('remain-on-exit'), 'on');
  assert.equal(a.options.getString('pane-border-style'), 'fg=red');
});

test('rotate-window moves every pane one cell along and keeps the focus in its cell', () => {
  const model = new Model();
  const w = windowOf(model, 3);
  w.selectPane(w.panes[0]);
  rotatePanes(w, 'up');
  assert.equal(ids(w), '%1* %2 %0');
  assert.equal(layoutDump(w.layout!).slice(5), '80x24,0,0{40x24,0,0,1,19x24,41,0,2,19x24,61,0,0}');
  rotatePanes(w, 'down');
  assert.equal(ids(w), '%0* %1 %2');
});

test('taking a pane out picks the last pane, else the one before, as the new active pane, and clears a mark', () => {
  const model = new Model();
  const w = windowOf(model, 3);
  const session = model.createSession('s', '/');
  session.windows.set(0, w);
  const [a, b, c] = w.panes;
  w.lastPane = undefined;
  model.marked = { session, window: w, pane: c };
  assert.equal(takePane(model, c), false);
  assert.equal(ids(w), '%0 %1*');
  assert.equal(model.markedPane(), undefined);
  w.selectPane(a);
  assert.equal(takePane(model, a), false);
  assert.equal(ids(w), '%1*');
  assert.equal(takePane(model, b), true);
});

test('join-pane within one window splits the target first, then closes the source cell', () => {
  const model = new Model();
  const w = windowOf(model, 3, 120, 40);
  const [a, , c] = w.panes;
  const joined = joinPane(model, a, c, { direction: 'topbottom' });
  assert.deepEqual(joined, { emptied: false });
  assert.equal(w.panes.map((p) => p.id).join(','), '1,2,0');
  assert.equal(layoutDump(w.layout!).slice(5), '120x40,0,0{90x40,0,0,1,29x40,91,0[29x20,91,0,2,29x19,91,21,0]}');
});
