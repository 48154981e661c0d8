// pipe-pane (pipep): connect a pane to a shell command — its output into the command's stdin
// (-O, the default), and/or the command's stdout typed into the pane (-I). Without a command the
// pipe is closed; -o opens one only if the pane had none (so one key toggles it). The command is
// expanded as a format (with strftime) for the pane first.

import { defineCommand, type CommandContext, type CommandResult } from './command';
import { expandFor } from './format-target';

export const pipePane = defineCommand({
  name: 'pipe-pane',
  alias: 'pipep',
  flags: 'IOot:',
  min: 0,
  max: 1,
  usage: '[-IOo] [-t target-pane] [shell-command]',
  target: { flag: 't', kind: 'pane' },
  exec(ctx: CommandContext): CommandResult {
    const { args, server } = ctx;
    const t = ctx.target!;
    if (t.pane.dead) return { error: 'target pane has exited' };
    const had = server.isPanePiped(t.pane);
    server.pipePane(t.pane, undefined, { input: false, output: false });
    const command = args.positional[0];
    if (command === undefined || command === '') return undefined;
    if (args.has('o') && had) return undefined;
    const input = args.has('I');
    const output = !input || args.has('O');
    const expanded = expandFor(ctx, command, { session: t.session, window: t.window, index: t.index, pane: t.pane }, true);
    return server.pipePane(t.pane, expanded, { input, output });
  },
});
