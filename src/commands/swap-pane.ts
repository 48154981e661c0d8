// swap-pane (swapp): swap the source pane (-s, default the marked pane, else the current one) with
// the target pane (-t), in one window or across two; -D/-U swap the target with the pane after or
// before it instead. The target pane becomes active unless -d. Windows are unzoomed, and -Z zooms
// them again afterwards.

import { defineCommand, type CommandContext, type CommandResult } from './command';
import { swapPanes } from '../model/pane-moves';
import { popZoom, pushZoom, resolveSourcePane } from './pane-args';

export const swapPane = defineCommand({
  name: 'swap-pane',
  alias: 'swapp',
  flags: 'dDs:t:UZ',
  min: 0,
  max: 0,
  usage: '[-dDUZ] [-s src-pane] [-t dst-pane]',
  target: { flag: 't', kind: 'pane' },
  exec(ctx: CommandContext): CommandResult {
    const { args, server } = ctx;
    const source = resolveSourcePane(ctx);
    if (!source.ok) return { error: source.error };
    const target = ctx.target!;
    const dstWindow = target.window;
    const dst = target.pane;
    const keepZoom = args.has('Z');

    const rezoomDst = pushZoom(server, dstWindow, keepZoom);
    let src = source.target.pane;
    if (args.has('D') || args.has('U')) {
      const list = dstWindow.panes;
      const at = list.indexOf(dst);
      src = args.has('D') ? list[(at + 1) % list.length] : list[(at - 1 + list.length) % list.length];
    }
    const srcWindow = src.window;
    const rezoomSrc = srcWindow !== dstWindow ? pushZoom(server, srcWindow, keepZoom) : rezoomDst;

    if (src !== dst) {
      swapPanes(src, dst, args.has('d'));
      server.applyLayout(srcWindow);
      if (srcWindow !== dstWindow) server.applyLayout(dstWindow);
      for (const window of new Set([srcWindow, dstWindow])) {
        for (const session of server.model.sessionsOf(window)) server.redrawSession(session);
      }
    }
    popZoom(server, srcWindow, rezoomSrc);
    if (srcWindow !== dstWindow) popZoom(server, dstWindow, rezoomDst);
    return undefined;
  },
});
