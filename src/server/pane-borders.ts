// The borders between a window's panes as a client sees them: which character each border cell
// gets (pane-border-lines: single, double, heavy, simple, number), its style (pane-border-style, or
// pane-active-border-style next to the active pane, split in half between two panes when
// pane-border-indicators says colour; reversed around the marked pane), and the pane status lines
// of pane-border-status with each pane's pane-border-format title (screen-redraw.c).
//
// Where the border cells are and what shape each has comes from model/layout-borders.ts; this module
// only decides how they look. It builds plain view data for render/compose and never draws itself.

import { cellColour } from '../format/colour';
import { DEFAULT_STYLE, displayWidth, parseStyle, splitStyledText, type Style } from '../format/style';
import { layoutBorderCells, type BorderCell as LayoutBorderCell, type BorderType } from '../model/layout-borders';
import { layoutPaneRect } from '../model/layout';
import type { Pane, Window } from '../model/model';
import { ATTR_INVERSE } from '../emulator/cell';
import type { BorderCell } from '../render/compose';

export type PaneBorderLines = 'single' | 'double' | 'heavy' | 'simple' | 'number';

// The line characters of each pane-border-lines set, by cell shape (tmux's CELL_BORDERS through
// the ACS table for single; tty_acs_double_borders, tty_acs_heavy_borders; SIMPLE_BORDERS).
const LINES: Readonly<Record<Exclude<PaneBorderLines, 'number'>, Readonly<Record<BorderType, string>>>> = Object.freeze({
  single: {
    topbottom: '│', leftright: '─', topleft: '┌', topright: '┐', bottomleft: '└', bottomright: '┘',
    topjoin: '┬', bottomjoin: '┴', leftjoin: '├', rightjoin: '┤', join: '┼', outside: '·',
  },
  double: {
    topbottom: '║', leftright: '═', topleft: '╔', topright: '╗', bottomleft: '╚', bottomright: '╝',
    topjoin: '╦', bottomjoin: '╩', leftjoin: '╠', rightjoin: '╣', join: '╬', outside: '·',
  },
  heavy: {
    topbottom: '┃', leftright: '━', topleft: '┏', topright: '┓', bottomleft: '┗', bottomright: '┛',
    topjoin: '┳', bottomjoin: '┻', leftjoin: '┣', rightjoin: '┫', join: '╋', outside: '·',
  },
  simple: {
    topbottom: '|', leftright: '-', topleft: '+', topright: '+', bottomleft: '+', bottomright: '+',
    topjoin: '+', bottomjoin: '+', leftjoin: '+', rightjoin: '+', join: '+', outside: '.',
  },
});

export interface PaneBorderContext {
  window: Window;
  /** The marked pane (select-pane -m) if it was marked in this window as the client sees it. */
  marked: Pane | undefined;
  /** Expand a format for the client, its session, this window and `pane`. */
  expand(text: string, pane: Pane): string;
}

/** A style option of the window expanded for one pane (the active border style is a format). */
function paneStyle(ctx: PaneBorderContext, name: string, pane: Pane): Style {
  let text = ctx.window.options.getString(name);
  if (text.includes('#{')) text = ctx.expand(text, pane);
  const parsed = parseStyle(text, { onto: DEFAULT_STYLE, base: DEFAULT_STYLE });
  return parsed.ok ? parsed.style : DEFAULT_STYLE;
}

/**
 * The border cells and pane status lines of a window, placed `top` rows down and clipped to
 * cols × rows. Returns nothing for a window without a layout.
 */
export function paneBorderView(ctx: PaneBorderContext, top: number, cols: number, rows: number): BorderCell[] {
  const window = ctx.window;
  const layout = window.layout;
  if (!layout) return [];
  const status = layout.paneBorderStatus;
  // A lone pane, or a zoomed one, has no borders to draw unless it has a status line.
  if (status === 'off' && (layout.zoomed !== null || window.panes.length < 2)) return [];

  const options = window.options;
  const lines = options.getString('pane-border-lines') as PaneBorderLines;
  const indicators = options.getString('pane-border-indicators') as 'off' | 'colour' | 'arrows' | 'both';
  const order = window.panes.map((p) => p.id);
  const byId = new Map(window.panes.map((p) => [p.id, p]));
  const active = window.active;

  // Styles per pane, computed once: the border style of a pane and its active-border style.
  const styles = new Map<Pane, { normal: Style; active: Style }>();
  const stylesOf = (pane: Pane): { normal: Style; active: Style } => {
    let s = styles.get(pane);
    if (!s) {
      s = { normal: paneStyle(ctx, 'pane-border-style', pane), active: paneStyle(ctx, 'pane-active-border-style', pane) };
      styles.set(pane, s);
    }
    return s;
  };

  // The pane a border cell belongs to: the first of its panes going round the pane list from the
  // active one (tmux's screen_redraw_check_cell).
  const startAt = active ? Math.max(0, order.indexOf(active.id)) : 0;
  const ownerOf = (cell: LayoutBorderCell): Pane | undefined => {
    for (let i = 0; i < order.length; i++) {
      const id = order[(startAt + i) % order.length];
      if (cell.panes.some((p) => p.pane === id)) return byId.get(id);
    }
    return undefined;
  };
  const charFor = (type: BorderType, owner: Pane | undefined): string => {
    if (lines !== 'number') return (LINES[lines] ?? LINES.single)[type];
    if (type === 'outside') return ' ';
    if (!owner) return '*';
    const index = window.panes.indexOf(owner) + options.getNumber('pane-base-index');
    return String(index % 10);
  };

  const out: BorderCell[] = [];
  const at = new Map<number, LayoutBorderCell>();
  const cells = layoutBorderCells(layout, { order, indicators });
  for (const cell of cells) {
    if (cell.type === 'outside' || cell.x >= cols || cell.y >= rows || cell.windowEdge) continue;
    at.set(cell.y * (layout.root.sx + 2) + cell.x, cell);
    const owner = ownerOf(cell);
    let style = DEFAULT_STYLE as Style;
    if (owner) {
      const s = stylesOf(owner);
      style = active && cell.panes.some((p) => p.pane === active.id) ? s.active : s.normal;
    } else if (active) {
      style = stylesOf(active).normal;
    }
    let attrs = style.attrs;
    if (ctx.marked && cell.panes.some((p) => p.pane === ctx.marked!.id)) attrs ^= ATTR_INVERSE;
    out.push({ x: cell.x, y: cell.y + top, ch: charFor(cell.type, owner), fg: cellColour(style.fg), bg: cellColour(style.bg), attrs });
  }

  if (status !== 'off') {
    for (const pane of window.panes) {
      if (layout.zoomed !== null && layout.zoomed !== pane.id) continue;
      out.push(...paneStatusLine(ctx, pane, status, top, cols, rows, (x, y) => at.get(y * (layout.root.sx + 2) + x), charFor, stylesOf));
    }
  }
  return out;
}

/**
 * One pane's status line: from two cells in from its left edge to two before its right edge, on the
 * border line above (top) or below (bottom) it, the border drawn in the pane's own border style
 * (active if it is the active pane) with its pane-border-format over it.
 */
function paneStatusLine(
  ctx: PaneBorderContext,
  pane: Pane,
  status: 'top' | 'bottom',
  top: number,
  cols: number,
  rows: number,
  cellAt: (x: number, y: number) => LayoutBorderCell | undefined,
  charFor: (type: BorderType, owner: Pane | undefined) => string,
  stylesOf: (pane: Pane) => { normal: Style; active: Style },
): BorderCell[] {
  const window = ctx.window;
  const rect = layoutPaneRect(window.layout!, pane.id);
  const width = rect.sx < 4 ? 0 : rect.sx - 4;
  const y = status === 'top' ? rect.y - 1 : rect.y + rect.sy;
  if (width === 0 || y < 0 || y >= rows) return [];
  const x0 = rect.x + 2;
  const s = stylesOf(pane);
  const base = pane === window.active ? s.active : s.normal;
  const out: BorderCell[] = [];
  const put = (x: number, ch: string, style: Style, w = 1): void => {
    if (x < cols) out.push({ x, y: y + top, ch, fg: cellColour(style.fg), bg: cellColour(style.bg), attrs: style.attrs, width: w });
  };
  for (let i = 0; i < width; i++) {
    const cell = cellAt(x0 + i, y);
    put(x0 + i, cell ? charFor(cell.type, pane) : charFor('leftright', pane), base);
  }
  const text = ctx.expand(pane.options.getString('pane-border-format'), pane);
  let used = 0;
  for (const piece of splitStyledText(text, base)) {
    for (const ch of piece.text) {
      const w = displayWidth(ch);
      if (used + w > width) return out;
      if (w === 0) continue;
      put(x0 + used, ch, piece.style, w);
      // A wide character covers the next cell too.
      if (w === 2) put(x0 + used + 1, '', piece.style);
      used += w;
    }
  }
  return out;
}
