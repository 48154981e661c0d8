// The server's model: sessions, windows and panes, with tmux's global, never-reused ids
// ($N sessions, @N windows, %N panes). A session links windows at indices (tmux's winlinks); a
// window holds panes; a pane holds its process and its terminal state.
//
// The model is plain data plus the invariants that keep it consistent (a window's active pane is
// one of its panes, a session's current window is one of its windows). It never imports the
// server, never talks to a client, and never spawns anything: the server creates processes and
// hands them in.

import type { PaneProcess, ExitStatus } from '../pty/pane-process';
import type { PaneTerminal } from '../emulator/terminal';
import type { CursorState, Grid } from '../emulator/cell';
import { Options } from '../options/options';
import { layoutClosePane, layoutCreate, layoutPaneListInsert, type WindowLayout } from './layout';

/**
 * A pane mode: something shown in a pane instead of its program's screen, taking the keys typed
 * into the pane (tmux's window modes: copy mode, view mode for command output, clock mode…).
 * The program keeps running underneath and its output keeps being recorded.
 */
export interface PaneMode {
  /** tmux's name for #{pane_mode}: 'copy-mode', 'view-mode', 'clock-mode', … */
  readonly name: string;
  /** Draw the mode's screen into `grid` at (x, y), clipped to w×h. */
  copyInto(grid: Grid, x: number, y: number, w: number, h: number): void;
  cursor(): CursorState;
  /** A key typed into the pane; return false to leave the key unhandled. */
  key(key: number): boolean;
  /**
   * The key table the mode's keys are looked up in while the client is in its default table
   * (tmux's copy mode: `copy-mode` or `copy-mode-vi`). A mode without one gets keys in key().
   */
  keyTable?(): string;
  /** The pane was resized. */
  resize?(cols: number, rows: number): void;
  /** The mode is being left (by itself, or because the pane goes). */
  exit?(): void;
}

export class Pane {
  /** Exit status once the program has exited (the pane is dead). */
  exitStatus: ExitStatus | undefined;
  /** When the pane last produced output or received input (ms since epoch). */
  activity = Date.now();
  /** When it was last made active, as a counter (tmux's active_point): ties in select-pane -L/-R/-U/-D. */
  activePoint = 0;
  /** select-pane -T title; the program's own title (OSC 0/2) otherwise. */
  title: string | undefined;
  /** The mode shown instead of the program's screen, if any (copy mode, view mode, clock mode). */
  mode: PaneMode | undefined;
  /** select-pane -d: keys and pastes for this pane are dropped (tmux's PANE_INPUTOFF). */
  inputOff = false;
  /** When the program exited (ms since epoch), for #{pane_dead_time}. */
  deadTime: number | undefined;
  /** Pane options; replaced (values kept) when the pane moves to another window (join-pane, swap-pane…). */
  options: Options;
  /** The command it was started with, as given (empty for the default shell): #{pane_start_command}. */
  startArgv: string[] = [];

  // process, terminal, startCommand and startCwd change when the pane is respawned (respawn-window).
  constructor(
    readonly id: number,
    public window: Window,
    public process: PaneProcess,
    public terminal: PaneTerminal,
    public startCommand: string,
    public startCwd: string,
  ) {
    this.options = new Options(window.options);
  }

  get dead(): boolean {
    return this.exitStatus !== undefined;
  }
}

let activeCounter = 0;

let lastActivity = 0;
/**
 * A timestamp for session activity that never repeats: tmux compares activity times in
 * microseconds to find the most recent session, so two sessions touched in the same millisecond
 * must still be ordered.
 */
export function activityNow(): number {
  lastActivity = Math.max(Date.now(), lastActivity + 0.001);
  return lastActivity;
}

export class Window {
  /** The panes in tmux's order (w->panes): presets, layout strings and pane indices follow it. */
  panes: Pane[] = [];
  active: Pane | undefined;
  lastPane: Pane | undefined;
  /** How the panes tile the window; created with the first pane. */
  layout: WindowLayout | undefined;
  /** Whether the name follows the running program (tmux's automatic-rename). */
  automaticRename = true;
  /** The size panes are laid out in (excludes the status line). */
  cols: number;
  rows: number;
  activity = Date.now();
  /** The layout before the last select-layout (tmux's w->old_layout, for select-layout -o). */
  oldLayout: string | undefined;
  readonly options: Options;

  constructor(readonly id: number, public name: string, cols: number, rows: number, globalOptions: Options) {
    this.cols = cols;
    this.rows = rows;
    this.options = new Options(globalOptions);
  }

  get zoomed(): boolean {
    return this.layout?.zoomed != null;
  }

  /** Make `pane` the active pane, remembering the previous one for last-pane. */
  selectPane(pane: Pane): void {
    if (this.active === pane) return;
    if (this.active) this.lastPane = this.active;
    this.active = pane;
    pane.activePoint = ++activeCounter;
  }
}

/** Where a new pane goes in its window's pane list (split-window -b / -f). */
export interface PanePlacement {
  target: Pane;
  before?: boolean;
  fullSize?: boolean;
}

export class Session {
  /** Windows by index (tmux's winlinks), kept sorted by index when listed. */
  readonly windows = new Map<number, Window>();
  current: Window | undefined;
  /** Previously current windows, most recent first (for last-window). */
  lastWindows: Window[] = [];
  /**
   * Alert flags of the windows linked here (tmux keeps them on the winlink): bell, activity and
   * silence bits as model/alerts.ts defines them; absent means none.
   */
  readonly alerts = new Map<Window, number>();
  readonly created = Date.now();
  activity = activityNow();
  /** When a client last attached (ms since epoch), for #{session_last_attached}. */
  lastAttached: number | undefined;
  /** Session environment (set-environment without -g), overrides the global environment. */
  readonly environment = new Map<string, string | null>();
  readonly options: Options;

  constructor(readonly id: number, public name: string, public cwd: string, globalOptions: Options) {
    this.options = new Options(globalOptions);
  }

  /** Windows in index order. */
  windowList(): Array<{ index: number; window: Window }> {
    return [...this.windows.entries()].sort((a, b) => a[0] - b[0]).map(([index, window]) => ({ index, window }));
  }

  indexOf(window: Window): number | undefined {
    for (const [index, w] of this.windows) if (w === window) return index;
    return undefined;
  }

  /** The first free index at or above `base` (tmux's winlink_next_index). */
  nextIndex(base: number): number {
    let i = base;
    while (this.windows.has(i)) i++;
    return i;
  }

  selectWindow(window: Window): void {
    if (this.current === window) return;
    if (this.current) {
      this.lastWindows = [this.current, ...this.lastWindows.filter((w) => w !== this.current && w !== window)];
    }
    this.current = window;
  }
}

/** tmux's session_check_name: ':' and '.' are not allowed in session names and become '_'. */
export function sanitizeSessionName(name: string): string {
  return name.replace(/[:.]/g, '_');
}

/** The marked pane (select-pane -m), as tmux keeps it: the session and window it was marked in. */
export interface MarkedPane {
  session: Session;
  window: Window;
  pane: Pane;
}

export class Model {
  /** select-pane -m; valid only while its session still links its window and the window holds the pane (markedPane()). */
  marked: MarkedPane | undefined;
  readonly serverOptions = Options.defaults('server');
  readonly sessionOptions = Options.defaults('session');
  readonly windowOptions = Options.defaults('window');
  /** The global environment (set-environment -g); starts as the server's own. */
  readonly environment = new Map<string, string | null>();
  readonly sessions = new Map<number, Session>();
  readonly windows = new Map<number, Window>();
  readonly panes = new Map<number, Pane>();
  private nextSessionId = 0;
  private nextWindowId = 0;
  private nextPaneId = 0;

  /** Sessions sorted by name, as tmux lists them. */
  sessionList(): Session[] {
    return [...this.sessions.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  findSessionByName(name: string): Session | undefined {
    for (const s of this.sessions.values()) if (s.name === name) return s;
    return undefined;
  }

  createSession(name: string | undefined, cwd: string): Session {
    const id = this.nextSessionId++;
    const session = new Session(id, name ?? String(id), cwd, this.sessionOptions);
    this.sessions.set(id, session);
    return session;
  }

  /** The id the next session will get (so an unnamed session can be checked for a name clash first). */
  peekSessionId(): number {
    return this.nextSessionId;
  }

  createWindow(name: string, cols: number, rows: number): Window {
    const window = new Window(this.nextWindowId++, name, cols, rows, this.windowOptions);
    this.windows.set(window.id, window);
    return window;
  }

  allocatePaneId(): number {
    return this.nextPaneId++;
  }

  /**
   * Add a pane to its window: the first pane creates the window's layout; later ones must already
   * have a layout cell (layoutSplitPane) and are placed in the pane list as tmux places them.
   */
  addPane(pane: Pane, placement?: PanePlacement): void {
    this.panes.set(pane.id, pane);
    const window = pane.window;
    if (!window.layout) window.layout = layoutCreate(pane.id, window.cols, window.rows);
    if (placement && window.panes.length > 0) {
      const order = layoutPaneListInsert(window.panes.map((p) => p.id), placement.target.id, pane.id, placement);
      window.panes = order.map((id) => (id === pane.id ? pane : this.panes.get(id)!));
    } else {
      window.panes.push(pane);
    }
    if (!window.active) window.selectPane(pane);
  }

  /** Remove a pane; returns the window if it is now empty (the caller then removes it). */
  removePane(pane: Pane): Window | undefined {
    this.panes.delete(pane.id);
    const window = pane.window;
    const at = window.panes.indexOf(pane);
    const remaining = window.panes.filter((p) => p !== pane);
    // The last pane's cell goes with its window (tmux kills the window instead).
    if (remaining.length > 0 && window.layout) layoutClosePane(window.layout, pane.id);
    window.panes = remaining;
    if (window.lastPane === pane) window.lastPane = undefined;
    if (window.active === pane) {
      // tmux's window_lost_pane: the last pane, else the one before it in the list, else the one after.
      const next = window.lastPane ?? remaining[at - 1] ?? remaining[at];
      window.active = undefined;
      window.lastPane = undefined;
      if (next) window.selectPane(next);
    }
    return remaining.length === 0 ? window : undefined;
  }

  /** Sessions that link this window. */
  sessionsOf(window: Window): Session[] {
    return [...this.sessions.values()].filter((s) => s.indexOf(window) !== undefined);
  }

  /** Unlink a window from every session and forget it; returns sessions left with no windows. */
  removeWindow(window: Window): Session[] {
    this.windows.delete(window.id);
    const emptied: Session[] = [];
    for (const session of this.sessionsOf(window)) {
      const index = session.indexOf(window);
      if (index !== undefined) session.windows.delete(index);
      session.alerts.delete(window);
      session.lastWindows = session.lastWindows.filter((w) => w !== window);
      if (session.current === window) {
        session.current = session.lastWindows[0] ?? session.windowList()[0]?.window;
        session.lastWindows = session.lastWindows.filter((w) => w !== session.current);
      }
      if (session.windows.size === 0) emptied.push(session);
    }
    return emptied;
  }

  removeSession(session: Session): void {
    this.sessions.delete(session.id);
  }

  /** The marked pane if it is still where it was marked (tmux's server_check_marked), else undefined. */
  markedPane(): MarkedPane | undefined {
    const m = this.marked;
    if (!m) return undefined;
    if (!this.sessions.has(m.session.id) || m.session.indexOf(m.window) === undefined) return undefined;
    if (!this.panes.has(m.pane.id) || m.pane.window !== m.window || !m.window.panes.includes(m.pane)) return undefined;
    return m;
  }
}
