// Automatic window names (tmux's names.c): while a window's automatic-rename option is on, its name is
// automatic-rename-format expanded for its active pane — by default the program running in the
// foreground (`#{pane_current_command}`), `[tmux]` while the pane is in a mode, `[dead]` after it exited.
//
// Event-driven: something that may change the answer (output from the active pane, a different active
// pane, a mode entered or left, the option turned on) asks for a check. Checks run at most every
// NAME_INTERVAL_MS per window, always a little after the event (RENAME_DELAY_MS), and once more
// NAME_INTERVAL_MS later: a program's first output usually comes from the shell echoing the command
// line, before the program has started. Nothing runs while nothing happens.

import { formatContextFor } from '../commands/format-target';
import { expandFormat } from '../format/expand';
import type { Window } from '../model/model';
import type { Server } from './server';

/** tmux checks names at most this often (NAME_INTERVAL). */
const NAME_INTERVAL_MS = 500;
/** The shortest wait after an event before looking at the foreground process. */
const RENAME_DELAY_MS = 150;

export class WindowNames {
  private readonly timers = new Map<Window, NodeJS.Timeout>();
  private readonly lastCheck = new Map<Window, number>();
  /** Windows with a change not yet looked at. */
  private readonly dirty = new Set<Window>();

  constructor(private readonly server: Server) {}

  /** Something about `window`'s active pane changed: check its name soon. */
  changed(window: Window): void {
    if (!window.options.getFlag('automatic-rename')) return;
    this.dirty.add(window);
    if (this.timers.has(window)) return;
    const since = Date.now() - (this.lastCheck.get(window) ?? 0);
    this.schedule(window, Math.max(RENAME_DELAY_MS, NAME_INTERVAL_MS - since));
  }

  /** Every window with automatic-rename on (the option was set). */
  changedAll(): void {
    for (const window of this.server.model.windows.values()) this.changed(window);
  }

  forget(window: Window): void {
    clearTimeout(this.timers.get(window));
    this.timers.delete(window);
    this.lastCheck.delete(window);
    this.dirty.delete(window);
  }

  private schedule(window: Window, delay: number): void {
    this.timers.set(
      window,
      setTimeout(() => {
        this.timers.delete(window);
        const changed = this.dirty.delete(window);
        this.check(window);
        // One more look after a change: a slow program may start only after its command line was
        // echoed and looked at. Two checks per burst of events, then nothing until the next.
        if (changed && this.server.model.windows.has(window.id)) this.schedule(window, NAME_INTERVAL_MS);
      }, delay),
    );
  }

  private check(window: Window): void {
    if (!this.server.model.windows.has(window.id)) return;
    const pane = window.active;
    if (!pane || !window.options.getFlag('automatic-rename')) return;
    this.lastCheck.set(window, Date.now());
    const ctx = formatContextFor(this.server, { window, pane, session: this.server.model.sessionsOf(window)[0] });
    const name = expandFormat(window.options.getString('automatic-rename-format'), ctx);
    if (name === window.name) return;
    window.name = name;
    for (const session of this.server.model.sessionsOf(window)) this.server.redrawSession(session);
  }
}

/**
 * The name a new window gets from its command (tmux's parse_window_name): the first word, without
 * quotes, a leading `exec `, leading spaces or dashes, trailing non-alphanumerics, or its directory.
 */
export function defaultWindowName(command: string): string {
  let name = command;
  if (name.startsWith('"')) name = name.slice(1);
  const quote = name.indexOf('"');
  if (quote >= 0) name = name.slice(0, quote);
  if (name.startsWith('exec ')) name = name.slice(5);
  name = name.replace(/^[ -]+/, '');
  const space = name.indexOf(' ');
  if (space >= 0) name = name.slice(0, space);
  if (name !== '') {
    let end = name.length;
    while (end > 1 && !/[A-Za-z0-9!-\/:-@\[-`{-~]/.test(name[end - 1])) end--;
    name = name.slice(0, end);
  }
  if (name.startsWith('/')) {
    const trimmed = name.replace(/\/+$/, '');
    name = trimmed === '' ? '/' : trimmed.slice(trimmed.lastIndexOf('/') + 1);
  }
  return name;
}
