// if-shell (if): run the first command list if a shell command succeeds (or, with -F, if a format
// is true), else the second, if given. The condition is expanded as a format for the -t pane; the
// command lists are not. The chosen commands run right after if-shell, for the same client, and
// their failure does not stop the commands after it (tmux's cmdq_insert_after). -b does not wait
// for the shell command.

import { defineCommand, type CommandContext, type CommandResult } from './command';
import type { Arg } from '../cmdlang/parse';
import { formatTrue } from '../format/expand';
import { commandsFrom } from './command-string';
import { clientDirectory } from './client-files';
import { expandFor } from './format-target';
import { runShellJob } from './shell-job';

export const ifShell = defineCommand({
  name: 'if-shell',
  alias: 'if',
  flags: 'bFt:',
  min: 2,
  max: 3,
  usage: '[-bF] [-t target-pane] shell-command command [command]',
  target: { flag: 't', kind: 'pane', canFail: true },
  argumentKind: (index) => (index === 0 ? 'string' : 'commands-or-string'),
  async exec(ctx: CommandContext): Promise<CommandResult> {
    const positional = ctx.args.positional as unknown as Arg[];
    const target = ctx.target;
    const where = target ? { session: target.session, window: target.window, index: target.index, pane: target.pane } : {};
    const condition = expandFor(ctx, positional[0] as string, where);
    if (ctx.args.has('F')) {
      const chosen = formatTrue(condition) ? positional[1] : positional[2];
      if (chosen === undefined) return undefined;
      const built = commandsFrom(ctx.server, chosen);
      if (!built.ok) return { error: built.error };
      await ctx.runCommands(built.commands);
      return undefined;
    }
    const run = async (): Promise<void> => {
      const result = await runShellJob(condition, { cwd: clientDirectory(ctx), env: ctx.server.jobEnvironment(target?.session) });
      const chosen = result.exitCode === 0 ? positional[1] : positional[2];
      if (chosen === undefined) return;
      const built = commandsFrom(ctx.server, chosen);
      // As in tmux, a command string that does not parse is reported but does not fail if-shell.
      if (!built.ok) {
        ctx.error(built.error);
        return;
      }
      await ctx.runCommands(built.commands);
    };
    if (ctx.args.has('b')) {
      void run();
      return undefined;
    }
    await run();
    return undefined;
  },
});
