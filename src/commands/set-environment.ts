// set-environment (setenv): set a variable in a session's environment (-t, else the current
// session) or the global one (-g): -u removes it, -r marks it to be removed from new processes,
// -h hides it, -F expands the value as a format.

import { defineCommand, type CommandContext, type CommandResult } from './command';
import { setVariable, unsetVariable, type Environment } from '../model/environment';
import { expandFor } from './format-target';

/** The environment -g/-t names, or tmux's error (shared with show-environment). */
export function chosenEnvironment(ctx: CommandContext): Environment | { error: string } {
  if (ctx.args.has('g')) return ctx.server.model.environment;
  const session = ctx.target?.session;
  if (!session) {
    const t = ctx.args.value('t');
    return { error: t !== undefined ? `no such session: ${t}` : 'no current session' };
  }
  return session.environment;
}

export const setEnvironment = defineCommand({
  name: 'set-environment',
  alias: 'setenv',
  flags: 'Fhgrt:u',
  min: 1,
  max: 2,
  usage: '[-Fhgru] [-t target-session] name [value]',
  target: { flag: 't', kind: 'session', canFail: true },
  exec(ctx: CommandContext): CommandResult {
    const { args } = ctx;
    const name = args.positional[0];
    if (name === '') return { error: 'empty variable name' };
    if (name.includes('=')) return { error: 'variable name contains =' };
    let value = args.positional[1];
    if (value !== undefined && args.has('F')) {
      const t = ctx.target;
      value = expandFor(ctx, value, t ? { session: t.session, window: t.window, index: t.index, pane: t.pane } : {});
    }
    const env = chosenEnvironment(ctx);
    if ('error' in env) return env;
    if (args.has('u')) {
      if (value !== undefined) return { error: "can't specify a value with -u" };
      unsetVariable(env, name);
    } else if (args.has('r')) {
      if (value !== undefined) return { error: "can't specify a value with -r" };
      setVariable(env, name, null);
    } else {
      if (value === undefined) return { error: 'no value specified' };
      setVariable(env, name, value, args.has('h'));
    }
    return undefined;
  },
});
