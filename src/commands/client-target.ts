// The target client of client commands (switch-client, refresh-client, -c/-t target-client), as
// tmux's cmd_find_client: a named client (its tty, with or without /dev/, one trailing ':'
// allowed), else the issuing client if it is attached, else the most recently active client of
// the session the command runs in (for a command run inside a pane, the session holding that pane;
// otherwise the most recently active session), else of any session.

import type { ClientApi, CommandContext } from './command';
import { bestSession, clientByName, currentTarget } from '../model/target';
import { bestClient } from './format-target';

export function findTargetClient(ctx: CommandContext, name: string | undefined): ClientApi | { error: string } {
  const clients = ctx.server.clients();
  if (name !== undefined) return clientByName(clients, name) ?? { error: `can't find client: ${name}` };
  if (ctx.client?.session) return ctx.client;
  const model = ctx.server.model;
  const session = ctx.origin.pane ? currentTarget(model, { pane: ctx.origin.pane })?.session : bestSession(model);
  return (session && bestClient(ctx.server, session)) ?? { error: 'no current client' };
}
