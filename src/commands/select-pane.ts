// select-pane (selectp): make the target pane active, or the pane -L/-R/-U/-D of it (wrapping as
// tmux does), or the last pane (-l); -T sets the pane's title.

import { defineCommand, type CommandContext, type CommandResult } from './command';
import { layoutFindPane, type PaneDirection } from '../model/layout';

const DIRECTIONS: ReadonlyArray<[string, PaneDirection]> = [['L', 'left'], ['R', 'right'], ['U', 'up'], ['D', 'down']];

export const selectPane = defineCommand({
  name: 'select-pane',
  alias: 'selectp',
  flags: 'DdegLlMmP:RT:t:UZ',
  min: 0,
  max: 0,
  usage: '[-DdeLlMmRUZ] [-T title] [-t target-pane]',
  target: { flag: 't', kind: 'pane' },
  exec(ctx: CommandContext): CommandResult {
    const { args, server } = ctx;
    const { pane, window } = ctx.target!;
    if (args.has('l')) {
      if (!window.lastPane) return { error: 'no last pane' };
      server.selectPane(window.lastPane);
      return undefined;
    }
    if (args.has('T')) {
      pane.title = args.value('T');
      server.selectPane(window.active ?? pane);
      return undefined;
    }
    for (const [flag, direction] of DIRECTIONS) {
      if (!args.has(flag)) continue;
      const layout = window.layout;
      if (!layout) return undefined;
      const found = layoutFindPane(layout, pane.id, direction, {
        activePoint: (id) => window.panes.find((p) => p.id === id)?.activePoint ?? 0,
        order: window.panes.map((p) => p.id),
      });
      const next = window.panes.find((p) => p.id === found);
      if (next) server.selectPane(next);
      return undefined;
    }
    if (args.has('d') || args.has('e') || args.has('m') || args.has('M')) return undefined;
    if (window !== ctx.target!.session.current) server.selectWindow(ctx.target!.session, window);
    server.selectPane(pane);
    return undefined;
  },
});
