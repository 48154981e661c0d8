// Running programs and reading the kernel's accounting of them: wall-clock timing of a command,
// a process's resident memory (/proc/PID/status VmRSS) and CPU time (/proc/PID/stat utime+stime).

import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  /** Wall time from spawn to exit, milliseconds. */
  ms: number;
}

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  timeoutMs?: number;
}

/** Monotonic time in milliseconds, sub-millisecond resolution. */
export function now(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
/** Block the thread (for synchronous cleanup only). */
export function sleepSync(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

/** Run a program to completion, timing it from spawn to exit. Never throws. */
export function run(file: string, args: string[], opts: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve) => {
    const start = now();
    let stdout = '';
    let stderr = '';
    let settled = false;
    const child = spawn(file, args, { env: opts.env ?? process.env, cwd: opts.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const timer = opts.timeoutMs
      ? setTimeout(() => {
          stderr += `timed out after ${opts.timeoutMs} ms`;
          child.kill('SIGKILL');
        }, opts.timeoutMs)
      : undefined;
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const finish = (code: number): void => {
      if (settled) return;
      settled = true;
      if (timer) clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: now() - start });
    };
    child.on('error', (e) => {
      stderr += e.message;
      finish(127);
    });
    child.on('close', (code, signal) => finish(code ?? (signal ? 128 : 1)));
  });
}

/** Synchronous run, for cleanup. */
export function runSync(file: string, args: string[], opts: RunOptions = {}): RunResult {
  const start = now();
  const r = spawnSync(file, args, { env: opts.env ?? process.env, cwd: opts.cwd, timeout: opts.timeoutMs ?? 10_000, encoding: 'utf8' });
  return { code: r.status ?? 1, stdout: r.stdout ?? '', stderr: r.stderr ?? '', ms: now() - start };
}

/** Whether a process is running. A zombie is not: a daemonised server whose parent does not reap it lingers as one. */
export function alive(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/** Resident set size in bytes, or NaN if the process is gone. */
export function rssBytes(pid: number): number {
  try {
    const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : NaN;
  } catch {
    return NaN;
  }
}

let clockTicks: number | undefined;
/** Clock ticks per second (USER_HZ), the unit of utime and stime. */
export function ticksPerSecond(): number {
  if (clockTicks === undefined) {
    const r = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
    clockTicks = Number(r.stdout?.trim()) || 100;
  }
  return clockTicks;
}

/** User plus system CPU time of a process, in seconds. */
export function cpuSeconds(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may contain spaces: split after it.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state); utime and stime are fields 14 and 15.
    return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond();
  } catch {
    return NaN;
  }
}

/**
 * Wait until a process has used no CPU for `quietMs` (it finished what it was doing: drawing,
 * reading a pty). Returns false on timeout. Tick granularity is 10 ms, so this is coarse.
 */
export async function waitIdle(pid: number, quietMs: number, timeoutMs: number): Promise<boolean> {
  const deadline = now() + timeoutMs;
  let last = cpuSeconds(pid);
  let quietSince = now();
  while (now() < deadline) {
    await sleep(50);
    const cpu = cpuSeconds(pid);
    if (cpu !== last) {
      last = cpu;
      quietSince = now();
    } else if (now() - quietSince >= quietMs) {
      return true;
    }
  }
  return false;
}

/** Poll until a condition holds; throws with `what` on timeout. */
export async function until(what: string, cond: () => boolean, timeoutMs: number, everyMs = 20): Promise<void> {
  const deadline = now() + timeoutMs;
  while (!cond()) {
    if (now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(everyMs);
  }
}
