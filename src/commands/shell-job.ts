// Shell commands run by commands (run-shell, if-shell), as tmux's job_run runs them: `sh -c
// COMMAND` in the client's (or the session's) directory with the session's environment, stdout
// collected, stderr discarded, stdin a pipe nobody writes to (as tmux's socket).

import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';

export interface JobResult {
  stdout: Buffer;
  /** Exit code, or undefined when killed by a signal. */
  exitCode: number | undefined;
  /** The signal number that killed it, if one did. */
  signal: number | undefined;
}

function usable(dir: string): string {
  for (const d of [dir, process.env.HOME ?? '', '/']) {
    try {
      if (d && fs.statSync(d).isDirectory()) return d;
    } catch {
      // next
    }
  }
  return '/';
}

export function runShellJob(command: string, opts: { cwd: string; env: Record<string, string> }): Promise<JobResult> {
  return new Promise((resolve) => {
    const child = spawn('/bin/sh', ['-c', command], { cwd: usable(opts.cwd), env: opts.env, stdio: ['pipe', 'pipe', 'ignore'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => chunks.push(d));
    child.stdin.on('error', () => undefined);
    child.on('error', () => resolve({ stdout: Buffer.alloc(0), exitCode: 127, signal: undefined }));
    child.on('close', (code, signal) => {
      child.stdin.destroy();
      resolve({
        stdout: Buffer.concat(chunks),
        exitCode: code ?? undefined,
        signal: signal ? (os.constants.signals as Record<string, number>)[signal] : undefined,
      });
    });
  });
}
