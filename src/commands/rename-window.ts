// rename-window (renamew): set the window's name; automatic renaming stops for it, as in tmux.

import { defineCommand, type CommandContext, type CommandResult } from './command';

export const renameWindow = defineCommand({
  name: 'rename-window',
  alias: 'renamew',
  flags: 't:',
  min: 1,
  max: 1,
  usage: '[-t target-window] new-name',
  target: { flag: 't', kind: 'window' },
  exec(ctx: CommandContext): CommandResult {
    const { window, session } = ctx.target!;
    window.name = ctx.args.positional[0];
    window.automaticRename = false;
    ctx.server.notify('window-renamed', { window });
    window.options.set('automatic-rename', false);
    ctx.server.redrawSession(session);
    return undefined;
  },
});
