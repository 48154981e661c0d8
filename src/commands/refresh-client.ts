// refresh-client (refresh): redraw a client (-t, else the current one) completely; -S redraws only
// the status line. -C WxH sets a control client's size (tmux refuses it for other clients). The
// panning flags (-D -U -L -R, -c) and -A -B -f -F -l are accepted and do nothing yet.

import { defineCommand, type CommandContext, type CommandResult } from './command';
import { findTargetClient } from './client-target';

export const refreshClient = defineCommand({
  name: 'refresh-client',
  alias: 'refresh',
  flags: 'A:B:cC:Df:F:lLRSt:U',
  min: 0,
  max: 1,
  usage: '[-cDlLRSU] [-A pane:state] [-B name:what:format] [-C XxY] [-f flags] [-t target-client] [adjustment]',
  exec(ctx: CommandContext): CommandResult {
    const { args } = ctx;
    const tc = findTargetClient(ctx, args.value('t'));
    if ('error' in tc) return tc;
    const size = args.value('C');
    if (size !== undefined) {
      if (!/^(@\d+:)?\d+[x,]\d+$/.test(size) && !/^@\d+:$/.test(size)) return { error: `bad size argument: ${size}` };
      return { error: 'not a control client' };
    }
    if (args.has('S')) {
      tc.redraw(true);
      return undefined;
    }
    tc.redraw(false);
    return undefined;
  },
});
