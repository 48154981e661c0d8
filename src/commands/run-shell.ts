// run-shell (run): run a shell command (or, with -C, tmux commands) after an optional delay (-d
// seconds). Without -b the client waits, and its exit status becomes the command's (128 + signal
// when killed). The command is expanded as a format for the -t pane first.
//
// Output: tsmux follows tmux 3.4 and later (#4476), where a command-line client gets the output on
// its stdout; tmux 3.3a put it into a pane's view mode, where scripts cannot read it. An attached
// client sees it as a message; with -b (or -t) it is dropped, as tsmux has no view mode. A
// non-zero status adds tmux's line "'COMMAND' returned N".

import { defineCommand, type CommandContext, type CommandResult } from './command';
import type { Arg } from '../cmdlang/parse';
import { commandsFrom } from './command-string';
import { clientDirectory } from './client-files';
import { expandFor } from './format-target';
import { runShellJob } from './shell-job';

function delay(seconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, seconds * 1000)));
}

export const runShell = defineCommand({
  name: 'run-shell',
  alias: 'run',
  flags: 'bd:Ct:',
  min: 0,
  max: 1,
  usage: '[-bC] [-d delay] [-t target-pane] [shell-command]',
  target: { flag: 't', kind: 'pane', canFail: true },
  argumentKind: () => 'commands-or-string',
  async exec(ctx: CommandContext): Promise<CommandResult> {
    const { args } = ctx;
    const d = args.value('d');
    let seconds = 0;
    if (d !== undefined) {
      seconds = Number(d);
      if (d.trim() === '' || !Number.isFinite(seconds)) return { error: `invalid delay time: ${d}` };
    } else if (args.positional.length === 0) return undefined;
    const wait = !args.has('b');
    const target = ctx.target;
    const arg = args.positional[0] as unknown as Arg | undefined;

    if (args.has('C')) {
      const run = async (): Promise<CommandResult> => {
        if (seconds > 0) await delay(seconds);
        if (arg === undefined) return undefined;
        const built = commandsFrom(ctx.server, arg);
        if (!built.ok) return { error: built.error };
        await ctx.runCommands(built.commands);
        return undefined;
      };
      if (!wait) {
        void run();
        return undefined;
      }
      return run();
    }
    if (typeof arg !== 'string' && arg !== undefined) return { error: 'argument 1 must be "string"' };
    const command = arg === undefined ? undefined : expandFor(ctx, arg, target ? { session: target.session, window: target.window, index: target.index, pane: target.pane } : {});
    const session = target?.session;
    const cwd = clientDirectory(ctx);
    const toClient = wait && !args.has('t');
    const job = async (): Promise<void> => {
      if (seconds > 0) await delay(seconds);
      if (command === undefined) return;
      const result = await runShellJob(command, { cwd, env: ctx.server.jobEnvironment(session) });
      const lines = result.stdout.toString('utf8').split('\n');
      if (lines[lines.length - 1] === '') lines.pop();
      let status = 0;
      if (result.signal !== undefined) {
        lines.push(`'${command}' terminated by signal ${result.signal}`);
        status = 128 + result.signal;
      } else if (result.exitCode !== 0) {
        status = result.exitCode ?? 1;
        lines.push(`'${command}' returned ${status}`);
      }
      if (toClient) for (const line of lines) ctx.print(line);
      if (wait && ctx.client && !ctx.client.session) ctx.setExitStatus(status);
    };
    if (!wait) {
      void job();
      return undefined;
    }
    await job();
    return undefined;
  },
});
