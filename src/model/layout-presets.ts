// Preset layouts: select-layout even-horizontal | even-vertical | main-horizontal | main-vertical |
// tiled, and next-layout / previous-layout cycling through them (tmux's layout-set.c).
//
// A preset throws the window's tree away and builds a new one from the window's pane list, in
// order, sized for the window with tmux 3.3a's arithmetic. The table below is the list tmux
// cycles through; names match by unique prefix ("main-v", "til"). When the panes cannot fit at
// their minimum size the new layout is larger than the window, and the window grows to it (as in
// tmux; the window's size policy may then shrink it back with layoutResize).
//
// Pure data and arithmetic over pane ids, like layout.ts.

import {
  LayoutCell,
  LayoutDirection,
  PANE_MINIMUM,
  WindowLayout,
  layoutFixOffsets,
  layoutPanes,
  layoutResizeCell,
  layoutSpreadCell,
  layoutUnzoom,
} from './layout';

/** The main-pane and other-pane window options; each a number of cells or a percentage like '30%'. */
export interface PresetOptions {
  /** main-pane-width, default '80': the main pane's width in main-vertical. */
  mainPaneWidth?: string | number;
  /** main-pane-height, default '24': the main pane's height in main-horizontal. */
  mainPaneHeight?: string | number;
  /** other-pane-width, default '0' (the rest): the other panes' width in main-vertical. */
  otherPaneWidth?: string | number;
  /** other-pane-height, default '0' (the rest): the other panes' height in main-horizontal. */
  otherPaneHeight?: string | number;
}

interface LayoutPreset {
  readonly name: string;
  /** Build the tree for these panes in a window of sx by sy. */
  readonly arrange: (layout: WindowLayout, panes: readonly number[], sx: number, sy: number, options: PresetOptions) => LayoutCell;
}

/** The presets in tmux's order, which next-layout and previous-layout follow. */
export const LAYOUT_PRESETS: readonly LayoutPreset[] = Object.freeze([
  { name: 'even-horizontal', arrange: (l, p, sx, sy) => arrangeEven(l, p, sx, sy, 'leftright') },
  { name: 'even-vertical', arrange: (l, p, sx, sy) => arrangeEven(l, p, sx, sy, 'topbottom') },
  { name: 'main-horizontal', arrange: (l, p, sx, sy, o) => arrangeMain(l, p, sx, sy, o, 'topbottom') },
  { name: 'main-vertical', arrange: (l, p, sx, sy, o) => arrangeMain(l, p, sx, sy, o, 'leftright') },
  { name: 'tiled', arrange: arrangeTiled },
]);

/** The preset a name or unique prefix of one names, as an index in LAYOUT_PRESETS, or -1 (also if ambiguous). */
export function layoutPresetLookup(name: string): number {
  let matched = -1;
  for (let i = 0; i < LAYOUT_PRESETS.length; i++) {
    if (!LAYOUT_PRESETS[i].name.startsWith(name)) continue;
    if (matched !== -1) return -1;
    matched = i;
  }
  return matched;
}

/**
 * Arrange the window's panes (`order`: its pane list, the same panes as the layout) as a preset.
 * A window of one pane is left alone, but still remembers the preset for next-layout. Unzooms.
 */
export function layoutPresetApply(layout: WindowLayout, preset: number, order: readonly number[], options: PresetOptions = {}): void {
  const index = Math.min(Math.max(preset, 0), LAYOUT_PRESETS.length - 1);
  layoutUnzoom(layout);
  const have = layoutPanes(layout);
  if (have.length !== order.length || !order.every((pane) => have.includes(pane))) {
    throw new Error('preset pane order must list exactly the layout panes');
  }
  layout.lastPreset = index;
  if (order.length <= 1) return;
  layout.root = LAYOUT_PRESETS[index].arrange(layout, order, layout.root.sx, layout.root.sy, options);
  layoutFixOffsets(layout.root);
}

/** next-layout: the preset after the last one applied (the first if none yet). Returns its index. */
export function layoutPresetNext(layout: WindowLayout, order: readonly number[], options: PresetOptions = {}): number {
  const next = layout.lastPreset === -1 || layout.lastPreset + 1 >= LAYOUT_PRESETS.length ? 0 : layout.lastPreset + 1;
  layoutPresetApply(layout, next, order, options);
  return next;
}

/** previous-layout: the preset before the last one applied (the last if none yet). Returns its index. */
export function layoutPresetPrevious(layout: WindowLayout, order: readonly number[], options: PresetOptions = {}): number {
  const previous = layout.lastPreset <= 0 ? LAYOUT_PRESETS.length - 1 : layout.lastPreset - 1;
  layoutPresetApply(layout, previous, order, options);
  return previous;
}

// --- the arrangements --------------------------------------------------------------------------

function cell(parent: LayoutCell | null, type: LayoutCell['type'], sx: number, sy: number, pane: number | null = null): LayoutCell {
  const c: LayoutCell = { type, parent, sx, sy, xoff: 0, yoff: 0, pane, cells: [] };
  parent?.cells.push(c);
  return c;
}

/** The room n panes need side by side: n minimum-size panes and the borders between them. */
function minimumFor(n: number): number {
  return n * (PANE_MINIMUM + 1) - 1;
}

/** even-horizontal / even-vertical: all panes in one row (or column), spread evenly. */
function arrangeEven(layout: WindowLayout, panes: readonly number[], wsx: number, wsy: number, type: LayoutDirection): LayoutCell {
  const sx = type === 'leftright' ? Math.max(minimumFor(panes.length), wsx) : wsx;
  const sy = type === 'topbottom' ? Math.max(minimumFor(panes.length), wsy) : wsy;
  const root = cell(null, type, sx, sy);
  // Panes start at the window's size and the spread sets their size along the row.
  for (const pane of panes) cell(root, 'pane', wsx, wsy, pane);
  layoutSpreadCell({ ...layout, root }, root);
  return root;
}

/**
 * tmux's args_string_percentage for the main-pane and other-pane options: a number from 0 to
 * `maximum`, or a percentage (0% to 100%) of it, or null if the value is not one of those.
 */
export function presetOptionValue(value: string | number, maximum: number): number | null {
  const text = String(value);
  if (text.endsWith('%')) {
    const percent = strtonum(text.slice(0, -1), 0, 100);
    return percent === null ? null : Math.floor((maximum * percent) / 100);
  }
  return strtonum(text, 0, maximum);
}

/** OpenBSD strtonum: a whole decimal number within range, or null. */
function strtonum(text: string, minimum: number, maximum: number): number | null {
  if (!/^[ \t\n\v\f\r]*[+-]?[0-9]+$/.test(text)) return null;
  const value = Number(text.trim());
  return value < minimum || value > maximum ? null : value;
}

/**
 * main-horizontal (main pane on top, the others in a row below) and main-vertical (main pane on the
 * left, the others in a column right of it). `type` is the root's direction: 'topbottom' for
 * main-horizontal. The main pane takes main-pane-height (width), default 24 (80), or a value that
 * does not parse or is larger than the window; the others share the rest, unless other-pane-height
 * (width) is set, in which case it wins and the main pane takes what it leaves.
 */
function arrangeMain(
  layout: WindowLayout,
  panes: readonly number[],
  wsx: number,
  wsy: number,
  options: PresetOptions,
  type: LayoutDirection,
): LayoutCell {
  const horizontal = type === 'topbottom';
  const others = panes.length - 1;
  // The room along the main direction, less the border after the main pane.
  const room = (horizontal ? wsy : wsx) - 1;
  const mainOption = horizontal ? options.mainPaneHeight ?? '24' : options.mainPaneWidth ?? '80';
  const otherOption = horizontal ? options.otherPaneHeight ?? '0' : options.otherPaneWidth ?? '0';

  let main = presetOptionValue(mainOption, room) ?? (horizontal ? 24 : 80);
  let other: number;
  if (main + PANE_MINIMUM >= room) {
    main = room <= PANE_MINIMUM + PANE_MINIMUM ? PANE_MINIMUM : room - PANE_MINIMUM;
    other = PANE_MINIMUM;
  } else {
    const asked = presetOptionValue(otherOption, room);
    if (asked === null || asked === 0) other = room - main;
    else if (asked > room || room - asked < main) other = room - main;
    else {
      other = asked;
      main = room - other;
    }
  }

  // Across the main direction the window must hold all the other panes side by side.
  const across = Math.max(minimumFor(others), horizontal ? wsx : wsy);
  const along = main + other + 1;
  // Width and height from a size across the main direction and one along it.
  const size = (acrossSize: number, alongSize: number): [number, number] =>
    horizontal ? [acrossSize, alongSize] : [alongSize, acrossSize];
  const root = cell(null, type, ...size(across, along));
  cell(root, 'pane', ...size(across, main), panes[0]);
  if (others === 1) {
    cell(root, 'pane', ...size(across, other), panes[1]);
  } else {
    const row = cell(root, horizontal ? 'leftright' : 'topbottom', ...size(across, other));
    for (const pane of panes.slice(1)) cell(row, 'pane', ...size(PANE_MINIMUM, other), pane);
    layoutSpreadCell({ ...layout, root }, row);
  }
  return root;
}

/**
 * tiled: a grid with rows and columns added alternately (rows first) until there are enough cells.
 * Cells are the same size; the last column and the last row take the remainder, and a last row
 * with a single pane is that pane across the window.
 */
function arrangeTiled(layout: WindowLayout, panes: readonly number[], wsx: number, wsy: number): LayoutCell {
  const n = panes.length;
  let rows = 1;
  let columns = 1;
  while (rows * columns < n) {
    rows++;
    if (rows * columns < n) columns++;
  }
  const width = Math.max(Math.floor((wsx - (columns - 1)) / columns), PANE_MINIMUM);
  const height = Math.max(Math.floor((wsy - (rows - 1)) / rows), PANE_MINIMUM);

  const root = cell(null, 'topbottom', Math.max((width + 1) * columns - 1, wsx), Math.max((height + 1) * rows - 1, wsy));
  const scratch: WindowLayout = { ...layout, root };
  let next = 0;
  for (let j = 0; j < rows && next < n; j++) {
    // Rows are as wide as the window, even when the layout is wider (a quirk of tmux's for tiny windows).
    const row = cell(root, 'pane', wsx, height);
    if (n - j * columns === 1 || columns === 1) {
      row.pane = panes[next++];
      continue;
    }
    row.type = 'leftright';
    let placed = 0;
    while (placed < columns && next < n) {
      cell(row, 'pane', width, height, panes[next++]);
      placed++;
    }
    // The last cell of the row takes what the columns leave of the window's width.
    const used = placed * (width + 1) - 1;
    if (wsx > used) layoutResizeCell(scratch, row.cells[row.cells.length - 1], 'leftright', wsx - used);
  }
  // And the last row what the rows leave of its height.
  const used = rows * height + rows - 1;
  if (wsy > used) layoutResizeCell(scratch, root.cells[root.cells.length - 1], 'topbottom', wsy - used);
  return root;
}
