// Frame composition: place each visible pane's screen, the borders between panes and the status line
// into one client-sized grid, and put the cursor where the active pane has it.
//
// It works on plain view data handed in by the server (pane terminals with their rectangles, the
// status line already expanded into styled runs), so it never imports the model or the server.

import { Grid, type CursorState, type Frame } from '../emulator/cell';

/**
 * What a pane shows: normally its terminal (PaneTerminal), or a pane mode drawn in its place
 * (copy mode, view mode, clock mode).
 */
export interface PaneContent {
  /** Draw the content into `grid` at (x, y), clipped to w×h. */
  copyInto(grid: Grid, x: number, y: number, w: number, h: number): void;
  /** Where the cursor is, relative to the pane. */
  cursor(): CursorState;
}

export interface PaneView {
  terminal: PaneContent;
  x: number;
  y: number;
  width: number;
  height: number;
  active: boolean;
}

/** One styled piece of a status line, already truncated to fit. */
export interface StyledRun {
  text: string;
  fg: number;
  bg: number;
  attrs: number;
}

export interface StatusView {
  /** The row the status line occupies in the client's terminal. */
  y: number;
  /** Styled pieces placed at their column. */
  runs: Array<StyledRun & { x: number }>;
  /** Style filling the rest of the line. */
  fill: { fg: number; bg: number; attrs: number };
}

/** A border cell: its position, the line character and its style. */
export interface BorderCell {
  x: number;
  y: number;
  ch: string;
  fg: number;
  bg: number;
  attrs: number;
  /** 2 for a wide character (a pane title), whose next cell is then a border cell with ch ''; default 1. */
  width?: number;
}

export interface FrameView {
  cols: number;
  rows: number;
  panes: PaneView[];
  borders: BorderCell[];
  /** The status line (with several, the last: the one messages and prompts cover). */
  status: StatusView | undefined;
  /** The other lines of a status line of 2–5 lines (`status 2`), top to bottom. */
  statusAbove?: StatusView[];
  /** A message or prompt drawn over the status line (display-message, errors). */
  message?: StatusView;
  /** Where the cursor goes instead of the active pane's (the command prompt puts it in its line). */
  cursor?: CursorState;
}

/** Width of a string in cells (wide East Asian characters and emoji count 2, combining marks 0). */
export function cellWidth(codePoint: number): number {
  if (codePoint < 0x300) return 1;
  if (
    (codePoint >= 0x300 && codePoint <= 0x36f) ||
    (codePoint >= 0x1ab0 && codePoint <= 0x1aff) ||
    (codePoint >= 0x1dc0 && codePoint <= 0x1dff) ||
    (codePoint >= 0x20d0 && codePoint <= 0x20ff) ||
    (codePoint >= 0xfe20 && codePoint <= 0xfe2f) ||
    codePoint === 0x200d ||
    (codePoint >= 0xfe00 && codePoint <= 0xfe0f)
  ) {
    return 0;
  }
  if (
    (codePoint >= 0x1100 && codePoint <= 0x115f) ||
    (codePoint >= 0x2e80 && codePoint <= 0xa4cf) ||
    (codePoint >= 0xac00 && codePoint <= 0xd7a3) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xfe30 && codePoint <= 0xfe4f) ||
    (codePoint >= 0xff00 && codePoint <= 0xff60) ||
    (codePoint >= 0xffe0 && codePoint <= 0xffe6) ||
    (codePoint >= 0x1f300 && codePoint <= 0x1f64f) ||
    (codePoint >= 0x1f900 && codePoint <= 0x1f9ff) ||
    (codePoint >= 0x20000 && codePoint <= 0x3fffd)
  ) {
    return 2;
  }
  return 1;
}

/** Write styled text into row y from column x, clipped at `limit`; returns the column after it. */
function drawText(grid: Grid, x: number, y: number, limit: number, run: StyledRun): number {
  for (const ch of run.text) {
    const cp = ch.codePointAt(0) ?? 32;
    const w = cellWidth(cp);
    if (w === 0) {
      // A combining mark joins the previous cell.
      if (x > 0) grid.chars[y * grid.cols + x - 1] += ch;
      continue;
    }
    if (x + w > limit) break;
    grid.set(x, y, cp < 32 ? ' ' : ch, w, run.fg, run.bg, run.attrs);
    if (w === 2) grid.set(x + 1, y, '', 0, run.fg, run.bg, run.attrs);
    x += w;
  }
  return x;
}

function drawStatus(grid: Grid, status: StatusView): void {
  if (status.y < 0 || status.y >= grid.rows) return;
  grid.fill(0, status.y, grid.cols, 1, ' ', status.fill.fg, status.fill.bg, status.fill.attrs);
  for (const run of status.runs) drawText(grid, run.x, status.y, grid.cols, run);
}

/**
 * Compose the frame a client should show. `grid` is reused between calls when its size matches
 * (pass the previous one), so steady-state rendering allocates no grid.
 */
export function composeFrame(view: FrameView, reuse: Grid | undefined): Frame {
  const grid = reuse && reuse.cols === view.cols && reuse.rows === view.rows ? reuse : new Grid(view.cols, view.rows);
  grid.clear();
  let cursor: CursorState = { x: 0, y: 0, visible: false, style: 0 };
  for (const pane of view.panes) {
    pane.terminal.copyInto(grid, pane.x, pane.y, pane.width, pane.height);
    if (pane.active) {
      const c = pane.terminal.cursor();
      const inside = c.x < pane.width && c.y < pane.height;
      cursor = { x: pane.x + c.x, y: pane.y + c.y, visible: c.visible && inside, style: c.style };
    }
  }
  for (const b of view.borders) grid.set(b.x, b.y, b.ch, b.ch === '' ? 0 : b.width ?? 1, b.fg, b.bg, b.attrs);
  for (const line of view.statusAbove ?? []) drawStatus(grid, line);
  if (view.status) drawStatus(grid, view.status);
  if (view.message) {
    drawStatus(grid, view.message);
    // tmux leaves the cursor at the end of a prompt; for a plain message it stays in the pane.
  }
  if (view.cursor) cursor = { ...view.cursor };
  cursor.x = Math.min(Math.max(cursor.x, 0), view.cols - 1);
  cursor.y = Math.min(Math.max(cursor.y, 0), view.rows - 1);
  return { grid, cursor };
}
