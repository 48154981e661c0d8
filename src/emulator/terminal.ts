// PaneTerminal: one pane's terminal state (screen, history, cursor, modes, title) behind our own
// interface. Today it is @xterm/headless; nothing outside this folder sees an xterm type, so the
// emulator can be replaced (DESIGN.md).
//
// What xterm does not expose publicly we track ourselves: the cursor style (DECSCUSR), found by
// registering a parser handler; cursor visibility and the mouse encoding, read from xterm's core
// (checked by tests, so an xterm upgrade that moves them fails loudly). Replies to terminal queries
// (DA, DSR, window size, colours) are handed to `onReply` so the server writes them back to the
// pane's program, never to a client.
//
// Must never: write to a pty or a socket itself, or know about sessions, windows or clients.

import { Terminal } from '@xterm/headless';
import { Unicode11Addon } from '@xterm/addon-unicode11';
import {
  ATTR_BLINK, ATTR_BOLD, ATTR_DIM, ATTR_INVERSE, ATTR_INVISIBLE, ATTR_ITALIC, ATTR_OVERLINE, ATTR_STRIKE, ATTR_UNDERLINE,
  COLOR_PALETTE, COLOR_RGB, type CursorState, type CursorStyle, type Grid,
} from './cell';

export type MouseTracking = 'none' | 'x10' | 'vt200' | 'drag' | 'any';
export type MouseEncoding = 'default' | 'utf8' | 'sgr' | 'urxvt';

/** The modes a pane's program has set that decide how keys, pastes and mouse events are encoded for it. */
export interface PaneModes {
  applicationCursor: boolean;
  applicationKeypad: boolean;
  bracketedPaste: boolean;
  mouseTracking: MouseTracking;
  mouseEncoding: MouseEncoding;
  focusEvents: boolean;
  /** The program asked for xterm's modifyOtherKeys (CSI > 4 ; 1|2 m): keys without a byte of their own are sent as CSI u. */
  extendedKeys: boolean;
}

export interface PaneTerminalOptions {
  cols: number;
  rows: number;
  historyLimit: number;
}

interface XtermBuffer {
  x: number;
  y: number;
  ybase: number;
  savedX: number;
  savedY: number;
  scrollTop: number;
  scrollBottom: number;
  tabs: Record<number, boolean>;
}

interface XtermCore {
  coreService: {
    isCursorHidden: boolean;
    decPrivateModes: { sendFocus?: boolean; origin?: boolean; wraparound?: boolean; applicationCursorKeys?: boolean; applicationKeypad?: boolean };
    modes: { insertMode?: boolean };
  };
  coreMouseService: { activeEncoding: string; activeProtocol: string };
  _writeBuffer?: { handleUserInput?: () => void; writeSync?: (data: string | Uint8Array) => void };
  _bufferService?: { buffers?: { normal: XtermBuffer; alt: XtermBuffer }; buffer?: XtermBuffer };
}

/** The cell internals capture-pane needs that xterm's public cell API does not show (underline style and colour). */
interface XtermCellInternals {
  extended?: { underlineStyle?: number; underlineColor?: number };
}

/**
 * Colours in captured cells: 0 is the default colour; otherwise the top byte says how it was set
 * (CAPTURE_16: SGR 30–37/90–97 with the index 0–15; CAPTURE_256: SGR 38;5 with the index;
 * CAPTURE_RGB: SGR 38;2 with 0xRRGGBB), because tmux writes each back the way it came.
 */
export const CAPTURE_16 = 0x1000000;
export const CAPTURE_256 = 0x2000000;
export const CAPTURE_RGB = 0x3000000;
const CAPTURE_MODE = 0x3000000;

/** One cell as capture-pane sees it. */
export interface CaptureCell {
  /** The character and its combining marks; ' ' for a cell never written. */
  chars: string;
  /** 1, 2 for a wide character, 0 for the cell after a wide character. */
  width: number;
  fg: number;
  bg: number;
  /** Underline colour (SGR 58). */
  us: number;
  /** ATTR_* bits from cell.ts. */
  attrs: number;
  /** Underline style when underlined: 1 single, 2 double, 3 curly, 4 dotted, 5 dashed. */
  underline: number;
}

/** One line of a captured grid: its used cells, and whether it wraps onto the next line. */
export interface CaptureLine {
  cells: CaptureCell[];
  wrapped: boolean;
}

/** A screen as tmux's grid: `history` lines above `rows` visible ones, lines 0 … history+rows-1. */
export interface CaptureGrid {
  readonly history: number;
  readonly rows: number;
  line(y: number): CaptureLine;
}

/** What tmux shows about a pane's terminal as formats (cursor_flag, insert_flag, pane_tabs…). */
export interface ScreenState {
  cursorVisible: boolean;
  insert: boolean;
  keypadCursor: boolean;
  keypad: boolean;
  origin: boolean;
  wrap: boolean;
  mouseStandard: boolean;
  mouseButton: boolean;
  mouseAll: boolean;
  mouseUtf8: boolean;
  mouseSgr: boolean;
  scrollTop: number;
  scrollBottom: number;
  /** The cursor saved when the alternate screen was entered, while it is shown. */
  alternateSaved: { x: number; y: number } | undefined;
  /** Tab stops, excluding column 0 (as tmux lists them). */
  tabs: number[];
  /** The path a program reported with OSC 7, or ''. */
  path: string;
  /** The character under the cursor. */
  cursorCharacter: string;
}

/** Bytes of output parsed per turn of the event loop (about a millisecond of parsing). */
const PARSE_SLICE = 16 * 1024;

// The colours we report to programs that ask (OSC 10/11/12): a light-on-dark terminal, as most are.
const QUERY_FOREGROUND = 'rgb:e5e5/e5e5/e5e5';
const QUERY_BACKGROUND = 'rgb:0000/0000/0000';

/** The 256-colour palette as xterm defines it, for OSC 4 queries. */
function paletteRgb(index: number): [number, number, number] {
  const basic: Array<[number, number, number]> = [
    [0, 0, 0], [205, 0, 0], [0, 205, 0], [205, 205, 0], [0, 0, 238], [205, 0, 205], [0, 205, 205], [229, 229, 229],
    [127, 127, 127], [255, 0, 0], [0, 255, 0], [255, 255, 0], [92, 92, 255], [255, 0, 255], [0, 255, 255], [255, 255, 255],
  ];
  if (index < 16) return basic[index];
  if (index < 232) {
    const i = index - 16;
    const level = (v: number): number => (v === 0 ? 0 : 55 + v * 40);
    return [level(Math.floor(i / 36)), level(Math.floor(i / 6) % 6), level(i % 6)];
  }
  const grey = 8 + (index - 232) * 10;
  return [grey, grey, grey];
}

function hex4(v: number): string {
  const h = v.toString(16).padStart(2, '0');
  return h + h;
}

type IBufferLineLike = NonNullable<ReturnType<Terminal['buffer']['normal']['getLine']>>;
type IBufferCellLike = ReturnType<Terminal['buffer']['normal']['getNullCell']>;

function captureColour(mode: number, value: number): number {
  if (mode === CAPTURE_16) return CAPTURE_16 | (value & 0xff);
  if (mode === CAPTURE_256) return CAPTURE_256 | (value & 0xff);
  if (mode === CAPTURE_RGB) return CAPTURE_RGB | (value & 0xffffff);
  return 0;
}

function captureCell(cell: IBufferCellLike): CaptureCell {
  const width = cell.getWidth();
  const chars = width === 0 ? '' : cell.getChars() || ' ';
  if (cell.isAttributeDefault()) return { chars, width, fg: 0, bg: 0, us: 0, attrs: 0, underline: 0 };
  const ext = (cell as unknown as XtermCellInternals).extended;
  const underlined = cell.isUnderline() !== 0;
  const rawUs = ext?.underlineColor ?? 0;
  const us = underlined && rawUs !== 0x3ffffff ? captureColour(rawUs & CAPTURE_MODE, rawUs) : 0;
  return {
    chars,
    width,
    fg: captureColour(cell.getFgColorMode(), cell.getFgColor()),
    bg: captureColour(cell.getBgColorMode(), cell.getBgColor()),
    us,
    attrs:
      (cell.isBold() ? ATTR_BOLD : 0) |
      (cell.isDim() ? ATTR_DIM : 0) |
      (cell.isItalic() ? ATTR_ITALIC : 0) |
      (underlined ? ATTR_UNDERLINE : 0) |
      (cell.isBlink() ? ATTR_BLINK : 0) |
      (cell.isInverse() ? ATTR_INVERSE : 0) |
      (cell.isInvisible() ? ATTR_INVISIBLE : 0) |
      (cell.isStrikethrough() ? ATTR_STRIKE : 0) |
      (cell.isOverline() ? ATTR_OVERLINE : 0),
    underline: underlined ? Math.max(1, ext?.underlineStyle ?? 1) : 0,
  };
}

export class PaneTerminal {
  private readonly term: Terminal;
  private cursorStyle: CursorStyle = 0;
  private extendedKeys = false;
  private pending = 0;
  /** Output waiting to be parsed, fed to xterm a slice at a time (see pump()). */
  private readonly queue: Array<{ data: Uint8Array | string; parsed?: () => void }> = [];
  private pumpScheduled = false;
  private userTyped = false;
  private disposed = false;
  private replyListener: (data: string) => void = () => {};
  private changeListener: () => void = () => {};
  private titleListener: (title: string) => void = () => {};
  private bellListener: () => void = () => {};
  private drainListener: () => void = () => {};
  private readonly cell;
  title = '';
  /** The last path a program reported (OSC 7). */
  path = '';

  constructor(opts: PaneTerminalOptions) {
    this.term = new Terminal({
      cols: Math.max(1, opts.cols),
      rows: Math.max(1, opts.rows),
      scrollback: opts.historyLimit,
      allowProposedApi: true,
      windowOptions: { getWinSizeChars: true, pushTitle: true, popTitle: true },
    });
    this.term.loadAddon(new Unicode11Addon());
    this.term.unicode.activeVersion = '11';
    this.cell = this.term.buffer.active.getNullCell();
    this.term.onData((data) => this.replyListener(data));
    this.term.onBinary((data) => this.replyListener(data));
    this.term.onWriteParsed(() => this.changeListener());
    this.term.onTitleChange((t) => {
      this.title = t;
      this.titleListener(t);
    });
    this.term.onBell(() => this.bellListener());
    // DECSCUSR (CSI Ps SP q): remember the style; return false so xterm also applies it.
    this.term.parser.registerCsiHandler({ intermediates: ' ', final: 'q' }, (params) => {
      const p = typeof params[0] === 'number' ? params[0] : 0;
      this.cursorStyle = (p >= 0 && p <= 6 ? p : 0) as CursorStyle;
      return false;
    });
    // XTMODKEYS (CSI > 4 ; n m): modifyOtherKeys, which decides how modified keys are encoded.
    this.term.parser.registerCsiHandler({ prefix: '>', final: 'm' }, (params) => {
      if (params[0] === 4) this.extendedKeys = typeof params[1] === 'number' && params[1] > 0;
      return true;
    });
    // XTVERSION (CSI > q): say who we are, as tmux does.
    this.term.parser.registerCsiHandler({ prefix: '>', final: 'q' }, () => {
      this.replyListener('\x1bP>|tsmux\x1b\\');
      return true;
    });
    for (const [osc, value] of [[10, QUERY_FOREGROUND], [11, QUERY_BACKGROUND], [12, QUERY_FOREGROUND]] as const) {
      this.term.parser.registerOscHandler(osc, (data) => {
        if (data !== '?') return false;
        this.replyListener(`\x1b]${osc};${value}\x1b\\`);
        return true;
      });
    }
    this.term.parser.registerOscHandler(7, (data) => {
      this.path = data;
      return true;
    });
    this.term.parser.registerOscHandler(4, (data) => {
      const parts = data.split(';');
      let answered = false;
      for (let i = 0; i + 1 < parts.length; i += 2) {
        const index = Number(parts[i]);
        if (parts[i + 1] !== '?' || !Number.isInteger(index) || index < 0 || index > 255) continue;
        const [r, g, b] = paletteRgb(index);
        this.replyListener(`\x1b]4;${index};rgb:${hex4(r)}/${hex4(g)}/${hex4(b)}\x1b\\`);
        answered = true;
      }
      return answered;
    });
  }

  get cols(): number {
    return this.term.cols;
  }

  get rows(): number {
    return this.term.rows;
  }

  /** Bytes written but not yet parsed; the pane pauses its pty above a watermark. */
  get pendingBytes(): number {
    return this.pending;
  }

  onReply(listener: (data: string) => void): void {
    this.replyListener = listener;
  }

  /** Called after each parsed batch of output. */
  onChange(listener: () => void): void {
    this.changeListener = listener;
  }

  onTitle(listener: (title: string) => void): void {
    this.titleListener = listener;
  }

  onBell(listener: () => void): void {
    this.bellListener = listener;
  }

  /** Called when a write has been parsed (pendingBytes went down). */
  onDrain(listener: () => void): void {
    this.drainListener = listener;
  }

  /**
   * The user just typed into this pane: the next output (the echo) is parsed at once rather than on
   * xterm's next timer tick (~1 ms), the same mechanism xterm.js uses for keystrokes in a browser.
   */
  noteUserInput(): void {
    this.userTyped = true;
  }

  /**
   * Feed program output; `parsed` is called once it has been applied to the screen.
   *
   * Output is parsed in slices of at most PARSE_SLICE bytes, one slice per turn of the event loop
   * (setImmediate), through xterm's synchronous write path. xterm's own write() parses on timers in
   * 12 ms time slices, so a pane flooding output held up every other pane's keystroke echo by
   * several such slices; with small slices the server reads sockets and other panes' output between
   * them, and nothing waits on a timer. Right after the user typed into this pane, the next output
   * (the echo) is parsed at once.
   */
  write(data: Uint8Array | string, parsed?: () => void): void {
    this.pending += data.length;
    this.queue.push({ data, parsed });
    if (this.userTyped && this.queue.length === 1) {
      this.userTyped = false;
      this.pump();
      return;
    }
    this.schedulePump();
  }

  private schedulePump(): void {
    if (this.pumpScheduled || this.disposed) return;
    this.pumpScheduled = true;
    setImmediate(() => {
      this.pumpScheduled = false;
      this.pump();
    });
  }

  private pump(): void {
    if (this.disposed) return;
    const writeSync = this.core._writeBuffer?.writeSync?.bind(this.core._writeBuffer);
    let budget = PARSE_SLICE;
    const done: Array<() => void> = [];
    while (this.queue.length > 0 && budget > 0) {
      const item = this.queue[0];
      let piece = item.data;
      if (piece.length > budget) {
        // A slice may end inside a UTF-8 sequence or an escape sequence: xterm's parser keeps its
        // state across writes.
        piece = typeof item.data === 'string' ? item.data.slice(0, budget) : item.data.subarray(0, budget);
        item.data = typeof item.data === 'string' ? item.data.slice(budget) : item.data.subarray(budget);
      } else {
        this.queue.shift();
        if (item.parsed) done.push(item.parsed);
      }
      if (writeSync) writeSync(piece);
      else this.term.write(piece);
      budget -= Math.max(1, piece.length);
      this.pending -= piece.length;
    }
    this.changeListener();
    this.drainListener();
    for (const callback of done) callback();
    if (this.queue.length > 0) this.schedulePump();
  }

  resize(cols: number, rows: number): void {
    if (cols === this.term.cols && rows === this.term.rows) return;
    this.term.resize(Math.max(1, cols), Math.max(1, rows));
  }

  private get core(): XtermCore {
    return (this.term as unknown as { _core: XtermCore })._core;
  }

  get alternateScreen(): boolean {
    return this.term.buffer.active.type === 'alternate';
  }

  /** Lines of history above the visible screen. */
  get historySize(): number {
    return this.term.buffer.normal.baseY;
  }

  cursor(): CursorState {
    const b = this.term.buffer.active;
    return {
      x: Math.min(b.cursorX, this.term.cols - 1),
      y: b.cursorY,
      visible: !this.core.coreService.isCursorHidden,
      style: this.cursorStyle,
    };
  }

  modes(): PaneModes {
    const m = this.term.modes;
    const encoding = this.core.coreMouseService.activeEncoding;
    return {
      applicationCursor: m.applicationCursorKeysMode,
      applicationKeypad: m.applicationKeypadMode,
      bracketedPaste: m.bracketedPasteMode,
      mouseTracking: m.mouseTrackingMode,
      mouseEncoding: encoding === 'SGR' || encoding === 'SGR_PIXELS' ? 'sgr' : encoding === 'URXVT' ? 'urxvt' : encoding === 'UTF8' ? 'utf8' : 'default',
      focusEvents: m.sendFocusMode,
      extendedKeys: this.extendedKeys,
    };
  }

  /**
   * Copy the visible screen into `grid` at (x0, y0), clipped to w×h. Cells outside the pane's
   * own size are left untouched.
   */
  copyInto(grid: Grid, x0: number, y0: number, w: number, h: number): void {
    const buffer = this.term.buffer.active;
    const cell = this.cell;
    const width = Math.min(w, this.term.cols, grid.cols - x0);
    const height = Math.min(h, this.term.rows, grid.rows - y0);
    for (let y = 0; y < height; y++) {
      const line = buffer.getLine(buffer.baseY + y);
      let i = (y0 + y) * grid.cols + x0;
      if (!line) {
        for (let x = 0; x < width; x++, i++) {
          grid.chars[i] = ' ';
          grid.widths[i] = 1;
          grid.fg[i] = 0;
          grid.bg[i] = 0;
          grid.attrs[i] = 0;
        }
        continue;
      }
      for (let x = 0; x < width; x++, i++) {
        line.getCell(x, cell);
        const cw = cell.getWidth();
        if (cw === 0) {
          grid.chars[i] = '';
          grid.widths[i] = 0;
        } else {
          const chars = cell.getChars();
          // A wide character whose right half would fall outside the pane is shown as a space.
          if (cw === 2 && x === width - 1) {
            grid.chars[i] = ' ';
            grid.widths[i] = 1;
          } else {
            grid.chars[i] = chars === '' ? ' ' : chars;
            grid.widths[i] = cw;
          }
        }
        if (cell.isAttributeDefault()) {
          grid.fg[i] = 0;
          grid.bg[i] = 0;
          grid.attrs[i] = 0;
          continue;
        }
        grid.fg[i] = cell.isFgDefault() ? 0 : cell.isFgRGB() ? (COLOR_RGB | cell.getFgColor()) >>> 0 : COLOR_PALETTE | cell.getFgColor();
        grid.bg[i] = cell.isBgDefault() ? 0 : cell.isBgRGB() ? (COLOR_RGB | cell.getBgColor()) >>> 0 : COLOR_PALETTE | cell.getBgColor();
        grid.attrs[i] =
          (cell.isBold() ? ATTR_BOLD : 0) |
          (cell.isDim() ? ATTR_DIM : 0) |
          (cell.isItalic() ? ATTR_ITALIC : 0) |
          (cell.isUnderline() ? ATTR_UNDERLINE : 0) |
          (cell.isBlink() ? ATTR_BLINK : 0) |
          (cell.isInverse() ? ATTR_INVERSE : 0) |
          (cell.isInvisible() ? ATTR_INVISIBLE : 0) |
          (cell.isStrikethrough() ? ATTR_STRIKE : 0) |
          (cell.isOverline() ? ATTR_OVERLINE : 0);
      }
    }
  }

  /** Bytes of text held in history and on screen (tmux's history_bytes is its own storage; ours counts text). */
  historyBytes(): number {
    const buffer = this.term.buffer.normal;
    let bytes = 0;
    for (let y = 0; y < buffer.length; y++) bytes += Buffer.byteLength(buffer.getLine(y)?.translateToString(true) ?? '');
    return bytes;
  }

  /** Mode flags, scroll region, tab stops and the like, for formats. */
  screenState(): ScreenState {
    const core = this.core;
    const modes = core.coreService.decPrivateModes;
    const buffers = core._bufferService?.buffers;
    const active = core._bufferService?.buffer;
    const tracking = this.term.modes.mouseTrackingMode;
    const encoding = core.coreMouseService.activeEncoding;
    const cursor = this.cursor();
    const line = this.term.buffer.active.getLine(this.term.buffer.active.baseY + cursor.y);
    let cursorCharacter = ' ';
    if (line) {
      line.getCell(cursor.x, this.cell);
      cursorCharacter = this.cell.getChars() || ' ';
    }
    const tabs = Object.keys(active?.tabs ?? {}).map(Number).filter((x) => x > 0 && x < this.term.cols && active?.tabs[x]).sort((a, b) => a - b);
    return {
      cursorVisible: !core.coreService.isCursorHidden,
      insert: core.coreService.modes.insertMode === true,
      keypadCursor: this.term.modes.applicationCursorKeysMode,
      keypad: this.term.modes.applicationKeypadMode,
      origin: modes.origin === true,
      wrap: modes.wraparound !== false,
      mouseStandard: tracking === 'vt200' || tracking === 'x10',
      mouseButton: tracking === 'drag',
      mouseAll: tracking === 'any',
      mouseUtf8: encoding === 'UTF8',
      mouseSgr: encoding === 'SGR' || encoding === 'SGR_PIXELS',
      scrollTop: active?.scrollTop ?? 0,
      scrollBottom: active?.scrollBottom ?? this.term.rows - 1,
      alternateSaved: this.alternateScreen && buffers ? { x: buffers.normal.savedX, y: buffers.normal.savedY - buffers.normal.ybase } : undefined,
      tabs,
      path: this.path,
      cursorCharacter,
    };
  }

  /**
   * The screen as tmux's grid for capture-pane: the history of the normal screen above what is
   * shown now (the alternate screen has no history of its own, and tmux keeps the normal screen's
   * history above it). With `saved`, the normal screen hidden behind the alternate one (no
   * history), or undefined when the alternate screen is not shown.
   */
  captureGrid(saved = false): CaptureGrid | undefined {
    const normal = this.term.buffer.normal;
    const rows = this.term.rows;
    if (saved && !this.alternateScreen) return undefined;
    const history = saved ? 0 : normal.baseY;
    const screen = saved ? normal : this.term.buffer.active;
    const screenBase = saved || !this.alternateScreen ? normal.baseY : screen.baseY;
    const cell = this.cell;
    const lineAt = (y: number): IBufferLineLike | undefined => (y < history ? normal.getLine(y) : screen.getLine(screenBase + y - history));
    return {
      history,
      rows,
      line: (y: number): CaptureLine => {
        const line = lineAt(y);
        const next = y + 1 < history + rows ? lineAt(y + 1) : undefined;
        const cells: CaptureCell[] = [];
        if (!line) return { cells, wrapped: false };
        // tmux captures only the cells a line has used: up to the last one a character was written
        // to (erasing, even with a colour, does not count; tmux shows erased cells inside the used
        // part as spaces, which tsmux cannot tell from unwritten ones at the end of a line).
        let used = 0;
        for (let x = line.length - 1; x >= 0; x--) {
          line.getCell(x, cell);
          if (cell.getChars() !== '' || cell.getWidth() === 0) {
            used = x + 1;
            break;
          }
        }
        for (let x = 0; x < used; x++) {
          line.getCell(x, cell);
          cells.push(captureCell(cell));
        }
        return { cells, wrapped: next?.isWrapped === true };
      },
    };
  }

  /** Forget the history (clear-history). */
  clearHistory(): void {
    this.term.write('\x1b[3J');
  }

  /** The visible screen as text lines (for capture-pane and tests). */
  screenLines(): string[] {
    const buffer = this.term.buffer.active;
    const out: string[] = [];
    for (let y = 0; y < this.term.rows; y++) {
      out.push(buffer.getLine(buffer.baseY + y)?.translateToString(true) ?? '');
    }
    return out;
  }

  dispose(): void {
    this.disposed = true;
    this.queue.length = 0;
    this.term.dispose();
  }
}
