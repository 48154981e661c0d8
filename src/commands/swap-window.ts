// swap-window (swapw): exchange the windows at two indices (-s and -t, in one session or two). Each
// index keeps its place in its session: the current index stays current and now shows the other
// window, as in tmux. -d then selects the -t index (and the -s index in its own session).

import { defineCommand, type CommandContext, type CommandEntry, type CommandResult } from './command';
import { resolveTarget } from '../model/target';
import type { Session, Window } from '../model/model';

/** A session's current window, last windows and alert flags by index, to put back after the swap. */
function byIndex(session: Session): { current?: number; last: number[]; alerts: Array<[number, number]> } {
  const index = (w: Window): number | undefined => session.indexOf(w);
  return {
    current: session.current ? index(session.current) : undefined,
    last: session.lastWindows.map(index).filter((i): i is number => i !== undefined),
    alerts: [...session.alerts].map(([w, f]) => [index(w), f] as [number | undefined, number]).filter((e): e is [number, number] => e[0] !== undefined),
  };
}

function restore(session: Session, saved: ReturnType<typeof byIndex>): void {
  const at = (i: number): Window | undefined => session.windows.get(i);
  session.current = saved.current !== undefined ? at(saved.current) : session.current;
  session.lastWindows = saved.last.map(at).filter((w): w is Window => w !== undefined && w !== session.current);
  session.alerts.clear();
  for (const [i, f] of saved.alerts) {
    const w = at(i);
    if (w) session.alerts.set(w, f);
  }
}

export const swapWindow: CommandEntry = defineCommand({
  name: 'swap-window',
  alias: 'swapw',
  flags: 'ds:t:',
  min: 0,
  max: 0,
  usage: '[-d] [-s src-window] [-t dst-window]',
  target: { flag: 't', kind: 'window' },
  exec(ctx: CommandContext): CommandResult {
    const { server } = ctx;
    const dst = ctx.target!;
    const found = resolveTarget(server.model, ctx.args.value('s'), 'window', ctx.origin);
    if (!found.ok) return { error: found.error };
    const src = found.target;
    if (src.window === dst.window) return undefined;
    const sessions = src.session === dst.session ? [src.session] : [src.session, dst.session];
    const saved = sessions.map(byIndex);
    src.session.windows.set(src.index, dst.window);
    dst.session.windows.set(dst.index, src.window);
    sessions.forEach((s, i) => restore(s, saved[i]));
    if (ctx.args.has('d')) {
      server.selectWindow(dst.session, src.window);
      if (src.session !== dst.session) server.selectWindow(src.session, dst.window);
    }
    for (const s of sessions) server.redrawSession(s);
    return undefined;
  },
});
