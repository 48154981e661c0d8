// attach-session (attach): attach the issuing client to a session (-t, or the most recently used
// one); -d detaches every other client attached to it.

import { defineCommand, type ClientApi, type CommandContext, type CommandEntry, type CommandResult } from './command';
import type { Session } from '../model/model';
import { updateEnvironment } from '../model/environment';

/** The checks tmux makes before a client may attach: a terminal, and no nesting inside our own pane. */
export function attachChecks(ctx: CommandContext): CommandResult {
  const client = ctx.client;
  if (!client) return { error: 'no current client' };
  if (client.session) return undefined;
  if (client.identify.env.TSMUX && ctx.server.isPaneTty(client.identify.ttyName)) {
    return { error: 'sessions should be nested with care, unset $TSMUX to force' };
  }
  if (!client.identify.isTTY && !client.isControl) return { error: 'open terminal failed: not a terminal' };
  return undefined;
}

export function attachToSession(ctx: CommandContext, session: Session, detachOthers: boolean): CommandResult {
  const problem = attachChecks(ctx);
  if (problem) return problem;
  const client = ctx.client as ClientApi;
  if (detachOthers) {
    for (const other of ctx.server.clients()) {
      if (other !== client && other.session === session) ctx.server.detachClient(other);
    }
  }
  // update-environment: the attaching client's SSH_AUTH_SOCK, DISPLAY… replace the session's.
  if (!ctx.args.has('E')) updateEnvironment(session.options.get('update-environment') as string[], client.identify.env, session.environment);
  ctx.server.attachClient(client, session);
  return undefined;
}

export const attachSession: CommandEntry = defineCommand({
  name: 'attach-session',
  alias: 'attach',
  flags: 'c:dEf:rt:x',
  min: 0,
  max: 0,
  usage: '[-dErx] [-c working-directory] [-f flags] [-t target-session]',
  target: { flag: 't', kind: 'session', canFail: true },
  exec(ctx: CommandContext): CommandResult {
    if (ctx.server.model.sessions.size === 0) return { error: 'no sessions' };
    if (!ctx.target) return { error: `can't find session: ${ctx.args.value('t') ?? ''}` };
    const session = ctx.target.session;
    const cwd = ctx.args.value('c');
    if (cwd !== undefined) session.cwd = cwd;
    return attachToSession(ctx, session, ctx.args.has('d') || ctx.args.has('x'));
  },
});
