// rename-session (rename): rename the target session; names are sanitised as tmux does.

import { defineCommand, type CommandContext, type CommandEntry, type CommandResult } from './command';
import { sanitizeSessionName } from '../model/model';

export const renameSession: CommandEntry = defineCommand({
  name: 'rename-session',
  alias: 'rename',
  flags: 't:',
  min: 1,
  max: 1,
  usage: '[-t target-session] new-name',
  target: { flag: 't', kind: 'session' },
  exec(ctx: CommandContext): CommandResult {
    const session = ctx.target!.session;
    const name = sanitizeSessionName(ctx.args.positional[0]);
    if (name === session.name) return undefined;
    if (ctx.server.model.findSessionByName(name)) return { error: `duplicate session: ${name}` };
    session.name = name;
    ctx.server.notify('session-renamed', { session });
    ctx.server.redrawSession(session);
    return undefined;
  },
});
