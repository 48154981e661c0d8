// list-windows (lsw): the windows of the target session (-a: of every session) in tmux's default
// format or -F, filtered by -f.

import { defineCommand, type CommandContext, type CommandResult } from './command';
import { formatTrue } from '../format/expand';
import { expandFor } from './format-target';

export const LIST_WINDOWS_TEMPLATE =
  '#{window_index}: #{window_name}#{window_raw_flags} (#{window_panes} panes) ' +
  '[#{window_width}x#{window_height}] [layout #{window_layout}] #{window_id}#{?window_active, (active),}';

export const listWindows = defineCommand({
  name: 'list-windows',
  alias: 'lsw',
  flags: 'F:f:at:',
  min: 0,
  max: 0,
  usage: '[-a] [-F format] [-f filter] [-t target-session]',
  target: { flag: 't', kind: 'session' },
  exec(ctx: CommandContext): CommandResult {
    const all = ctx.args.has('a');
    const template = ctx.args.value('F') ?? (all ? `#{session_name}:${LIST_WINDOWS_TEMPLATE}` : LIST_WINDOWS_TEMPLATE);
    const filter = ctx.args.value('f');
    const sessions = all ? ctx.server.model.sessionList() : [ctx.target!.session];
    for (const session of sessions) {
      for (const { window } of session.windowList()) {
        const where = { session, window };
        if (filter !== undefined && !formatTrue(expandFor(ctx, filter, where))) continue;
        ctx.print(expandFor(ctx, template, where));
      }
    }
    return undefined;
  },
});
