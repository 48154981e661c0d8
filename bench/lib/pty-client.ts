// A program in a pseudo-terminal whose output is read as fast as the event loop allows: the
// attached client of a multiplexer (`attach -t S` at 200x51), or a bare `cat` for the raw pty
// ceiling. Output arrives as Buffers (no decoding cost); a benchmark either counts bytes, watches
// chunks for a byte, or mirrors the screen through a headless terminal to see what a user would see.

import * as pty from 'node-pty';
import { Terminal } from '@xterm/headless';
import type { Scope } from './cleanup';
import type { Multiplexer } from './multiplexer';
import { now, sleep } from './proc';

export interface PtyOptions {
  cols: number;
  rows: number;
  env: Record<string, string>;
  cwd?: string;
}

export type ChunkListener = (chunk: Buffer, at: number) => void;

export class PtyReader {
  readonly proc: pty.IPty;
  /** Bytes read so far. */
  bytes = 0;
  /** When the last chunk arrived (now() milliseconds). */
  lastChunkAt = 0;
  readonly exited: Promise<number>;
  private exitCode: number | undefined;
  private readonly listeners = new Set<ChunkListener>();

  constructor(file: string, args: string[], opts: PtyOptions, scope: Scope) {
    this.proc = pty.spawn(file, args, {
      name: 'xterm-256color',
      cols: opts.cols,
      rows: opts.rows,
      cwd: opts.cwd ?? opts.env.HOME ?? process.cwd(),
      env: opts.env,
      // Buffers, not strings: no UTF-8 decoding in the reader.
      encoding: null,
    });
    // node-pty types onData as string; with encoding null it delivers Buffers.
    (this.proc.onData as unknown as pty.IEvent<Buffer>)((chunk) => {
      const at = now();
      this.bytes += chunk.length;
      this.lastChunkAt = at;
      for (const l of this.listeners) l(chunk, at);
    });
    this.exited = new Promise((resolve) => {
      this.proc.onExit((e) => {
        this.exitCode = e.exitCode;
        resolve(e.exitCode);
      });
    });
    scope.defer(`pty ${file} ${args.join(' ')}`, () => this.kill());
  }

  get running(): boolean {
    return this.exitCode === undefined;
  }

  onChunk(listener: ChunkListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  write(data: string): void {
    this.proc.write(data);
  }

  /** Wait until nothing has arrived for `quietMs` (after at least one chunk). */
  async settle(quietMs: number, timeoutMs: number): Promise<void> {
    const deadline = now() + timeoutMs;
    while (this.bytes === 0 || now() - this.lastChunkAt < quietMs) {
      if (!this.running) throw new Error(`client exited (code ${this.exitCode})`);
      if (now() > deadline) throw new Error(this.bytes === 0 ? 'client drew nothing' : 'client output never went quiet');
      await sleep(Math.min(quietMs / 2, 50));
    }
  }

  kill(): void {
    if (!this.running) return;
    try {
      this.proc.kill('SIGKILL');
    } catch {
      // already gone
    }
  }

  /** Hang up the client politely (SIGHUP, as a closed terminal would) and wait for it to exit. */
  async hangUp(timeoutMs = 5000): Promise<void> {
    if (!this.running) return;
    try {
      this.proc.kill('SIGHUP');
    } catch {
      return;
    }
    const gone = await Promise.race([this.exited.then(() => true), sleep(timeoutMs).then(() => false)]);
    if (!gone) this.kill();
  }
}

/** An attached client of `mux` in a pty of cols×rows (the status line takes one of the rows). */
export function attachClient(mux: Multiplexer, session: string, cols: number, rows: number, scope: Scope): PtyReader {
  return new PtyReader(mux.bin, mux.argv(['attach-session', '-t', session]), { cols, rows, env: mux.env }, scope);
}

/**
 * What a user would see: the reader's output parsed by a headless terminal. Each chunk's parse
 * completes in order; `onParsed` gets the arrival time of the chunk that was just parsed, so a
 * check that succeeds can be dated to when its bytes arrived, not to when we finished parsing.
 */
export class ScreenMirror {
  readonly term: Terminal;

  constructor(reader: PtyReader, cols: number, rows: number, onParsed: (arrivedAt: number) => void) {
    this.term = new Terminal({ cols, rows, scrollback: 0, allowProposedApi: true });
    reader.onChunk((chunk, at) => this.term.write(chunk, () => onParsed(at)));
  }

  /** The text of screen row y (0-based), trailing blanks trimmed. */
  row(y: number): string {
    const buffer = this.term.buffer.active;
    return buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '';
  }

  dispose(): void {
    this.term.dispose();
  }
}
