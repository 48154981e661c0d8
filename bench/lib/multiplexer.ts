// One multiplexer server under test — tsmux or tmux — on its own socket (`-L bench-<pid>-…`), with
// its own TMUX_TMPDIR, HOME (a plain `$ ` prompt, no rc files of the user's) and scratch directory.
// Benchmarks drive both through this one interface so that they run the same commands on the same
// work; the server is killed and the directory removed when the owning Scope closes.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Scope } from './cleanup';
import { alive, run, runSync, sleepSync, type RunResult } from './proc';

export type MuxName = 'tsmux' | 'tmux';
export const MUX_NAMES: readonly MuxName[] = ['tsmux', 'tmux'];

/** The repository root (this file runs from dist/bench/lib/). */
export const ROOT = path.resolve(__dirname, '..', '..', '..');

export const BINARIES: Readonly<Record<MuxName, string>> = {
  tsmux: path.join(ROOT, 'bin', 'tsmux'),
  tmux: '/usr/bin/tmux',
};

/** Commands a benchmark may need that tsmux might not have yet. */
export type OptionalCommand = 'send-keys' | 'wait-for' | 'new-window' | 'split-window' | 'set-option';

// How to ask for each optional command without changing anything: a target that does not exist
// (or no arguments) gets a usage or "can't find" error when the command exists, "unknown command"
// when it does not.
const PROBES: Record<OptionalCommand, string[]> = {
  'send-keys': ['send-keys', '-t', '=bench-no-such-session:'],
  'wait-for': ['wait-for'],
  'new-window': ['new-window', '-d', '-t', '=bench-no-such-session:'],
  'split-window': ['split-window', '-d', '-t', '=bench-no-such-session:'],
  'set-option': ['set-option', '-t', '=bench-no-such-session', 'history-limit', '2000'],
};

let serial = 0;

/** The environment every benchmark program starts from: the caller's, minus any enclosing multiplexer. */
export function baseEnvironment(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  for (const k of ['TMUX', 'TMUX_PANE', 'TSMUX', 'TSMUX_PANE', 'TMUX_TMPDIR']) delete env[k];
  return env;
}

export class Multiplexer {
  readonly bin: string;
  readonly label: string;
  /** Private directory: TMUX_TMPDIR, HOME, and any scratch files of the benchmark. */
  readonly dir: string;
  readonly env: Record<string, string>;
  private pid = 0;
  private readonly probed = new Map<OptionalCommand, boolean>();

  constructor(readonly name: MuxName, purpose: string, scope: Scope) {
    this.bin = BINARIES[name];
    this.label = `bench-${process.pid}-${purpose}-${++serial}`;
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-${name}-`));
    const home = path.join(this.dir, 'home');
    fs.mkdirSync(home);
    fs.writeFileSync(path.join(home, '.bashrc'), "PS1='$ '\n");
    fs.writeFileSync(path.join(home, '.profile'), "PS1='$ '; export PS1\n");
    this.env = {
      ...baseEnvironment(),
      TMUX_TMPDIR: this.dir,
      HOME: home,
      SHELL: '/bin/bash',
      PS1: '$ ',
      LANG: 'C.UTF-8',
      TERM: 'xterm-256color',
    };
    scope.defer(`${name} server ${this.label}`, () => this.shutdown());
  }

  /** A file in the private directory. */
  file(name: string): string {
    return path.join(this.dir, name);
  }

  /** Arguments for a command against this server (global flags first, as both require). */
  argv(args: string[]): string[] {
    return ['-L', this.label, '-f', '/dev/null', ...args];
  }

  /** Run a command; resolves with its result whatever the exit status. */
  exec(args: string[], timeoutMs = 20_000): Promise<RunResult> {
    return run(this.bin, this.argv(args), { env: this.env, cwd: this.env.HOME, timeoutMs });
  }

  /** Run a command that must succeed. */
  async cmd(...args: string[]): Promise<string> {
    const r = await this.exec(args);
    if (r.code !== 0) throw new Error(`${this.name} ${args[0]}: ${complaint(r)}`);
    return r.stdout;
  }

  /**
   * The command a pane runs to talk to its own server. Inside a pane `$TMUX` (`$TSMUX`) names the
   * socket, so no -L is needed — the way a user's script would do it.
   */
  inPane(args: string[]): string {
    return [this.bin, ...args].map(shellQuote).join(' ');
  }

  /** Start a detached session (starting the server) and learn the server's pid. */
  async newSession(name: string, cols: number, rows: number, command?: string): Promise<void> {
    await this.cmd('new-session', '-d', '-s', name, '-x', String(cols), '-y', String(rows), ...(command ? [command] : []));
    if (this.pid === 0) this.pid = await this.serverPid();
  }

  async serverPid(): Promise<number> {
    const out = await this.cmd('display-message', '-p', '#{pid}');
    const pid = Number(out.trim());
    if (!Number.isInteger(pid) || pid <= 0) throw new Error(`${this.name}: bad server pid ${JSON.stringify(out)}`);
    this.pid = pid;
    return pid;
  }

  get knownPid(): number {
    return this.pid;
  }

  /** Whether this multiplexer has a command (asked of a running server). */
  async has(command: OptionalCommand): Promise<boolean> {
    const known = this.probed.get(command);
    if (known !== undefined) return known;
    const r = await this.exec(PROBES[command]);
    const present = !/unknown command|ambiguous command/.test(r.stderr);
    this.probed.set(command, present);
    return present;
  }

  /** undefined when every command is there, else "needs a, b". */
  async missing(...commands: OptionalCommand[]): Promise<string | undefined> {
    const absent: string[] = [];
    for (const c of commands) if (!(await this.has(c))) absent.push(c);
    return absent.length ? `needs ${absent.join(', ')}` : undefined;
  }

  /** Kill the server (and so its panes) and remove every file. Synchronous: runs from 'exit' too. */
  shutdown(): void {
    if (fs.existsSync(this.dir)) {
      runSync(this.bin, this.argv(['kill-server']), { env: this.env, timeoutMs: 10_000 });
      if (this.pid > 0) {
        for (let i = 0; i < 100 && alive(this.pid); i++) sleepSync(20);
        if (alive(this.pid)) process.kill(this.pid, 'SIGKILL');
      }
    }
    this.pid = 0;
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/** The line of a failed command's output that says what went wrong (a crash's stack starts with file:line). */
function complaint(r: RunResult): string {
  const lines = (r.stderr || r.stdout).split('\n').map((l) => l.trim()).filter(Boolean);
  return lines.find((l) => /^\w*Error\b/.test(l)) ?? lines[0] ?? `exit ${r.code}`;
}

export function shellQuote(s: string): string {
  return /^[A-Za-z0-9_\/.,:=@%+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** A fresh tsmux and tmux for one benchmark (neither server is started yet). */
export function bothMultiplexers(purpose: string, scope: Scope): Record<MuxName, Multiplexer> {
  return { tsmux: new Multiplexer('tsmux', purpose, scope), tmux: new Multiplexer('tmux', purpose, scope) };
}

/** A/B order for round r: tmux first on even rounds, tsmux first on odd ones. */
export function interleaved(round: number): MuxName[] {
  return round % 2 === 0 ? ['tmux', 'tsmux'] : ['tsmux', 'tmux'];
}
