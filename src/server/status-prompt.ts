// The status line prompt (tmux's status.c prompt): what command-prompt and confirm-before show. It
// is a client overlay: it takes the client's keys first and draws itself over the status line (or
// the last line when the status line is off) in message-style, the input after the prompt text with
// the cursor shown as a reversed cell, scrolled sideways when the input is wider than the line.
//
// Editing follows tmux's emacs keys: C-a/Home, C-e/End, C-b/Left, C-f/Right, C-h/BSpace, C-d/Delete,
// C-k, C-u (the whole line, as tmux), C-w (the word before, kept for C-y), M-b/C-Left, M-f/C-Right,
// C-t, Up/C-p and Down/C-n through the history, Tab completion, Enter, and Escape/C-c/C-g to cancel.
// With status-keys vi, Escape switches to command mode and keys are translated as tmux does.
//
// History is kept per prompt type for the whole server (as tmux does), up to prompt-history-limit.

import type { ClientApi, ClientOverlay, PromptOptions, PromptType } from '../commands/command';
import { COMMANDS } from '../commands/registry';
import { ATTR_INVERSE } from '../emulator/cell';
import { cellColour } from '../format/colour';
import { DEFAULT_STYLE, parseStyle, splitStyledText, type Style } from '../format/style';
import { charWidth } from '../format/width';
import { KEY_META, KEY_CTRL, KEY_MODIFIER_MASK, Key, keyFromName, keyToName, isCharacterKey } from '../input/keys';
import { OPTION_TABLE } from '../options/table';
import type { FrameView, StatusView } from '../render/compose';
import type { Server } from './server';

// ---------------------------------------------------------------------------------------------
// History.

const histories = new WeakMap<object, Map<PromptType, string[]>>();

/** The server's prompt history (tmux keeps one list per prompt type for the whole server). */
export class PromptHistory {
  private readonly lists: Map<PromptType, string[]>;

  constructor(owner: object, private readonly limit: () => number) {
    let lists = histories.get(owner);
    if (!lists) histories.set(owner, (lists = new Map()));
    this.lists = lists;
  }

  list(type: PromptType): string[] {
    let l = this.lists.get(type);
    if (!l) this.lists.set(type, (l = []));
    return l;
  }

  /** Add a line (not twice in a row), dropping the oldest beyond the limit. */
  add(line: string, type: PromptType): void {
    const l = this.list(type);
    if (l.length > 0 && l[l.length - 1] === line) return;
    l.push(line);
    const limit = this.limit();
    if (l.length > limit) l.splice(0, l.length - limit);
  }
}

// ---------------------------------------------------------------------------------------------
// The line being edited.

const isSpace = (c: string | undefined): boolean => c === ' ';

/** The input line and cursor, with tmux's editing operations (status_prompt_key). */
export class PromptEditor {
  chars: string[];
  index: number;
  /** What C-w cut, for C-y. */
  saved: string[] | undefined;

  constructor(text: string) {
    this.chars = Array.from(text);
    this.index = this.chars.length;
  }

  get text(): string {
    return this.chars.join('');
  }

  set(text: string): void {
    this.chars = Array.from(text);
    this.index = this.chars.length;
  }

  insert(ch: string): void {
    this.chars.splice(this.index, 0, ch);
    this.index++;
  }

  left(): void {
    if (this.index > 0) this.index--;
  }

  right(): void {
    if (this.index < this.chars.length) this.index++;
  }

  home(): void {
    this.index = 0;
  }

  end(): void {
    this.index = this.chars.length;
  }

  /** BSpace / C-h. Returns whether anything changed. */
  backspace(): boolean {
    if (this.index === 0) return false;
    this.chars.splice(--this.index, 1);
    return true;
  }

  /** Delete / C-d. */
  deleteForward(): boolean {
    if (this.index === this.chars.length) return false;
    this.chars.splice(this.index, 1);
    return true;
  }

  /** C-u: tmux clears the whole line, not only what is before the cursor. */
  clear(): void {
    this.chars = [];
    this.index = 0;
  }

  /** C-k. */
  killToEnd(): boolean {
    if (this.index >= this.chars.length) return false;
    this.chars.length = this.index;
    return true;
  }

  private inList(separators: string, c: string | undefined): boolean {
    return c !== undefined && c.length === 1 && separators.includes(c);
  }

  /** C-w: cut the word before the cursor (a run of separators or of other characters). */
  deleteWordBackward(separators: string): void {
    let idx = this.index;
    while (idx !== 0) {
      idx--;
      if (!isSpace(this.chars[idx])) break;
    }
    const wordIsSeparators = this.inList(separators, this.chars[idx]);
    while (idx !== 0) {
      idx--;
      if (isSpace(this.chars[idx]) || wordIsSeparators !== this.inList(separators, this.chars[idx])) {
        idx++;
        break;
      }
    }
    this.saved = this.chars.slice(idx, this.index);
    this.chars.splice(idx, this.index - idx);
    this.index = idx;
  }

  /** M-f / C-Right (emacs) and w/W (vi). */
  forwardWord(separators: string, vi = false): void {
    const size = this.chars.length;
    let idx = this.index;
    if (!vi) while (idx !== size && isSpace(this.chars[idx])) idx++;
    if (idx === size) {
      this.index = idx;
      return;
    }
    const wordIsSeparators = this.inList(separators, this.chars[idx]) && !isSpace(this.chars[idx]);
    do {
      idx++;
      if (isSpace(this.chars[idx])) {
        if (vi) while (idx !== size && isSpace(this.chars[idx])) idx++;
        break;
      }
    } while (idx !== size && wordIsSeparators === this.inList(separators, this.chars[idx]));
    this.index = idx;
  }

  /** vi e/E: to the end of the word. */
  endWord(separators: string): void {
    const size = this.chars.length;
    let idx = this.index;
    if (idx === size) return;
    do {
      idx++;
      if (idx === size) {
        this.index = idx;
        return;
      }
    } while (isSpace(this.chars[idx]));
    const wordIsSeparators = this.inList(separators, this.chars[idx]);
    do {
      idx++;
      if (idx === size) break;
    } while (!isSpace(this.chars[idx]) && wordIsSeparators === this.inList(separators, this.chars[idx]));
    this.index = idx - 1;
  }

  /** M-b / C-Left (and vi b/B): to the start of the word before. */
  backwardWord(separators: string): void {
    let idx = this.index;
    while (idx !== 0) {
      idx--;
      if (!isSpace(this.chars[idx])) break;
    }
    const wordIsSeparators = this.inList(separators, this.chars[idx]);
    while (idx !== 0) {
      idx--;
      if (isSpace(this.chars[idx]) || wordIsSeparators !== this.inList(separators, this.chars[idx])) {
        idx++;
        break;
      }
    }
    this.index = idx;
  }

  /** C-t: swap the two characters before the cursor (moving it on when inside the line). */
  transpose(): boolean {
    let idx = this.index;
    if (idx < this.chars.length) idx++;
    if (idx < 2) return false;
    [this.chars[idx - 2], this.chars[idx - 1]] = [this.chars[idx - 1], this.chars[idx - 2]];
    this.index = idx;
    return true;
  }

  /** C-y: put back what C-w cut. */
  yank(): boolean {
    if (!this.saved || this.saved.length === 0) return false;
    this.chars.splice(this.index, 0, ...this.saved);
    this.index += this.saved.length;
    return true;
  }

  /**
   * Tab: complete the word around the cursor with `complete` (given the word and whether it starts
   * the line), replacing it. Returns whether anything changed.
   */
  completeWord(complete: (word: string, atStart: boolean) => string | undefined): boolean {
    const size = this.chars.length;
    let idx = this.index;
    if (idx !== 0) idx--;
    let first = idx;
    while (first > 0 && !isSpace(this.chars[first])) first--;
    while (first < size && isSpace(this.chars[first])) first++;
    let last = idx;
    while (last < size && !isSpace(this.chars[last])) last++;
    while (last > 0 && isSpace(this.chars[last])) last--;
    if (last < size) last++;
    if (last < first) return false;
    const word = this.chars.slice(first, last).join('');
    const replacement = complete(word, first === 0);
    if (replacement === undefined) return false;
    const added = Array.from(replacement);
    this.chars.splice(first, last - first, ...added);
    this.index = first + added.length;
    return true;
  }
}

// ---------------------------------------------------------------------------------------------
// Completion (status_prompt_complete_list): command names and aliases at the start of the line;
// after it also option names and layout names. One match completes with a space after it, several
// to their longest common prefix.

const LAYOUTS = ['even-horizontal', 'even-vertical', 'main-horizontal', 'main-vertical', 'tiled'];

export function completionCandidates(word: string, atStart: boolean, aliases: readonly string[]): string[] {
  const out: string[] = [];
  const add = (s: string): void => {
    if (s.startsWith(word) && !out.includes(s)) out.push(s);
  };
  for (const c of COMMANDS) {
    add(c.name);
    if (c.alias) add(c.alias);
  }
  for (const a of aliases) add(a);
  if (atStart) return out;
  for (const o of OPTION_TABLE) add(o.name);
  for (const l of LAYOUTS) add(l);
  return out;
}

export function completeWord(word: string, atStart: boolean, aliases: readonly string[]): string | undefined {
  // Target completion (-t, target prompts) is not done; tmux opens menus for it.
  if (word === '' || word.startsWith('-t') || word.startsWith('-s')) return undefined;
  const list = completionCandidates(word, atStart, aliases);
  if (list.length === 0) return undefined;
  let out: string;
  if (list.length === 1) out = list[0] + ' ';
  else {
    out = list[0];
    for (const s of list) {
      let i = 0;
      while (i < out.length && i < s.length && out[i] === s[i]) i++;
      out = out.slice(0, i);
    }
  }
  // When nothing more can be added, tmux offers a menu of the matches; tsmux leaves the word.
  return out === word ? undefined : out;
}

// ---------------------------------------------------------------------------------------------
// The prompt overlay.

const K = (name: string): number => keyFromName(name)!;
const KEY_VI = 0x1000000; // a private bit: a vi motion key after translation (tmux's KEYC_VI)

export class StatusPrompt implements ClientOverlay {
  readonly kind = 'prompt';
  private message: string;
  private readonly editor: PromptEditor;
  /** History positions per type (0: not in the history). */
  private readonly historyIndex = new Map<PromptType, number>();
  /** status-keys vi: in command mode (after Escape) rather than entry mode. */
  private commandMode = false;
  /** Incremental prompts remember the last search for C-r/C-s on an empty line. */
  private readonly last: string | undefined;
  private finished = false;

  constructor(
    private readonly server: Server,
    private readonly client: ClientApi,
    private readonly options: PromptOptions,
    private readonly history: PromptHistory,
  ) {
    this.message = options.prompt;
    if (options.incremental) {
      this.last = options.input;
      this.editor = new PromptEditor('');
    } else {
      this.editor = new PromptEditor(options.input);
    }
  }

  /** Called once it is shown: an incremental prompt reports its start ('='). */
  start(): void {
    if (this.options.incremental) this.options.callback('=', false);
  }

  private get session() {
    return this.client.session;
  }

  private get separators(): string {
    return this.session?.options.getString('word-separators') ?? ' ';
  }

  private close(): void {
    this.finished = true;
    if (this.client.overlay === this) this.client.setOverlay(undefined);
  }

  /** Give the callback an answer and act on what it says (close, keep, or show the next prompt). */
  private answer(answer: string | undefined, done: boolean): void {
    const r = this.options.callback(answer, done);
    if (r === false) this.close();
    else if (typeof r === 'object') {
      this.message = r.prompt;
      this.editor.set(r.input);
      this.historyIndex.clear();
    }
  }

  key(key: number): boolean {
    if (this.finished) return false;
    if (this.options.key) {
      this.close();
      this.options.callback(keyToName(key), true);
      return true;
    }
    if (this.options.numeric) {
      if (key >= 0x30 && key <= 0x39) {
        this.editor.insert(String.fromCharCode(key));
        return true;
      }
      this.close();
      this.options.callback(this.editor.text, true);
      // The key that ended a numeric prompt is then handled as usual.
      return false;
    }
    if (this.session?.options.getString('status-keys') === 'vi') {
      const translated = this.translateVi(key);
      if (translated === 'drop') return true;
      if (translated === 'append') return this.append(key);
      key = translated;
    }
    return this.process(key);
  }

  /** tmux's status_prompt_translate_key: vi keys to the emacs actions ('append' in entry mode). */
  private translateVi(key: number): number | 'drop' | 'append' {
    if (!this.commandMode) {
      if (key === Key.Escape) {
        this.commandMode = true;
        return 'drop';
      }
      const passThrough = [
        K('C-a'), K('C-c'), K('C-e'), K('C-g'), K('C-h'), Key.Tab, K('C-k'), K('C-n'), K('C-p'), K('C-t'), K('C-u'),
        K('C-w'), K('C-y'), 0x0a, Key.Enter, Key.Left | KEY_CTRL, Key.Right | KEY_CTRL, Key.BSpace, Key.DC, Key.Down,
        Key.End, Key.Home, Key.Left, Key.Right, Key.Up,
      ];
      return passThrough.includes(key) ? key : 'append';
    }
    const ch = key < 0x80 ? String.fromCharCode(key) : '';
    if ('AICsa'.includes(ch) && ch !== '') this.commandMode = false;
    if (ch === 'S') {
      this.commandMode = false;
      return K('C-u');
    }
    if (ch === 'i' || key === Key.Escape) {
      this.commandMode = false;
      return 'drop';
    }
    if (key === Key.BSpace) return Key.Left;
    const map: Record<string, number> = {
      A: Key.End, $: Key.End, I: Key.Home, '0': Key.Home, '^': Key.Home, C: K('C-k'), D: K('C-k'), X: Key.BSpace,
      b: K('b') | KEY_META, B: K('B') | KEY_VI, d: K('C-u'), e: K('e') | KEY_VI, E: K('E') | KEY_VI,
      w: K('w') | KEY_VI, W: K('W') | KEY_VI, p: K('C-y'), q: K('C-c'), s: Key.DC, x: Key.DC, j: Key.Down,
      h: Key.Left, a: Key.Right, l: Key.Right, k: Key.Up,
    };
    if (ch !== '' && map[ch] !== undefined) return map[ch];
    if ([Key.DC, Key.Down, Key.Left, Key.Right, Key.Up, K('C-h'), K('C-c'), 0x0a, Key.Enter].includes(key)) return key;
    return 'drop';
  }

  private process(key: number): boolean {
    const e = this.editor;
    const type = this.options.type;
    let prefix = '=';
    switch (key) {
      case Key.Left:
      case K('C-b'):
        e.left();
        return true;
      case Key.Right:
      case K('C-f'):
        e.right();
        return true;
      case Key.Home:
      case K('C-a'):
        e.home();
        return true;
      case Key.End:
      case K('C-e'):
        e.end();
        return true;
      case Key.Tab: {
        const aliases = ((this.server.model.serverOptions.get('command-alias') as string[] | undefined) ?? [])
          .map((a) => a.slice(0, Math.max(0, a.indexOf('='))))
          .filter((a) => a !== '');
        if (type === 'command' && e.completeWord((w, atStart) => completeWord(w, atStart, aliases))) return this.changed(prefix);
        return true;
      }
      case Key.BSpace:
      case K('C-h'):
        return e.backspace() ? this.changed(prefix) : true;
      case Key.DC:
      case K('C-d'):
        return e.deleteForward() ? this.changed(prefix) : true;
      case K('C-u'):
        e.clear();
        return this.changed(prefix);
      case K('C-k'):
        return e.killToEnd() ? this.changed(prefix) : true;
      case K('C-w'):
        e.deleteWordBackward(this.separators);
        return this.changed(prefix);
      case Key.Right | KEY_CTRL:
      case K('f') | KEY_META:
        e.forwardWord(this.separators);
        return this.changed(prefix);
      case K('E') | KEY_VI:
        e.endWord('');
        return this.changed(prefix);
      case K('e') | KEY_VI:
        e.endWord(this.separators);
        return this.changed(prefix);
      case K('W') | KEY_VI:
        e.forwardWord('', true);
        return this.changed(prefix);
      case K('w') | KEY_VI:
        e.forwardWord(this.separators, true);
        return this.changed(prefix);
      case K('B') | KEY_VI:
        e.backwardWord('');
        return this.changed(prefix);
      case Key.Left | KEY_CTRL:
      case K('b') | KEY_META:
        e.backwardWord(this.separators);
        return this.changed(prefix);
      case Key.Up:
      case K('C-p'): {
        const list = this.history.list(type);
        const idx = this.historyIndex.get(type) ?? 0;
        if (list.length === 0 || idx === list.length) return true;
        this.historyIndex.set(type, idx + 1);
        e.set(list[list.length - idx - 1]);
        return this.changed(prefix);
      }
      case Key.Down:
      case K('C-n'): {
        const list = this.history.list(type);
        let idx = this.historyIndex.get(type) ?? 0;
        if (list.length === 0 || idx === 0) e.set('');
        else {
          idx--;
          this.historyIndex.set(type, idx);
          e.set(idx === 0 ? '' : list[list.length - idx]);
        }
        return this.changed(prefix);
      }
      case K('C-y'):
        return e.yank() ? this.changed(prefix) : true;
      case K('C-t'):
        return e.transpose() ? this.changed(prefix) : true;
      case Key.Enter:
      case 0x0a: {
        const s = e.text;
        if (s !== '') this.history.add(s, type);
        this.answer(s, true);
        return true;
      }
      case Key.Escape:
      case K('C-c'):
      case K('C-g'):
        this.answer(undefined, true);
        return true;
      case K('C-r'):
      case K('C-s'):
        if (!this.options.incremental) return true;
        if (e.chars.length === 0) {
          e.set(this.last ?? '');
          prefix = '=';
        } else {
          prefix = key === K('C-r') ? '-' : '+';
        }
        return this.changed(prefix);
      default:
        return this.append(key);
    }
  }

  private append(key: number): boolean {
    // Control characters, special keys and modified keys are not text.
    if (key < 0x20 || key === 0x7f || !isCharacterKey(key) || (key & KEY_MODIFIER_MASK) !== 0) return true;
    this.editor.insert(String.fromCodePoint(key));
    if (this.options.single) {
      if (this.editor.chars.length !== 1) this.close();
      else this.answer(this.editor.text, true);
      return true;
    }
    return this.changed('=');
  }

  private changed(prefix: string): boolean {
    if (this.options.incremental) this.options.callback(prefix + this.editor.text, false);
    return true;
  }

  // ---- drawing ----

  private style(): Style {
    const name = this.commandMode ? 'message-command-style' : 'message-style';
    const parsed = parseStyle(this.session?.options.getString(name) ?? 'bg=yellow,fg=black');
    return parsed.ok ? parsed.style : DEFAULT_STYLE;
  }

  decorate(view: FrameView): void {
    if (this.finished) return;
    const cols = view.cols;
    const y = view.status ? view.status.y : view.rows - 1;
    const style = this.style();
    const fg = cellColour(style.fg);
    const bg = cellColour(style.bg);
    const runs: StatusView['runs'] = [];
    let x = 0;
    for (const piece of splitStyledText(this.message, style)) {
      let text = '';
      for (const ch of piece.text) {
        const w = Math.max(0, charWidth(ch.codePointAt(0)!));
        if (x + w > cols) break;
        text += ch;
        x += w;
      }
      if (text) runs.push({ text, fg: cellColour(piece.style.fg), bg: cellColour(piece.style.bg), attrs: piece.style.attrs, x: x - width(text) });
    }
    const start = Math.min(x, cols);
    const left = cols - start;
    let cursorX = start;
    if (left > 0) {
      const chars = this.editor.chars;
      const index = this.editor.index;
      const pcursor = width(chars.slice(0, index).join(''));
      let pwidth = width(chars.join(''));
      let offset = 0;
      if (pcursor >= left) {
        // The cursor would be off the line: draw with it at the right edge.
        offset = pcursor - left + 1;
        pwidth = left;
      }
      if (pwidth > left) pwidth = left;
      cursorX = start + pcursor - offset;
      let used = 0;
      let col = start;
      let i = 0;
      for (; i < chars.length; i++) {
        const w = Math.max(0, charWidth(chars[i].codePointAt(0)!));
        if (used < offset) {
          used += w;
          continue;
        }
        if (used >= offset + pwidth) break;
        used += w;
        if (used > offset + pwidth) break;
        runs.push({ text: chars[i], fg, bg, attrs: i === index ? style.attrs ^ ATTR_INVERSE : style.attrs, x: col });
        col += w;
      }
      if (col < cols && index >= i) runs.push({ text: ' ', fg, bg, attrs: style.attrs ^ ATTR_INVERSE, x: col });
    }
    view.message = { y, runs, fill: { fg, bg, attrs: style.attrs } };
    // tmux hides the terminal cursor while a prompt is shown; the reversed cell is the cursor.
    view.cursor = { x: Math.min(cursorX, cols - 1), y, visible: false, style: 0 };
  }
}

function width(s: string): number {
  let w = 0;
  for (const ch of s) w += Math.max(0, charWidth(ch.codePointAt(0)!));
  return w;
}

/** Show a prompt on a client (ClientApi.showPrompt's implementation). */
export function showPrompt(server: Server, client: ClientApi, options: PromptOptions): void {
  const history = new PromptHistory(server, () => server.model.serverOptions.getNumber('prompt-history-limit'));
  const prompt = new StatusPrompt(server, client, options, history);
  client.setOverlay(prompt);
  prompt.start();
}
