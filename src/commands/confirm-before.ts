// confirm-before (confirm): ask `y/n` on the client's status line before running a command
// (cmd-confirm-before.c): `C-b x` asks "kill-pane 0? (y/n)". Only `y` (or `Y`) runs it; any other
// key cancels. Without -p the question is "Confirm 'COMMAND'? (y/n)".

import { aliasNames } from './bind-key';
import { commandsFromArguments } from './build-commands';
import { defineCommand, type CommandContext, type CommandEntry, type CommandResult } from './command';
import { expandFor } from './format-target';
import { commandSpec } from './print-command';
import { targetClient } from './switch-client';

export const confirmBefore: CommandEntry = defineCommand({
  name: 'confirm-before',
  alias: 'confirm',
  flags: 'bp:t:',
  min: 1,
  max: 1,
  usage: '[-b] [-p prompt] [-t target-client] command',
  argumentKind: () => 'commands-or-string',
  exec(ctx: CommandContext): CommandResult {
    const { args } = ctx;
    const tc = targetClient(ctx, args.value('t'));
    if ('error' in tc) return tc;
    const server = ctx.server;
    const aliases = aliasNames((server.model.serverOptions.get('command-alias') as string[] | undefined) ?? []);
    const built = commandsFromArguments([ctx.rawArgs.positional[0]], aliases);
    if (!built.ok) return { error: built.error };
    const commands = built.commands;

    let prompt = args.value('p');
    if (prompt !== undefined) prompt += ' ';
    else {
      const first = commands[0]?.argv[0];
      const name = typeof first === 'string' ? commandSpec(first)?.name ?? first : '';
      prompt = `Confirm '${name}'? (y/n) `;
    }
    const target = ctx.target ? { session: ctx.target.session, window: ctx.target.window, pane: ctx.target.pane } : {};
    tc.showPrompt({
      prompt: expandFor(ctx, prompt, target, true),
      input: '',
      type: 'command',
      single: true,
      callback(answer) {
        if (answer !== undefined && answer.length === 1 && answer.toLowerCase() === 'y') void server.runForClient(tc, commands);
        return false;
      },
    });
    return undefined;
  },
});
