// set-option (set) and set-window-option (setw): set, append to, toggle or unset an option on the
// server, a session, a window or a pane, with tmux's validation and messages (cmd-set-option.c).
// The option name is matched as tmux does (exact, else unique prefix; `name[n]` for array items;
// `@name` for user options) and always expanded as a format first; -F expands the value too.
// -q silences unknown or ambiguous names and -o's "already set". After a change the server applies
// it where tmux would at once (ServerApi.optionChanged).

import { parseCommands } from '../cmdlang/parse';
import { defineCommand, type CommandContext, type CommandEntry, type CommandResult } from './command';
import { expandFor } from './format-target';
import { scopeFromName, type OptionTarget } from './option-scope';
import { setOption, unsetOption } from './option-values';
import { findOption, matchOption } from '../options/table';
import { printCommandList } from './print-command';

function optionTarget(ctx: CommandContext): OptionTarget {
  const t = ctx.target;
  return t ? { session: t.session, window: t.window, pane: t.pane } : {};
}

/** A hook's value must be a command list tmux can parse; it is kept as tmux prints it. */
function checkCommand(text: string): { value: string } | { error: string } {
  const r = parseCommands(text, {
    oneGroup: true,
    environment: (name) => process.env[name],
    home: () => process.env.HOME,
    evaluateCondition: () => false,
  });
  return r.ok ? { value: printCommandList(r.commands, false) } : { error: r.error };
}

function exec(ctx: CommandContext, window: boolean): CommandResult {
  const { args } = ctx;
  const target = optionTarget(ctx);
  const argument = expandFor(ctx, args.positional[0], target);
  const quiet = args.has('q');
  const match = matchOption(argument);
  if (!match.ok) {
    if (quiet) return undefined;
    return { error: `${match.ambiguous ? 'ambiguous' : 'invalid'} option: ${argument}` };
  }
  const { name, index } = match;
  // A `{ }` value (hooks take one) is set as tmux prints it.
  const raw = ctx.rawArgs.positional[1];
  let value = raw === undefined || typeof raw === 'string' ? raw : printCommandList(raw.block, false);
  if (value !== undefined && args.has('F')) value = expandFor(ctx, value, target);

  const scope = scopeFromName(args, window, name, ctx.server.model, target);
  if (!scope.ok) return quiet ? undefined : { error: scope.error };
  const oo = scope.options;

  const entry = findOption(name);
  if (index !== -1 && (name.startsWith('@') || !entry?.array)) return { error: `not an array: ${argument}` };

  if (!args.has('u') && args.has('o')) {
    const already = index === -1 ? oo.has(name) : oo.arrayItems(name, false).some(([i]) => i === index);
    if (already) return quiet ? undefined : { error: `already set: ${argument}` };
  }

  if (args.has('U') && scope.scope === 'window' && ctx.target) {
    for (const pane of ctx.target.window.panes) unsetOption(pane.options, name, index, false);
  }
  if (args.has('u') || args.has('U')) {
    unsetOption(oo, name, index, scope.global);
  } else {
    const error = setOption(oo, { name, index, value, append: args.has('a'), checkCommand });
    if (error !== undefined) return { error };
  }
  ctx.server.optionChanged(name);
  return undefined;
}

export const setOptionCommand: CommandEntry = defineCommand({
  name: 'set-option',
  alias: 'set',
  flags: 'aFgopqst:uUw',
  min: 1,
  max: 2,
  usage: '[-aFgopqsuUw] [-t target-pane] option [value]',
  target: { flag: 't', kind: 'pane', canFail: true },
  exec: (ctx) => exec(ctx, false),
});

export const setWindowOption: CommandEntry = defineCommand({
  name: 'set-window-option',
  alias: 'setw',
  flags: 'aFgoqt:u',
  min: 1,
  max: 2,
  usage: '[-aFgoqu] [-t target-window] option [value]',
  target: { flag: 't', kind: 'window', canFail: true },
  exec: (ctx) => exec(ctx, true),
});
