// tmux styles (tmux's style.c, attributes.c and the text walk of format-draw.c): the strings of
// `status-style`, `window-status-current-style`, `mode-style` … and the `#[…]` blocks embedded in expanded
// formats. A style is colours and attributes in the cell grid's encoding plus the status-line directives
// tmux keeps beside them: alignment, fill colour, list markers, mouse ranges and push/pop of the default.
//
// Parsing adds onto an existing style, as tmux does (`#[bold]` keeps the colour already in effect), and
// either succeeds completely or leaves nothing changed and returns tmux's message ("invalid style: …").
//
// `splitStyledText` walks expanded text the way the status line draws it: `#[…]` blocks change the style
// for what follows, `##` is one `#`, unprintable characters vanish. Laying the pieces out (alignment,
// lists, ranges) is the status renderer's job, not this module's.

import {
  ATTR_BLINK, ATTR_BOLD, ATTR_DIM, ATTR_INVERSE, ATTR_INVISIBLE, ATTR_ITALIC, ATTR_OVERLINE, ATTR_STRIKE,
  ATTR_UNDERLINE, COLOR_DEFAULT,
} from '../emulator/cell';
import { colourToString, parseColour } from './colour';
import { charWidth, skipFormat } from './width';

export { displayWidth, truncateToWidth } from './width';

/*
 * Attributes tmux has and the grid does not (yet): the alternate character set and the four underline
 * shapes. They use the bits above the grid's own so that an attrs value can be stored in a grid cell
 * unchanged; cell.ts should adopt them when the writer learns to draw them.
 */
export const ATTR_CHARSET = 1 << 9;
export const ATTR_DOUBLE_UNDERLINE = 1 << 10;
export const ATTR_CURLY_UNDERLINE = 1 << 11;
export const ATTR_DOTTED_UNDERLINE = 1 << 12;
export const ATTR_DASHED_UNDERLINE = 1 << 13;

/** Attribute names in the order tmux prints them; `bold` is accepted as another name for `bright`. */
const ATTRIBUTES: ReadonlyArray<readonly [string, number]> = [
  ['acs', ATTR_CHARSET],
  ['bright', ATTR_BOLD],
  ['dim', ATTR_DIM],
  ['underscore', ATTR_UNDERLINE],
  ['blink', ATTR_BLINK],
  ['reverse', ATTR_INVERSE],
  ['hidden', ATTR_INVISIBLE],
  ['italics', ATTR_ITALIC],
  ['strikethrough', ATTR_STRIKE],
  ['double-underscore', ATTR_DOUBLE_UNDERLINE],
  ['curly-underscore', ATTR_CURLY_UNDERLINE],
  ['dotted-underscore', ATTR_DOTTED_UNDERLINE],
  ['dashed-underscore', ATTR_DASHED_UNDERLINE],
  ['overline', ATTR_OVERLINE],
];
const ATTRIBUTE_BY_NAME = new Map<string, number>([...ATTRIBUTES, ['bold', ATTR_BOLD]]);

export type StyleAlign = 'default' | 'left' | 'centre' | 'right' | 'absolute-centre';
export type StyleList = 'off' | 'on' | 'focus' | 'left-marker' | 'right-marker';
export type StyleRangeType = 'none' | 'left' | 'right' | 'window';
export type StyleDefaultType = 'base' | 'push' | 'pop';

/** What `default` resets to and `fg=default` means: the colours and attributes underneath. */
export interface StyleCell {
  fg: number;
  bg: number;
  attrs: number;
}

export interface Style extends StyleCell {
  /** Colours in the grid encoding; COLOR_DEFAULT lets what is underneath show, COLOR_TERMINAL (colour.ts) does not. */
  fg: number;
  bg: number;
  /** ATTR_* bits of cell.ts plus the extra bits above. */
  attrs: number;
  /** Colour to fill the rest of the status line with; COLOR_DEFAULT means no fill. */
  fill: number;
  align: StyleAlign;
  list: StyleList;
  /** Mouse range: `range=left`, `range=right`, `range=window|N` (argument N). */
  rangeType: StyleRangeType;
  rangeArgument: number;
  defaultType: StyleDefaultType;
  /** `ignore`: following `#[…]` blocks are drawn as text. */
  ignore: boolean;
}

export const DEFAULT_STYLE: Readonly<Style> = Object.freeze({
  fg: COLOR_DEFAULT,
  bg: COLOR_DEFAULT,
  attrs: 0,
  fill: COLOR_DEFAULT,
  align: 'default',
  list: 'off',
  rangeType: 'none',
  rangeArgument: 0,
  defaultType: 'base',
  ignore: false,
});

export type ParseStyleResult = { ok: true; style: Style } | { ok: false; error: string };

/** tmux's attributes_fromstring(): `bold`, `bold|italics`, `none`, … as a bit set, or undefined. */
export function parseAttributes(s: string): number | undefined {
  const isDelimiter = (c: string): boolean => c === ' ' || c === ',' || c === '|';
  if (s === '' || isDelimiter(s[0]) || isDelimiter(s[s.length - 1])) return undefined;
  const lower = s.toLowerCase();
  if (lower === 'default' || lower === 'none') return 0;
  let attrs = 0;
  for (const name of lower.split(/[ ,|]+/)) {
    const bit = ATTRIBUTE_BY_NAME.get(name);
    if (bit === undefined) return undefined;
    attrs |= bit;
  }
  return attrs;
}

/** Attribute bits as tmux prints them: `bright,underscore`, or `none`. */
export function attributesToString(attrs: number): string {
  const names = ATTRIBUTES.filter(([, bit]) => (attrs & bit) !== 0).map(([name]) => name);
  return names.length === 0 ? 'none' : names.join(',');
}

const ALIGNS: Record<string, StyleAlign> = {
  left: 'left', centre: 'centre', right: 'right', 'absolute-centre': 'absolute-centre',
};
const LISTS: Record<string, StyleList> = {
  on: 'on', focus: 'focus', 'left-marker': 'left-marker', 'right-marker': 'right-marker',
};

/**
 * Apply one token of a style string to `sy`. Returns false if the token is invalid. Order matters and is
 * tmux's: the `no…` forms of ignore/list/range/align are tried before `no<attribute>`.
 */
function applyToken(sy: Style, token: string, base: StyleCell): boolean {
  const t = token.toLowerCase();
  if (t === 'default') {
    sy.fg = base.fg;
    sy.bg = base.bg;
    sy.attrs = base.attrs;
  } else if (t === 'ignore') sy.ignore = true;
  else if (t === 'noignore') sy.ignore = false;
  else if (t === 'push-default') sy.defaultType = 'push';
  else if (t === 'pop-default') sy.defaultType = 'pop';
  else if (t === 'nolist') sy.list = 'off';
  else if (t.startsWith('list=')) {
    const list = LISTS[t.slice(5)];
    if (list === undefined) return false;
    sy.list = list;
  } else if (t === 'norange') {
    sy.rangeType = 'none';
    sy.rangeArgument = 0;
  } else if (t.length > 6 && t.startsWith('range=')) {
    const [kind, argument] = splitOnce(t.slice(6), '|');
    if (argument !== undefined && !/^\d+$/.test(argument)) return false;
    if (kind === 'left' || kind === 'right') {
      if (argument !== undefined) return false;
      sy.rangeType = kind;
      sy.rangeArgument = 0;
    } else if (kind === 'window') {
      if (argument === undefined) return false;
      sy.rangeType = 'window';
      sy.rangeArgument = parseAtoi(argument);
    }
    // Any other range type is accepted and ignored, as tmux does.
  } else if (t === 'noalign') sy.align = 'default';
  else if (t.length > 6 && t.startsWith('align=')) {
    const align = ALIGNS[t.slice(6)];
    if (align === undefined) return false;
    sy.align = align;
  } else if (t.length > 5 && t.startsWith('fill=')) {
    const colour = parseColour(token.slice(5));
    if (colour === undefined) return false;
    sy.fill = colour;
  } else if (t.length > 3 && t.slice(1, 3) === 'g=') {
    const colour = parseColour(token.slice(3));
    if (colour === undefined) return false;
    if (t[0] === 'f') sy.fg = colour === COLOR_DEFAULT ? base.fg : colour;
    else if (t[0] === 'b') sy.bg = colour === COLOR_DEFAULT ? base.bg : colour;
    else return false;
  } else if (t === 'none') sy.attrs = 0;
  else if (t.length > 2 && t.startsWith('no')) {
    const attrs = parseAttributes(t.slice(2));
    if (attrs === undefined) return false;
    sy.attrs &= ~attrs;
  } else {
    const attrs = parseAttributes(t);
    if (attrs === undefined) return false;
    sy.attrs |= attrs;
  }
  return true;
}

function splitOnce(s: string, separator: string): [string, string | undefined] {
  const at = s.indexOf(separator);
  return at < 0 ? [s, undefined] : [s.slice(0, at), s.slice(at + 1)];
}

/**
 * atoi(3) of a digit string stored into tmux's unsigned range argument: glibc saturates at LONG_MAX and
 * the conversion to int keeps the low 32 bits.
 */
function parseAtoi(digits: string): number {
  const max = (1n << 63n) - 1n;
  let v = BigInt(digits);
  if (v > max) v = max;
  return Number(v & 0xffffffffn);
}

/**
 * Parse a style string (`fg=black,bg=green,bold,nounderscore,align=right,list=on`) onto `onto` (default:
 * the empty style). `default` and `fg=default` refer to `base` (default: the terminal's default colours).
 * Tokens are separated by commas, spaces or newlines; names are case-insensitive.
 */
export function parseStyle(text: string, options: { onto?: Readonly<Style>; base?: Readonly<StyleCell> } = {}): ParseStyleResult {
  const sy: Style = { ...(options.onto ?? DEFAULT_STYLE) };
  const base = options.base ?? DEFAULT_STYLE;
  const tokens = text.split(/[ ,\n]+/).filter((t) => t !== '');
  for (const token of tokens) {
    if (Buffer.byteLength(token) > 255 || !applyToken(sy, token, base)) {
      return { ok: false, error: `invalid style: ${text}` };
    }
  }
  return { ok: true, style: sy };
}

/** A style as tmux prints it (`show-options`): `list=on,align=right,fg=red,bright`, or `default`. */
export function styleToString(sy: Readonly<Style>): string {
  const parts: string[] = [];
  if (sy.list !== 'off') parts.push(`list=${sy.list}`);
  if (sy.rangeType !== 'none') {
    parts.push(`range=${sy.rangeType === 'window' ? `window|${sy.rangeArgument}` : sy.rangeType}`);
  }
  if (sy.align !== 'default') parts.push(`align=${sy.align}`);
  if (sy.defaultType !== 'base') parts.push(`${sy.defaultType}-default`);
  if (sy.fill !== COLOR_DEFAULT) parts.push(`fill=${colourToString(sy.fill)}`);
  if (sy.fg !== COLOR_DEFAULT) parts.push(`fg=${colourToString(sy.fg)}`);
  if (sy.bg !== COLOR_DEFAULT) parts.push(`bg=${colourToString(sy.bg)}`);
  if (sy.attrs !== 0) parts.push(attributesToString(sy.attrs));
  return parts.length === 0 ? 'default' : parts.join(',');
}

export interface StyledText {
  text: string;
  style: Style;
}

/**
 * Split expanded text into runs of one style, applying `#[…]` blocks left to right, as the status line
 * draws it. The walk starts from the colours and attributes of `base` (its alignment, list and range
 * are not inherited). `#[default]` returns to the current default, which is `base` until a
 * `#[push-default]` makes the style in effect before that block the default; `#[pop-default]` returns it
 * to `base`. `##` is a `#`, `##[` a literal `#[`; an invalid block is skipped; control and other
 * unprintable characters are dropped. Each style block starts a new run (so adjacent mouse ranges stay
 * apart); empty runs are omitted.
 *
 * Matching tmux, an unterminated `#[` means nothing is drawn at all: the result is empty.
 */
export function splitStyledText(text: string, base: Readonly<Style>): StyledText[] {
  const baseCell: StyleCell = { fg: base.fg, bg: base.bg, attrs: base.attrs };
  let currentDefault: StyleCell = baseCell;
  let sy: Style = { ...DEFAULT_STYLE, ...baseCell };
  const runs: StyledText[] = [];
  let pending = '';
  const flush = (): void => {
    if (pending !== '') runs.push({ text: pending, style: { ...sy } });
    pending = '';
  };

  let i = 0;
  while (i < text.length) {
    if (text[i] === '#' && i + 1 < text.length && text[i + 1] !== '[') {
      let n = 1;
      while (text[i + n] === '#') n++;
      if (text[i + n] !== '[') {
        pending += '#'.repeat(Math.ceil(n / 2));
        i += n;
        continue;
      }
      // An even run before `[` is all escapes; an odd run leaves its last `#` to open a style block.
      const even = n % 2 === 0;
      i += even ? n + 1 : n - 1;
      // tmux skips these characters entirely while ignoring styles.
      if (sy.ignore) continue;
      pending += '#'.repeat(Math.floor(n / 2)) + (even ? '[' : '');
      continue;
    }

    if (text[i] !== '#' || text[i + 1] !== '[' || sy.ignore) {
      const cp = text.codePointAt(i)!;
      const ch = String.fromCodePoint(cp);
      i += ch.length;
      if (cp !== 0 && charWidth(cp) >= 0) pending += ch;
      continue;
    }

    const end = skipFormat(text, i + 2, ']');
    if (end < 0) return [];
    const parsed = parseStyle(text.slice(i + 2, end), { onto: sy, base: currentDefault });
    i = end + 1;
    if (!parsed.ok) continue;
    flush();
    const before = sy;
    sy = parsed.style;
    if (sy.defaultType === 'push') {
      currentDefault = { fg: before.fg, bg: before.bg, attrs: before.attrs };
      sy.defaultType = 'base';
    } else if (sy.defaultType === 'pop') {
      currentDefault = baseCell;
      sy.defaultType = 'base';
    }
  }
  flush();
  return runs;
}
