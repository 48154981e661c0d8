// join-pane (joinp) and move-pane (movep): move the source pane (-s, default the marked pane, else
// the current one) into the target pane's window by splitting the target pane (-t): -h left/right,
// -v (default) top/bottom, -b before it, -f across the whole window, -l size (cells or N% of the
// target pane) or -p percentage. The moved pane becomes active and its window current unless -d.
// A window left with no panes closes. Both windows are unzoomed first.

import { defineCommand, type CommandContext, type CommandEntry, type CommandResult } from './command';
import { layoutPaneRect } from '../model/layout';
import { joinPane as joinPaneModel } from '../model/pane-moves';
import { INT_MAX, percentage, resolveSourcePane, strtonum, unzoomWindow } from './pane-args';

function exec(ctx: CommandContext): CommandResult {
  const { args, server } = ctx;
  const source = resolveSourcePane(ctx);
  if (!source.ok) return { error: source.error };
  const target = ctx.target!;
  const dstWindow = target.window;
  const dst = target.pane;
  unzoomWindow(server, dstWindow);
  const src = source.target.pane;
  const srcWindow = src.window;
  unzoomWindow(server, srcWindow);
  if (src === dst) return { error: 'source and target panes must be different' };

  const direction = args.has('h') ? 'leftright' : 'topbottom';
  const rect = layoutPaneRect(dstWindow.layout!, dst.id);
  const along = direction === 'leftright' ? rect.sx : rect.sy;
  let size: number | undefined;
  if (args.has('l')) {
    const l = percentage(args.value('l') ?? '', 0, INT_MAX, along);
    if (!l.ok) return { error: `size ${l.error}` };
    size = l.value;
  } else if (args.has('p')) {
    const p = strtonum(args.value('p') ?? '', 0, 100);
    if (!p.ok) return { error: `size ${p.error}` };
    size = Math.floor((along * p.value) / 100);
  }

  const joined = joinPaneModel(server.model, src, dst, { direction, size, before: args.has('b'), fullSize: args.has('f') });
  if ('error' in joined) return joined;
  if (!joined.emptied) server.applyLayout(srcWindow);
  server.applyLayout(dstWindow);
  if (!args.has('d')) {
    server.selectPane(src);
    server.selectWindow(target.session, dstWindow);
  }
  if (joined.emptied) server.killWindow(srcWindow);
  for (const window of new Set([srcWindow, dstWindow])) {
    for (const session of server.model.sessionsOf(window)) server.redrawSession(session);
  }
  return undefined;
}

const FLAGS = 'bdfhvp:l:s:t:';
const USAGE = '[-bdfhv] [-l size] [-s src-pane] [-t dst-pane]';

export const joinPane: CommandEntry = defineCommand({
  name: 'join-pane',
  alias: 'joinp',
  flags: FLAGS,
  min: 0,
  max: 0,
  usage: USAGE,
  target: { flag: 't', kind: 'pane' },
  exec,
});

export const movePane: CommandEntry = defineCommand({
  name: 'move-pane',
  alias: 'movep',
  flags: FLAGS,
  min: 0,
  max: 0,
  usage: USAGE,
  target: { flag: 't', kind: 'pane' },
  exec,
});
