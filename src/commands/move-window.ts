// move-window (movew) and link-window (linkw), one module as in tmux: link the -s window into the -t
// session at the -t index (the first free index from base-index if none; -a after / -b before the
// -t window, moving later windows up; -k replacing a window already there), make it current unless
// -d, and for move-window unlink it from where it was. move-window -r renumbers the -t session.

import { defineCommand, type CommandContext, type CommandEntry, type CommandResult } from './command';
import { findSession, resolveWindowIndex } from '../model/target';
import type { Session } from '../model/model';

/**
 * tmux's winlink_shuffle_up: the index after (or, with `before`, at) `index`, freed by moving every
 * window from there up to the first free index up by one. undefined if there is no room.
 */
export function shuffleUp(session: Session, index: number, before: boolean): number | undefined {
  const at = before ? index : index + 1;
  let free = at;
  while (session.windows.has(free)) {
    if (free >= 2147483647) return undefined;
    free++;
  }
  for (let i = free; i > at; i--) {
    const window = session.windows.get(i - 1)!;
    session.windows.delete(i - 1);
    session.windows.set(i, window);
  }
  return at;
}

function moveOrLink(ctx: CommandContext, move: boolean): CommandResult {
  const { args, server } = ctx;
  const source = ctx.target!;
  const tflag = args.value('t');
  if (move && args.has('r')) {
    // tmux looks the session up quietly: a session that is not there is no error.
    const session = tflag === undefined || tflag === '' ? source.session : findSession(server.model, tflag.replace(/:$/, ''));
    if (!session) return undefined;
    server.renumberWindows(session);
    server.redrawSession(session);
    return undefined;
  }
  if (tflag !== undefined && /[.]/.test(tflag.slice(tflag.indexOf(':') + 1))) return { error: "can't specify pane here" };
  const where = resolveWindowIndex(server.model, tflag, ctx.origin);
  if (!where.ok) return { error: where.error };
  const dst = where.session;
  let index = where.index;
  if (args.has('a') || args.has('b')) {
    const anchor = where.window ? where.index : dst.current ? dst.indexOf(dst.current) : undefined;
    if (anchor === undefined) return { error: 'no current window' };
    index = shuffleUp(dst, anchor, args.has('b'));
    if (index === undefined) return { error: 'no free window index' };
  }
  const linked = server.linkWindow(source.window, dst, index, { kill: args.has('k'), select: !args.has('d') });
  if (!linked.ok) return { error: linked.error };
  const src = source.session;
  if (move && server.model.sessions.has(src.id)) {
    // The source link: where the window was (-a/-b may have moved it up), not the new link.
    let from = src.windows.get(source.index) === source.window && !(src === dst && source.index === linked.index) ? source.index : undefined;
    if (from === undefined) {
      for (const { index, window } of src.windowList()) if (window === source.window && !(src === dst && index === linked.index)) from = index;
    }
    if (from !== undefined) server.unlinkWindow(src, from);
    // tmux renumbers the source session only when -s was not given.
    if (!args.has('s') && server.model.sessions.has(src.id) && src.options.getFlag('renumber-windows')) {
      server.renumberWindows(src);
      server.redrawSession(src);
    }
  }
  return undefined;
}

export const moveWindow: CommandEntry = defineCommand({
  name: 'move-window',
  alias: 'movew',
  flags: 'abdkrs:t:',
  min: 0,
  max: 0,
  usage: '[-abdkr] [-s src-window] [-t dst-window]',
  target: { flag: 's', kind: 'window' },
  exec: (ctx) => moveOrLink(ctx, true),
});

export const linkWindow: CommandEntry = defineCommand({
  name: 'link-window',
  alias: 'linkw',
  flags: 'abdks:t:',
  min: 0,
  max: 0,
  usage: '[-abdk] [-s src-window] [-t dst-window]',
  target: { flag: 's', kind: 'window' },
  exec: (ctx) => moveOrLink(ctx, false),
});
