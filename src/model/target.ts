// Target resolution: turning a `-t`/`-s` string into a session, window and pane, in tmux 3.3a's
// order (cmd-find.c). Everything here is checked against the real tmux by
// test/model/fixtures/targets-generate.sh.
//
// A target is split at its first ':' and then at the first '.' after it (or in the whole string
// when there is no ':'): `session:window.pane`. Without either separator a leading `$`, `@` or `%`
// says which part it is, and otherwise the word is taken as the command's own kind (session, window
// or pane), falling back upward: a pane word is tried as a pane of the current window, then as a
// window of the current session, then as a session. A word after ':' or before '.' is only ever a
// window (no fallback to sessions).
//
// - sessions: `$id`; exact name; the name of a client attached to it; then (unless `=name`) a
//   unique prefix, then a unique fnmatch(3) pattern. Two matches are no match.
// - windows: `@id`; (unless `=`) `+N`/`-N` offsets from the current window, `!` last, `^` first,
//   `$` last index (and `{start}` `{end}` `{last}` `{next}` `{previous}`); an index; an exact name
//   (unique); then (unless `=`) a unique prefix, then a unique pattern.
// - panes: `%id`; `!` last; `{up-of}` `{down-of}` `{left-of}` `{right-of}` the current pane's
//   neighbour; `+N`/`-N` from the current pane; an index (from pane-base-index); `top`, `bottom`,
//   `left`, `right`, `top-left`, … (also in braces) by position.
// - `{marked}`/`~` is the marked pane; `{mouse}`/`=` the last mouse event (none from a command line);
//   `{active}`/`@`/`{current}` (tmux 3.5) the attached client's current pane.
//
// "Current" is, in order: the state a command was queued with (a hook's or run-shell -t's target);
// the attached client's session, its current window and active pane; for a client inside one of
// our panes, the most recently active session holding that pane's window, and that session's
// current window (not the pane's own: tmux's rule); otherwise the most recently active session.
// Errors are tmux's messages: `can't find session: X`, `can't find window: X`, `can't find pane:
// X`, `no current target`, `no marked target`, `no mouse target`, `can't specify pane here`.

import { layoutFindPane, layoutPaneAt, type PaneDirection } from './layout';
import { Model, Pane, Session, Window } from './model';

export type TargetKind = 'session' | 'window' | 'pane';

export interface Resolved {
  session: Session;
  window: Window;
  /** Index of `window` in `session`. */
  index: number;
  pane: Pane;
}

export type Resolution = { ok: true; target: Resolved } | { ok: false; error: string };

/** Where a command runs from: decides what "current" means when a part is omitted. */
export interface Origin {
  /** The session of the issuing client, if attached. */
  session?: Session;
  /**
   * The pane the command was issued from: a command-line client running inside one of our panes
   * ($TSMUX_PANE), or a key binding's active pane.
   */
  pane?: Pane;
  /** The exact current state (a hook's target, run-shell -t, if-shell -t): used while still valid. */
  state?: Resolved;
  /** The marked pane (select-pane -m), for `{marked}` / `~`. */
  marked?: Resolved;
  /** The session of the attached client with this name (tty path, or without /dev/), if any. */
  clientSession?(name: string): Session | undefined;
  /** How many clients are attached to a session (for attach-session's preference for unattached ones). */
  attachedCount?(session: Session): number;
}

export interface FindFlags {
  /** The window part may name an index with no window yet (new-window -t, move-window -t). */
  windowIndex?: boolean;
  /** Prefer sessions no client is attached to when guessing (attach-session, switch-client). */
  preferUnattached?: boolean;
}

/** fnmatch(3) without flags: `*`, `?`, `[...]` (with `!`/`^` negation), backslash escapes. */
export function fnmatch(pattern: string, text: string): boolean {
  let re = '^';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') re += '.*';
    else if (c === '?') re += '.';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end === -1) {
        re += '\\[';
        continue;
      }
      let set = pattern.slice(i + 1, end);
      if (set[0] === '!' || set[0] === '^') set = '^' + set.slice(1);
      re += '[' + set.replace(/\\/g, '\\\\') + ']';
      i = end;
    } else if (c === '\\' && i + 1 < pattern.length) {
      re += pattern[++i].replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    } else re += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  try {
    return new RegExp(re + '$', 's').test(text);
  } catch {
    return false;
  }
}

/**
 * The most recently active of `sessions` (default all), tmux's cmd_find_best_session: sessions are
 * tried in name order and only a strictly more recent one replaces the best so far.
 */
export function bestSession(model: Model, sessions?: Session[], preferUnattached?: (s: Session) => boolean): Session | undefined {
  let best: Session | undefined;
  for (const s of sessions ?? model.sessionList()) {
    if (best === undefined) {
      best = s;
      continue;
    }
    if (preferUnattached) {
      const bestAttached = !preferUnattached(best);
      const attached = !preferUnattached(s);
      if (bestAttached && !attached) {
        best = s;
        continue;
      }
      if (!bestAttached && attached) continue;
    }
    if (s.activity > best.activity) best = s;
  }
  return best;
}

/** The index to use for a window in a session: the current window's if it is that, else the lowest. */
function bestIndex(session: Session, window: Window): number | undefined {
  if (session.current === window) {
    const index = session.indexOf(window);
    if (index !== undefined) return index;
  }
  let best: number | undefined;
  for (const [index, w] of session.windows) if (w === window && (best === undefined || index < best)) best = index;
  return best;
}

/** The best session linking `window` and that window's index in it. */
function bestSessionWithWindow(model: Model, window: Window, prefer?: (s: Session) => boolean): { session: Session; index: number } | undefined {
  const holders = model.sessionList().filter((s) => s.indexOf(window) !== undefined);
  const session = bestSession(model, holders, prefer);
  if (!session) return undefined;
  const index = bestIndex(session, window);
  return index === undefined ? undefined : { session, index };
}

/** Exact `$id`, as tmux's strtonum would read it. */
function parseId(s: string, sigil: string): number | undefined {
  if (s[0] !== sigil || !/^\d+$/.test(s.slice(1))) return undefined;
  return Number(s.slice(1));
}

/** strtonum(s, 0, INT_MAX): a plain non-negative decimal. */
function parseIndex(s: string): number | undefined {
  return /^\d+$/.test(s) && Number(s) <= 0x7fffffff ? Number(s) : undefined;
}

/** The `N` of an offset `+N`/`-N` (1 for a bare sign, 0 when N is not a number 1..INT_MAX). */
function offsetCount(s: string): number {
  if (s.length === 1) return 1;
  const n = /^\d+$/.test(s.slice(1)) ? Number(s.slice(1)) : 0;
  return n >= 1 && n <= 0x7fffffff ? n : 0;
}

/** One match in a list, none, or two or more (which tmux treats as none). */
function unique<T>(items: Iterable<T>, test: (item: T) => boolean): T | undefined | null {
  let found: T | undefined;
  for (const item of items) {
    if (!test(item)) continue;
    if (found !== undefined) return null;
    found = item;
  }
  return found;
}

/** Find a session by name as tmux does (cmd_find_get_session). */
export function findSession(model: Model, name: string, origin: Origin = {}, exact = false): Session | undefined {
  if (name.startsWith('$')) {
    const id = parseId(name, '$');
    return id === undefined ? undefined : model.sessions.get(id);
  }
  const sessions = model.sessionList();
  const byName = sessions.find((s) => s.name === name);
  if (byName) return byName;
  const ofClient = origin.clientSession?.(name);
  if (ofClient) return ofClient;
  if (exact) return undefined;
  const prefix = unique(sessions, (s) => s.name.startsWith(name));
  if (prefix === null) return undefined;
  if (prefix) return prefix;
  return unique(sessions, (s) => fnmatch(name, s.name)) ?? undefined;
}

const WINDOW_TOKENS: Readonly<Record<string, string>> = { '{start}': '^', '{last}': '!', '{end}': '$', '{next}': '+', '{previous}': '-' };
const PANE_TOKENS: Readonly<Record<string, string>> = {
  '{last}': '!', '{next}': '+', '{previous}': '-', '{top}': 'top', '{bottom}': 'bottom', '{left}': 'left', '{right}': 'right',
  '{top-left}': 'top-left', '{top-right}': 'top-right', '{bottom-left}': 'bottom-left', '{bottom-right}': 'bottom-right',
};
const NEIGHBOURS: Readonly<Record<string, PaneDirection>> = { '{up-of}': 'up', '{down-of}': 'down', '{left-of}': 'left', '{right-of}': 'right' };

/** A resolution in progress (tmux's cmd_find_state): `index` may be set with no window (an index only). */
interface State {
  session?: Session;
  window?: Window;
  index?: number;
  pane?: Pane;
}

class Finder {
  current!: Resolved;
  exactSession = false;
  exactWindow = false;

  constructor(readonly model: Model, readonly origin: Origin, readonly flags: FindFlags) {}

  private prefer(): ((s: Session) => boolean) | undefined {
    const count = this.origin.attachedCount;
    return this.flags.preferUnattached && count ? (s) => count(s) === 0 : undefined;
  }

  /** What "current" is (tmux: queue state, else from the client), or undefined if nothing is. */
  findCurrent(): Resolved | undefined {
    const { model, origin } = this;
    if (origin.state && isValid(model, origin.state)) return origin.state;
    if (origin.session && model.sessions.has(origin.session.id)) return fromSession(origin.session);
    if (origin.pane && model.panes.has(origin.pane.id)) {
      const found = bestSessionWithWindow(model, origin.pane.window, this.prefer());
      if (found) return fromSession(found.session);
    }
    const session = bestSession(model, undefined, this.prefer());
    return session && fromSession(session);
  }

  session(fs: State, name: string): boolean {
    const s = findSession(this.model, name, this.origin, this.exactSession);
    if (!s) return false;
    fs.session = s;
    return true;
  }

  /** A window in `fs.session` (cmd_find_get_window_with_session). */
  windowInSession(fs: State, name: string): boolean {
    const session = fs.session!;
    const exact = this.exactWindow;
    // With only an index found, the window stays the current one (tmux leaves the index alone).
    fs.window = session.current;
    const set = (index: number | undefined, window: Window | undefined): boolean => {
      if (index === undefined || window === undefined) return false;
      fs.index = index;
      fs.window = window;
      return true;
    };
    if (name.startsWith('@')) {
      const id = parseId(name, '@');
      const w = id === undefined ? undefined : this.model.windows.get(id);
      if (!w || session.indexOf(w) === undefined) return false;
      return set(bestIndex(session, w), w);
    }
    const list = session.windowList();
    const at = list.findIndex((w) => w.window === session.current);
    if (!exact && (name[0] === '+' || name[0] === '-')) {
      const n = offsetCount(name);
      const currentIndex = list[at]?.index ?? 0;
      if (this.flags.windowIndex) {
        const index = name[0] === '+' ? currentIndex + n : currentIndex - n;
        if (index < 0 || index > 0x7fffffff) return false;
        fs.index = index;
        fs.window = undefined;
        return true;
      }
      if (list.length > 0 && at >= 0) {
        const step = (name[0] === '+' ? n : -n) % list.length;
        const w = list[(at + step + list.length) % list.length];
        return set(w.index, w.window);
      }
    }
    if (!exact) {
      if (name === '!') {
        const last = session.lastWindows[0];
        return last !== undefined && set(session.indexOf(last), last);
      }
      if (name === '^') return list.length > 0 && set(list[0].index, list[0].window);
      if (name === '$') return list.length > 0 && set(list[list.length - 1].index, list[list.length - 1].window);
    }
    if (name[0] !== '+' && name[0] !== '-') {
      const index = parseIndex(name);
      if (index !== undefined) {
        const w = session.windows.get(index);
        if (w) return set(index, w);
        if (this.flags.windowIndex) {
          fs.index = index;
          fs.window = undefined;
          return true;
        }
      }
    }
    const byName = unique(list, (w) => w.window.name === name);
    if (byName === null) return false;
    if (byName) return set(byName.index, byName.window);
    if (exact) return false;
    const prefix = unique(list, (w) => w.window.name.startsWith(name));
    if (prefix === null) return false;
    if (prefix) return set(prefix.index, prefix.window);
    const pattern = unique(list, (w) => fnmatch(name, w.window.name));
    return pattern ? set(pattern.index, pattern.window) : false;
  }

  /** A window word with no session part (cmd_find_get_window): `@id`, else in the current session, else a session. */
  window(fs: State, name: string, only: boolean): boolean {
    if (name.startsWith('@')) {
      const id = parseId(name, '@');
      const w = id === undefined ? undefined : this.model.windows.get(id);
      const found = w && bestSessionWithWindow(this.model, w, this.prefer());
      if (!w || !found) return false;
      Object.assign(fs, { session: found.session, window: w, index: found.index });
      return true;
    }
    fs.session = this.current.session;
    if (this.windowInSession(fs, name)) return true;
    if (!only && this.session(fs, name)) {
      const s = fs.session!;
      fs.window = s.current;
      if (!this.flags.windowIndex) fs.index = s.current ? s.indexOf(s.current) : undefined;
      return fs.window !== undefined;
    }
    return false;
  }

  /** A pane of `fs.window` (cmd_find_get_pane_with_window). */
  paneInWindow(fs: State, name: string): boolean {
    const window = fs.window!;
    const currentPane = this.current.pane;
    if (name.startsWith('%')) {
      const id = parseId(name, '%');
      const p = id === undefined ? undefined : this.model.panes.get(id);
      if (!p || p.window !== window) return false;
      fs.pane = p;
      return true;
    }
    if (name === '!') {
      fs.pane = window.lastPane;
      return fs.pane !== undefined;
    }
    // Neighbours and offsets count from the current pane. When that pane is in another window,
    // tmux walks that other window and returns one of its panes while keeping the target window;
    // tsmux counts from the target window's active pane instead, so a target is always a pane of
    // its window (a documented difference).
    const base = currentPane.window === window ? currentPane : window.active;
    const direction = NEIGHBOURS[name];
    if (direction) {
      const id = window.layout && base
        ? layoutFindPane(window.layout, base.id, direction, {
          activePoint: (pid) => window.panes.find((p) => p.id === pid)?.activePoint ?? 0,
          order: window.panes.map((p) => p.id),
        })
        : null;
      fs.pane = window.panes.find((p) => p.id === id);
      return fs.pane !== undefined;
    }
    if (name[0] === '+' || name[0] === '-') {
      const panes = window.panes;
      const at = base ? panes.indexOf(base) : -1;
      if (at >= 0) {
        const n = offsetCount(name) % panes.length;
        fs.pane = panes[(at + (name[0] === '+' ? n : -n) + panes.length) % panes.length];
        return true;
      }
    }
    const index = parseIndex(name);
    if (index !== undefined) {
      const p = window.panes[index - window.options.getNumber('pane-base-index')];
      if (p) {
        fs.pane = p;
        return true;
      }
    }
    const p = paneByPosition(window, name);
    if (p) {
      fs.pane = p;
      return true;
    }
    return false;
  }

  /** A pane word with a session but no window: in the session's current window. */
  paneInSession(fs: State, name: string): boolean {
    const session = fs.session!;
    if (name.startsWith('%')) {
      const id = parseId(name, '%');
      const p = id === undefined ? undefined : this.model.panes.get(id);
      const index = p && bestIndex(session, p.window);
      if (!p || index === undefined) return false;
      Object.assign(fs, { window: p.window, index, pane: p });
      return true;
    }
    fs.window = session.current;
    fs.index = session.current ? session.indexOf(session.current) : undefined;
    return fs.window !== undefined && this.paneInWindow(fs, name);
  }

  /** A pane word alone (cmd_find_get_pane): `%id`, else in the current window, else a window (or session). */
  pane(fs: State, name: string, only: boolean): boolean {
    if (name.startsWith('%')) {
      const id = parseId(name, '%');
      const p = id === undefined ? undefined : this.model.panes.get(id);
      const found = p && bestSessionWithWindow(this.model, p.window, this.prefer());
      if (!p || !found) return false;
      Object.assign(fs, { session: found.session, window: p.window, index: found.index, pane: p });
      return true;
    }
    Object.assign(fs, { session: this.current.session, window: this.current.window, index: this.current.index });
    if (this.paneInWindow(fs, name)) return true;
    if (!only && this.window(fs, name, false)) {
      fs.pane = fs.window?.active;
      return true;
    }
    return false;
  }
}

/** The pane at a named position of the window (tmux's window_find_string). */
function paneByPosition(window: Window, name: string): Pane | undefined {
  const layout = window.layout;
  if (!layout) return undefined;
  let top = 0;
  let bottom = window.rows - 1;
  const status = window.options.getString('pane-border-status');
  if (status === 'top') top++;
  else if (status === 'bottom') bottom--;
  let x = Math.floor(window.cols / 2);
  let y = Math.floor(window.rows / 2);
  switch (name.toLowerCase()) {
    case 'top': y = top; break;
    case 'bottom': y = bottom; break;
    case 'left': x = 0; break;
    case 'right': x = window.cols - 1; break;
    case 'top-left': x = 0; y = top; break;
    case 'top-right': x = window.cols - 1; y = top; break;
    case 'bottom-left': x = 0; y = bottom; break;
    case 'bottom-right': x = window.cols - 1; y = bottom; break;
    default: return undefined;
  }
  const id = layoutPaneAt(layout, x, y, window.panes.map((p) => p.id));
  return window.panes.find((p) => p.id === id);
}

function fromSession(session: Session): Resolved | undefined {
  const window = session.current;
  const index = window && session.indexOf(window);
  const pane = window?.active;
  if (!window || index === undefined || !pane) return undefined;
  return { session, window, index, pane };
}

function isValid(model: Model, r: Resolved): boolean {
  return model.sessions.get(r.session.id) === r.session && r.session.windows.get(r.index) === r.window &&
    r.window.panes.includes(r.pane) && model.panes.has(r.pane.id);
}

/** What "current" means for an origin, or undefined when there is no session at all. */
export function currentTarget(model: Model, origin: Origin): Resolved | undefined {
  return new Finder(model, origin, {}).findCurrent();
}

/** A resolution that may name only an index (flags.windowIndex): `window` and `pane` may be missing. */
export type FindResult = { ok: true; state: { session: Session; window?: Window; index?: number; pane?: Pane } } | { ok: false; error: string };

/** tmux's cmd_find_target: resolve `target` (undefined or '' = current) for a command of `kind`. */
export function findTarget(model: Model, target: string | undefined, kind: TargetKind, origin: Origin, flags: FindFlags = {}): FindResult {
  const finder = new Finder(model, origin, flags);
  const current = finder.findCurrent();
  if (!current) return { ok: false, error: 'no current target' };
  finder.current = current;
  const found = (fs: State): FindResult => ({ ok: true, state: { session: fs.session!, window: fs.window, index: fs.index, pane: fs.pane } });
  const fromCurrent = (): FindResult =>
    found({ ...current, index: flags.windowIndex ? undefined : current.index });

  if (target === undefined || target === '') return fromCurrent();
  if (target === '=' || target === '{mouse}') return { ok: false, error: 'no mouse target' };
  // From tmux 3.5: the attached client's own current pane.
  if (target === '{active}' || target === '@' || target === '{current}') {
    if (!origin.session || !model.sessions.has(origin.session.id)) return { ok: false, error: 'no current client' };
    return found({ ...current });
  }
  if (target === '~' || target === '{marked}') {
    // The marked pane lives in the model (select-pane -m); an origin may carry its own.
    const inModel = model.markedPane();
    const marked = origin.marked ?? (inModel && { session: inModel.session, window: inModel.window, pane: inModel.pane, index: inModel.session.indexOf(inModel.window) ?? 0 });
    if (!marked || !isValid(model, marked)) return { ok: false, error: 'no marked target' };
    return found({ ...marked });
  }

  // Split into parts.
  let session: string | undefined;
  let window: string | undefined;
  let pane: string | undefined;
  let windowOnly = false;
  let paneOnly = false;
  const colon = target.indexOf(':');
  const head = colon >= 0 ? target.slice(0, colon) : target;
  const rest = colon >= 0 ? target.slice(colon + 1) : undefined;
  const dotIn = rest ?? head;
  const dot = dotIn.indexOf('.');
  if (rest !== undefined) {
    session = head;
    windowOnly = true;
    if (dot >= 0) {
      window = rest.slice(0, dot);
      pane = rest.slice(dot + 1);
      paneOnly = true;
    } else window = rest;
  } else if (dot >= 0) {
    window = head.slice(0, dot);
    pane = head.slice(dot + 1);
    paneOnly = true;
  } else if (head[0] === '$') session = head;
  else if (head[0] === '@') window = head;
  else if (head[0] === '%') pane = head;
  else if (kind === 'session') session = head;
  else if (kind === 'window') window = head;
  else pane = head;

  if (session?.startsWith('=')) {
    session = session.slice(1);
    finder.exactSession = true;
  }
  if (window?.startsWith('=')) {
    window = window.slice(1);
    finder.exactWindow = true;
  }
  if (session === '') session = undefined;
  if (window === '') window = undefined;
  if (pane === '') pane = undefined;
  if (window !== undefined) window = WINDOW_TOKENS[window] ?? window;
  if (pane !== undefined) pane = PANE_TOKENS[pane] ?? pane;

  if (pane !== undefined && flags.windowIndex) return { ok: false, error: "can't specify pane here" };

  const fs: State = {};
  const noSession = (): FindResult => ({ ok: false, error: `can't find session: ${session}` });
  const noWindow = (): FindResult => ({ ok: false, error: `can't find window: ${window}` });
  const noPane = (): FindResult => ({ ok: false, error: `can't find pane: ${pane}` });
  const withActive = (): FindResult => {
    fs.pane = fs.window?.active;
    return found(fs);
  };

  if (session !== undefined) {
    if (!finder.session(fs, session)) return noSession();
    const s = fs.session!;
    if (window === undefined && pane === undefined) {
      fs.window = s.current;
      fs.index = undefined;
      // tmux leaves the index unset here; callers wanting one use the window's index.
      if (!flags.windowIndex && s.current) fs.index = s.indexOf(s.current);
      return withActive();
    }
    if (window !== undefined && pane === undefined) {
      if (!finder.windowInSession(fs, window)) return noWindow();
      return withActive();
    }
    if (window === undefined && pane !== undefined) {
      if (!finder.paneInSession(fs, pane)) return noPane();
      return found(fs);
    }
    if (!finder.windowInSession(fs, window!)) return noWindow();
    if (!finder.paneInWindow(fs, pane!)) return noPane();
    return found(fs);
  }
  if (window !== undefined && pane !== undefined) {
    if (!finder.window(fs, window, windowOnly)) return noWindow();
    if (!finder.paneInWindow(fs, pane)) return noPane();
    return found(fs);
  }
  if (window !== undefined) {
    if (!finder.window(fs, window, windowOnly)) return noWindow();
    return withActive();
  }
  if (pane !== undefined) {
    if (!finder.pane(fs, pane, paneOnly)) return noPane();
    return found(fs);
  }
  return fromCurrent();
}

/**
 * Resolve `target` (undefined = current) for a command whose target is of `kind`: a session, a
 * window in it and a pane in that.
 */
export function resolveTarget(model: Model, target: string | undefined, kind: TargetKind, origin: Origin, flags: FindFlags = {}): Resolution {
  const result = findTarget(model, target, kind, origin, flags);
  if (!result.ok) return result;
  const { session, window, pane } = result.state;
  const index = result.state.index ?? (window ? session.indexOf(window) : undefined);
  if (!window || !pane || index === undefined) return { ok: false, error: `can't find window: ${target}` };
  return { ok: true, target: { session, window, index, pane } };
}

export type IndexResolution = { ok: true; session: Session; index: number | undefined; window: Window | undefined } | { ok: false; error: string };

/**
 * A target naming a window index that may not exist yet (new-window -t, move-window -t, link-window
 * -t; tmux's CMD_FIND_WINDOW_INDEX): `session:index`, `:index`, `index`, or a session alone. Returns
 * the session, the index if one was given (undefined: the caller picks a free one), and the window
 * already there if any.
 */
export function resolveWindowIndex(model: Model, target: string | undefined, origin: Origin): IndexResolution {
  const result = findTarget(model, target, 'window', origin, { windowIndex: true });
  if (!result.ok) return result;
  const { session, index } = result.state;
  return { ok: true, session, index, window: index === undefined ? undefined : session.windows.get(index) };
}

/** The session of the client named `name` among `clients` (tty path, or the path without /dev/; one trailing ':' ignored). */
export function clientByName<C extends { name: string; session: Session | undefined }>(clients: readonly C[], name: string): C | undefined {
  const wanted = name.endsWith(':') ? name.slice(0, -1) : name;
  return clients.find((c) => c.session !== undefined && (c.name === wanted || (c.name.startsWith('/dev/') && c.name.slice(5) === wanted)));
}

/**
 * The target a notification about these objects has (tmux's cmd_find_from_pane, _from_window,
 * _from_session_window, _from_session): a pane in the best session holding its window; a window in
 * the given or best session; a session's current window and active pane.
 */
export function targetOf(model: Model, subject: { session?: Session; window?: Window; pane?: Pane }): Resolved | undefined {
  const { pane } = subject;
  const window = pane?.window ?? subject.window;
  if (window) {
    let session = subject.session && subject.session.indexOf(window) !== undefined && model.sessions.has(subject.session.id) ? subject.session : undefined;
    let index = session && bestIndex(session, window);
    if (!session) {
      const found = bestSessionWithWindow(model, window);
      session = found?.session;
      index = found?.index;
    }
    const p = pane ?? window.active;
    if (!session || index === undefined || !p) return undefined;
    return { session, window, index, pane: p };
  }
  if (subject.session && model.sessions.has(subject.session.id)) return fromSession(subject.session);
  return undefined;
}
