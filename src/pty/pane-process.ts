// PaneProcess: a program running on a pseudo-terminal. The rest of the server reaches a pane's pty
// only through this interface, so that the pty can later be owned by a separate holder process
// (DESIGN.md, "Programs survive a server crash") without touching anything above this layer.
//
// Ptys are read on a worker thread (pty-worker.ts) so that reading and parsing run on two cores;
// the worker runs the node-pty implementation below, with two upstream problems handled here:
// - Lost output at exit (microsoft/node-pty#72): when the child exits, libuv can see POLLHUP while
//   bytes are still unread and report EOF, dropping the tail. We hold the pty slave open ourselves
//   from spawn until the output is drained, so the master never hangs up early, and we stop
//   node-pty from tearing its read stream down until no data has arrived for a quiet interval
//   (and the stream is not paused by flow control).
// - Master fds leaking into later children: node-pty 1.1.0 leaks every pty master into every
//   later child; the 1.2.0 betas (pinned in package.json) set close-on-exec. A test checks it.
// This module must never know about sessions, windows or the emulator.

import * as fs from 'node:fs';
import type { Worker as WorkerThread } from 'node:worker_threads';
import type { IPty } from 'node-pty';
import type { WorkerEvent, WorkerRequest } from './pty-worker';

export interface ExitStatus {
  /** Exit code, or 0 when killed by a signal. */
  exitCode: number;
  /** Signal number that killed it, or 0. */
  signal: number;
}

export interface SpawnOptions {
  file: string;
  args: string[];
  /** argv[0] for the program (a leading '-' makes a shell a login shell). */
  argv0?: string;
  cwd: string;
  env: Record<string, string>;
  cols: number;
  rows: number;
}

export interface PaneProcess {
  readonly pid: number;
  /** The slave's device path, e.g. /dev/pts/3. */
  readonly ttyName: string;
  onData(listener: (data: Buffer) => void): void;
  /** Called once, after every byte the program wrote has been delivered to onData. */
  onExit(listener: (status: ExitStatus) => void): void;
  write(data: string | Uint8Array): void;
  resize(cols: number, rows: number): void;
  /** Stop reading the pty (the program blocks when the kernel buffer fills); used for flow control. */
  pause(): void;
  resume(): void;
  kill(signal?: NodeJS.Signals): void;
  /** The foreground process of the terminal: its pid, command name and working directory. */
  foreground(): { pid: number; command: string; cwd: string | undefined };
}

/** How long the read stream must stay silent after the child exits before it is closed. */
const DRAIN_QUIET_MS = 30;

// node-pty is loaded on first use: the CLI never needs it.
let nodePty: typeof import('node-pty') | undefined;

interface NodePtyInternals {
  _socket: { destroy(): void; on(event: string, fn: (...a: unknown[]) => void): void };
}

class NodePtyProcess implements PaneProcess {
  readonly pid: number;
  readonly ttyName: string;
  private readonly pty: IPty;
  private slaveFd: number | undefined;
  private exitListeners: Array<(s: ExitStatus) => void> = [];
  private paused = false;
  private exited = false;
  private lastData = 0;
  private drainTimer: NodeJS.Timeout | undefined;
  private exitStatus: ExitStatus | undefined;

  constructor(opts: SpawnOptions) {
    nodePty ??= require('node-pty') as typeof import('node-pty');
    this.pty = nodePty.spawn(opts.file, opts.args, {
      name: opts.env.TERM ?? 'tmux-256color',
      cols: Math.max(1, opts.cols),
      rows: Math.max(1, opts.rows),
      cwd: opts.cwd,
      env: opts.env,
      encoding: null,
      ...(opts.argv0 ? { argv0: opts.argv0 } : {}),
    } as Parameters<typeof import('node-pty').spawn>[2]);
    this.pid = this.pty.pid;
    this.ttyName = (this.pty as unknown as { ptsName: string }).ptsName;
    try {
      // Node opens files close-on-exec, so this fd never reaches a child.
      this.slaveFd = fs.openSync(this.ttyName, fs.constants.O_RDWR | fs.constants.O_NOCTTY);
    } catch {
      this.slaveFd = undefined;
    }
    const socket = (this.pty as unknown as NodePtyInternals)._socket;
    const destroy = socket.destroy.bind(socket);
    // node-pty calls destroy() 200 ms after the child is reaped. Defer it until the stream is drained.
    socket.destroy = () => {
      this.exited = true;
      this.waitForDrain(destroy);
    };
    socket.on('data', () => {
      this.lastData = Date.now();
    });
    this.pty.onExit((e) => {
      this.exitStatus = { exitCode: e.exitCode, signal: e.signal ?? 0 };
      this.closeSlave();
      for (const l of this.exitListeners) l(this.exitStatus);
    });
  }

  private waitForDrain(destroy: () => void): void {
    clearTimeout(this.drainTimer);
    const quietFor = Date.now() - this.lastData;
    if (!this.paused && quietFor >= DRAIN_QUIET_MS) {
      destroy();
      return;
    }
    this.drainTimer = setTimeout(() => this.waitForDrain(destroy), Math.max(5, DRAIN_QUIET_MS - quietFor));
  }

  private closeSlave(): void {
    if (this.slaveFd !== undefined) {
      try {
        fs.closeSync(this.slaveFd);
      } catch {
        // already closed
      }
      this.slaveFd = undefined;
    }
  }

  onData(listener: (data: Buffer) => void): void {
    this.pty.onData((d) => listener(typeof d === 'string' ? Buffer.from(d, 'utf8') : (d as unknown as Buffer)));
  }

  onExit(listener: (status: ExitStatus) => void): void {
    if (this.exitStatus) listener(this.exitStatus);
    else this.exitListeners.push(listener);
  }

  write(data: string | Uint8Array): void {
    if (this.exitStatus) return;
    try {
      this.pty.write(typeof data === 'string' ? data : Buffer.from(data.buffer, data.byteOffset, data.length));
    } catch {
      // the pty is gone; the exit notification follows
    }
  }

  resize(cols: number, rows: number): void {
    if (this.exitStatus || this.exited) return;
    try {
      this.pty.resize(Math.max(1, cols), Math.max(1, rows));
    } catch {
      // resizing a pty whose child has exited fails harmlessly
    }
  }

  pause(): void {
    if (this.paused) return;
    this.paused = true;
    this.pty.pause();
  }

  resume(): void {
    if (!this.paused) return;
    this.paused = false;
    this.pty.resume();
  }

  kill(signal: NodeJS.Signals = 'SIGHUP'): void {
    try {
      process.kill(this.pid, signal);
    } catch {
      // already gone
    }
  }

  foreground(): { pid: number; command: string; cwd: string | undefined } {
    return foregroundOf(this.pid);
  }
}

/** The foreground process of the terminal a shell runs on: pid, command name, working directory. */
function foregroundOf(shellPid: number): { pid: number; command: string; cwd: string | undefined } {
  const pid = foregroundPid(shellPid);
  let command = '';
  try {
    command = fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    command = '';
  }
  let cwd: string | undefined;
  try {
    cwd = fs.readlinkSync(`/proc/${pid}/cwd`);
  } catch {
    cwd = undefined;
  }
  return { pid, command, cwd };
}

/**
 * The terminal's foreground process group leader, read from the shell's /proc/PID/stat (field 8,
 * tpgid). Falls back to the shell itself.
 */
export function foregroundPid(shellPid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${shellPid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may contain spaces: split after the last ')'.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const tpgid = Number(rest[5]);
    if (Number.isInteger(tpgid) && tpgid > 0) return tpgid;
  } catch {
    // the process is gone
  }
  return shellPid;
}

/** A pty read on the calling thread (the worker uses this; so does the server if the worker cannot start). */
export function spawnInlinePaneProcess(opts: SpawnOptions): PaneProcess {
  return new NodePtyProcess(opts);
}

// ---- the worker-backed implementation ------------------------------------------------------------

/** How long a spawn may take before the server gives up waiting for the worker's answer. */
const SPAWN_TIMEOUT_MS = 10_000;
const REPLY_BYTES = 12 + 1024;

interface Listeners {
  data: Array<(data: Buffer) => void>;
  exit: Array<(status: ExitStatus) => void>;
  status?: ExitStatus;
}

/** The one worker thread holding every pane's pty (see pty-worker.ts). */
class PtyWorker {
  private readonly worker: WorkerThread;
  private readonly panes = new Map<number, Listeners>();
  private nextId = 1;

  constructor() {
    const { Worker } = require('node:worker_threads') as typeof import('node:worker_threads');
    this.worker = new Worker(require('node:path').join(__dirname, 'pty-worker.js'));
    this.worker.on('message', (msg: WorkerEvent) => this.event(msg));
    this.worker.on('error', () => undefined);
    // The worker keeps the process alive only while it holds panes.
    this.worker.unref();
  }

  private event(msg: WorkerEvent): void {
    const pane = this.panes.get(msg.id);
    if (!pane) return;
    if (msg.op === 'data') {
      const data = Buffer.from(msg.data);
      for (const l of pane.data) l(data);
      return;
    }
    pane.status = { exitCode: msg.exitCode, signal: msg.signal };
    this.panes.delete(msg.id);
    if (this.panes.size === 0) this.worker.unref();
    for (const l of pane.exit) l(pane.status);
  }

  post(msg: WorkerRequest): void {
    this.worker.postMessage(msg);
  }

  /** Panes whose program has not exited yet. */
  get live(): number {
    return this.panes.size;
  }

  spawn(options: SpawnOptions): { id: number; pid: number; ttyName: string; listeners: Listeners } {
    const id = this.nextId++;
    const reply = new SharedArrayBuffer(REPLY_BYTES);
    const header = new Int32Array(reply, 0, 3);
    const listeners: Listeners = { data: [], exit: [] };
    this.panes.set(id, listeners);
    this.worker.ref();
    this.post({ op: 'spawn', id, options, reply });
    // Spawning is synchronous for the server, as forkpty is for tmux: wait for the worker's answer.
    Atomics.wait(header, 0, 0, SPAWN_TIMEOUT_MS);
    const state = Atomics.load(header, 0);
    const text = Buffer.from(new Uint8Array(reply, 12, header[2])).toString('utf8');
    if (state !== 1) {
      this.panes.delete(id);
      if (this.panes.size === 0) this.worker.unref();
      throw new Error(state === 2 ? text : 'the pty worker did not answer');
    }
    return { id, pid: header[1], ttyName: text, listeners };
  }
}

let ptyWorker: PtyWorker | undefined;

class WorkerPaneProcess implements PaneProcess {
  readonly pid: number;
  readonly ttyName: string;
  private readonly id: number;
  private readonly listeners: Listeners;

  constructor(private readonly worker: PtyWorker, opts: SpawnOptions) {
    const spawned = worker.spawn(opts);
    this.id = spawned.id;
    this.pid = spawned.pid;
    this.ttyName = spawned.ttyName;
    this.listeners = spawned.listeners;
  }

  onData(listener: (data: Buffer) => void): void {
    this.listeners.data.push(listener);
  }

  onExit(listener: (status: ExitStatus) => void): void {
    if (this.listeners.status) listener(this.listeners.status);
    else this.listeners.exit.push(listener);
  }

  write(data: string | Uint8Array): void {
    if (this.listeners.status) return;
    this.worker.post({ op: 'write', id: this.id, data: typeof data === 'string' ? data : Buffer.from(data) });
  }

  resize(cols: number, rows: number): void {
    this.worker.post({ op: 'resize', id: this.id, cols, rows });
  }

  pause(): void {
    this.worker.post({ op: 'pause', id: this.id });
  }

  resume(): void {
    this.worker.post({ op: 'resume', id: this.id });
  }

  kill(signal: NodeJS.Signals = 'SIGHUP'): void {
    try {
      process.kill(this.pid, signal);
    } catch {
      // already gone
    }
  }

  foreground(): { pid: number; command: string; cwd: string | undefined } {
    return foregroundOf(this.pid);
  }
}

/**
 * Wait (at most `timeoutMs`) until every pane's program has exited, after the caller has signalled
 * them. Resolves true if none is left. The server must not exit the normal way while a program is
 * still watched: node-pty's exit-watcher thread would call into a torn-down environment and abort
 * the process ("terminate called after throwing an instance of 'Napi::Error'").
 */
export async function waitForPaneProcesses(timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (ptyWorker && ptyWorker.live > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  return !ptyWorker || ptyWorker.live === 0;
}

/**
 * Start a program on a new pty. The pty is read on a worker thread (so reading and parsing use
 * two cores); TSMUX_PTY_INLINE=1, or a worker that cannot start, reads it on this thread instead.
 */
export function spawnPaneProcess(opts: SpawnOptions): PaneProcess {
  if (process.env.TSMUX_PTY_INLINE !== '1') {
    try {
      ptyWorker ??= new PtyWorker();
      return new WorkerPaneProcess(ptyWorker, opts);
    } catch (e) {
      if (/did not answer/.test((e as Error).message)) ptyWorker = undefined;
      else throw e;
    }
  }
  return spawnInlinePaneProcess(opts);
}
