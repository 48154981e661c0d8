// select-layout (selectl), next-layout (nextl), previous-layout (prevl): arrange the window's panes
// as a preset (even-horizontal, even-vertical, main-horizontal, main-vertical, tiled; a unique
// prefix will do; no name re-applies the last preset), or as a layout string from
// #{window_layout}; -n / -p the next or previous preset, -E spread the panes around the target
// evenly, -o go back to the layout before the last select-layout. The window is unzoomed, takes the
// layout's size and is then fitted to its clients again, as tmux does.

import { defineCommand, type CommandContext, type CommandEntry, type CommandResult } from './command';
import { layoutSpreadOut } from '../model/layout';
import { layoutPresetApply, layoutPresetLookup, layoutPresetNext, layoutPresetPrevious, type PresetOptions } from '../model/layout-presets';
import { layoutApply, layoutDump } from '../model/layout-string';
import type { Window } from '../model/model';
import { unzoomWindow } from './pane-args';

/** The main-pane and other-pane window options the presets read. */
export function presetOptions(window: Window): PresetOptions {
  const o = window.options;
  return {
    mainPaneWidth: o.getString('main-pane-width'),
    mainPaneHeight: o.getString('main-pane-height'),
    otherPaneWidth: o.getString('other-pane-width'),
    otherPaneHeight: o.getString('other-pane-height'),
  };
}

function exec(ctx: CommandContext, entry: 'select' | 'next' | 'previous'): CommandResult {
  const { args, server } = ctx;
  const { window, pane } = ctx.target!;
  const layout = window.layout;
  if (!layout) return undefined;
  unzoomWindow(server, window);
  const order = window.panes.map((p) => p.id);
  const next = entry === 'next' || args.has('n');
  const previous = entry === 'previous' || args.has('p');

  const old = window.oldLayout;
  window.oldLayout = layoutDump(layout);
  const changed = (): CommandResult => {
    server.fitWindow(window);
    return undefined;
  };

  if (next || previous) {
    if (next) layoutPresetNext(layout, order, presetOptions(window));
    else layoutPresetPrevious(layout, order, presetOptions(window));
    return changed();
  }
  if (args.has('E')) {
    layoutSpreadOut(layout, pane.id);
    return changed();
  }
  const name = args.positional[0] ?? (args.has('o') ? old : undefined);
  if (!args.has('o')) {
    const preset = name === undefined ? layout.lastPreset : layoutPresetLookup(name);
    if (preset !== -1) {
      layoutPresetApply(layout, preset, order, presetOptions(window));
      return changed();
    }
  }
  if (name !== undefined) {
    const error = layoutApply(layout, name, order);
    if (error !== null) {
      window.oldLayout = old;
      return { error };
    }
    return changed();
  }
  return undefined;
}

export const selectLayout: CommandEntry = defineCommand({
  name: 'select-layout',
  alias: 'selectl',
  flags: 'Enopt:',
  min: 0,
  max: 1,
  usage: '[-Enop] [-t target-pane] [layout-name]',
  target: { flag: 't', kind: 'pane' },
  exec: (ctx) => exec(ctx, 'select'),
});

export const nextLayout: CommandEntry = defineCommand({
  name: 'next-layout',
  alias: 'nextl',
  flags: 't:',
  min: 0,
  max: 0,
  usage: '[-t target-window]',
  target: { flag: 't', kind: 'window' },
  exec: (ctx) => exec(ctx, 'next'),
});

export const previousLayout: CommandEntry = defineCommand({
  name: 'previous-layout',
  alias: 'prevl',
  flags: 't:',
  min: 0,
  max: 0,
  usage: '[-t target-window]',
  target: { flag: 't', kind: 'window' },
  exec: (ctx) => exec(ctx, 'previous'),
});
