// Deterministic generated inputs, the same shapes as the measurements in
// shared/reference/node-stack-measurements.md §2: plain `seq`-like lines; colour (an SGR sequence
// about every 10 bytes: `ls --color` listings, gcc diagnostics, 256-colour and 24-bit words); and
// full-screen repaints (ESC[H, then per row a CUP and 8 × (SGR + 25 characters) = 200 columns).
// Also the history fill (lines of exactly N visible columns) and the known screen for attach.
// A fixed-seed PRNG makes every file byte-identical from run to run.

import * as fs from 'node:fs';

/** mulberry32: small, fast, good enough for test data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.';

/** A long random printable string to slice text from (much cheaper than a random call per character). */
function textPool(random: () => number, length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += LETTERS[Math.floor(random() * LETTERS.length)];
  return s;
}

/** Writes a file in large chunks from a line generator until it reaches `bytes`. */
function writeUntil(file: string, bytes: number, next: () => string): number {
  const fd = fs.openSync(file, 'w');
  let written = 0;
  try {
    let chunk: string[] = [];
    let chunkBytes = 0;
    while (written + chunkBytes < bytes) {
      const s = next();
      chunk.push(s);
      chunkBytes += Buffer.byteLength(s);
      if (chunkBytes >= 1 << 20) {
        written += fs.writeSync(fd, chunk.join(''));
        chunk = [];
        chunkBytes = 0;
      }
    }
    if (chunk.length) written += fs.writeSync(fd, chunk.join(''));
  } finally {
    fs.closeSync(fd);
  }
  return written;
}

export function writePlain(file: string, bytes: number): number {
  let n = 0;
  return writeUntil(file, bytes, () => `${++n}\n`);
}

export function writeColour(file: string, bytes: number): number {
  const random = prng(0xc0102);
  const pool = textPool(random, 1 << 16);
  const word = (min: number, max: number): string => {
    const len = min + Math.floor(random() * (max - min + 1));
    const at = Math.floor(random() * (pool.length - len));
    return pool.slice(at, at + len);
  };
  const byte = (): number => Math.floor(random() * 256);
  const lsStyles = ['01;34', '01;32', '01;36', '40;33;01', '01;35', '00;31', '01;31'];
  const lsLine = (): string => {
    let line = '';
    for (let i = 0; i < 8; i++) {
      const r = random();
      const style = r < 0.6 ? lsStyles[Math.floor(random() * lsStyles.length)] : r < 0.8 ? `38;5;${byte()}` : `38;2;${byte()};${byte()};${byte()}`;
      line += `\x1b[${style}m${word(3, 9)}\x1b[0m  `;
    }
    return `${line}\n`;
  };
  const gccLine = (): string =>
    `\x1b[01m\x1b[Ksrc/${word(3, 8)}.c:${1 + Math.floor(random() * 999)}:${1 + Math.floor(random() * 80)}:\x1b[m\x1b[K ` +
    `\x1b[01;31m\x1b[Kerror: \x1b[m\x1b[Kexpected '\x1b[01m\x1b[K${word(1, 3)}\x1b[m\x1b[K' before '\x1b[01m\x1b[K${word(1, 4)}\x1b[m\x1b[K' token\n`;
  const rgbLine = (): string => {
    let line = '';
    for (let i = 0; i < 12; i++) {
      line += random() < 0.5 ? `\x1b[38;2;${byte()};${byte()};${byte()}m${word(3, 8)} ` : `\x1b[48;5;${byte()};38;5;${byte()}m${word(3, 8)}\x1b[0m `;
    }
    return `${line}\x1b[0m\n`;
  };
  return writeUntil(file, bytes, () => {
    const r = random();
    return r < 0.5 ? lsLine() : r < 0.8 ? gccLine() : rgbLine();
  });
}

export function writeRepaint(file: string, bytes: number, cols = 200, rows = 50): number {
  const random = prng(0x7e1);
  const pool = textPool(random, 1 << 16);
  const segment = Math.floor(cols / 8);
  const sgr = (): string => {
    const r = random();
    if (r < 0.4) return `\x1b[3${Math.floor(random() * 8)}m`;
    if (r < 0.6) return `\x1b[1;4${Math.floor(random() * 8)}m`;
    if (r < 0.85) return `\x1b[38;5;${Math.floor(random() * 256)}m`;
    return `\x1b[48;5;${Math.floor(random() * 256)};38;5;${Math.floor(random() * 256)}m`;
  };
  return writeUntil(file, bytes, () => {
    let frame = '\x1b[H';
    for (let r = 1; r <= rows; r++) {
      frame += `\x1b[${r};1H`;
      for (let s = 0; s < 8; s++) {
        const at = Math.floor(random() * (pool.length - segment));
        frame += sgr() + pool.slice(at, at + segment);
      }
    }
    return `${frame}\x1b[0m`;
  });
}

/**
 * `lines` lines of exactly `cols` visible columns each (so none wraps), plain or coloured with an
 * SGR every 10 columns, for filling history.
 */
export function writeHistory(file: string, lines: number, cols: number, coloured: boolean): void {
  const random = prng(coloured ? 0x415c : 0x415a);
  const pool = textPool(random, 1 << 16);
  const fd = fs.openSync(file, 'w');
  try {
    let chunk = '';
    for (let i = 0; i < lines; i++) {
      const at = Math.floor(random() * (pool.length - cols));
      const text = pool.slice(at, at + cols);
      if (!coloured) {
        chunk += `${text}\n`;
      } else {
        for (let c = 0; c < cols; c += 10) {
          const r = random();
          const style = r < 0.4 ? `3${Math.floor(random() * 8)}` : r < 0.7 ? `38;5;${Math.floor(random() * 256)}` : `38;2;${Math.floor(random() * 256)};${Math.floor(random() * 256)};${Math.floor(random() * 256)}`;
          chunk += `\x1b[${style}m${text.slice(c, c + 10)}`;
        }
        chunk += '\x1b[0m\n';
      }
      if (chunk.length > 1 << 20) {
        fs.writeSync(fd, chunk);
        chunk = '';
      }
    }
    fs.writeSync(fd, chunk);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * A full screen of known text: `rows` lines of exactly `cols` characters, each starting with its
 * row number, the last without a newline (so nothing scrolls). Returns the lines.
 */
export function writeScreen(file: string, cols: number, rows: number): string[] {
  const random = prng(0x5c4ee);
  const pool = textPool(random, 1 << 14);
  const lines: string[] = [];
  for (let r = 1; r <= rows; r++) {
    const head = `${String(r).padStart(3, '0')}:`;
    const at = Math.floor(random() * (pool.length - cols));
    lines.push(head + pool.slice(at, at + cols - head.length));
  }
  fs.writeFileSync(file, lines.join('\n'));
  return lines;
}
