// What the pane and layout commands share: tmux's number and percentage arguments with their exact
// error words, the source pane of swap-pane / join-pane / move-pane (the marked pane by default),
// and zoom as those commands use it (tmux's window_zoom, window_unzoom, window_push_zoom and
// window_pop_zoom in window.c).

import type { CommandContext, ServerApi } from './command';
import { layoutUnzoom, layoutZoom } from '../model/layout';
import type { Pane, Window } from '../model/model';
import { resolveTarget, type Resolved } from '../model/target';

export type NumberResult = { ok: true; value: number } | { ok: false; error: string };

/** OpenBSD's strtonum, as tmux uses it: a whole decimal number within range, else 'invalid', 'too small' or 'too large'. */
export function strtonum(text: string, minimum: number, maximum: number): NumberResult {
  if (minimum > maximum || !/^[ \t\n\v\f\r]*[+-]?[0-9]+$/.test(text)) return { ok: false, error: 'invalid' };
  const value = Number(text.trim());
  if (value < minimum) return { ok: false, error: 'too small' };
  if (value > maximum) return { ok: false, error: 'too large' };
  return { ok: true, value };
}

/**
 * tmux's args_string_percentage: a number of cells, or `N%` of `current` (0 to 100 per cent), within
 * minimum..maximum. Errors are strtonum's words.
 */
export function percentage(text: string, minimum: number, maximum: number, current: number): NumberResult {
  if (text.endsWith('%')) {
    const percent = strtonum(text.slice(0, -1), 0, 100);
    if (!percent.ok) return percent;
    const value = Math.floor((current * percent.value) / 100);
    if (value < minimum) return { ok: false, error: 'too small' };
    if (value > maximum) return { ok: false, error: 'too large' };
    return { ok: true, value };
  }
  return strtonum(text, minimum, maximum);
}

export const INT_MAX = 2147483647;

/**
 * The source pane of swap-pane, join-pane and move-pane (-s): as given, or the marked pane when
 * there is one and -s is not given (tmux's CMD_FIND_DEFAULT_MARKED), else the current pane.
 */
export function resolveSourcePane(ctx: CommandContext, flag = 's'): { ok: true; target: Resolved } | { ok: false; error: string } {
  const model = ctx.server.model;
  const marked = model.markedPane();
  const spec = ctx.args.value(flag);
  // With a marked pane, relative targets are relative to it, as tmux makes it the current state.
  const origin = marked ? { session: marked.session, pane: marked.pane } : ctx.origin;
  if (spec === undefined && marked) return resolveTarget(model, '{marked}', 'pane', origin);
  return resolveTarget(model, spec, 'pane', origin);
}

/**
 * Zoom `pane` (resize-pane -Z): it becomes the active pane and alone fills the window. False if
 * the window is already zoomed or has one pane.
 */
export function zoomPane(server: ServerApi, pane: Pane): boolean {
  const window = pane.window;
  if (!window.layout || window.zoomed || window.panes.length < 2) return false;
  server.selectPane(pane);
  if (!layoutZoom(window.layout, pane.id)) return false;
  server.applyLayout(window);
  return true;
}

/** Unzoom a window (tmux's server_unzoom_window). False if it was not zoomed. */
export function unzoomWindow(server: ServerApi, window: Window): boolean {
  if (!window.layout || !layoutUnzoom(window.layout)) return false;
  server.applyLayout(window);
  return true;
}

/**
 * tmux's window_push_zoom: unzoom the window for an operation, remembering to zoom it again
 * afterwards (popZoom) only if it was zoomed and `keep` (the command's -Z) asks for it.
 */
export function pushZoom(server: ServerApi, window: Window, keep: boolean): boolean {
  const wasZoomed = window.zoomed;
  unzoomWindow(server, window);
  return keep && wasZoomed;
}

/** tmux's window_pop_zoom: zoom the window's active pane again if pushZoom said so. */
export function popZoom(server: ServerApi, window: Window, rezoom: boolean): void {
  if (rezoom && window.active) zoomPane(server, window.active);
}
