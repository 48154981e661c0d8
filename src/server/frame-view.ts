// Builds what one client should see (a FrameView for render/compose): the current window's panes at
// their positions, and the status line expanded from the session's options — status-left, the
// window list, status-right — with their styles, laid out as tmux's default (status-justify left).

import { formatContextFor } from '../commands/format-target';
import { cellColour } from '../format/colour';
import { expandFormat } from '../format/expand';
import { DEFAULT_STYLE, displayWidth, parseStyle, splitStyledText, type Style } from '../format/style';
import { paneBorderView, type PaneBorderContext } from './pane-borders';
import { layoutPaneRects } from '../model/layout';
import type { Session, Window } from '../model/model';
import type { BorderCell, FrameView, PaneView, StatusView, StyledRun } from '../render/compose';
import type { ClientConnection } from './client-connection';
import type { Server } from './server';

export interface Message {
  text: string;
}

/** A style option applied over `base` (an invalid style, which set-option refuses, leaves base). */
function styleOption(session: Session, name: string, base: Style): Style {
  const parsed = parseStyle(session.options.getString(name), { onto: base, base });
  return parsed.ok ? parsed.style : base;
}

/** The status line's formats are time-expanded (strftime) as tmux's are. */
function expandStatus(template: string, ctx: ReturnType<typeof formatContextFor>): string {
  return expandFormat(template, ctx, { time: true });
}

/** Expand a format into styled runs, keeping at most `limit` cells. */
function styledRuns(text: string, base: Style, limit: number): StyledRun[] {
  const out: StyledRun[] = [];
  let used = 0;
  for (const piece of splitStyledText(text, base)) {
    if (used >= limit) break;
    let t = '';
    for (const ch of piece.text) {
      const w = displayWidth(ch);
      if (used + w > limit) break;
      t += ch;
      used += w;
    }
    if (t) out.push({ text: t, fg: cellColour(piece.style.fg), bg: cellColour(piece.style.bg), attrs: piece.style.attrs });
  }
  return out;
}

function runsWidth(runs: StyledRun[]): number {
  let w = 0;
  for (const r of runs) w += displayWidth(r.text);
  return w;
}

function statusLine(server: Server, client: ClientConnection, session: Session, y: number): StatusView {
  const cols = client.cols;
  const base = styleOption(session, 'status-style', DEFAULT_STYLE);
  const ctx = formatContextFor(server, { client, session });
  const runs: StatusView['runs'] = [];
  const place = (list: StyledRun[], x: number): number => {
    for (const r of list) {
      runs.push({ ...r, x });
      x += displayWidth(r.text);
    }
    return x;
  };

  const leftStyle = styleOption(session, 'status-left-style', base);
  const left = styledRuns(expandStatus(session.options.getString('status-left'), ctx), leftStyle, session.options.getNumber('status-left-length'));
  const rightStyle = styleOption(session, 'status-right-style', base);
  const right = styledRuns(expandStatus(session.options.getString('status-right'), ctx), rightStyle, session.options.getNumber('status-right-length'));

  let x = place(left, 0);
  const rightStart = Math.max(x, cols - runsWidth(right));
  const windows = session.windowList();
  for (let i = 0; i < windows.length; i++) {
    const { window } = windows[i];
    const wctx = formatContextFor(server, { client, session, window });
    const current = session.current === window;
    const style = styleOption(session, current ? 'window-status-current-style' : 'window-status-style', base);
    const format = window.options.getString(current ? 'window-status-current-format' : 'window-status-format');
    const list = styledRuns(expandStatus(format, wctx), style, Math.max(0, rightStart - x));
    x = place(list, x);
    if (i < windows.length - 1) {
      const sep = styledRuns(expandStatus(window.options.getString('window-status-separator'), wctx), base, Math.max(0, rightStart - x));
      x = place(sep, x);
    }
  }
  place(right, rightStart);
  return { y, runs, fill: { fg: cellColour(base.fg), bg: cellColour(base.bg), attrs: base.attrs } };
}

function messageLine(session: Session, message: Message, y: number, cols: number): StatusView {
  // tmux's message-style default: bg=yellow,fg=black.
  const parsed = parseStyle('bg=yellow,fg=black');
  const style = parsed.ok ? parsed.style : DEFAULT_STYLE;
  const runs = styledRuns(message.text, style, cols).map((r) => ({ ...r, x: 0 }));
  void session;
  return { y, runs, fill: { fg: style.fg, bg: style.bg, attrs: style.attrs } };
}

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
  const statusOn = session.options.getString('status') !== 'off' && client.rows > 1;
  const statusTop = statusOn && session.options.getString('status-position') === 'top';
  const paneTop = statusTop ? 1 : 0;
  const statusY = statusOn ? (statusTop ? 0 : client.rows - 1) : -1;
  const paneRows = client.rows - (statusOn ? 1 : 0);
  let view: { panes: PaneView[]; borders: BorderCell[] } = { panes: [], borders: [] };
  if (window) {
    // pane-border-status may have been set since the panes were last sized.
    const status = window.options.getString('pane-border-status');
    if (window.layout && window.layout.paneBorderStatus !== status) server.applyLayout(window);
    const marked = server.model.markedPane();
    view = windowView(window, paneTop, client.cols, paneRows, {
      window,
      marked: marked && marked.session === session && marked.window === window ? marked.pane : undefined,
      expand: (text, pane) => expandFormat(text, formatContextFor(server, { client, session, window, pane })),
    });
  }
  const { panes, borders } = view;
  return {
    cols: client.cols,
    rows: client.rows,
    panes,
    borders,
    status: statusOn ? statusLine(server, client, session, statusY) : undefined,
    message: message && statusOn ? messageLine(session, message, statusY, client.cols) : undefined,
  };
}
