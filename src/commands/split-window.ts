// split-window (splitw): split the target pane, -h left/right or -v (default) top/bottom, the new
// pane -b before it, -f across the whole window, -l size (cells or N%) or -p percentage; -d keeps
// the current pane active; -Z zooms the window afterwards.

import { defineCommand, type CommandContext, type CommandResult } from './command';
import type { SizeSpec } from '../model/layout';
import { parseEnvironment } from './spawn-flags';
import { printInfo } from './print-info';
import { zoomPane } from './pane-args';

function parseSize(ctx: CommandContext): SizeSpec | undefined | { error: string } {
  const l = ctx.args.value('l');
  if (l !== undefined) {
    const m = /^(\d+)(%?)$/.exec(l);
    if (!m) return { error: `invalid size: ${l}` };
    return m[2] ? { percent: Number(m[1]) } : Number(m[1]);
  }
  const p = ctx.args.value('p');
  if (p !== undefined) {
    if (!/^\d+$/.test(p) || Number(p) > 100) return { error: `invalid percentage: ${p}` };
    return { percent: Number(p) };
  }
  return undefined;
}

export const splitWindow = defineCommand({
  name: 'split-window',
  alias: 'splitw',
  flags: 'bc:de:fF:hIl:p:Pt:vZ',
  min: 0,
  max: -1,
  usage: '[-bdefhIPvZ] [-c start-directory] [-e environment] [-F format] [-l size] [-t target-pane] [shell-command]',
  target: { flag: 't', kind: 'pane' },
  exec(ctx: CommandContext): CommandResult {
    const { args, server } = ctx;
    const target = ctx.target!;
    const size = parseSize(ctx);
    if (size !== undefined && typeof size === 'object' && 'error' in size) return size;
    const environment = parseEnvironment(args.values('e'));
    if ('error' in environment) return environment;
    const split = server.splitPane(target.pane, {
      direction: args.has('h') ? 'leftright' : 'topbottom',
      size: size as SizeSpec | undefined,
      before: args.has('b'),
      fullSize: args.has('f'),
      cwd: args.value('c'),
      command: args.positional.length > 0 ? args.positional : undefined,
      environment: environment.values,
      detached: args.has('d'),
    });
    if (!split.ok) return { error: split.error };
    // The new pane is current for the commands after this one (unless -d), and its after-hook's target.
    const made = { ...target, pane: split.pane };
    if (!args.has('d')) ctx.setCurrent(made);
    ctx.setHookTarget(made);
    // -Z: the window is zoomed afterwards, on its active pane (the new one unless -d).
    if (args.has('Z') && target.window.active) zoomPane(server, target.window.active);
    if (args.has('P')) printInfo(ctx, args.value('F') ?? '#{session_name}:#{window_index}.#{pane_index}', target.session, target.window, split.pane);
    return undefined;
  },
});
