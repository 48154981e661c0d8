// Builds what one client should see (a FrameView for render/compose): the current window's panes at
// their positions, the status lines (status-line.ts draws them from status-format[]) and a message.

import { formatContextFor } from '../commands/format-target';
import { cellColour } from '../format/colour';
import { expandFormat } from '../format/expand';
import { DEFAULT_STYLE, parseStyle, type Style } from '../format/style';
import { layoutBorderCells, type BorderType } from '../model/layout-borders';
import { layoutPaneRects } from '../model/layout';
import type { Session, Window } from '../model/model';
import type { BorderCell, FrameView, PaneView } from '../render/compose';
import type { ClientConnection } from './client-connection';
import type { Server } from './server';
import { messageLine, statusAtTop, statusLineCount, statusView, type StatusMessage } from './status-line';

export type Message = StatusMessage;

// Line characters for each border shape (tmux's pane-border-lines single).
const BORDER_CHARS: Readonly<Record<BorderType, string>> = Object.freeze({
  topbottom: '│',
  leftright: '─',
  topleft: '┌',
  topright: '┐',
  bottomleft: '└',
  bottomright: '┘',
  topjoin: '┬',
  bottomjoin: '┴',
  leftjoin: '├',
  rightjoin: '┤',
  join: '┼',
  outside: ' ',
});

/** A window style option; tmux expands a style that holds a format first (the active border's does). */
function windowStyle(window: Window, name: string, expand: (text: string) => string): Style {
  let text = window.options.getString(name);
  if (text.includes('#{')) text = expand(text);
  const parsed = parseStyle(text, { onto: DEFAULT_STYLE, base: DEFAULT_STYLE });
  return parsed.ok ? parsed.style : DEFAULT_STYLE;
}

/** The panes of a window where the client sees them (offset by a top status line), and the borders. */
function windowView(
  window: Window, top: number, cols: number, rows: number, expand: (text: string) => string,
): { panes: PaneView[]; borders: BorderCell[] } {
  const panes: PaneView[] = [];
  const borders: BorderCell[] = [];
  const layout = window.layout;
  if (!layout) return { panes, borders };
  const byId = new Map(window.panes.map((p) => [p.id, p]));
  for (const rect of layoutPaneRects(layout)) {
    const pane = byId.get(rect.pane);
    if (!pane || !rect.visible) continue;
    const zoomed = layout.zoomed === rect.pane;
    const x = zoomed ? 0 : rect.x;
    const y = zoomed ? 0 : rect.y;
    panes.push({
      terminal: pane.mode ?? pane.terminal,
      x,
      y: y + top,
      width: Math.max(0, Math.min(zoomed ? layout.root.sx : rect.sx, cols - x)),
      height: Math.max(0, Math.min(zoomed ? layout.root.sy : rect.sy, rows - y)),
      active: pane === window.active,
    });
  }
  if (layout.zoomed !== null || window.panes.length < 2) return { panes, borders };
  const normal = cellColourStyle(windowStyle(window, 'pane-border-style', expand));
  const active = cellColourStyle(windowStyle(window, 'pane-active-border-style', expand));
  const activeId = window.active?.id;
  for (const cell of layoutBorderCells(layout, { order: window.panes.map((p) => p.id) })) {
    if (cell.type === 'outside' || cell.x >= cols || cell.y >= rows || cell.windowEdge) continue;
    const style = cell.panes.some((p) => p.pane === activeId) ? active : normal;
    borders.push({ x: cell.x, y: cell.y + top, ch: BORDER_CHARS[cell.type], ...style });
  }
  return { panes, borders };
}

function cellColourStyle(style: Style): { fg: number; bg: number; attrs: number } {
  return { fg: cellColour(style.fg), bg: cellColour(style.bg), attrs: style.attrs };
}

export function frameView(server: Server, client: ClientConnection, session: Session, message: Message | undefined): FrameView {
  const window = session.current;
  // The status line takes up to all rows but one (tmux would leave panes no room at all).
  const lines = Math.min(statusLineCount(session), Math.max(0, client.rows - 1));
  const top = statusAtTop(session);
  const paneTop = top ? lines : 0;
  const firstStatusRow = top ? 0 : client.rows - lines;
  const paneRows = client.rows - lines;
  const expand = (text: string): string => expandFormat(text, formatContextFor(server, { client, session, window }));
  const { panes, borders } = window ? windowView(window, paneTop, client.cols, paneRows, expand) : { panes: [], borders: [] };
  const status = client.statusLine;
  // Called with no lines too: that is what stops the status-interval timer when the status goes off.
  const drawn = status.lines(session, client.cols, lines);
  const rows = drawn.map((line, i) => statusView(line, firstStatusRow + i, status.style));
  // A message covers the last status line; with no status line, the bottom (or top) row.
  const messageRow = lines > 0 ? firstStatusRow + lines - 1 : top ? 0 : client.rows - 1;
  return {
    cols: client.cols,
    rows: client.rows,
    panes,
    borders,
    status: rows[rows.length - 1],
    statusAbove: rows.slice(0, -1),
    message: message ? statusView(messageLine(message, status.messageStyle(session), client.cols), messageRow, DEFAULT_STYLE) : undefined,
  };
}
