// respawn-pane (respawnp): start a program in the pane again — the given shell command, else the one
// it ran before — in the same pane, with its id, size and history. A pane whose program is still
// running is refused unless -k kills it. -c sets the start directory, -e adds environment.

import { defineCommand, type CommandContext, type CommandResult } from './command';
import { parseEnvironment } from './spawn-flags';

export const respawnPane = defineCommand({
  name: 'respawn-pane',
  alias: 'respawnp',
  flags: 'c:e:kt:',
  min: 0,
  max: -1,
  usage: '[-k] [-c start-directory] [-e environment] [-t target-pane] [shell-command]',
  target: { flag: 't', kind: 'pane' },
  exec(ctx: CommandContext): CommandResult {
    const { args, server } = ctx;
    const environment = parseEnvironment(args.values('e'));
    if ('error' in environment) return environment;
    let cwd = args.value('c');
    // A relative directory is taken from the client's, as tmux does.
    if (cwd !== undefined && !cwd.startsWith('/')) cwd = `${ctx.client?.identify.cwd ?? ctx.target!.session.cwd}/${cwd}`;
    const result = server.respawnPane(ctx.target!.pane, {
      cwd,
      command: args.positional.length > 0 ? args.positional : undefined,
      environment: environment.values,
      kill: args.has('k'),
    });
    if (!result.ok) return { error: `respawn pane failed: ${result.error}` };
    return undefined;
  },
});
