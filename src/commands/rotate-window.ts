// rotate-window (rotatew): move every pane of the window one place along its pane list and so one
// layout cell along: -U (the default) towards the start, -D towards the end. The cells stay put and
// the focus stays in the cell it was in. The window is unzoomed; -Z zooms it again afterwards.

import { defineCommand, type CommandContext, type CommandResult } from './command';
import { rotatePanes } from '../model/pane-moves';
import { popZoom, pushZoom } from './pane-args';

export const rotateWindow = defineCommand({
  name: 'rotate-window',
  alias: 'rotatew',
  flags: 'Dt:UZ',
  min: 0,
  max: 0,
  usage: '[-DUZ] [-t target-window]',
  target: { flag: 't', kind: 'window' },
  exec(ctx: CommandContext): CommandResult {
    const { args, server } = ctx;
    const window = ctx.target!.window;
    const rezoom = pushZoom(server, window, args.has('Z'));
    rotatePanes(window, args.has('D') ? 'down' : 'up');
    server.applyLayout(window);
    for (const session of server.model.sessionsOf(window)) server.redrawSession(session);
    popZoom(server, window, rezoom);
    return undefined;
  },
});
