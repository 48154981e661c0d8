// select-window (selectw) and its shortcuts next-window, previous-window and last-window.

import { defineCommand, type CommandContext, type CommandResult } from './command';
import type { Session } from '../model/model';
import { alertFlags } from '../model/alerts';

function step(ctx: CommandContext, session: Session, delta: number, alert = false): CommandResult {
  const list = session.windowList();
  const at = list.findIndex((w) => w.window === session.current);
  const error = { error: delta > 0 ? 'no next window' : 'no previous window' };
  if (list.length <= 1 && at >= 0) return error;
  let next = list[(at + delta + list.length) % list.length];
  if (alert) {
    // -a: the next (or previous) window with an alert, wrapping round (tmux's session_next_alert).
    const order = Array.from({ length: list.length }, (_, i) => list[(at + delta * (i + 1) + list.length * (i + 1)) % list.length]);
    const found = order.find((w) => alertFlags(session, w.window) !== 0);
    if (!found || found.window === session.current) return error;
    next = found;
  }
  ctx.server.selectWindow(session, next.window);
  return undefined;
}

function last(ctx: CommandContext, session: Session): CommandResult {
  const window = session.lastWindows[0];
  if (!window) return { error: 'no last window' };
  ctx.server.selectWindow(session, window);
  return undefined;
}

export const selectWindow = defineCommand({
  name: 'select-window',
  alias: 'selectw',
  flags: 'lnpTt:',
  min: 0,
  max: 0,
  usage: '[-lnpT] [-t target-window]',
  target: { flag: 't', kind: 'window' },
  exec(ctx: CommandContext): CommandResult {
    const { session, window } = ctx.target!;
    if (ctx.args.has('n')) return step(ctx, session, 1);
    if (ctx.args.has('p')) return step(ctx, session, -1);
    if (ctx.args.has('l')) return last(ctx, session);
    // -T: selecting the current window again goes to the last one.
    if (ctx.args.has('T') && session.current === window) return last(ctx, session);
    ctx.server.selectWindow(session, window);
    return undefined;
  },
});

export const nextWindow = defineCommand({
  name: 'next-window',
  alias: 'next',
  flags: 'at:',
  min: 0,
  max: 0,
  usage: '[-a] [-t target-session]',
  target: { flag: 't', kind: 'session' },
  exec: (ctx) => step(ctx, ctx.target!.session, 1, ctx.args.has('a')),
});

export const previousWindow = defineCommand({
  name: 'previous-window',
  alias: 'prev',
  flags: 'at:',
  min: 0,
  max: 0,
  usage: '[-a] [-t target-session]',
  target: { flag: 't', kind: 'session' },
  exec: (ctx) => step(ctx, ctx.target!.session, -1, ctx.args.has('a')),
});

export const lastWindow = defineCommand({
  name: 'last-window',
  alias: 'last',
  flags: 't:',
  min: 0,
  max: 0,
  usage: '[-t target-session]',
  target: { flag: 't', kind: 'session' },
  exec: (ctx) => last(ctx, ctx.target!.session),
});
