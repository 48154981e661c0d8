// list-panes (lsp): the panes of the target window (-s: of the session, -a: of every session) in
// tmux's default format or -F, filtered by -f.

import { defineCommand, type CommandContext, type CommandResult } from './command';
import { formatTrue } from '../format/expand';
import { expandFor } from './format-target';
import type { Session, Window } from '../model/model';

export const LIST_PANES_TEMPLATE =
  '#{pane_index}: [#{pane_width}x#{pane_height}] [history #{history_size}/#{history_limit}, ' +
  '#{history_bytes} bytes] #{pane_id}#{?pane_active, (active),}#{?pane_dead, (dead),}';

export const listPanes = defineCommand({
  name: 'list-panes',
  alias: 'lsp',
  flags: 'asF:f:t:',
  min: 0,
  max: 0,
  usage: '[-as] [-F format] [-f filter] [-t target-window]',
  target: { flag: 't', kind: 'window' },
  exec(ctx: CommandContext): CommandResult {
    const { args } = ctx;
    const target = ctx.target!;
    let prefix = '';
    let windows: Array<{ session: Session; window: Window }>;
    if (args.has('a')) {
      prefix = '#{session_name}:#{window_index}.';
      windows = ctx.server.model.sessionList().flatMap((session) => session.windowList().map(({ window }) => ({ session, window })));
    } else if (args.has('s')) {
      prefix = '#{window_index}.';
      windows = target.session.windowList().map(({ window }) => ({ session: target.session, window }));
    } else {
      windows = [{ session: target.session, window: target.window }];
    }
    const template = args.value('F') ?? prefix + LIST_PANES_TEMPLATE;
    const filter = args.value('f');
    for (const { session, window } of windows) {
      for (const pane of window.panes) {
        const where = { session, window, pane };
        if (filter !== undefined && !formatTrue(expandFor(ctx, filter, where))) continue;
        ctx.print(expandFor(ctx, template, where));
      }
    }
    return undefined;
  },
});
