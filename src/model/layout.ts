// Window layouts: how a window's panes tile it.
//
// The layout is a tree of layout cells, as in tmux's layout.c. A cell is either a pane cell (a leaf
// holding one pane id) or a container: a left-right cell whose children sit side by side, or a
// top-bottom cell whose children are stacked. Children of a container are separated by a border one
// cell wide, so a left-right cell of width W with children w1..wn has w1 + … + wn + (n - 1) = W, and
// every child has the container's full height (top-bottom likewise, swapping the axes). Each cell
// knows its parent, its size (sx, sy) and its offset in the window (xoff, yoff). The window's size
// is the root cell's size: tmux never lets a window be smaller than its layout.
//
// While a pane is zoomed the visible tree is a single cell for that pane covering the window, and the
// real tree is kept aside (tmux's saved_layout_root) until unzoom. Every operation that changes the
// tree unzooms first, as every tmux command that changes a layout does (server_unzoom_window).
//
// All sizes follow tmux 3.3a's arithmetic exactly (split sizes, which neighbour absorbs a closed pane,
// how a window resize or resize-pane spreads a change), because layout strings must match tmux's byte
// for byte: scripts such as tmux-resurrect save `#{window_layout}` and feed it back to select-layout.
// Some steps deliberately keep tmux's unsigned-integer wraparound; they are marked `u32`. Where
// tmux 3.3a hangs (select-layout -E) or crashes (some full-size splits) we do something sane instead,
// and say so where it happens.
//
// Presets (select-layout NAME) are in layout-presets.ts, `#{window_layout}` strings in
// layout-string.ts and border cells for the renderer in layout-borders.ts.
//
// This module is pure data and arithmetic over pane ids. It never imports the server, the pty or the
// emulator; the window that owns the layout keeps its own pane list (the order panes were created
// in, which presets and layout strings follow) and applies sizes to its panes.

/** tmux's PANE_MINIMUM: the smallest size a pane is given (but see layoutSplitPane with fullSize). */
export const PANE_MINIMUM = 1;
/** tmux's WINDOW_MINIMUM and WINDOW_MAXIMUM: the limits of a window resize. */
export const WINDOW_MINIMUM = PANE_MINIMUM;
export const WINDOW_MAXIMUM = 10000;

/** The error split-window reports when the pane (or window, with -f) is too small to split. */
export const NO_SPACE_FOR_NEW_PANE = 'no space for new pane';

/**
 * A cell's kind: 'leftright' children side by side (split-window -h), 'topbottom' children stacked
 * (split-window -v), 'pane' a leaf holding a pane.
 */
export type LayoutType = 'leftright' | 'topbottom' | 'pane';
/** The direction of a split or a resize: the type of container it works in. */
export type LayoutDirection = 'leftright' | 'topbottom';

export interface LayoutCell {
  type: LayoutType;
  parent: LayoutCell | null;
  sx: number;
  sy: number;
  xoff: number;
  yoff: number;
  /** The pane in a 'pane' cell; null in containers. */
  pane: number | null;
  /** The children of a container, left to right or top to bottom; empty for a pane cell. */
  cells: LayoutCell[];
}

/** The pane-border-status window option: a pane status line takes one line from the top or bottom panes. */
export type PaneBorderStatus = 'off' | 'top' | 'bottom';

export interface WindowLayout {
  /** The visible tree: while zoomed, a single pane cell covering the window. */
  root: LayoutCell;
  /** The real tree while zoomed (tmux's saved_layout_root), else null. */
  saved: LayoutCell | null;
  /** The zoomed pane, else null. */
  zoomed: number | null;
  paneBorderStatus: PaneBorderStatus;
  /**
   * Index in LAYOUT_PRESETS of the preset last applied (tmux's w->lastlayout, for next-layout,
   * previous-layout and a bare select-layout), or -1 if none yet.
   */
  lastPreset: number;
}

/** A pane's position and size in window coordinates: what tmux keeps in wp->xoff/yoff/sx/sy. */
export interface PaneRect {
  x: number;
  y: number;
  sx: number;
  sy: number;
}

export interface SplitOptions {
  /** 'leftright' for split-window -h (new pane to the right), 'topbottom' for -v (new pane below). */
  type: LayoutDirection;
  /**
   * The new pane's size (-l N), or a percentage (-l N% and -p N) of the pane being split, or of the
   * window with fullSize. Omitted: split in half.
   */
  size?: number | { percent: number };
  /** -b: the new pane goes left of or above the pane being split. */
  before?: boolean;
  /** -f: split the whole window rather than one pane. */
  fullSize?: boolean;
}

/** A size given as cells or as a percentage of the window (resize-pane -x/-y). */
export type SizeSpec = number | { percent: number };

export type PaneDirection = 'left' | 'right' | 'up' | 'down';

// --- cells -------------------------------------------------------------------------------------

function u32(n: number): number {
  return n >>> 0;
}

function createCell(parent: LayoutCell | null, type: LayoutType, pane: number | null = null): LayoutCell {
  return { type, parent, sx: 0, sy: 0, xoff: 0, yoff: 0, pane, cells: [] };
}

function setCellSize(cell: LayoutCell, sx: number, sy: number, xoff: number, yoff: number): void {
  cell.sx = sx;
  cell.sy = sy;
  cell.xoff = xoff;
  cell.yoff = yoff;
}

/** A cell's size along a direction: its width for 'leftright', its height for 'topbottom'. */
function sizeAlong(cell: { sx: number; sy: number }, type: LayoutDirection): number {
  return type === 'leftright' ? cell.sx : cell.sy;
}

function isLast(cell: LayoutCell): boolean {
  const siblings = cell.parent!.cells;
  return siblings[siblings.length - 1] === cell;
}

function siblingAt(cell: LayoutCell, step: number): LayoutCell | null {
  const siblings = cell.parent!.cells;
  return siblings[siblings.indexOf(cell) + step] ?? null;
}

/** The real tree: the saved one while zoomed. */
function fullTree(layout: WindowLayout): LayoutCell {
  return layout.saved ?? layout.root;
}

function* paneCells(cell: LayoutCell): Generator<LayoutCell> {
  if (cell.type === 'pane') {
    yield cell;
    return;
  }
  for (const child of cell.cells) yield* paneCells(child);
}

function findPaneCell(root: LayoutCell, pane: number): LayoutCell | null {
  for (const cell of paneCells(root)) if (cell.pane === pane) return cell;
  return null;
}

function requirePaneCell(layout: WindowLayout, pane: number): LayoutCell {
  const cell = findPaneCell(fullTree(layout), pane);
  if (cell === null) throw new Error(`layout has no pane %${pane}`);
  return cell;
}

/** A deep copy of a tree (parents rewired), e.g. to keep a layout to restore later. */
export function layoutCopyCell(cell: LayoutCell, parent: LayoutCell | null = null): LayoutCell {
  const copy: LayoutCell = { ...cell, parent, cells: [] };
  copy.cells = cell.cells.map((child) => layoutCopyCell(child, copy));
  return copy;
}

// --- pane status lines (pane-border-status) -----------------------------------------------------

/** Whether no ancestor (or the cell itself) sits below a sibling in a top-bottom cell. */
function cellIsTop(cell: LayoutCell): boolean {
  for (let c = cell; c.parent !== null; c = c.parent) {
    if (c.parent.type === 'topbottom' && c.parent.cells[0] !== c) return false;
  }
  return true;
}

function cellIsBottom(cell: LayoutCell): boolean {
  for (let c = cell; c.parent !== null; c = c.parent) {
    if (c.parent.type === 'topbottom' && !isLast(c)) return false;
  }
  return true;
}

/**
 * Whether a cell loses a line to a pane status line: with pane-border-status top, cells along the
 * top of the window do; with bottom, cells along the bottom (tmux's layout_add_border).
 */
function hasStatusLine(layout: WindowLayout, cell: LayoutCell): boolean {
  switch (layout.paneBorderStatus) {
    case 'top':
      return cellIsTop(cell);
    case 'bottom':
      return cellIsBottom(cell);
    case 'off':
      return false;
  }
}

/** Where a pane cell's pane actually is, after any status line is taken off (layout_fix_panes). */
function paneRectOfCell(layout: WindowLayout, cell: LayoutCell): PaneRect {
  if (!hasStatusLine(layout, cell)) return { x: cell.xoff, y: cell.yoff, sx: cell.sx, sy: cell.sy };
  const y = layout.paneBorderStatus === 'top' ? cell.yoff + 1 : cell.yoff;
  return { x: cell.xoff, y, sx: cell.sx, sy: Math.max(0, cell.sy - 1) };
}

// --- the resize primitives ---------------------------------------------------------------------

/**
 * How much a cell can shrink along a direction (tmux's layout_resize_check): a pane cell down to
 * the minimum (one more line if it carries a status line); a container running the same way, the
 * sum of its children's; a container running across, the least of its children's.
 */
function shrinkable(layout: WindowLayout, cell: LayoutCell, type: LayoutDirection): number {
  if (cell.type === 'pane') {
    let minimum = PANE_MINIMUM;
    if (type === 'topbottom' && hasStatusLine(layout, cell)) minimum++;
    const size = sizeAlong(cell, type);
    return size > minimum ? size - minimum : 0;
  }
  if (cell.type === type) {
    let total = 0;
    for (const child of cell.cells) total += shrinkable(layout, child, type);
    return total;
  }
  let least = Infinity;
  for (const child of cell.cells) least = Math.min(least, shrinkable(layout, child, type));
  return least === Infinity ? 0 : least;
}

/**
 * Whether layoutResizeCell can apply a change without running out of room: tmux 3.3a loops forever when
 * asked to shrink a same-direction container by more than it can give.
 */
function canResizeCell(layout: WindowLayout, cell: LayoutCell, type: LayoutDirection, change: number): boolean {
  if (change >= 0 || cell.type === 'pane') return true;
  if (cell.type === type) return shrinkable(layout, cell, type) >= -change;
  return cell.cells.every((child) => canResizeCell(layout, child, type, change));
}

/**
 * Grow or shrink a cell along a direction, and its children with it (tmux's layout_resize_adjust).
 * Children across the direction all change by the same amount. Children along it change one cell
 * at a time in turns from the first: growing gives each child one in turn, shrinking takes one from
 * each child that can spare it. A negative change must be no more than the cell can spare (tmux
 * would loop forever; this throws).
 */
export function layoutResizeCell(layout: WindowLayout, cell: LayoutCell, type: LayoutDirection, change: number): void {
  if (type === 'leftright') cell.sx += change;
  else cell.sy += change;
  if (cell.type === 'pane') return;
  if (cell.type !== type) {
    for (const child of cell.cells) layoutResizeCell(layout, child, type, change);
    return;
  }
  while (change !== 0) {
    const before = change;
    for (const child of cell.cells) {
      if (change === 0) break;
      if (change > 0) {
        layoutResizeCell(layout, child, type, 1);
        change--;
      } else if (shrinkable(layout, child, type) > 0) {
        layoutResizeCell(layout, child, type, -1);
        change++;
      }
    }
    if (change === before) throw new Error('layout cell asked to shrink below its minimum');
  }
}

/** Recompute every offset from the sizes, the root at 0,0 (tmux's layout_fix_offsets). */
export function layoutFixOffsets(root: LayoutCell): void {
  root.xoff = 0;
  root.yoff = 0;
  fixChildOffsets(root);
}

function fixChildOffsets(cell: LayoutCell): void {
  let x = cell.xoff;
  let y = cell.yoff;
  for (const child of cell.cells) {
    child.xoff = x;
    child.yoff = y;
    if (child.type !== 'pane') fixChildOffsets(child);
    if (cell.type === 'leftright') x += child.sx + 1;
    else y += child.sy + 1;
  }
}

/**
 * The size one child gets when its container is resized from `previous` to `size`, proportional to
 * its old size but leaving room for the children after it; the last child takes what is left
 * (tmux's layout_new_pane_size). `countLeft` counts this child and those after it; `sizeLeft` is
 * the room left for them.
 */
function proportionalSize(
  layout: WindowLayout,
  previous: number,
  cell: LayoutCell,
  type: LayoutDirection,
  size: number,
  countLeft: number,
  sizeLeft: number,
): number {
  if (countLeft === 1) return sizeLeft;
  const current = sizeAlong(cell, type);
  const spare = shrinkable(layout, cell, type);
  let minimum = (PANE_MINIMUM + 1) * (countLeft - 1);
  if (current - spare > minimum) minimum = current - spare;
  let newSize = Math.floor((current * size) / previous);
  const maximum = u32(sizeLeft - minimum);
  if (newSize > maximum) newSize = maximum;
  if (newSize < PANE_MINIMUM) newSize = PANE_MINIMUM;
  return newSize;
}

/** Whether a cell and everything in it could be resized to `size` along a direction (layout_set_size_check). */
function canSetSize(layout: WindowLayout, cell: LayoutCell, type: LayoutDirection, size: number): boolean {
  if (cell.type === 'pane') return size >= PANE_MINIMUM;
  const count = cell.cells.length;
  if (cell.type !== type) {
    return cell.cells.every((child) => child.type === 'pane' || canSetSize(layout, child, type, size));
  }
  let available = u32(size);
  if (available < count * 2 - 1) return false;
  const previous = sizeAlong(cell, type);
  for (let i = 0; i < count; i++) {
    const child = cell.cells[i];
    const newSize = proportionalSize(layout, previous, child, type, size, count - i, available);
    const needed = i === count - 1 ? newSize : newSize + 1;
    if (needed > available) return false;
    available = u32(available - needed);
    if (!canSetSize(layout, child, type, newSize)) return false;
  }
  return true;
}

/**
 * Fit a container's children into its (already changed) size, proportionally (layout_resize_child_cells).
 * Returns whether the room ran out on the way, where tmux's unsigned sizes would wrap.
 */
function fitChildren(layout: WindowLayout, cell: LayoutCell): boolean {
  if (cell.type === 'pane') return false;
  const type = cell.type;
  const count = cell.cells.length;
  let previous = count - 1;
  for (const child of cell.cells) previous += sizeAlong(child, type);
  let available = sizeAlong(cell, type);
  let wrapped = false;
  cell.cells.forEach((child, i) => {
    // As in tmux the last child can be left with no room at all (a pane zero lines high) when
    // nested cells cannot shrink proportionally.
    const size = proportionalSize(layout, previous, child, type, sizeAlong(cell, type), count - i, available);
    if (size + 1 > available && i < count - 1) wrapped = true;
    available = Math.max(0, available - (size + 1));
    if (type === 'topbottom') {
      child.sx = cell.sx;
      child.xoff = cell.xoff;
      child.sy = size;
    } else {
      child.sx = size;
      child.sy = cell.sy;
    }
    if (fitChildren(layout, child)) wrapped = true;
  });
  return wrapped;
}

/** Remove a cell, giving its room to a neighbour, and collapse a parent left with one child (layout_destroy_cell). */
function destroyCell(layout: WindowLayout, cell: LayoutCell, setRoot: (root: LayoutCell) => void): void {
  const parent = cell.parent;
  if (parent === null) throw new Error('cannot remove the last cell of a layout');
  // The first child's room goes to the next one; any other's to the one before it.
  const neighbour = parent.cells[0] === cell ? siblingAt(cell, 1) : siblingAt(cell, -1);
  if (neighbour !== null) {
    const along: LayoutDirection = parent.type === 'leftright' ? 'leftright' : 'topbottom';
    layoutResizeCell(layout, neighbour, along, sizeAlong(cell, along) + 1);
  }
  parent.cells.splice(parent.cells.indexOf(cell), 1);
  cell.parent = null;
  if (parent.cells.length !== 1) return;
  // The one child left takes its parent's place. tmux does not merge it into a grandparent of the
  // same type, so a left-right cell can end up directly inside another: layout strings show that.
  const only = parent.cells[0];
  only.parent = parent.parent;
  if (only.parent === null) {
    only.xoff = 0;
    only.yoff = 0;
    setRoot(only);
  } else {
    only.parent.cells[only.parent.cells.indexOf(parent)] = only;
  }
}

// --- creating and splitting --------------------------------------------------------------------

/** A layout of one pane filling a window of sx by sy. */
export function layoutCreate(
  pane: number,
  sx: number,
  sy: number,
  options: { paneBorderStatus?: PaneBorderStatus } = {},
): WindowLayout {
  const root = createCell(null, 'pane', pane);
  setCellSize(root, sx, sy, 0, 0);
  return { root, saved: null, zoomed: null, paneBorderStatus: options.paneBorderStatus ?? 'off', lastPreset: -1 };
}

/**
 * Split a pane (split-window), giving the new pane `newPane` its own cell. Returns tmux's error
 * text, or null on success.
 *
 * Sizes as tmux 3.3a: without a size the new pane gets (size + 1) / 2 - 1 of the split pane's
 * (size - 1) cells, the old pane the rest (120 columns: 60 | 59). A size is clamped to leave the
 * other pane at least one cell; with -b a size larger than the pane wraps around in tmux's unsigned
 * arithmetic and leaves the new pane as small as possible. Percentages are of the pane as it is
 * shown (the whole window if it is zoomed), or of the window with -f. A pane needs 3 cells along
 * the split (4 down the edge that carries a pane status line). With -f the whole tree is squeezed
 * proportionally to make room, and the split fails if some cell could not shrink that far. Because
 * tmux refits every cell across the split too, a nested pane can end up zero cells high: kept, as
 * tmux does. Where its arithmetic would run out of room altogether tmux 3.3a crashes; we refuse
 * with 'no space for new pane'.
 *
 * The window's pane list gets the new pane after the split pane (before it with -b; at the end,
 * or the start with -b, when -f is given): see layoutPaneListInsert.
 */
export function layoutSplitPane(layout: WindowLayout, target: number, newPane: number, options: SplitOptions): string | null {
  if (findPaneCell(fullTree(layout), newPane) !== null) throw new Error(`layout already has pane %${newPane}`);
  const type = options.type;
  const fullSize = options.fullSize === true;
  const before = options.before === true;

  // tmux works out a percentage before unzooming, so a zoomed pane counts as the whole window.
  let size = -1;
  if (typeof options.size === 'number') size = options.size;
  else if (options.size !== undefined) {
    const base = fullSize ? layout.root : layoutPaneRect(layout, target);
    size = Math.floor((sizeAlong(base, type) * options.size.percent) / 100);
  }

  layoutUnzoom(layout);
  if (!fullSize) return splitCell(layout, requirePaneCell(layout, target), newPane, type, size, before, false);

  // A full-size split refits every cell in the window. Where tmux's arithmetic runs out of room
  // there its unsigned sizes wrap to about four billion and it crashes; try it on a copy first
  // and refuse instead.
  const trial: WindowLayout = { ...layout, root: layoutCopyCell(layout.root) };
  const result = splitCell(trial, trial.root, newPane, type, size, before, true);
  if (result === WRAPPED) return NO_SPACE_FOR_NEW_PANE;
  if (result === null) layout.root = trial.root;
  return result;
}

const WRAPPED = 'wrapped';

/** The split itself (layout_split_pane): `lc` is the pane's cell, or the root with fullSize. */
function splitCell(
  layout: WindowLayout,
  lc: LayoutCell,
  newPane: number,
  type: LayoutDirection,
  size: number,
  before: boolean,
  fullSize: boolean,
): string | null {
  const { sx, sy, xoff, yoff } = lc;

  let minimum = PANE_MINIMUM * 2 + 1;
  if (type === 'topbottom' && hasStatusLine(layout, lc)) minimum++;
  if (sizeAlong(lc, type) < minimum) return NO_SPACE_FOR_NEW_PANE;

  // size1 is the left or top cell, size2 the right or bottom one.
  const savedSize = sizeAlong(lc, type);
  let size2: number;
  if (size < 0) size2 = Math.floor((savedSize + 1) / 2) - 1;
  else if (before) size2 = u32(savedSize - size - 1);
  else size2 = size;
  if (size2 < PANE_MINIMUM) size2 = PANE_MINIMUM;
  else if (size2 > savedSize - 2) size2 = savedSize - 2;
  const size1 = savedSize - 1 - size2;
  // The size left for what was there before.
  const oldSize = before ? size2 : size1;

  if (fullSize && !canSetSize(layout, lc, type, oldSize)) return NO_SPACE_FOR_NEW_PANE;

  const lcnew = createCell(null, 'pane', newPane);
  let sizedAlready = false;
  let wrapped = false;
  if (lc.parent !== null && lc.parent.type === type) {
    // The parent already runs this way: the new cell becomes a sibling.
    lcnew.parent = lc.parent;
    const siblings = lc.parent.cells;
    siblings.splice(siblings.indexOf(lc) + (before ? 0 : 1), 0, lcnew);
  } else if (fullSize && lc.parent === null && lc.type === type) {
    // A full-size split the same way as the root: squeeze the root's children, then add the new
    // cell as the root's first or last child.
    if (type === 'leftright') lc.sx = oldSize;
    else lc.sy = oldSize;
    wrapped = fitChildren(layout, lc);
    if (type === 'leftright') lc.sx = savedSize;
    else lc.sy = savedSize;
    sizedAlready = true;
    lcnew.parent = lc;
    const newSize = savedSize - 1 - oldSize;
    if (type === 'leftright') setCellSize(lcnew, newSize, sy, 0, 0);
    else setCellSize(lcnew, sx, newSize, 0, 0);
    if (before) lc.cells.unshift(lcnew);
    else lc.cells.push(lcnew);
  } else {
    // Otherwise a new container takes the cell's place, holding the cell and the new one.
    const container = createCell(lc.parent, type);
    setCellSize(container, sx, sy, xoff, yoff);
    if (lc.parent === null) layout.root = container;
    else lc.parent.cells[lc.parent.cells.indexOf(lc)] = container;
    lc.parent = container;
    lcnew.parent = container;
    container.cells = before ? [lcnew, lc] : [lc, lcnew];
  }

  if (!sizedAlready) {
    const [first, second] = before ? [lcnew, lc] : [lc, lcnew];
    if (type === 'leftright') {
      setCellSize(first, size1, sy, xoff, yoff);
      setCellSize(second, size2, sy, xoff + size1 + 1, yoff);
    } else {
      setCellSize(first, sx, size1, xoff, yoff);
      setCellSize(second, sx, size2, xoff, yoff + size1 + 1);
    }
  }
  if (fullSize) {
    if (!sizedAlready) wrapped = fitChildren(layout, lc);
    layoutFixOffsets(layout.root);
  }
  return wrapped ? WRAPPED : null;
}

/**
 * Where a new pane goes in the window's pane list (tmux's window_add_pane): after the pane it split,
 * or before it with -b; with -f at the end, or the start with -b. Returns a new list.
 */
export function layoutPaneListInsert(
  list: readonly number[],
  target: number,
  newPane: number,
  options: { before?: boolean; fullSize?: boolean } = {},
): number[] {
  const out = list.slice();
  if (options.fullSize) {
    if (options.before) out.unshift(newPane);
    else out.push(newPane);
    return out;
  }
  const at = out.indexOf(target);
  if (at < 0) throw new Error(`pane list has no pane %${target}`);
  out.splice(options.before ? at : at + 1, 0, newPane);
  return out;
}

/**
 * Remove a pane (kill-pane, break-pane): its room goes to the next cell if it was first in its
 * container, otherwise to the one before it. The last pane of a window cannot be removed: tmux
 * kills the window instead.
 */
export function layoutClosePane(layout: WindowLayout, pane: number): void {
  layoutUnzoom(layout);
  const cell = requirePaneCell(layout, pane);
  destroyCell(layout, cell, (root) => (layout.root = root));
  layoutFixOffsets(layout.root);
}

/** Put pane `to` in the cell of pane `from` (which must be in the layout, `to` must not). */
export function layoutReplacePane(layout: WindowLayout, from: number, to: number): void {
  if (findPaneCell(fullTree(layout), to) !== null) throw new Error(`layout already has pane %${to}`);
  requirePaneCell(layout, from).pane = to;
  if (layout.zoomed === from) {
    layout.zoomed = to;
    layout.root.pane = to;
  }
}

/** Exchange the cells of two panes (swap-pane): sizes stay with the cells. */
export function layoutSwapPanes(layout: WindowLayout, a: number, b: number): void {
  const cellA = requirePaneCell(layout, a);
  const cellB = requirePaneCell(layout, b);
  cellA.pane = b;
  cellB.pane = a;
  if (layout.zoomed === a || layout.zoomed === b) {
    layout.zoomed = layout.zoomed === a ? b : a;
    layout.root.pane = layout.zoomed;
  }
}

// --- resizing ----------------------------------------------------------------------------------

/**
 * Resize the window (tmux's resize_window and layout_resize). Width and height are clamped to
 * 1..10000. Growing gives the extra cells out one at a time, first child first, all the way down the
 * tree; shrinking takes them back from whichever cells can spare them, first child first, but never
 * below the minimum, so the window stays as large as its layout needs: read the resulting size from
 * layout.root. A zoomed window stays zoomed.
 */
export function layoutResize(layout: WindowLayout, sx: number, sy: number): void {
  sx = Math.min(Math.max(sx, WINDOW_MINIMUM), WINDOW_MAXIMUM);
  sy = Math.min(Math.max(sy, WINDOW_MINIMUM), WINDOW_MAXIMUM);
  const zoomed = layout.zoomed;
  layoutUnzoom(layout);
  const root = layout.root;
  for (const type of ['leftright', 'topbottom'] as const) {
    const wanted = type === 'leftright' ? sx : sy;
    let change = wanted - sizeAlong(root, type);
    const limit = shrinkable(layout, root, type);
    if (change < 0 && change < -limit) change = -limit;
    if (change !== 0) layoutResizeCell(layout, root, type, change);
  }
  layoutFixOffsets(root);
  if (zoomed !== null) layoutZoom(layout, zoomed);
}

/**
 * Move a border by `change` cells (tmux's layout_resize_layout): a positive change grows `cell` and
 * takes the room from the nearest cell after it that can spare some (or, with `opposite`, before it);
 * a negative change shrinks `cell` or the nearest cell before it that can shrink and gives the room
 * to the cell after it. Stops when nothing more can move.
 */
function moveBorder(layout: WindowLayout, cell: LayoutCell, type: LayoutDirection, change: number, opposite: boolean): void {
  let needed = change;
  while (needed !== 0) {
    const moved = change > 0 ? growCell(layout, cell, type, needed, opposite) : shrinkCell(layout, cell, type, needed);
    if (moved === 0) break;
    needed += change > 0 ? -moved : moved;
  }
  layoutFixOffsets(layout.root);
}

function growCell(layout: WindowLayout, cell: LayoutCell, type: LayoutDirection, needed: number, opposite: boolean): number {
  const siblings = cell.parent!.cells;
  const at = siblings.indexOf(cell);
  let donor: LayoutCell | null = null;
  let spare = 0;
  for (let i = at + 1; i < siblings.length && donor === null; i++) {
    spare = shrinkable(layout, siblings[i], type);
    if (spare > 0) donor = siblings[i];
  }
  for (let i = at - 1; opposite && i >= 0 && donor === null; i--) {
    spare = shrinkable(layout, siblings[i], type);
    if (spare > 0) donor = siblings[i];
  }
  if (donor === null) return 0;
  const size = Math.min(spare, needed);
  layoutResizeCell(layout, cell, type, size);
  layoutResizeCell(layout, donor, type, -size);
  return size;
}

function shrinkCell(layout: WindowLayout, cell: LayoutCell, type: LayoutDirection, needed: number): number {
  const siblings = cell.parent!.cells;
  const at = siblings.indexOf(cell);
  let donor: LayoutCell | null = null;
  let spare = 0;
  for (let i = at; i >= 0 && donor === null; i--) {
    spare = shrinkable(layout, siblings[i], type);
    if (spare !== 0) donor = siblings[i];
  }
  const taker = siblings[at + 1];
  if (donor === null || taker === undefined) return 0;
  const size = Math.min(spare, -needed);
  layoutResizeCell(layout, taker, type, size);
  layoutResizeCell(layout, donor, type, -size);
  return size;
}

/** The pane's cell or the ancestor of it that sits in a container running `type`, or null. */
function cellInContainer(cell: LayoutCell, type: LayoutDirection): LayoutCell | null {
  let c = cell;
  while (c.parent !== null && c.parent.type !== type) c = c.parent;
  return c.parent === null ? null : c;
}

function resizePaneBy(layout: WindowLayout, pane: number, type: LayoutDirection, change: number): void {
  let cell = cellInContainer(requirePaneCell(layout, pane), type);
  if (cell === null) return;
  // The last cell has no border after it: move the border before it instead.
  if (isLast(cell)) cell = siblingAt(cell, -1)!;
  moveBorder(layout, cell, type, change, true);
}

/**
 * resize-pane -L/-R/-U/-D: move the pane's right (or bottom) border by `adjust` cells, left/up for
 * 'left'/'up'; for the last pane in its row or column, its left (top) border. Room is taken from
 * the nearest cells that can spare it; the pane stops at the minimum size. Nothing happens when
 * no container runs that way.
 */
export function layoutResizePane(layout: WindowLayout, pane: number, direction: PaneDirection, adjust = 1): void {
  layoutUnzoom(layout);
  const type: LayoutDirection = direction === 'left' || direction === 'right' ? 'leftright' : 'topbottom';
  const change = direction === 'left' || direction === 'up' ? -adjust : adjust;
  resizePaneBy(layout, pane, type, change);
}

function resizePaneTo(layout: WindowLayout, pane: number, type: LayoutDirection, newSize: number): void {
  const cell = cellInContainer(requirePaneCell(layout, pane), type);
  if (cell === null) return;
  // The size is of the pane's cell, or of the ancestor that sits in the container running this way.
  const size = sizeAlong(cell, type);
  resizePaneBy(layout, pane, type, isLast(cell) ? size - newSize : newSize - size);
}

/**
 * resize-pane -x/-y: make the pane (or the row or column holding it) `width` wide and `height`
 * high, as far as there is room. Percentages are of the window. Width is done before height.
 */
export function layoutResizePaneTo(layout: WindowLayout, pane: number, size: { width?: SizeSpec; height?: SizeSpec }): void {
  layoutUnzoom(layout);
  const resolve = (spec: SizeSpec, window: number) =>
    typeof spec === 'number' ? spec : Math.floor((window * spec.percent) / 100);
  if (size.width !== undefined) resizePaneTo(layout, pane, 'leftright', resolve(size.width, layout.root.sx));
  if (size.height !== undefined) {
    let height = resolve(size.height, layout.root.sy);
    // The pane's status line is not part of the height asked for.
    const rect = layoutPaneRect(layout, pane);
    if (layout.paneBorderStatus === 'top' && rect.y === 1) height++;
    if (layout.paneBorderStatus === 'bottom' && rect.y + rect.sy === layout.root.sy - 1) height++;
    resizePaneTo(layout, pane, 'topbottom', height);
  }
}

/** The cell whose right or bottom border is at x,y (tmux's layout_search_by_border), or null. */
function cellByBorder(cell: LayoutCell, x: number, y: number): LayoutCell | null {
  let last: LayoutCell | null = null;
  for (const child of cell.cells) {
    if (x >= child.xoff && x < child.xoff + child.sx && y >= child.yoff && y < child.yoff + child.sy) {
      return cellByBorder(child, x, y);
    }
    if (last !== null) {
      if (cell.type === 'leftright' && x < child.xoff && x >= last.xoff + last.sx) return last;
      if (cell.type === 'topbottom' && y < child.yoff && y >= last.yoff + last.sy) return last;
    }
    last = child;
  }
  return null;
}

/**
 * Drag a border with the mouse (resize-pane -M): the borders at and around `from` follow the
 * pointer to `to`, as tmux's mouse resize does. Both points are window coordinates.
 */
export function layoutDragBorder(layout: WindowLayout, from: { x: number; y: number }, to: { x: number; y: number }): void {
  const around = [[0, 0], [0, 1], [1, 0], [0, -1], [-1, 0]];
  const cells: LayoutCell[] = [];
  for (const [dx, dy] of around) {
    const cell = cellByBorder(layout.root, from.x + dx, from.y + dy);
    if (cell !== null && !cells.includes(cell)) cells.push(cell);
  }
  for (const cell of cells) {
    const type = cell.parent!.type;
    if (to.y !== from.y && type === 'topbottom') moveBorder(layout, cell, type, to.y - from.y, false);
    else if (to.x !== from.x && type === 'leftright') moveBorder(layout, cell, type, to.x - from.x, false);
  }
}

/**
 * Spread a container's children evenly (tmux's layout_spread_cell); the last child takes the
 * remainder. Returns whether anything changed.
 */
export function layoutSpreadCell(layout: WindowLayout, parent: LayoutCell): boolean {
  const number = parent.cells.length;
  if (number <= 1 || parent.type === 'pane') return false;
  const type = parent.type;
  let size = sizeAlong(parent, type);
  if (type === 'topbottom' && hasStatusLine(layout, parent)) size--;
  if (size < number - 1) return false;
  let each = Math.floor((size - (number - 1)) / number);
  if (each === 0) return false;

  const changes = parent.cells.map((child, i) => {
    if (i === number - 1) each = size - (each + 1) * (number - 1);
    const wanted = type === 'topbottom' && hasStatusLine(layout, child) ? each + 1 : each;
    return wanted - sizeAlong(child, type);
  });
  // tmux 3.3a never returns when a nested cell cannot shrink that far; we leave the cell alone.
  if (!parent.cells.every((child, i) => canResizeCell(layout, child, type, changes[i]))) return false;
  parent.cells.forEach((child, i) => layoutResizeCell(layout, child, type, changes[i]));
  return changes.some((change) => change !== 0);
}

/**
 * select-layout -E: spread out the panes in the pane's container evenly, or if they already are,
 * those of the nearest container above it that is not. Returns whether anything changed.
 */
export function layoutSpreadOut(layout: WindowLayout, pane: number): boolean {
  layoutUnzoom(layout);
  for (let parent = requirePaneCell(layout, pane).parent; parent !== null; parent = parent.parent) {
    if (layoutSpreadCell(layout, parent)) {
      layoutFixOffsets(layout.root);
      return true;
    }
  }
  return false;
}

// --- zoom --------------------------------------------------------------------------------------

/**
 * Zoom a pane (resize-pane -Z): it alone is shown, covering the window, until unzoom. Fails (false)
 * if the window is already zoomed or has one pane. The window should make the pane active, as
 * tmux's window_zoom does.
 */
export function layoutZoom(layout: WindowLayout, pane: number): boolean {
  if (layout.zoomed !== null || layout.root.type === 'pane') return false;
  requirePaneCell(layout, pane);
  const zoomedCell = createCell(null, 'pane', pane);
  setCellSize(zoomedCell, layout.root.sx, layout.root.sy, 0, 0);
  layout.saved = layout.root;
  layout.root = zoomedCell;
  layout.zoomed = pane;
  return true;
}

/** Restore the real tree. Returns false if the window was not zoomed. */
export function layoutUnzoom(layout: WindowLayout): boolean {
  if (layout.saved === null) return false;
  layout.root = layout.saved;
  layout.saved = null;
  layout.zoomed = null;
  return true;
}

// --- queries -----------------------------------------------------------------------------------

/** The window size: the root cell's. */
export function layoutSize(layout: WindowLayout): { sx: number; sy: number } {
  return { sx: layout.root.sx, sy: layout.root.sy };
}

/** The panes in tree order: left to right and top to bottom, depth first. */
export function layoutPanes(layout: WindowLayout): number[] {
  return [...paneCells(fullTree(layout))].map((cell) => cell.pane!);
}

export function layoutHasPane(layout: WindowLayout, pane: number): boolean {
  return findPaneCell(fullTree(layout), pane) !== null;
}

/** The cell of a pane in the real tree (while zoomed, the saved one). */
export function layoutPaneCell(layout: WindowLayout, pane: number): LayoutCell | null {
  return findPaneCell(fullTree(layout), pane);
}

/**
 * Where a pane is (tmux's wp->xoff, yoff, sx, sy): its cell, less a pane status line. While zoomed
 * the zoomed pane covers the window and the others keep their place in the real tree, unseen.
 */
export function layoutPaneRect(layout: WindowLayout, pane: number): PaneRect {
  if (layout.zoomed === pane) return paneRectOfCell(layout, layout.root);
  return paneRectOfCell(layout, requirePaneCell(layout, pane));
}

/** Every pane's rectangle in tree order, and whether it is shown (false for panes hidden by zoom). */
export function layoutPaneRects(layout: WindowLayout): Array<PaneRect & { pane: number; visible: boolean }> {
  return layoutPanes(layout).map((pane) => ({
    pane,
    ...layoutPaneRect(layout, pane),
    visible: layout.zoomed === null || layout.zoomed === pane,
  }));
}

/** Rectangles of the panes shown, in the given order (default: tree order). */
function visibleRects(layout: WindowLayout, order?: readonly number[]): Array<PaneRect & { pane: number }> {
  const panes = order ?? layoutPanes(layout);
  return panes
    .filter((pane) => layout.zoomed === null || layout.zoomed === pane)
    .map((pane) => ({ pane, ...layoutPaneRect(layout, pane) }));
}

/**
 * The pane at a window position (tmux's window_get_active_at), or null. As in tmux a pane also
 * claims the border cells right of and below it, so on a border the first pane in `order` (the
 * window's pane list; default tree order) touching it wins.
 */
export function layoutPaneAt(layout: WindowLayout, x: number, y: number, order?: readonly number[]): number | null {
  for (const r of visibleRects(layout, order)) {
    if (x >= r.x && x <= r.x + r.sx && y >= r.y && y <= r.y + r.sy) return r.pane;
  }
  return null;
}

/**
 * The pane next to `pane` in a direction (select-pane -L/-R/-U/-D, tmux's window_pane_find_*), or
 * null. The search wraps: left of the leftmost pane is the rightmost column, and so on. Of the panes
 * touching that edge the one with the highest activePoint wins (tmux's most recently active); on a
 * tie, the first in `order` (the window's pane list; default tree order). Panes are found in the
 * real tree even while zoomed, as tmux unzooms to look.
 */
export function layoutFindPane(
  layout: WindowLayout,
  pane: number,
  direction: PaneDirection,
  options: { activePoint?: (pane: number) => number; order?: readonly number[] } = {},
): number | null {
  const tree = fullTree(layout);
  const wx = tree.sx;
  const wy = tree.sy;
  const status = layout.paneBorderStatus;
  const unzoomed: WindowLayout = { ...layout, root: tree, saved: null, zoomed: null };
  const rect = layoutPaneRect(unzoomed, pane);
  const rects = (options.order ?? layoutPanes(layout)).map((p) => ({ pane: p, ...layoutPaneRect(unzoomed, p) }));

  let edge: number;
  let touches: (r: PaneRect) => boolean;
  if (direction === 'up' || direction === 'down') {
    if (direction === 'up') {
      edge = rect.y;
      if (status === 'top' && edge === 1) edge = wy + 1;
      else if (status === 'bottom' && edge === 0) edge = wy;
      else if (status === 'off' && edge === 0) edge = wy + 1;
      touches = (r) => r.y + r.sy + 1 === edge;
    } else {
      edge = rect.y + rect.sy + 1;
      if (status === 'top' && edge >= wy) edge = 1;
      else if (status === 'bottom' && edge >= wy - 1) edge = 0;
      else if (status === 'off' && edge >= wy) edge = 0;
      touches = (r) => r.y === edge;
    }
    const edgeTouches = touches;
    touches = (r) => edgeTouches(r) && overlaps(r.x, r.x + r.sx - 1, rect.x, rect.x + rect.sx);
  } else {
    if (direction === 'left') {
      edge = rect.x === 0 ? wx + 1 : rect.x;
      touches = (r) => r.x + r.sx + 1 === edge;
    } else {
      edge = rect.x + rect.sx + 1;
      if (edge >= wx) edge = 0;
      touches = (r) => r.x === edge;
    }
    const edgeTouches = touches;
    touches = (r) => edgeTouches(r) && overlaps(r.y, r.y + r.sy - 1, rect.y, rect.y + rect.sy);
  }

  const activePoint = options.activePoint ?? (() => 0);
  let best: number | null = null;
  for (const r of rects) {
    if (r.pane === pane || !touches(r)) continue;
    if (best === null || activePoint(r.pane) > activePoint(best)) best = r.pane;
  }
  return best;
}

/** tmux's test for a neighbour [start, end] sharing some of an edge [low, high] (both ends inclusive). */
function overlaps(start: number, end: number, low: number, high: number): boolean {
  return (start < low && end > high) || (start >= low && start <= high) || (end >= low && end <= high);
}

// --- invariants --------------------------------------------------------------------------------

/**
 * What is wrong with a layout, or [] if nothing: children must tile their container exactly with
 * one-cell borders, offsets must follow from sizes, pane cells must be at least the minimum size
 * and hold distinct panes, containers must have two or more children and parents must be right.
 */
export function layoutCheck(layout: WindowLayout): string[] {
  const problems: string[] = [];
  const seen = new Set<number>();
  const visit = (cell: LayoutCell, where: string) => {
    if (cell.type === 'pane') {
      if (cell.pane === null) problems.push(`${where}: pane cell without a pane`);
      else if (seen.has(cell.pane)) problems.push(`${where}: pane %${cell.pane} appears twice`);
      else seen.add(cell.pane);
      if (cell.sx < PANE_MINIMUM || cell.sy < PANE_MINIMUM) problems.push(`${where}: pane cell ${cell.sx}x${cell.sy} below minimum`);
      if (cell.cells.length !== 0) problems.push(`${where}: pane cell has children`);
      return;
    }
    if (cell.cells.length < 2) problems.push(`${where}: container with ${cell.cells.length} children`);
    let x = cell.xoff;
    let y = cell.yoff;
    cell.cells.forEach((child, i) => {
      const name = `${where}.${i}`;
      if (child.parent !== cell) problems.push(`${name}: wrong parent`);
      if (child.xoff !== x || child.yoff !== y) problems.push(`${name}: offset ${child.xoff},${child.yoff} should be ${x},${y}`);
      if (cell.type === 'leftright') {
        if (child.sy !== cell.sy) problems.push(`${name}: height ${child.sy} in a container of height ${cell.sy}`);
        x += child.sx + 1;
      } else {
        if (child.sx !== cell.sx) problems.push(`${name}: width ${child.sx} in a container of width ${cell.sx}`);
        y += child.sy + 1;
      }
      visit(child, name);
    });
    if (cell.type === 'leftright' && x - 1 !== cell.xoff + cell.sx) problems.push(`${where}: children fill ${x - 1 - cell.xoff} of width ${cell.sx}`);
    if (cell.type === 'topbottom' && y - 1 !== cell.yoff + cell.sy) problems.push(`${where}: children fill ${y - 1 - cell.yoff} of height ${cell.sy}`);
  };
  const tree = fullTree(layout);
  if (tree.parent !== null) problems.push('root has a parent');
  if (tree.xoff !== 0 || tree.yoff !== 0) problems.push('root is not at 0,0');
  visit(tree, 'root');
  if (layout.zoomed !== null) {
    if (layout.root.type !== 'pane' || layout.root.pane !== layout.zoomed) problems.push('zoomed root is not the zoomed pane');
    if (layout.root.sx !== tree.sx || layout.root.sy !== tree.sy) problems.push('zoomed root is not the window size');
  }
  return problems;
}
