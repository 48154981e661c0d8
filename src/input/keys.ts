// Key codes and key names: the one representation of "a key" shared by the input decoder (bytes from
// a client's terminal → keys), key tables (bind-key, the prefix), send-keys and the pane encoder
// (keys → bytes for a pane).
//
// A key is a plain number: a Unicode code point (0–0x10FFFF) or one of our special keys (0x110000 and
// up, above Unicode so they can never collide with a character), OR'ed with modifier bits for Meta,
// Ctrl and Shift. Everything fits in 24 bits, so keys are small integers and compare with `===`.
//
// Control keys are normalised exactly as tmux 3.3a does (key-string.c): C-b *is* the byte 0x02, not
// 'b' with a Ctrl bit, so a key decoded from a terminal and a key parsed from `bind-key C-b` are the
// same number. Only combinations that have no control byte keep the Ctrl bit (C-Up, C-1, C-Enter,
// C-é). Likewise C-m is Enter (0x0d), C-i is Tab (0x09), C-[ is Escape (0x1b), C-Space and C-@ are
// 0x00, C-? is 0x7f; BSpace is a special key of its own (what the terminal's erase character decodes
// to) and 0x08 is C-h.
//
// This module owns names and numbers only. It must never know about terminals, escape sequences or
// pane modes (decode.ts and encode.ts do), and it must never throw on input it does not understand:
// an unknown name is `undefined`, an unknown number prints as `Invalid#…`.

/** Modifier bits. */
export const KEY_META = 0x200000;
export const KEY_CTRL = 0x400000;
export const KEY_SHIFT = 0x800000;
export const KEY_MODIFIER_MASK = KEY_META | KEY_CTRL | KEY_SHIFT;
/** The key without its modifiers. */
export const KEY_CODE_MASK = 0x1fffff;

const SPECIAL_BASE = 0x110000;
const MOUSE_BASE = SPECIAL_BASE + 0x100;
const USER_BASE = SPECIAL_BASE + 0x1000;
/** tmux allows `User0` … `User999` (keys defined by the `user-keys` option). */
export const USER_KEY_COUNT = 1000;

/**
 * Named key codes. Enter, Tab, Escape and Space are the characters themselves; the rest are special
 * keys above Unicode. Property names are tmux's key names where they are identifiers.
 */
export const Key = Object.freeze({
  Tab: 0x09,
  Enter: 0x0d,
  Escape: 0x1b,
  Space: 0x20,

  None: SPECIAL_BASE + 0x00,
  Any: SPECIAL_BASE + 0x01,
  FocusIn: SPECIAL_BASE + 0x02,
  FocusOut: SPECIAL_BASE + 0x03,
  PasteStart: SPECIAL_BASE + 0x04,
  PasteEnd: SPECIAL_BASE + 0x05,

  BSpace: SPECIAL_BASE + 0x10,
  F1: SPECIAL_BASE + 0x11,
  F2: SPECIAL_BASE + 0x12,
  F3: SPECIAL_BASE + 0x13,
  F4: SPECIAL_BASE + 0x14,
  F5: SPECIAL_BASE + 0x15,
  F6: SPECIAL_BASE + 0x16,
  F7: SPECIAL_BASE + 0x17,
  F8: SPECIAL_BASE + 0x18,
  F9: SPECIAL_BASE + 0x19,
  F10: SPECIAL_BASE + 0x1a,
  F11: SPECIAL_BASE + 0x1b,
  F12: SPECIAL_BASE + 0x1c,
  IC: SPECIAL_BASE + 0x1d,
  DC: SPECIAL_BASE + 0x1e,
  Home: SPECIAL_BASE + 0x1f,
  End: SPECIAL_BASE + 0x20,
  NPage: SPECIAL_BASE + 0x21,
  PPage: SPECIAL_BASE + 0x22,
  BTab: SPECIAL_BASE + 0x23,
  Up: SPECIAL_BASE + 0x24,
  Down: SPECIAL_BASE + 0x25,
  Left: SPECIAL_BASE + 0x26,
  Right: SPECIAL_BASE + 0x27,

  KPSlash: SPECIAL_BASE + 0x30,
  KPStar: SPECIAL_BASE + 0x31,
  KPMinus: SPECIAL_BASE + 0x32,
  KP7: SPECIAL_BASE + 0x33,
  KP8: SPECIAL_BASE + 0x34,
  KP9: SPECIAL_BASE + 0x35,
  KPPlus: SPECIAL_BASE + 0x36,
  KP4: SPECIAL_BASE + 0x37,
  KP5: SPECIAL_BASE + 0x38,
  KP6: SPECIAL_BASE + 0x39,
  KP1: SPECIAL_BASE + 0x3a,
  KP2: SPECIAL_BASE + 0x3b,
  KP3: SPECIAL_BASE + 0x3c,
  KPEnter: SPECIAL_BASE + 0x3d,
  KP0: SPECIAL_BASE + 0x3e,
  KPPeriod: SPECIAL_BASE + 0x3f,
});

type MouseButtonName = '1' | '2' | '3' | '6' | '7' | '8' | '9' | '10' | '11';
const MOUSE_BUTTON_NAMES: readonly MouseButtonName[] = ['1', '2', '3', '6', '7', '8', '9', '10', '11'];

/** What happened, in tmux's mouse key vocabulary (`MouseDown1Pane`, `WheelUpStatus`, …). */
export type MouseKeyKind =
  | 'MouseMove'
  | `${'MouseDown' | 'MouseUp' | 'MouseDrag' | 'MouseDragEnd'}${MouseButtonName}`
  | 'WheelUp'
  | 'WheelDown'
  | `${'SecondClick' | 'DoubleClick' | 'TripleClick'}${MouseButtonName}`;

/** In tmux's order (tmux.h), which is also list-keys order. */
export const MOUSE_KEY_KINDS: readonly MouseKeyKind[] = [
  'MouseMove',
  ...(['MouseDown', 'MouseUp', 'MouseDrag', 'MouseDragEnd'] as const).flatMap((what) =>
    MOUSE_BUTTON_NAMES.map((button): MouseKeyKind => `${what}${button}`),
  ),
  'WheelUp',
  'WheelDown',
  ...(['SecondClick', 'DoubleClick', 'TripleClick'] as const).flatMap((what) =>
    MOUSE_BUTTON_NAMES.map((button): MouseKeyKind => `${what}${button}`),
  ),
];

/** Where it happened. */
export const MOUSE_KEY_LOCATIONS = ['Pane', 'Status', 'StatusLeft', 'StatusRight', 'StatusDefault', 'Border'] as const;
export type MouseKeyLocation = (typeof MOUSE_KEY_LOCATIONS)[number];

/** The key code for a mouse key such as `MouseDown1Pane`, or undefined for an unknown kind. */
export function mouseKey(kind: MouseKeyKind, location: MouseKeyLocation): number | undefined {
  const k = MOUSE_KEY_KINDS.indexOf(kind);
  const l = MOUSE_KEY_LOCATIONS.indexOf(location);
  if (k < 0 || l < 0) return undefined;
  return MOUSE_BASE + k * 8 + l;
}

export function isMouseKey(key: number): boolean {
  const code = key & KEY_CODE_MASK;
  return code >= MOUSE_BASE && code < MOUSE_BASE + MOUSE_KEY_KINDS.length * 8 && (code - MOUSE_BASE) % 8 < 6;
}

export function userKey(n: number): number | undefined {
  return Number.isInteger(n) && n >= 0 && n < USER_KEY_COUNT ? USER_BASE + n : undefined;
}

export function isUserKey(key: number): boolean {
  const code = key & KEY_CODE_MASK;
  return code >= USER_BASE && code < USER_BASE + USER_KEY_COUNT;
}

/** A character key (any code point, including the C0 controls), as opposed to a special key. */
export function isCharacterKey(key: number): boolean {
  return (key & KEY_CODE_MASK) < SPECIAL_BASE;
}

/**
 * Names bind-key and send-keys accept, in tmux's table order: the first name for a code is the one
 * list-keys prints. Matching is case-insensitive.
 */
const NAME_TABLE: ReadonlyArray<readonly [string, number]> = [
  ['F1', Key.F1],
  ['F2', Key.F2],
  ['F3', Key.F3],
  ['F4', Key.F4],
  ['F5', Key.F5],
  ['F6', Key.F6],
  ['F7', Key.F7],
  ['F8', Key.F8],
  ['F9', Key.F9],
  ['F10', Key.F10],
  ['F11', Key.F11],
  ['F12', Key.F12],
  ['IC', Key.IC],
  ['Insert', Key.IC],
  ['DC', Key.DC],
  ['Delete', Key.DC],
  ['Home', Key.Home],
  ['End', Key.End],
  ['NPage', Key.NPage],
  ['PageDown', Key.NPage],
  ['PgDn', Key.NPage],
  ['PPage', Key.PPage],
  ['PageUp', Key.PPage],
  ['PgUp', Key.PPage],
  ['Tab', Key.Tab],
  ['BTab', Key.BTab],
  ['Space', Key.Space],
  ['BSpace', Key.BSpace],
  ['Enter', Key.Enter],
  ['Escape', Key.Escape],
  ['Up', Key.Up],
  ['Down', Key.Down],
  ['Left', Key.Left],
  ['Right', Key.Right],
  ['KP/', Key.KPSlash],
  ['KP*', Key.KPStar],
  ['KP-', Key.KPMinus],
  ['KP7', Key.KP7],
  ['KP8', Key.KP8],
  ['KP9', Key.KP9],
  ['KP+', Key.KPPlus],
  ['KP4', Key.KP4],
  ['KP5', Key.KP5],
  ['KP6', Key.KP6],
  ['KP1', Key.KP1],
  ['KP2', Key.KP2],
  ['KP3', Key.KP3],
  ['KPEnter', Key.KPEnter],
  ['KP0', Key.KP0],
  ['KP.', Key.KPPeriod],
  ...MOUSE_KEY_KINDS.filter((kind) => kind !== 'MouseMove').flatMap((kind) =>
    MOUSE_KEY_LOCATIONS.map((location): readonly [string, number] => [kind + location, mouseKey(kind, location)!]),
  ),
];

/**
 * Names tmux prints but does not parse: `bind-key FocusIn` and `bind-key MouseMovePane` are
 * "unknown key" in tmux 3.3a, yet list-keys and formats can show them.
 */
const PRINT_ONLY_NAMES: ReadonlyArray<readonly [string, number]> = [
  ['None', Key.None],
  ['Any', Key.Any],
  ['FocusIn', Key.FocusIn],
  ['FocusOut', Key.FocusOut],
  ['PasteStart', Key.PasteStart],
  ['PasteEnd', Key.PasteEnd],
  ...MOUSE_KEY_LOCATIONS.map((location): readonly [string, number] => ['MouseMove' + location, mouseKey('MouseMove', location)!]),
];

const CODE_BY_NAME = new Map<string, number>();
for (const [name, code] of NAME_TABLE) if (!CODE_BY_NAME.has(name.toLowerCase())) CODE_BY_NAME.set(name.toLowerCase(), code);

const NAME_BY_CODE = new Map<number, string>();
for (const [name, code] of [...NAME_TABLE, ...PRINT_ONLY_NAMES]) if (!NAME_BY_CODE.has(code)) NAME_BY_CODE.set(code, name);

/** Modifier prefixes, in the order tmux prints them. */
const MODIFIER_PREFIXES: ReadonlyArray<readonly [string, number]> = [
  ['C-', KEY_CTRL],
  ['M-', KEY_META],
  ['S-', KEY_SHIFT],
];
const MODIFIER_BY_LETTER: Readonly<Record<string, number>> = { c: KEY_CTRL, m: KEY_META, s: KEY_SHIFT };

/**
 * Characters that keep their Ctrl bit instead of becoming a control byte (`C-1`, `C-/`, `C-``), as in
 * key-string.c; Tab, Enter and Escape keep theirs too (`C-Enter`).
 */
const CTRL_KEEPS_BIT = new Set(Array.from("!#()+,-.0123456789:;<=>'\r\t\x7f`/", (c) => c.charCodeAt(0)).concat([0x09, 0x0d, 0x1b]));

/**
 * Apply Ctrl to an ASCII character the way tmux does: letters and @[\]^_ become their control byte,
 * Space becomes 0x00 and ? becomes 0x7f; digits, most punctuation, Tab, Enter and Escape keep the
 * Ctrl bit (`C-1`, `C-Enter`). Returns undefined where tmux's key-name parser rejects the
 * combination (`C-{`, `C-|`, `C-~`, `C-"`).
 */
export function controlKey(code: number): number | undefined {
  if (CTRL_KEEPS_BIT.has(code)) return code | KEY_CTRL;
  if (code >= 0x61 && code <= 0x7a) return code - 0x60;
  if (code >= 0x40 && code <= 0x5f) return code - 0x40;
  if (code === 0x20) return 0x00;
  if (code === 0x3f) return 0x7f;
  return undefined;
}

/**
 * Code points `0x…` may name. tmux checks wcwidth(); we reject what it rejects in practice: C1
 * controls, surrogates, noncharacters and the line/paragraph separators.
 */
function isNameableCodePoint(cp: number): boolean {
  if (cp > 0x10ffff) return false;
  if (cp >= 0x80 && cp <= 0x9f) return false;
  if (cp >= 0xd800 && cp <= 0xdfff) return false;
  if (cp >= 0xfdd0 && cp <= 0xfdef) return false;
  if ((cp & 0xfffe) === 0xfffe) return false;
  return cp !== 0x2028 && cp !== 0x2029;
}

/**
 * Parse a key name as bind-key and send-keys do (tmux's key_string_lookup_string): `C-b`, `^b`,
 * `M-x`, `S-Up`, `C-M-Up`, `Enter`, `PageUp`, `KP5`, `é`, `0x2603`, `Any`, `None`, `User3`,
 * `MouseDown1Pane`. Returns undefined for anything tmux calls an unknown key.
 *
 * One deliberate difference: tmux 3.3a turns `0x7f` (and `0x21`…) into an internal UTF-8 form that
 * never matches a typed key; here `0x7f` is simply C-?, like the byte a terminal sends.
 */
export function keyFromName(name: string): number | undefined {
  const lower = name.toLowerCase();
  if (lower === 'none') return Key.None;
  if (lower === 'any') return Key.Any;

  // Hexadecimal is checked on the whole string, so modifiers cannot prefix it (`M-0x41` is unknown).
  // Like sscanf("%x"), leading blanks are skipped and trailing junk ignored.
  if (name.startsWith('0x')) {
    const digits = /^\s*([0-9a-fA-F]+)/.exec(name.slice(2));
    if (digits === null || digits[1].length > 8) return undefined;
    const cp = parseInt(digits[1], 16);
    if (cp < 0x20 || cp === 0x7f) return cp;
    return isNameableCodePoint(cp) ? cp : undefined;
  }

  let rest = name;
  let modifiers = 0;
  if (rest.length > 1 && rest[0] === '^') {
    modifiers |= KEY_CTRL;
    rest = rest.slice(1);
  }
  while (rest.length >= 2 && rest[1] === '-') {
    const bit = MODIFIER_BY_LETTER[rest[0].toLowerCase()];
    if (bit === undefined) return undefined;
    modifiers |= bit;
    rest = rest.slice(2);
  }
  if (rest === '') return undefined;

  let code: number;
  const cp = rest.codePointAt(0)!;
  if (rest.length === 1 && cp <= 0x7f) {
    if (cp < 0x20) return undefined;
    code = cp;
  } else if (cp > 0x7f && String.fromCodePoint(cp) === rest) {
    // A single non-ASCII character: tmux keeps every modifier as a bit (C-é stays C-é).
    if (!isNameableCodePoint(cp)) return undefined;
    return cp | modifiers;
  } else {
    const special = CODE_BY_NAME.get(rest.toLowerCase());
    if (special !== undefined) code = special;
    else {
      // sscanf("User%u"): case-sensitive, leading digits only.
      const user = /^User(\d+)/.exec(rest);
      if (user === null) return undefined;
      const n = userKey(Number(user[1]));
      if (n === undefined) return undefined;
      code = n;
    }
  }

  if (code <= 0x7f && modifiers & KEY_CTRL) {
    const withCtrl = controlKey(code);
    if (withCtrl === undefined) return undefined;
    return withCtrl | (modifiers & ~KEY_CTRL);
  }
  return code | modifiers;
}

/**
 * The name tmux prints for a key (key_string_lookup_key): modifiers as `C-`, `M-`, `S-` in that
 * order, then the table name, the character, or `C-x` for a control byte. Two tmux quirks are kept:
 * a bare 0x00 prints as `C-Space` but with any modifier as `C-@` (`M-C-@`), and 0x7f is `C-?`.
 */
export function keyToName(key: number): string {
  if (!Number.isInteger(key) || key < 0 || key > (KEY_CODE_MASK | KEY_MODIFIER_MASK)) {
    return 'Invalid#' + (Number.isFinite(key) ? Math.trunc(key).toString(16) : String(key));
  }
  if (key === 0) return 'C-Space';

  let out = '';
  for (const [prefix, bit] of MODIFIER_PREFIXES) if (key & bit) out += prefix;
  const code = key & KEY_CODE_MASK;

  const named = NAME_BY_CODE.get(code);
  if (named !== undefined) return out + named;
  if (isUserKey(code)) return out + 'User' + (code - USER_BASE);
  if (code < 0x20) return out + 'C-' + String.fromCharCode(code === 0 || code > 26 ? 0x40 + code : 0x60 + code);
  if (code < 0x7f) return out + String.fromCharCode(code);
  if (code === 0x7f) return out + 'C-?';
  if (code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)) return out + String.fromCodePoint(code);
  return 'Invalid#' + key.toString(16);
}
