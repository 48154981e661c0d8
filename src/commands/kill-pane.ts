// kill-pane (killp): kill the target pane (-a: every other pane of its window). The last pane of a
// window takes the window with it.

import { defineCommand, type CommandContext, type CommandResult } from './command';

export const killPane = defineCommand({
  name: 'kill-pane',
  alias: 'killp',
  flags: 'at:',
  min: 0,
  max: 0,
  usage: '[-a] [-t target-pane]',
  target: { flag: 't', kind: 'pane' },
  exec(ctx: CommandContext): CommandResult {
    const { pane, window } = ctx.target!;
    if (ctx.args.has('a')) {
      for (const other of [...window.panes]) if (other !== pane) ctx.server.killPane(other);
      return undefined;
    }
    ctx.server.killPane(pane);
    return undefined;
  },
});
