// show-environment (showenv): the variables of a session's environment (-t, else the current
// session) or the global one (-g), sorted by name: NAME=value, or -NAME for one marked for removal;
// -s prints them as Bourne shell commands to eval; -h shows hidden variables (only those).

import { defineCommand, type CommandContext, type CommandResult } from './command';
import { isHidden, sortedVariables } from '../model/environment';
import { chosenEnvironment } from './set-environment';

/** Quote for a double-quoted shell string: POSIX gives $ ` " and \ meaning there. */
function shellEscape(value: string): string {
  return value.replace(/[$`"\\]/g, '\\$&');
}

export const showEnvironment = defineCommand({
  name: 'show-environment',
  alias: 'showenv',
  flags: 'hgst:',
  min: 0,
  max: 1,
  usage: '[-hgs] [-t target-session] [name]',
  target: { flag: 't', kind: 'session', canFail: true },
  exec(ctx: CommandContext): CommandResult {
    const { args } = ctx;
    const t = args.value('t');
    if (t !== undefined && !ctx.target) return { error: `no such session: ${t}` };
    const env = chosenEnvironment(ctx);
    if ('error' in env) return env;
    const show = (name: string, value: string | null): void => {
      if (isHidden(env, name) !== args.has('h')) return;
      if (!args.has('s')) ctx.print(value === null ? `-${name}` : `${name}=${value}`);
      else ctx.print(value === null ? `unset ${name};` : `${name}="${shellEscape(value)}"; export ${name};`);
    };
    const name = args.positional[0];
    if (name !== undefined) {
      if (!env.has(name)) return { error: `unknown variable: ${name}` };
      show(name, env.get(name)!);
      return undefined;
    }
    for (const [n, v] of sortedVariables(env)) show(n, v);
    return undefined;
  },
});
