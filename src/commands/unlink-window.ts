// unlink-window (unlinkw): take the target window out of its session. Without -k it must be linked
// somewhere else too; with -k a window linked nowhere else is killed.

import { defineCommand, type CommandContext, type CommandEntry, type CommandResult } from './command';

export const unlinkWindow: CommandEntry = defineCommand({
  name: 'unlink-window',
  alias: 'unlinkw',
  flags: 'kt:',
  min: 0,
  max: 0,
  usage: '[-k] [-t target-window]',
  target: { flag: 't', kind: 'window' },
  exec(ctx: CommandContext): CommandResult {
    const { session, window, index } = ctx.target!;
    let links = 0;
    for (const s of ctx.server.model.sessions.values()) for (const w of s.windows.values()) if (w === window) links++;
    if (!ctx.args.has('k') && links === 1) return { error: 'window only linked to one session' };
    ctx.server.unlinkWindow(session, index);
    return undefined;
  },
});
