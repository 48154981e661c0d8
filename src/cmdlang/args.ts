// Command arguments: getopt-style flags and positional arguments, parsed against a command's flag
// spec exactly as tmux 3.3a's args_parse (arguments.c) does, with its exact error texts.
//
// The rules, each checked against the installed tmux 3.3a:
// - Flags come first. Parsing stops at the first argument that is not `-` followed by something
//   (so a lone `-` and the empty string are positional), at `--` (which is dropped), and at a
//   block. Everything after is positional, even if it starts with `-`.
// - Flags group (`-dP`). A flag that takes a value takes the rest of its argument (`-tfoo`) or,
//   if that is empty, the whole next argument (`-t foo`, `-t -x`, `-t --`), and ends the group.
// - tmux 3.3a quirk (arguments.c sets optional_argument for every value flag): a value flag that is
//   the last argument is accepted with no value. `tmux new -d -s` makes a session with a default
//   name; has() is true and value() undefined.
// - Errors (what args_parse returns; cmd_parse wraps them as "command NAME: …"; tmux prints the
//   result on stderr and exits 1):
//     `-?`                  → no cause: tmux prints "usage: NAME USAGE" instead
//     non-alphanumeric flag  → "invalid flag -."         (also `--x`: "invalid flag --")
//     letter not in spec     → "unknown flag -Z"
//     value flag, next is a block → "-t argument must be a string"
//     positional of the wrong kind → `argument 2 must be "string"` / "argument 1 must be { commands }"
//     too few / too many     → "too few arguments (need at least 1)" / "too many arguments (need at most 0)"
//   e.g. `tmux new-session -Z` → "command new-session: unknown flag -Z", `tmux kill-server extra` →
//   "command kill-server: too many arguments (need at most 0)", `tmux lsk -?` →
//   "usage: list-keys [-1aN] [-P prefix-string] [-T key-table] [key]" (all exit 1). With no server
//   running, the 3.3a client cannot tell such a command would start one, so it only prints
//   "error connecting to PATH (No such file or directory)" or "no server running on PATH".
//
// This module only parses: it never looks up commands or resolves targets.

import { printArgument, type Arg } from './parse';

export interface ArgsSpec {
  /** tmux's getopt string, e.g. "Ac:dDe:EF:f:n:Ps:t:x:Xy:": ':' after a letter = takes a value. */
  flags: string;
  min: number;
  /** -1 = unlimited. */
  max: number;
  /** With a name, errors are complete tmux messages ("command NAME: …", "usage: NAME USAGE"). */
  name?: string;
  usage?: string;
  /**
   * What the positional argument at `index` (0-based) may be, as a command's args_parse_cb says
   * (bind-key, if-shell, …). Default: a string. `previous` holds the positional arguments before
   * it and `has` tells the flags given (display-menu and run-shell -C decide from them).
   */
  argumentKind?(index: number, previous: readonly Arg[], has: (flag: string) => boolean): ArgumentKind;
}

export type ArgumentKind = 'string' | 'commands' | 'commands-or-string';

export interface ParsedArgs<P extends Arg = string> {
  /**
   * Each flag given, in first-seen order, with its values. A flag that takes no value stores ''
   * per occurrence; a value flag left without one (the 3.3a quirk) stores nothing.
   */
  flags: Map<string, string[]>;
  positional: P[];
  has(f: string): boolean;
  /** The last value given (tmux's args_get): '' for a flag without values, undefined if absent. */
  value(f: string): string | undefined;
  /** Same as flags.get(f), or [] if absent. */
  values(f: string): string[];
  /** How many times the flag was given (`-vvv` is 3). */
  count(f: string): number;
}

export type ArgsResult<P extends Arg = string> =
  | { ok: true; args: ParsedArgs<P> }
  /** `usage` marks the `-?` case, where tmux prints "usage: NAME USAGE" rather than "command NAME: …". */
  | { ok: false; error: string; usage?: true };

/** A flag letter as tmux's isalnum sees it (the server's locale is UTF-8: ASCII only). */
const FLAG_CHARACTER = /^[A-Za-z0-9]$/;

interface FlagEntry {
  takesValue: boolean;
  count: number;
  /** Values as given; a boolean flag, or a value flag left without one, adds nothing here. */
  values: string[];
}

class Arguments<P extends Arg> implements ParsedArgs<P> {
  readonly entries = new Map<string, FlagEntry>();
  readonly positional: P[] = [];

  /** Record one occurrence of a flag, with its value if it has one. */
  set(flag: string, takesValue: boolean, value: string | undefined): void {
    let entry = this.entries.get(flag);
    if (entry === undefined) {
      entry = { takesValue, count: 0, values: [] };
      this.entries.set(flag, entry);
    }
    entry.count++;
    if (value !== undefined) entry.values.push(value);
  }

  get flags(): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const flag of this.entries.keys()) out.set(flag, this.values(flag));
    return out;
  }

  has(f: string): boolean {
    return this.entries.has(f);
  }

  value(f: string): string | undefined {
    const values = this.values(f);
    return values.length > 0 ? values[values.length - 1] : undefined;
  }

  values(f: string): string[] {
    const entry = this.entries.get(f);
    if (entry === undefined) return [];
    return entry.takesValue ? [...entry.values] : new Array<string>(entry.count).fill('');
  }

  count(f: string): number {
    return this.entries.get(f)?.count ?? 0;
  }
}

/** Which flags take a value: every letter followed by ':' in the spec (`::` is treated as `:`). */
function flagTable(spec: string): Map<string, boolean> {
  const table = new Map<string, boolean>();
  for (let i = 0; i < spec.length; i++) {
    if (spec[i] === ':') continue;
    if (!table.has(spec[i])) table.set(spec[i], spec[i + 1] === ':');
  }
  return table;
}

/**
 * Parse a command's arguments (argv without the command name) against its spec. Positional
 * arguments keep their type, so a caller passing blocks gets them back in `positional`.
 */
export function parseArgs<P extends Arg = string>(argv: readonly P[], spec: ArgsSpec): ArgsResult<P> {
  const fail = (cause: string): ArgsResult<P> => ({
    ok: false,
    error: spec.name === undefined ? cause : `command ${spec.name}: ${cause}`,
  });
  const table = flagTable(spec.flags);
  const args = new Arguments<P>();

  let i = 0;
  flags: while (i < argv.length) {
    const arg = argv[i];
    if (typeof arg !== 'string' || !arg.startsWith('-') || arg.length === 1) break;
    i++;
    if (arg === '--') break;

    for (let j = 1; j < arg.length; j++) {
      const flag = arg[j];
      if (flag === '?') {
        const usage = ['usage:', spec.name, spec.usage].filter((s) => s !== undefined).join(' ');
        return { ok: false, error: usage, usage: true };
      }
      if (!FLAG_CHARACTER.test(flag)) return fail(`invalid flag -${flag}`);
      const takesValue = table.get(flag);
      if (takesValue === undefined) return fail(`unknown flag -${flag}`);
      if (!takesValue) {
        args.set(flag, false, undefined);
        continue;
      }
      if (j + 1 < arg.length) {
        args.set(flag, true, arg.slice(j + 1));
        continue flags;
      }
      if (i === argv.length) {
        // The 3.3a quirk: a trailing value flag is accepted without a value.
        args.set(flag, true, undefined);
        continue flags;
      }
      const next = argv[i++];
      if (typeof next !== 'string') return fail(`-${flag} argument must be a string`);
      args.set(flag, true, next);
      continue flags;
    }
  }

  for (; i < argv.length; i++) {
    const value = argv[i];
    const kind = spec.argumentKind?.(args.positional.length, args.positional, (f) => args.has(f)) ?? 'string';
    const number = args.positional.length + 1;
    if (kind === 'string' && typeof value !== 'string') return fail(`argument ${number} must be "string"`);
    if (kind === 'commands' && typeof value === 'string') return fail(`argument ${number} must be { commands }`);
    args.positional.push(value);
  }

  if (spec.min !== -1 && args.positional.length < spec.min) {
    return fail(`too few arguments (need at least ${spec.min})`);
  }
  if (spec.max !== -1 && args.positional.length > spec.max) {
    return fail(`too many arguments (need at most ${spec.max})`);
  }
  return { ok: true, args };
}

/**
 * Arguments printed as tmux's args_print does (list-keys, source-file -v): flags without values
 * first as one group in byte order (`-dP`, repeats kept), then each value as ` -t value` in flag
 * order, then the positional arguments; everything quoted as quoteArgument does.
 */
export function printArgs(args: ParsedArgs<Arg>): string {
  // Another ParsedArgs cannot say which flags take values; guess from whether any value is non-empty.
  const entries: Map<string, FlagEntry> =
    args instanceof Arguments
      ? args.entries
      : new Map(
          [...args.flags].map(([f, v]) => [f, { takesValue: v.some((x) => x !== ''), count: args.count(f), values: v }]),
        );
  const letters = [...entries.keys()].sort((a, b) => a.charCodeAt(0) - b.charCodeAt(0));
  const parts: string[] = [];
  let bare = '';
  for (const f of letters) {
    const entry = entries.get(f)!;
    if (!entry.takesValue || entry.values.length === 0) bare += f.repeat(entry.count);
  }
  if (bare !== '') parts.push('-' + bare);
  for (const f of letters) {
    const entry = entries.get(f)!;
    if (entry.takesValue) for (const v of entry.values) parts.push(`-${f} ${printArgument(v)}`);
  }
  for (const p of args.positional) parts.push(printArgument(p));
  return parts.join(' ');
}
