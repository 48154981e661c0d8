// A headless xterm that replays what the writer sends, and compares what it then shows with the
// frame the writer was asked to draw. Test support only: it owns no production behaviour.
//
// Cursor visibility and DECSCUSR style are not in xterm's public API (see DESIGN.md, "Known facts"):
// the style is caught with a parser hook that lets xterm handle the sequence too, and visibility is
// read from `_core.coreService`.

import { Terminal, IBufferCell } from '@xterm/headless';
import { Unicode11Addon } from '@xterm/addon-unicode11';
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
  COLOR_RGB,
  Frame,
} from '../../src/emulator/cell';
import { downgradeColour } from '../../src/render/colour';

export class ReplayTerminal {
  readonly term: Terminal;
  cursorStyle = 0;

  private constructor(cols: number, rows: number) {
    // xterm has at least two columns (its MINIMUM_COLS): a one-column frame is checked in the left
    // column of a two-column terminal, so it is only a partial test of that size (no pending wrap
    // at the right margin).
    this.term = new Terminal({ cols: Math.max(cols, 2), rows, allowProposedApi: true });
    this.term.loadAddon(new Unicode11Addon());
    this.term.unicode.activeVersion = '11';
    this.term.parser.registerCsiHandler({ intermediates: ' ', final: 'q' }, (params) => {
      const style = params[0];
      this.cursorStyle = typeof style === 'number' ? style : 0;
      return false;
    });
  }

  /** A terminal of the given size in the alternate screen, as the writer assumes. */
  static async open(cols: number, rows: number): Promise<ReplayTerminal> {
    const terminal = new ReplayTerminal(cols, rows);
    await terminal.feed('\x1b[?1049h');
    return terminal;
  }

  /** Parse `data`; resolves once xterm has processed it (write() is asynchronous). */
  feed(data: string): Promise<void> {
    return new Promise((resolve) => this.term.write(data, resolve));
  }

  get cursorHidden(): boolean {
    return (this.term as unknown as { _core: { coreService: { isCursorHidden: boolean } } })._core.coreService
      .isCursorHidden;
  }

  dispose(): void {
    this.term.dispose();
  }

  /**
   * Every way the terminal differs from `frame` (cells: text, width, colours after downgrading to
   * `colours`, attributes; then cursor position, visibility and style), at most `limit` of them.
   */
  differences(frame: Frame, colours: 16 | 256 | 16777216, limit = 8): string[] {
    const found: string[] = [];
    const grid = frame.grid;
    const buffer = this.term.buffer.active;
    if (this.term.cols !== Math.max(grid.cols, 2) || this.term.rows !== grid.rows) {
      return [`size ${this.term.cols}x${this.term.rows}, want ${grid.cols}x${grid.rows}`];
    }
    const reusable = buffer.getNullCell();
    for (let y = 0; y < grid.rows && found.length < limit; y++) {
      const line = buffer.getLine(buffer.viewportY + y);
      for (let x = 0; x < grid.cols && found.length < limit; x++) {
        const i = y * grid.cols + x;
        const cell = line?.getCell(x, reusable);
        if (!cell) {
          found.push(`(${x},${y}): no cell`);
          continue;
        }
        const where = `(${x},${y})`;
        if (cell.getWidth() !== grid.widths[i]) {
          found.push(`${where}: width ${cell.getWidth()}, want ${grid.widths[i]}`);
          continue;
        }
        if (grid.widths[i] === 0) continue;
        const chars = cell.getChars() === '' ? ' ' : cell.getChars();
        const want = grid.chars[i] === '' ? ' ' : grid.chars[i];
        if (chars !== want) found.push(`${where}: text ${JSON.stringify(chars)}, want ${JSON.stringify(want)}`);
        const fg = describeColour(downgradeColour(grid.fg[i], colours));
        const bg = describeColour(downgradeColour(grid.bg[i], colours));
        if (cellFg(cell) !== fg) found.push(`${where}: fg ${cellFg(cell)}, want ${fg}`);
        if (cellBg(cell) !== bg) found.push(`${where}: bg ${cellBg(cell)}, want ${bg}`);
        const attrs = cellAttrs(cell);
        if (attrs !== grid.attrs[i]) found.push(`${where}: attrs ${attrs.toString(2)}, want ${grid.attrs[i].toString(2)}`);
      }
    }
    const cursor = frame.cursor;
    const wantX = Math.min(Math.max(cursor.x, 0), grid.cols - 1);
    const wantY = Math.min(Math.max(cursor.y, 0), grid.rows - 1);
    if (buffer.cursorX !== wantX || buffer.cursorY !== wantY) {
      found.push(`cursor at (${buffer.cursorX},${buffer.cursorY}), want (${wantX},${wantY})`);
    }
    if (this.cursorHidden === cursor.visible) found.push(`cursor ${cursor.visible ? 'hidden' : 'visible'}`);
    if (this.cursorStyle !== cursor.style) found.push(`cursor style ${this.cursorStyle}, want ${cursor.style}`);
    return found;
  }
}

/** A colour as text ("default", "palette 9", "rgb ff0000"), so mode and value compare together. */
export function describeColour(colour: number): string {
  if (colour === 0) return 'default';
  const mode = colour & COLOR_MODE_MASK;
  if (mode === COLOR_PALETTE) return `palette ${colour & 0xff}`;
  if (mode === COLOR_RGB) return `rgb ${(colour & 0xffffff).toString(16).padStart(6, '0')}`;
  return `invalid ${colour.toString(16)}`;
}

function cellFg(cell: IBufferCell): string {
  if (cell.isFgDefault()) return 'default';
  if (cell.isFgPalette()) return `palette ${cell.getFgColor()}`;
  if (cell.isFgRGB()) return `rgb ${cell.getFgColor().toString(16).padStart(6, '0')}`;
  return `mode ${cell.getFgColorMode()}`;
}

function cellBg(cell: IBufferCell): string {
  if (cell.isBgDefault()) return 'default';
  if (cell.isBgPalette()) return `palette ${cell.getBgColor()}`;
  if (cell.isBgRGB()) return `rgb ${cell.getBgColor().toString(16).padStart(6, '0')}`;
  return `mode ${cell.getBgColorMode()}`;
}

function cellAttrs(cell: IBufferCell): number {
  return (
    (cell.isBold() ? ATTR_BOLD : 0) |
    (cell.isDim() ? ATTR_DIM : 0) |
    (cell.isItalic() ? ATTR_ITALIC : 0) |
    (cell.isUnderline() ? ATTR_UNDERLINE : 0) |
    (cell.isBlink() ? ATTR_BLINK : 0) |
    (cell.isInverse() ? ATTR_INVERSE : 0) |
    (cell.isInvisible() ? ATTR_INVISIBLE : 0) |
    (cell.isStrikethrough() ? ATTR_STRIKE : 0) |
    (cell.isOverline() ? ATTR_OVERLINE : 0)
  );
}
