// kill-window (killw): kill the target window (-a: every other window of the session).

import { defineCommand, type CommandContext, type CommandResult } from './command';

export const killWindow = defineCommand({
  name: 'kill-window',
  alias: 'killw',
  flags: 'at:',
  min: 0,
  max: 0,
  usage: '[-a] [-t target-window]',
  target: { flag: 't', kind: 'window' },
  exec(ctx: CommandContext): CommandResult {
    const { session, window } = ctx.target!;
    if (ctx.args.has('a')) {
      for (const { window: other } of session.windowList()) if (other !== window) ctx.server.killWindow(other);
      return undefined;
    }
    ctx.server.killWindow(window);
    return undefined;
  },
});
