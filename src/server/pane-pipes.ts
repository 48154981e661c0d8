// pipe-pane: a shell command connected to a pane (tmux's cmd-pipe-pane.c). With output (-O, the
// default) it reads everything the pane's program writes from now on; with input (-I) what it
// writes is typed into the pane. The command runs with `sh -c`, its stderr discarded. One pipe per
// pane: a new one replaces the old; the pipe goes when the pane goes.

import { spawn, type ChildProcess } from 'node:child_process';
import type { Pane } from '../model/model';
import { log } from './log';

export class PanePipes {
  private readonly pipes = new Map<Pane, ChildProcess>();

  has(pane: Pane): boolean {
    return this.pipes.has(pane);
  }

  /** Start `command` for `pane` (replacing any pipe it had). */
  open(pane: Pane, command: string, opts: { input: boolean; output: boolean; cwd: string }): void {
    this.close(pane);
    const child = spawn('/bin/sh', ['-c', command], {
      cwd: opts.cwd,
      stdio: [opts.output ? 'pipe' : 'ignore', opts.input ? 'pipe' : 'ignore', 'ignore'],
      env: process.env,
    });
    this.pipes.set(pane, child);
    child.on('error', (e) => log(`pipe-pane %${pane.id}: ${e.message}`));
    // A reader that goes away (or a full pipe) must never hurt the pane: errors only end the pipe.
    child.stdin?.on('error', () => this.forget(pane, child));
    child.stdout?.on('data', (data: Buffer) => {
      if (!pane.dead) pane.process.write(data);
    });
    child.on('exit', () => this.forget(pane, child));
  }

  /** Stop a pane's pipe; true if it had one. */
  close(pane: Pane): boolean {
    const child = this.pipes.get(pane);
    if (!child) return false;
    this.pipes.delete(pane);
    child.stdin?.end();
    child.stdout?.destroy();
    return true;
  }

  /** The pane's program wrote this: pass it on. */
  output(pane: Pane, data: Uint8Array): void {
    const stdin = this.pipes.get(pane)?.stdin;
    if (stdin && !stdin.destroyed) stdin.write(data);
  }

  private forget(pane: Pane, child: ChildProcess): void {
    if (this.pipes.get(pane) === child) this.pipes.delete(pane);
  }
}
