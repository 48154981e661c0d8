// new-window (neww): create a window with one pane in the target session, at the target index (or
// the first free one from base-index; -a after / -b before the target window, shifting the rest);
// -d leaves the current window alone; -k replaces a window already at that index.

import { defineCommand, type CommandContext, type CommandResult } from './command';
import { resolveWindowIndex, targetOf } from '../model/target';
import { parseEnvironment } from './spawn-flags';
import { printInfo } from './print-info';
import type { Session } from '../model/model';

/** Move every window at or after `from` one index up to make room (tmux's winlink_shuffle_up). */
function shuffleUp(session: Session, from: number): boolean {
  const list = session.windowList().filter((w) => w.index >= from);
  let free = from;
  while (session.windows.has(free)) free++;
  for (const { index, window } of list.reverse()) {
    if (index >= free) continue;
    session.windows.delete(index);
    session.windows.set(index + 1, window);
  }
  return true;
}

export const newWindow = defineCommand({
  name: 'new-window',
  alias: 'neww',
  flags: 'abc:de:F:kn:PSt:',
  min: 0,
  max: -1,
  usage: '[-abdkPS] [-c start-directory] [-e environment] [-F format] [-n window-name] [-t target-window] [shell-command]',
  exec(ctx: CommandContext): CommandResult {
    const { args, server } = ctx;
    const where = resolveWindowIndex(server.model, args.value('t'), ctx.origin);
    if (!where.ok) return { error: where.error };
    const session = where.session;
    const environment = parseEnvironment(args.values('e'));
    if ('error' in environment) return environment;
    let index = where.index;
    if (args.has('a') || args.has('b')) {
      const base = where.window ? where.index! : session.indexOf(session.current!) ?? 0;
      index = args.has('a') ? base + 1 : base;
      if (session.windows.has(index)) shuffleUp(session, index);
    } else if (index !== undefined && session.windows.has(index)) {
      if (!args.has('k')) return { error: `create window failed: index ${index} in use` };
      const old = session.windows.get(index)!;
      session.windows.delete(index);
      if (server.model.sessionsOf(old).length === 0) server.killWindow(old);
    }
    if (args.has('S') && args.has('n')) {
      const existing = session.windowList().find((w) => w.window.name === args.value('n'));
      if (existing) {
        if (!args.has('d')) server.selectWindow(session, existing.window);
        return undefined;
      }
    }
    const created = server.createWindow(session, {
      index,
      name: args.value('n'),
      cwd: args.value('c') ?? ctx.client?.identify.cwd,
      command: args.positional.length > 0 ? args.positional : undefined,
      environment: environment.values,
      detached: args.has('d'),
    });
    if (!created.ok) return { error: created.error };
    if (!args.has('d')) server.selectWindow(session, created.window);
    server.sessionWindowsChanged(session);
    // The new window is current for the commands after this one, and its after-hook's target.
    const made = targetOf(server.model, { session, window: created.window, pane: created.pane });
    if (made && (!args.has('d') || session.current === created.window)) ctx.setCurrent(made);
    if (made) ctx.setHookTarget(made);
    if (args.has('P')) printInfo(ctx, args.value('F') ?? '#{session_name}:#{window_index}.#{pane_index}', session, created.window, created.pane);
    return undefined;
  },
});
