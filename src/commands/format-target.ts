// Format variables: what `#{session_name}`, `#{pane_id}`, … mean for a (client, session, window,
// pane, paste buffer), as a table from name to value in tmux 3.3a's order (format.c's
// format_table; `display-message -a` lists it). `formatContextFor` is what the status line and
// every command use; `expandFor` expands a format for a command.
//
// As in tmux, a name is looked up as an option first (pane, window, session, server scopes), then
// in this table, then among the extra variables the caller gives (a hook's #{hook_pane}…), then in
// the session and global environment. A variable whose object is missing is undefined (expands to
// '' and is left out of display -a). The target also says what kind of format this is
// (session_format, window_format, pane_format are 1 only for the kind that was asked for), and a
// partial target is completed as tmux does: a client's session, a session's current window, a
// window's active pane; the paste buffer is the newest one unless one is given.

import * as os from 'node:os';
import type { ClientApi, CommandContext, ServerApi } from './command';
import { expandFormat, type FormatContext } from '../format/expand';
import { searchLines } from '../format/match';
import type { Pane, Session, Window } from '../model/model';
import { ALERT_ACTIVITY, ALERT_BELL, ALERT_SILENCE, alertFlags } from '../model/alerts';
import { bufferSample, type PasteBuffer } from '../model/paste-buffers';
import { quoteArgument } from '../cmdlang/parse';
import { packageVersion } from '../version';
import { layoutPaneRect } from '../model/layout';
import { layoutDump, layoutDumpVisible } from '../model/layout-string';

export interface FormatTarget {
  client?: ClientApi;
  session?: Session;
  window?: Window;
  /** The window's index in the session, when the window is linked more than once. */
  index?: number;
  pane?: Pane;
  buffer?: PasteBuffer;
}

/** What tmux calls the format's type: the most specific object the caller gave. */
type FormatType = 'pane' | 'window' | 'session' | 'unknown';

/** A completed target: the objects, the kind of format, and the server. */
interface Subject {
  server: ServerApi;
  type: FormatType;
  client?: ClientApi;
  session?: Session;
  window?: Window;
  index?: number;
  pane?: Pane;
  buffer?: PasteBuffer;
}

type Value = string | number | undefined;
type Variable = (t: Subject) => Value;

const seconds = (ms: number): number => Math.floor(ms / 1000);
const flag = (b: boolean): string => (b ? '1' : '0');
/** tmux prints an unset unsigned position as UINT_MAX. */
const UINT_MAX = 4294967295;

function attachedClients(t: Subject, session: Session): ClientApi[] {
  return t.server.clients().filter((c) => c.session === session);
}

/** A pane's rectangle in its window (the whole window while it is zoomed). */
function paneRect(t: Subject): { x: number; y: number; sx: number; sy: number } | undefined {
  const layout = t.window?.layout;
  if (!t.pane || !layout) return undefined;
  if (layout.zoomed === t.pane.id) return { x: 0, y: 0, sx: layout.root.sx, sy: layout.root.sy };
  return layoutPaneRect(layout, t.pane.id);
}

function paneIndex(t: Subject): number | undefined {
  if (!t.pane || !t.window) return undefined;
  const i = t.window.panes.indexOf(t.pane);
  return i < 0 ? undefined : i + t.window.options.getNumber('pane-base-index');
}

/** tmux's window flags: # activity, ! bell, ~ silence, * current, - last, M marked, Z zoomed. */
function windowFlags(t: Subject, escape: boolean): string | undefined {
  const { session, window } = t;
  if (!session || !window || t.index === undefined) return undefined;
  let flags = '';
  const alerts = windowAlerts(session, window);
  if (alerts.activity) flags += escape ? '##' : '#';
  if (alerts.bell) flags += '!';
  if (alerts.silence) flags += '~';
  if (session.current === window) flags += '*';
  else if (session.lastWindows[0] === window) flags += '-';
  if (isMarkedWindow(t, session, window)) flags += 'M';
  if (window.zoomed) flags += 'Z';
  return flags;
}

/** A window's alert flags in a session (monitor-activity, bell, silence; model/alerts.ts). */
function windowAlerts(session: Session, window: Window): { activity: boolean; bell: boolean; silence: boolean } {
  const a = alertFlags(session, window);
  return { activity: (a & ALERT_ACTIVITY) !== 0, bell: (a & ALERT_BELL) !== 0, silence: (a & ALERT_SILENCE) !== 0 };
}

/** The marked pane (select-pane -m), if it is this subject's. */
function isMarkedPane(t: Subject, pane: Pane): boolean {
  return t.server.model.markedPane()?.pane === pane;
}

function isMarkedWindow(t: Subject, session: Session, window: Window): boolean {
  const marked = t.server.model.markedPane();
  return marked !== undefined && marked.session === session && marked.window === window;
}

function sessionsLinking(t: Subject, window: Window): Session[] {
  return t.server.model.sessionList().filter((s) => s.indexOf(window) !== undefined);
}

function clientFlags(c: ClientApi): string {
  const flags = ['attached', 'focused'];
  if (c.identify.utf8) flags.push('UTF-8');
  return flags.join(',');
}

function paneState(t: Subject): ReturnType<Pane['terminal']['screenState']> | undefined {
  return t.pane?.terminal.screenState();
}

function onPane(fn: (pane: Pane, t: Subject) => Value): Variable {
  return (t) => (t.pane ? fn(t.pane, t) : undefined);
}

function onState(fn: (s: NonNullable<ReturnType<typeof paneState>>) => Value): Variable {
  return (t) => {
    const s = paneState(t);
    return s ? fn(s) : undefined;
  };
}

function onSession(fn: (session: Session, t: Subject) => Value): Variable {
  return (t) => (t.session ? fn(t.session, t) : undefined);
}

function onWinlink(fn: (session: Session, window: Window, index: number, t: Subject) => Value): Variable {
  return (t) => (t.session && t.window && t.index !== undefined ? fn(t.session, t.window, t.index, t) : undefined);
}

function onWindow(fn: (window: Window, t: Subject) => Value): Variable {
  return (t) => (t.window ? fn(t.window, t) : undefined);
}

function onClient(fn: (client: ClientApi, t: Subject) => Value): Variable {
  return (t) => (t.client ? fn(t.client, t) : undefined);
}

function onBuffer(fn: (buffer: PasteBuffer) => Value): Variable {
  return (t) => (t.buffer ? fn(t.buffer) : undefined);
}

/** tmux's default formats for the choose-* modes (shown by display -a). */
const BUFFER_MODE_FORMAT = '#{t/p:buffer_created}: #{buffer_sample}';
const CLIENT_MODE_FORMAT = '#{t/p:client_activity}: session #{session_name}';
const TREE_MODE_FORMAT =
  '#{?pane_format,#{?pane_marked,#[reverse],}#{pane_current_command}#{?pane_active,*,}#{?pane_marked,M,}' +
  '#{?#{&&:#{pane_title},#{!=:#{pane_title},#{host_short}}},: "#{pane_title}",},#{?window_format,' +
  '#{?window_marked_flag,#[reverse],}#{window_name}#{window_flags}#{?#{&&:#{==:#{window_panes},1},' +
  '#{&&:#{pane_title},#{!=:#{pane_title},#{host_short}}}},: "#{pane_title}",},#{session_windows} windows' +
  '#{?session_grouped, (group #{session_group}: #{session_group_list}),}#{?session_attached, (attached),}}}';

/** The variables, in tmux's (alphabetical) order. Times are seconds since the epoch. */
const VARIABLES: ReadonlyArray<readonly [string, Variable]> = [
  ['active_window_index', onSession((s) => (s.current ? s.indexOf(s.current) : undefined))],
  ['alternate_on', onPane((p) => flag(p.terminal.alternateScreen))],
  ['alternate_saved_x', onState((s) => s.alternateSaved?.x ?? UINT_MAX)],
  ['alternate_saved_y', onState((s) => s.alternateSaved?.y ?? UINT_MAX)],
  ['buffer_created', onBuffer((b) => b.created)],
  ['buffer_mode_format', () => BUFFER_MODE_FORMAT],
  ['buffer_name', onBuffer((b) => b.name)],
  ['buffer_sample', onBuffer((b) => bufferSample(b.data))],
  ['buffer_size', onBuffer((b) => b.data.length)],
  ['client_activity', onClient((c) => seconds(c.activity))],
  ['client_cell_height', () => undefined],
  ['client_cell_width', () => undefined],
  ['client_control_mode', onClient(() => '0')],
  ['client_created', onClient((c) => seconds(c.created))],
  ['client_discarded', onClient(() => 0)],
  ['client_flags', onClient((c) => clientFlags(c))],
  ['client_height', onClient((c) => c.rows)],
  ['client_key_table', onClient((c) => c.keyTable)],
  ['client_last_session', onClient((c, t) => (c.lastSession && t.server.model.sessions.has(c.lastSession.id) ? c.lastSession.name : undefined))],
  ['client_mode_format', () => CLIENT_MODE_FORMAT],
  ['client_name', onClient((c) => c.name)],
  ['client_pid', onClient((c) => c.pid)],
  ['client_prefix', onClient((c) => flag(c.keyTable !== 'root'))],
  ['client_readonly', onClient(() => '0')],
  ['client_session', onClient((c) => c.session?.name)],
  ['client_termfeatures', onClient(() => '')],
  ['client_termname', onClient((c) => c.identify.term)],
  ['client_termtype', onClient(() => '')],
  ['client_tty', onClient((c) => c.identify.ttyName)],
  ['client_uid', onClient(() => (process.getuid ? process.getuid() : 0))],
  ['client_user', onClient(() => os.userInfo().username)],
  ['client_utf8', onClient((c) => flag(c.identify.utf8))],
  ['client_width', onClient((c) => c.cols)],
  ['client_written', onClient(() => 0)],
  ['config_files', () => ''],
  ['cursor_character', onState((s) => s.cursorCharacter)],
  ['cursor_flag', onState((s) => flag(s.cursorVisible))],
  ['cursor_x', onPane((p) => p.terminal.cursor().x)],
  ['cursor_y', onPane((p) => p.terminal.cursor().y)],
  ['history_all_bytes', onPane((p) => {
    const lines = p.terminal.historySize + p.terminal.rows;
    const bytes = p.terminal.historyBytes();
    return `${lines},${lines * 16},${bytes},${bytes * 8},0,0`;
  })],
  ['history_bytes', onPane((p) => p.terminal.historyBytes())],
  ['history_limit', onPane((p, t) => (t.session?.options ?? t.server.model.sessionOptions).getNumber('history-limit'))],
  ['history_size', onPane((p) => p.terminal.historySize)],
  ['host', () => os.hostname()],
  ['host_short', () => os.hostname().split('.')[0]],
  ['insert_flag', onState((s) => flag(s.insert))],
  ['keypad_cursor_flag', onState((s) => flag(s.keypadCursor))],
  ['keypad_flag', onState((s) => flag(s.keypad))],
  ['last_window_index', onSession((s) => {
    const list = s.windowList();
    return list.length > 0 ? list[list.length - 1].index : undefined;
  })],
  ['mouse_all_flag', onState((s) => flag(s.mouseAll))],
  ['mouse_any_flag', onState((s) => flag(s.mouseStandard || s.mouseButton || s.mouseAll))],
  ['mouse_button_flag', onState((s) => flag(s.mouseButton))],
  ['mouse_line', () => undefined],
  ['mouse_pane', () => undefined],
  ['mouse_sgr_flag', onState((s) => flag(s.mouseSgr))],
  ['mouse_standard_flag', onState((s) => flag(s.mouseStandard))],
  ['mouse_utf8_flag', onState((s) => flag(s.mouseUtf8))],
  ['mouse_word', () => undefined],
  ['mouse_x', () => undefined],
  ['mouse_y', () => undefined],
  ['next_session_id', (t) => `$${t.server.model.peekSessionId()}`],
  ['origin_flag', onState((s) => flag(s.origin))],
  ['pane_active', onPane((p, t) => flag(t.window?.active === p))],
  ['pane_at_bottom', (t) => {
    const r = paneRect(t);
    return r && t.window && flag(r.y + r.sy === t.window.rows);
  }],
  ['pane_at_left', (t) => {
    const r = paneRect(t);
    return r && flag(r.x === 0);
  }],
  ['pane_at_right', (t) => {
    const r = paneRect(t);
    return r && t.window && flag(r.x + r.sx === t.window.cols);
  }],
  ['pane_at_top', (t) => {
    const r = paneRect(t);
    if (!r || !t.window) return undefined;
    const status = t.window.options.getString('pane-border-status');
    return flag(r.y === (status === 'top' ? 1 : 0));
  }],
  ['pane_bg', onPane(() => 'default')],
  ['pane_bottom', (t) => {
    const r = paneRect(t);
    return r && r.y + r.sy - 1;
  }],
  ['pane_current_command', onPane((p) => (p.dead ? undefined : p.process.foreground().command))],
  ['pane_current_path', onPane((p) => (p.dead ? undefined : p.process.foreground().cwd))],
  ['pane_dead', onPane((p) => flag(p.dead))],
  ['pane_dead_signal', onPane((p) => (p.exitStatus && p.exitStatus.signal !== 0 ? signalName(p.exitStatus.signal) : undefined))],
  ['pane_dead_status', onPane((p) => (p.exitStatus && p.exitStatus.signal === 0 ? p.exitStatus.exitCode : undefined))],
  ['pane_dead_time', onPane((p) => (p.deadTime === undefined ? undefined : seconds(p.deadTime)))],
  ['pane_fg', onPane(() => 'default')],
  ['pane_format', (t) => flag(t.type === 'pane')],
  ['pane_height', onPane((p) => p.terminal.rows)],
  ['pane_id', onPane((p) => `%${p.id}`)],
  ['pane_in_mode', onPane((p) => flag(p.mode !== undefined))],
  ['pane_index', (t) => paneIndex(t)],
  ['pane_input_off', onPane((p) => flag(p.inputOff))],
  ['pane_last', onPane((p, t) => flag(t.window?.lastPane === p))],
  ['pane_left', (t) => paneRect(t)?.x],
  ['pane_marked', onPane((p, t) => flag(isMarkedPane(t, p)))],
  ['pane_marked_set', onPane((_p, t) => flag(t.server.model.markedPane() !== undefined))],
  ['pane_mode', onPane((p) => p.mode?.name)],
  ['pane_path', onState((s) => s.path)],
  ['pane_pid', onPane((p) => p.process.pid)],
  ['pane_pipe', onPane((p, t) => flag(t.server.isPanePiped(p)))],
  ['pane_right', (t) => {
    const r = paneRect(t);
    return r && r.x + r.sx - 1;
  }],
  ['pane_search_string', onPane(() => '')],
  ['pane_start_command', onPane((p) => p.startArgv.map(quoteArgument).join(' '))],
  ['pane_start_path', onPane((p) => p.startCwd)],
  ['pane_synchronized', onPane((p) => flag(p.options.getFlag('synchronize-panes')))],
  ['pane_tabs', onState((s) => (s.tabs.length > 0 ? s.tabs.join(',') : undefined))],
  ['pane_title', onPane((p) => p.title ?? (p.terminal.title || os.hostname()))],
  ['pane_top', (t) => paneRect(t)?.y],
  ['pane_tty', onPane((p) => p.process.ttyName)],
  ['pane_width', onPane((p) => p.terminal.cols)],
  ['pid', (t) => t.server.pid],
  ['scroll_region_lower', onState((s) => s.scrollBottom)],
  ['scroll_region_upper', onState((s) => s.scrollTop)],
  ['session_activity', onSession((s) => seconds(s.activity))],
  ['session_alerts', onSession((s) =>
    s.windowList()
      .map(({ index, window }) => {
        const a = windowAlerts(s, window);
        return a.activity || a.bell || a.silence ? `${index}${a.activity ? '#' : ''}${a.bell ? '!' : ''}${a.silence ? '~' : ''}` : '';
      })
      .filter((x) => x !== '')
      .join(','))],
  ['session_attached', onSession((s, t) => attachedClients(t, s).length)],
  ['session_attached_list', onSession((s, t) => attachedClients(t, s).map((c) => c.name).join(',') || undefined)],
  ['session_created', onSession((s) => seconds(s.created))],
  ['session_format', (t) => flag(t.type === 'session')],
  ['session_group', () => undefined],
  ['session_group_attached', () => undefined],
  ['session_group_attached_list', () => undefined],
  ['session_group_list', () => undefined],
  ['session_group_many_attached', () => undefined],
  ['session_group_size', () => undefined],
  ['session_grouped', onSession(() => '0')],
  ['session_id', onSession((s) => `$${s.id}`)],
  ['session_last_attached', onSession((s) => (s.lastAttached === undefined ? 0 : seconds(s.lastAttached)))],
  ['session_many_attached', onSession((s, t) => flag(attachedClients(t, s).length > 1))],
  ['session_marked', onSession((s, t) => flag(t.server.model.markedPane()?.session === s))],
  ['session_name', onSession((s) => s.name)],
  ['session_path', onSession((s) => s.cwd)],
  ['session_stack', onSession((s) => {
    if (!s.current) return undefined;
    return [s.current, ...s.lastWindows].map((w) => s.indexOf(w)).filter((i) => i !== undefined).join(',');
  })],
  ['session_windows', onSession((s) => s.windows.size)],
  ['socket_path', (t) => t.server.socketPath],
  ['start_time', (t) => seconds(t.server.startTime)],
  ['tree_mode_format', () => TREE_MODE_FORMAT],
  ['uid', () => (process.getuid ? process.getuid() : 0)],
  ['user', () => os.userInfo().username],
  ['version', () => packageVersion()],
  ['window_active', onWinlink((s, w) => flag(s.current === w))],
  ['window_active_clients', onWinlink((_s, w, _i, t) => t.server.clients().filter((c) => c.session?.current === w).length)],
  ['window_active_clients_list', onWinlink((_s, w, _i, t) =>
    t.server.clients().filter((c) => c.session?.current === w).map((c) => c.name).join(',') || undefined)],
  ['window_active_sessions', onWinlink((_s, w, _i, t) => sessionsLinking(t, w).filter((s) => s.current === w).length)],
  ['window_active_sessions_list', onWinlink((_s, w, _i, t) =>
    sessionsLinking(t, w).filter((s) => s.current === w).map((s) => s.name).join(',') || undefined)],
  ['window_activity', onWindow((w) => seconds(w.activity))],
  ['window_activity_flag', onWinlink((s, w) => flag(windowAlerts(s, w).activity))],
  ['window_bell_flag', onWinlink((s, w) => flag(windowAlerts(s, w).bell))],
  ['window_bigger', onClient(() => '0')],
  ['window_cell_height', onWindow(() => 32)],
  ['window_cell_width', onWindow(() => 16)],
  ['window_end_flag', onWinlink((s, _w, i) => {
    const list = s.windowList();
    return flag(list.length > 0 && list[list.length - 1].index === i);
  })],
  ['window_flags', (t) => windowFlags(t, true)],
  ['window_format', (t) => flag(t.type === 'window')],
  ['window_height', onWindow((w) => w.rows)],
  ['window_id', onWindow((w) => `@${w.id}`)],
  ['window_index', onWinlink((_s, _w, i) => i)],
  ['window_last_flag', onWinlink((s, w) => flag(s.lastWindows[0] === w))],
  ['window_layout', onWindow((w) => (w.layout ? layoutDump(w.layout) : undefined))],
  ['window_linked', onWinlink((_s, w, _i, t) => flag(sessionsLinking(t, w).length > 1))],
  ['window_linked_sessions', onWinlink((_s, w, _i, t) => sessionsLinking(t, w).length)],
  ['window_linked_sessions_list', onWinlink((_s, w, _i, t) => sessionsLinking(t, w).map((s) => s.name).join(',') || undefined)],
  ['window_marked_flag', onWinlink((s, w, _i, t) => flag(isMarkedWindow(t, s, w)))],
  ['window_name', onWindow((w) => w.name)],
  ['window_offset_x', onClient(() => undefined)],
  ['window_offset_y', onClient(() => undefined)],
  ['window_panes', onWindow((w) => w.panes.length)],
  ['window_raw_flags', (t) => windowFlags(t, false)],
  ['window_silence_flag', onWinlink((s, w) => flag(windowAlerts(s, w).silence))],
  ['window_stack_index', onWinlink((s, w) => {
    const at = s.lastWindows.indexOf(w);
    return at < 0 ? 0 : at + 1;
  })],
  ['window_start_flag', onWinlink((s, _w, i) => flag(s.windowList()[0]?.index === i))],
  ['window_visible_layout', onWindow((w) => (w.layout ? layoutDumpVisible(w.layout) : undefined))],
  ['window_width', onWindow((w) => w.cols)],
  ['window_zoomed_flag', onWindow((w) => flag(w.zoomed))],
  ['wrap_flag', onState((s) => flag(s.wrap))],
];

const BY_NAME = new Map(VARIABLES);

/** Names of every format variable tsmux defines, in tmux's order. */
export const FORMAT_VARIABLES: readonly string[] = VARIABLES.map(([name]) => name);

const SIGNALS: Readonly<Record<number, string>> = {
  1: 'HUP', 2: 'INT', 3: 'QUIT', 4: 'ILL', 5: 'TRAP', 6: 'ABRT', 7: 'BUS', 8: 'FPE', 9: 'KILL', 10: 'USR1', 11: 'SEGV',
  12: 'USR2', 13: 'PIPE', 14: 'ALRM', 15: 'TERM',
};

function signalName(n: number): string {
  return SIGNALS[n] ?? String(n);
}

/** Fill in what a partial target implies (tmux's format_defaults), and note the format's type. */
function complete(server: ServerApi, target: FormatTarget): Subject {
  const type: FormatType = target.pane ? 'pane' : target.window ? 'window' : target.session ? 'session' : 'unknown';
  const session = target.session ?? target.client?.session;
  const window = target.window ?? session?.current;
  const index = window && session ? target.index ?? session.indexOf(window) : undefined;
  const pane = target.pane ?? window?.active;
  return { server, type, client: target.client, session, window, index, pane, buffer: target.buffer ?? server.buffers?.top() };
}

function stringOf(v: Value): string | undefined {
  return v === undefined ? undefined : String(v);
}

/** The value of one variable, or undefined. */
function lookup(t: Subject, name: string, extra: Readonly<Record<string, string>> | undefined): string | undefined {
  // Options first, from the pane out to the server, as tmux's format_find.
  const scopes = [t.pane?.options ?? t.window?.options ?? t.server.model.windowOptions, t.session?.options ?? t.server.model.sessionOptions, t.server.model.serverOptions];
  for (const scope of scopes) {
    const value = scope.get(name);
    // Flag options are 1/0 in formats, as in tmux (so #{?synchronize-panes,…} tests them).
    if (typeof value === 'boolean') return value ? '1' : '0';
    if (value !== undefined) return scope.getString(name);
  }
  const fn = BY_NAME.get(name);
  if (fn) return stringOf(fn(t));
  if (extra && name in extra) return extra[name];
  const env = t.session?.environment.get(name);
  if (env !== undefined) return env ?? undefined;
  return t.server.model.environment.get(name) ?? undefined;
}

/** What a format context may offer beyond variables: `#()` output (the status line runs the jobs). */
export interface FormatHooks {
  shell?(command: string): string;
}

export function formatContextFor(
  server: ServerApi, target: FormatTarget, current?: boolean, extra?: Readonly<Record<string, string>>, hooks?: FormatHooks,
): FormatContext {
  const t = complete(server, target);
  const child = (sub: FormatTarget, isCurrent?: boolean): FormatContext => formatContextFor(server, sub, isCurrent, extra, hooks);
  const ctx: FormatContext = {
    current,
    variable: (name) => lookup(t, name, extra),
    now: () => new Date(),
    sessions: () => server.model.sessionList().map((session) => child({ client: t.client, session })),
    clients: () => server.clients().filter((c) => c.session).map((c) => child({ client: c, session: c.session }, c === t.client)),
  };
  if (hooks?.shell) ctx.shell = hooks.shell;
  // Loops that have nothing to loop over are absent, so they fail as in tmux.
  const session = t.session;
  if (session) {
    ctx.windows = () =>
      session.windowList().map(({ window, index }) => child({ client: t.client, session, window, index }, session.current === window));
  }
  const window = t.window;
  if (window) {
    ctx.panes = () => window.panes.map((pane) => child({ client: t.client, session, window, index: t.index, pane }, window.active === pane));
  }
  const pane = t.pane;
  if (pane) {
    ctx.searchPane = (pattern, regex, ignoreCase) => searchLines(pane.terminal.screenLines(), pattern, regex, ignoreCase);
  }
  return ctx;
}

/** Every variable with a value for this target, as `display-message -a` lists them. */
export function formatVariables(server: ServerApi, target: FormatTarget): Array<[string, string]> {
  const t = complete(server, target);
  const out: Array<[string, string]> = [];
  for (const [name, fn] of VARIABLES) {
    const v = stringOf(fn(t));
    if (v !== undefined) out.push([name, v]);
  }
  return out;
}

/**
 * Expand a format for a command; `time` also runs it through strftime (display-message does). The
 * command's extra variables (a hook's) are included. No client is assumed: pass one in the target
 * when the format is about a client (tmux fills client_* only for those).
 */
export function expandFor(ctx: CommandContext, template: string, target: FormatTarget, time = false): string {
  // Unless the caller says which client the format describes, it is the issuing one (a prompt or a
  // confirmation from a key binding then sees that client's session, window and pane).
  const where = 'client' in target ? target : { client: ctx.client, ...target };
  return expandFormat(template, formatContextFor(ctx.server, where, undefined, ctx.formats), { time });
}

/**
 * The client a format about `session` should describe (tmux's cmd_find_best_client): the most
 * recently active client attached to it, else (no client on it) the most recently active attached
 * client anywhere.
 */
export function bestClient(server: ServerApi, session: Session | undefined): ClientApi | undefined {
  const attached = server.clients().filter((c) => c.session !== undefined);
  const on = session ? attached.filter((c) => c.session === session) : [];
  const pool = on.length > 0 ? on : attached;
  let best: ClientApi | undefined;
  for (const c of pool) if (!best || c.activity > best.activity) best = c;
  return best;
}
