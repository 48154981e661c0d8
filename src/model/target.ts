// Target resolution: turning a `-t`/`-s` string into a session, window and pane, in tmux's order
// (cmd-find.c). A target is `session:window.pane`, or an id (`$1`, `@2`, `%3`). Sessions are
// matched by id, `=exact` name, exact name, unique prefix, then unique fnmatch pattern; windows by
// index, id, exact name, unique prefix, then pattern; panes by index or id. An empty part means the
// current one. Errors are tmux's messages.

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
  /** The session of the issuing client, if attached, or of the pane it runs in. */
  session?: Session;
  /** The pane the command was issued from (a client inside a pane, or a key binding's active pane). */
  pane?: Pane;
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

/** The most recently active session (tmux's cmd_find_best_session): used when nothing says which. */
export function bestSession(model: Model): Session | undefined {
  let best: Session | undefined;
  for (const s of model.sessions.values()) {
    if (!best || s.activity > best.activity || (s.activity === best.activity && s.id > best.id)) best = s;
  }
  return best;
}

function uniqueMatch<T>(items: T[], test: (item: T) => boolean): T | undefined | 'ambiguous' {
  let found: T | undefined;
  for (const item of items) {
    if (!test(item)) continue;
    if (found !== undefined) return 'ambiguous';
    found = item;
  }
  return found;
}

export function findSession(model: Model, name: string): Session | undefined {
  if (/^\$\d+$/.test(name)) return model.sessions.get(Number(name.slice(1)));
  const sessions = model.sessionList();
  if (name.startsWith('=')) return sessions.find((s) => s.name === name.slice(1));
  const exact = sessions.find((s) => s.name === name);
  if (exact) return exact;
  const prefix = uniqueMatch(sessions, (s) => s.name.startsWith(name));
  if (prefix === 'ambiguous') return undefined;
  if (prefix) return prefix;
  const pattern = uniqueMatch(sessions, (s) => fnmatch(name, s.name));
  return pattern === 'ambiguous' ? undefined : pattern;
}

const WINDOW_TOKENS: Record<string, string> = { '{start}': '^', '{end}': '$', '{last}': '!', '{next}': '+', '{previous}': '-' };
const PANE_TOKENS: Record<string, string> = { '{last}': '!', '{next}': '+', '{previous}': '-' };

/** `+`, `-`, `+N`, `-N` relative to the current window; `!` last; `^` first; `$` last index. */
function windowByToken(session: Session, spec: string): { index: number; window: Window } | undefined | null {
  const token = WINDOW_TOKENS[spec] ?? spec;
  const list = session.windowList();
  if (list.length === 0) return undefined;
  if (token === '^') return list[0];
  if (token === '$') return list[list.length - 1];
  if (token === '!') {
    const last = session.lastWindows[0];
    return last ? list.find((w) => w.window === last) : undefined;
  }
  const m = /^([+-])(\d*)$/.exec(token);
  if (!m) return null;
  const at = list.findIndex((w) => w.window === session.current);
  const step = (m[2] === '' ? 1 : Number(m[2])) * (m[1] === '+' ? 1 : -1);
  return list[(((at + step) % list.length) + list.length) % list.length];
}

function findWindow(session: Session, spec: string): { index: number; window: Window } | undefined {
  const byToken = windowByToken(session, spec);
  if (byToken !== null) return byToken;
  const list = session.windowList();
  if (/^-?\d+$/.test(spec)) {
    const index = Number(spec);
    const window = session.windows.get(index);
    return window ? { index, window } : undefined;
  }
  if (/^@\d+$/.test(spec)) return list.find((w) => w.window.id === Number(spec.slice(1)));
  if (spec.startsWith('=')) {
    const exactSpec = spec.slice(1);
    if (/^\d+$/.test(exactSpec)) {
      const window = session.windows.get(Number(exactSpec));
      return window ? { index: Number(exactSpec), window } : undefined;
    }
    return list.find((w) => w.window.name === exactSpec);
  }
  const exact = uniqueMatch(list, (w) => w.window.name === spec);
  if (exact === 'ambiguous') return undefined;
  if (exact) return exact;
  const prefix = uniqueMatch(list, (w) => w.window.name.startsWith(spec));
  if (prefix === 'ambiguous') return undefined;
  if (prefix) return prefix;
  const pattern = uniqueMatch(list, (w) => fnmatch(spec, w.window.name));
  return pattern === 'ambiguous' ? undefined : pattern;
}

function paneByIndex(window: Window, spec: string): Pane | undefined {
  if (/^%\d+$/.test(spec)) return window.panes.find((p) => p.id === Number(spec.slice(1)));
  if (/^\d+$/.test(spec)) return window.panes[Number(spec) - window.options.getNumber('pane-base-index')];
  const token = PANE_TOKENS[spec] ?? spec;
  if (token === '!') return window.lastPane;
  const m = /^([+-])(\d*)$/.exec(token);
  if (!m || !window.active) return undefined;
  const at = window.panes.indexOf(window.active);
  const n = window.panes.length;
  const step = (m[2] === '' ? 1 : Number(m[2])) * (m[1] === '+' ? 1 : -1);
  return window.panes[(((at + step) % n) + n) % n];
}

function resolvedFor(session: Session, window: Window, pane?: Pane): Resolved | undefined {
  const index = session.indexOf(window);
  const p = pane ?? window.active;
  if (index === undefined || !p) return undefined;
  return { session, window, index, pane: p };
}

/** Where a pane lives: the origin's session if it links the window, otherwise any session that does. */
function locatePane(model: Model, pane: Pane, origin: Origin): Resolved | undefined {
  const sessions = model.sessionsOf(pane.window);
  const session = origin.session && sessions.includes(origin.session) ? origin.session : sessions[0];
  return session ? resolvedFor(session, pane.window, pane) : undefined;
}

function current(model: Model, origin: Origin): Resolved | undefined {
  if (origin.pane && model.panes.has(origin.pane.id)) {
    const found = locatePane(model, origin.pane, origin);
    if (found) return found;
  }
  const session = origin.session && model.sessions.has(origin.session.id) ? origin.session : bestSession(model);
  if (!session?.current) return undefined;
  return resolvedFor(session, session.current);
}

/**
 * Resolve `target` (undefined = current) for a command whose target is of `kind`. A bare word is
 * taken as the command's kind and falls back upward (pane → window → session), as tmux does.
 */
export function resolveTarget(model: Model, target: string | undefined, kind: TargetKind, origin: Origin): Resolution {
  const here = current(model, origin);
  if (target === undefined || target === '') {
    if (!here) return { ok: false, error: model.sessions.size === 0 ? 'no current session' : 'no current target' };
    return { ok: true, target: here };
  }
  const fail = (what: TargetKind, name: string): Resolution => ({ ok: false, error: `can't find ${what}: ${name}` });

  // The marked pane (select-pane -m) is a whole target of its own.
  if (target === '{marked}' || target === '~') {
    const marked = model.markedPane();
    const found = marked && resolvedFor(marked.session, marked.window, marked.pane);
    return found ? { ok: true, target: found } : { ok: false, error: 'no marked target' };
  }

  // Ids stand alone.
  if (/^%\d+$/.test(target)) {
    const pane = model.panes.get(Number(target.slice(1)));
    const found = pane && locatePane(model, pane, origin);
    return found ? { ok: true, target: found } : fail('pane', target);
  }
  if (/^@\d+$/.test(target)) {
    const window = model.windows.get(Number(target.slice(1)));
    const session = window && (model.sessionsOf(window).find((s) => s === origin.session) ?? model.sessionsOf(window)[0]);
    const found = window && session && resolvedFor(session, window);
    return found ? { ok: true, target: found } : fail('window', target);
  }

  const colon = target.indexOf(':');
  let sessionPart: string | undefined;
  let rest: string;
  if (colon >= 0) {
    sessionPart = target.slice(0, colon);
    rest = target.slice(colon + 1);
  } else {
    rest = target;
  }
  let windowPart: string | undefined;
  let panePart: string | undefined;
  const dot = rest.indexOf('.');
  if (colon >= 0) {
    if (dot >= 0) {
      windowPart = rest.slice(0, dot);
      panePart = rest.slice(dot + 1);
    } else windowPart = rest;
  } else if (dot >= 0) {
    windowPart = rest.slice(0, dot);
    panePart = rest.slice(dot + 1);
  }

  if (colon < 0 && dot < 0) {
    // A bare word: as the command's kind first, then upward.
    if (kind === 'pane' && here) {
      const pane = paneByIndex(here.window, target);
      if (pane) return { ok: true, target: { ...here, pane } };
    }
    if ((kind === 'pane' || kind === 'window') && here) {
      const w = findWindow(here.session, target);
      if (w) {
        const found = resolvedFor(here.session, w.window);
        if (found) return { ok: true, target: found };
      }
    }
    const session = findSession(model, target);
    const found = session?.current && resolvedFor(session, session.current);
    if (found) return { ok: true, target: found };
    return fail(kind, target);
  }

  let session: Session | undefined;
  if (sessionPart === undefined || sessionPart === '') {
    session = here?.session;
    if (!session) return { ok: false, error: 'no current session' };
  } else {
    session = findSession(model, sessionPart);
    if (!session) return fail('session', sessionPart);
  }
  let window: Window | undefined;
  if (windowPart === undefined || windowPart === '') {
    window = session.current;
  } else {
    window = findWindow(session, windowPart)?.window;
    if (!window) return fail('window', windowPart);
  }
  if (!window) return fail('window', target);
  let pane: Pane | undefined;
  if (panePart !== undefined && panePart !== '') {
    pane = paneByIndex(window, panePart);
    if (!pane) return fail('pane', panePart);
  }
  const found = resolvedFor(session, window, pane);
  return found ? { ok: true, target: found } : fail('window', target);
}

export type IndexResolution = { ok: true; session: Session; index: number | undefined; window: Window | undefined } | { ok: false; error: string };

/**
 * A target naming a window index that may not exist yet (new-window -t, move-window -t, link-window
 * -t; tmux's CMD_FIND_WINDOW_INDEX): `session:index`, `:index`, `index`, or a session alone. Returns
 * the session, the index if one was given, and the window already there if any.
 */
export function resolveWindowIndex(model: Model, target: string | undefined, origin: Origin): IndexResolution {
  const here = current(model, origin);
  if (target === undefined || target === '') {
    if (!here) return { ok: false, error: 'no current session' };
    return { ok: true, session: here.session, index: undefined, window: undefined };
  }
  const colon = target.indexOf(':');
  const sessionPart = colon >= 0 ? target.slice(0, colon) : undefined;
  const windowPart = colon >= 0 ? target.slice(colon + 1) : target;
  let session: Session | undefined;
  if (sessionPart === undefined || sessionPart === '') {
    if (colon < 0 && !/^-?\d+$/.test(windowPart)) {
      // A bare word that is not an index: a window of the current session, else a session.
      const w = here && findWindow(here.session, windowPart);
      if (here && w) return { ok: true, session: here.session, index: w.index, window: w.window };
      session = findSession(model, windowPart);
      if (!session) return { ok: false, error: `can't find session: ${windowPart}` };
      return { ok: true, session, index: undefined, window: undefined };
    }
    session = here?.session;
    if (!session) return { ok: false, error: 'no current session' };
  } else {
    session = findSession(model, sessionPart);
    if (!session) return { ok: false, error: `can't find session: ${sessionPart}` };
  }
  if (windowPart === '') return { ok: true, session, index: undefined, window: undefined };
  if (/^\d+$/.test(windowPart)) {
    const index = Number(windowPart);
    return { ok: true, session, index, window: session.windows.get(index) };
  }
  const w = findWindow(session, windowPart);
  if (!w) return { ok: false, error: `can't find window: ${windowPart}` };
  return { ok: true, session, index: w.index, window: w.window };
}
