// display-message (display): expand a format for the target and show it on the client's status
// line, or print it with -p (how scripts read any variable: `tsmux display -p '#{pane_id}'`); -a
// lists every variable instead. As in tmux, the client the format describes is the -c client when
// it shows the target session, else the most recently active client attached to it.

import { defineCommand, type ClientApi, type CommandContext, type CommandEntry, type CommandResult } from './command';
import { bestClient, expandFor, formatVariables } from './format-target';
import { clientByName } from '../model/target';

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
    const { args, server } = ctx;
    // -I types the client's stdin into an empty pane (one made with an empty command); tsmux makes
    // no empty panes, so this is tmux's answer for any other pane.
    if (args.has('I')) return ctx.target ? { error: 'pane is not empty' } : undefined;
    if (args.has('F') && args.positional.length > 0) return { error: 'only one of -F or argument must be given' };
    const delay = args.value('d');
    if (delay !== undefined && !/^\d+$/.test(delay)) return { error: `delay ${delay === '' || /^-/.test(delay) ? 'too small' : 'invalid'}` };
    let targetClient: ClientApi | undefined = ctx.client;
    const c = args.value('c');
    if (c !== undefined) {
      targetClient = clientByName(server.clients(), c);
      if (!targetClient) return { error: `can't find client: ${c}` };
    }
    const t = ctx.target;
    const session = t?.session;
    const client = targetClient?.session && targetClient.session === session ? targetClient : bestClient(server, session);
    const where = t ? { client, session: t.session, window: t.window, index: t.index, pane: t.pane } : { client };
    if (args.has('a')) {
      for (const [name, value] of formatVariables(server, where)) ctx.print(`${name}=${value}`);
      for (const [name, value] of Object.entries(ctx.formats ?? {})) ctx.print(`${name}=${value}`);
      ctx.print('command=display-message');
      return undefined;
    }
    const template = args.positional[0] ?? args.value('F') ?? DEFAULT_MESSAGE;
    const text = expandFor(ctx, template, where, true);
    if (args.has('p') || !targetClient?.session) {
      ctx.print(text);
      return undefined;
    }
    targetClient.showMessage(text);
    return undefined;
  },
});
