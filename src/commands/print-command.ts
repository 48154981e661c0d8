// Printing commands as tmux prints them once built (cmd_print, cmd_list_print, args_print): the full
// command name whatever was typed (`send -X` → `send-keys -X`), flags without values first as one
// group in byte order, then each flag with its value in byte order, then the arguments, every
// string quoted as tmux's args_escape does and `{ }` blocks printed the same way inside. list-keys
// and source-file -v show commands like this, so a binding lists exactly as in tmux.
//
// Commands tsmux does not implement are printed from tmux's own command table (tmux-commands.ts);
// a name neither knows is printed as it was written.

import { parseArgs } from '../cmdlang/args';
import { quoteArgument, type Arg, type ParsedCommand } from '../cmdlang/parse';
import type { CommandSpec } from './tmux-commands';
import { findTmuxCommand, tmuxArgumentKind } from './tmux-commands';

/** How a command name is looked up in the registry (injected to keep the registry's imports one-way). */
export type CommandResolver = (name: string) => CommandSpec | undefined;

let resolveRegistered: CommandResolver = () => undefined;

/** Called once by the registry so printing sees tsmux's own command entries. */
export function setCommandResolver(resolver: CommandResolver): void {
  resolveRegistered = resolver;
}

/** The spec a command name resolves to: tsmux's entry, else tmux's, else undefined. */
export function commandSpec(name: string): CommandSpec | undefined {
  const own = resolveRegistered(name);
  if (own) return own.argumentKind || !tmuxArgumentKind(own.name) ? own : { ...own, argumentKind: tmuxArgumentKind(own.name) };
  return findTmuxCommand(name);
}

/** Which flags of a getopt string take a value. */
function valueFlags(spec: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < spec.length; i++) if (spec[i] !== ':' && spec[i + 1] === ':') out.add(spec[i]);
  return out;
}

function printValue(arg: Arg): string {
  return typeof arg === 'string' ? quoteArgument(arg) : `{ ${printCommandList(arg.block, false)} }`;
}

/** One command as tmux prints it. */
export function printCommand(argv: readonly Arg[]): string {
  if (argv.length === 0) return '';
  const raw = (): string => argv.map(printValue).join(' ');
  const name = argv[0];
  if (typeof name !== 'string') return raw();
  const spec = commandSpec(name);
  if (!spec) return raw();
  const parsed = parseArgs<Arg>(argv.slice(1), { flags: spec.flags, min: 0, max: -1, argumentKind: spec.argumentKind });
  if (!parsed.ok) return raw();
  const args = parsed.args;
  const takesValue = valueFlags(spec.flags);
  const letters = [...args.flags.keys()].sort((a, b) => a.charCodeAt(0) - b.charCodeAt(0));
  const parts: string[] = [spec.name];
  let bare = '';
  for (const f of letters) {
    // A value flag given without its value (tmux 3.3a accepts one at the end) prints as bare.
    if (!takesValue.has(f) || args.values(f).length === 0) bare += f.repeat(args.count(f));
  }
  if (bare !== '') parts.push('-' + bare);
  for (const f of letters) {
    if (!takesValue.has(f)) continue;
    for (const v of args.values(f)) parts.push(`-${f} ${quoteArgument(v)}`);
  }
  for (const p of args.positional) parts.push(printValue(p));
  return parts.join(' ');
}

/**
 * A command list as tmux's cmd_list_print: ` ; ` between commands of one group and ` ;; ` between
 * groups, or ` \; ` and ` \;\; ` when `escaped` (list-keys prints the top level escaped).
 */
export function printCommandList(commands: ReadonlyArray<ParsedCommand | readonly Arg[]>, escaped: boolean): string {
  let out = '';
  commands.forEach((c, i) => {
    if (i > 0) {
      const previous = commands[i - 1];
      const sameGroup = groupOf(previous) === groupOf(c);
      out += sameGroup ? (escaped ? ' \\; ' : ' ; ') : escaped ? ' \\;\\; ' : ' ;; ';
    }
    out += printCommand(argvOf(c));
  });
  return out;
}

function argvOf(c: ParsedCommand | readonly Arg[]): readonly Arg[] {
  return 'argv' in c ? c.argv : c;
}

function groupOf(c: ParsedCommand | readonly Arg[]): number {
  return 'argv' in c ? c.group : 0;
}
