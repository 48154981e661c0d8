// Linking windows into sessions and unlinking them (tmux's server_link_window, session_detach and
// winlink_shuffle_up): what link-window, move-window, unlink-window and swap-window are made of. A
// window can be linked into several sessions (or twice into one); it lives while any session links it.

import type { LinkWindowOptions, LinkWindowResult } from '../commands/command';
import type { Session, Window } from '../model/model';
import type { Server } from './server';

/** Forget a window at `index` without choosing a new current window (the caller does). */
function dropIndex(session: Session, index: number): Window | undefined {
  const window = session.windows.get(index);
  if (!window) return undefined;
  session.windows.delete(index);
  // The stack of last windows and the alert flags belong to the link (tmux's winlink), not the
  // window: a window moved to a new index is not the last window there and has no flags.
  session.alerts.delete(window);
  session.lastWindows = session.lastWindows.filter((w) => w !== window);
  return window;
}

/** Kill a window that no session links any more (tmux drops its last reference). */
function killIfUnlinked(server: Server, window: Window): void {
  if (server.model.sessionsOf(window).length === 0) server.killWindow(window);
}

export function linkWindow(
  server: Server, window: Window, session: Session, index: number | undefined, opts: LinkWindowOptions,
): LinkWindowResult {
  let select = opts.select === true;
  if (index !== undefined) {
    const existing = session.windows.get(index);
    if (existing === window) return { ok: false, error: `same index: ${index}` };
    if (existing && !opts.kill) return { ok: false, error: `index in use: ${index}` };
    if (existing) {
      // Not unlinkWindow: that would destroy the session if it became empty.
      const wasCurrent = session.current === existing && session.indexOf(existing) === index;
      dropIndex(session, index);
      if (wasCurrent && session.indexOf(existing) === undefined) {
        session.current = undefined;
        select = true;
      }
      killIfUnlinked(server, existing);
      if (!server.model.sessions.has(session.id)) return { ok: false, error: `index in use: ${index}` };
    }
  }
  const at = index ?? session.nextIndex(session.options.getNumber('base-index'));
  session.windows.set(at, window);
  if (select || !session.current) server.selectWindow(session, window);
  server.resizeWindows(session);
  server.redrawSession(session);
  return { ok: true, index: at };
}

/** The window that becomes current when the current one is unlinked: last, else previous, else next. */
function replacement(session: Session, index: number): Window | undefined {
  const last = session.lastWindows.find((w) => w !== session.windows.get(index));
  if (last) return last;
  const list = session.windowList().filter((w) => w.index !== index);
  if (list.length === 0) return undefined;
  const before = list.filter((w) => w.index < index);
  return (before.length > 0 ? before[before.length - 1] : list[list.length - 1]).window;
}

export function unlinkWindow(server: Server, session: Session, index: number): void {
  const window = session.windows.get(index);
  if (!window) return;
  const linkedTwice = session.windowList().filter((w) => w.window === window).length > 1;
  if (session.current === window && !linkedTwice) {
    const next = replacement(session, index);
    if (next) server.selectWindow(session, next);
  }
  dropIndex(session, index);
  if (session.windows.size === 0) {
    server.destroySession(session);
  } else {
    server.resizeWindows(session);
    server.redrawSession(session);
  }
  killIfUnlinked(server, window);
}
