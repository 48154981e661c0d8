// display-message (display): expand a format for the target and show it on a client's status line,
// or print it with -p (how scripts read any variable: `tsmux display -p '#{pane_id}'`).
//
// As tmux 3.3a: the message goes to -c's client, else the current client (the issuing one if attached,
// else the most recently active attached client); with no such client nothing is shown and nothing
// fails. -d is the time in ms (0: until a key), -N keeps keys from dismissing it, -a prints every
// format variable, -v also prints how the format was expanded.

import { defineCommand, type CommandContext, type CommandEntry, type CommandResult } from './command';
import { currentClient, findClient } from './detach-client';
import { expandFor, formatVariables } from './format-target';
import { strtonum } from '../format/colour';

// tmux's default when no message is given (key `i`).
const DEFAULT_MESSAGE =
  '[#{session_name}] #{window_index}:#{window_name}, current pane #{pane_index} - (%H:%M %d-%b-%y)';

export const displayMessage: CommandEntry = defineCommand({
  name: 'display-message',
  alias: 'display',
  flags: 'ac:d:INpt:F:v',
  min: 0,
  max: 1,
  usage: '[-aINpv] [-c target-client] [-d delay] [-F format] [-t target-pane] [message]',
  target: { flag: 't', kind: 'pane', canFail: true },
  exec(ctx: CommandContext): CommandResult {
    const { args } = ctx;
    // A -t that finds nothing is not an error (tmux's CMD_FIND_CANFAIL): the format just has less.
    // -I (feed the client's standard input to the pane) needs the client to send its stdin, which
    // tsmux's protocol does not do yet; like tmux without a pane, it does nothing.
    if (args.has('I')) return undefined;
    if (args.has('F') && args.positional.length > 0) return { error: 'only one of -F or argument must be given' };
    let delay: number | undefined;
    if (args.has('d')) {
      const text = args.value('d') ?? '';
      const n = strtonum(text, 0, 4294967295);
      if (n === undefined) return { error: `delay ${/^-?\d+$/.test(text) ? (Number(text) < 0 ? 'too small' : 'too large') : 'invalid'}` };
      delay = n;
    }
    const template = args.positional[0] ?? args.value('F') ?? DEFAULT_MESSAGE;
    const t = ctx.target;
    // A -c client that cannot be found is not an error (tmux's CMD_CLIENT_CANFAIL): nothing is shown.
    const named = args.value('c');
    const client = named !== undefined ? findClient(ctx, named.replace(/:$/, '')) : currentClient(ctx);
    const formatClient = client && (!t || client.session === t.session) ? client : undefined;
    const where = t ? { session: t.session, window: t.window, pane: t.pane, client: formatClient } : { client: formatClient };

    if (args.has('a')) {
      for (const [name, value] of formatVariables(ctx.server, where)) ctx.print(`${name}=${value}`);
      for (const [name, value] of Object.entries(ctx.formats ?? {})) ctx.print(`${name}=${value}`);
      ctx.print('command=display-message');
      return undefined;
    }

    const text = expandFor(ctx, template, where, true);
    if (args.has('v')) {
      ctx.print(`# expanding format: ${template}`);
      ctx.print(`# result is: ${text}`);
    }
    if (args.has('p')) {
      ctx.print(text);
      return undefined;
    }
    if (client) client.showMessage(text, { delay, ignoreKeys: args.has('N') });
    return undefined;
  },
});
