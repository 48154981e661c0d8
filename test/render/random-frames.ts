// Random but valid frames for the writer's property tests: text with CJK and emoji wide characters
// (Unicode 11 widths, as xterm's addon measures them), combining marks, colours of all three kinds,
// attributes, blank row tails over coloured backgrounds, and a random cursor. Every grid keeps the
// invariant of `emulator/cell.ts`: a width-2 cell is followed by its width-0 right half.
//
// Test support only. Seeded, so a failure names the seed that reproduces it.

import { COLOR_PALETTE, CursorStyle, Frame, Grid, rgbColor } from '../../src/emulator/cell';

/** mulberry32: a small seeded generator returning [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NARROW = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,;:!?-_=+*/|#@~()[]{}<>';
const WIDE = ['中', '文', '字', '한', 'あ', '😀', '🎉', '👍'];
const COMBINING = ['e\u0301', 'a\u0308', 'n\u0303', 'o\u0302\u0323'];

export class FrameSource {
  readonly random: () => number;

  constructor(seed: number) {
    this.random = seededRandom(seed);
  }

  int(n: number): number {
    return Math.floor(this.random() * n);
  }

  chance(p: number): boolean {
    return this.random() < p;
  }

  colour(): number {
    const r = this.random();
    if (r < 0.4) return 0;
    if (r < 0.6) return COLOR_PALETTE | this.int(16);
    if (r < 0.8) return COLOR_PALETTE | (16 + this.int(240));
    return rgbColor(this.int(256), this.int(256), this.int(256));
  }

  attrs(): number {
    return this.chance(0.6) ? 0 : this.int(1 << 9);
  }

  /** Put one random cell (sometimes wide, combining or a coloured space) at (x, y). */
  putRandomCell(grid: Grid, x: number, y: number): void {
    const r = this.random();
    const fg = this.colour();
    const bg = this.colour();
    const attrs = this.attrs();
    if (r < 0.3) put(grid, x, y, ' ', 1, fg, bg, attrs);
    else if (r < 0.75) put(grid, x, y, NARROW[this.int(NARROW.length)], 1, fg, bg, attrs);
    else if (r < 0.88 && x + 1 < grid.cols) put(grid, x, y, WIDE[this.int(WIDE.length)], 2, fg, bg, attrs);
    else put(grid, x, y, COMBINING[this.int(COMBINING.length)], 1, fg, bg, attrs);
  }

  /** Blank from x to the end of row y over one background (what EL draws). */
  blankTail(grid: Grid, x: number, y: number, bg: number): void {
    for (let col = x; col < grid.cols; col++) put(grid, col, y, ' ', 1, 0, bg, 0);
  }

  frame(cols: number, rows: number): Frame {
    const grid = new Grid(cols, rows);
    for (let y = 0; y < rows; y++) {
      const r = this.random();
      if (r < 0.15) continue;
      if (r < 0.3) {
        this.blankTail(grid, 0, y, this.colour());
        continue;
      }
      const length = this.int(cols + 1);
      for (let x = 0; x < length; x++) this.putRandomCell(grid, x, y);
      if (this.chance(0.5)) this.blankTail(grid, length, y, this.chance(0.5) ? 0 : this.colour());
    }
    return { grid, cursor: this.cursor(cols, rows) };
  }

  /** A copy of `frame` with a few local edits, the kind a pane's output makes between frames. */
  mutate(frame: Frame): Frame {
    const grid = copyGrid(frame.grid);
    const edits = 1 + this.int(6);
    for (let n = 0; n < edits; n++) {
      const x = this.int(grid.cols);
      const y = this.int(grid.rows);
      const r = this.random();
      if (r < 0.45) {
        this.putRandomCell(grid, x, y);
      } else if (r < 0.6) {
        const length = 1 + this.int(grid.cols - x);
        for (let col = x; col < x + length; col++) this.putRandomCell(grid, col, y);
      } else if (r < 0.75) {
        this.blankTail(grid, x, y, this.chance(0.5) ? 0 : this.colour());
      } else if (r < 0.85) {
        // Recolour a run, keeping the text: exercises SGR-only changes.
        const fg = this.colour();
        const bg = this.colour();
        const attrs = this.attrs();
        for (let col = x; col < grid.cols && col < x + 4; col++) {
          const i = y * grid.cols + col;
          grid.fg[i] = fg;
          grid.bg[i] = bg;
          grid.attrs[i] = attrs;
        }
      } else if (r < 0.95 && x + 1 < grid.cols) {
        // A wide character, often landing across half of another one.
        put(grid, x, y, WIDE[this.int(WIDE.length)], 2, this.colour(), this.colour(), this.attrs());
      } else {
        this.putRandomCell(grid, grid.cols - 1, grid.rows - 1);
      }
    }
    return { grid, cursor: this.chance(0.5) ? { ...frame.cursor } : this.cursor(grid.cols, grid.rows) };
  }

  cursor(cols: number, rows: number): Frame['cursor'] {
    return {
      x: this.int(cols),
      y: this.int(rows),
      visible: this.chance(0.7),
      style: this.int(7) as CursorStyle,
    };
  }
}

/**
 * Set a cell the way a terminal would: a wide character it overwrites half of loses its other
 * half (which becomes a space in the same colours).
 */
export function put(grid: Grid, x: number, y: number, ch: string, width: number, fg: number, bg: number, attrs: number): void {
  if (width === 2 && x + 1 >= grid.cols) return;
  breakWide(grid, x, y);
  if (width === 2) breakWide(grid, x + 1, y);
  grid.set(x, y, ch, width, fg, bg, attrs);
  if (width === 2) grid.set(x + 1, y, '', 0, fg, bg, attrs);
}

function breakWide(grid: Grid, x: number, y: number): void {
  const i = y * grid.cols + x;
  if (grid.widths[i] === 0 && x > 0) {
    grid.chars[i - 1] = ' ';
    grid.widths[i - 1] = 1;
    grid.chars[i] = ' ';
    grid.widths[i] = 1;
  } else if (grid.widths[i] === 2 && x + 1 < grid.cols) {
    grid.chars[i + 1] = ' ';
    grid.widths[i + 1] = 1;
  }
}

export function copyGrid(from: Grid, to: Grid = new Grid(from.cols, from.rows)): Grid {
  for (let i = 0; i < from.chars.length; i++) to.chars[i] = from.chars[i];
  to.widths.set(from.widths);
  to.fg.set(from.fg);
  to.bg.set(from.bg);
  to.attrs.set(from.attrs);
  return to;
}
