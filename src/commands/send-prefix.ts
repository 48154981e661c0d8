// send-prefix: send the prefix key (or -2: prefix2) to a pane, as if typed — how `C-b C-b` reaches
// the program.

import { defineCommand, type CommandContext, type CommandEntry, type CommandResult } from './command';

export const sendPrefix: CommandEntry = defineCommand({
  name: 'send-prefix',
  flags: '2t:',
  min: 0,
  max: 0,
  usage: '[-2] [-t target-pane]',
  target: { flag: 't', kind: 'pane' },
  exec(ctx: CommandContext): CommandResult {
    const target = ctx.target!;
    const option = ctx.args.has('2') ? 'prefix2' : 'prefix';
    const key = target.session.options.getString(option);
    if (key === 'None') return undefined;
    ctx.server.sendKey(target.pane, key);
    return undefined;
  },
});
