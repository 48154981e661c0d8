// paste-buffer (pasteb): type a paste buffer (-b, else the newest) into a pane, with each newline
// replaced by -s (default a carriage return, -r keeps newlines), inside bracketed-paste markers
// with -p when the pane's program asked for them; -d deletes the buffer afterwards.

import { defineCommand, type CommandContext, type CommandResult } from './command';
import { encodePaste } from '../input/encode';

export const pasteBuffer = defineCommand({
  name: 'paste-buffer',
  alias: 'pasteb',
  flags: 'db:prs:t:',
  min: 0,
  max: 0,
  usage: '[-dpr] [-s separator] [-b buffer-name] [-t target-pane]',
  target: { flag: 't', kind: 'pane' },
  exec(ctx: CommandContext): CommandResult {
    const { args } = ctx;
    const pane = ctx.target!.pane;
    const buffers = ctx.server.buffers;
    const name = args.value('b');
    const buffer = name === undefined ? buffers.top() : buffers.get(name);
    if (name !== undefined && !buffer) return { error: `no buffer ${name}` };
    if (buffer && !pane.dead) {
      const separator = args.value('s') ?? (args.has('r') ? '\n' : '\r');
      // Bytes go through as they are: latin1 maps each byte to one character and back.
      const text = encodePaste(buffer.data.toString('latin1'), pane.terminal.modes(), {
        separator: Buffer.from(separator, 'utf8').toString('latin1'),
        bracket: args.has('p'),
      });
      if (text !== '') pane.process.write(Buffer.from(text, 'latin1'));
    }
    if (buffer && args.has('d')) buffers.delete(buffer.name);
    return undefined;
  },
});
