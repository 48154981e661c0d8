// What a command is: a frozen table entry (name, alias, getopt flags, argument counts, usage, target
// kind) plus an exec function that receives already-parsed arguments and an already-resolved
// target. Commands reach the server only through the ServerApi and ClientApi interfaces below, so a
// command never writes to a socket and never knows how clients are connected.

import type { ArgumentKind, ParsedArgs } from '../cmdlang/args';
import type { Arg, ParsedCommand } from '../cmdlang/parse';
import type { KeyTables } from './key-tables';
import type { HookStore } from '../options/hooks';
import type { PasteBuffers } from '../model/paste-buffers';
import type { Model, Pane, Session, Window } from '../model/model';
import type { LayoutDirection, SizeSpec } from '../model/layout';
import type { Origin, Resolved, TargetKind } from '../model/target';
import type { Identify } from '../protocol/messages';
import type { WaitChannels } from './wait-for';
import type { FrameView } from '../render/compose';
import type { PaneMode } from '../model/model';
import type { MessageLog } from './show-messages';

/**
 * Something a client shows over its session and that takes its keys first: the command prompt,
 * confirm-before, display-panes. One at a time per client.
 */
export interface ClientOverlay {
  /** What it is, for commands that must not stack one on another ('prompt' for the command prompt). */
  readonly kind?: string;
  /** A key typed by the client; true if the overlay used it (false lets it go on as usual). */
  key(key: number): boolean;
  /** Draw over the frame the client would otherwise see (e.g. replace the status line). */
  decorate(view: FrameView): void;
  /** Called when the overlay is removed or replaced by another (optional). */
  closed?(): void;
}

/** An error with an empty message fails the command without printing anything (unbind -q). */
export type CommandResult = void | { error: string };

/** tmux's prompt types: each keeps its own history; completion differs. */
export type PromptType = 'command' | 'search' | 'target' | 'window-target';

/** A prompt on the status line (command-prompt, confirm-before), tmux's status_prompt_set. */
export interface PromptOptions {
  /** The prompt text, already expanded (it may hold #[styles]). */
  prompt: string;
  /** The initial input (or, for an incremental prompt, the last search). */
  input: string;
  type: PromptType;
  /** -1: the first key typed completes it. */
  single?: boolean;
  /** -N: only digits; any other key completes it and is then handled as usual. */
  numeric?: boolean;
  /** -k: the name of the next key typed is the answer. */
  key?: boolean;
  /** -i: the callback sees every change (prefixed '=', '+' or '-') before Enter. */
  incremental?: boolean;
  /**
   * The answer: undefined if cancelled (Escape, C-c). `done` is false only for incremental
   * changes. Return false to close the prompt, true to keep it, or a new prompt and input to show
   * next (several -p prompts).
   */
  callback(answer: string | undefined, done: boolean): boolean | { prompt: string; input: string };
}

export interface TargetSpec {
  /** The flag naming the target: usually 't', sometimes 's'. */
  flag: string;
  kind: TargetKind;
  /** Resolution failure is not an error: exec gets `target` undefined and decides. */
  canFail?: boolean;
}

export interface CommandEntry {
  readonly name: string;
  readonly alias?: string;
  /** Flags in tmux's getopt form: a letter, ':' after a letter that takes a value. */
  readonly flags: string;
  readonly min: number;
  /** -1: no limit. */
  readonly max: number;
  readonly usage: string;
  readonly target?: TargetSpec;
  /** Which positional arguments may be `{ }` blocks (tmux's args_parse_cb); default: none. */
  argumentKind?(index: number, previous: readonly Arg[], has: (flag: string) => boolean): ArgumentKind;
  exec(ctx: CommandContext): CommandResult | Promise<CommandResult>;
}

/** Commands to run: argv lists, or parsed commands that remember their file, line and group. */
export type CommandList = ReadonlyArray<readonly Arg[] | ParsedCommand>;

/** A connected client as commands see it. */
export interface ClientApi {
  /** tmux's client name: its tty path. */
  readonly name: string;
  readonly identify: Identify;
  readonly pid: number;
  /** The session it is attached to, if any. */
  readonly session: Session | undefined;
  readonly cols: number;
  readonly rows: number;
  readonly created: number;
  readonly activity: number;
  /** Show a message on its status line (for display-time unless opts.delay says otherwise). */
  showMessage(text: string, opts?: MessageOptions): void;
  /** Ring the bell of its terminal (an alert with visual-bell off). */
  ringBell(): void;
  /** The overlay it shows, if any. */
  readonly overlay: ClientOverlay | undefined;
  /** Show an overlay (or remove it with undefined) and redraw. */
  setOverlay(overlay: ClientOverlay | undefined): void;
  /** The key table its next key is looked up in ('root', 'prefix', or a table from switch-client -T). */
  keyTable: string;
  /** Show a prompt on its status line (replacing any prompt already shown). */
  showPrompt(options: PromptOptions): void;
  /** The session it was attached to before this one (switch-client -l, #{client_last_session}). */
  lastSession: Session | undefined;
  /** Draw it again from scratch (refresh-client); `statusOnly`: just the status line. */
  redraw(statusOnly: boolean): void;
  /** Whether it is a control client (-C). */
  readonly isControl: boolean;
  /** refresh-client -C: a control client's size (it sizes windows from then on). */
  setControlSize(cols: number, rows: number): void;
}

export interface MessageOptions {
  /** How long to show it, in ms; 0 until a key is pressed. Default: the display-time option. */
  delay?: number;
  /** Keys do not dismiss it (display-message -N); they are ignored while it shows. */
  ignoreKeys?: boolean;
  /** Draw it as plain text rather than interpreting `#[…]` styles (alerts, errors). */
  ignoreStyles?: boolean;
}

export interface NewSessionOptions {
  name?: string;
  cwd: string;
  /** The first window's size. */
  cols: number;
  rows: number;
  windowName?: string;
  /** A shell command (one string, run with `default-shell -c`) or an argv. */
  command?: string[];
  /** Extra environment for the first pane (-e). */
  environment: Record<string, string>;
  /** The environment of the client that asked (update-environment is taken from it); undefined: none (-E). */
  clientEnvironment?: Record<string, string>;
}

export type NewSessionResult = { ok: true; session: Session } | { ok: false; error: string };

export interface NewWindowOptions {
  /** Window index; default the first free one from base-index. */
  index?: number;
  name?: string;
  cwd?: string;
  command?: string[];
  environment?: Record<string, string>;
  /** Do not make it the current window (-d). */
  detached?: boolean;
  cols?: number;
  rows?: number;
}

export type NewWindowResult = { ok: true; window: Window; pane: Pane } | { ok: false; error: string };

export interface SplitPaneOptions {
  /** 'leftright' for -h, 'topbottom' for -v. */
  direction: LayoutDirection;
  size?: SizeSpec;
  before?: boolean;
  fullSize?: boolean;
  cwd?: string;
  command?: string[];
  environment?: Record<string, string>;
  detached?: boolean;
}

export type SplitPaneResult = { ok: true; pane: Pane } | { ok: false; error: string };

export interface RespawnPaneOptions {
  /** Start directory (-c); default the pane's own. */
  cwd?: string;
  /** A new command (one string run with the shell, or an argv); default the pane's previous one. */
  command?: string[];
  /** Extra environment (-e). */
  environment?: Record<string, string>;
  /** Kill a program that is still running (-k) rather than refusing. */
  kill?: boolean;
}

/** respawn-window takes what respawn-pane takes. */
export type RespawnOptions = RespawnPaneOptions;

export interface LinkWindowOptions {
  /** Replace a window already at the index (-k); otherwise that is an error. */
  kill?: boolean;
  /** Make it the session's current window (not -d). */
  select?: boolean;
}

export type LinkWindowResult = { ok: true; index: number } | { ok: false; error: string };

export interface ServerApi {
  readonly model: Model;
  readonly socketPath: string;
  readonly pid: number;
  readonly startTime: number;
  /** wait-for channels. */
  readonly channels: WaitChannels;
  /** The message log (show-messages). */
  readonly messages: MessageLog;
  /** The `#()` commands running for status lines (show-messages -J). */
  runningJobs(): Array<{ command: string; pid: number }>;
  clients(): ClientApi[];
  createSession(opts: NewSessionOptions): NewSessionResult;
  killSession(session: Session): void;
  createWindow(session: Session, opts: NewWindowOptions): NewWindowResult;
  splitPane(target: Pane, opts: SplitPaneOptions): SplitPaneResult;
  /** Kill a pane; the last pane of a window kills the window. */
  killPane(pane: Pane): void;
  /** Kill a window everywhere it is linked; emptied sessions are destroyed. */
  killWindow(window: Window): void;
  /** Make a window current in a session (resizes and redraws). */
  selectWindow(session: Session, window: Window): void;
  /** Make a pane its window's active pane (and redraw). */
  selectPane(pane: Pane): void;
  /** After changing a window's layout: resize every pane to its cell and redraw. */
  applyLayout(window: Window): void;
  /** After adding, removing or moving windows of a session (renumber-windows, redraw). */
  sessionWindowsChanged(session: Session): void;
  renumberWindows(session: Session): void;
  /**
   * Link a window into a session at `index` (default: the first free index from base-index), as
   * link-window and move-window do. The window may already be linked elsewhere.
   */
  linkWindow(window: Window, session: Session, index: number | undefined, opts: LinkWindowOptions): LinkWindowResult;
  /**
   * Unlink the window at `index` from a session (unlink-window, the source of move-window): another
   * window becomes current if it was; an emptied session is destroyed; a window linked nowhere any
   * more is killed.
   */
  unlinkWindow(session: Session, index: number): void;
  /** respawn-window: keep only the first pane, fill the window with it and start it again. */
  respawnWindow(window: Window, opts: RespawnOptions): { ok: true } | { ok: false; error: string };
  /**
   * An option changed (set-option should call this, as tmux's options_push_changes): timers and
   * alerts follow, sizes are recomputed and every client redrawn.
   */
  optionChanged(name: string): void;
  killServer(): void;
  /** Attach (or switch) a client to a session; the client shows it after the command finishes. */
  attachClient(client: ClientApi, session: Session): void;
  /** Detach a client; `hangup` also sends SIGHUP to its parent process (detach -P). */
  detachClient(client: ClientApi, hangup?: boolean): void;
  /** Redraw every client showing this session (after a rename, a window change…). */
  redrawSession(session: Session): void;
  /** Show a mode in a pane instead of its program's screen (undefined: back to the program). */
  setPaneMode(pane: Pane, mode: PaneMode | undefined): void;
  /** Send a key, by tmux key name, to a pane as if it was typed (encoded for the pane's modes). */
  sendKey(pane: Pane, keyName: string): void;
  /** Whether a tty path is one of this server's panes (for the nesting check). */
  isPaneTty(ttyName: string): boolean;
  /** Start a new program in a pane (respawn-pane); a live one is refused (tmux's error) unless `kill`. */
  respawnPane(pane: Pane, opts: RespawnPaneOptions): { ok: true } | { ok: false; error: string };
  /** After a layout changed its size (select-layout): the window takes it, then is fitted to its clients again. */
  fitWindow(window: Window): void;
  /** Run commands as a key binding of `client` would (display-panes' template); errors show on its status line. */
  runClientCommands(client: ClientApi, commands: string[][]): Promise<void>;
  /** Key tables: bind-key, unbind-key, list-keys, and the keys clients type. */
  readonly keyTables: KeyTables;
  /** An option was set or unset: apply it at once where tmux does (redraw, sizes, key tables…). */
  optionChanged(name: string): void;
  /**
   * Run commands for an attached client later, as a key binding does (the command prompt,
   * confirm-before): errors show on its status line, output in view mode in its active pane.
   */
  runForClient(client: ClientApi, commands: CommandList): Promise<void>;
  /** Paste buffers. */
  readonly buffers: PasteBuffers;
  /** pipe-pane: pipe a pane to and/or from a shell command, or (command undefined) stop. */
  pipePane(pane: Pane, command: string | undefined, opts: { input: boolean; output: boolean }): CommandResult;
  /** The environment shell commands run with (run-shell, if-shell): global, then the session's, TERM and TSMUX. */
  jobEnvironment(session: Session | undefined): Record<string, string>;
  /** Whether a key table exists (switch-client -T). */
  keyTableExists(name: string): boolean;
  /** Whether a pane has a pipe-pane open. */
  isPanePiped(pane: Pane): boolean;
  /** set-hook's store; hooks run through notify() and after commands. */
  readonly hooks: HookStore;
  /**
   * Something happened (tmux's notify_*: 'session-created', 'window-linked', 'pane-exited'…): run
   * its hooks, after the running commands, with no client.
   */
  notify(name: string, subject: NotifySubject): void;
}

/** What a notification is about (becomes #{hook_session}, #{hook_window}, … in its hooks). */
export interface NotifySubject {
  client?: ClientApi;
  session?: Session;
  window?: Window;
  pane?: Pane;
}

export interface CommandContext {
  readonly args: ParsedArgs;
  /** The resolved -t/-s target (undefined only when the entry allows failure or has no target). */
  readonly target: Resolved | undefined;
  readonly server: ServerApi;
  /** The client that issued the command (a command-line client, or an attached one for key bindings). */
  readonly client: ClientApi | undefined;
  /** Where the command runs from (what "current" means for targets it resolves itself). */
  readonly origin: Origin;
  /** Write a line to the issuing client's stdout. */
  print(line: string): void;
  /**
   * Report an error without failing here (source-file's errors inside a file): with no client it
   * is an error of the configuration; a client sees it as output, as tmux prints such causes.
   */
  error(line: string): void;
  /** The same arguments as `args`, with any `{ }` blocks the entry's argumentKind allowed. */
  readonly rawArgs: ParsedArgs<Arg>;
  /**
   * Run more commands as part of this one (source-file): same client, origin and output. With
   * `groups`, a failing command skips only the rest of its group, as in a file. Resolves true if
   * none failed.
   */
  run(commands: CommandList, options?: { groups?: boolean }): Promise<boolean>;
  /** Extra format variables from whoever queued this command (a hook's #{hook}, #{hook_pane}…). */
  readonly formats?: Readonly<Record<string, string>>;
  /** Write bytes unchanged to the issuing client's stdout (1) or stderr (2). */
  write(stream: 1 | 2, data: Uint8Array): void;
  /** Read the issuing client's stdin to its end (load-buffer -). */
  readStdin(): Promise<Uint8Array | { error: string }>;
  /**
   * Run commands now, before the commands after this one (tmux's cmdq_insert_after), for the same
   * client; a failure among them sets the exit status but does not stop this command's list.
   */
  runCommands(commands: readonly ParsedCommand[], options?: { origin?: Origin; formats?: Record<string, string>; noHooks?: boolean }): Promise<void>;
  /** Set the issuing client's exit status (run-shell gives its program's). */
  setExitStatus(code: number): void;
  /** Report an error as tmux's cmdq_error does (stderr, exit status 1) without failing this command. */
  error(message: string): void;
  /**
   * Make `target` current for the commands after this one in its list (tmux: new-window,
   * split-window and select-* move the queue's current target to what they made or chose).
   */
  setCurrent(target: Resolved): void;
  /** The target this command's after-<command> hook runs with (default: its -t target). */
  setHookTarget(target: Resolved): void;
}

/** Freeze a command's table entry (with its type checked against CommandEntry). */
export function defineCommand(entry: CommandEntry): CommandEntry {
  return Object.freeze(entry);
}
