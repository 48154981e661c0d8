// set-option (set): INTERIM, minimal version from the panes branch so its tests can set window and
// pane options (remain-on-exit, pane-border-status, …). The options branch owns the real command;
// when both are merged, keep that one and drop this file.
//
// Supported: -g (global), -w (window), -p (pane), -s (server), -t target, -u (unset), -q (quiet),
// `@user` options, and values checked against the option table's type (choice, number, flag).

import { defineCommand, type CommandContext, type CommandResult } from './command';
import { findOption } from '../options/table';
import type { Options, OptionValue } from '../options/options';

function parseValue(name: string, text: string | undefined): { value: OptionValue } | { error: string } {
  const entry = findOption(name);
  if (!entry) return { value: text ?? '' };
  switch (entry.type) {
    case 'flag': {
      if (text === undefined || text === '') return { value: true };
      const t = text.toLowerCase();
      if (['on', 'yes', '1'].includes(t)) return { value: true };
      if (['off', 'no', '0'].includes(t)) return { value: false };
      return { error: `bad value: ${text}` };
    }
    case 'number': {
      if (text === undefined || !/^-?\d+$/.test(text)) return { error: `value is invalid: ${text ?? ''}` };
      const n = Number(text);
      if (entry.min !== undefined && n < entry.min) return { error: `value is too small: ${text}` };
      if (entry.max !== undefined && n > entry.max) return { error: `value is too large: ${text}` };
      return { value: n };
    }
    case 'choice':
      if (text === undefined || !entry.choices?.includes(text)) return { error: `unknown value: ${text ?? ''}` };
      return { value: text };
    default:
      return { value: text ?? '' };
  }
}

export const setOption = defineCommand({
  name: 'set-option',
  alias: 'set',
  flags: 'aFgopqst:uUw',
  min: 1,
  max: 2,
  usage: '[-aFgopqsuUw] [-t target-pane] option [value]',
  target: { flag: 't', kind: 'pane', canFail: true },
  exec(ctx: CommandContext): CommandResult {
    const { args, server } = ctx;
    const model = server.model;
    const name = args.positional[0];
    const entry = findOption(name);
    if (!entry && !name.startsWith('@')) return args.has('q') ? undefined : { error: `invalid option: ${name}` };
    const target = ctx.target;
    if (!target && args.has('t')) return { error: `can't find pane: ${args.value('t')}` };
    const scope = args.has('s') ? 'server' : args.has('p') ? 'pane' : args.has('w') ? 'window' : entry?.scope ?? 'session';
    let options: Options | undefined;
    if (scope === 'server') options = model.serverOptions;
    else if (scope === 'session') options = args.has('g') ? model.sessionOptions : target?.session.options;
    else if (scope === 'window') options = args.has('g') ? model.windowOptions : target?.window.options;
    else options = target?.pane.options;
    if (!options) return { error: 'no current session' };
    if (args.has('u')) options.unset(name);
    else {
      const parsed = parseValue(name, args.positional[1]);
      if ('error' in parsed) return parsed;
      options.set(name, parsed.value);
    }
    // Options that change how panes are laid out or drawn take effect at once.
    for (const window of model.windows.values()) server.applyLayout(window);
    for (const session of model.sessions.values()) server.redrawSession(session);
    return undefined;
  },
});
