// break-pane (breakp): take the source pane (-s) out of its window into a new window of its own, in
// the target session at the target index (-t; default the first free index from base-index; -a
// after / -b before the target window, shifting the others up). The new window becomes current
// unless -d; -n names it; -P prints it (-F format). A window with a single pane is moved instead.

import * as path from 'node:path';
import { defineCommand, type CommandContext, type CommandResult } from './command';
import { placePaneAlone, takePane } from '../model/pane-moves';
import type { Session } from '../model/model';
import { resolveWindowIndex } from '../model/target';
import { printInfo } from './print-info';
import { unzoomWindow } from './pane-args';

const BREAK_PANE_TEMPLATE = '#{session_name}:#{window_index}.#{pane_index}';

/**
 * Free the index after (or, `before`, at) a window by moving it and the windows after it up one,
 * as far as the first gap (tmux's winlink_shuffle_up). Returns the freed index.
 */
function shuffleUp(session: Session, at: number, before: boolean): number {
  const index = before ? at : at + 1;
  let free = index;
  while (session.windows.has(free)) free++;
  for (let i = free; i > index; i--) {
    session.windows.set(i, session.windows.get(i - 1)!);
    session.windows.delete(i - 1);
  }
  return index;
}

/**
 * Remove the link at `index` of a session (tmux's server_unlink_window). If it was the current
 * one, the last window becomes current, else the one before it (wrapping), as session_detach
 * does; a session left with no windows ends.
 */
function unlinkWindow(ctx: CommandContext, session: Session, index: number, wasCurrent: boolean): void {
  const window = session.windows.get(index)!;
  session.windows.delete(index);
  if (session.indexOf(window) === undefined) session.lastWindows = session.lastWindows.filter((w) => w !== window);
  if (session.windows.size === 0) {
    ctx.server.killSession(session);
    return;
  }
  if (wasCurrent) {
    const list = session.windowList();
    const before = list.filter((w) => w.index < index);
    const next = session.lastWindows[0] ?? (before[before.length - 1] ?? list[list.length - 1]).window;
    session.lastWindows = session.lastWindows.filter((w) => w !== next);
    session.current = next;
  }
  ctx.server.sessionWindowsChanged(session);
}

export const breakPane = defineCommand({
  name: 'break-pane',
  alias: 'breakp',
  flags: 'abdPF:n:s:t:',
  min: 0,
  max: 0,
  usage: '[-abdP] [-F format] [-n window-name] [-s src-pane] [-t dst-window]',
  target: { flag: 's', kind: 'pane' },
  exec(ctx: CommandContext): CommandResult {
    const { args, server } = ctx;
    const source = ctx.target!;
    const pane = source.pane;
    const window = source.window;
    const srcSession = source.session;
    const where = resolveWindowIndex(server.model, args.value('t'), ctx.origin);
    if (!where.ok) return { error: where.error };
    const dstSession = where.session;
    let index = where.index;
    if (args.has('a') || args.has('b')) {
      const anchor = where.window && where.index !== undefined ? where.index : dstSession.indexOf(dstSession.current!);
      if (anchor === undefined) return { error: 'no current window' };
      index = shuffleUp(dstSession, anchor, args.has('b'));
    }
    unzoomWindow(server, window);
    const name = args.value('n');

    if (window.panes.length === 1) {
      // Nothing to break off: the window itself moves to the target index.
      const there = index !== undefined ? dstSession.windows.get(index) : undefined;
      if (there === window) return { error: `same index: ${index}` };
      if (there) return { error: `index in use: ${index}` };
      const newIndex = index ?? dstSession.nextIndex(dstSession.options.getNumber('base-index'));
      dstSession.windows.set(newIndex, window);
      // The old link stays current only until it goes, unless the new one was selected in its place.
      const wasCurrent = srcSession.current === window && (srcSession !== dstSession || args.has('d'));
      if (!args.has('d')) server.selectWindow(dstSession, window);
      if (name !== undefined) {
        window.name = name;
        window.automaticRename = false;
      }
      unlinkWindow(ctx, srcSession, source.index, wasCurrent);
      return undefined;
    }
    if (index !== undefined && dstSession.windows.has(index)) return { error: `index in use: ${index}` };

    takePane(server.model, pane);
    const newWindow = server.model.createWindow('', window.cols, window.rows);
    placePaneAlone(pane, newWindow);
    if (name !== undefined) {
      newWindow.name = name;
      newWindow.automaticRename = false;
    } else {
      newWindow.name = pane.process.foreground().command || path.basename(pane.startCommand.split(' ')[0]) || 'sh';
    }
    const newIndex = index ?? dstSession.nextIndex(dstSession.options.getNumber('base-index'));
    dstSession.windows.set(newIndex, newWindow);
    server.applyLayout(window);
    server.applyLayout(newWindow);
    if (!args.has('d')) server.selectWindow(dstSession, newWindow);
    server.sessionWindowsChanged(dstSession);
    if (srcSession !== dstSession) server.redrawSession(srcSession);
    if (args.has('P')) printInfo(ctx, args.value('F') ?? BREAK_PANE_TEMPLATE, dstSession, newWindow, pane);
    return undefined;
  },
});
