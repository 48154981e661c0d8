// switch-client (switchc): move a client to another session (-t, -n next, -p previous, -l last), or
// with -T put it in a key table so its next key is looked up there (cmd-switch-client.c) — how
// user key tables work: `bind -T mytable x …` then `bind y switch-client -T mytable`.

import type { Session } from '../model/model';
import { resolveTarget } from '../model/target';
import { defineCommand, type ClientApi, type CommandContext, type CommandEntry, type CommandResult } from './command';

/** The session each client was in before its last switch (tmux's c->last_session). */
const lastSessions = new WeakMap<ClientApi, Session>();

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

export const switchClient: CommandEntry = defineCommand({
  name: 'switch-client',
  alias: 'switchc',
  flags: 'lc:EFnpt:rT:Z',
  min: 0,
  max: 0,
  usage: '[-ElnprZ] [-c target-client] [-t target-session] [-T key-table]',
  exec(ctx: CommandContext): CommandResult {
    const { args } = ctx;
    const tc = targetClient(ctx, args.value('c'));
    if ('error' in tc) return tc;
    const tflag = args.value('t');
    const kind = tflag !== undefined && /[:.%]/.test(tflag) ? 'pane' : 'session';
    const resolved = resolveTarget(ctx.server.model, tflag, kind, ctx.origin);
    if (!resolved.ok) return { error: resolved.error };

    const table = args.value('T');
    if (table !== undefined) {
      if (!ctx.server.keyTables.hasTable(table)) return { error: `table ${table} doesn't exist` };
      tc.keyTable = table;
      return undefined;
    }

    const sessions = ctx.server.model.sessionList();
    const current = tc.session;
    let target: Session | undefined;
    if (args.has('n') || args.has('p')) {
      if (!current) return { error: `can't find ${args.has('n') ? 'next' : 'previous'} session` };
      const i = sessions.indexOf(current);
      const step = args.has('n') ? 1 : -1;
      target = sessions[(i + step + sessions.length) % sessions.length];
      if (!target) return { error: `can't find ${args.has('n') ? 'next' : 'previous'} session` };
    } else if (args.has('l')) {
      const last = lastSessions.get(tc);
      if (!last || !ctx.server.model.sessions.has(last.id)) return { error: "can't find last session" };
      target = last;
    } else {
      if (!ctx.client) return undefined;
      const t = resolved.target;
      target = t.session;
      if (kind === 'pane') {
        if (t.pane !== t.window.active) ctx.server.selectPane(t.pane);
        ctx.server.selectWindow(t.session, t.window);
      }
    }
    if (current && current !== target) lastSessions.set(tc, current);
    ctx.server.attachClient(tc, target);
    tc.keyTable = target.options.getString('key-table') || 'root';
    return undefined;
  },
});
