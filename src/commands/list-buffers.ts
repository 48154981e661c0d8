// list-buffers (lsb): one line per paste buffer, newest first, in tmux's default format or -F,
// filtered by -f. The format sees only the buffer (no session, window or pane), as in tmux.

import { defineCommand, type CommandContext, type CommandResult } from './command';
import { formatTrue } from '../format/expand';
import { expandFor } from './format-target';

export const LIST_BUFFERS_TEMPLATE = '#{buffer_name}: #{buffer_size} bytes: "#{buffer_sample}"';

export const listBuffers = defineCommand({
  name: 'list-buffers',
  alias: 'lsb',
  flags: 'F:f:',
  min: 0,
  max: 0,
  usage: '[-F format] [-f filter]',
  exec(ctx: CommandContext): CommandResult {
    const template = ctx.args.value('F') ?? LIST_BUFFERS_TEMPLATE;
    const filter = ctx.args.value('f');
    for (const buffer of ctx.server.buffers.list()) {
      if (filter !== undefined && !formatTrue(expandFor(ctx, filter, { buffer }))) continue;
      ctx.print(expandFor(ctx, template, { buffer }));
    }
    return undefined;
  },
});
