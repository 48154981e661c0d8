// Pane borders: which cells of a window are border, what shape each is (a straight line, a corner,
// a T or a cross), and which panes each belongs to, as tmux 3.3a's screen-redraw.c decides them.
//
// The renderer draws borders from this and colours a cell in the active border style when the active
// pane is one of its panes. It is computed from the layout's pane rectangles alone, so compute it once
// per layout change, not per frame. Pane status line text (pane-border-status with a format) is the
// renderer's: here the status line is border like any other.
//
// Pure geometry over pane ids, like layout.ts.

import { PaneRect, WindowLayout, layoutPaneRect, layoutPanes } from './layout';

/**
 * The shape of a border cell, named as tmux's CELL_* types by which neighbours are border too:
 * 'topbottom' is a vertical line, 'leftright' a horizontal one, 'topleft' the corner whose
 * neighbours are right and below (┌), 'topjoin' a T opening downwards (┬), 'join' a cross (┼).
 */
export type BorderType =
  | 'topbottom'
  | 'leftright'
  | 'topleft'
  | 'topright'
  | 'bottomleft'
  | 'bottomright'
  | 'topjoin'
  | 'bottomjoin'
  | 'leftjoin'
  | 'rightjoin'
  | 'join'
  | 'outside';

/** Border type by which neighbours are borders: left 8, right 4, up 2, down 1 (screen_redraw_type_of_cell). */
const BORDER_TYPE_BY_NEIGHBOURS: Readonly<Record<number, BorderType>> = Object.freeze({
  15: 'join',
  14: 'bottomjoin',
  13: 'topjoin',
  12: 'leftright',
  11: 'rightjoin',
  10: 'bottomright',
  9: 'topright',
  7: 'leftjoin',
  6: 'bottomleft',
  5: 'topleft',
  3: 'topbottom',
});

/** Which side of a pane a border cell is on; a cell may border several panes. */
export type BorderSide = 'left' | 'right' | 'top' | 'bottom';

export interface BorderCell {
  x: number;
  y: number;
  type: BorderType;
  /**
   * The panes this cell is a border of, with the side, in pane order (tmux's screen_redraw_check_is).
   * The border is drawn in a pane's active border style if that pane is in this list. tmux styles
   * the cell after the first of these panes found going round the pane list from the active pane.
   */
  panes: Array<{ pane: number; side: BorderSide }>;
  /** On the window's own right or bottom edge (x = width or y = height), drawn without pane style. */
  windowEdge: boolean;
}

export interface BorderOptions {
  /** The window's pane list (default: tree order). */
  order?: readonly number[];
  /**
   * pane-border-indicators: with 'colour' or 'both' and exactly two side-by-side (or stacked) panes,
   * tmux gives each pane half of the border between them.
   */
  indicators?: 'off' | 'colour' | 'arrows' | 'both';
}

/** Which side of a pane x,y borders, 'inside', or null (screen_redraw_pane_border). */
function borderSide(
  layout: WindowLayout,
  r: PaneRect,
  x: number,
  y: number,
  splitLeftRight: boolean,
  splitTopBottom: boolean,
): BorderSide | 'inside' | null {
  const ex = r.x + r.sx;
  const ey = r.y + r.sy;
  if (x >= r.x && x < ex && y >= r.y && y < ey) return 'inside';
  const status = layout.paneBorderStatus;

  if (status === 'off' && splitLeftRight) {
    if (r.x === 0 && x === r.sx && y <= Math.floor(r.sy / 2)) return 'right';
    if (r.x !== 0 && x === r.x - 1 && y > Math.floor(r.sy / 2)) return 'left';
  } else if ((r.y === 0 || y >= r.y - 1) && y <= ey) {
    if (r.x !== 0 && x === r.x - 1) return 'left';
    if (x === ex) return 'right';
  }

  const acrossPane = (r.x === 0 || x >= r.x - 1) && x <= ex;
  if (status === 'off' && splitTopBottom) {
    if (r.y === 0 && y === r.sy && x <= Math.floor(r.sx / 2)) return 'bottom';
    if (r.y !== 0 && y === r.y - 1 && x > Math.floor(r.sx / 2)) return 'top';
  } else if (status === 'off') {
    if (acrossPane && r.y !== 0 && y === r.y - 1) return 'top';
    if (acrossPane && y === ey) return 'bottom';
  } else if (status === 'top') {
    if (acrossPane && r.y !== 0 && y === r.y - 1) return 'top';
  } else if (acrossPane && y === ey) {
    return 'bottom';
  }
  return null;
}

/**
 * Every border cell of the window, row by row, including the column just right of the window and
 * the row just below it (drawn when a client is larger than the window). Cells covered by panes and
 * cells beyond that edge are not listed. Pane status line text is the renderer's business: here the
 * line is border.
 */
export function layoutBorderCells(layout: WindowLayout, options: BorderOptions = {}): BorderCell[] {
  const sx = layout.root.sx;
  const sy = layout.root.sy;
  const rects = (options.order ?? layoutPanes(layout))
    .filter((pane) => layout.zoomed === null || layout.zoomed === pane)
    .map((pane) => ({ pane, ...layoutPaneRect(layout, pane) }));
  const order = options.order ?? layoutPanes(layout);
  // tmux splits the border between two panes in colour when pane-border-indicators asks, and the
  // window has exactly two panes side by side (or one above the other), judged by the second.
  const split = options.indicators === 'colour' || options.indicators === 'both';
  const second = order.length === 2 ? layoutPaneRect(layout, order[1]) : null;
  const splitLeftRight = split && second !== null && second.x !== 0;
  const splitTopBottom = split && second !== null && second.y !== 0;

  // Whether each cell is border, as tmux's screen_redraw_cell_border decides: the window's right
  // and bottom edges are; otherwise the first pane in order that the cell is inside or borders
  // says. Only a pane's own cells and the ring around it can be either, so visit just those.
  const width = sx + 2;
  const size = width * (sy + 2);
  const DECIDED_NOTHING = 0;
  const DECIDED_BORDER = 1;
  const DECIDED_INSIDE = 2;
  const decided = new Uint8Array(size);
  const sides = new Map<number, Array<{ pane: number; side: BorderSide }>>();
  for (const r of rects) {
    for (let y = r.y; y < Math.min(r.y + r.sy, sy + 1); y++) {
      for (let x = r.x; x < Math.min(r.x + r.sx, sx + 1); x++) {
        if (decided[y * width + x] === DECIDED_NOTHING) decided[y * width + x] = DECIDED_INSIDE;
      }
    }
    const ring = (x: number, y: number) => {
      if (x < 0 || y < 0 || x > sx || y > sy) return;
      const side = borderSide(layout, r, x, y, splitLeftRight, splitTopBottom);
      if (side === null || side === 'inside') return;
      const at = y * width + x;
      if (decided[at] === DECIDED_NOTHING) decided[at] = DECIDED_BORDER;
      let list = sides.get(at);
      if (list === undefined) sides.set(at, (list = []));
      list.push({ pane: r.pane, side });
    };
    const ex = r.x + r.sx;
    const ey = r.y + r.sy;
    for (let y = r.y - 1; y <= ey; y++) {
      ring(r.x - 1, y);
      ring(ex, y);
    }
    for (let x = r.x; x < ex; x++) {
      ring(x, r.y - 1);
      ring(x, ey);
    }
  }
  const isBorder = new Uint8Array(size);
  for (let y = 0; y <= sy; y++) {
    for (let x = 0; x <= sx; x++) {
      const at = y * width + x;
      isBorder[at] = x === sx || y === sy || decided[at] === DECIDED_BORDER ? 1 : 0;
    }
  }
  const at = (x: number, y: number) => (x < 0 || y < 0 || x > sx || y > sy ? false : isBorder[y * width + x] === 1);

  const cells: BorderCell[] = [];
  for (let y = 0; y <= sy; y++) {
    for (let x = 0; x <= sx; x++) {
      if (!at(x, y)) continue;
      let neighbours = 0;
      if (x === 0 || at(x - 1, y)) neighbours |= 8;
      if (at(x + 1, y)) neighbours |= 4;
      if (layout.paneBorderStatus === 'top') {
        if (y !== 0 && at(x, y - 1)) neighbours |= 2;
        if (at(x, y + 1)) neighbours |= 1;
      } else if (layout.paneBorderStatus === 'bottom') {
        if (y === 0 || at(x, y - 1)) neighbours |= 2;
        if (y !== sy - 1 && at(x, y + 1)) neighbours |= 1;
      } else {
        if (y === 0 || at(x, y - 1)) neighbours |= 2;
        if (at(x, y + 1)) neighbours |= 1;
      }
      const windowEdge = x === sx || y === sy;
      cells.push({
        x,
        y,
        type: BORDER_TYPE_BY_NEIGHBOURS[neighbours] ?? 'outside',
        panes: windowEdge ? [] : sides.get(y * width + x) ?? [],
        windowEdge,
      });
    }
  }
  return cells;
}
