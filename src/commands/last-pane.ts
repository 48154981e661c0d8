// last-pane (lastp): select the previously active pane of the window.

import { defineCommand, type CommandContext, type CommandResult } from './command';

export const lastPane = defineCommand({
  name: 'last-pane',
  alias: 'lastp',
  flags: 'det:Z',
  min: 0,
  max: 0,
  usage: '[-deZ] [-t target-window]',
  target: { flag: 't', kind: 'window' },
  exec(ctx: CommandContext): CommandResult {
    const window = ctx.target!.window;
    if (!window.lastPane) return { error: 'no last pane' };
    ctx.server.selectPane(window.lastPane);
    return undefined;
  },
});
