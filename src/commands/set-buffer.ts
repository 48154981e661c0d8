// set-buffer (setb) and delete-buffer (deleteb): set a paste buffer's data (-a appends to the -b
// buffer; without -b a new automatic buffer is made), rename one (-n), or delete one (the newest
// without -b). -w would also set the client terminal's clipboard, which tsmux does not do.

import { defineCommand, type CommandContext, type CommandResult } from './command';

export const setBuffer = defineCommand({
  name: 'set-buffer',
  alias: 'setb',
  flags: 'ab:t:n:w',
  min: 0,
  max: 1,
  usage: '[-aw] [-b buffer-name] [-n new-buffer-name] [-t target-client] data',
  exec(ctx: CommandContext): CommandResult {
    const { args } = ctx;
    const buffers = ctx.server.buffers;
    const name = args.value('b');
    const existing = name === undefined ? undefined : buffers.get(name);
    if (args.has('n')) {
      if (name !== undefined && !existing) return { error: `unknown buffer: ${name}` };
      const buffer = existing ?? buffers.top();
      if (!buffer) return { error: 'no buffer' };
      return errorOf(buffers.rename(buffer.name, args.value('n') ?? ''));
    }
    if (args.positional.length !== 1) return { error: 'no data specified' };
    const added = Buffer.from(args.positional[0], 'utf8');
    if (added.length === 0) return undefined;
    const data = args.has('a') && existing ? Buffer.concat([existing.data, added]) : added;
    return errorOf(buffers.set(data, name));
  },
});

export const deleteBuffer = defineCommand({
  name: 'delete-buffer',
  alias: 'deleteb',
  flags: 'b:',
  min: 0,
  max: 0,
  usage: '[-b buffer-name]',
  exec(ctx: CommandContext): CommandResult {
    const buffers = ctx.server.buffers;
    const name = ctx.args.value('b');
    if (name !== undefined && !buffers.get(name)) return { error: `unknown buffer: ${name}` };
    const buffer = name !== undefined ? buffers.get(name) : buffers.top();
    if (!buffer) return { error: 'no buffer' };
    buffers.delete(buffer.name);
    return undefined;
  },
});

function errorOf(error: string | undefined): CommandResult {
  return error === undefined ? undefined : { error };
}
