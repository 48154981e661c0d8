// Format variables: what `#{session_name}`, `#{pane_id}`, … mean for a (client, session, window,
// pane), as a table from name to value (tmux's format_table). `expandFor` expands a format for a
// command; `formatContextFor` is what the status line and every list command use.

import * as os from 'node:os';
import type { ClientApi, CommandContext, ServerApi } from './command';
import { expandFormat, type FormatContext } from '../format/expand';
import type { Pane, Session, Window } from '../model/model';
import { packageVersion } from '../version';
import { layoutPaneRect } from '../model/layout';
import { layoutDump, layoutDumpVisible } from '../model/layout-string';
import { ALERT_ACTIVITY, ALERT_BELL, ALERT_SILENCE, alertFlags, sessionAlerts, windowFlagString } from '../model/alerts';

export interface FormatTarget {
  client?: ClientApi;
  session?: Session;
  window?: Window;
  pane?: Pane;
}

type Variable = (server: ServerApi, t: FormatTarget) => string | number | boolean | undefined;

const seconds = (ms: number): number => Math.floor(ms / 1000);
const flag = (b: boolean): string => (b ? '1' : '0');

function windowIndex(t: FormatTarget): number | undefined {
  return t.session && t.window ? t.session.indexOf(t.window) : undefined;
}

/** tmux's window flags: # activity, ! bell, ~ silence, * current, - last, Z zoomed (model/alerts.ts). */
function windowFlags(server: ServerApi, t: FormatTarget, escape: boolean): string {
  const { session, window } = t;
  if (!session || !window) return '';
  const flags = windowFlagString(session, window, escape);
  if (!windowMarked(server, t)) return flags;
  // The marked flag goes before Z, as tmux prints them.
  return flags.endsWith('Z') ? flags.slice(0, -1) + 'MZ' : flags + 'M';
}

/** A winlink flag: '1'/'0' for a window in a session, undefined without one. */
function winlinkFlag(t: FormatTarget, test: (session: Session, window: Window, index: number) => boolean): string | undefined {
  const index = windowIndex(t);
  if (!t.session || !t.window || index === undefined) return undefined;
  return flag(test(t.session, t.window, index));
}

/** Number of sessions linking a window (tmux's window references). */
function linkCount(server: ServerApi, window: Window): number {
  let n = 0;
  for (const session of server.model.sessions.values()) for (const w of session.windows.values()) if (w === window) n++;
  return n;
}

/** Whether the marked pane (select-pane -m) was marked in this window of this session. */
function windowMarked(server: ServerApi, t: FormatTarget): boolean {
  const marked = server.model.markedPane();
  return marked !== undefined && marked.session === t.session && marked.window === t.window;
}

/** A pane's rectangle in its window (the whole window while it is zoomed). */
function paneRect(t: FormatTarget): { x: number; y: number; sx: number; sy: number } | undefined {
  const layout = t.window?.layout;
  if (!t.pane || !layout) return undefined;
  return layoutPaneRect(layout, t.pane.id);
}

function attachedCount(server: ServerApi, session: Session | undefined): number {
  return session ? server.clients().filter((c) => c.session === session).length : 0;
}

function paneIndex(t: FormatTarget): number | undefined {
  if (!t.pane || !t.window) return undefined;
  const i = t.window.panes.indexOf(t.pane);
  return i < 0 ? undefined : i + t.window.options.getNumber('pane-base-index');
}

function clientFlags(c: ClientApi): string {
  const flags = ['attached', 'focused'];
  if (c.identify.utf8) flags.push('UTF-8');
  return flags.join(',');
}

const VARIABLES: Record<string, Variable> = {
  // server
  host: () => os.hostname(),
  host_short: () => os.hostname().split('.')[0],
  pid: (s) => s.pid,
  socket_path: (s) => s.socketPath,
  start_time: (s) => seconds(s.startTime),
  uid: () => (process.getuid ? process.getuid() : 0),
  user: () => os.userInfo().username,
  version: () => packageVersion(),
  // session
  session_name: (_, t) => t.session?.name,
  session_id: (_, t) => (t.session ? `$${t.session.id}` : undefined),
  session_windows: (_, t) => t.session?.windows.size,
  session_created: (_, t) => (t.session ? seconds(t.session.created) : undefined),
  session_activity: (_, t) => (t.session ? seconds(t.session.activity) : undefined),
  session_attached: (s, t) => (t.session ? attachedCount(s, t.session) : undefined),
  session_many_attached: (s, t) => (t.session ? flag(attachedCount(s, t.session) > 1) : undefined),
  session_path: (_, t) => t.session?.cwd,
  session_grouped: (_, t) => (t.session ? '0' : undefined),
  session_group: () => '',
  session_format: (_, t) => flag(t.session !== undefined),
  // window
  window_id: (_, t) => (t.window ? `@${t.window.id}` : undefined),
  window_index: (_, t) => windowIndex(t),
  window_name: (_, t) => t.window?.name,
  window_active: (_, t) => (t.session && t.window ? flag(t.session.current === t.window) : undefined),
  window_flags: (s, t) => windowFlags(s, t, true),
  window_raw_flags: (s, t) => windowFlags(s, t, false),
  window_marked_flag: (s, t) => (t.session && t.window ? flag(windowMarked(s, t)) : undefined),
  window_activity_flag: (_, t) => winlinkFlag(t, (s, w) => (alertFlags(s, w) & ALERT_ACTIVITY) !== 0),
  window_bell_flag: (_, t) => winlinkFlag(t, (s, w) => (alertFlags(s, w) & ALERT_BELL) !== 0),
  window_silence_flag: (_, t) => winlinkFlag(t, (s, w) => (alertFlags(s, w) & ALERT_SILENCE) !== 0),
  window_start_flag: (_, t) => winlinkFlag(t, (s, _w, i) => i === Math.min(...s.windows.keys())),
  window_end_flag: (_, t) => winlinkFlag(t, (s, _w, i) => i === Math.max(...s.windows.keys())),
  window_linked: (s, t) => winlinkFlag(t, (_s, w) => linkCount(s, w) > 1),
  window_linked_sessions: (s, t) => (t.session && t.window ? linkCount(s, t.window) : undefined),
  window_active_sessions: (s, t) =>
    t.session && t.window ? [...s.model.sessions.values()].filter((x) => x.current === t.window).length : undefined,
  window_stack_index: (_, t) => {
    if (!t.session || !t.window) return undefined;
    return t.session.lastWindows.indexOf(t.window) + 1;
  },
  session_alerts: (_, t) => (t.session ? sessionAlerts(t.session) : undefined),
  session_stack: (_, t) => {
    const s = t.session;
    if (!s) return undefined;
    return [s.current, ...s.lastWindows].map((w) => (w ? s.indexOf(w) : undefined)).filter((i) => i !== undefined).join(',');
  },
  window_panes: (_, t) => t.window?.panes.length,
  window_width: (_, t) => t.window?.cols,
  window_height: (_, t) => t.window?.rows,
  window_last_flag: (_, t) => (t.session && t.window ? flag(t.session.lastWindows[0] === t.window) : undefined),
  window_zoomed_flag: (_, t) => (t.window ? flag(t.window.zoomed) : undefined),
  window_layout: (_, t) => (t.window?.layout ? layoutDump(t.window.layout) : undefined),
  window_visible_layout: (_, t) => (t.window?.layout ? layoutDumpVisible(t.window.layout) : undefined),
  window_bigger: () => '0',
  window_offset_x: () => '0',
  window_offset_y: () => '0',
  window_activity: (_, t) => (t.window ? seconds(t.window.activity) : undefined),
  window_format: (_, t) => flag(t.window !== undefined),
  // pane
  pane_id: (_, t) => (t.pane ? `%${t.pane.id}` : undefined),
  pane_index: (_, t) => paneIndex(t),
  pane_pid: (_, t) => t.pane?.process.pid,
  pane_tty: (_, t) => t.pane?.process.ttyName,
  pane_width: (_, t) => t.pane?.terminal.cols,
  pane_height: (_, t) => t.pane?.terminal.rows,
  pane_active: (_, t) => (t.pane && t.window ? flag(t.window.active === t.pane) : undefined),
  pane_dead: (_, t) => (t.pane ? flag(t.pane.dead) : undefined),
  pane_dead_status: (_, t) => (t.pane?.exitStatus && !t.pane.exitStatus.signal ? t.pane.exitStatus.exitCode : undefined),
  pane_dead_signal: (_, t) => (t.pane?.exitStatus?.signal ? t.pane.exitStatus.signal : undefined),
  pane_dead_time: (_, t) => (t.pane?.deadTime !== undefined ? seconds(t.pane.deadTime) : undefined),
  pane_input_off: (_, t) => (t.pane ? flag(t.pane.inputOff) : undefined),
  pane_marked: (s, t) => (t.pane ? flag(s.model.markedPane()?.pane === t.pane) : undefined),
  pane_marked_set: (s, t) => (t.pane ? flag(s.model.markedPane() !== undefined) : undefined),
  pane_title: (_, t) => (t.pane ? t.pane.title ?? (t.pane.terminal.title || os.hostname()) : undefined),
  pane_left: (_, t) => paneRect(t)?.x,
  pane_top: (_, t) => paneRect(t)?.y,
  pane_right: (_, t) => {
    const r = paneRect(t);
    return r && r.x + r.sx - 1;
  },
  pane_bottom: (_, t) => {
    const r = paneRect(t);
    return r && r.y + r.sy - 1;
  },
  pane_at_left: (_, t) => {
    const r = paneRect(t);
    return r && flag(r.x === 0);
  },
  pane_at_top: (_, t) => {
    // A pane status line on top puts the top panes one line down.
    const r = paneRect(t);
    return r && t.window && flag(r.y === (t.window.options.getString('pane-border-status') === 'top' ? 1 : 0));
  },
  pane_at_right: (_, t) => {
    const r = paneRect(t);
    return r && t.window && flag(r.x + r.sx >= t.window.cols);
  },
  pane_at_bottom: (_, t) => {
    const r = paneRect(t);
    return r && t.window && flag(r.y + r.sy >= t.window.rows - (t.window.options.getString('pane-border-status') === 'bottom' ? 1 : 0));
  },
  pane_last: (_, t) => (t.pane && t.window ? flag(t.window.lastPane === t.pane) : undefined),
  history_bytes: (_, t) => t.pane?.terminal.historyBytes(),
  pane_current_command: (_, t) => (t.pane && !t.pane.dead ? t.pane.process.foreground().command : undefined),
  pane_current_path: (_, t) => (t.pane && !t.pane.dead ? t.pane.process.foreground().cwd : undefined),
  pane_start_command: (_, t) => t.pane?.startCommand,
  pane_start_path: (_, t) => t.pane?.startCwd,
  pane_in_mode: (_, t) => (t.pane ? flag(t.pane.mode !== undefined) : undefined),
  pane_mode: (_, t) => (t.pane ? t.pane.mode?.name ?? '' : undefined),
  pane_format: (_, t) => flag(t.pane !== undefined),
  alternate_on: (_, t) => (t.pane ? flag(t.pane.terminal.alternateScreen) : undefined),
  cursor_x: (_, t) => t.pane?.terminal.cursor().x,
  cursor_y: (_, t) => t.pane?.terminal.cursor().y,
  history_size: (_, t) => t.pane?.terminal.historySize,
  history_limit: (s, t) => (t.pane ? (t.session?.options ?? s.model.sessionOptions).getNumber('history-limit') : undefined),
  // client
  client_name: (_, t) => t.client?.name,
  client_tty: (_, t) => t.client?.identify.ttyName,
  client_pid: (_, t) => t.client?.pid,
  client_width: (_, t) => t.client?.cols,
  client_height: (_, t) => t.client?.rows,
  client_termname: (_, t) => t.client?.identify.term,
  client_created: (_, t) => (t.client ? seconds(t.client.created) : undefined),
  client_activity: (_, t) => (t.client ? seconds(t.client.activity) : undefined),
  client_session: (_, t) => t.client?.session?.name,
  client_flags: (_, t) => (t.client ? clientFlags(t.client) : undefined),
  client_uid: (_, t) => (t.client ? (process.getuid ? process.getuid() : 0) : undefined),
  client_user: (_, t) => (t.client ? os.userInfo().username : undefined),
  client_utf8: (_, t) => (t.client ? flag(t.client.identify.utf8) : undefined),
};

/** Every format variable's name, sorted (display-message -a). */
export function formatVariableNames(): string[] {
  return Object.keys(VARIABLES).sort();
}

/** Fill in what a partial target implies: a session's current window, a window's active pane. */
function complete(t: FormatTarget): FormatTarget {
  const session = t.session ?? t.client?.session;
  const window = t.window ?? session?.current;
  const pane = t.pane ?? window?.active;
  return { client: t.client, session, window, pane };
}

/** What a context can do beyond looking things up: run `#()` jobs (only the status line does). */
export interface FormatHooks {
  shell?(command: string): string;
}

export function formatContextFor(server: ServerApi, target: FormatTarget, current?: boolean, hooks?: FormatHooks): FormatContext {
  const t = complete(target);
  const ctx: FormatContext = {
    current,
    shell: hooks?.shell,
    variable(name: string): string | undefined {
      const fn = VARIABLES[name];
      if (fn) {
        const v = fn(server, t);
        if (v === undefined) return undefined;
        return typeof v === 'boolean' ? flag(v) : String(v);
      }
      // Any option is also a variable: pane, then window, then session, then server.
      const options = t.pane?.options ?? t.window?.options;
      for (const scope of [options, t.session?.options ?? server.model.sessionOptions, server.model.serverOptions]) {
        const value = scope?.formatValue(name);
        if (value !== undefined) return value;
      }
      return undefined;
    },
    now: () => new Date(),
    sessions: () => server.model.sessionList().map((session) => formatContextFor(server, { client: t.client, session }, undefined, hooks)),
    clients: () =>
      server.clients().filter((c) => c.session).map((c) => formatContextFor(server, { client: c, session: c.session }, c === t.client, hooks)),
  };
  // Loops that have nothing to loop over are absent, so they fail as in tmux.
  const session = t.session;
  if (session) {
    ctx.windows = () =>
      session.windowList().map(({ window }) => formatContextFor(server, { client: t.client, session, window }, session.current === window, hooks));
  }
  const window = t.window;
  if (window) {
    ctx.panes = () =>
      window.panes.map((pane) => formatContextFor(server, { client: t.client, session, window, pane }, window.active === pane, hooks));
  }
  return ctx;
}

/** Expand a format for a command; `time` also runs it through strftime (display-message does). */
export function expandFor(ctx: CommandContext, template: string, target: FormatTarget, time = false): string {
  return expandFormat(template, formatContextFor(ctx.server, { client: ctx.client, ...target }), { time });
}

