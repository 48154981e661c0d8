// A tsmux server inside the test process: the real Server, model, command queue and panes (real
// ptys), without a socket or a client process. Table-driven tests run hundreds of commands through
// it in the time a handful of `tsmux` invocations would take.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Server } from '../../src/server/server';
import { runCommands } from '../../src/server/command-queue';
import type { ClientApi } from '../../src/commands/command';
import type { Origin } from '../../src/model/target';

export interface InProcessResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOpts {
  origin?: Origin;
  /** The issuing client; default a command-line client (not attached) in the test's directory. */
  client?: ClientApi;
  /** What the client's stdin holds (load-buffer -). */
  stdin?: Uint8Array;
}

/** A command-line client as commands see it: not attached, no terminal. */
export function commandLineClient(cwd: string, env: Record<string, string> = {}): ClientApi {
  return {
    name: '',
    identify: {
      protocol: 0, version: 'test', pid: process.pid, cwd, term: 'xterm-256color', ttyName: '', isTTY: false,
      cols: 80, rows: 24, env, colours: 256, utf8: true,
    },
    pid: process.pid,
    session: undefined,
    cols: 80,
    rows: 24,
    created: Date.now(),
    activity: Date.now(),
    showMessage: () => undefined,
    overlay: undefined,
    setOverlay: () => undefined,
    keyTable: 'root',
    lastSession: undefined,
    redraw: () => undefined,
    isControl: false,
    setControlSize: () => undefined,
    ringBell: () => undefined,
    showPrompt: () => undefined,
  };
}

export class InProcessTsmux {
  /** The client commands come from unless a test says otherwise. */
  client: ClientApi;
  readonly server: Server;
  readonly dir: string;

  constructor() {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsmux-inproc-'));
    this.server = new Server(path.join(this.dir, 'socket'));
    // Killing the last session must not end the test process.
    this.server.model.serverOptions.set('exit-empty', false);
    this.server.model.environment.set('HOME', this.dir);
    this.server.model.environment.set('SHELL', '/bin/sh');
    this.server.model.environment.set('PS1', '$ ');
    this.client = commandLineClient(this.dir);
  }

  /** Feed bytes to a pane's terminal as if its program wrote them; resolves once they are on screen. */
  feed(paneId: number, data: string | Uint8Array): Promise<void> {
    const pane = this.server.model.panes.get(paneId);
    if (!pane) throw new Error(`no pane %${paneId}`);
    return new Promise((resolve) => pane.terminal.write(data, resolve));
  }

  /** Run a command list (argv arrays) as a command-line client would (no client attached). */
  async run(commands: string[][], opts: RunOpts = {}): Promise<InProcessResult> {
    let stdout = '';
    let stderr = '';
    const code = await runCommands(this.server, opts.client ?? this.client, opts.origin ?? {}, commands, {
      stdout: (line) => (stdout += line + '\n'),
      stderr: (line) => (stderr += line + '\n'),
      write: (stream, data) => {
        if (stream === 1) stdout += Buffer.from(data).toString('utf8');
        else stderr += Buffer.from(data).toString('utf8');
      },
      readStdin: async () => opts.stdin ?? { error: 'no stdin' },
    });
    return { code, stdout, stderr };
  }

  /** Run one command given as words split on spaces (no quoting). */
  runLine(line: string, opts: RunOpts = {}): Promise<InProcessResult> {
    return this.run([line.split(' ').filter((w) => w !== '')], opts);
  }

  /** Let background work started by the last commands finish (hooks from notifications). */
  async settle(): Promise<void> {
    for (let i = 0; i < 3; i++) {
      await new Promise((r) => setImmediate(r));
      await (this.server as unknown as { notifier: { idle(): Promise<void> } }).notifier.idle();
    }
  }

  dispose(): void {
    for (const session of [...this.server.model.sessions.values()]) this.server.killSession(session);
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
