// display-message (display): expand a format for the target and show it on the client's status
// line, or print it with -p (how scripts read any variable: `tsmux display -p '#{pane_id}'`).

import { defineCommand, type CommandContext, type CommandEntry, type CommandResult } from './command';
import { expandFor } from './format-target';

// tmux's default when no message is given (key `i`).
const DEFAULT_MESSAGE =
  '[#{session_name}] #{window_index}:#{window_name}, current pane #{pane_index} - (%H:%M %d-%b-%y)';

export const displayMessage: CommandEntry = defineCommand({
  name: 'display-message',
  alias: 'display',
  flags: 'ac:d:INpt:F:v',
  min: 0,
  max: 1,
  usage: '[-aINpv] [-c target-client] [-d delay] [-F format] [-t target-pane] [message]',
  target: { flag: 't', kind: 'pane', canFail: true },
  exec(ctx: CommandContext): CommandResult {
    const { args } = ctx;
    if (args.has('F') && args.positional.length > 0) return { error: 'only one of -F or argument must be given' };
    if (!ctx.target && args.has('t')) return { error: `can't find pane: ${args.value('t')}` };
    const template = args.value('F') ?? args.positional[0] ?? DEFAULT_MESSAGE;
    const t = ctx.target;
    const text = expandFor(ctx, template, t ? { session: t.session, window: t.window, pane: t.pane } : {}, true);
    const client = ctx.client;
    if (args.has('p') || !client?.session) {
      ctx.print(text);
      return undefined;
    }
    client.showMessage(text);
    return undefined;
  },
});
