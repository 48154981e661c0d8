// The cell grid: the one screen representation shared by the emulator (which fills grids from a
// pane's terminal state), the frame composer (which places pane grids, borders and the status line
// into a client-sized grid) and the writer (which diffs two grids into terminal output).
//
// Cells are stored column-major-free in flat typed arrays (index = y * cols + x) so that a frame
// diff is a loop over numbers, not objects. Text is a per-cell string because a cell can hold a
// base character plus combining marks; a wide character occupies its cell (width 2) and the cell
// to its right holds '' with width 0.

/** Attribute bits (`Grid.attrs`). */
export const ATTR_BOLD = 1 << 0;
export const ATTR_DIM = 1 << 1;
export const ATTR_ITALIC = 1 << 2;
export const ATTR_UNDERLINE = 1 << 3;
export const ATTR_BLINK = 1 << 4;
export const ATTR_INVERSE = 1 << 5;
export const ATTR_INVISIBLE = 1 << 6;
export const ATTR_STRIKE = 1 << 7;
export const ATTR_OVERLINE = 1 << 8;

/**
 * Colours are one uint32: 0 is the terminal's default colour; `COLOR_PALETTE | n` is palette entry
 * n (0–255; 0–7 and 8–15 are the basic and bright colours); `COLOR_RGB | 0xRRGGBB` is 24-bit.
 */
export const COLOR_DEFAULT = 0;
export const COLOR_PALETTE = 0x01000000;
export const COLOR_RGB = 0x02000000;
export const COLOR_MODE_MASK = 0xff000000;

export function paletteColor(index: number): number {
  return COLOR_PALETTE | (index & 0xff);
}

export function rgbColor(r: number, g: number, b: number): number {
  return (COLOR_RGB | ((r & 0xff) << 16) | ((g & 0xff) << 8) | (b & 0xff)) >>> 0;
}

/** DECSCUSR cursor styles: 0 default, 1 blinking block, 2 block, 3 blinking underline, 4 underline, 5 blinking bar, 6 bar. */
export type CursorStyle = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export interface CursorState {
  x: number;
  y: number;
  visible: boolean;
  style: CursorStyle;
}

export class Grid {
  readonly cols: number;
  readonly rows: number;
  readonly chars: string[];
  readonly widths: Uint8Array;
  readonly fg: Uint32Array;
  readonly bg: Uint32Array;
  readonly attrs: Uint16Array;

  constructor(cols: number, rows: number) {
    this.cols = cols;
    this.rows = rows;
    const n = cols * rows;
    this.chars = new Array<string>(n).fill(' ');
    this.widths = new Uint8Array(n).fill(1);
    this.fg = new Uint32Array(n);
    this.bg = new Uint32Array(n);
    this.attrs = new Uint16Array(n);
  }

  /** Blank every cell (space, default colours, no attributes). */
  clear(): void {
    this.chars.fill(' ');
    this.widths.fill(1);
    this.fg.fill(0);
    this.bg.fill(0);
    this.attrs.fill(0);
  }

  /** Blank a rectangle with the given background (used for areas outside any pane). */
  fill(x: number, y: number, w: number, h: number, ch = ' ', fg = 0, bg = 0, attrs = 0): void {
    for (let row = y; row < y + h && row < this.rows; row++) {
      for (let col = x; col < x + w && col < this.cols; col++) {
        const i = row * this.cols + col;
        this.chars[i] = ch;
        this.widths[i] = 1;
        this.fg[i] = fg;
        this.bg[i] = bg;
        this.attrs[i] = attrs;
      }
    }
  }

  set(x: number, y: number, ch: string, width: number, fg: number, bg: number, attrs: number): void {
    if (x < 0 || y < 0 || x >= this.cols || y >= this.rows) return;
    const i = y * this.cols + x;
    this.chars[i] = ch;
    this.widths[i] = width;
    this.fg[i] = fg;
    this.bg[i] = bg;
    this.attrs[i] = attrs;
  }

  /** The text of one row, wide-character continuation cells skipped (for tests and capture). */
  rowText(y: number): string {
    let s = '';
    const base = y * this.cols;
    for (let x = 0; x < this.cols; x++) {
      if (this.widths[base + x] !== 0) s += this.chars[base + x];
    }
    return s;
  }
}

/** What a client's terminal should show: a grid plus the cursor. */
export interface Frame {
  grid: Grid;
  cursor: CursorState;
}
