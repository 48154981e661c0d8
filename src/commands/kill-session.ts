// kill-session: destroy the target session (its windows close unless linked elsewhere); -a kills
// every other session instead.

import { defineCommand, type CommandContext, type CommandEntry, type CommandResult } from './command';

export const killSession: CommandEntry = defineCommand({
  name: 'kill-session',
  flags: 'aCt:',
  min: 0,
  max: 0,
  usage: '[-aC] [-t target-session]',
  target: { flag: 't', kind: 'session' },
  exec(ctx: CommandContext): CommandResult {
    const session = ctx.target!.session;
    if (ctx.args.has('C')) return undefined;
    if (ctx.args.has('a')) {
      for (const other of [...ctx.server.model.sessions.values()]) if (other !== session) ctx.server.killSession(other);
      return undefined;
    }
    ctx.server.killSession(session);
    return undefined;
  },
});
