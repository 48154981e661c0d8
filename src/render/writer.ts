// The frame writer: for one attached client, turns what its terminal shows into the next frame
// with as few bytes as it cheaply can — only changed cells, the cheapest cursor move to each run,
// only the SGR parameters that change, EL for blank row tails, colour downgraded to what the
// terminal supports.
//
// Owns: its own copy of what it last drew (grid, cursor position, visibility and style) and the
// terminal's current SGR pen. It assumes an xterm-compatible terminal in the alternate screen with
// autowrap on, origin mode off, no scroll region, and that nothing else writes to it.
//
// Must never: write to a socket or know about clients, panes or sessions (the caller sends the
// string it returns); keep a reference to the caller's Grid (callers reuse them); allocate per cell
// (this runs for every client on every frame; the only per-cell work is number and string-identity
// compares, and output goes into one string the engine builds as a rope).

import {
  ATTR_BLINK,
  ATTR_BOLD,
  ATTR_DIM,
  ATTR_INVERSE,
  ATTR_INVISIBLE,
  ATTR_ITALIC,
  ATTR_OVERLINE,
  ATTR_STRIKE,
  ATTR_UNDERLINE,
  COLOR_MODE_MASK,
  COLOR_PALETTE,
  Frame,
  Grid,
} from '../emulator/cell';
import { downgradeColour } from './colour';

export interface TerminalCaps {
  /** How many colours the client's terminal shows: RGB cells are downgraded to 256, then 16. */
  colours: 16 | 256 | 16777216;
  /** Whether the terminal supports synchronized output (DECSET 2026). */
  syncOutput: boolean;
}

/** SGR parameters that turn each attribute bit on and off. SGR 22 clears bold and dim together. */
const ATTR_SGR: ReadonlyArray<readonly [bit: number, on: string, off: string]> = [
  [ATTR_BOLD, '1', '22'],
  [ATTR_DIM, '2', '22'],
  [ATTR_ITALIC, '3', '23'],
  [ATTR_UNDERLINE, '4', '24'],
  [ATTR_BLINK, '5', '25'],
  [ATTR_INVERSE, '7', '27'],
  [ATTR_INVISIBLE, '8', '28'],
  [ATTR_STRIKE, '9', '29'],
  [ATTR_OVERLINE, '53', '55'],
];

// Palette SGR parameters are built once; 0–15 use the short 30–37/90–97 (40–47/100–107) forms,
// which mean the same palette entries on 256-colour terminals too.
const FG_PALETTE: string[] = [];
const BG_PALETTE: string[] = [];
for (let n = 0; n < 256; n++) {
  FG_PALETTE.push(n < 8 ? String(30 + n) : n < 16 ? String(90 + n - 8) : `38;5;${n}`);
  BG_PALETTE.push(n < 8 ? String(40 + n) : n < 16 ? String(100 + n - 8) : `48;5;${n}`);
}

/** The SGR parameter(s) for an already-downgraded colour; `background` picks 4x/48 over 3x/38. */
function colourSgr(colour: number, background: boolean): string {
  if (colour === 0) return background ? '49' : '39';
  if ((colour & COLOR_MODE_MASK) === COLOR_PALETTE) return (background ? BG_PALETTE : FG_PALETTE)[colour & 0xff];
  return `${background ? '48' : '38'};2;${(colour >> 16) & 0xff};${(colour >> 8) & 0xff};${colour & 0xff}`;
}

function digits(n: number): number {
  return n < 10 ? 1 : n < 100 ? 2 : n < 1000 ? 3 : n < 10000 ? 4 : 5;
}

/** Bytes in `ESC [ n X`, where a count of 1 is left out (`ESC [ X`). */
function csiCost(n: number): number {
  return n === 1 ? 3 : 3 + digits(n);
}

/** Bytes in CUP to (x, y), in the shortest of `ESC[H`, `ESC[rH` and `ESC[r;cH`. */
function cupCost(x: number, y: number): number {
  if (x === 0) return y === 0 ? 3 : 3 + digits(y + 1);
  return 4 + digits(y + 1) + digits(x + 1);
}

// How the cursor gets to a column or row (see moveTo).
const MOVE_NONE = 0;
const MOVE_CR = 1; //          \r
const MOVE_CUF = 2; //         ESC[nC
const MOVE_CUB = 3; //         ESC[nD
const MOVE_BS = 4; //          \b repeated
const MOVE_CHA = 5; //         ESC[nG
const MOVE_CR_CUF = 6; //      \r then ESC[nC
const MOVE_CUD = 8; //         ESC[nB
const MOVE_CUU = 9; //         ESC[nA
const MOVE_VPA = 10; //        ESC[nd

/** The cursor column when the writer cannot vouch for it (unknown, or pending wrap at the margin). */
const COLUMN_UNKNOWN = -1;

export class ScreenWriter {
  private readonly caps: TerminalCaps;

  /** What the terminal shows (its cells); null before the first render. */
  private drawn: Grid | null = null;
  private redrawAll = true;

  // The terminal's cursor. cx is COLUMN_UNKNOWN after writing the last column: the terminal is then
  // in its pending-wrap state, where relative moves differ between terminals, so only CUP is used.
  private cx = COLUMN_UNKNOWN;
  private cy = 0;
  private cursorVisible = true;
  private cursorStyle = 0;

  // The terminal's SGR pen, colours as sent (already downgraded).
  private penFg = 0;
  private penBg = 0;
  private penAttrs = 0;

  /** The update being built by render(); a field so the small emitters can append to it. */
  private out = '';

  constructor(caps: TerminalCaps) {
    this.caps = caps;
  }

  /** Forget what the terminal shows: the next render() redraws everything. */
  invalidate(): void {
    this.redrawAll = true;
  }

  /**
   * The bytes (as a JS string; the caller encodes UTF-8) that turn the client's terminal from what
   * this writer last drew into `next`. The first call, a call after invalidate(), or a size change
   * is a full redraw. Returns '' when nothing changed.
   */
  render(next: Frame): string {
    const grid = next.grid;
    const cols = grid.cols;
    const rows = grid.rows;
    let drawn = this.drawn;
    const full = this.redrawAll || drawn === null || drawn.cols !== cols || drawn.rows !== rows;
    this.out = '';

    if (full) {
      if (drawn === null || drawn.cols !== cols || drawn.rows !== rows) {
        drawn = new Grid(cols, rows);
        this.drawn = drawn;
      } else {
        drawn.clear();
      }
      this.redrawAll = false;
      // ED fills with the current background (bce), so the pen is reset before clearing; after
      // that the terminal matches a blank grid and the ordinary diff writes the non-blank cells.
      this.out = '\x1b[0m\x1b[H\x1b[2J';
      this.penFg = 0;
      this.penBg = 0;
      this.penAttrs = 0;
      this.cx = 0;
      this.cy = 0;
    }

    for (let y = 0; y < rows; y++) this.drawRow(grid, drawn!, y);

    const cursor = next.cursor;
    if (cols > 0 && rows > 0) {
      const x = cursor.x < 0 ? 0 : cursor.x >= cols ? cols - 1 : cursor.x;
      const y = cursor.y < 0 ? 0 : cursor.y >= rows ? rows - 1 : cursor.y;
      this.moveTo(grid, x, y);
    }
    if (full || cursor.visible !== this.cursorVisible) {
      this.out += cursor.visible ? '\x1b[?25h' : '\x1b[?25l';
      this.cursorVisible = cursor.visible;
    }
    if (full || cursor.style !== this.cursorStyle) {
      this.out += `\x1b[${cursor.style} q`;
      this.cursorStyle = cursor.style;
    }

    const out = this.out;
    this.out = '';
    if (out === '' || !this.caps.syncOutput) return out;
    return '\x1b[?2026h' + out + '\x1b[?2026l';
  }

  /** Write the changed cells of row y and record them in `drawn`. */
  private drawRow(grid: Grid, drawn: Grid, y: number): void {
    const cols = grid.cols;
    const base = y * cols;
    let x = 0;
    while (x < cols && !cellChanged(grid, drawn, base + x)) x++;
    if (x === cols) return;

    // The row's trailing blank run (spaces, default foreground, no attributes, one background):
    // EL can clear from any column in it. Found only for rows that changed.
    const tailBg = grid.bg[base + cols - 1];
    let tail = cols;
    while (tail > 0 && isBlank(grid, base + tail - 1, tailBg)) tail--;

    const colours = this.caps.colours;
    for (; x < cols; x++) {
      const i = base + x;
      if (!cellChanged(grid, drawn, i)) continue;

      if (x >= tail && eraseIsCheaper(grid, drawn, base, x, cols)) {
        this.moveTo(grid, x, y);
        // EL fills with the current background only (bce); inverse is dropped because not every
        // terminal agrees on what an erase under inverse fills with.
        this.setPen(this.penFg, downgradeColour(tailBg, colours), this.penAttrs & ~ATTR_INVERSE);
        this.out += '\x1b[K';
        for (let k = i; k < base + cols; k++) copyCell(grid, drawn, k);
        return;
      }

      const width = grid.widths[i];
      copyCell(grid, drawn, i);
      // A right half is never written: its wide character's left cell changed too and is written
      // (the terminal fills the right half itself). Only its record in `drawn` is updated.
      if (width === 0) continue;

      let ch = grid.chars[i];
      let written = width;
      if (width === 2) {
        if (x + 1 < cols && grid.widths[i + 1] === 0) {
          copyCell(grid, drawn, i + 1);
        } else {
          // A wide character with no room (last column, or no right half in the grid) would wrap
          // or overwrite its neighbour on the terminal: show a space instead.
          ch = ' ';
          written = 1;
        }
      } else if (ch === '') {
        ch = ' ';
      }

      this.moveTo(grid, x, y);
      this.setPen(downgradeColour(grid.fg[i], colours), downgradeColour(grid.bg[i], colours), grid.attrs[i]);
      this.out += ch;
      this.cx += written;
      // Writing the last column leaves the terminal in pending wrap; see COLUMN_UNKNOWN.
      if (this.cx >= cols) this.cx = COLUMN_UNKNOWN;
      x += written - 1;
    }
  }

  /**
   * Move the terminal cursor to (x, y) by the cheapest of: staying put, rewriting up to three
   * unchanged cells that already match the pen, relative moves (CR, LF, BS, CUU/CUD/CUF/CUB,
   * CHA/VPA) and CUP. Costs are counted, not built, so choosing allocates nothing.
   */
  private moveTo(grid: Grid, x: number, y: number): void {
    const cx = this.cx;
    const cy = this.cy;
    if (x === cx && y === cy) return;
    this.cx = x;
    this.cy = y;
    if (cx === COLUMN_UNKNOWN) {
      this.cup(x, y);
      return;
    }

    // Just continuing: a short gap of unchanged cells the pen would draw identically costs a byte
    // a cell to rewrite, less than ESC[C (3) or ESC[3C (4).
    if (y === cy && x > cx && x - cx <= 3 && this.gapMatchesPen(grid, y * grid.cols + cx, x - cx)) {
      const base = y * grid.cols;
      for (let k = cx; k < x; k++) this.out += grid.chars[base + k];
      return;
    }

    let vertical = MOVE_NONE;
    let verticalCost = 0;
    const dy = y - cy;
    if (dy > 0) {
      // Never LF: the client's tty keeps output post-processing on (libuv's raw mode leaves ONLCR
      // set), so a LF would arrive as CR LF and lose the column.
      vertical = MOVE_CUD;
      verticalCost = csiCost(dy);
    } else if (dy < 0) {
      vertical = MOVE_CUU;
      verticalCost = csiCost(-dy);
    }
    if (dy !== 0 && csiCost(y + 1) < verticalCost) {
      vertical = MOVE_VPA;
      verticalCost = csiCost(y + 1);
    }

    let horizontal = MOVE_NONE;
    let horizontalCost = 0;
    const dx = x - cx;
    if (x === 0 && dx !== 0) {
      horizontal = MOVE_CR;
      horizontalCost = 1;
    } else if (dx > 0) {
      horizontal = MOVE_CUF;
      horizontalCost = csiCost(dx);
    } else if (dx < 0) {
      horizontal = MOVE_BS;
      horizontalCost = -dx;
      if (csiCost(-dx) < horizontalCost) {
        horizontal = MOVE_CUB;
        horizontalCost = csiCost(-dx);
      }
    }
    if (dx !== 0 && x !== 0) {
      if (csiCost(x + 1) < horizontalCost) {
        horizontal = MOVE_CHA;
        horizontalCost = csiCost(x + 1);
      }
      if (1 + csiCost(x) < horizontalCost) {
        horizontal = MOVE_CR_CUF;
        horizontalCost = 1 + csiCost(x);
      }
    }

    if (verticalCost + horizontalCost >= cupCost(x, y)) {
      this.cup(x, y);
      return;
    }
    switch (vertical) {
      case MOVE_CUD:
        this.csi(dy, 'B');
        break;
      case MOVE_CUU:
        this.csi(-dy, 'A');
        break;
      case MOVE_VPA:
        this.csi(y + 1, 'd');
        break;
    }
    switch (horizontal) {
      case MOVE_CR:
        this.out += '\r';
        break;
      case MOVE_CUF:
        this.csi(dx, 'C');
        break;
      case MOVE_BS:
        for (let k = 0; k < -dx; k++) this.out += '\b';
        break;
      case MOVE_CUB:
        this.csi(-dx, 'D');
        break;
      case MOVE_CHA:
        this.csi(x + 1, 'G');
        break;
      case MOVE_CR_CUF:
        this.out += '\r';
        this.csi(x, 'C');
        break;
    }
  }

  private cup(x: number, y: number): void {
    if (x === 0) this.out += y === 0 ? '\x1b[H' : `\x1b[${y + 1}H`;
    else this.out += `\x1b[${y + 1};${x + 1}H`;
  }

  private csi(n: number, final: string): void {
    this.out += n === 1 ? '\x1b[' + final : '\x1b[' + n + final;
  }

  /** Whether `count` cells from index i are narrow, one byte each, and drawn exactly by the pen. */
  private gapMatchesPen(grid: Grid, i: number, count: number): boolean {
    const colours = this.caps.colours;
    for (let k = i; k < i + count; k++) {
      if (grid.widths[k] !== 1 || grid.attrs[k] !== this.penAttrs) return false;
      const ch = grid.chars[k];
      if (ch.length !== 1) return false;
      const code = ch.charCodeAt(0);
      if (code < 0x20 || code > 0x7e) return false;
      if (downgradeColour(grid.fg[k], colours) !== this.penFg) return false;
      if (downgradeColour(grid.bg[k], colours) !== this.penBg) return false;
    }
    return true;
  }

  /** Emit the SGR that changes the pen to (fg, bg, attrs); colours already downgraded. */
  private setPen(fg: number, bg: number, attrs: number): void {
    let penFg = this.penFg;
    let penBg = this.penBg;
    let penAttrs = this.penAttrs;
    if (fg === penFg && bg === penBg && attrs === penAttrs) return;

    let params = '';
    const off = penAttrs & ~attrs;
    if (off !== 0) {
      // A full reset is shortest when every attribute goes and no colour that stays must be re-sent.
      if (attrs === 0 && (fg === 0 || fg !== penFg) && (bg === 0 || bg !== penBg)) {
        params = '0';
        penFg = 0;
        penBg = 0;
        penAttrs = 0;
      } else {
        let cleared = 0;
        for (let k = 0; k < ATTR_SGR.length; k++) {
          const [bit, , offParam] = ATTR_SGR[k];
          if ((off & bit) === 0 || (cleared & bit) !== 0) continue;
          params += params === '' ? offParam : ';' + offParam;
          // SGR 22 clears both bold and dim; the "on" pass below restores whichever must stay.
          cleared |= bit === ATTR_BOLD || bit === ATTR_DIM ? ATTR_BOLD | ATTR_DIM : bit;
        }
        penAttrs &= ~cleared;
      }
    }
    const on = attrs & ~penAttrs;
    if (on !== 0) {
      for (let k = 0; k < ATTR_SGR.length; k++) {
        const [bit, onParam] = ATTR_SGR[k];
        if ((on & bit) !== 0) params += params === '' ? onParam : ';' + onParam;
      }
    }
    if (fg !== penFg) params += (params === '' ? '' : ';') + colourSgr(fg, false);
    if (bg !== penBg) params += (params === '' ? '' : ';') + colourSgr(bg, true);

    this.out += '\x1b[' + params + 'm';
    this.penFg = fg;
    this.penBg = bg;
    this.penAttrs = attrs;
  }
}

function cellChanged(grid: Grid, drawn: Grid, i: number): boolean {
  return (
    grid.chars[i] !== drawn.chars[i] ||
    grid.widths[i] !== drawn.widths[i] ||
    grid.fg[i] !== drawn.fg[i] ||
    grid.bg[i] !== drawn.bg[i] ||
    grid.attrs[i] !== drawn.attrs[i]
  );
}

/** A cell exactly as EL with background `bg` leaves it. */
function isBlank(grid: Grid, i: number, bg: number): boolean {
  return grid.chars[i] === ' ' && grid.widths[i] === 1 && grid.fg[i] === 0 && grid.attrs[i] === 0 && grid.bg[i] === bg;
}

/**
 * Whether EL (3 bytes) beats writing the changed cells from x to the end of the row one by one:
 * it does from three changed cells, or two with a gap between them (a move costs at least one).
 */
function eraseIsCheaper(grid: Grid, drawn: Grid, base: number, x: number, cols: number): boolean {
  let count = 0;
  let last = x;
  for (let k = x; k < cols; k++) {
    if (cellChanged(grid, drawn, base + k)) {
      count++;
      last = k;
    }
  }
  return count >= 3 || last - x + 1 > count;
}

function copyCell(from: Grid, to: Grid, i: number): void {
  to.chars[i] = from.chars[i];
  to.widths[i] = from.widths[i];
  to.fg[i] = from.fg[i];
  to.bg[i] = from.bg[i];
  to.attrs[i] = from.attrs[i];
}
