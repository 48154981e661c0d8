// View mode: lines of text shown in a pane instead of its program, as tmux shows command output
// and configuration errors (window_view_mode). Lines accumulate like terminal output (long lines
// wrap at the pane's width), older ones scrolling into history, but the view stays where it was:
// output longer than the pane is shown from its first line, as in tmux. The position
// `[lines above the bottom/history size]` sits at the top right in mode-style. The program keeps
// running underneath.
//
// Keys: q, Escape or C-c leave; Up/Down, k/j, C-p/C-n, C-y/C-e scroll a line; PageUp/PageDown,
// C-b/C-f, M-v/C-v scroll a page; g/M-< go to the top, G/M-> to the bottom.

import { cellColour } from '../format/colour';
import { parseStyle, DEFAULT_STYLE } from '../format/style';
import { charWidth } from '../format/width';
import type { CursorState, Grid } from '../emulator/cell';
import { Key, KEY_META, keyFromName } from '../input/keys';
import type { Pane, PaneMode } from '../model/model';

const C = (name: string): number => keyFromName(name)!;

const LINE_UP = new Set([Key.Up, C('k'), C('C-p'), C('C-y')]);
const LINE_DOWN = new Set([Key.Down, C('j'), C('C-n'), C('C-e')]);
const PAGE_UP = new Set([Key.PPage, C('C-b'), C('v') | KEY_META]);
const PAGE_DOWN = new Set([Key.NPage, C('C-f'), C('C-v'), Key.Space]);
const TOP = new Set([C('g'), C('<') | KEY_META]);
const BOTTOM = new Set([C('G'), C('>') | KEY_META]);
const LEAVE = new Set([C('q'), Key.Escape, C('C-c')]);

export class ViewMode implements PaneMode {
  readonly name = 'view-mode';
  private readonly lines: string[] = [];
  /** How many screen rows the view is scrolled up from the bottom (tmux's oy). */
  private offset = 0;
  private rows: number;
  private cols: number;

  /** `leave` takes the mode off the pane (the server's setPaneMode). */
  constructor(private readonly pane: Pane, private readonly leave: () => void) {
    this.rows = pane.terminal.rows;
    this.cols = pane.terminal.cols;
  }

  /** Add lines at the bottom (tmux's window_copy_add); a line with newlines is several. */
  add(text: string): void {
    const before = this.history;
    for (const line of text.split('\n')) this.lines.push(line.replace(/\t/g, '        '));
    // What scrolled into history moves the view up with it, so the view does not move.
    this.offset += this.history - before;
  }

  /** The lines as screen rows at the current width (long lines wrap). */
  private screenRows(): string[][] {
    const out: string[][] = [];
    for (const line of this.lines) {
      let row: string[] = [];
      let col = 0;
      for (const ch of line) {
        const width = charWidth(ch.codePointAt(0)!);
        if (width <= 0) continue;
        if (col + width > this.cols && row.length > 0) {
          out.push(row);
          row = [];
          col = 0;
        }
        row.push(ch);
        col += width;
      }
      out.push(row);
    }
    return out;
  }

  /** Rows above the screen (tmux's history size). */
  private get history(): number {
    return Math.max(0, this.screenRows().length - this.rows);
  }

  copyInto(grid: Grid, x: number, y: number, w: number, h: number): void {
    this.rows = h;
    this.cols = w;
    const rows = this.screenRows();
    const history = Math.max(0, rows.length - h);
    if (this.offset > history) this.offset = history;
    const first = history - this.offset;
    for (let row = 0; row < h; row++) {
      grid.fill(x, y + row, w, 1);
      const line = rows[first + row];
      if (line === undefined) continue;
      let col = 0;
      for (const ch of line) {
        const width = charWidth(ch.codePointAt(0)!);
        if (col + width > w) break;
        grid.set(x + col, y + row, ch.codePointAt(0)! < 32 ? ' ' : ch, width, 0, 0, 0);
        if (width === 2) grid.set(x + col + 1, y + row, '', 0, 0, 0, 0);
        col += width;
      }
    }
    // The position indicator, top right, in mode-style.
    const indicator = `[${this.offset}/${history}]`;
    if (indicator.length <= w) {
      const parsed = parseStyle(this.pane.window.options.getString('mode-style'));
      const style = parsed.ok ? parsed.style : DEFAULT_STYLE;
      const start = x + w - indicator.length;
      for (let i = 0; i < indicator.length; i++) {
        grid.set(start + i, y, indicator[i], 1, cellColour(style.fg), cellColour(style.bg), style.attrs);
      }
    }
  }

  cursor(): CursorState {
    return { x: 0, y: 0, visible: true, style: 0 };
  }

  key(key: number): boolean {
    const page = Math.max(1, this.rows - 1);
    if (LEAVE.has(key)) this.leave();
    else if (LINE_UP.has(key)) this.scroll(1);
    else if (LINE_DOWN.has(key)) this.scroll(-1);
    else if (PAGE_UP.has(key)) this.scroll(page);
    else if (PAGE_DOWN.has(key)) this.scroll(-page);
    else if (TOP.has(key)) this.offset = this.history;
    else if (BOTTOM.has(key)) this.offset = 0;
    // Every other key is swallowed: the program underneath must not see keys typed at the view.
    return true;
  }

  private scroll(lines: number): void {
    this.offset = Math.min(this.history, Math.max(0, this.offset + lines));
  }

  resize(cols: number, rows: number): void {
    this.rows = rows;
    this.cols = cols;
  }
}

/**
 * Show lines in a pane's view mode, entering it if the pane is not already in view mode (tmux's
 * cmdq_print to an attached client, and its configuration error display).
 */
export function viewModeAdd(pane: Pane, setMode: (mode: PaneMode | undefined) => void, text: string): void {
  let mode = pane.mode;
  if (!(mode instanceof ViewMode)) {
    const view = new ViewMode(pane, () => {
      if (pane.mode === view) setMode(undefined);
    });
    setMode(view);
    mode = view;
  }
  (mode as ViewMode).add(text);
}
