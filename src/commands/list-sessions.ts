// list-sessions (ls): one line per session, sorted by name, in tmux's default format or -F; -f
// keeps only the sessions for which the filter format is true.

import { defineCommand, type CommandContext, type CommandEntry, type CommandResult } from './command';
import { formatTrue } from '../format/expand';
import { expandFor } from './format-target';

export const LIST_SESSIONS_TEMPLATE =
  '#{session_name}: #{session_windows} windows (created #{t:session_created})' +
  '#{?session_grouped, (group ,}#{session_group}#{?session_grouped,),}#{?session_attached, (attached),}';

export const listSessions: CommandEntry = defineCommand({
  name: 'list-sessions',
  alias: 'ls',
  flags: 'F:f:',
  min: 0,
  max: 0,
  usage: '[-F format] [-f filter]',
  exec(ctx: CommandContext): CommandResult {
    const template = ctx.args.value('F') ?? LIST_SESSIONS_TEMPLATE;
    const filter = ctx.args.value('f');
    for (const session of ctx.server.model.sessionList()) {
      const where = { session };
      if (filter !== undefined && !formatTrue(expandFor(ctx, filter, where))) continue;
      ctx.print(expandFor(ctx, template, where));
    }
    return undefined;
  },
});
