// list-clients (lsc): one line per attached client (or only those of -t session), in tmux's
// default format or -F.

import { defineCommand, type CommandContext, type CommandEntry, type CommandResult } from './command';
import { expandFor } from './format-target';

export const LIST_CLIENTS_TEMPLATE =
  '#{client_name}: #{session_name} [#{client_width}x#{client_height} #{client_termname}]' +
  '#{?#{!=:#{client_uid},#{uid}}, [user #{?client_user,#{client_user},#{client_uid}}],} (#{client_flags})';

export const listClients: CommandEntry = defineCommand({
  name: 'list-clients',
  alias: 'lsc',
  flags: 'F:t:',
  min: 0,
  max: 0,
  usage: '[-F format] [-t target-session]',
  target: { flag: 't', kind: 'session', canFail: true },
  exec(ctx: CommandContext): CommandResult {
    const only = ctx.args.has('t') ? ctx.target?.session : undefined;
    if (ctx.args.has('t') && !only) return { error: `can't find session: ${ctx.args.value('t')}` };
    const template = ctx.args.value('F') ?? LIST_CLIENTS_TEMPLATE;
    for (const client of ctx.server.clients()) {
      if (!client.session || (only && client.session !== only)) continue;
      ctx.print(expandFor(ctx, template, { session: client.session, client }));
    }
    return undefined;
  },
});
