// Layout strings: the text form of a layout tree, as `#{window_layout}` prints it and select-layout
// reads it back (tmux's layout-custom.c).
//
//     layout = checksum "," cell
//     cell   = width "x" height "," xoff "," yoff ( "," pane-id | "{" cells "}" | "[" cells "]" )
//     cells  = cell ( "," cell )*
//
// `{…}` holds the children of a left-right cell, `[…]` those of a top-bottom cell, and a pane cell
// ends with its pane id (the number of %N). The checksum is tmux's 16-bit rotate-right-and-add over
// the text after the comma, printed as four lowercase hex digits (`%04hx`). Example:
//
//     d5e5,120x40,0,0{60x40,0,0,0,59x40,61,0[59x20,61,0,2,59x19,61,21,3]}
//
// Applying a string (select-layout) takes its shape and sizes, never its pane ids: the window's
// panes fill the pane cells in pane-list order. Offsets in the string are ignored and recomputed.
// This module is pure text and arithmetic, like layout.ts.

import {
  LayoutCell,
  LayoutDirection,
  WindowLayout,
  layoutClosePane,
  layoutFixOffsets,
  layoutUnzoom,
} from './layout';

/** The error text for a string that does not parse or whose checksum is wrong. */
export const INVALID_LAYOUT = 'invalid layout';

/** tmux's layout checksum: for each character, rotate the 16-bit sum right by one and add it. */
export function layoutChecksum(text: string): number {
  let csum = 0;
  for (let i = 0; i < text.length; i++) {
    csum = (csum >> 1) + ((csum & 1) << 15);
    csum = (csum + text.charCodeAt(i)) & 0xffff;
  }
  return csum;
}

/** The text of one cell and everything in it, without a checksum. */
export function layoutDumpCell(cell: LayoutCell): string {
  const head = `${cell.sx}x${cell.sy},${cell.xoff},${cell.yoff}`;
  if (cell.type === 'pane') return `${head},${cell.pane}`;
  const [open, close] = cell.type === 'leftright' ? ['{', '}'] : ['[', ']'];
  return head + open + cell.cells.map(layoutDumpCell).join(',') + close;
}

/** A tree as a layout string, checksum first. */
export function layoutDumpTree(root: LayoutCell): string {
  const body = layoutDumpCell(root);
  return `${layoutChecksum(body).toString(16).padStart(4, '0')},${body}`;
}

/** `#{window_layout}`: the real tree, also while a pane is zoomed. */
export function layoutDump(layout: WindowLayout): string {
  return layoutDumpTree(layout.saved ?? layout.root);
}

/** `#{window_visible_layout}`: what is shown, a single pane while zoomed. */
export function layoutDumpVisible(layout: WindowLayout): string {
  return layoutDumpTree(layout.root);
}

/**
 * Read a layout string into a tree, checking the checksum. Returns the tree, or tmux's error text
 * ('invalid layout'). A pane cell's id is optional (older tmux wrote none); missing ids are null.
 */
export function layoutParse(text: string): LayoutCell | string {
  // tmux reads "%hx," then skips five characters: it always writes four digits and a comma.
  const match = /^([0-9a-fA-F]{4}),/.exec(text);
  if (match === null) return INVALID_LAYOUT;
  const body = text.slice(5);
  if (parseInt(match[1], 16) !== layoutChecksum(body)) return INVALID_LAYOUT;
  const reader = { text: body, at: 0 };
  const root = readCell(reader, null);
  if (root === null || reader.at !== body.length) return INVALID_LAYOUT;
  return root;
}

interface Reader {
  text: string;
  at: number;
}

function readNumber(reader: Reader): number | null {
  const start = reader.at;
  while (reader.at < reader.text.length && reader.text[reader.at] >= '0' && reader.text[reader.at] <= '9') reader.at++;
  if (reader.at === start) return null;
  const value = Number(reader.text.slice(start, reader.at));
  return value > 0xffffffff ? null : value;
}

function expect(reader: Reader, char: string): boolean {
  if (reader.text[reader.at] !== char) return false;
  reader.at++;
  return true;
}

/** One cell and its children (tmux's layout_construct), or null if the text is not a cell. */
function readCell(reader: Reader, parent: LayoutCell | null): LayoutCell | null {
  const sx = readNumber(reader);
  if (sx === null || !expect(reader, 'x')) return null;
  const sy = readNumber(reader);
  if (sy === null || !expect(reader, ',')) return null;
  const xoff = readNumber(reader);
  if (xoff === null || !expect(reader, ',')) return null;
  const yoff = readNumber(reader);
  if (yoff === null) return null;

  // ",N" is a pane id unless it turns out to start the next sibling ("…,0,12x5,…" without ids).
  let pane: number | null = null;
  if (reader.text[reader.at] === ',') {
    const saved = reader.at;
    reader.at++;
    const start = reader.at;
    while (reader.at < reader.text.length && reader.text[reader.at] >= '0' && reader.text[reader.at] <= '9') reader.at++;
    if (reader.text[reader.at] === 'x') reader.at = saved;
    else if (reader.at > start) pane = Number(reader.text.slice(start, reader.at));
  }

  const cell: LayoutCell = { type: 'pane', parent, sx, sy, xoff, yoff, pane, cells: [] };
  const next = reader.text[reader.at];
  if (next === undefined || next === ',' || next === '}' || next === ']') return cell;
  const close = next === '{' ? '}' : next === '[' ? ']' : null;
  if (close === null) return null;
  cell.type = close === '}' ? 'leftright' : 'topbottom';
  cell.pane = null;
  do {
    reader.at++;
    const child = readCell(reader, cell);
    if (child === null) return null;
    cell.cells.push(child);
  } while (reader.text[reader.at] === ',');
  if (!expect(reader, close)) return null;
  return cell;
}

/** Whether every container's children fill it exactly along its direction and fully across it (layout_check). */
function sizesFit(cell: LayoutCell): boolean {
  if (cell.type === 'pane') return true;
  const along: LayoutDirection = cell.type;
  let total = 0;
  for (const child of cell.cells) {
    if (along === 'leftright' ? child.sy !== cell.sy : child.sx !== cell.sx) return false;
    if (!sizesFit(child)) return false;
    total += (along === 'leftright' ? child.sx : child.sy) + 1;
  }
  return total - 1 === (along === 'leftright' ? cell.sx : cell.sy);
}

function countPaneCells(cell: LayoutCell): number {
  return cell.type === 'pane' ? 1 : cell.cells.reduce((n, child) => n + countPaneCells(child), 0);
}

function bottomRight(cell: LayoutCell): LayoutCell {
  return cell.type === 'pane' ? cell : bottomRight(cell.cells[cell.cells.length - 1]);
}

function fillPanes(cell: LayoutCell, panes: number[]): void {
  if (cell.type === 'pane') cell.pane = panes.shift()!;
  else for (const child of cell.cells) fillPanes(child, panes);
}

/**
 * select-layout with a layout string (tmux's layout_parse): give the window the layout's shape,
 * its panes (`order`, the window's pane list) filling the pane cells in order. Returns the error
 * exactly as select-layout reports it, `<cause>: <string>`, or null on success. Causes:
 * 'invalid layout' (syntax or checksum), 'have N panes but need M' (more panes than cells) and
 * 'size mismatch after applying layout'. With fewer panes than cells, tmux removes the
 * bottom-right pane cell until they match.
 *
 * The root's size is recomputed from its children (tmux repairs strings from old versions that got
 * it wrong), and the window takes the layout's size, whatever it was before: the caller then applies
 * its own window size policy (with a manual window size, tmux resizes straight back with layoutResize).
 * A zoomed window is unzoomed first, even if the string turns out to be bad (as select-layout does).
 */
export function layoutApply(layout: WindowLayout, text: string, order: readonly number[]): string | null {
  layoutUnzoom(layout);
  const parsed = layoutParse(text);
  if (typeof parsed === 'string') return `${parsed}: ${text}`;
  let root = parsed;

  // Fewer panes than cells: drop cells from the bottom right, as closing their panes would.
  const cells = countPaneCells(root);
  if (order.length > cells) return `have ${order.length} panes but need ${cells}: ${text}`;
  if (order.length < cells) {
    const scratch: WindowLayout = { ...layout, root, saved: null, zoomed: null };
    fillPanes(root, Array.from({ length: cells }, (_, i) => -1 - i));
    while (countPaneCells(scratch.root) > order.length) layoutClosePane(scratch, bottomRight(scratch.root).pane!);
    root = scratch.root;
  }

  // The root's size is whatever its children add up to.
  if (root.type !== 'pane') {
    let sx = 0;
    let sy = 0;
    for (const child of root.cells) {
      if (root.type === 'leftright') {
        sx += child.sx + 1;
        sy = child.sy + 1;
      } else {
        sx = child.sx + 1;
        sy += child.sy + 1;
      }
    }
    root.sx = sx - 1;
    root.sy = sy - 1;
  }
  if (!sizesFit(root)) return `size mismatch after applying layout: ${text}`;

  fillPanes(root, order.slice());
  layoutFixOffsets(root);
  layout.root = root;
  return null;
}
