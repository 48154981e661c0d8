// Moving live panes around: swapping two panes (swap-pane), rotating a window's panes
// (rotate-window), taking a pane out of its window (break-pane, join-pane) and putting one into
// another window's layout (join-pane). The pane keeps its process and terminal throughout; only
// which window holds it, where it sits in the window's pane list and which layout cell it occupies
// change — with tmux 3.3a's rules for each (cmd-swap-pane.c, cmd-rotate-window.c, cmd-break-pane.c,
// cmd-join-pane.c, window_lost_pane in window.c).
//
// Pure model operations, like model.ts: nothing here resizes a terminal, spawns or redraws. The
// caller (a command, through ServerApi.applyLayout) gives the panes their new sizes afterwards.
// Zoom is the caller's business too: every operation expects the windows it touches unzoomed.

import { Options } from '../options/options';
import { layoutClosePane, layoutCreate, layoutPaneCell, layoutReplacePane, layoutSplitPane, type LayoutDirection } from './layout';
import type { Model, Pane, Window } from './model';

/** Give a pane that moved to `window` options inheriting from it, keeping what was set on the pane itself. */
function reparentOptions(pane: Pane, window: Window): void {
  const options = new Options(window.options);
  for (const [name, value] of pane.options.entries()) options.set(name, value);
  pane.options = options;
}

/**
 * A pane has left a window's pane list (it was at index `at`): pick the window's new active pane as
 * tmux's window_lost_pane does — the last pane, else the one before it, else the one after — and
 * forget it as the last pane. A marked pane stops being marked.
 */
export function windowLostPane(model: Model, window: Window, pane: Pane, at: number): void {
  if (model.marked?.pane === pane) model.marked = undefined;
  if (window.active === pane) {
    const next = window.lastPane ?? window.panes[at - 1] ?? window.panes[at];
    window.active = undefined;
    window.lastPane = undefined;
    if (next) window.selectPane(next);
  } else if (window.lastPane === pane) {
    window.lastPane = undefined;
  }
}

/**
 * Take a live pane out of its window (its cell closes and its room goes to a neighbour), without
 * touching its process. Returns true if the window is left with no panes (the caller kills it).
 */
export function takePane(model: Model, pane: Pane): boolean {
  const window = pane.window;
  const at = window.panes.indexOf(pane);
  if (at < 0) throw new Error(`pane %${pane.id} is not in its window`);
  const remaining = window.panes.filter((p) => p !== pane);
  if (remaining.length > 0 && window.layout) layoutClosePane(window.layout, pane.id);
  window.panes = remaining;
  windowLostPane(model, window, pane, at);
  return remaining.length === 0;
}

/**
 * Make `pane` (already taken out of its old window) the only pane of `window`, which has none yet
 * (break-pane): it fills the window and is its active pane.
 */
export function placePaneAlone(pane: Pane, window: Window): void {
  if (window.panes.length !== 0) throw new Error('window already has panes');
  pane.window = window;
  reparentOptions(pane, window);
  window.panes = [pane];
  window.layout = layoutCreate(pane.id, window.cols, window.rows, { paneBorderStatus: window.layout?.paneBorderStatus });
  window.active = undefined;
  window.lastPane = undefined;
  window.selectPane(pane);
}

/**
 * join-pane / move-pane: split `target`'s cell and move `source` into the new cell (tmux splits
 * first and only then closes the source's cell, which matters when both are in one window). The
 * source goes after the target in the target window's pane list (before it with `before`), whether
 * or not the split is full-size. Returns tmux's error, or null; on success, `emptied` is true when
 * the source's window has no panes left (the caller kills it).
 */
export function joinPane(
  model: Model,
  source: Pane,
  target: Pane,
  split: { direction: LayoutDirection; size?: number; before?: boolean; fullSize?: boolean },
): { error: string } | { emptied: boolean } {
  const dstWindow = target.window;
  const layout = dstWindow.layout;
  if (!layout) return { error: 'create pane failed: pane too small' };
  // A placeholder id for the new cell until the source's own cell is gone.
  const placeholder = -1 - source.id;
  const error = layoutSplitPane(layout, target.id, placeholder, {
    type: split.direction,
    size: split.size,
    before: split.before,
    fullSize: split.fullSize,
  });
  if (error !== null) return { error: 'create pane failed: pane too small' };
  const emptied = takePane(model, source);
  layoutReplacePane(layout, placeholder, source.id);
  source.window = dstWindow;
  reparentOptions(source, dstWindow);
  const at = dstWindow.panes.indexOf(target);
  dstWindow.panes.splice(split.before ? at : at + 1, 0, source);
  return { emptied };
}

/**
 * swap-pane: `source` and `target` exchange places — their positions in their windows' pane lists
 * and their layout cells (sizes stay with the cells) — in one window or across two. Then, as tmux:
 * without `detached` the target pane becomes active where it now is (across two windows each window's
 * newcomer becomes active); with `detached` a window whose active pane left gets the newcomer.
 */
export function swapPanes(source: Pane, target: Pane, detached: boolean): void {
  if (source === target) return;
  const srcWindow = source.window;
  const dstWindow = target.window;
  const srcAt = srcWindow.panes.indexOf(source);
  const dstAt = dstWindow.panes.indexOf(target);
  srcWindow.panes[srcAt] = target;
  dstWindow.panes[dstAt] = source;

  if (srcWindow === dstWindow) {
    const a = layoutPaneCell(srcWindow.layout!, source.id)!;
    const b = layoutPaneCell(srcWindow.layout!, target.id)!;
    a.pane = target.id;
    b.pane = source.id;
  } else {
    layoutReplacePane(srcWindow.layout!, source.id, target.id);
    layoutReplacePane(dstWindow.layout!, target.id, source.id);
    source.window = dstWindow;
    target.window = srcWindow;
    reparentOptions(source, dstWindow);
    reparentOptions(target, srcWindow);
  }

  if (!detached) {
    if (srcWindow !== dstWindow) {
      srcWindow.selectPane(target);
      dstWindow.selectPane(source);
    } else {
      srcWindow.selectPane(target);
    }
  } else {
    // Two separate checks, as tmux makes them: in one window the second can undo the first.
    if (srcWindow.active === source) srcWindow.selectPane(target);
    if (dstWindow.active === target) dstWindow.selectPane(source);
  }
  if (srcWindow !== dstWindow) {
    if (srcWindow.lastPane === source) srcWindow.lastPane = undefined;
    if (dstWindow.lastPane === target) dstWindow.lastPane = undefined;
  }
}

/**
 * rotate-window: 'up' (the default) moves the first pane to the end of the pane list, 'down' the
 * last to the front; the layout cells stay where they are and are refilled in list order, so every
 * pane moves one cell along. The active pane becomes the one after (up) or before (down) the one that
 * was active, which puts the focus back in the cell it was in. Returns the new active pane.
 */
export function rotatePanes(window: Window, direction: 'up' | 'down'): Pane | undefined {
  const panes = window.panes;
  const layout = window.layout;
  if (panes.length < 2 || !layout) return window.active;
  const cells = panes.map((p) => layoutPaneCell(layout, p.id)!);
  const rotated = direction === 'up' ? [...panes.slice(1), panes[0]] : [panes[panes.length - 1], ...panes.slice(0, -1)];
  rotated.forEach((pane, i) => (cells[i].pane = pane.id));
  window.panes = rotated;
  const active = window.active;
  if (!active) return undefined;
  const at = rotated.indexOf(active);
  const next = direction === 'up' ? rotated[(at + 1) % rotated.length] : rotated[(at - 1 + rotated.length) % rotated.length];
  window.selectPane(next);
  return next;
}
