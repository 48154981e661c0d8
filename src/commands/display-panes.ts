// display-panes (displayp): show each pane's index over the pane on a client (-t, default the current
// one) for display-panes-time (or -d ms; 0 until a key), as tmux's large digits when the pane has room,
// else small; the active pane's in display-panes-active-colour, the others' in display-panes-colour.
// Typing an index (0-9, then a-z for 10-35) runs the template — default `select-pane -t '%%'` — with
// %% replaced by the pane's id; any other key takes the numbers away and does what it usually does.
// -N ignores keys; -b does not wait for the numbers to go (otherwise the command finishes when they do).

import { defineCommand, type ClientApi, type ClientOverlay, type CommandContext, type CommandResult, type ServerApi } from './command';
import { currentClient, findClient } from './detach-client';
import { parseCommands, type Arg } from '../cmdlang/parse';
import { cellColour, parseColour } from '../format/colour';
import { KEY_CODE_MASK, KEY_MODIFIER_MASK } from '../input/keys';
import { layoutPaneRect } from '../model/layout';
import type { Window } from '../model/model';
import type { BorderCell, FrameView } from '../render/compose';
import { strtonum, unzoomWindow } from './pane-args';
import { expandFormat, formatTrue } from '../format/expand';
import { formatContextFor } from './format-target';

const DEFAULT_TEMPLATE = "select-pane -t '%%'";

/** The 5×5 digits tmux draws (window_clock_table in window-clock.c): 1 is a filled cell. */
const DIGITS: readonly string[][] = [
  ['11111', '10001', '10001', '10001', '11111'],
  ['00001', '00001', '00001', '00001', '00001'],
  ['11111', '00001', '11111', '10000', '11111'],
  ['11111', '00001', '11111', '00001', '11111'],
  ['10001', '10001', '11111', '00001', '00001'],
  ['11111', '10000', '11111', '00001', '11111'],
  ['11111', '10000', '11111', '10001', '11111'],
  ['11111', '00001', '00001', '00001', '00001'],
  ['11111', '10001', '11111', '10001', '11111'],
  ['11111', '10001', '11111', '00001', '11111'],
];

/**
 * tmux's cmd_template_replace for one value: the first `%%` (or `%1`) becomes `value`; `%%%` the
 * value with `"`, `\`, `$`, `;` and `~` escaped for use inside double quotes.
 */
export function templateReplace(template: string, value: string): string {
  if (!template.includes('%')) return template;
  let out = '';
  let replaced = false;
  for (let i = 0; i < template.length; i++) {
    const ch = template[i];
    if (ch !== '%') {
      out += ch;
      continue;
    }
    const next = template[i + 1];
    if (next !== '1') {
      if (next !== '%' || replaced) {
        out += ch;
        continue;
      }
      replaced = true;
    }
    i++;
    const quoted = template[i + 1] === '%';
    if (quoted) i++;
    for (const c of value) out += quoted && '"\\$;~'.includes(c) ? '\\' + c : c;
  }
  return out;
}

/** A colour option as a cell colour (an unparsable value draws in the default colour). */
function colourOption(value: string): number {
  const colour = parseColour(value);
  return colour === undefined ? cellColour(parseColour('default')!) : cellColour(colour);
}

/** The cells that show a window's pane numbers, in window coordinates moved down by `top`. */
export function paneNumberCells(window: Window, top: number, colour: number, activeColour: number): BorderCell[] {
  const cells: BorderCell[] = [];
  const layout = window.layout;
  if (!layout) return cells;
  const blank = cellColour(parseColour('default')!);
  const base = window.options.getNumber('pane-base-index');
  window.panes.forEach((pane, i) => {
    if (layout.zoomed !== null && layout.zoomed !== pane.id) return;
    const rect = layoutPaneRect(layout, pane.id);
    const { sx, sy } = rect;
    const xoff = rect.x;
    const yoff = rect.y + top;
    const index = i + base;
    const digits = String(index);
    const len = digits.length;
    if (sx < len) return;
    const c = window.active === pane ? activeColour : colour;
    const text = (x: number, y: number, s: string): void => {
      for (const ch of s) cells.push({ x: x++, y, ch, fg: c, bg: blank, attrs: 0 });
    };
    const letter = index > 9 && index < 35 ? String.fromCharCode(97 + index - 10) : '';
    let px = Math.floor(sx / 2);
    let py = Math.floor(sy / 2);
    if (sx < len * 6 || sy < 5) {
      // Too small for the large digits: the number as text, with its letter if there is room.
      const withLetter = letter !== '' && sx >= len + letter.length + 1;
      const shown = withLetter ? `${digits} ${letter}` : digits;
      text(xoff + px - Math.floor(shown.length / 2), yoff + py, shown);
      return;
    }
    px -= len * 3;
    py -= 2;
    for (const d of digits) {
      const rows = DIGITS[d.charCodeAt(0) - 48];
      for (let j = 0; j < 5; j++) {
        for (let k = 0; k < 5; k++) {
          if (rows[j][k] === '1') cells.push({ x: xoff + px + k, y: yoff + py + j, ch: ' ', fg: blank, bg: c, attrs: 0 });
        }
      }
      px += 6;
    }
    if (sy <= 6) return;
    const size = `${sx}x${sy}`;
    if (sx >= size.length) text(xoff + sx - size.length, yoff, size);
    if (letter !== '') text(xoff + Math.floor(sx / 2) + len * 3 - letter.length - 1, yoff + py + 5, letter);
  });
  return cells;
}

class DisplayPanes implements ClientOverlay {
  private timer: NodeJS.Timeout | undefined;
  private done = false;

  constructor(
    private readonly server: ServerApi,
    private readonly client: ClientApi,
    private readonly template: string,
    private readonly takesKeys: boolean,
    delay: number,
    private readonly finished: () => void,
  ) {
    if (delay > 0) this.timer = setTimeout(() => this.close(), delay);
  }

  /** Take the numbers away (when they time out, a key is typed or another overlay replaces them). */
  close(): void {
    if (this.done) return;
    this.done = true;
    clearTimeout(this.timer);
    if (this.client.overlay === this) this.client.setOverlay(undefined);
    this.finished();
  }

  closed(): void {
    this.close();
  }

  key(key: number): boolean {
    const window = this.client.session?.current;
    if (!this.takesKeys || !window) {
      this.close();
      return false;
    }
    let index: number;
    if (key >= 0x30 && key <= 0x39) index = key - 0x30;
    else if ((key & KEY_MODIFIER_MASK) === 0 && (key & KEY_CODE_MASK) >= 0x61 && (key & KEY_CODE_MASK) <= 0x7a) {
      index = 10 + (key & KEY_CODE_MASK) - 0x61;
    } else {
      this.close();
      return false;
    }
    const pane = window.panes[index - window.options.getNumber('pane-base-index')];
    this.close();
    if (!pane) return true;
    unzoomWindow(this.server, window);
    const text = templateReplace(this.template, `%${pane.id}`);
    const env = this.server.model.environment;
    const parsed = parseCommands(text, {
      oneGroup: true,
      environment: (name) => env.get(name) ?? undefined,
      home: () => process.env.HOME,
      evaluateCondition: (expr) => formatTrue(expandFormat(expr, formatContextFor(this.server, { client: this.client }))),
    });
    if (!parsed.ok) {
      this.client.showMessage(parsed.error);
      return true;
    }
    const commands = parsed.commands.map((c) => c.argv.map((a: Arg) => (typeof a === 'string' ? a : a.source)));
    void this.server.runClientCommands(this.client, commands);
    return true;
  }

  decorate(view: FrameView): void {
    const session = this.client.session;
    const window = session?.current;
    if (!session || !window) return;
    // The numbers sit over the panes, where the panes are drawn (below a top status line).
    const statusTop = session.options.getString('status') !== 'off' && view.rows > 1 && session.options.getString('status-position') === 'top';
    const top = statusTop ? 1 : 0;
    const colour = colourOption(session.options.getString('display-panes-colour'));
    const active = colourOption(session.options.getString('display-panes-active-colour'));
    view.borders.push(...paneNumberCells(window, top, colour, active).filter((c) => c.x < view.cols && c.y < view.rows));
    // tmux hides the cursor while an overlay is up.
    for (const pane of view.panes) pane.active = false;
  }
}

export const displayPanes = defineCommand({
  name: 'display-panes',
  alias: 'displayp',
  flags: 'bd:Nt:',
  min: 0,
  max: 1,
  usage: '[-bN] [-d duration] [-t target-client] [template]',
  exec(ctx: CommandContext): CommandResult | Promise<CommandResult> {
    const { args, server } = ctx;
    const name = args.value('t');
    const client = name !== undefined ? findClient(ctx, name) : currentClient(ctx);
    if (!client || !client.session) return { error: name !== undefined ? `can't find client: ${name}` : 'no current client' };
    if (client.overlay) return undefined;
    let delay = client.session.options.getNumber('display-panes-time');
    if (args.has('d')) {
      const d = strtonum(args.value('d') ?? '', 0, 4294967295);
      if (!d.ok) return { error: `delay ${d.error}` };
      delay = d.value;
    }
    const template = args.positional[0] ?? DEFAULT_TEMPLATE;
    const wait = !args.has('b');
    return new Promise<CommandResult>((resolve) => {
      const overlay = new DisplayPanes(server, client, template, !args.has('N'), delay, () => resolve(undefined));
      client.setOverlay(overlay);
      if (!wait) resolve(undefined);
    });
  },
});
