// A person at a terminal, for end-to-end tests: runs a program in a real pseudo-terminal and reads
// what it draws through a headless terminal emulator, so tests see the screen as a user would.

import * as pty from 'node-pty';
import { Terminal } from '@xterm/headless';
import { Unicode11Addon } from '@xterm/addon-unicode11';

export interface ScreenOptions {
  cols?: number;
  rows?: number;
  env?: Record<string, string>;
  cwd?: string;
}

export interface CellInfo {
  char: string;
  width: number;
  fg: number;
  fgMode: 'default' | 'palette' | 'rgb';
  bg: number;
  bgMode: 'default' | 'palette' | 'rgb';
  bold: boolean;
  italic: boolean;
  underline: boolean;
  inverse: boolean;
}

export class Screen {
  readonly term: Terminal;
  readonly proc: pty.IPty;
  /** Every byte the program wrote, as text. */
  output = '';
  readonly exited: Promise<{ exitCode: number; signal?: number }>;
  private pendingWrites = 0;
  private exitInfo: { exitCode: number; signal?: number } | undefined;

  constructor(file: string, args: string[], opts: ScreenOptions = {}) {
    const cols = opts.cols ?? 80;
    const rows = opts.rows ?? 24;
    this.term = new Terminal({ cols, rows, allowProposedApi: true, scrollback: 1000 });
    this.term.loadAddon(new Unicode11Addon());
    this.term.unicode.activeVersion = '11';
    this.proc = pty.spawn(file, args, {
      name: 'xterm-256color',
      cols,
      rows,
      cwd: opts.cwd ?? process.cwd(),
      env: { ...(opts.env ?? (process.env as Record<string, string>)), TERM: 'xterm-256color' },
    });
    // Answer the terminal's replies (cursor position reports…) as a real terminal would.
    this.term.onData((d) => this.proc.write(d));
    this.proc.onData((d) => {
      this.output += d;
      this.pendingWrites++;
      this.term.write(d, () => this.pendingWrites--);
    });
    this.exited = new Promise((resolve) => {
      this.proc.onExit((e) => {
        this.exitInfo = e;
        resolve(e);
      });
    });
  }

  get hasExited(): boolean {
    return this.exitInfo !== undefined;
  }

  write(data: string): void {
    this.proc.write(data);
  }

  resize(cols: number, rows: number): void {
    this.proc.resize(cols, rows);
    this.term.resize(cols, rows);
  }

  kill(signal: string = 'SIGHUP'): void {
    try {
      process.kill(this.proc.pid, signal);
    } catch {
      // already gone
    }
  }

  line(y: number): string {
    const b = this.term.buffer.active;
    return b.getLine(b.viewportY + y)?.translateToString(true) ?? '';
  }

  lines(): string[] {
    const out: string[] = [];
    for (let y = 0; y < this.term.rows; y++) out.push(this.line(y));
    return out;
  }

  text(): string {
    return this.lines().join('\n');
  }

  get alternateScreen(): boolean {
    return this.term.buffer.active.type === 'alternate';
  }

  cursor(): { x: number; y: number } {
    const b = this.term.buffer.active;
    return { x: b.cursorX, y: b.cursorY };
  }

  cell(x: number, y: number): CellInfo {
    const b = this.term.buffer.active;
    const c = b.getLine(b.viewportY + y)?.getCell(x);
    if (!c) throw new Error(`no cell at ${x},${y}`);
    return {
      char: c.getChars(),
      width: c.getWidth(),
      fg: c.getFgColor(),
      fgMode: c.isFgDefault() ? 'default' : c.isFgRGB() ? 'rgb' : 'palette',
      bg: c.getBgColor(),
      bgMode: c.isBgDefault() ? 'default' : c.isBgRGB() ? 'rgb' : 'palette',
      bold: c.isBold() !== 0,
      italic: c.isItalic() !== 0,
      underline: c.isUnderline() !== 0,
      inverse: c.isInverse() !== 0,
    };
  }

  /** Wait until the screen satisfies `test` (text, regex, or predicate), or fail with the screen shown. */
  async waitFor(test: string | RegExp | ((s: Screen) => boolean), timeoutMs = 15000, what?: string): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const check = (): boolean => {
      if (typeof test === 'string') return this.text().includes(test);
      if (test instanceof RegExp) return test.test(this.text());
      return test(this);
    };
    for (;;) {
      if (this.pendingWrites === 0 && check()) return;
      if (Date.now() > deadline) {
        throw new Error(`timed out waiting for ${what ?? String(test)}; screen was:\n${this.text()}\n--- end of screen`);
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Wait for the program to exit (fails after the timeout). */
  async waitExit(timeoutMs = 10000): Promise<{ exitCode: number; signal?: number }> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`program did not exit; screen was:\n${this.text()}`)), timeoutMs);
    });
    try {
      return await Promise.race([this.exited, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Let pending output be parsed. */
  async settle(ms = 100): Promise<void> {
    await new Promise((r) => setTimeout(r, ms));
    while (this.pendingWrites > 0) await new Promise((r) => setTimeout(r, 10));
  }
}
