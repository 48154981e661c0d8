// Drawing an expanded format into one line of cells, as tmux's format_draw (format-draw.c) does for the
// status line, messages and pane border lines. The text is walked once: `#[…]` blocks change the style
// and say where the following text goes — the left, centre, right or absolute-centre part (`align=`),
// the window list (`list=on`), its `<` `>` overflow markers (`list=left-marker` / `right-marker`), the
// part of the list to keep visible (`list=focus`), or what comes after the list. Each part is drawn
// into its own scratch row; the parts are then trimmed to fit the available width (which part gives
// way first depends on where the list is) and copied into place. `fill=` colours the whole line;
// `range=` marks mouse ranges, returned with their final columns.
//
// This is our own implementation of tmux's algorithm, quirks included where they are visible: a range
// still open at the end of the text is dropped, and text after the list is lost when the list itself
// had to be trimmed away entirely.
//
// Pure: no model, no server, no clock.

import { COLOR_DEFAULT } from '../emulator/cell';
import { cellColour } from './colour';
import { DEFAULT_STYLE, parseStyle, type Style, type StyleAlign, type StyleRangeType } from './style';
import { charWidth, skipFormat } from './width';

/** One drawn cell. A wide character's right half is a cell with width 0 and text ''. */
export interface DrawCell {
  ch: string;
  width: number;
  fg: number;
  bg: number;
  attrs: number;
}

/** A mouse range (`range=left`, `range=right`, `range=window|N`) and the columns it covers, end exclusive. */
export interface DrawRange {
  type: Exclude<StyleRangeType, 'none'>;
  argument: number;
  start: number;
  end: number;
}

export interface DrawnLine {
  cells: DrawCell[];
  ranges: DrawRange[];
}

export interface DrawOptions {
  /** Draw every cell in the base colours, keeping only attributes from `#[…]` (tmux's default_colours). */
  defaultColours?: boolean;
}

// The scratch rows, in tmux's order.
const LEFT = 0;
const CENTRE = 1;
const RIGHT = 2;
const ABSOLUTE_CENTRE = 3;
const LIST = 4;
const LIST_LEFT = 5;
const LIST_RIGHT = 6;
const AFTER = 7;
const PARTS = 8;

const ALIGN_INDEX: Readonly<Record<StyleAlign, number>> = { default: 0, left: 1, centre: 2, right: 3, 'absolute-centre': 4 };

/** A scratch row: cells written so far (the cursor is at cells.length). */
type Part = DrawCell[];

interface PendingRange {
  part: number;
  start: number;
  end: number;
  type: Exclude<StyleRangeType, 'none'>;
  argument: number;
}

class Target {
  constructor(readonly cells: DrawCell[], readonly ranges: PendingRange[], readonly parts: Part[]) {}

  /** Copy `width` cells of `part` from `start` to column `offset` (tmux's format_draw_put), moving its ranges. */
  put(part: number, offset: number, start: number, width: number): void {
    this.copy(this.parts[part], offset, start, width);
    for (let i = this.ranges.length - 1; i >= 0; i--) {
      const fr = this.ranges[i];
      if (fr.part !== part) continue;
      if (fr.end <= start || fr.start >= start + width) {
        this.ranges.splice(i, 1);
        continue;
      }
      if (fr.start < start) fr.start = start;
      if (fr.end > start + width) fr.end = start + width;
      if (fr.start === fr.end) {
        this.ranges.splice(i, 1);
        continue;
      }
      fr.start = fr.start - start + offset;
      fr.end = fr.end - start + offset;
      // Once placed, a range no longer belongs to its part (it must not move again).
      fr.part = -1;
    }
  }

  /** screen_write_fast_copy: cells up to the part's end; a wide character that would be cut is left out. */
  copy(source: Part, offset: number, start: number, width: number): void {
    let x = offset;
    for (let i = start; i < start + width; i++) {
      if (i >= source.length) break;
      const cell = source[i];
      if (i + cell.width > start + width) break;
      if (x >= 0 && x < this.cells.length) this.cells[x] = { ...cell };
      x++;
    }
  }
}

/**
 * Draw `expanded` (a format already expanded, with its `#[…]` blocks still in it) into `available` cells
 * whose background is `base` (the status line's style, say). Returns the cells and the mouse ranges.
 */
export function formatDraw(expanded: string, base: Readonly<Style>, available: number, options: DrawOptions = {}): DrawnLine {
  const width = Math.max(0, available);
  const baseCell: DrawCell = { ch: ' ', width: 1, fg: cellColour(base.fg), bg: cellColour(base.bg), attrs: base.attrs };
  const cells: DrawCell[] = [];
  for (let i = 0; i < width; i++) cells.push({ ...baseCell });

  const parts: Part[] = [];
  for (let i = 0; i < PARTS; i++) parts.push([]);
  const baseColours = { fg: base.fg, bg: base.bg, attrs: base.attrs };
  let currentDefault = baseColours;
  let sy: Style = { ...DEFAULT_STYLE, ...baseColours };
  let current = LEFT;
  const map = [LEFT, LEFT, CENTRE, RIGHT, ABSOLUTE_CENTRE];
  let focusStart = -1;
  let focusEnd = -1;
  let listState = -1;
  let listAlign: StyleAlign = 'default';
  let fill = -1;
  const ranges: PendingRange[] = [];
  let open: PendingRange | undefined;

  const put = (ch: string, w: number): void => {
    const part = parts[current];
    if (w === 0) {
      // A combining character joins the cell before it.
      for (let i = part.length - 1; i >= 0; i--) {
        if (part[i].width > 0) {
          part[i] = { ...part[i], ch: part[i].ch + ch };
          break;
        }
      }
      return;
    }
    const fg = cellColour(sy.fg);
    const bg = cellColour(sy.bg);
    part.push({ ch, width: w, fg, bg, attrs: sy.attrs });
    if (w === 2) part.push({ ch: '', width: 0, fg, bg, attrs: sy.attrs });
  };
  const many = (ch: string, n: number): void => {
    for (let i = 0; i < n; i++) put(ch, 1);
  };

  let i = 0;
  const text = expanded;
  while (i < text.length) {
    // Runs of '#': escapes, or the '#' that opens a style.
    if (text[i] === '#' && text[i + 1] !== '[' && i + 1 < text.length) {
      let n = 1;
      while (text[i + n] === '#') n++;
      const even = n % 2 === 0;
      if (text[i + n] !== '[') {
        i += n;
        many('#', even ? n / 2 : Math.floor(n / 2) + 1);
        continue;
      }
      i += even ? n + 1 : n - 1;
      if (sy.ignore) continue;
      many('#', Math.floor(n / 2));
      if (even) put('[', 1);
      continue;
    }

    if (text[i] !== '#' || text[i + 1] !== '[' || sy.ignore) {
      const cp = text.codePointAt(i)!;
      const ch = String.fromCodePoint(cp);
      i += ch.length;
      const w = cp < 0x80 ? (cp >= 0x20 && cp <= 0x7e ? 1 : -1) : charWidth(cp);
      if (w < 0) continue;
      put(ch, w);
      continue;
    }

    // A style block.
    const end = skipFormat(text, i + 2, ']');
    if (end < 0) {
      // No terminating ']': tmux draws nothing at all.
      return { cells, ranges: [] };
    }
    const saved = sy;
    const parsed = parseStyle(text.slice(i + 2, end), { onto: sy, base: currentDefault });
    i = end + 1;
    if (!parsed.ok) continue;
    sy = parsed.style;
    if (options.defaultColours) {
      sy.fg = base.fg;
      sy.bg = base.bg;
    }
    if (sy.fill !== COLOR_DEFAULT) fill = sy.fill;
    if (sy.defaultType === 'push') {
      currentDefault = { fg: saved.fg, bg: saved.bg, attrs: saved.attrs };
      sy.defaultType = 'base';
    } else if (sy.defaultType === 'pop') {
      currentDefault = baseColours;
      sy.defaultType = 'base';
    }

    switch (sy.list) {
      case 'on':
        // Entering the list, leaving a marker, or leaving the focus.
        if (listState !== 0) {
          open = undefined;
          listState = 0;
          listAlign = sy.align;
        }
        if (focusStart !== -1 && focusEnd === -1) focusEnd = parts[LIST].length;
        current = LIST;
        break;
      case 'focus':
        if (listState !== 0) break;
        if (focusStart === -1) focusStart = parts[LIST].length;
        break;
      case 'off':
        if (listState === 0) {
          open = undefined;
          if (focusStart !== -1 && focusEnd === -1) focusEnd = parts[LIST].length;
          map[ALIGN_INDEX[listAlign]] = AFTER;
          if (listAlign === 'left') map[ALIGN_INDEX.default] = AFTER;
          listState = 1;
        }
        current = map[ALIGN_INDEX[sy.align]];
        break;
      case 'left-marker':
      case 'right-marker': {
        const marker = sy.list === 'left-marker' ? LIST_LEFT : LIST_RIGHT;
        if (listState !== 0 || parts[marker].length !== 0) break;
        open = undefined;
        if (focusStart !== -1 && focusEnd === -1) focusStart = focusEnd = -1;
        current = marker;
        break;
      }
    }

    // A change of range ends the open one (tmux makes it one cell longer than its text) and may start another.
    if (open && (open.type !== sy.rangeType || (open.type === 'window' && open.argument !== sy.rangeArgument))) {
      if (parts[current].length !== open.start) {
        open.end = parts[current].length + 1;
        ranges.push(open);
      }
      open = undefined;
    }
    if (!open && sy.rangeType !== 'none') {
      open = { part: current, start: parts[current].length, end: 0, type: sy.rangeType, argument: sy.rangeArgument };
    }
  }

  if (fill !== -1) {
    for (let x = 0; x < width; x++) cells[x] = { ch: ' ', width: 1, fg: COLOR_DEFAULT, bg: cellColour(fill), attrs: 0 };
  }

  const target = new Target(cells, ranges, parts);
  const focus = { start: focusStart, end: focusEnd };
  switch (listAlign) {
    case 'default':
      drawNone(target, width);
      break;
    case 'left':
      drawListLeft(target, width, focus);
      break;
    case 'centre':
      drawListCentre(target, width, focus);
      break;
    case 'right':
      drawListRight(target, width, focus);
      break;
    case 'absolute-centre':
      drawListAbsoluteCentre(target, width, focus);
      break;
  }

  return {
    cells: cleanWide(cells),
    ranges: target.ranges.map((r) => ({ type: r.type, argument: r.argument, start: r.start, end: r.end })),
  };
}

/** A half of a wide character whose other half was overwritten becomes a space. */
function cleanWide(cells: DrawCell[]): DrawCell[] {
  for (let x = 0; x < cells.length; x++) {
    const c = cells[x];
    if (c.width === 2 && (x + 1 >= cells.length || cells[x + 1].width !== 0)) cells[x] = { ...c, ch: ' ', width: 1 };
    if (c.width === 0 && (x === 0 || cells[x - 1].width !== 2)) cells[x] = { ...c, ch: ' ', width: 1 };
  }
  return cells;
}

interface Focus {
  start: number;
  end: number;
}

/** Trim widths in the order given until they fit (the first listed gives way first). */
function trim(widths: number[], order: number[], available: number, count: number[] = order): void {
  const total = (): number => count.reduce((sum, k) => sum + widths[k], 0);
  while (total() > available) {
    const k = order.find((o) => widths[o] > 0);
    if (k === undefined) break;
    widths[k]--;
  }
}

function widthsOf(target: Target): number[] {
  return target.parts.map((p) => p.length);
}

/** No list: left at the left, right at the right, centre between them, absolute-centre in the middle. */
function drawNone(target: Target, available: number): void {
  const w = widthsOf(target);
  const cx = target.parts.map((p) => p.length);
  trim(w, [CENTRE, RIGHT, LEFT], available);
  target.put(LEFT, 0, 0, w[LEFT]);
  target.put(RIGHT, available - w[RIGHT], cx[RIGHT] - w[RIGHT], w[RIGHT]);
  target.put(CENTRE, w[LEFT] + Math.floor((available - w[RIGHT] - w[LEFT]) / 2) - Math.floor(w[CENTRE] / 2), Math.floor(cx[CENTRE] / 2) - Math.floor(w[CENTRE] / 2), w[CENTRE]);
  const abs = Math.min(w[ABSOLUTE_CENTRE], available);
  target.put(ABSOLUTE_CENTRE, Math.floor((available - abs) / 2), 0, abs);
}

/** The list, trimmed around its focus if it does not fit, with `<` `>` markers where it was cut. */
function putList(target: Target, offset: number, width: number, focus: Focus): void {
  const list = target.parts[LIST];
  const left = target.parts[LIST_LEFT];
  const right = target.parts[LIST_RIGHT];
  if (width >= list.length) {
    target.put(LIST, offset, 0, width);
    return;
  }
  const centre = focus.start + Math.floor((focus.end - focus.start) / 2);
  let start = centre < Math.floor(width / 2) ? 0 : centre - Math.floor(width / 2);
  if (start + width > list.length) start = list.length - width;
  if (start !== 0 && width > left.length) {
    target.copy(left, offset, 0, left.length);
    offset += left.length;
    start += left.length;
    width -= left.length;
  }
  if (start + width < list.length && width > right.length) {
    target.copy(right, offset + width - right.length, 0, right.length);
    width -= right.length;
  }
  target.put(LIST, offset, start, width);
}

function drawListLeft(target: Target, available: number, focus: Focus): void {
  const w = widthsOf(target);
  const cx = target.parts.map((p) => p.length);
  trim(w, [CENTRE, LIST, RIGHT, AFTER, LEFT], available);
  if (w[LIST] === 0) {
    // tmux appends what followed the list to the left part without moving its cursor: it is lost.
    drawNone(target, available);
    return;
  }
  target.put(LEFT, 0, 0, w[LEFT]);
  target.put(RIGHT, available - w[RIGHT], cx[RIGHT] - w[RIGHT], w[RIGHT]);
  target.put(AFTER, w[LEFT] + w[LIST], 0, w[AFTER]);
  const before = w[LEFT] + w[LIST] + w[AFTER];
  target.put(CENTRE, before + Math.floor((available - w[RIGHT] - before) / 2) - Math.floor(w[CENTRE] / 2), Math.floor(cx[CENTRE] / 2) - Math.floor(w[CENTRE] / 2), w[CENTRE]);
  putList(target, w[LEFT], w[LIST], focus.start === -1 || focus.end === -1 ? { start: 0, end: 0 } : focus);
  const abs = Math.min(w[ABSOLUTE_CENTRE], available);
  target.put(ABSOLUTE_CENTRE, Math.floor((available - abs) / 2), 0, abs);
}

function drawListCentre(target: Target, available: number, focus: Focus): void {
  const w = widthsOf(target);
  const cx = target.parts.map((p) => p.length);
  trim(w, [LIST, AFTER, CENTRE, RIGHT, LEFT], available);
  if (w[LIST] === 0) {
    drawNone(target, available);
    return;
  }
  target.put(LEFT, 0, 0, w[LEFT]);
  target.put(RIGHT, available - w[RIGHT], cx[RIGHT] - w[RIGHT], w[RIGHT]);
  const middle = w[LEFT] + Math.floor((available - w[RIGHT] - w[LEFT]) / 2);
  const half = Math.floor(w[LIST] / 2);
  target.put(CENTRE, middle - half - w[CENTRE], 0, w[CENTRE]);
  target.put(AFTER, middle - half + w[LIST], 0, w[AFTER]);
  const centreFocus = Math.floor(cx[LIST] / 2);
  putList(target, middle - half, w[LIST], focus.start === -1 || focus.end === -1 ? { start: centreFocus, end: centreFocus } : focus);
  const abs = Math.min(w[ABSOLUTE_CENTRE], available);
  target.put(ABSOLUTE_CENTRE, Math.floor((available - abs) / 2), 0, abs);
}

function drawListRight(target: Target, available: number, focus: Focus): void {
  const w = widthsOf(target);
  const cx = target.parts.map((p) => p.length);
  trim(w, [CENTRE, LIST, RIGHT, AFTER, LEFT], available);
  if (w[LIST] === 0) {
    drawNone(target, available);
    return;
  }
  target.put(LEFT, 0, 0, w[LEFT]);
  target.put(AFTER, available - w[AFTER], cx[AFTER] - w[AFTER], w[AFTER]);
  const rightAt = available - w[RIGHT] - w[LIST] - w[AFTER];
  target.put(RIGHT, rightAt, 0, w[RIGHT]);
  target.put(CENTRE, w[LEFT] + Math.floor((rightAt - w[LEFT]) / 2) - Math.floor(w[CENTRE] / 2), Math.floor(cx[CENTRE] / 2) - Math.floor(w[CENTRE] / 2), w[CENTRE]);
  putList(target, available - w[LIST] - w[AFTER], w[LIST], focus.start === -1 || focus.end === -1 ? { start: 0, end: 0 } : focus);
  const abs = Math.min(w[ABSOLUTE_CENTRE], available);
  target.put(ABSOLUTE_CENTRE, Math.floor((available - abs) / 2), 0, abs);
}

function drawListAbsoluteCentre(target: Target, available: number, focus: Focus): void {
  const w = widthsOf(target);
  const cx = target.parts.map((p) => p.length);
  // The sides first; the list, what follows it and absolute-centre are trimmed on their own, since
  // they are drawn over the rest.
  trim(w, [CENTRE, RIGHT, LEFT], available);
  trim(w, [LIST, AFTER, ABSOLUTE_CENTRE], available);
  target.put(LEFT, 0, 0, w[LEFT]);
  target.put(RIGHT, available - w[RIGHT], cx[RIGHT] - w[RIGHT], w[RIGHT]);
  const middle = w[LEFT] + Math.floor((available - w[RIGHT] - w[LEFT]) / 2);
  target.put(CENTRE, middle - w[CENTRE], 0, w[CENTRE]);
  const listFocus = focus.start === -1 || focus.end === -1 ? { start: Math.floor(cx[LIST] / 2), end: Math.floor(cx[LIST] / 2) } : focus;
  let offset = Math.floor((available - w[LIST] - w[ABSOLUTE_CENTRE]) / 2);
  target.put(ABSOLUTE_CENTRE, offset, 0, w[ABSOLUTE_CENTRE]);
  offset += w[ABSOLUTE_CENTRE];
  putList(target, offset, w[LIST], listFocus);
  offset += w[LIST];
  target.put(AFTER, offset, 0, w[AFTER]);
}
