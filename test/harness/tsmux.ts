// A private tsmux for one test: its own TMUX_TMPDIR (so its own socket directory), its own HOME
// with a plain shell prompt, and cleanup that stops its server and removes every file.

import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Screen, type ScreenOptions } from './screen';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const TSMUX = path.join(ROOT, 'bin', 'tsmux');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export class TestTsmux {
  readonly dir: string;
  readonly home: string;
  readonly env: Record<string, string>;
  private readonly screens: Screen[] = [];

  constructor() {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsmux-test-'));
    this.home = path.join(this.dir, 'home');
    fs.mkdirSync(this.home);
    // A predictable prompt and no user rc files: tests read the screen.
    fs.writeFileSync(path.join(this.home, '.profile'), "PS1='$ '; export PS1\n");
    fs.writeFileSync(path.join(this.home, '.bashrc'), "PS1='$ '\n");
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
    delete env.TSMUX;
    delete env.TSMUX_PANE;
    delete env.TMUX;
    Object.assign(env, {
      TMUX_TMPDIR: this.dir,
      HOME: this.home,
      SHELL: '/bin/bash',
      PS1: '$ ',
      LANG: 'C.UTF-8',
      TERM: 'xterm-256color',
    });
    this.env = env;
  }

  /** The socket this test's server listens on. */
  get socketPath(): string {
    return path.join(this.dir, `tsmux-${process.getuid ? process.getuid() : 0}`, 'default');
  }

  /** Run a tsmux command to completion, without a terminal. */
  run(args: string[], opts: { env?: Record<string, string> } = {}): Promise<RunResult> {
    return new Promise((resolve) => {
      execFile(TSMUX, args, { env: { ...this.env, ...(opts.env ?? {}) }, cwd: this.home, timeout: 20000 }, (error, stdout, stderr) => {
        const code = error ? (typeof (error as NodeJS.ErrnoException).code === 'number' ? ((error as unknown as { code: number }).code) : 1) : 0;
        resolve({ code, stdout, stderr });
      });
    });
  }

  /** Start tsmux in a terminal (attach, new-session…) and return the screen. */
  start(args: string[], opts: ScreenOptions = {}): Screen {
    const screen = new Screen(TSMUX, args, { cwd: this.home, ...opts, env: { ...this.env, ...(opts.env ?? {}) } });
    this.screens.push(screen);
    return screen;
  }

  /** Any program in a terminal with this test's environment (a shell to run tsmux from, say). */
  startProgram(file: string, args: string[], opts: ScreenOptions = {}): Screen {
    const screen = new Screen(file, args, { cwd: this.home, ...opts, env: { ...this.env, ...(opts.env ?? {}) } });
    this.screens.push(screen);
    return screen;
  }

  /** The server's pid, read from a running server. */
  async serverPid(): Promise<number> {
    const r = await this.run(['display-message', '-p', '#{pid}']);
    return Number(r.stdout.trim());
  }

  async cleanup(): Promise<void> {
    for (const s of this.screens) s.kill('SIGKILL');
    const pid = await this.serverPid().catch(() => 0);
    await this.run(['kill-server']);
    // Wait for the server process to be gone, then remove everything.
    for (let i = 0; pid > 0 && i < 100 && alive(pid); i++) await sleep(20);
    if (pid > 0 && alive(pid)) process.kill(pid, 'SIGKILL');
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
