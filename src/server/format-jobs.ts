// `#(shell command)` in an attached client's status line: each command runs in the background with
// `sh -c`, and the format shows the last complete line it printed (its whole output if it printed no
// newline), as tmux's format_job_get does. A command is run again when the status line is redrawn
// after its last run has finished and at least a second has passed; while it runs, the previous
// output stays. A command still silent two seconds after starting shows `<'cmd' not ready>`. New
// output redraws the client's status line (at most once a second while the command runs). Commands
// not asked for in an hour are forgotten; all are killed when the client goes.
//
// One FormatJobs belongs to one client (tmux keeps a tree per client). Nothing here polls: a job
// runs only because a status line was drawn.

import { spawn, type ChildProcess } from 'node:child_process';

interface Job {
  command: string;
  process: ChildProcess | undefined;
  /** What the format shows; undefined until the command has printed something. */
  out: string | undefined;
  /** Unread output after the last complete line. */
  partial: string;
  /** Whether a complete line has arrived during this run. */
  updated: boolean;
  /** When it was last started, and when its output last redrew the status line (whole seconds). */
  last: number;
  lastRedraw: number;
  /** When a status line last asked for it (ms), for tidying. */
  used: number;
}

export interface JobSummary {
  command: string;
  pid: number;
}

const FORGET_AFTER_MS = 3600 * 1000;

const nowSeconds = (): number => Math.floor(Date.now() / 1000);

export class FormatJobs {
  private readonly jobs = new Map<string, Job>();
  private disposed = false;

  /**
   * `redraw` is called when new output should be shown; `environment` and `cwd` are read when a job
   * starts.
   */
  constructor(
    private readonly redraw: () => void,
    private readonly environment: () => Record<string, string>,
    private readonly cwd: () => string,
  ) {}

  /** The text for `#(command)` (already expanded); starts or restarts the command as needed. */
  get(command: string, force = false): string {
    if (this.disposed) return '';
    const now = nowSeconds();
    this.tidy();
    let job = this.jobs.get(command);
    if (!job) {
      job = { command, process: undefined, out: undefined, partial: '', updated: false, last: 0, lastRedraw: 0, used: 0 };
      this.jobs.set(command, job);
    }
    job.used = Date.now();
    if (force && job.process) this.stop(job);
    if (force || (!job.process && job.last !== now)) {
      this.start(job);
      job.last = now;
      job.updated = false;
    } else if (job.process && now - job.last > 1 && job.out === undefined) {
      job.out = `<'${command}' not ready>`;
    }
    return job.out ?? '';
  }

  /** The commands running now (show-messages -J). */
  running(): JobSummary[] {
    const out: JobSummary[] = [];
    for (const job of this.jobs.values()) if (job.process?.pid !== undefined) out.push({ command: job.command, pid: job.process.pid });
    return out;
  }

  /** Kill every command and forget them (the client has gone). */
  dispose(): void {
    this.disposed = true;
    for (const job of this.jobs.values()) this.stop(job);
    this.jobs.clear();
  }

  private start(job: Job): void {
    let child: ChildProcess;
    try {
      child = spawn('/bin/sh', ['-c', job.command], {
        cwd: this.cwd(),
        env: this.environment(),
        stdio: ['ignore', 'pipe', 'ignore'],
        detached: false,
      });
    } catch {
      job.out = `<'${job.command}' didn't start>`;
      return;
    }
    job.process = child;
    job.partial = '';
    child.on('error', () => {
      if (job.process !== child) return;
      job.process = undefined;
      job.out = `<'${job.command}' didn't start>`;
      this.redraw();
    });
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => {
      if (job.process !== child) return;
      job.partial += chunk;
      const lines = job.partial.split('\n');
      job.partial = lines.pop()!;
      // The last complete line (tmux reads lines up to the last newline and keeps the final one).
      const complete = lines.filter((_, i) => i === lines.length - 1);
      if (complete.length === 0) return;
      job.out = complete[0].replace(/\r$/, '');
      job.updated = true;
      const now = nowSeconds();
      if (job.lastRedraw !== now) {
        job.lastRedraw = now;
        this.redraw();
      }
    });
    child.on('close', () => {
      if (job.process !== child) return;
      job.process = undefined;
      const rest = job.partial;
      job.partial = '';
      if (rest !== '' || !job.updated) job.out = rest;
      this.redraw();
    });
  }

  private stop(job: Job): void {
    const child = job.process;
    job.process = undefined;
    if (child?.pid !== undefined && child.exitCode === null) {
      try {
        child.kill('SIGTERM');
      } catch {
        // already gone
      }
    }
  }

  private tidy(): void {
    const now = Date.now();
    for (const [command, job] of this.jobs) {
      if (now - job.used < FORGET_AFTER_MS) continue;
      this.stop(job);
      this.jobs.delete(command);
    }
  }
}
