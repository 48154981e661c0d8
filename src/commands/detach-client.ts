// detach-client (detach): detach the current client (-t a client, -s every client of a session,
// -a every client but the current one; -P also hangs up the client's parent, e.g. the ssh session).

import { defineCommand, type ClientApi, type CommandContext, type CommandEntry, type CommandResult } from './command';
import { findSession } from '../model/target';

/** The client a command means when none is named: the issuing one if attached, else the most recently active attached client. */
export function currentClient(ctx: CommandContext): ClientApi | undefined {
  if (ctx.client?.session) return ctx.client;
  let best: ClientApi | undefined;
  for (const c of ctx.server.clients()) {
    if (c.session && (!best || c.activity > best.activity)) best = c;
  }
  return best;
}

export function findClient(ctx: CommandContext, name: string): ClientApi | undefined {
  const bare = name.replace(/^\/dev\//, '');
  return ctx.server.clients().find((c) => c.session && (c.name === name || c.name.replace(/^\/dev\//, '') === bare));
}

export const detachClient: CommandEntry = defineCommand({
  name: 'detach-client',
  alias: 'detach',
  flags: 'aE:s:t:P',
  min: 0,
  max: 0,
  usage: '[-aP] [-E shell-command] [-s target-session] [-t target-client]',
  exec(ctx: CommandContext): CommandResult {
    const { args, server } = ctx;
    const hangup = args.has('P');
    const sessionName = args.value('s');
    if (sessionName !== undefined) {
      const session = findSession(server.model, sessionName);
      if (!session) return { error: `can't find session: ${sessionName}` };
      for (const c of server.clients()) if (c.session === session) server.detachClient(c, hangup);
      return undefined;
    }
    const clientName = args.value('t');
    const target = clientName !== undefined ? findClient(ctx, clientName) : currentClient(ctx);
    if (!target) return { error: clientName !== undefined ? `can't find client: ${clientName}` : 'no current client' };
    if (args.has('a')) {
      for (const c of server.clients()) if (c.session && c !== target) server.detachClient(c, hangup);
      return undefined;
    }
    server.detachClient(target, hangup);
    return undefined;
  },
});
