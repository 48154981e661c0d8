// Pattern matching for the format language, with the C library's semantics that tmux inherits:
// fnmatch(3) globs for `#{m:…}` and `#{C:…}`, POSIX extended regular expressions (regcomp(3) with
// REG_EXTENDED, as glibc implements them) for `#{m/r:…}`, `#{C/r:…}` and `#{s/re/with/:…}`, and tmux's
// own substitution loop (regsub.c) including its handling of empty matches and `\0`…`\9`.
//
// Patterns are translated to JavaScript RegExps. A pattern that regcomp() would reject (unbalanced
// brackets, a leading `*`, a trailing backslash) compiles to null here, and callers behave as tmux does
// when regcomp() fails. One difference remains: POSIX alternation picks the longest match, JavaScript the
// first alternative that matches, and a greedy quantifier is not always the longest match. Substitution
// (where the extent of a match shows) corrects for this by looking for the longest match at the
// position JavaScript found, for texts of up to LONGEST_MATCH_LIMIT characters after it.

/** Characters that must be escaped to be literal in a JavaScript regular expression (`u` mode). */
const REGEXP_SYNTAX = '^$\\.*+?()[]{}|/-';

function literal(ch: string): string {
  return REGEXP_SYNTAX.includes(ch) ? '\\' + ch : ch;
}

/** What a `[:name:]` class means inside a JavaScript character class (C.UTF-8 locale). */
const CHARACTER_CLASSES: Record<string, string> = {
  alpha: '\\p{L}',
  digit: '0-9',
  alnum: '\\p{L}\\p{Nd}',
  upper: '\\p{Lu}',
  lower: '\\p{Ll}',
  space: '\\s',
  blank: ' \\t',
  punct: '\\p{P}\\p{S}',
  print: '\\P{C}',
  graph: '\\p{L}\\p{M}\\p{N}\\p{P}\\p{S}',
  cntrl: '\\p{Cc}',
  xdigit: '0-9A-Fa-f',
};

/** The same classes for byte strings: a byte on its own is only ever an ASCII character. */
const BYTE_CHARACTER_CLASSES: Record<string, string> = {
  alpha: 'A-Za-z',
  digit: '0-9',
  alnum: '0-9A-Za-z',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\v\\f\\r',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  print: ' -~',
  graph: '!-~',
  cntrl: '\\x00-\\x1f\\x7f',
  xdigit: '0-9A-Fa-f',
};

/** A word character for `\w`, `\b`, `\<` and `\>`: glibc counts letters and digits of any script. */
const WORD = '[\\p{L}\\p{N}_]';

/**
 * Translate a bracket expression starting at `src[start] === '['`. `escapes` is true for fnmatch, where a
 * backslash quotes the next character; in a POSIX regex a backslash inside brackets is literal.
 * Returns the JavaScript class and the index after the closing `]`, or null if there is none.
 */
function bracket(src: string, start: number, escapes: boolean, negations: string, bytes = false): { out: string; next: number } | null {
  const classes = bytes ? BYTE_CHARACTER_CLASSES : CHARACTER_CLASSES;
  let i = start + 1;
  let out = '[';
  if (i < src.length && negations.includes(src[i])) {
    out += '^';
    i++;
  }
  let first = true;
  while (i < src.length) {
    let c = src[i];
    if (c === ']' && !first) return { out: out + ']', next: i + 1 };
    first = false;
    if (c === '[' && (src[i + 1] === ':' || src[i + 1] === '.' || src[i + 1] === '=')) {
      const kind = src[i + 1];
      const close = src.indexOf(kind + ']', i + 2);
      if (close < 0) return null;
      const name = src.slice(i + 2, close);
      if (kind === ':') {
        const cls = Object.hasOwn(classes, name) ? classes[name] : undefined;
        if (cls === undefined) return null;
        out += cls;
      } else {
        // Collating symbols and equivalence classes: only single characters are supported.
        out += Array.from(name).map(literal).join('');
      }
      i = close + 2;
      continue;
    }
    if (escapes && c === '\\' && i + 1 < src.length) c = src[++i];
    const cp = String.fromCodePoint(src.codePointAt(i)!);
    i += cp.length;
    out += literal(cp);
    // A range: `a-z`, but a `-` before the closing `]` is literal.
    if (src[i] === '-' && i + 1 < src.length && src[i + 1] !== ']') {
      i++;
      let hi = src[i];
      if (escapes && hi === '\\' && i + 1 < src.length) hi = src[++i];
      const hiCp = String.fromCodePoint(src.codePointAt(i)!);
      i += hiCp.length;
      out += '-' + literal(hiCp);
    }
  }
  return null;
}

/**
 * Compile an fnmatch(3) pattern (no flags, or FNM_CASEFOLD) to an anchored RegExp. With `bytes`, the
 * pattern and the text it is used on are byte strings (see utf8Bytes).
 */
export function compileGlob(pattern: string, ignoreCase = false, bytes = false): RegExp | null {
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === '*') {
      out += '[\\s\\S]*';
      i++;
    } else if (c === '?') {
      out += '[\\s\\S]';
      i++;
    } else if (c === '[') {
      const b = bracket(pattern, i, true, '!^', bytes);
      if (b === null) {
        // No closing bracket: the `[` is an ordinary character.
        out += '\\[';
        i++;
      } else {
        out += b.out;
        i = b.next;
      }
    } else if (c === '\\') {
      // A trailing backslash can never match anything.
      if (i + 1 >= pattern.length) return /(?!)/;
      const ch = String.fromCodePoint(pattern.codePointAt(i + 1)!);
      out += literal(ch);
      i += 1 + ch.length;
    } else {
      const ch = String.fromCodePoint(pattern.codePointAt(i)!);
      out += literal(ch);
      i += ch.length;
    }
  }
  try {
    return new RegExp(`^(?:${out})$`, (ignoreCase ? 'i' : '') + (bytes ? '' : 'u'));
  } catch {
    return null;
  }
}

/** A string's UTF-8 encoding as a string of byte-valued characters. */
function utf8Bytes(s: string): string {
  return Buffer.from(s, 'utf8').toString('latin1');
}

/**
 * fnmatch(3): does `text` match the glob `pattern`? (`*` and `?` match any character, `/` included.)
 *
 * glibc in a UTF-8 locale matches characters, but when that fails it also tries bytes, so `?` and `??`
 * both match "é" (two bytes). tmux inherits this and so do we.
 */
export function fnmatch(pattern: string, text: string, ignoreCase = false): boolean {
  const re = compileGlob(pattern, ignoreCase);
  if (re !== null && re.test(text)) return true;
  if (/^[\x00-\x7f]*$/.test(pattern + text)) return false;
  const bytes = compileGlob(utf8Bytes(pattern), ignoreCase, true);
  return bytes !== null && bytes.test(utf8Bytes(text));
}

/**
 * Translate a POSIX extended regular expression to a JavaScript RegExp (unanchored, dot matches newline),
 * or null where glibc's regcomp() would fail.
 */
export function compileRegex(pattern: string, ignoreCase = false): RegExp | null {
  let out = '';
  let i = 0;
  let depth = 0;
  // Where each open group starts in `out`, so that a quantifier after `)` applies to the whole group.
  const groupStarts: number[] = [];
  // Where the most recent atom starts in `out`, whether it has a quantifier yet, and whether it may take
  // one at all (not at the start, after `(` or `|`, or after an anchor).
  let atomStart = -1;
  let quantified = false;
  const atom = (js: string): void => {
    atomStart = out.length;
    quantified = false;
    out += js;
  };
  const boundary = (js: string): void => {
    out += js;
    atomStart = -1;
  };

  while (i < pattern.length) {
    const c = pattern[i];
    if (c === '\\') {
      if (i + 1 >= pattern.length) return null;
      const d = String.fromCodePoint(pattern.codePointAt(i + 1)!);
      i += 1 + d.length;
      if (d === 'w') atom(WORD);
      else if (d === 'W') atom(`[^\\p{L}\\p{N}_]`);
      else if (d === 's') atom('\\s');
      else if (d === 'S') atom('\\S');
      else if (d === 'b') boundary(`(?:(?<=${WORD})(?!${WORD})|(?<!${WORD})(?=${WORD}))`);
      else if (d === 'B') boundary(`(?:(?<=${WORD})(?=${WORD})|(?<!${WORD})(?!${WORD}))`);
      else if (d === '<') boundary(`(?<!${WORD})(?=${WORD})`);
      else if (d === '>') boundary(`(?<=${WORD})(?!${WORD})`);
      else if (d === '`') boundary('(?<![\\s\\S])');
      else if (d === "'") boundary('(?![\\s\\S])');
      else if (d >= '1' && d <= '9') atom('\\' + d);
      else atom(literal(d));
      continue;
    }
    if (c === '[') {
      const b = bracket(pattern, i, false, '^');
      if (b === null) return null;
      atom(b.out);
      i = b.next;
      continue;
    }
    if (c === '*' || c === '+' || c === '?' || c === '{') {
      let quantifier = c;
      let next = i + 1;
      if (c === '{') {
        const m = /^\{(\d*)(,(\d*))?\}/.exec(pattern.slice(i));
        if (m === null || (m[1] === '' && m[2] === undefined)) return null;
        const lo = m[1] === '' ? '0' : m[1];
        if (m[3] !== undefined && m[3] !== '' && Number(m[3]) < Number(lo)) return null;
        quantifier = m[2] === undefined ? `{${lo}}` : `{${lo},${m[3]}}`;
        next = i + m[0].length;
      }
      if (atomStart < 0) return null;
      // POSIX allows a quantifier on a quantified atom (`a**`); JavaScript needs a group around it.
      if (quantified) out = out.slice(0, atomStart) + '(?:' + out.slice(atomStart) + ')';
      out += quantifier;
      quantified = true;
      i = next;
      continue;
    }
    if (c === '(') {
      depth++;
      out += '(';
      atomStart = -1;
      i++;
      groupStarts.push(out.length - 1);
      continue;
    }
    if (c === ')') {
      if (depth === 0) {
        // glibc treats an unmatched `)` as an ordinary character.
        atom('\\)');
        i++;
        continue;
      }
      depth--;
      out += ')';
      atomStart = groupStarts.pop()!;
      quantified = false;
      i++;
      continue;
    }
    if (c === '|') {
      out += '|';
      atomStart = -1;
      i++;
      continue;
    }
    if (c === '^' || c === '$') {
      boundary(c);
      i++;
      continue;
    }
    if (c === '.') {
      atom('[\\s\\S]');
      i++;
      continue;
    }
    const ch = String.fromCodePoint(pattern.codePointAt(i)!);
    atom(literal(ch));
    i += ch.length;
  }
  if (depth !== 0) return null;
  try {
    return new RegExp(out, ignoreCase ? 'iu' : 'u');
  } catch {
    return null;
  }
}

/**
 * tmux's regsub(): replace every match of `pattern` in `text` with `replacement`, where `\0`…`\9` insert
 * the match and its groups (a group that matched nothing inserts the digit itself) and `\x` is `x`.
 * After an empty match the search moves on one character; a pattern starting with `^` is replaced at
 * most once. Returns null if the pattern does not compile (tmux then leaves the text alone).
 */
export function regsub(pattern: string, replacement: string, text: string, ignoreCase = false): string | null {
  if (text === '') return '';
  const re = compileRegex(pattern, ignoreCase);
  if (re === null) return null;
  const longest = longestMatcher(pattern, re);

  let out = '';
  let start = 0;
  let last = 0;
  let empty = false;
  while (start <= text.length) {
    // Each search starts afresh at `start`, so `^` matches there (tmux passes text + start to regexec).
    const subject = text.slice(start);
    const found = re.exec(subject);
    if (found === null) {
      out += subject;
      break;
    }
    const m = longest(subject, found);
    const so = start + m.index;
    const eo = so + m[0].length;
    out += text.slice(last, so);
    if (empty || so !== last || m[0].length !== 0) {
      out += expandReplacement(replacement, m);
      last = eo;
      start = eo;
      empty = false;
    } else {
      // Step over one character (a whole surrogate pair, not half of one).
      last = eo;
      start = eo + (eo < text.length ? String.fromCodePoint(text.codePointAt(eo)!).length : 1);
      empty = true;
    }
    if (pattern.startsWith('^')) {
      out += text.slice(start);
      break;
    }
  }
  return out;
}

/** How many characters after a match are tried when looking for a longer one. */
const LONGEST_MATCH_LIMIT = 256;

/**
 * A function that turns JavaScript's match into POSIX's: the longest match starting where JavaScript's
 * starts. It tries each possible end, longest first, with a lookahead that pins the number of
 * characters left after the match, so `$` and word boundaries still see the real end of the text.
 * Patterns that cannot match two lengths at one place (no alternation or repetition) skip the search.
 */
function longestMatcher(pattern: string, re: RegExp): (subject: string, found: RegExpExecArray) => RegExpExecArray {
  if (!/[|?*+{]/.test(pattern)) return (_subject, found) => found;
  const pinned = new Map<number, RegExp | null>();
  const pinnedTo = (left: number): RegExp | null => {
    if (!pinned.has(left)) {
      let compiled: RegExp | null = null;
      try {
        compiled = new RegExp(`(?:${re.source})(?=[\\s\\S]{${left}}$)`, re.flags + 'y');
      } catch {
        compiled = null;
      }
      pinned.set(left, compiled);
    }
    return pinned.get(left)!;
  };
  return (subject, found) => {
    const after = Array.from(subject.slice(found.index + found[0].length)).length;
    if (after === 0 || after > LONGEST_MATCH_LIMIT) return found;
    for (let left = 0; left < after; left++) {
      const candidate = pinnedTo(left);
      if (candidate === null) return found;
      candidate.lastIndex = found.index;
      const m = candidate.exec(subject);
      if (m !== null) return m;
    }
    return found;
  };
}

function expandReplacement(replacement: string, m: RegExpExecArray): string {
  let out = '';
  for (let i = 0; i < replacement.length; i++) {
    let c = replacement[i];
    if (c === '\\') {
      i++;
      if (i >= replacement.length) break;
      c = replacement[i];
      if (c >= '0' && c <= '9') {
        const group = m[Number(c)];
        if (group !== undefined && group !== '') {
          out += group;
          continue;
        }
      }
    }
    out += c;
  }
  return out;
}

/**
 * `#{C:…}`: the 1-based number of the first of `lines` (a pane's visible lines, top to bottom) that
 * contains `term`, or 0. Without `regex` the term is a glob matched anywhere in the line. Trailing
 * whitespace of each line is ignored, as tmux does.
 */
export function searchLines(lines: readonly string[], term: string, regex: boolean, ignoreCase: boolean): number {
  const re = regex ? compileRegex(term, ignoreCase) : null;
  if (regex && re === null) return 0;
  for (let y = 0; y < lines.length; y++) {
    const line = lines[y].replace(/\s+$/, '');
    if (re !== null ? re.test(line) : fnmatch(`*${term}*`, line, ignoreCase)) return y + 1;
  }
  return 0;
}
