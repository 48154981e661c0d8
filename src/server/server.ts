// The server: owns the model (sessions, windows, panes), the listening socket and every connected
// client. It turns client messages into command runs, input into keys for panes, and pane output
// into frames for the clients that show it. It implements ServerApi for the commands.
//
// Lifecycle: one server per socket; it exits when its last session is gone (exit-empty), after
// telling every client why. A client vanishing at any moment only removes that client.

import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import type {
  ClientApi, CommandList, CommandResult, LinkWindowOptions, LinkWindowResult, NewSessionOptions, NewSessionResult,
  NewWindowOptions, NewWindowResult, NotifySubject, RespawnPaneOptions, ServerApi, SplitPaneOptions, SplitPaneResult,
} from '../commands/command';
import { MessageLog } from '../commands/show-messages';
import { RenameEscapeFilter } from '../emulator/rename-escape';
import { layoutClosePane, layoutCreate, layoutPaneRect, layoutReplacePane, layoutResize, layoutSplitPane } from '../model/layout';
import { Alerts } from './alerts';
import { statusLineCount } from './status-line';
import { defaultWindowName, WindowNames } from './window-names';
import { linkWindow, unlinkWindow } from './winlinks';
import { WaitChannels } from '../commands/wait-for';
import { HookStore } from '../options/hooks';
import { Notifier } from './notify';
import { PanePipes } from './pane-pipes';
import { ControlMode } from './control';
import { PasteBuffers } from '../model/paste-buffers';
import { updateEnvironment } from '../model/environment';
import { PaneTerminal } from '../emulator/terminal';
import { Model, Pane, Session, Window, activityNow, type PaneMode } from '../model/model';
import { clientByName, type Origin } from '../model/target';
import { spawnPaneProcess, waitForPaneProcesses } from '../pty/pane-process';
import { ClientConnection } from './client-connection';
import { runCommands } from './command-queue';
import { defaultKeyTables } from './key-bindings';
import { Config } from './config';
import { applyOptionChange } from './option-effects';
import { viewModeAdd } from './view-mode';
import { log } from './log';
import { paneEnvironment, resolveShell, terminfoName } from './spawn-environment';
import { splitCommandLine } from '../cmdlang/parse';
import { keyFromName } from '../input/keys';
import { encodeKey } from '../input/encode';
import { paneRemains, resetPaneScreen, showPaneDead } from './dead-pane';
import type { PaneBorderStatus } from '../model/layout';
import type { PaneProcess } from '../pty/pane-process';

/** Pause a pane's pty when this many bytes wait to be parsed; resume below the low mark. */
const PARSE_HIGH_WATER = 4 * 1024 * 1024;
const PARSE_LOW_WATER = 1024 * 1024;

export class Server implements ServerApi {
  readonly model = new Model();
  readonly pid = process.pid;
  readonly startTime = Date.now();
  readonly keyTables = defaultKeyTables();
  readonly config = new Config(this);
  /** Client commands wait for the configuration file, as tmux's first client does. */
  private configReady: Promise<void> = Promise.resolve();
  private readonly optionListeners: Array<(name: string) => void> = [];
  readonly channels = new WaitChannels();
  readonly hooks = new HookStore();
  readonly buffers = new PasteBuffers(() => this.model.serverOptions.getNumber('buffer-limit'));
  private readonly pipes = new PanePipes();
  private readonly notifier = new Notifier(this);
  private readonly connections = new Set<ClientConnection>();
  private listener: net.Server | undefined;
  private exiting = false;
  readonly messages = new MessageLog(() => this.model.serverOptions.getNumber('message-limit'));
  readonly alerts = new Alerts(this);
  readonly windowNames = new WindowNames(this);
  /** What each pane was started with, run again by respawn-pane without a command (undefined: the shell). */
  private readonly paneCommands = new WeakMap<Pane, string[] | undefined>();

  constructor(readonly socketPath: string) {
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined) this.model.environment.set(k, v);
    // Control clients hear about every notification (control-notify.c).
    this.notifier.onDeliver((name, subject) => {
      for (const conn of this.connections) conn.control?.notification(name, subject);
    });
  }

  // ---- socket -------------------------------------------------------------------------------

  /** Listen on the socket; resolves false if another live server already owns it. */
  async listen(): Promise<boolean> {
    if (await isLive(this.socketPath)) return false;
    try {
      fs.unlinkSync(this.socketPath);
    } catch {
      // no stale socket
    }
    const server = net.createServer((socket) => this.accept(socket));
    this.listener = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      // The socket is created under a umask that leaves it private (0600); the umask is put back at
      // once so panes inherit the user's own.
      const previous = process.umask(0o177);
      try {
        server.listen(this.socketPath, () => resolve());
      } finally {
        process.umask(previous);
      }
    });
    fs.chmodSync(this.socketPath, 0o600);
    server.on('error', (e) => log(`listener error: ${e.message}`));
    return true;
  }

  private accept(socket: net.Socket): void {
    if (this.exiting) {
      socket.destroy();
      return;
    }
    const conn = new ClientConnection(socket, this);
    this.connections.add(conn);
    log(`client connected (${this.connections.size})`);
  }

  /** Called by a connection when its socket is gone, however that happened. */
  connectionClosed(conn: ClientConnection): void {
    if (!this.connections.delete(conn)) return;
    log(`client gone: ${conn.name}`);
    const session = conn.session;
    conn.session = undefined;
    if (session) {
      this.notify('client-detached', { client: conn });
      this.sessionClientsChanged(session);
    }
    this.exitIfIdle();
  }

  /** A server started for a command that created nothing (start-server, a failed attach) exits. */
  exitIfIdleSoon(): void {
    setTimeout(() => this.exitIfIdle(), 2000).unref();
  }

  private exitIfIdle(): void {
    if (this.model.sessions.size === 0 && this.connections.size === 0 && this.model.serverOptions.getFlag('exit-empty')) {
      this.shutdown('exited');
    }
  }

  clients(): ClientApi[] {
    return [...this.connections].filter((c) => c.identified);
  }

  /** Every client attached to a session. */
  attachedConnections(): ClientConnection[] {
    return this.attachedClients();
  }

  private attachedClients(session?: Session): ClientConnection[] {
    return [...this.connections].filter((c) => c.session !== undefined && (!session || c.session === session));
  }

  // ---- commands -----------------------------------------------------------------------------

  /** Run a command line sent by a client; the status goes back as the client's exit status unless it attached. */
  async commandFromClient(conn: ClientConnection, argv: string[]): Promise<void> {
    await this.configReady;
    const split = splitCommandLine(argv.length === 0 ? ['new-session'] : argv);
    if (conn.isControl) {
      // Control mode: the command's output in %begin/%end blocks; attached, the client stays and
      // sends more commands, otherwise it leaves.
      const control = new ControlMode(conn, this, () => this.originOf(conn), () => this.notifier.idle());
      conn.control = control;
      control.start(split);
      return;
    }
    const origin = this.originOf(conn);
    const code = await runCommands(this, conn, origin, split, {
      stdout: (line) => conn.send({ type: 'stdout', text: line + '\n' }),
      stderr: (line) => conn.send({ type: 'stderr', text: line + '\n' }),
      write: (stream, data) => conn.send({ type: 'write', stream, data }),
      readStdin: () => conn.readStdin(),
    });
    if (conn.session) {
      conn.startAttached();
      return;
    }
    conn.exit(code);
  }

  /**
   * Run commands for an attached client (key bindings, the prompt): errors show as a message on its
   * status line with a capital first letter, output in view mode in its active pane (as tmux does).
   */
  async commandFromBinding(conn: ClientConnection, commands: CommandList): Promise<void> {
    await runCommands(this, conn, this.originOf(conn), commands, {
      stdout: (line) => {
        const pane = conn.session?.current?.active;
        if (!pane) return;
        viewModeAdd(pane, (mode) => this.setPaneMode(pane, mode), line);
        this.paneModeChanged(pane);
      },
      stderr: (line) => {
        if (line !== '') conn.showMessage(line[0].toUpperCase() + line.slice(1), { ignoreStyles: true });
      },
    });
  }

  async runForClient(client: ClientApi, commands: CommandList): Promise<void> {
    // Queued, as tmux queues them: whatever asked (a prompt answering) finishes first, so a
    // command-prompt run from the prompt sees the old prompt gone.
    await new Promise((resolve) => setImmediate(resolve));
    return this.commandFromBinding(client as ClientConnection, commands);
  }

  /** Read the configuration files; client commands wait until they have run. */
  loadConfig(files: readonly string[], required: boolean): Promise<void> {
    this.configReady = this.config.load(files, required);
    return this.configReady;
  }

  // ---- options ------------------------------------------------------------------------------

  /** Call `listener` with the name of every option that is set or unset from now on. */
  onOptionChanged(listener: (name: string) => void): void {
    this.optionListeners.push(listener);
  }

  optionChanged(name: string): void {
    applyOptionChange(this, name);
    if (name === 'automatic-rename') this.windowNames.changedAll();
    if (name === 'monitor-silence') this.alerts.resetAll();
    for (const session of this.model.sessions.values()) this.resizeWindows(session);
    for (const conn of this.connections) if (conn.session) conn.scheduleRender();
    for (const listener of this.optionListeners) listener(name);
  }

  /**
   * What "current" means for a client (model/target.ts): its session if attached; else the pane it
   * runs in, found by its tty or its $TSMUX_PANE (when $TSMUX names this server).
   */
  originOf(conn: ClientConnection): Origin {
    const base: Origin = {
      clientSession: (name) => clientByName(this.attachedClients(), name)?.session,
      attachedCount: (session) => this.attachedClients(session).length,
    };
    if (conn.session) return { ...base, session: conn.session, pane: conn.session.current?.active };
    const tty = conn.identify.ttyName;
    for (const pane of this.model.panes.values()) {
      if (tty !== '' && pane.process.ttyName === tty && !pane.dead) return { ...base, pane };
    }
    const env = conn.identify.env;
    // $TSMUX_PANE alone is enough, as $TMUX_PANE is for tmux, unless $TSMUX names another server.
    if (env.TSMUX_PANE && (!env.TSMUX || env.TSMUX.split(',')[0] === this.socketPath)) {
      const pane = this.model.panes.get(Number(env.TSMUX_PANE.replace('%', '')));
      if (pane) return { ...base, pane };
    }
    return base;
  }

  pipePane(pane: Pane, command: string | undefined, opts: { input: boolean; output: boolean }): CommandResult {
    if (pane.dead) return { error: 'target pane has exited' };
    if (command === undefined) {
      this.pipes.close(pane);
      return undefined;
    }
    const session = this.model.sessionsOf(pane.window)[0];
    this.pipes.open(pane, command, { ...opts, cwd: usableDirectory(session?.cwd ?? '/') });
    return undefined;
  }

  jobEnvironment(session: Session | undefined): Record<string, string> {
    return paneEnvironment(this.model.environment, session?.environment ?? new Map(), {}, {
      TERM: terminfoName(this.model.serverOptions.getString('default-terminal')),
      TSMUX: `${this.socketPath},${this.pid},${session?.id ?? -1}`,
    });
  }

  keyTableExists(name: string): boolean {
    // KeyTables (key-bindings.ts, owned by the key bindings) may say; root and prefix always exist.
    const tables = this.keyTables as unknown as { hasTable?(n: string): boolean; tables?: Map<string, unknown> };
    if (name === 'root' || name === 'prefix') return true;
    if (typeof tables.hasTable === 'function') return tables.hasTable(name);
    return tables.tables?.has(name) ?? false;
  }

  isPanePiped(pane: Pane): boolean {
    return this.pipes.has(pane);
  }

  notify(name: string, subject: NotifySubject): void {
    this.notifier.notify(name, subject);
  }

  isPaneTty(ttyName: string): boolean {
    for (const pane of this.model.panes.values()) if (pane.process.ttyName === ttyName) return true;
    return false;
  }

  // ---- sessions, windows, panes ------------------------------------------------------------

  createSession(opts: NewSessionOptions): NewSessionResult {
    const model = this.model;
    if (opts.name === undefined && model.findSessionByName(String(model.peekSessionId()))) {
      return { ok: false, error: `duplicate session: ${model.peekSessionId()}` };
    }
    const cwd = usableDirectory(opts.cwd);
    const session = model.createSession(opts.name, cwd);
    if (opts.clientEnvironment) updateEnvironment(session.options.get('update-environment') as string[], opts.clientEnvironment, session.environment);
    const created = this.createWindow(session, {
      name: opts.windowName, cwd, command: opts.command, environment: opts.environment, cols: opts.cols, rows: opts.rows,
    });
    if (!created.ok) {
      model.removeSession(session);
      return created;
    }
    log(`session created: ${session.name} ($${session.id})`);
    this.config.showCauses(session);
    this.notify('session-created', { session });
    return { ok: true, session };
  }

  /**
   * Create a window with one pane and link it into `session` at `index` (default: the first free
   * index from base-index). It becomes the current window unless `detached`.
   */
  createWindow(session: Session, opts: NewWindowOptions): NewWindowResult {
    const model = this.model;
    const size = this.windowSizeFor(session);
    const cols = opts.cols ?? size.cols;
    const rows = opts.rows ?? size.rows;
    const index = opts.index ?? session.nextIndex(session.options.getNumber('base-index'));
    if (session.windows.has(index)) return { ok: false, error: `index ${index} in use` };
    const window = model.createWindow('', cols, rows);
    const id = model.allocatePaneId();
    let pane: Pane;
    try {
      pane = this.startPane(session, window, id, cols, rows, { cwd: usableDirectory(opts.cwd ?? session.cwd), command: opts.command, environment: opts.environment ?? {} });
    } catch (e) {
      model.windows.delete(window.id);
      return { ok: false, error: `create window failed: ${(e as Error).message}` };
    }
    model.addPane(pane);
    session.windows.set(index, window);
    window.name = opts.name ?? (defaultWindowName(pane.startCommand) || 'sh');
    if (opts.name !== undefined) {
      // As tmux's spawn_window: a window given a name keeps it.
      window.automaticRename = false;
      window.options.set('automatic-rename', false);
    }
    const before = session.current;
    if (!opts.detached || !session.current) session.selectWindow(window);
    if (before && session.current !== before) this.notify('session-window-changed', { session });
    this.notify('window-linked', { session, window });
    this.redrawSession(session);
    return { ok: true, window, pane };
  }

  /** Split `target`'s cell and start a new pane there (split-window). */
  splitPane(target: Pane, opts: SplitPaneOptions): SplitPaneResult {
    const model = this.model;
    const window = target.window;
    const layout = window.layout;
    if (!layout) return { ok: false, error: 'no layout' };
    const session = model.sessionsOf(window)[0];
    if (!session) return { ok: false, error: 'no session' };
    // The new cell holds a placeholder until the split succeeds: a failed split uses up no pane id, as in tmux.
    const error = layoutSplitPane(layout, target.id, -1, { type: opts.direction, size: opts.size, before: opts.before, fullSize: opts.fullSize });
    if (error !== null) return { ok: false, error };
    const id = model.allocatePaneId();
    layoutReplacePane(layout, -1, id);
    const rect = layoutPaneRect(layout, id);
    let pane: Pane;
    try {
      pane = this.startPane(session, window, id, rect.sx, rect.sy, { cwd: usableDirectory(opts.cwd ?? target.process.foreground().cwd ?? session.cwd), command: opts.command, environment: opts.environment ?? {} });
    } catch (e) {
      layoutClosePane(layout, id);
      return { ok: false, error: `create pane failed: ${(e as Error).message}` };
    }
    model.addPane(pane, { target, before: opts.before, fullSize: opts.fullSize });
    if (!opts.detached && window.active !== pane) {
      window.selectPane(pane);
      this.notify('window-pane-changed', { window });
    }
    this.applyLayout(window);
    return { ok: true, pane };
  }

  /** Start a pane's program and terminal (not yet added to the model). */
  private startPane(
    session: Session, window: Window, id: number, cols: number, rows: number,
    opts: { cwd: string; command?: string[]; environment: Record<string, string> },
  ): Pane {
    const program = this.spawnProgram(session, id, cols, rows, opts);
    const terminal = new PaneTerminal({ cols, rows, historyLimit: session.options.getNumber('history-limit') });
    const pane = new Pane(id, window, program.process, terminal, program.startCommand, opts.cwd);
    pane.startArgv = opts.command?.filter((a, i) => i > 0 || a !== '') ?? [];
    this.paneCommands.set(pane, program.command);
    this.wireTerminal(pane);
    this.wireProcess(pane, program.process);
    return pane;
  }

  /**
   * Spawn the program for pane `id`: `command` as an argv, or one string run with the shell, else
   * default-command, else a login shell. Returns the process, the text #{pane_start_command} shows,
   * and the command to run again on respawn (undefined: the shell).
   */
  private spawnProgram(
    session: Session, id: number, cols: number, rows: number,
    opts: { cwd: string; command?: string[]; environment: Record<string, string> },
  ): { process: PaneProcess; startCommand: string; command: string[] | undefined } {
    const model = this.model;
    const term = terminfoName(model.serverOptions.getString('default-terminal'));
    const env = paneEnvironment(model.environment, session.environment, opts.environment, {
      TERM: term,
      TSMUX: `${this.socketPath},${this.pid},${session.id}`,
      TSMUX_PANE: `%${id}`,
      TERM_PROGRAM: 'tsmux',
      PWD: opts.cwd,
    });
    const shell = resolveShell(session.options.getString('default-shell'), env);
    const defaultCommand = session.options.getString('default-command');
    let file: string;
    let args: string[];
    let startCommand: string;
    if (opts.command && opts.command.length > 1) {
      [file, ...args] = opts.command;
      startCommand = opts.command.join(' ');
    } else if ((opts.command?.length === 1 && opts.command[0] !== '') || defaultCommand !== '') {
      startCommand = opts.command?.[0] || defaultCommand;
      file = shell;
      args = ['-c', startCommand];
    } else {
      // A login shell, as tmux starts one (it uses argv[0] "-shell"; -l is the portable equivalent).
      file = shell;
      args = ['-l'];
      startCommand = shell;
    }
    env.SHELL = shell;
    const child = spawnPaneProcess({ file, args, cwd: opts.cwd, env, cols, rows });
    const command = opts.command && (opts.command.length > 1 || opts.command[0] !== '') ? opts.command : defaultCommand !== '' ? [defaultCommand] : undefined;
    return { process: child, startCommand, command };
  }

  /** The pane's terminal talks to whatever program the pane runs now (respawn-pane replaces it). */
  private wireTerminal(pane: Pane): void {
    const terminal = pane.terminal;
    terminal.onDrain(() => {
      if (terminal.pendingBytes < PARSE_LOW_WATER) pane.process.resume();
    });
    terminal.onChange(() => this.windowChanged(pane.window, true));
    terminal.onReply((reply) => {
      if (!pane.dead) pane.process.write(reply);
    });
    terminal.onTitle(() => this.windowChanged(pane.window));
    terminal.onBell(() => this.alerts.bell(pane.window));
  }

  private wireProcess(pane: Pane, child: PaneProcess): void {
    const terminal = pane.terminal;
    // A program's `ESC k name ESC \` renames its window (allow-rename) and is never drawn.
    const renames = new RenameEscapeFilter();
    child.onData((raw) => {
      // Output that arrives after the pane left the model (killed) or from a program respawn-pane
      // replaced is dropped.
      if (!this.model.panes.has(pane.id) || pane.process !== child) return;
      pane.activity = Date.now();
      const { data, names } = renames.feed(raw);
      for (const name of names) this.renameFromPane(pane, name);
      terminal.write(data);
      this.pipes.output(pane, data);
      for (const conn of this.connections) {
        if (conn.control && conn.session && conn.session.indexOf(pane.window) !== undefined) conn.control.output(pane, data);
      }
      if (terminal.pendingBytes > PARSE_HIGH_WATER) child.pause();
      this.alerts.activity(pane.window);
      if (pane === pane.window.active) this.windowNames.changed(pane.window);
    });
    child.onExit((status) => {
      if (pane.process !== child) return;
      pane.exitStatus = status;
      this.windowNames.changed(pane.window);
      log(`pane %${pane.id} exited: code ${status.exitCode} signal ${status.signal}`);
      // Let the last output be parsed and drawn before the pane goes away.
      const finish = (): void => {
        if (terminal.pendingBytes > 0) {
          setTimeout(finish, 5);
          return;
        }
        this.paneExited(pane);
      };
      finish();
    });
  }

  private paneExited(pane: Pane): void {
    if (!this.model.panes.has(pane.id) || !pane.dead) return;
    if (paneRemains(pane)) {
      // remain-on-exit: the pane stays, dead, with tmux's line saying so.
      showPaneDead(this, pane);
      this.notify('pane-died', { pane });
      this.windowChanged(pane.window);
      for (const session of this.model.sessionsOf(pane.window)) this.redrawSession(session);
      return;
    }
    this.notify('pane-exited', { pane });
    this.killPane(pane);
  }

  respawnPane(pane: Pane, opts: RespawnPaneOptions): { ok: true } | { ok: false; error: string } {
    const window = pane.window;
    const session = this.model.sessionsOf(window)[0];
    if (!session) return { ok: false, error: 'no session' };
    if (!pane.dead && !opts.kill) {
      const index = window.panes.indexOf(pane) + window.options.getNumber('pane-base-index');
      return { ok: false, error: `pane ${session.name}:${session.indexOf(window)}.${index} still active` };
    }
    const cwd = usableDirectory(opts.cwd ?? pane.startCwd);
    const command = opts.command ?? this.paneCommands.get(pane);
    const cols = pane.terminal.cols;
    const rows = pane.terminal.rows;
    let program;
    try {
      program = this.spawnProgram(session, pane.id, cols, rows, { cwd, command, environment: opts.environment ?? {} });
    } catch (e) {
      return { ok: false, error: (e as Error).message };
    }
    const old = pane.process;
    pane.process = program.process;
    if (!pane.dead) old.kill('SIGHUP');
    pane.exitStatus = undefined;
    pane.deadTime = undefined;
    pane.startCommand = program.startCommand;
    if (opts.command) pane.startArgv = opts.command.filter((a, i) => i > 0 || a !== '');
    pane.startCwd = cwd;
    this.paneCommands.set(pane, program.command);
    if (pane.mode) this.setPaneMode(pane, undefined);
    resetPaneScreen(pane);
    this.wireProcess(pane, program.process);
    this.windowChanged(window);
    for (const s of this.model.sessionsOf(window)) this.redrawSession(s);
    return { ok: true };
  }

  fitWindow(window: Window): void {
    const layout = window.layout;
    if (!layout) return;
    const tree = layout.saved ?? layout.root;
    window.cols = tree.sx;
    window.rows = tree.sy;
    for (const session of this.model.sessionsOf(window)) this.resizeWindows(session);
    this.applyLayout(window);
  }

  async runClientCommands(client: ClientApi, commands: string[][]): Promise<void> {
    await this.commandFromBinding(client as ClientConnection, commands);
  }

  /** `ESC k name ESC \` from a pane's program (tmux's input_exit_rename), honoured with allow-rename. */
  private renameFromPane(pane: Pane, name: string): void {
    if (!pane.options.getFlag('allow-rename')) return;
    const window = pane.window;
    if (name === '') {
      // An empty name asks for automatic naming again.
      window.options.unset('automatic-rename');
      if (!window.options.getFlag('automatic-rename')) window.name = '';
      else this.windowNames.changed(window);
    } else {
      window.options.set('automatic-rename', false);
      window.automaticRename = false;
      window.name = name;
    }
    for (const session of this.model.sessionsOf(window)) this.redrawSession(session);
  }

  /** Give every pane of a window the size its layout cell has now, and redraw. */
  applyLayout(window: Window): void {
    const layout = window.layout;
    if (!layout) return;
    // pane-border-status takes a line from the panes along the top or bottom of the window.
    layout.paneBorderStatus = window.options.getString('pane-border-status') as PaneBorderStatus;
    for (const pane of window.panes) {
      // A zoomed window shows one pane at full size (less a pane status line); the others keep
      // their cell sizes.
      const rect = layoutPaneRect(layout, pane.id);
      const cols = rect.sx;
      const rows = rect.sy;
      if (cols < 1 || rows < 1) continue;
      pane.terminal.resize(cols, rows);
      pane.process.resize(cols, rows);
      pane.mode?.resize?.(cols, rows);
    }
    this.notify('window-layout-changed', { window });
    this.windowChanged(window);
  }

  /** Kill a pane; the last pane of a window takes its window (and maybe its session) with it. */
  killPane(pane: Pane): void {
    const window = pane.window;
    if (!this.model.panes.has(pane.id)) return;
    if (window.panes.length === 1) {
      this.killWindow(window);
      return;
    }
    this.model.removePane(pane);
    this.disposePane(pane);
    this.windowNames.changed(window);
    this.applyLayout(window);
  }

  private disposePane(pane: Pane): void {
    this.pipes.close(pane);
    pane.mode?.exit?.();
    pane.mode = undefined;
    pane.terminal.dispose();
    if (!pane.dead) pane.process.kill('SIGHUP');
  }

  /** Kill a window: unlink it from every session; sessions left empty are destroyed. */
  killWindow(window: Window): void {
    if (!this.model.windows.has(window.id)) return;
    this.alerts.forget(window);
    this.windowNames.forget(window);
    for (const pane of [...window.panes]) {
      this.model.removePane(pane);
      this.disposePane(pane);
    }
    const sessions = this.model.sessionsOf(window);
    for (const session of sessions) this.notify('window-unlinked', { session, window });
    const current = new Map(sessions.map((s) => [s, s.current]));
    const emptied = this.model.removeWindow(window);
    for (const session of sessions) {
      if (!emptied.includes(session) && session.current !== current.get(session)) this.notify('session-window-changed', { session });
    }
    for (const session of emptied) this.destroySession(session);
    for (const session of sessions) if (this.model.sessions.has(session.id)) this.sessionWindowsChanged(session);
  }

  /** A session gained or lost windows: renumber if asked to, then redraw. */
  sessionWindowsChanged(session: Session): void {
    if (session.options.getFlag('renumber-windows')) this.renumberWindows(session);
    this.resizeWindows(session);
    this.redrawSession(session);
  }

  /** Renumber a session's windows from base-index without gaps (renumber-windows, move-window -r). */
  renumberWindows(session: Session): void {
    const list = session.windowList();
    session.windows.clear();
    let index = session.options.getNumber('base-index');
    for (const { window } of list) session.windows.set(index++, window);
  }

  linkWindow(window: Window, session: Session, index: number | undefined, opts: LinkWindowOptions): LinkWindowResult {
    return linkWindow(this, window, session, index, opts);
  }

  unlinkWindow(session: Session, index: number): void {
    unlinkWindow(this, session, index);
  }

  /** respawn-window: every pane but the first goes, the first fills the window and starts again. */
  respawnWindow(window: Window, opts: RespawnPaneOptions): { ok: true } | { ok: false; error: string } {
    const first = window.panes[0];
    if (!first) return { ok: false, error: 'no pane' };
    for (const pane of window.panes.slice(1)) {
      this.model.removePane(pane);
      this.disposePane(pane);
    }
    window.layout = layoutCreate(first.id, window.cols, window.rows);
    window.active = undefined;
    window.lastPane = undefined;
    window.selectPane(first);
    const result = this.respawnPane(first, { ...opts, kill: true });
    this.applyLayout(window);
    return result;
  }

  runningJobs(): Array<{ command: string; pid: number }> {
    return [...this.connections].flatMap((c) => c.statusLine.jobs.running());
  }

  selectWindow(session: Session, window: Window): void {
    // tmux does not count selecting a window as session activity (it decides the "current" session).
    const changed = session.current !== window;
    session.selectWindow(window);
    this.alerts.viewed(window);
    if (changed) this.notify('session-window-changed', { session });
    this.resizeWindows(session);
    this.redrawSession(session);
  }

  selectPane(pane: Pane): void {
    const changed = pane.window.active !== pane;
    pane.window.selectPane(pane);
    this.windowNames.changed(pane.window);
    if (changed) this.notify('window-pane-changed', { window: pane.window });
    this.windowChanged(pane.window);
    for (const session of this.model.sessionsOf(pane.window)) this.redrawSession(session);
  }

  /** Remove a session (its windows are already gone or linked elsewhere) and end its clients. */
  destroySession(session: Session): void {
    if (!this.model.sessions.has(session.id)) return;
    log(`session destroyed: ${session.name}`);
    this.notify('session-closed', { session });
    this.model.removeSession(session);
    for (const conn of this.attachedClients(session)) {
      conn.session = undefined;
      conn.exit(0, 'exited');
    }
    this.checkExit();
  }

  killSession(session: Session): void {
    for (const { window } of session.windowList()) {
      // A window linked into another session survives.
      if (this.model.sessionsOf(window).length > 1) {
        const index = session.indexOf(window);
        if (index !== undefined) session.windows.delete(index);
        continue;
      }
      for (const pane of [...window.panes]) {
        this.model.removePane(pane);
        this.disposePane(pane);
      }
      this.notify('window-unlinked', { session, window });
      this.model.removeWindow(window);
    }
    this.destroySession(session);
  }

  killServer(): void {
    this.shutdown('server exited');
  }

  /** Exit when nothing is left (tmux's exit-empty). */
  private checkExit(): void {
    if (this.model.sessions.size === 0 && this.model.serverOptions.getFlag('exit-empty')) this.shutdown('exited');
  }

  /** End every session and client and exit the process. `reason` is what attached clients print. */
  shutdown(reason: string): void {
    if (this.exiting) return;
    this.exiting = true;
    log(`shutting down: ${reason}`);
    for (const pane of this.model.panes.values()) {
      pane.process.kill('SIGHUP');
      pane.terminal.dispose();
    }
    for (const conn of this.connections) {
      if (conn.session) {
        conn.session = undefined;
        conn.exit(0, reason);
      }
    }
    // Like tmux, the socket file stays behind (so later commands say "no server running on …",
    // which scripts look for, and the next server replaces it): the listener is not closed, since
    // Node would unlink the path, and connections arriving from now on are refused in accept().
    // Give command clients a moment to receive their replies (kill-server's own exit status).
    const deadline = Date.now() + 1000;
    const finish = (): void => {
      const busy = [...this.connections].some((c) => c.hasPendingOutput());
      if (busy && Date.now() < deadline) {
        setTimeout(finish, 10);
        return;
      }
      // Programs got SIGHUP; once they are gone the server exits normally. One that ignores SIGHUP
      // keeps running (as with tmux), and the server then ends without tearing its threads down.
      void waitForPaneProcesses(1000).then((clean) => {
        if (clean) process.exit(0);
        process.kill(process.pid, 'SIGKILL');
      });
    };
    setTimeout(finish, 0);
  }

  // ---- attaching ----------------------------------------------------------------------------

  attachClient(client: ClientApi, session: Session): void {
    const conn = client as ClientConnection;
    const previous = conn.session;
    conn.session = session;
    session.activity = activityNow();
    session.lastAttached = Date.now();
    if (previous && previous !== session) conn.lastSession = previous;
    conn.keyTable = 'root';
    this.alerts.attached(session);
    if (previous && previous !== session) this.sessionClientsChanged(previous);
    this.sessionClientsChanged(session);
    this.notify('client-session-changed', { client: conn });
    if (!previous) this.notify('client-attached', { client: conn });
    log(`client ${conn.name} attached to ${session.name}`);
  }

  detachClient(client: ClientApi, hangup = false): void {
    const conn = client as ClientConnection;
    const session = conn.session;
    if (!session) return;
    conn.session = undefined;
    conn.exit(0, `detached${hangup ? ' and SIGHUP' : ''} (from session ${session.name})`, hangup);
    this.notify('client-detached', { client: conn, session });
    this.sessionClientsChanged(session);
  }

  /** A client attached, left, or resized: recompute window sizes (window-size latest) and redraw. */
  sessionClientsChanged(session: Session): void {
    this.resizeWindows(session);
    this.redrawSession(session);
  }

  /** The client that decides a session's window size: the most recently active attached one. */
  private latestClient(session: Session): ClientConnection | undefined {
    let latest: ClientConnection | undefined;
    for (const c of this.attachedClients(session)) {
      // A control client counts only once it has given a size (refresh-client -C).
      if (c.control && !c.control.sized) continue;
      if (!latest || c.activity >= latest.activity) latest = c;
    }
    return latest;
  }

  resizeWindows(session: Session): void {
    const client = this.latestClient(session);
    if (!client) return;
    // A control client has no status line (tmux's status_line_size).
    const status = client.control ? 0 : statusLineCount(session);
    const cols = Math.max(1, client.cols);
    const rows = Math.max(1, client.rows - Math.min(status, client.rows - 1));
    for (const { window } of session.windowList()) this.resizeWindow(window, cols, rows);
  }

  /** The size a new window in this session gets: its latest client's, else default-size. */
  private windowSizeFor(session: Session): { cols: number; rows: number } {
    const client = this.latestClient(session);
    if (client) {
      const status = client.control ? 0 : statusLineCount(session);
      return { cols: Math.max(1, client.cols), rows: Math.max(1, client.rows - Math.min(status, client.rows - 1)) };
    }
    if (session.current) return { cols: session.current.cols, rows: session.current.rows };
    const m = /^(\d+)x(\d+)$/.exec(session.options.getString('default-size'));
    return m ? { cols: Number(m[1]), rows: Number(m[2]) } : { cols: 80, rows: 24 };
  }

  private resizeWindow(window: Window, cols: number, rows: number): void {
    if (window.cols === cols && window.rows === rows) return;
    window.cols = cols;
    window.rows = rows;
    this.notify('window-resized', { window });
    if (window.layout) layoutResize(window.layout, cols, rows);
    this.applyLayout(window);
  }

  // ---- pane modes ---------------------------------------------------------------------------

  setPaneMode(pane: Pane, mode: PaneMode | undefined): void {
    const previous = pane.mode;
    if (previous === mode) return;
    pane.mode = mode;
    previous?.exit?.();
    this.windowNames.changed(pane.window);
    this.notify('pane-mode-changed', { pane });
    this.paneModeChanged(pane);
  }

  /** A pane's mode changed what it shows: redraw wherever the pane is visible. */
  paneModeChanged(pane: Pane): void {
    this.windowChanged(pane.window);
  }

  // ---- input --------------------------------------------------------------------------------

  sendKey(pane: Pane, keyName: string): void {
    const key = keyFromName(keyName);
    if (key === undefined) return;
    const bytes = encodeKey(key, pane.terminal.modes());
    if (bytes !== undefined) pane.process.write(bytes);
  }

  // ---- drawing ------------------------------------------------------------------------------

  redrawSession(session: Session): void {
    for (const conn of this.attachedClients(session)) conn.scheduleRender();
  }

  /** Redraw the clients showing `window`; `paneOutput`: only pane contents changed (not the status line). */
  private windowChanged(window: Window, paneOutput = false): void {
    for (const conn of this.connections) {
      if (conn.session?.current === window) conn.scheduleRender(paneOutput);
    }
  }
}

/** Whether something accepts connections on this socket path. */
export function isLive(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(socketPath);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function usableDirectory(dir: string): string {
  try {
    if (fs.statSync(dir).isDirectory()) return dir;
  } catch {
    // fall through
  }
  return process.env.HOME && fs.existsSync(process.env.HOME) ? process.env.HOME : '/';
}
