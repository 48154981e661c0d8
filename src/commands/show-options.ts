// show-options (show) and show-window-options (showw): list options or show one, in tmux's format
// (cmd-show-options.c): `name value`, string values quoted as tmux quotes arguments, array items as
// `name[i] value`, an empty array as its bare name, -v the value alone, -A inherited values too
// (marked `name*`), -H hooks too. The listing is user options (sorted) then the table's order.

import { quoteArgument } from '../cmdlang/parse';
import { defineCommand, type CommandContext, type CommandEntry, type CommandResult } from './command';
import { expandFor } from './format-target';
import { scopeFromFlags, scopeFromName, type OptionTarget } from './option-scope';
import { isStringOption, optionValueString } from './option-values';
import type { Options } from '../options/options';
import { OPTION_TABLE, findOption, matchOption, type OptionScope } from '../options/table';

interface ShowFlags {
  valueOnly: boolean;
}

/** The lines for one option (every item of an array, or the one asked for). */
function optionLines(oo: Options, name: string, index: number, parent: boolean, flags: ShowFlags): string[] {
  const entry = findOption(name);
  const star = parent ? '*' : '';
  const format = (label: string, value: string): string => {
    if (flags.valueOnly) return value;
    return `${label}${star} ${isStringOption(entry) ? quoteArgument(value) : value}`;
  };
  if (oo.isArray(name)) {
    const items = oo.arrayItems(name);
    if (index !== -1) {
      const item = items.find(([i]) => i === index);
      return [format(`${name}[${index}]`, item ? item[1] : '')];
    }
    if (items.length === 0) return flags.valueOnly ? [] : [`${name}${star}`];
    return items.map(([i, v]) => format(`${name}[${i}]`, v));
  }
  const value = oo.get(name);
  if (value === undefined || Array.isArray(value)) return [];
  return [format(name, optionValueString(value))];
}

/** Whether a table option belongs in a listing of this scope. */
function inScope(scope: OptionScope | 'pane', entryScope: OptionScope, pane: boolean | undefined): boolean {
  if (scope === 'pane') return entryScope === 'window' && pane === true;
  return scope === entryScope;
}

function exec(ctx: CommandContext, window: boolean): CommandResult {
  const { args } = ctx;
  const t = ctx.target;
  const target: OptionTarget = t ? { session: t.session, window: t.window, pane: t.pane } : {};
  const model = ctx.server.model;
  const flags: ShowFlags = { valueOnly: args.has('v') };
  const quiet = args.has('q');
  const inherited = args.has('A');

  if (args.positional.length === 0) {
    const scope = scopeFromFlags(args, window, model, target);
    if (!scope.ok) return quiet ? undefined : { error: scope.error };
    const oo = scope.options;
    const lines: string[] = [];
    for (const name of oo.userOptionNames()) lines.push(...optionLines(oo, name, -1, false, flags));
    for (const entry of OPTION_TABLE) {
      if (!inScope(scope.scope, entry.scope, entry.pane)) continue;
      if (entry.hook && !args.has('H')) continue;
      let parent = false;
      if (!oo.has(entry.name)) {
        if (!inherited || oo.get(entry.name) === undefined) continue;
        parent = true;
      }
      lines.push(...optionLines(oo, entry.name, -1, parent, flags));
    }
    for (const line of lines) ctx.print(line);
    return undefined;
  }

  const argument = expandFor(ctx, args.positional[0], target);
  const match = matchOption(argument);
  if (!match.ok) {
    if (quiet) return undefined;
    return { error: `${match.ambiguous ? 'ambiguous' : 'invalid'} option: ${argument}` };
  }
  const scope = scopeFromName(args, window, match.name, model, target);
  if (!scope.ok) return quiet ? undefined : { error: scope.error };
  const oo = scope.options;
  let parent = false;
  if (!oo.has(match.name)) {
    if (inherited && oo.get(match.name) !== undefined) parent = true;
    else if (match.name.startsWith('@')) return quiet ? undefined : { error: `invalid option: ${argument}` };
    else return undefined;
  }
  for (const line of optionLines(oo, match.name, match.index, parent, flags)) ctx.print(line);
  return undefined;
}

export const showOptions: CommandEntry = defineCommand({
  name: 'show-options',
  alias: 'show',
  flags: 'AgHpqst:vw',
  min: 0,
  max: 1,
  usage: '[-AgHpqsvw] [-t target-pane] [option]',
  target: { flag: 't', kind: 'pane', canFail: true },
  exec: (ctx) => exec(ctx, false),
});

export const showWindowOptions: CommandEntry = defineCommand({
  name: 'show-window-options',
  alias: 'showw',
  flags: 'gvt:',
  min: 0,
  max: 1,
  usage: '[-gv] [-t target-window] [option]',
  target: { flag: 't', kind: 'window', canFail: true },
  exec: (ctx) => exec(ctx, true),
});
