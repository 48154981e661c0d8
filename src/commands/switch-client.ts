// switch-client (switchc): move a client (-c, else the current one) to another session (-t, -n
// next, -p previous, -l last), or to a window or pane (a -t with ':', '.' or '%'), or set the key
// table its next key is looked up in (-T). update-environment is applied as on attach (not with
// -E). -r (read-only) and -Z (keep zoom) are accepted; tsmux has no read-only clients.

import { type ClientApi, defineCommand, type CommandContext, type CommandResult } from './command';
import { findTarget } from '../model/target';
import { updateEnvironment } from '../model/environment';
import type { Session } from '../model/model';
import { findTargetClient } from './client-target';

/** The session after (or before) this one by name, wrapping (tmux's session_next_session). */
function neighbour(sessions: Session[], from: Session, step: 1 | -1): Session | undefined {
  const at = sessions.indexOf(from);
  if (at < 0) return undefined;
  return sessions[(at + step + sessions.length) % sessions.length];
}

export const switchClient = defineCommand({
  name: 'switch-client',
  alias: 'switchc',
  flags: 'lc:EFnpt:rT:Z',
  min: 0,
  max: 0,
  usage: '[-ElnprZ] [-c target-client] [-t target-session] [-T key-table]',
  exec(ctx: CommandContext): CommandResult {
    const { args, server } = ctx;
    const tc = findTargetClient(ctx, args.value('c'));
    if ('error' in tc) return tc;
    // -t is special: a session unless it names a window or pane.
    const t = args.value('t');
    const paneLike = t !== undefined && /[:.%]/.test(t);
    const found = findTarget(server.model, t, paneLike ? 'pane' : 'session', ctx.origin, { preferUnattached: !paneLike });
    if (!found.ok) return { error: found.error };
    const table = args.value('T');
    if (table !== undefined) {
      if (!server.keyTableExists(table)) return { error: `table ${table} doesn't exist` };
      tc.keyTable = table;
      return undefined;
    }
    let session: Session | undefined = found.state.session;
    const sessions = server.model.sessionList();
    if (args.has('n')) {
      session = tc.session && neighbour(sessions, tc.session, 1);
      if (!session) return { error: "can't find next session" };
    } else if (args.has('p')) {
      session = tc.session && neighbour(sessions, tc.session, -1);
      if (!session) return { error: "can't find previous session" };
    } else if (args.has('l')) {
      session = tc.lastSession && server.model.sessions.has(tc.lastSession.id) ? tc.lastSession : undefined;
      if (!session) return { error: "can't find last session" };
    } else {
      if (!ctx.client) return undefined;
      const { window, pane } = found.state;
      if (window && pane && pane !== window.active) server.selectPane(pane);
      if (window && session.current !== window) server.selectWindow(session, window);
    }
    if (!tc.session) return { error: 'no current client' };
    if (!args.has('E')) updateEnvironment(session.options.get('update-environment') as string[], tc.identify.env, session.environment);
    server.attachClient(tc, session);
    return undefined;
  },
});

/** The client a command acts on: -c, else the client that issued it, else one attached to the current session. */
export function targetClient(ctx: CommandContext, name: string | undefined): ClientApi | { error: string } {
  const clients = ctx.server.clients();
  if (name !== undefined) {
    const found = clients.find((c) => c.name === name || c.name === `/dev/${name}` || c.name.replace(/^\/dev\//, '') === name);
    return found ?? { error: `can't find client: ${name}` };
  }
  if (ctx.client?.session) return ctx.client;
  const pane = ctx.origin.pane;
  const session = ctx.origin.session ?? (pane ? ctx.server.model.sessionsOf(pane.window)[0] : undefined);
  const attached = clients.filter((c) => c.session && (!session || c.session === session));
  attached.sort((a, b) => b.activity - a.activity);
  return attached[0] ?? { error: 'no current client' };
}
