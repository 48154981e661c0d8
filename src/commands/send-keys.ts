// send-keys (send): type keys into a pane as if the user had. Each argument that is a key name
// (`Enter`, `C-c`, `M-x`, `F1`…) is that key, encoded for the pane's modes; anything else is typed
// as text. -l: every argument is text; -H: arguments are hex bytes; -N repeats; -R resets the
// terminal first.

import { defineCommand, type CommandContext, type CommandResult } from './command';
import { encodeKey } from '../input/encode';
import { keyFromName } from '../input/keys';

export const sendKeys = defineCommand({
  name: 'send-keys',
  alias: 'send',
  flags: 'FHlMN:Rt:X',
  min: 0,
  max: -1,
  usage: '[-FHlMRX] [-N repeat-count] [-t target-pane] key ...',
  target: { flag: 't', kind: 'pane' },
  exec(ctx: CommandContext): CommandResult {
    const { args } = ctx;
    const pane = ctx.target!.pane;
    if (args.has('X')) return { error: 'not in a mode' };
    if (args.has('M')) return undefined;
    let repeat = 1;
    const n = args.value('N');
    if (n !== undefined) {
      repeat = Number(n);
      if (!/^\d+$/.test(n) || repeat < 1) return { error: `repeat count ${n} invalid` };
    }
    // A dead pane and one with input disabled (select-pane -d) take no keys, as in tmux.
    if (pane.dead || pane.inputOff) return undefined;
    const modes = pane.terminal.modes();
    let out = '';
    if (args.has('R')) pane.terminal.write('\x1bc');
    for (const arg of args.positional) {
      if (args.has('H')) {
        for (const byte of arg.split(/\s+/).filter(Boolean)) {
          const v = parseInt(byte, 16);
          if (!/^[0-9a-fA-F]{1,2}$/.test(byte)) return { error: `invalid hex: ${byte}` };
          out += String.fromCharCode(v);
        }
        continue;
      }
      const key = args.has('l') ? undefined : keyFromName(arg);
      if (key !== undefined) {
        // tmux types the key's name when it has no encoding for it ("S-a" arrives as text), and
        // sends nothing for the keys it deliberately drops (encodeKey gives '').
        out += encodeKey(key, modes) ?? arg;
        continue;
      }
      out += arg;
    }
    if (out === '') return undefined;
    for (let i = 0; i < repeat; i++) pane.process.write(args.has('H') ? Buffer.from(out, 'latin1') : out);
    return undefined;
  },
});
