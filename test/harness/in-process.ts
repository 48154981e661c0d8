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

export class InProcessTsmux {
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
  }

  /** Run a command list (argv arrays) as a command-line client would (no client attached). */
  async run(commands: string[][], opts: { origin?: Origin; client?: ClientApi } = {}): Promise<InProcessResult> {
    let stdout = '';
    let stderr = '';
    const code = await runCommands(this.server, opts.client, opts.origin ?? {}, commands, {
      stdout: (line) => (stdout += line + '\n'),
      stderr: (line) => (stderr += line + '\n'),
    });
    return { code, stdout, stderr };
  }

  /** Run one command given as words split on spaces (no quoting). */
  runLine(line: string, opts: { origin?: Origin; client?: ClientApi } = {}): Promise<InProcessResult> {
    return this.run([line.split(' ').filter((w) => w !== '')], opts);
  }

  dispose(): void {
    for (const session of [...this.server.model.sessions.values()]) this.server.killSession(session);
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
