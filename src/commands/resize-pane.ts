// resize-pane (resizep): -Z zooms the pane (or unzooms the window); -L/-R/-U/-D move the pane's
// border by the adjustment (default 1); -x/-y set its width and height in cells or as a percentage of
// the window. Anything but -Z unzooms first, as tmux does.
//
// Not done: -T (trim history below the cursor) and -M (drag a border with the mouse) are accepted and
// do nothing.

import { defineCommand, type CommandContext, type CommandResult } from './command';
import { layoutResizePane, layoutResizePaneTo, type PaneDirection } from '../model/layout';
import { INT_MAX, percentage, strtonum, unzoomWindow, zoomPane } from './pane-args';

const DIRECTIONS: ReadonlyArray<[string, PaneDirection]> = [['L', 'left'], ['R', 'right'], ['U', 'up'], ['D', 'down']];

export const resizePane = defineCommand({
  name: 'resize-pane',
  alias: 'resizep',
  flags: 'DLMRTt:Ux:y:Z',
  min: 0,
  max: 1,
  usage: '[-DLMRTUZ] [-x width] [-y height] [-t target-pane] [adjustment]',
  target: { flag: 't', kind: 'pane' },
  exec(ctx: CommandContext): CommandResult {
    const { args, server } = ctx;
    const { pane, window } = ctx.target!;
    const layout = window.layout;
    if (!layout) return undefined;
    if (args.has('T') || args.has('M')) return undefined;

    if (args.has('Z')) {
      if (!unzoomWindow(server, window)) zoomPane(server, pane);
      return undefined;
    }
    unzoomWindow(server, window);

    let adjust = 1;
    if (args.positional.length > 0) {
      const n = strtonum(args.positional[0], 1, INT_MAX);
      if (!n.ok) return { error: `adjustment ${n.error}` };
      adjust = n.value;
    }
    const x = args.value('x');
    if (args.has('x')) {
      const width = percentage(x ?? '', 0, INT_MAX, window.cols);
      if (!width.ok) return { error: `width ${width.error}` };
      layoutResizePaneTo(layout, pane.id, { width: width.value });
    }
    const y = args.value('y');
    if (args.has('y')) {
      const height = percentage(y ?? '', 0, INT_MAX, window.rows);
      if (!height.ok) return { error: `height ${height.error}` };
      layoutResizePaneTo(layout, pane.id, { height: height.value });
    }
    for (const [flag, direction] of DIRECTIONS) {
      if (!args.has(flag)) continue;
      layoutResizePane(layout, pane.id, direction, adjust);
      break;
    }
    server.applyLayout(window);
    return undefined;
  },
});
