// Commands given as arguments (if-shell, run-shell -C, set-hook): a string is parsed as tmux's
// cmd_parse_from_string does (one command group; `$VAR` from the global environment) and each
// command is built — looked up and its flags checked — so errors are tmux's ("unknown command:
// x", "command x: unknown flag -Z"); a `{ … }` block from a config file is already parsed.

import { parseArgs, printArgs } from '../cmdlang/args';
import { parseCommands, printArgument, type Arg, type ParsedCommand } from '../cmdlang/parse';
import { expandFormat, formatTrue } from '../format/expand';
import type { ServerApi } from './command';
import { formatContextFor } from './format-target';
import { findCommand } from './registry';

export type CommandsResult = { ok: true; commands: ParsedCommand[] } | { ok: false; error: string };

/** Parse and build a command string (or take a block's commands). */
export function commandsFrom(server: ServerApi, arg: Arg): CommandsResult {
  if (typeof arg !== 'string') return buildCommands(arg.block);
  const parsed = parseCommands(arg, {
    oneGroup: true,
    environment: (name) => server.model.environment.get(name) ?? undefined,
    home: () => process.env.HOME,
    evaluateCondition: (expr) => formatTrue(expandFormat(expr, formatContextFor(server, {}))),
  });
  if (!parsed.ok) return { ok: false, error: parsed.error };
  return buildCommands(parsed.commands);
}

function buildCommands(commands: ParsedCommand[]): CommandsResult {
  for (const command of commands) {
    const name = command.argv[0];
    if (typeof name !== 'string') return { ok: false, error: 'unknown command: {' };
    const found = findCommand(name);
    if (!found.ok) return { ok: false, error: found.error };
    const e = found.entry;
    const args = parseArgs(command.argv.slice(1), { flags: e.flags, min: e.min, max: e.max, name: e.name, usage: e.usage, argumentKind: e.argumentKind });
    if (!args.ok) return { ok: false, error: args.error };
  }
  return { ok: true, commands };
}

/** Commands as tmux prints a built command list: full names, flags sorted, ` ; ` between. */
export function printBuiltCommands(commands: readonly ParsedCommand[]): string {
  return commands
    .map((command) => {
      const found = typeof command.argv[0] === 'string' ? findCommand(command.argv[0]) : undefined;
      if (!found?.ok) return command.argv.map(printArgument).join(' ');
      const e = found.entry;
      const args = parseArgs(command.argv.slice(1), { flags: e.flags, min: -1, max: -1, argumentKind: e.argumentKind ?? (() => 'commands-or-string') });
      if (!args.ok) return command.argv.map(printArgument).join(' ');
      const rest = printArgs(args.args);
      return rest === '' ? e.name : `${e.name} ${rest}`;
    })
    .join(' ; ');
}
