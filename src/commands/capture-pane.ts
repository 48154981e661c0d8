// capture-pane (capturep) and clear-history (clearhist). capture-pane copies lines of a pane — -S
// and -E give the first and last line (0 is the top of the screen, negative lines are history, `-`
// the very start or end) — into a paste buffer (-b, else a new one) or, with -p, to the client's
// stdout. -a takes the normal screen hidden behind the alternate one; -J joins wrapped lines (and
// keeps trailing spaces); -N keeps trailing spaces; -e adds SGR escapes for colours and
// attributes; -C escapes non-printable characters as octal; -P would take the program's pending
// partial escape sequence (tsmux's emulator keeps none, so it is empty); -q quietens "no alternate
// screen"; -T (tmux 3.4) leaves out unwritten cells, which tsmux never includes.
//
// The -e output is tmux 3.3a's grid_string_cells byte for byte: an SGR is written only where the
// attributes or colours change from the previous cell (carried across lines), `0` first when any
// attribute goes away, then the colours again after a `0`, underline styles as `4:N`, and the
// default colour as 39/49.

import { defineCommand, type CommandContext, type CommandResult } from './command';
import {
  ATTR_BLINK, ATTR_BOLD, ATTR_DIM, ATTR_INVERSE, ATTR_INVISIBLE, ATTR_ITALIC, ATTR_OVERLINE, ATTR_STRIKE,
} from '../emulator/cell';
import { CAPTURE_16, CAPTURE_256, CAPTURE_RGB, type CaptureCell } from '../emulator/terminal';

const SHRT_MAX = 32767;
const INT_MIN = -2147483648;

/** A cell's attributes as tmux's bits, in the order tmux writes them, with their SGR codes. */
const ATTRIBUTES: ReadonlyArray<readonly [(c: CaptureCell) => boolean, number]> = [
  [(c) => (c.attrs & ATTR_BOLD) !== 0, 1],
  [(c) => (c.attrs & ATTR_DIM) !== 0, 2],
  [(c) => (c.attrs & ATTR_ITALIC) !== 0, 3],
  [(c) => c.underline === 1, 4],
  [(c) => (c.attrs & ATTR_BLINK) !== 0, 5],
  [(c) => (c.attrs & ATTR_INVERSE) !== 0, 7],
  [(c) => (c.attrs & ATTR_INVISIBLE) !== 0, 8],
  [(c) => (c.attrs & ATTR_STRIKE) !== 0, 9],
  [(c) => c.underline === 2, 42],
  [(c) => c.underline === 3, 43],
  [(c) => c.underline === 4, 44],
  [(c) => c.underline === 5, 45],
  [(c) => (c.attrs & ATTR_OVERLINE) !== 0, 53],
];

const DEFAULT_CELL: CaptureCell = { chars: ' ', width: 1, fg: 0, bg: 0, us: 0, attrs: 0, underline: 0 };

/** The SGR parameters for a colour (38/48/58 base), as grid_string_cells_fg/bg/us. */
function colourCodes(colour: number, base: 30 | 40 | 50): number[] {
  const mode = colour & 0x3000000;
  const value = colour & 0xffffff;
  const extended = base + 8;
  if (mode === CAPTURE_256) return [extended, 5, value & 0xff];
  if (mode === CAPTURE_RGB) return [extended, 2, (value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
  // The underline colour has no basic or default form.
  if (base === 50) return [];
  if (mode === CAPTURE_16) return [value < 8 ? base + value : base + 60 + (value - 8)];
  return [base + 9];
}

/** The escape sequence moving from `last` to `cell` (grid_string_cells_code). */
function cellCode(last: CaptureCell, cell: CaptureCell, escapeC0: boolean): string {
  const esc = escapeC0 ? '\\033[' : '\x1b[';
  const s: number[] = [];
  let lastSet = ATTRIBUTES.map(([has]) => has(last));
  const set = ATTRIBUTES.map(([has]) => has(cell));
  if (set.some((on, i) => !on && lastSet[i]) || (last.us !== 0 && cell.us === 0)) {
    s.push(0);
    lastSet = lastSet.map(() => false);
  }
  ATTRIBUTES.forEach(([, code], i) => {
    if (set[i] && !lastSet[i]) s.push(code);
  });
  let out = '';
  if (s.length > 0) out += esc + s.map((n) => (n < 10 ? String(n) : `${Math.floor(n / 10)}:${n % 10}`)).join(';') + 'm';
  const reset = s.length > 0 && s[0] === 0;
  for (const base of [30, 40, 50] as const) {
    const field = base === 30 ? 'fg' : base === 40 ? 'bg' : 'us';
    const now = colourCodes(cell[field], base);
    const before = colourCodes(last[field], base);
    if (now.length > 0 && (now.join(';') !== before.join(';') || reset)) out += esc + now.join(';') + 'm';
  }
  return out;
}

/** A line number from -S/-E: `-` is the first (or last) line, a bad number the default. */
function lineNumber(value: string | undefined, history: number, rows: number, dash: number, fallback: number): number {
  if (value === undefined) return fallback;
  if (value === '-') return dash;
  if (!/^-?\d+$/.test(value) || Number(value) < INT_MIN || Number(value) > SHRT_MAX) return fallback;
  const n = Number(value);
  const line = n < 0 && -n > history ? 0 : history + n;
  return Math.min(line, history + rows - 1);
}

export const capturePane = defineCommand({
  name: 'capture-pane',
  alias: 'capturep',
  flags: 'ab:CeE:JNpPqS:t:T',
  min: 0,
  max: 0,
  usage: '[-aCeJNpPqT] [-b buffer-name] [-E end-line] [-S start-line] [-t target-pane]',
  target: { flag: 't', kind: 'pane' },
  exec(ctx: CommandContext): CommandResult {
    const { args } = ctx;
    const pane = ctx.target!.pane;
    let text = '';
    if (!args.has('P')) {
      const grid = pane.terminal.captureGrid(args.has('a'));
      if (!grid) {
        if (!args.has('q')) return { error: 'no alternate screen' };
      } else {
        const { history, rows } = grid;
        let top = lineNumber(args.value('S'), history, rows, 0, history);
        let bottom = lineNumber(args.value('E'), history, rows, history + rows - 1, history + rows - 1);
        if (bottom < top) [top, bottom] = [bottom, top];
        const withCodes = args.has('e');
        const escapeC0 = args.has('C');
        const join = args.has('J');
        const trim = !join && !args.has('N');
        let last = DEFAULT_CELL;
        const parts: string[] = [];
        for (let y = top; y <= bottom; y++) {
          const line = grid.line(y);
          let out = '';
          for (const cell of line.cells) {
            if (cell.width === 0) continue;
            if (withCodes) {
              out += cellCode(last, cell, escapeC0);
              last = cell;
            }
            out += escapeC0 && cell.chars === '\\' ? '\\\\' : cell.chars;
          }
          if (trim) out = out.replace(/ +$/, '');
          parts.push(out);
          if (!join || !line.wrapped) parts.push('\n');
        }
        text = parts.join('');
      }
    }
    if (args.has('p')) {
      const client = ctx.client;
      if (!client || client.session) return { error: "can't write to client" };
      ctx.write(1, Buffer.from((text.endsWith('\n') ? text.slice(0, -1) : text) + '\n', 'utf8'));
      return undefined;
    }
    const error = ctx.server.buffers.set(Buffer.from(text, 'utf8'), args.value('b'));
    return error === undefined ? undefined : { error };
  },
});

export const clearHistory = defineCommand({
  name: 'clear-history',
  alias: 'clearhist',
  flags: 't:',
  min: 0,
  max: 0,
  usage: '[-t target-pane]',
  target: { flag: 't', kind: 'pane' },
  exec(ctx: CommandContext): CommandResult {
    const pane = ctx.target!.pane;
    if (pane.mode) ctx.server.setPaneMode(pane, undefined);
    pane.terminal.clearHistory();
    return undefined;
  },
});
