// last-pane (lastp): select the previously active pane of the window (in a window of two panes, the
// other one); -d / -e disable or enable its input instead; -Z keeps the window zoomed.

import { defineCommand, type CommandContext, type CommandResult } from './command';
import { lastPaneExec } from './select-pane';

export const lastPane = defineCommand({
  name: 'last-pane',
  alias: 'lastp',
  flags: 'det:Z',
  min: 0,
  max: 0,
  usage: '[-deZ] [-t target-window]',
  target: { flag: 't', kind: 'window' },
  exec(ctx: CommandContext): CommandResult {
    return lastPaneExec(ctx, ctx.target!.window);
  },
});
