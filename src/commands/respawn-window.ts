// respawn-window (respawnw): start the window's program again — every pane but the first goes, the
// first fills the window and runs its command again (or the one given). Without -k, a window with a
// live pane is an error.

import { defineCommand, type CommandContext, type CommandEntry, type CommandResult } from './command';
import { parseEnvironment } from './spawn-flags';

export const respawnWindow: CommandEntry = defineCommand({
  name: 'respawn-window',
  alias: 'respawnw',
  flags: 'c:e:kt:',
  min: 0,
  max: -1,
  usage: '[-k] [-c start-directory] [-e environment] [-t target-window] [shell-command]',
  target: { flag: 't', kind: 'window' },
  exec(ctx: CommandContext): CommandResult {
    const { session, window, index } = ctx.target!;
    const { args } = ctx;
    const environment = parseEnvironment(args.values('e'));
    if ('error' in environment) return environment;
    if (!args.has('k') && window.panes.some((p) => !p.dead)) {
      return { error: `respawn window failed: window ${session.name}:${index} still active` };
    }
    const result = ctx.server.respawnWindow(window, {
      kill: true,
      command: args.positional.length > 0 ? args.positional : undefined,
      cwd: args.value('c'),
      environment: environment.values,
    });
    if (!result.ok) return { error: `respawn window failed: ${result.error}` };
    return undefined;
  },
});
