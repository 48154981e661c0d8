// One attached client's status line, as tmux's status.c draws it: every line comes from the session's
// `status-format[]` array (tmux 3.3a's default status-format[0] is what produces the familiar
// `[session] 0:bash* ... "title" 12:00 01-Jan-24` line; status-format[1] lists the panes), expanded
// for the client with strftime and drawn by format/draw.ts over `status-style`. Messages are drawn
// over the last status line in `message-style`.
//
// The lines are cached: pane output alone does not redraw the status line (tmux does not either);
// anything else that redraws the client, the `status-interval` timer and `#()` output do. That keeps
// a flooding pane from re-expanding formats and re-running `#()` commands on every frame.
//
// The timer runs only while the client is attached with a status line and status-interval > 0; it is
// re-armed whenever the interval it runs at differs from the option (checked on every redraw, so a
// changed option takes effect with the redraw that follows set-option).
//
// Also here: the client terminal's title (set-titles, set-titles-string), updated with the status line.

import { formatContextFor } from '../commands/format-target';
import { expandFormat, type FormatContext } from '../format/expand';
import { cellColour } from '../format/colour';
import { formatDraw, type DrawCell, type DrawnLine, type DrawRange } from '../format/draw';
import { fnmatch } from '../format/match';
import { DEFAULT_STYLE, parseStyle, type Style } from '../format/style';
import { displayWidth, truncateToWidth } from '../format/width';
import type { Session } from '../model/model';
import type { StatusView } from '../render/compose';
import type { ClientConnection } from './client-connection';
import { FormatJobs } from './format-jobs';
import type { Server } from './server';

/** How many lines the session's status line has (the `status` option: off, on, 2–5). */
export function statusLineCount(session: Session): number {
  const value = session.options.getString('status');
  if (value === 'off' || value === '' || value === '0') return 0;
  if (value === 'on') return 1;
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 5 ? n : 1;
}

export function statusAtTop(session: Session): boolean {
  return session.options.getString('status-position') === 'top';
}

/** Lines of a status-format array option; missing lines are undefined (drawn blank). */
function statusFormats(session: Session): Array<string | undefined> {
  const value = session.options.get('status-format');
  if (Array.isArray(value)) return value;
  if (typeof value === 'string') return [value];
  return [];
}

/**
 * A style option for drawing: tmux expands a style that contains a format first (style_apply), and an
 * invalid one (which set-option refuses) leaves `base`.
 */
export function styleFromOption(text: string, expand: (s: string) => string, base: Readonly<Style> = DEFAULT_STYLE): Style {
  const parsed = parseStyle(text.includes('#{') ? expand(text) : text, { onto: base, base });
  return parsed.ok ? parsed.style : { ...base };
}

/** A drawn line as the compositor takes it: runs of cells that share a style. */
export function statusView(line: DrawnLine, y: number, base: Readonly<Style>): StatusView {
  const runs: StatusView['runs'] = [];
  let run: (StatusView['runs'][number]) | undefined;
  let x = 0;
  for (const cell of line.cells) {
    if (cell.width === 0) continue;
    if (!run || run.fg !== cell.fg || run.bg !== cell.bg || run.attrs !== cell.attrs) {
      run = { x, text: '', fg: cell.fg, bg: cell.bg, attrs: cell.attrs };
      runs.push(run);
    }
    run.text += cell.ch;
    x += cell.width;
  }
  return { y, runs, fill: { fg: cellColour(base.fg), bg: cellColour(base.bg), attrs: base.attrs } };
}

export interface StatusMessage {
  text: string;
  /** Draw the text as it is (alerts, errors); otherwise `#[…]` styles in it apply (display-message). */
  ignoreStyles?: boolean;
}

/** A message drawn over a status line in message-style (tmux's status_message_redraw). */
export function messageLine(message: StatusMessage, style: Readonly<Style>, cols: number): DrawnLine {
  if (!message.ignoreStyles) return formatDraw(message.text, style, cols);
  const base: DrawCell = { ch: ' ', width: 1, fg: cellColour(style.fg), bg: cellColour(style.bg), attrs: style.attrs };
  const cells: DrawCell[] = [];
  const text = truncateToWidth(message.text.replace(/[\x00-\x1f\x7f]/g, ''), cols);
  for (const ch of text) {
    const w = displayWidth(ch);
    if (w === 0 && cells.length > 0) {
      cells[cells.length - 1].ch += ch;
      continue;
    }
    cells.push({ ...base, ch, width: w });
    if (w === 2) cells.push({ ...base, ch: '', width: 0 });
  }
  while (cells.length < cols) cells.push({ ...base });
  return { cells, ranges: [] };
}

/** Whether the client's terminal can have its title set (terminal-features with `title`). */
function terminalHasTitle(server: Server, term: string): boolean {
  const features = server.model.serverOptions.get('terminal-features');
  const list = Array.isArray(features) ? features : typeof features === 'string' ? [features] : [];
  for (const entry of list) {
    const [pattern, ...names] = entry.split(':');
    if (names.includes('title') && fnmatch(pattern, term)) return true;
  }
  return false;
}

/**
 * Draw a session's status lines for a client `cols` wide: status-format[i] expanded (with strftime)
 * against `ctx` and drawn over status-style (tmux's status_redraw). Returns the lines and that style.
 */
export function drawStatusLines(session: Session, ctx: FormatContext, cols: number, count: number): { lines: DrawnLine[]; base: Style } {
  const base = styleFromOption(session.options.getString('status-style'), (text) => expandFormat(text, ctx));
  const formats = statusFormats(session);
  const lines: DrawnLine[] = [];
  for (let i = 0; i < count; i++) {
    const template = formats[i];
    lines.push(formatDraw(template === undefined ? '' : expandFormat(template, ctx, { time: true }), base, cols));
  }
  return { lines, base };
}

export class StatusLine {
  /** Set by anything that should redraw the status line; cleared when it is drawn. */
  dirty = true;
  private drawn: DrawnLine[] = [];
  private drawnSize = '';
  private base: Style = { ...DEFAULT_STYLE };
  readonly jobs: FormatJobs;
  private timer: NodeJS.Timeout | undefined;
  private timerInterval = 0;
  private title: string | undefined;
  private lineCount: number | undefined;

  constructor(private readonly server: Server, private readonly client: ClientConnection) {
    this.jobs = new FormatJobs(
      () => {
        this.dirty = true;
        this.client.scheduleRender();
      },
      () => {
        const env: Record<string, string> = {};
        for (const [k, v] of server.model.environment) if (v !== null) env[k] = v;
        return env;
      },
      () => this.client.session?.cwd ?? this.client.identify.cwd ?? '/',
    );
  }

  /** The status-style the lines were last drawn over. */
  get style(): Style {
    return this.base;
  }

  /** The status lines for the client's width (recomputed only when dirty or resized). */
  lines(session: Session, cols: number, count: number): DrawnLine[] {
    this.syncTimer(session, count);
    if (this.dirty) this.followOptions(session, count);
    const size = `${cols}x${count}`;
    if (!this.dirty && size === this.drawnSize) return this.drawn;
    this.dirty = false;
    this.drawnSize = size;
    const ctx = formatContextFor(this.server, { client: this.client, session }, undefined, undefined, {
      shell: (command) => this.jobs.get(command),
    });
    const { lines, base } = drawStatusLines(session, ctx, cols, count);
    this.base = base;
    this.drawn = lines;
    return lines;
  }

  /**
   * The mouse range under column `x` of status line `line` as last drawn (tmux's status_get_range):
   * `left` (status-left), `right` (status-right) or `window` with its index — what a MouseDown1Status
   * binding's `select-window -t =` needs.
   */
  rangeAt(x: number, line: number): DrawRange | undefined {
    return this.drawn[line]?.ranges.find((r) => x >= r.start && x < r.end);
  }

  /** The message-style for `session`, expanded for this client. */
  messageStyle(session: Session): Style {
    const ctx = formatContextFor(this.server, { client: this.client, session });
    return styleFromOption(session.options.getString('message-style'), (t) => expandFormat(t, ctx));
  }

  /**
   * The escape sequence that sets the client terminal's title, when set-titles is on and the title
   * changed ('' otherwise). tmux sets it as it redraws; so do we, with the status line.
   */
  titleSequence(session: Session): string {
    if (!session.options.getFlag('set-titles')) return '';
    if (!terminalHasTitle(this.server, this.client.identify.term)) return '';
    const ctx = formatContextFor(this.server, { client: this.client, session });
    const title = expandFormat(session.options.getString('set-titles-string'), ctx, { time: true }).replace(/[\x00-\x1f\x7f]/g, '');
    if (title === this.title) return '';
    this.title = title;
    return `\x1b]0;${title}\x07`;
  }

  /**
   * Options this status line depends on may have changed without anyone saying so (a set-option that
   * only redraws): windows get the room a different number of status lines leaves, and silence
   * timers follow monitor-silence. Cheap; runs with each status redraw.
   */
  private followOptions(session: Session, count: number): void {
    if (this.lineCount !== undefined && this.lineCount !== count) setImmediate(() => this.server.sessionClientsChanged(session));
    this.lineCount = count;
    this.server.alerts.follow(session);
  }

  /** Keep the status-interval timer in step with the options (called on every redraw). */
  private syncTimer(session: Session, count: number): void {
    const interval = count > 0 ? session.options.getNumber('status-interval') : 0;
    if (interval === this.timerInterval && (interval === 0) === (this.timer === undefined)) return;
    this.stopTimer();
    if (interval <= 0) return;
    this.timerInterval = interval;
    this.timer = setInterval(() => {
      this.dirty = true;
      this.client.scheduleRender();
    }, interval * 1000);
  }

  private stopTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.timerInterval = 0;
  }

  /** The client detached or went away: no timer, no jobs. */
  dispose(): void {
    this.stopTimer();
    this.jobs.dispose();
    this.dirty = true;
    this.title = undefined;
  }

  /** The client left its session but stays connected (no status line to keep up to date). */
  detached(): void {
    this.stopTimer();
    this.dirty = true;
  }
}
