// Display width of text, the way tmux measures it: what a character occupies on the terminal (wide East
// Asian characters and emoji 2, combining marks 0) and what the format language's `#{=N:…}`, `#{pN:…}` and
// `#{w:…}` do with text that may contain `#[style]` blocks and `##` escapes.
//
// tmux asks the C library (`wcwidth()`); the tables below reproduce glibc 2.36 in a UTF-8 locale (the
// library the installed tmux 3.3a runs with): wide ranges as glibc has them (with unassigned gaps inside a
// wide block treated as wide), zero width for nonspacing/enclosing marks and format characters, and -1
// ("not printable") for control characters, surrogates and unassigned code points. tmux drops
// unprintable characters wherever it measures or trims, and so do we.
//
// This module never looks at styles' meaning — only at where a `#[…]` block starts and ends.

/** Inclusive ranges of wide (2-column) code points, from glibc's wcwidth(). */
const WIDE: readonly number[] = [
  0x1100, 0x115f, 0x231a, 0x231b, 0x2329, 0x232a, 0x23e9, 0x23ec, 0x23f0, 0x23f0, 0x23f3, 0x23f3,
  0x25fd, 0x25fe, 0x2614, 0x2615, 0x2648, 0x2653, 0x267f, 0x267f, 0x2693, 0x2693, 0x26a1, 0x26a1,
  0x26aa, 0x26ab, 0x26bd, 0x26be, 0x26c4, 0x26c5, 0x26ce, 0x26ce, 0x26d4, 0x26d4, 0x26ea, 0x26ea,
  0x26f2, 0x26f3, 0x26f5, 0x26f5, 0x26fa, 0x26fa, 0x26fd, 0x26fd, 0x2705, 0x2705, 0x270a, 0x270b,
  0x2728, 0x2728, 0x274c, 0x274c, 0x274e, 0x274e, 0x2753, 0x2755, 0x2757, 0x2757, 0x2795, 0x2797,
  0x27b0, 0x27b0, 0x27bf, 0x27bf, 0x2b1b, 0x2b1c, 0x2b50, 0x2b50, 0x2b55, 0x2b55, 0x2e80, 0x3029,
  0x302e, 0x303e, 0x3041, 0x3096, 0x309b, 0xa4c6, 0xa960, 0xa97c, 0xac00, 0xd7a3, 0xf900, 0xfad9,
  0xfe10, 0xfe19, 0xfe30, 0xfe6b, 0xff01, 0xff60, 0xffe0, 0xffe6, 0x16fe0, 0x16fe3, 0x16ff0, 0x1b2fb,
  0x1f004, 0x1f004, 0x1f0cf, 0x1f0cf, 0x1f18e, 0x1f18e, 0x1f191, 0x1f19a, 0x1f200, 0x1f320,
  0x1f32d, 0x1f335, 0x1f337, 0x1f37c, 0x1f37e, 0x1f393, 0x1f3a0, 0x1f3ca, 0x1f3cf, 0x1f3d3,
  0x1f3e0, 0x1f3f0, 0x1f3f4, 0x1f3f4, 0x1f3f8, 0x1f43e, 0x1f440, 0x1f440, 0x1f442, 0x1f4fc,
  0x1f4ff, 0x1f53d, 0x1f54b, 0x1f54e, 0x1f550, 0x1f567, 0x1f57a, 0x1f57a, 0x1f595, 0x1f596,
  0x1f5a4, 0x1f5a4, 0x1f5fb, 0x1f64f, 0x1f680, 0x1f6c5, 0x1f6cc, 0x1f6cc, 0x1f6d0, 0x1f6d2,
  0x1f6d5, 0x1f6df, 0x1f6eb, 0x1f6ec, 0x1f6f4, 0x1f6fc, 0x1f7e0, 0x1f7f0, 0x1f90c, 0x1f93a,
  0x1f93c, 0x1f945, 0x1f947, 0x1f9ff, 0x1fa70, 0x1faf6, 0x20000, 0x3fffd,
];

/**
 * Format characters (category Cf) that glibc nevertheless gives one column: the Arabic and Kaithi number
 * signs that are drawn as a visible mark.
 */
const VISIBLE_FORMAT = new Set([0x600, 0x601, 0x602, 0x603, 0x604, 0x605, 0x6dd, 0x70f, 0x890, 0x891, 0x8e2, 0x110bd, 0x110cd, 0xad]);

const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}]$/u;
const UNPRINTABLE = /^[\p{Cn}\p{Cs}\p{Zl}\p{Zp}]$/u;

function inWide(cp: number): boolean {
  let lo = 0;
  let hi = WIDE.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < WIDE[mid * 2]) hi = mid - 1;
    else if (cp > WIDE[mid * 2 + 1]) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Columns a code point occupies: 0, 1 or 2, or -1 if it is not printable (control, unassigned). */
export function charWidth(cp: number): number {
  if (cp >= 0x20 && cp < 0x7f) return 1;
  if (cp < 0xa0) return cp === 0 ? 0 : -1;
  if (VISIBLE_FORMAT.has(cp)) return 1;
  // Hangul medial vowels and final consonants combine with the preceding syllable.
  if ((cp >= 0x1160 && cp <= 0x11ff) || (cp >= 0xd7b0 && cp <= 0xd7ff) || cp === 0x200b) return 0;
  const s = String.fromCodePoint(cp);
  if (ZERO_WIDTH.test(s)) return 0;
  if (inWide(cp)) return 2;
  if (UNPRINTABLE.test(s)) return -1;
  return 1;
}

/** Width of plain text on the terminal; unprintable characters count 0 (tmux's utf8_cstrwidth). */
export function displayWidth(s: string): number {
  let width = 0;
  for (const ch of s) {
    const w = charWidth(ch.codePointAt(0)!);
    if (w > 0) width += w;
  }
  return width;
}

/**
 * Plain text cut to at most `width` columns: the first columns, or the last ones with `fromEnd`. A wide
 * character that would straddle the edge is left out, so the result can be one column short.
 */
export function truncateToWidth(s: string, width: number, fromEnd = false): string {
  if (width <= 0) return '';
  const chars = Array.from(s);
  if (fromEnd) chars.reverse();
  let used = 0;
  let end = 0;
  for (; end < chars.length; end++) {
    const w = Math.max(0, charWidth(chars[end].codePointAt(0)!));
    if (used + w > width) break;
    used += w;
  }
  const kept = chars.slice(0, end);
  if (fromEnd) kept.reverse();
  return kept.join('');
}

/** `#{pN:…}`: pad with spaces to `width` columns, text on the left; a negative width puts the text on the right. */
export function padToWidth(s: string, width: number): string {
  const n = displayWidth(s);
  const target = Math.abs(width);
  if (n >= target) return s;
  const pad = ' '.repeat(target - n);
  return width > 0 ? s + pad : pad + s;
}

/**
 * Where `#[…]` ends, skipping nested `#{…}` and `#x` escapes — the same scan the format language uses
 * (exported for the expander). Returns the index of the terminating character, or -1.
 */
export function skipFormat(s: string, from: number, endChars: string): number {
  let brackets = 0;
  const n = s.length;
  for (let i = from; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x23 /* # */ && i + 1 < n) {
      const next = s.charCodeAt(i + 1);
      if (next === 0x7b /* { */) brackets++;
      // `#,` `##` `#{` `#}` `#:` are escapes: skip the escaped character.
      if (next === 0x2c || next === 0x23 || next === 0x7b || next === 0x7d || next === 0x3a) {
        i++;
        continue;
      }
    }
    if (c === 0x7d /* } */) brackets--;
    if (brackets === 0 && endChars.indexOf(s[i]) >= 0) return i;
  }
  return -1;
}

/**
 * A run of `#`s in already-expanded text: how many there are, how many columns they draw as (`##` is one
 * `#`), and whether the last one opens a style block (an odd run followed by `[`).
 */
function leadingHashes(s: string, i: number): { count: number; width: number; style: boolean } {
  let count = 0;
  while (s[i + count] === '#') count++;
  if (s[i + count] !== '[') return { count, width: Math.ceil(count / 2), style: false };
  return { count, width: Math.floor(count / 2), style: count % 2 === 1 };
}

interface Piece {
  kind: 'text' | 'hashes' | 'style';
  text: string;
  width: number;
}

/**
 * Split expanded text into what the trimming functions treat as units: single printable characters,
 * runs of `#`, and whole `#[…]` blocks (width 0). Unprintable characters vanish. Returns null if a style
 * block is not terminated (tmux then stops).
 */
function pieces(s: string): { list: Piece[]; complete: boolean } {
  const list: Piece[] = [];
  let i = 0;
  while (i < s.length) {
    if (s[i] === '#') {
      const h = leadingHashes(s, i);
      const plain = h.style ? h.count - 1 : h.count;
      if (plain > 0) list.push({ kind: 'hashes', text: '#'.repeat(plain), width: h.width });
      i += plain;
      if (h.style) {
        const end = skipFormat(s, i + 2, ']');
        if (end < 0) return { list, complete: false };
        list.push({ kind: 'style', text: s.slice(i, end + 1), width: 0 });
        i = end + 1;
      }
      continue;
    }
    const cp = s.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    i += ch.length;
    const w = charWidth(cp);
    if (w < 0 || cp === 0) continue;
    list.push({ kind: 'text', text: ch, width: w });
  }
  return { list, complete: true };
}

/** `#{w:…}`: columns of expanded text, `#[…]` blocks counting 0 and `##` counting 1 (format_width). */
export function formatWidth(s: string): number {
  const { list, complete } = pieces(s);
  // An unterminated style block makes tmux report no width at all.
  if (!complete) return 0;
  return list.reduce((sum, p) => sum + p.width, 0);
}

/**
 * `#{=N:…}`: the first `limit` columns of expanded text, keeping every `#[…]` block met on the way.
 * Runs of `#` are kept escaped (`##` per column) because the status line unescapes them later.
 */
export function formatTrimLeft(s: string, limit: number): string {
  const { list } = pieces(s);
  let out = '';
  let width = 0;
  for (const p of list) {
    if (width >= limit) break;
    if (p.kind === 'style') out += p.text;
    else if (p.kind === 'hashes') {
      const w = Math.min(p.width, limit - width);
      if (w > 0) out += p.text.length === 1 ? '#' : '#'.repeat(2 * w);
      width += w;
    } else {
      if (width + p.width <= limit) out += p.text;
      width += p.width;
    }
  }
  return out;
}

/** `#{=-N:…}`: the last `limit` columns of expanded text, keeping every `#[…]` block. */
export function formatTrimRight(s: string, limit: number): string {
  const total = formatWidth(s);
  if (total <= limit) return s;
  const skip = total - limit;
  const { list } = pieces(s);
  let out = '';
  let width = 0;
  for (const p of list) {
    if (p.kind === 'style') out += p.text;
    else if (p.kind === 'hashes') {
      let copy = p.width;
      if (width <= skip) copy = skip - width >= copy ? 0 : copy - (skip - width);
      if (copy > 0) out += p.text.length === 1 ? '#' : '#'.repeat(2 * copy);
      width += p.width;
    } else {
      if (width >= skip) out += p.text;
      width += p.width;
    }
  }
  return out;
}
