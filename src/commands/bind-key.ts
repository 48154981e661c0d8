// bind-key (bind): bind a key in a key table to commands (cmd-bind-key.c). The key goes in -T's
// table, `root` with -n, else `prefix`; -r makes it repeat within repeat-time; -N attaches a note.
// The command may be a `{ }` block, one string (parsed as tmux parses strings), or several words
// split at `;` (`bind x new-window \; split-window`). `bind -N note key` alone changes the note of
// an existing binding.

import type { ParsedArgs } from '../cmdlang/args';
import type { Arg } from '../cmdlang/parse';
import { keyFromName, Key } from '../input/keys';
import { commandsFromArguments } from './build-commands';
import { defineCommand, type CommandContext, type CommandEntry, type CommandResult } from './command';
import type { KeyTables } from './key-tables';

/** The names command-alias defines (they are valid in bindings too). */
export function aliasNames(items: readonly string[]): string[] {
  return items.map((i) => i.slice(0, Math.max(0, i.indexOf('=')))).filter((n) => n !== '');
}

/** Apply parsed bind-key arguments to the tables; returns tmux's error text or undefined. */
export function applyBindKey(tables: KeyTables, args: ParsedArgs<Arg>, aliases: readonly string[] = []): string | undefined {
  const first = args.positional[0];
  const keyName = typeof first === 'string' ? first : '';
  const key = keyFromName(keyName);
  if (key === undefined || key === Key.None) return `unknown key: ${keyName}`;
  const table = args.value('T') ?? (args.has('n') ? 'root' : 'prefix');
  const repeat = args.has('r');
  const note = args.value('N');
  const rest = args.positional.slice(1);
  if (rest.length === 0) {
    tables.bind(table, key, { repeat, note });
    return undefined;
  }
  const built = commandsFromArguments(rest, aliases);
  if (!built.ok) return built.error;
  tables.bind(table, key, { commands: built.commands, repeat, note });
  return undefined;
}

export const bindKey: CommandEntry = defineCommand({
  name: 'bind-key',
  alias: 'bind',
  flags: 'nrN:T:',
  min: 1,
  max: -1,
  usage: '[-nr] [-T key-table] [-N note] key [command [arguments]]',
  argumentKind: () => 'commands-or-string',
  exec(ctx: CommandContext): CommandResult {
    const aliases = aliasNames((ctx.server.model.serverOptions.get('command-alias') as string[] | undefined) ?? []);
    const error = applyBindKey(ctx.server.keyTables, ctx.rawArgs, aliases);
    return error === undefined ? undefined : { error };
  },
});
