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
      if (!tc.isControl) return { error: 'not a control client' };
      const m = /^(@\d+:)?(\d+)[x,](\d+)$/.exec(size);
      if (!m) {
        // @W: (no size) clears a window's own size; tsmux keeps one size per client.
        if (/^@\d+:$/.test(size)) return undefined;
        return { error: `bad size argument: ${size}` };
      }
      const cols = Number(m[2]);
      const rows = Number(m[3]);
      if (cols < 1 || cols > 10000 || rows < 1 || rows > 10000) return { error: 'size too small or too big' };
      // A per-window size (@W:WxH) is taken as the client's size: tsmux has no per-window client sizes.
      tc.setControlSize(cols, rows);
      return undefined;
    }
    if (args.has('S')) {
      tc.redraw(true);
      return undefined;
    }
    tc.redraw(false);
    return undefined;
  },
});
