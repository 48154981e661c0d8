// The server: owns the model (sessions, windows, panes), the listening socket and every connected
// client. It turns client messages into command runs, input into keys for panes, and pane output
// into frames for the clients that show it. It implements ServerApi for the commands.
//
// Lifecycle: one server per socket; it exits when its last session is gone (exit-empty), after
// telling every client why. A client vanishing at any moment only removes that client.

import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ClientApi, NewSessionOptions, NewSessionResult, ServerApi } from '../commands/command';
import { WaitChannels } from '../commands/wait-for';
import { PaneTerminal } from '../emulator/terminal';
import { Model, Pane, Session, Window } from '../model/model';
import type { Origin } from '../model/target';
import { spawnPaneProcess } from '../pty/pane-process';
import { ClientConnection } from './client-connection';
import { runCommands } from './command-queue';
import { KeyTables } from './key-bindings';
import { log } from './log';
import { paneEnvironment, resolveShell, terminfoName } from './spawn-environment';
import { splitCommandLine } from '../cmdlang/parse';
import { keyFromName } from '../input/keys';
import { encodeKey } from '../input/encode';

/** Pause a pane's pty when this many bytes wait to be parsed; resume below the low mark. */
const PARSE_HIGH_WATER = 4 * 1024 * 1024;
const PARSE_LOW_WATER = 1024 * 1024;
/** How often, at most, the name of a window with automatic-rename is re-read from /proc. */
const RENAME_CHECK_MS = 250;

export class Server implements ServerApi {
  readonly model = new Model();
  readonly pid = process.pid;
  readonly startTime = Date.now();
  readonly keyTables = new KeyTables();
  readonly channels = new WaitChannels();
  private readonly connections = new Set<ClientConnection>();
  private listener: net.Server | undefined;
  private exiting = false;
  private readonly renameTimers = new Map<Window, NodeJS.Timeout>();

  constructor(readonly socketPath: string) {
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined) this.model.environment.set(k, v);
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
    if (session) this.sessionClientsChanged(session);
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

  private attachedClients(session?: Session): ClientConnection[] {
    return [...this.connections].filter((c) => c.session !== undefined && (!session || c.session === session));
  }

  // ---- commands -----------------------------------------------------------------------------

  /** Run a command line sent by a client; the status goes back as the client's exit status unless it attached. */
  async commandFromClient(conn: ClientConnection, argv: string[]): Promise<void> {
    const split = splitCommandLine(argv.length === 0 ? ['new-session'] : argv);
    const origin = this.originOf(conn);
    const code = await runCommands(this, conn, origin, split, {
      stdout: (line) => conn.send({ type: 'stdout', text: line + '\n' }),
      stderr: (line) => conn.send({ type: 'stderr', text: line + '\n' }),
    });
    if (conn.session) {
      conn.startAttached();
      return;
    }
    conn.exit(code);
  }

  /** Run commands for an attached client (key bindings); errors show as a message on its status line. */
  async commandFromBinding(conn: ClientConnection, commands: string[][]): Promise<void> {
    await runCommands(this, conn, this.originOf(conn), commands, {
      stdout: (line) => conn.showMessage(line),
      stderr: (line) => conn.showMessage(line),
    });
  }

  /** What "current" means for a client: its session, or the pane it runs in ($TSMUX_PANE). */
  originOf(conn: ClientConnection): Origin {
    if (conn.session) return { session: conn.session, pane: conn.session.current?.active };
    const env = conn.identify.env;
    if (env.TSMUX && env.TSMUX_PANE && env.TSMUX.split(',')[0] === this.socketPath) {
      const pane = this.model.panes.get(Number(env.TSMUX_PANE.replace('%', '')));
      if (pane) return { pane };
    }
    return {};
  }

  isPaneTty(ttyName: string): boolean {
    for (const pane of this.model.panes.values()) if (pane.process.ttyName === ttyName) return true;
    return false;
  }

  // ---- sessions -----------------------------------------------------------------------------

  createSession(opts: NewSessionOptions): NewSessionResult {
    const model = this.model;
    if (opts.name === undefined && model.findSessionByName(String(model.peekSessionId()))) {
      return { ok: false, error: `duplicate session: ${model.peekSessionId()}` };
    }
    const cwd = usableDirectory(opts.cwd);
    const session = model.createSession(opts.name, cwd);
    for (const name of session.options.get('update-environment') as string[]) {
      if (name in opts.clientEnvironment) session.environment.set(name, opts.clientEnvironment[name]);
    }
    const status = session.options.getString('status') === 'off' ? 0 : 1;
    const window = model.createWindow('', opts.cols, Math.max(1, opts.rows - (opts.rows > status ? status : 0)));
    const index = session.nextIndex(session.options.getNumber('base-index'));
    session.windows.set(index, window);
    session.current = window;
    try {
      const pane = this.spawnPane(session, window, { cwd, command: opts.command, environment: opts.environment });
      window.name = opts.windowName ?? (path.basename(pane.startCommand.split(' ')[0]) || 'sh');
      if (opts.windowName !== undefined) window.automaticRename = false;
    } catch (e) {
      model.removeWindow(window);
      model.removeSession(session);
      return { ok: false, error: `create window failed: ${(e as Error).message}` };
    }
    log(`session created: ${session.name} ($${session.id})`);
    return { ok: true, session };
  }

  private spawnPane(session: Session, window: Window, opts: { cwd: string; command?: string[]; environment: Record<string, string> }): Pane {
    const model = this.model;
    const id = model.allocatePaneId();
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
    } else if (opts.command?.length === 1 || defaultCommand !== '') {
      startCommand = opts.command?.[0] ?? defaultCommand;
      file = shell;
      args = ['-c', startCommand];
    } else {
      // A login shell, as tmux starts one (it uses argv[0] "-shell"; -l is the portable equivalent).
      file = shell;
      args = ['-l'];
      startCommand = shell;
    }
    env.SHELL = shell;
    const terminal = new PaneTerminal({ cols: window.cols, rows: window.rows, historyLimit: session.options.getNumber('history-limit') });
    const child = spawnPaneProcess({ file, args, cwd: opts.cwd, env, cols: window.cols, rows: window.rows });
    const pane = new Pane(id, window, child, terminal, startCommand, opts.cwd);
    model.addPane(pane);
    this.wirePane(pane);
    return pane;
  }

  private wirePane(pane: Pane): void {
    const { process: child, terminal } = pane;
    child.onData((data) => {
      // Output that arrives after the pane left the model (killed) is dropped.
      if (!this.model.panes.has(pane.id)) return;
      pane.activity = Date.now();
      terminal.write(data);
      if (terminal.pendingBytes > PARSE_HIGH_WATER) child.pause();
      this.scheduleRename(pane.window);
    });
    terminal.onDrain(() => {
      if (terminal.pendingBytes < PARSE_LOW_WATER) child.resume();
    });
    terminal.onChange(() => this.windowChanged(pane.window));
    terminal.onReply((reply) => child.write(reply));
    terminal.onTitle(() => this.windowChanged(pane.window));
    child.onExit((status) => {
      pane.exitStatus = status;
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
    if (!this.model.panes.has(pane.id)) return;
    this.destroyPane(pane);
  }

  /** Remove a pane; an emptied window and then an emptied session go with it. */
  private destroyPane(pane: Pane): void {
    const emptyWindow = this.model.removePane(pane);
    pane.terminal.dispose();
    if (!pane.dead) pane.process.kill('SIGHUP');
    if (emptyWindow) this.destroyWindow(emptyWindow);
    else this.windowChanged(pane.window);
  }

  private destroyWindow(window: Window): void {
    clearTimeout(this.renameTimers.get(window));
    this.renameTimers.delete(window);
    for (const pane of [...window.panes]) {
      this.model.removePane(pane);
      pane.terminal.dispose();
      pane.process.kill('SIGHUP');
    }
    const emptied = this.model.removeWindow(window);
    for (const session of emptied) this.destroySession(session);
    for (const session of this.model.sessions.values()) this.redrawSession(session);
  }

  private destroySession(session: Session): void {
    if (!this.model.sessions.has(session.id)) return;
    log(`session destroyed: ${session.name}`);
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
        pane.terminal.dispose();
        pane.process.kill('SIGHUP');
      }
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
      process.exit(0);
    };
    setTimeout(finish, 0);
  }

  // ---- attaching ----------------------------------------------------------------------------

  attachClient(client: ClientApi, session: Session): void {
    const conn = client as ClientConnection;
    const previous = conn.session;
    conn.session = session;
    session.activity = Date.now();
    if (previous && previous !== session) this.sessionClientsChanged(previous);
    this.sessionClientsChanged(session);
    log(`client ${conn.name} attached to ${session.name}`);
  }

  detachClient(client: ClientApi, hangup = false): void {
    const conn = client as ClientConnection;
    const session = conn.session;
    if (!session) return;
    conn.session = undefined;
    conn.exit(0, `detached${hangup ? ' and SIGHUP' : ''} (from session ${session.name})`, hangup);
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
    for (const c of this.attachedClients(session)) if (!latest || c.activity >= latest.activity) latest = c;
    return latest;
  }

  resizeWindows(session: Session): void {
    const client = this.latestClient(session);
    if (!client) return;
    const status = session.options.getString('status') === 'off' ? 0 : 1;
    const cols = Math.max(1, client.cols);
    const rows = Math.max(1, client.rows - (client.rows > status ? status : 0));
    for (const { window } of session.windowList()) this.resizeWindow(window, cols, rows);
  }

  private resizeWindow(window: Window, cols: number, rows: number): void {
    if (window.cols === cols && window.rows === rows) return;
    window.cols = cols;
    window.rows = rows;
    for (const pane of window.panes) {
      pane.terminal.resize(cols, rows);
      pane.process.resize(cols, rows);
    }
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

  private windowChanged(window: Window): void {
    for (const conn of this.connections) {
      if (conn.session?.current === window) conn.scheduleRender();
    }
  }

  /** Re-read the running program's name for automatic-rename, at most every RENAME_CHECK_MS. */
  private scheduleRename(window: Window): void {
    if (!window.automaticRename || this.renameTimers.has(window)) return;
    this.renameTimers.set(
      window,
      setTimeout(() => {
        this.renameTimers.delete(window);
        const pane = window.active;
        if (!pane || !window.automaticRename || !window.options.getFlag('automatic-rename')) return;
        const command = pane.process.foreground().command;
        if (command && command !== window.name) {
          window.name = command;
          for (const session of this.model.sessionsOf(window)) this.redrawSession(session);
        }
      }, RENAME_CHECK_MS),
    );
  }

  hostName(): string {
    return os.hostname();
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
