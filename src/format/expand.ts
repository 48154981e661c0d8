// The tmux format language: expanding `#{…}`, `#S`-style aliases and `#(…)` in a template against a
// FormatContext that the server implements for a (client, session, window, pane). tmux 3.3a's format.c is
// the specification; this is our own expander built to behave the same, quirks included where scripts or
// configurations can see them (each is noted where it happens).
//
// Shape of an expansion (tmux's format_expand1 / format_replace):
//   - The template is scanned left to right. `#{…}` is replaced, `#(…)` becomes the cached output of a
//     shell command, `##` `#,` `#}` are escapes, `#X` is a one-letter alias, `#[…]` style blocks and
//     `##[` are passed through for the status line to interpret later.
//   - Inside `#{…}`, a leading list of modifiers separated by `;` and ended by `:` says what to do with
//     the rest: look up a variable, compare, choose, loop, compute, then trim, pad, measure.
//   - Anything malformed (an unterminated `#{`, a conditional without its comma) stops the expansion
//     there and returns what was produced so far, exactly as tmux does. Nothing here throws.
//   - Expansion nests (conditionals, `E:`, loops); past FORMAT_LOOP_LIMIT levels it yields ''.
//
// Where tmux versions differ we follow 3.3a (`#{S:a,b}` has no "current session" form), with one
// addition: the client loop `#{L:…}` of later versions, which 3.3a treats as an unknown variable.
//
// This module never runs commands, reads the screen or looks at the clock by itself: the context does.

import { colourToRGB, parseColour, strtonum } from './colour';
import { evaluateExpression } from './arithmetic';
import { fnmatch, compileRegex, regsub } from './match';
import { ctime, prettyTime, strftime } from './strftime';
import { formatTrimLeft, formatTrimRight, formatWidth, padToWidth, skipFormat } from './width';

/**
 * What a format is expanded against. The server implements it for a client, session, window and pane
 * (any of which may be absent); loops ask it for child contexts.
 */
export interface FormatContext {
  /**
   * The value of a name in `#{name}`: options first (server, pane, window, global window, session, global
   * session; user `@options` included; `name[n]` for array items), then format variables (`session_name`,
   * `window_index`, …, times as seconds since the epoch), then the session and global environment.
   * undefined if the name means nothing here.
   */
  variable(name: string): string | undefined;
  /** The current time, for `#{t/p:…}`, `#{T:…}` and time-expanded templates. Read at most once per expansion. */
  now(): Date;
  /**
   * Set on the child contexts a loop receives: true for the session's current window (`W:`), the
   * window's active pane (`P:`), or the client the format is being expanded for (`L:`).
   */
  readonly current?: boolean;
  /** Every session, for `#{S:…}` and `#{N/s:…}`. */
  sessions?(): FormatContext[];
  /** The windows of this context's session, in index order; absent when there is no session. */
  windows?(): FormatContext[];
  /** The panes of this context's window, in order; absent when there is no window. */
  panes?(): FormatContext[];
  /** Every client, for `#{L:…}`. */
  clients?(): FormatContext[];
  /**
   * `#(command)`: the last line of output of the already-expanded command, from a cache; '' until the
   * first run has produced something. The caller runs (and reruns) the command in the background.
   * Absent: `#()` expands to ''.
   */
  shell?(command: string): string;
  /**
   * `#{C:…}`: the 1-based line of this context's pane that contains the pattern, or 0 (`searchLines()`
   * in match.ts does the matching given the pane's visible lines). Absent: there is no pane, 0.
   */
  searchPane?(pattern: string, regex: boolean, ignoreCase: boolean): number;
}

export interface ExpandOptions {
  /**
   * Pass the template (and every template expanded inside it) through strftime first, as tmux does for
   * the status line, `display-message` and window names (format_expand_time). `%` must then be `%%`.
   */
  time?: boolean;
  /** Expand `#()` to '' without asking the context (tmux's FORMAT_NOJOBS). */
  noJobs?: boolean;
}

/** How deep expansions may nest before yielding '' (tmux's FORMAT_LOOP_LIMIT). */
export const FORMAT_LOOP_LIMIT = 100;

/** `#X` one-letter aliases. */
export const FORMAT_ALIASES: Readonly<Record<string, string>> = Object.freeze({
  D: 'pane_id',
  F: 'window_flags',
  H: 'host',
  I: 'window_index',
  P: 'pane_index',
  S: 'session_name',
  T: 'pane_title',
  W: 'window_name',
  h: 'host_short',
});

/** Expand a format template. Never throws on malformed input. */
export function expandFormat(template: string, ctx: FormatContext, options: ExpandOptions = {}): string {
  const state: ExpandState = {
    ctx,
    depth: 0,
    time: options.time === true,
    noJobs: options.noJobs === true,
    clock: {},
  };
  return expand(state, template);
}

interface ExpandState {
  ctx: FormatContext;
  /** Nesting depth: shared by the calls that use this state, copied into child states. */
  depth: number;
  time: boolean;
  noJobs: boolean;
  /** The moment of this whole expansion, read from the first context that needs it. */
  clock: { now?: Date };
}

function childState(st: ExpandState, changes: Partial<Pick<ExpandState, 'ctx' | 'time' | 'noJobs'>>): ExpandState {
  return { ...st, ...changes };
}

function now(st: ExpandState): Date {
  if (st.clock.now === undefined) st.clock.now = st.ctx.now();
  return st.clock.now;
}

/** Longest strftime result tmux keeps when time-expanding a template (its buffer is 8192 bytes). */
const TIME_EXPANSION_LIMIT = 8192;

/** tmux's format_expand1. */
function expand(st: ExpandState, template: string): string {
  if (template === '') return '';
  if (st.depth >= FORMAT_LOOP_LIMIT) return '';
  st.depth++;
  try {
    return expandAtDepth(st, template);
  } finally {
    st.depth--;
  }
}

function expandAtDepth(st: ExpandState, template: string): string {
  let fmt = template;
  if (st.time && fmt.includes('%')) {
    fmt = strftime(fmt, now(st));
    // strftime() reports an empty or overlong result as failure, and tmux then expands to nothing.
    if (fmt === '' || Buffer.byteLength(fmt) >= TIME_EXPANSION_LIMIT) return '';
  }

  let out = '';
  let i = 0;
  while (i < fmt.length) {
    const hash = fmt.indexOf('#', i);
    if (hash < 0) {
      out += fmt.slice(i);
      break;
    }
    out += fmt.slice(i, hash);
    i = hash + 1;
    if (i >= fmt.length) {
      // A lone `#` at the very end stays.
      out += '#';
      break;
    }
    const ch = fmt[i++];
    switch (ch) {
      case '(': {
        let brackets = 1;
        let end = i;
        for (; end < fmt.length; end++) {
          if (fmt[end] === '(') brackets++;
          if (fmt[end] === ')' && --brackets === 0) break;
        }
        if (end >= fmt.length) return out;
        out += runJob(st, fmt.slice(i, end));
        i = end + 1;
        continue;
      }
      case '{': {
        const end = skipFormat(fmt, i - 2, '}');
        if (end < 0) return out;
        const value = replace(st, fmt.slice(i, end));
        if (value === null) return out;
        out += value;
        i = end + 1;
        continue;
      }
      case '#': {
        // `##[` (two or more `#`s before `[`) is a style escape left for the status line.
        let end = i;
        while (fmt[end] === '#') end++;
        if (fmt[end] === '[') {
          out += fmt.slice(i - 2, end + 1);
          i = end + 1;
          continue;
        }
        out += '#';
        continue;
      }
      case '}':
      case ',':
        out += ch;
        continue;
      default: {
        const alias = Object.hasOwn(FORMAT_ALIASES, ch) ? FORMAT_ALIASES[ch] : undefined;
        if (alias === undefined) {
          out += '#' + ch;
          continue;
        }
        const value = replace(st, alias);
        if (value === null) return out;
        out += value;
        continue;
      }
    }
  }
  return out;
}

/** `#(command)`: the command is expanded (without jobs or strftime), and so is its output. */
function runJob(st: ExpandState, command: string): string {
  if (st.noJobs || st.ctx.shell === undefined) return '';
  const next = childState(st, { noJobs: true, time: false });
  const expanded = expand(next, command);
  return expand(next, st.ctx.shell(expanded));
}

// ---------------------------------------------------------------------------------------------------
// Modifiers

interface Modifier {
  name: string;
  args: string[];
}

/** Modifiers that take no arguments, and the flag each sets. */
const FLAG_MODIFIERS: Readonly<Record<string, Flag>> = {
  l: 'literal',
  a: 'character',
  b: 'basename',
  c: 'colour',
  d: 'dirname',
  n: 'length',
  w: 'width',
  E: 'expand',
  T: 'expandTime',
  S: 'sessions',
  W: 'windows',
  P: 'panes',
  // L: (clients) arrived after tmux 3.3a, where `#{L:…}` is an unknown variable.
  L: 'clients',
};

type Flag =
  | 'literal' | 'character' | 'basename' | 'colour' | 'dirname' | 'length' | 'width' | 'expand'
  | 'expandTime' | 'sessions' | 'windows' | 'panes' | 'clients' | 'timeString' | 'prettyTime'
  | 'quoteShell' | 'quoteStyle' | 'windowName' | 'sessionName';

/** Single-character modifiers that take no arguments: the flags above and the comparisons `<` `>`. */
const NO_ARGUMENT_MODIFIERS = new Set([...Object.keys(FLAG_MODIFIERS), '<', '>']);
/** Two-character comparison modifiers. */
const TWO_CHARACTER_MODIFIERS = new Set(['||', '&&', '!=', '==', '<=', '>=']);
/** Single-character modifiers that may take arguments. */
const ARGUMENT_MODIFIERS = new Set(['m', 'C', 'N', 's', 't', '=', 'p', 'e', 'q']);

const isEnd = (c: string | undefined): boolean => c === ';' || c === ':';
const isPunct = (c: string): boolean => /^[!-\/:-@\[-`{-~]$/.test(c);

/**
 * Split `key` into its modifiers and the rest (tmux's format_build_modifiers). Arguments are expanded as
 * they are read. Returns null when `key` has no modifier list — then the whole key is the rest.
 *
 * Forms: `l:` `b:` … (no arguments), `==:` `||:` …, `=5:` `p-3:` (one argument running to `:` or `;`),
 * `s/a/b/:` `=/5/…:` `e|+|f|2:` (arguments between a punctuation character of your choice).
 */
function buildModifiers(st: ExpandState, key: string): { list: Modifier[]; rest: string } | null {
  const list: Modifier[] = [];
  let i = 0;
  while (i < key.length && key[i] !== ':') {
    if (key[i] === ';') i++;
    const c = key[i];
    if (c !== undefined && NO_ARGUMENT_MODIFIERS.has(c) && isEnd(key[i + 1])) {
      list.push({ name: c, args: [] });
      i++;
      continue;
    }
    const two = key.slice(i, i + 2);
    if (TWO_CHARACTER_MODIFIERS.has(two) && isEnd(key[i + 2])) {
      list.push({ name: two, args: [] });
      i += 2;
      continue;
    }
    if (c === undefined || !ARGUMENT_MODIFIERS.has(c)) break;
    if (isEnd(key[i + 1])) {
      list.push({ name: c, args: [] });
      i++;
      continue;
    }
    if (i + 1 >= key.length) break;

    if (!isPunct(key[i + 1]) || key[i + 1] === '-') {
      // One argument, up to the next `:` or `;`.
      const end = skipFormat(key, i + 1, ':;');
      if (end < 0) break;
      list.push({ name: c, args: [expand(st, key.slice(i + 1, end))] });
      i = end;
      continue;
    }

    // Several arguments, each ended by the wrapper character; the list ends at `:` or `;`.
    const wrapper = key[i + 1];
    const args: string[] = [];
    i++;
    do {
      if (key[i] === wrapper && isEnd(key[i + 1])) {
        i++;
        break;
      }
      const end = skipFormat(key, i + 1, wrapper + ';:');
      if (end < 0) break;
      args.push(expand(st, key.slice(i + 1, end)));
      i = end;
    } while (!isEnd(key[i]));
    list.push({ name: c, args });
  }
  if (key[i] !== ':') return null;
  return { list, rest: key.slice(i + 1) };
}

/** What the modifiers of one `#{…}` asked for, after tmux's rules of which one wins. */
interface Request {
  flags: Set<Flag>;
  comparison?: Modifier;
  search?: Modifier;
  substitutions: Modifier[];
  limit: number;
  marker?: string;
  width: number;
  expression?: Modifier;
  timeFormat?: string;
}

function interpret(list: readonly Modifier[]): Request {
  const rq: Request = { flags: new Set(), substitutions: [], limit: 0, width: 0 };
  for (const fm of list) {
    const flag = FLAG_MODIFIERS[fm.name];
    if (flag !== undefined && Object.hasOwn(FLAG_MODIFIERS, fm.name)) {
      rq.flags.add(flag);
      continue;
    }
    const args = fm.args;
    switch (fm.name) {
      case 'm': case '<': case '>':
      case '||': case '&&': case '==': case '!=': case '<=': case '>=':
        rq.comparison = fm;
        break;
      case 'C':
        rq.search = fm;
        break;
      case 's':
        if (args.length >= 2) rq.substitutions.push(fm);
        break;
      case '=':
        if (args.length < 1) break;
        rq.limit = strtonum(args[0], -(2 ** 31), 2 ** 31 - 1) ?? 0;
        if (args.length >= 2) rq.marker = args[1];
        break;
      case 'p':
        if (args.length >= 1) rq.width = strtonum(args[0], -(2 ** 31), 2 ** 31 - 1) ?? 0;
        break;
      case 'e':
        if (args.length >= 1 && args.length <= 3) rq.expression = fm;
        break;
      case 't':
        rq.flags.add('timeString');
        if (args.length < 1) break;
        if (args[0].includes('p')) rq.flags.add('prettyTime');
        else if (args.length >= 2 && args[0].includes('f')) rq.timeFormat = stripEscapes(args[1]);
        break;
      case 'q':
        if (args.length < 1) rq.flags.add('quoteShell');
        else if (args[0].includes('e') || args[0].includes('h')) rq.flags.add('quoteStyle');
        break;
      case 'N':
        if (args.length < 1 || args[0].includes('w')) rq.flags.add('windowName');
        else if (args[0].includes('s')) rq.flags.add('sessionName');
        break;
    }
  }
  return rq;
}

/**
 * Remove the `#` of `#,` `##` `#{` `#}` `#:` outside nested `#{…}` (tmux's format_strip, used on
 * `t/f` time formats). Only the `#` goes; the character after it is then read normally.
 */
function stripEscapes(s: string): string {
  let out = '';
  let brackets = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '#' && s[i + 1] === '{') brackets++;
    if (c === '#' && i + 1 < s.length && ',#{}:'.includes(s[i + 1])) {
      if (brackets !== 0) out += c;
      continue;
    }
    if (c === '}') brackets--;
    out += c;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Replacement of one `#{…}`

/** tmux's format_true: non-empty and not "0". */
export function formatTrue(s: string | undefined): boolean {
  return s !== undefined && s !== '' && s !== '0';
}

/** strcmp(): compare as UTF-8 bytes, as C does. */
function compareBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

/** Split at the first top-level comma (tmux's format_choose); null if there is none. */
function choose(s: string): [string, string] | null {
  const comma = skipFormat(s, 0, ',');
  if (comma < 0) return null;
  return [s.slice(0, comma), s.slice(comma + 1)];
}

const COMPARISONS: Readonly<Record<string, (left: string, right: string, args: readonly string[]) => boolean>> = {
  '||': (l, r) => formatTrue(l) || formatTrue(r),
  '&&': (l, r) => formatTrue(l) && formatTrue(r),
  '==': (l, r) => l === r,
  '!=': (l, r) => l !== r,
  '<': (l, r) => compareBytes(l, r) < 0,
  '>': (l, r) => compareBytes(l, r) > 0,
  '<=': (l, r) => compareBytes(l, r) <= 0,
  '>=': (l, r) => compareBytes(l, r) >= 0,
  m: (pattern, text, args) => matches(pattern, text, args[0] ?? ''),
};

/** `#{m:pattern,text}`: fnmatch, or with `r` an extended regular expression; `i` ignores case. */
function matches(pattern: string, text: string, flags: string): boolean {
  const ignoreCase = flags.includes('i');
  if (!flags.includes('r')) return fnmatch(pattern, text, ignoreCase);
  const re = compileRegex(pattern, ignoreCase);
  return re !== null && re.test(text);
}

/** Characters `#{q:…}` escapes with a backslash. */
const SHELL_SPECIAL = '|&;<>()$`\\"\'*?[# =%';

/**
 * tmux's format_find: look a name up and apply the lookup modifiers (`t:` time, `b:` `d:` path parts,
 * `q:` quoting). undefined if the name is unknown — or, for `t:`, not a positive number.
 */
function find(st: ExpandState, name: string, rq: Request): string | undefined {
  let found = st.ctx.variable(name);
  if (found === undefined) return undefined;
  if (rq.flags.has('timeString')) {
    const seconds = strtonum(found, 0, Number.MAX_SAFE_INTEGER) ?? 0;
    if (seconds === 0) return undefined;
    const date = new Date(seconds * 1000);
    if (Number.isNaN(date.getTime())) return undefined;
    if (rq.flags.has('prettyTime')) return prettyTime(date, now(st));
    if (rq.timeFormat !== undefined) return strftime(rq.timeFormat, date);
    return ctime(date);
  }
  if (rq.flags.has('basename')) found = basename(found);
  if (rq.flags.has('dirname')) found = dirname(found);
  if (rq.flags.has('quoteShell')) found = Array.from(found, (c) => (SHELL_SPECIAL.includes(c) ? '\\' + c : c)).join('');
  if (rq.flags.has('quoteStyle')) found = found.replace(/#/g, '##');
  return found;
}

/** POSIX basename(3): the last component, ignoring trailing slashes; "." for "", "/" for all slashes. */
export function basename(path: string): string {
  if (path === '') return '.';
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '') return '/';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** glibc dirname(3): "." without a slash; a leading "//" (exactly two) is kept, as POSIX allows. */
export function dirname(path: string): string {
  let last = path.lastIndexOf('/');
  if (last < 0) return '.';
  if (last > 0 && last === path.length - 1) {
    // Trailing slashes do not count: look for the slash before them.
    let run = last;
    while (run > 0 && path[run - 1] === '/') run--;
    if (run > 0) {
      last = path.lastIndexOf('/', run - 1);
      if (last < 0) return '.';
    }
  }
  let run = last;
  while (run > 0 && path[run - 1] === '/') run--;
  if (run === 0) return last === 1 ? '//' : '/';
  return path.slice(0, run);
}

/** Expand `fmt` once for each child context; `currentFmt` (if any) for the current one. */
function loop(st: ExpandState, children: readonly FormatContext[], fmt: string, currentFmt: string | undefined): string {
  let out = '';
  for (const child of children) {
    const use = currentFmt !== undefined && child.current === true ? currentFmt : fmt;
    out += expand(childState(st, { ctx: child }), use);
  }
  return out;
}

/** `W:` `P:` `L:` take `all,current`; without a comma the one format is used for every child. */
function loopWithCurrent(st: ExpandState, children: readonly FormatContext[], copy: string): string {
  const pair = choose(copy);
  return pair === null ? loop(st, children, copy, undefined) : loop(st, children, pair[0], pair[1]);
}

/**
 * tmux's format_replace: the value of one `#{key}` (key without the braces), or null if it is malformed,
 * which ends the whole expansion at this point.
 */
function replace(st: ExpandState, key: string): string | null {
  const built = buildModifiers(st, key);
  const copy = built === null ? key : built.rest;
  const rq = interpret(built === null ? [] : built.list);
  const { flags } = rq;

  let value: string;
  if (flags.has('literal')) {
    value = copy;
  } else if (flags.has('character')) {
    const code = strtonum(expand(st, copy), 32, 126);
    value = code === undefined ? '' : String.fromCharCode(code);
  } else if (flags.has('colour')) {
    const colour = parseColour(expand(st, copy));
    const rgb = colour === undefined ? undefined : colourToRGB(colour);
    value = rgb === undefined ? '' : rgb.toString(16).padStart(6, '0');
  } else {
    const computed = compute(st, copy, rq);
    if (computed === null) return null;
    value = computed;
  }
  return finish(st, value, rq);
}

/** The main choice of format_replace: loops, name tests, search, comparison, condition, expression, lookup. */
function compute(st: ExpandState, copy: string, rq: Request): string | null {
  const { ctx } = st;
  const { flags } = rq;
  if (flags.has('sessions')) {
    // tmux 3.3a has no "current session" form of S: — `#{S:a,b}` repeats "a,b".
    return loop(st, ctx.sessions?.() ?? [], copy, undefined);
  }
  if (flags.has('windows')) {
    if (ctx.windows === undefined) return null;
    return loopWithCurrent(st, ctx.windows(), copy);
  }
  if (flags.has('panes')) {
    if (ctx.panes === undefined) return null;
    return loopWithCurrent(st, ctx.panes(), copy);
  }
  if (flags.has('clients')) {
    return loopWithCurrent(st, ctx.clients?.() ?? [], copy);
  }
  if (flags.has('windowName')) {
    if (ctx.windows === undefined) return null;
    const name = expand(st, copy);
    return ctx.windows().some((w) => w.variable('window_name') === name) ? '1' : '0';
  }
  if (flags.has('sessionName')) {
    const name = expand(st, copy);
    return (ctx.sessions?.() ?? []).some((s) => s.variable('session_name') === name) ? '1' : '0';
  }
  if (rq.search !== undefined) {
    const pattern = expand(st, copy);
    if (ctx.searchPane === undefined) return '0';
    const searchFlags = rq.search.args[0] ?? '';
    return String(ctx.searchPane(pattern, searchFlags.includes('r'), searchFlags.includes('i')));
  }
  if (rq.comparison !== undefined) {
    const pair = choose(copy);
    if (pair === null) return null;
    const left = expand(st, pair[0]);
    const right = expand(st, pair[1]);
    return COMPARISONS[rq.comparison.name](left, right, rq.comparison.args) ? '1' : '0';
  }
  if (copy.startsWith('?')) return condition(st, copy, rq);
  if (rq.expression !== undefined) {
    const pair = choose(copy);
    if (pair === null) return '';
    return evaluateExpression(rq.expression.args, expand(st, pair[0]), expand(st, pair[1])) ?? '';
  }
  if (copy.includes('#{')) return expand(st, copy);
  return find(st, copy, rq) ?? '';
}

/**
 * `#{?cond,a,b}`. The condition is looked up as a name; if it is not one, it is expanded as a format,
 * and a format that expands to itself (a plain word such as `1`) counts as false.
 */
function condition(st: ExpandState, copy: string, rq: Request): string | null {
  const comma = skipFormat(copy, 1, ',');
  if (comma < 0) return null;
  const cond = copy.slice(1, comma);
  let found = find(st, cond, rq);
  if (found === undefined) {
    found = expand(st, cond);
    if (found === cond) found = '';
  }
  const pair = choose(copy.slice(comma + 1));
  if (pair === null) return null;
  return expand(st, formatTrue(found) ? pair[0] : pair[1]);
}

/** The second half of format_replace: re-expansion, substitution, trimming, padding, measuring. */
function finish(st: ExpandState, value: string, rq: Request): string {
  const { flags } = rq;
  if (flags.has('expand')) value = expand(st, value);
  else if (flags.has('expandTime')) value = expand(childState(st, { time: true }), value);

  for (const sub of rq.substitutions) {
    const pattern = expand(st, sub.args[0]);
    const replacement = expand(st, sub.args[1]);
    const ignoreCase = sub.args.length >= 3 && sub.args[2].includes('i');
    value = regsub(pattern, replacement, value, ignoreCase) ?? value;
  }

  if (rq.limit > 0) {
    const trimmed = formatTrimLeft(value, rq.limit);
    value = rq.marker !== undefined && trimmed !== value ? trimmed + rq.marker : trimmed;
  } else if (rq.limit < 0) {
    const trimmed = formatTrimRight(value, -rq.limit);
    value = rq.marker !== undefined && trimmed !== value ? rq.marker + trimmed : trimmed;
  }

  if (rq.width !== 0) value = padToWidth(value, rq.width);
  if (flags.has('length')) value = String(Buffer.byteLength(value));
  if (flags.has('width')) value = String(formatWidth(value));
  return value;
}
