// save-buffer (saveb) and show-buffer (showb): write a paste buffer (-b, else the newest) to a file
// (-a appends; `-` is the client's stdout), or show it: on a command-line client's stdout as it is,
// on an attached client as escaped text.

import { defineCommand, type CommandContext, type CommandResult } from './command';
import { visualiseBytes, type PasteBuffer } from '../model/paste-buffers';
import { writeClientFile } from './client-files';
import { expandFor } from './format-target';

function chosenBuffer(ctx: CommandContext): PasteBuffer | { error: string } {
  const name = ctx.args.value('b');
  if (name === undefined) return ctx.server.buffers.top() ?? { error: 'no buffers' };
  return ctx.server.buffers.get(name) ?? { error: `no buffer ${name}` };
}

export const saveBuffer = defineCommand({
  name: 'save-buffer',
  alias: 'saveb',
  flags: 'ab:',
  min: 1,
  max: 1,
  usage: '[-a] [-b buffer-name] path',
  async exec(ctx: CommandContext): Promise<CommandResult> {
    const buffer = chosenBuffer(ctx);
    if ('error' in buffer) return buffer;
    const file = expandFor(ctx, ctx.args.positional[0], {});
    const error = await writeClientFile(ctx, file, buffer.data, ctx.args.has('a'));
    return error === undefined ? undefined : { error };
  },
});

export const showBuffer = defineCommand({
  name: 'show-buffer',
  alias: 'showb',
  flags: 'b:',
  min: 0,
  max: 0,
  usage: '[-b buffer-name]',
  async exec(ctx: CommandContext): Promise<CommandResult> {
    const buffer = chosenBuffer(ctx);
    if ('error' in buffer) return buffer;
    if (ctx.client?.session) {
      for (const line of visualiseBytes(buffer.data, false).replace(/\t/g, '\\t').split('\n')) ctx.print(line);
      return undefined;
    }
    const error = await writeClientFile(ctx, '-', buffer.data, false);
    return error === undefined ? undefined : { error };
  },
});
