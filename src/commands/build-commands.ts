// Turning a command argument (a string to parse, a `{ }` block, or several words) into a command
// list and checking it the way tmux builds commands before keeping them (cmd_parse_build): every
// command name must be known and its flags and argument counts must parse, blocks included. This is
// what bind-key, confirm-before and command-prompt keep.
//
// tsmux difference: a command tmux has but tsmux does not implement yet is accepted here (it fails
// with tmux's "unknown command" only when run), so tmux's default bindings and real-world configs
// load whole.

import { parseArgs } from '../cmdlang/args';
import { parseCommands, splitCommandLine, type Arg, type ParsedCommand } from '../cmdlang/parse';
import { commandSpec } from './print-command';

export type BuildResult = { ok: true; commands: ParsedCommand[] } | { ok: false; error: string };

/** Parse a command string as tmux does for strings (one group, no file). */
export function parseCommandString(
  text: string,
  aliases: readonly string[] = [],
  environment: (name: string) => string | undefined = (n) => process.env[n],
): BuildResult {
  const r = parseCommands(text, {
    oneGroup: true,
    environment,
    home: () => environment('HOME') ?? process.env.HOME,
    evaluateCondition: () => false,
  });
  if (!r.ok) return { ok: false, error: r.error };
  return checkCommands(r.commands, aliases);
}

/** Words given as separate arguments (`bind x new-window \; split-window`): split at `;`. */
export function commandsFromWords(words: readonly Arg[], aliases: readonly string[] = []): BuildResult {
  const commands: ParsedCommand[] = splitCommandLine(words).map((argv) => ({ argv, line: 0, group: 0 }));
  return checkCommands(commands, aliases);
}

/** A command argument: a block as it is, one string parsed, or several words split. */
export function commandsFromArguments(args: readonly Arg[], aliases: readonly string[] = []): BuildResult {
  if (args.length === 1) {
    const only = args[0];
    return typeof only === 'string' ? parseCommandString(only, aliases) : checkCommands(only.block, aliases);
  }
  return commandsFromWords(args, aliases);
}

/** Check names and arguments of every command, inside blocks too; tmux's first error. */
export function checkCommands(commands: ParsedCommand[], aliases: readonly string[] = []): BuildResult {
  for (const c of commands) {
    const error = checkCommand(c.argv, aliases);
    if (error !== undefined) return { ok: false, error };
  }
  return { ok: true, commands };
}

function checkCommand(argv: readonly Arg[], aliases: readonly string[]): string | undefined {
  const name = argv[0];
  if (name === undefined) return undefined;
  if (typeof name !== 'string') return 'invalid command';
  if (aliases.includes(name)) return undefined;
  const spec = commandSpec(name);
  if (!spec) return `unknown command: ${name}`;
  const parsed = parseArgs<Arg>(argv.slice(1), {
    flags: spec.flags,
    min: spec.min,
    max: spec.max,
    name: spec.name,
    argumentKind: spec.argumentKind,
  });
  if (!parsed.ok) return parsed.error;
  for (const p of parsed.args.positional) {
    if (typeof p === 'string') continue;
    for (const inner of p.block) {
      const error = checkCommand(inner.argv, aliases);
      if (error !== undefined) return error;
    }
  }
  return undefined;
}
