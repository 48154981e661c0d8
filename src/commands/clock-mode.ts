// clock-mode: a big clock in the pane (tmux's window-clock.c) — the time drawn with 5×5 blocks in
// clock-mode-colour, 24-hour or 12-hour with AM/PM (clock-mode-style), centred; in a pane too small
// for the big digits, the time as plain text. It is redrawn when the minute changes; any key leaves it.

import { defineCommand, type CommandContext, type CommandEntry, type CommandResult, type ServerApi } from './command';
import type { CursorState, Grid } from '../emulator/cell';
import { COLOR_DEFAULT } from '../emulator/cell';
import { cellColour, parseColour } from '../format/colour';
import { strftime } from '../format/strftime';
import type { Pane, PaneMode } from '../model/model';

/** The digits, ':', 'A', 'P' and 'M' as 5×5 blocks, rows top to bottom. */
const GLYPHS: Readonly<Record<string, readonly string[]>> = {
  '0': ['11111', '10001', '10001', '10001', '11111'],
  '1': ['00001', '00001', '00001', '00001', '00001'],
  '2': ['11111', '00001', '11111', '10000', '11111'],
  '3': ['11111', '00001', '11111', '00001', '11111'],
  '4': ['10001', '10001', '11111', '00001', '00001'],
  '5': ['11111', '10000', '11111', '00001', '11111'],
  '6': ['11111', '10000', '11111', '10001', '11111'],
  '7': ['11111', '00001', '00001', '00001', '00001'],
  '8': ['11111', '10001', '11111', '10001', '11111'],
  '9': ['11111', '10001', '11111', '00001', '11111'],
  ':': ['00000', '00100', '00000', '00100', '00000'],
  A: ['11111', '10001', '11111', '10001', '10001'],
  P: ['11111', '10001', '11111', '10000', '10000'],
  M: ['10001', '11011', '10101', '10001', '10001'],
};

/** The clock's text: `%H:%M`, or `%l:%M AM` for clock-mode-style 12. */
export function clockText(date: Date, style: string): string {
  if (style === '12') return strftime('%l:%M ', date) + (date.getHours() >= 12 ? 'PM' : 'AM');
  return strftime('%H:%M', date);
}

/** One cell of the clock: a character with a foreground (small clock) or a coloured block. */
export interface ClockCell {
  x: number;
  y: number;
  ch: string;
  fg: number;
  bg: number;
}

/** What the clock puts where in a cols×rows pane (tmux's window_clock_draw_screen). */
export function clockCells(text: string, cols: number, rows: number, colour: number): ClockCell[] {
  const cells: ClockCell[] = [];
  const n = text.length;
  if (cols < 6 * n || rows < 6) {
    if (cols >= n && rows !== 0) {
      const x = Math.floor(cols / 2) - Math.floor(n / 2);
      const y = Math.floor(rows / 2);
      for (let i = 0; i < n; i++) cells.push({ x: x + i, y, ch: text[i], fg: colour, bg: COLOR_DEFAULT });
    }
    return cells;
  }
  let x = Math.floor(cols / 2) - 3 * n;
  const y = Math.floor(rows / 2) - 3;
  for (const ch of text) {
    const glyph = GLYPHS[ch];
    if (glyph) {
      for (let j = 0; j < 5; j++) {
        for (let i = 0; i < 5; i++) if (glyph[j][i] === '1') cells.push({ x: x + i, y: y + j, ch: ' ', fg: COLOR_DEFAULT, bg: colour });
      }
    }
    x += 6;
  }
  return cells;
}

export class ClockMode implements PaneMode {
  readonly name = 'clock-mode';
  private cols: number;
  private rows: number;
  private timer: NodeJS.Timeout | undefined;
  private minute: number;

  constructor(private readonly server: ServerApi, private readonly pane: Pane) {
    this.cols = pane.terminal.cols;
    this.rows = pane.terminal.rows;
    this.minute = Math.floor(Date.now() / 60000);
    // Checked every second, redrawn when the minute changes (as tmux).
    this.timer = setInterval(() => {
      const minute = Math.floor(Date.now() / 60000);
      if (minute === this.minute) return;
      this.minute = minute;
      for (const session of this.server.model.sessionsOf(this.pane.window)) this.server.redrawSession(session);
    }, 1000);
  }

  copyInto(grid: Grid, x0: number, y0: number, w: number, h: number): void {
    const width = Math.min(w, this.cols);
    const height = Math.min(h, this.rows);
    grid.fill(x0, y0, width, height);
    const options = this.pane.window.options;
    const colour = cellColour(parseColour(options.getString('clock-mode-colour')) ?? COLOR_DEFAULT);
    const text = clockText(new Date(), options.getString('clock-mode-style'));
    for (const c of clockCells(text, this.cols, this.rows, colour)) {
      if (c.x < 0 || c.y < 0 || c.x >= width || c.y >= height) continue;
      grid.set(x0 + c.x, y0 + c.y, c.ch, 1, c.fg, c.bg, 0);
    }
  }

  cursor(): CursorState {
    return { x: 0, y: 0, visible: false, style: 0 };
  }

  key(): boolean {
    this.server.setPaneMode(this.pane, undefined);
    return true;
  }

  resize(cols: number, rows: number): void {
    this.cols = cols;
    this.rows = rows;
  }

  exit(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}

export const clockMode: CommandEntry = defineCommand({
  name: 'clock-mode',
  min: 0,
  max: 0,
  flags: 't:',
  usage: '[-t target-pane]',
  target: { flag: 't', kind: 'pane' },
  exec(ctx: CommandContext): CommandResult {
    const pane = ctx.target!.pane;
    if (pane.mode?.name === 'clock-mode') return undefined;
    ctx.server.setPaneMode(pane, new ClockMode(ctx.server, pane));
    return undefined;
  },
});
