// load-buffer (loadb): set a paste buffer (-b, else a new automatic one) from a file, or from the
// client's stdin with `-` (`echo hi | tsmux loadb -`).

import { defineCommand, type CommandContext, type CommandResult } from './command';
import { readClientFile } from './client-files';
import { expandFor } from './format-target';

export const loadBuffer = defineCommand({
  name: 'load-buffer',
  alias: 'loadb',
  flags: 'b:t:w',
  min: 1,
  max: 1,
  usage: '[-b buffer-name] [-t target-client] path',
  async exec(ctx: CommandContext): Promise<CommandResult> {
    const file = expandFor(ctx, ctx.args.positional[0], {});
    const data = await readClientFile(ctx, file);
    // tmux reads a directory as nothing, without an error.
    if ('error' in data) return /: Is a directory$/.test(data.error) ? undefined : data;
    const error = ctx.server.buffers.set(data, ctx.args.value('b'));
    return error === undefined ? undefined : { error };
  },
});
