// Builds what one client should see (a FrameView for render/compose): the current window's panes at
// their positions, the status lines (status-line.ts draws them from status-format[]) and a message.

import { formatContextFor } from '../commands/format-target';
import { cellColour } from '../format/colour';
import { expandFormat } from '../format/expand';
import { DEFAULT_STYLE } from '../format/style';
import { paneBorderView, type PaneBorderContext } from './pane-borders';
import { layoutPaneRects } from '../model/layout';
import type { Session, Window } from '../model/model';
import type { BorderCell, FrameView, PaneView } from '../render/compose';
import type { ClientConnection } from './client-connection';
import type { Server } from './server';
import { messageLine, statusAtTop, statusLineCount, statusView, type StatusMessage } from './status-line';

export type Message = StatusMessage;

/** The panes of a window where the client sees them (offset by a top status line), and the borders. */
function windowView(
  window: Window, top: number, cols: number, rows: number, borderContext: PaneBorderContext,
): { panes: PaneView[]; borders: BorderCell[] } {
  const panes: PaneView[] = [];
  const layout = window.layout;
  if (!layout) return { panes, borders: [] };
  const byId = new Map(window.panes.map((p) => [p.id, p]));
  // A zoomed pane's rectangle is the whole window (less its pane status line, if any).
  for (const rect of layoutPaneRects(layout)) {
    const pane = byId.get(rect.pane);
    if (!pane || !rect.visible) continue;
    panes.push({
      terminal: pane.mode ?? pane.terminal,
      x: rect.x,
      y: rect.y + top,
      width: Math.max(0, Math.min(rect.sx, cols - rect.x)),
      height: Math.max(0, Math.min(rect.sy, rows - rect.y)),
      active: pane === window.active,
    });
  }
  return { panes, borders: paneBorderView(borderContext, top, cols, rows) };
}

export function frameView(server: Server, client: ClientConnection, session: Session, message: Message | undefined): FrameView {
  const window = session.current;
  // The status line takes up to all rows but one (tmux would leave panes no room at all).
  const lines = Math.min(statusLineCount(session), Math.max(0, client.rows - 1));
  const top = statusAtTop(session);
  const paneTop = top ? lines : 0;
  const firstStatusRow = top ? 0 : client.rows - lines;
  const paneRows = client.rows - lines;
  let view: { panes: PaneView[]; borders: BorderCell[] } = { panes: [], borders: [] };
  if (window) {
    // pane-border-status may have been set since the panes were last sized.
    const borderStatus = window.options.getString('pane-border-status');
    if (window.layout && window.layout.paneBorderStatus !== borderStatus) server.applyLayout(window);
    const marked = server.model.markedPane();
    view = windowView(window, paneTop, client.cols, paneRows, {
      window,
      marked: marked && marked.session === session && marked.window === window ? marked.pane : undefined,
      expand: (text, pane) => expandFormat(text, formatContextFor(server, { client, session, window, pane })),
    });
  }
  const { panes, borders } = view;
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
