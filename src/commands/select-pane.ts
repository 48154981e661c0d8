// select-pane (selectp): make the target pane active, or the pane -L/-R/-U/-D of it (wrapping as
// tmux does), or the last pane (-l); -T sets the pane's title; -m marks the pane (or unmarks it if
// it is the marked one), -M clears the mark; -d disables input to the pane, -e enables it again.
// Selecting another pane of a zoomed window unzooms it, unless -Z keeps the zoom (on the new pane).

import { defineCommand, type CommandContext, type CommandEntry, type CommandResult } from './command';
import { layoutFindPane, type PaneDirection } from '../model/layout';
import type { Pane, Window } from '../model/model';
import { expandFor } from './format-target';
import { popZoom, pushZoom } from './pane-args';

const DIRECTIONS: ReadonlyArray<[string, PaneDirection]> = [['L', 'left'], ['R', 'right'], ['U', 'up'], ['D', 'down']];

/** Redraw wherever a window shows (its borders and the status line flags). */
function redrawWindow(ctx: CommandContext, window: Window): void {
  ctx.server.applyLayout(window);
  for (const session of ctx.server.model.sessionsOf(window)) ctx.server.redrawSession(session);
}

/** Make `pane` its window's active pane; a zoomed window is unzoomed unless `keepZoom`. */
function activate(ctx: CommandContext, window: Window, pane: Pane, keepZoom: boolean): void {
  const rezoom = pushZoom(ctx.server, window, keepZoom);
  ctx.server.selectPane(pane);
  popZoom(ctx.server, window, rezoom);
}

/** select-pane -l and last-pane: the previously active pane (in a window of two, the other one). */
export function lastPaneExec(ctx: CommandContext, window: Window): CommandResult {
  const { args } = ctx;
  let last = window.lastPane;
  if (!last && window.panes.length === 2 && window.active) {
    const at = window.panes.indexOf(window.active);
    last = window.panes[at - 1] ?? window.panes[at + 1];
  }
  if (!last) return { error: 'no last pane' };
  if (args.has('e') || args.has('d')) {
    last.inputOff = !args.has('e');
    redrawWindow(ctx, window);
    return undefined;
  }
  activate(ctx, window, last, args.has('Z'));
  return undefined;
}

export const selectPane: CommandEntry = defineCommand({
  name: 'select-pane',
  alias: 'selectp',
  flags: 'DdegLlMmP:RT:t:UZ',
  min: 0,
  max: 0,
  usage: '[-DdeLlMmRUZ] [-T title] [-t target-pane]',
  target: { flag: 't', kind: 'pane' },
  exec(ctx: CommandContext): CommandResult {
    const { args, server } = ctx;
    const { session, window } = ctx.target!;
    let pane = ctx.target!.pane;
    if (args.has('l')) return lastPaneExec(ctx, window);

    if (args.has('m') || args.has('M')) {
      // A pane hidden by another's zoom cannot be marked.
      if (args.has('m') && window.zoomed && window.layout?.zoomed !== pane.id) return undefined;
      const before = server.model.markedPane();
      const isMarked = before?.pane === pane && before.session === session && before.window === window;
      server.model.marked = args.has('M') || isMarked ? undefined : { session, window, pane };
      if (before) redrawWindow(ctx, before.window);
      if (server.model.marked) redrawWindow(ctx, window);
      return undefined;
    }
    // -P and -g (window styles) are deprecated in tmux and not supported here.

    for (const [flag, direction] of DIRECTIONS) {
      if (!args.has(flag)) continue;
      const layout = window.layout;
      if (!layout) return undefined;
      const found = layoutFindPane(layout, pane.id, direction, {
        activePoint: (id) => window.panes.find((p) => p.id === id)?.activePoint ?? 0,
        order: window.panes.map((p) => p.id),
      });
      const next = window.panes.find((p) => p.id === found);
      if (!next) return undefined;
      pane = next;
      break;
    }

    if (args.has('e') || args.has('d')) {
      pane.inputOff = !args.has('e');
      redrawWindow(ctx, window);
      return undefined;
    }
    if (args.has('T')) {
      pane.title = expandFor(ctx, args.value('T') ?? '', { session, window, pane });
      redrawWindow(ctx, window);
      return undefined;
    }
    if (pane === window.active) return undefined;
    activate(ctx, window, pane, args.has('Z'));
    return undefined;
  },
});
