// The pane encoder: turns keys, pastes and mouse events into the bytes a program inside a pane
// expects, given the modes that program has set (DECCKM, DECKPAM, bracketed paste, mouse tracking
// and encoding, modifyOtherKeys) — what tmux's input-keys.c does. The program sees TERM=tmux-256color,
// whose terminfo says: cursor keys \E[A normally and \EOA in application cursor mode, khome=\E[1~,
// kend=\E[4~, F1–F4 \EOP…\EOS, kbs=^?, modified keys in the xterm form \E[1;5A, Meta as an ESC prefix.
//
// It owns the translation only: it never writes to a pane, never decides which pane a key goes to,
// and never looks at key bindings. The modes come from whoever tracks the pane's terminal state.
//
// encodeKey distinguishes two kinds of "nothing", as tmux does, because send-keys depends on it:
// undefined means tmux has no way to send the key (send-keys then types the key's name literally,
// so `send-keys S-a` types "S-a"); '' means tmux knowingly sends nothing (`send-keys C-1`).

import { Key, KEY_CTRL, KEY_META, KEY_SHIFT, KEY_CODE_MASK, KEY_MODIFIER_MASK, isCharacterKey, isMouseKey, isUserKey } from './keys';
import type { MouseInput } from './decode';

export interface PaneKeyModes {
  /** DECCKM (CSI ? 1 h): cursor keys send SS3. */
  applicationCursor: boolean;
  /** DECKPAM (ESC =): the keypad sends SS3 instead of digits. */
  applicationKeypad: boolean;
  /** CSI ? 2004 h. */
  bracketedPaste: boolean;
  /** 9 x10, 1000 vt200, 1002 drag (button-event), 1003 any (all motion). */
  mouseTracking: 'none' | 'x10' | 'vt200' | 'drag' | 'any';
  /** default (X10 bytes), 1005 utf8, 1006 sgr, 1015 urxvt. */
  mouseEncoding: 'default' | 'utf8' | 'sgr' | 'urxvt';
  /** modifyOtherKeys (CSI > 4 ; 1 m or 2 m): keys with no byte of their own are sent as CSI k ; m u. */
  extendedKeys?: boolean;
}

const ESC = '\x1b';

interface SpecialKeySequences {
  /** With no modifiers, outside any application mode. */
  plain: string;
  /** In application cursor mode (arrows). */
  cursor?: string;
  /** In application keypad mode (the keypad). */
  keypad?: string;
  /** With modifiers: `_` is replaced by the xterm modifier parameter. */
  modified?: string;
}

/** tmux 3.3a's input_key_defaults, as a table. */
const SPECIAL_KEYS: ReadonlyMap<number, SpecialKeySequences> = new Map<number, SpecialKeySequences>([
  [Key.PasteStart, { plain: '\x1b[200~' }],
  [Key.PasteEnd, { plain: '\x1b[201~' }],
  [Key.F1, { plain: '\x1bOP', modified: '\x1b[1;_P' }],
  [Key.F2, { plain: '\x1bOQ', modified: '\x1b[1;_Q' }],
  [Key.F3, { plain: '\x1bOR', modified: '\x1b[1;_R' }],
  [Key.F4, { plain: '\x1bOS', modified: '\x1b[1;_S' }],
  [Key.F5, { plain: '\x1b[15~', modified: '\x1b[15;_~' }],
  [Key.F6, { plain: '\x1b[17~', modified: '\x1b[17;_~' }],
  [Key.F7, { plain: '\x1b[18~', modified: '\x1b[18;_~' }],
  [Key.F8, { plain: '\x1b[19~', modified: '\x1b[19;_~' }],
  [Key.F9, { plain: '\x1b[20~', modified: '\x1b[20;_~' }],
  [Key.F10, { plain: '\x1b[21~', modified: '\x1b[21;_~' }],
  [Key.F11, { plain: '\x1b[23~', modified: '\x1b[23;_~' }],
  [Key.F12, { plain: '\x1b[24~', modified: '\x1b[24;_~' }],
  [Key.IC, { plain: '\x1b[2~', modified: '\x1b[2;_~' }],
  [Key.DC, { plain: '\x1b[3~', modified: '\x1b[3;_~' }],
  [Key.Home, { plain: '\x1b[1~', modified: '\x1b[1;_H' }],
  [Key.End, { plain: '\x1b[4~', modified: '\x1b[1;_F' }],
  [Key.NPage, { plain: '\x1b[6~', modified: '\x1b[6;_~' }],
  [Key.PPage, { plain: '\x1b[5~', modified: '\x1b[5;_~' }],
  [Key.BTab, { plain: '\x1b[Z' }],
  [Key.Up, { plain: '\x1b[A', cursor: '\x1bOA', modified: '\x1b[1;_A' }],
  [Key.Down, { plain: '\x1b[B', cursor: '\x1bOB', modified: '\x1b[1;_B' }],
  [Key.Right, { plain: '\x1b[C', cursor: '\x1bOC', modified: '\x1b[1;_C' }],
  [Key.Left, { plain: '\x1b[D', cursor: '\x1bOD', modified: '\x1b[1;_D' }],
  [Key.KPSlash, { plain: '/', keypad: '\x1bOo' }],
  [Key.KPStar, { plain: '*', keypad: '\x1bOj' }],
  [Key.KPMinus, { plain: '-', keypad: '\x1bOm' }],
  [Key.KP7, { plain: '7', keypad: '\x1bOw' }],
  [Key.KP8, { plain: '8', keypad: '\x1bOx' }],
  [Key.KP9, { plain: '9', keypad: '\x1bOy' }],
  [Key.KPPlus, { plain: '+', keypad: '\x1bOk' }],
  [Key.KP4, { plain: '4', keypad: '\x1bOt' }],
  [Key.KP5, { plain: '5', keypad: '\x1bOu' }],
  [Key.KP6, { plain: '6', keypad: '\x1bOv' }],
  [Key.KP1, { plain: '1', keypad: '\x1bOq' }],
  [Key.KP2, { plain: '2', keypad: '\x1bOr' }],
  [Key.KP3, { plain: '3', keypad: '\x1bOs' }],
  // tmux sends a line feed, not a carriage return, for KPEnter outside application keypad mode.
  [Key.KPEnter, { plain: '\n', keypad: '\x1bOM' }],
  [Key.KP0, { plain: '0', keypad: '\x1bOp' }],
  [Key.KPPeriod, { plain: '.', keypad: '\x1bOn' }],
]);

/** The xterm modifier parameter is 1 plus these bits (2 Shift, 3 Meta, 5 Ctrl, … 8 all three). */
const XTERM_MODIFIER_BITS: ReadonlyArray<readonly [number, number]> = [
  [KEY_SHIFT, 1],
  [KEY_META, 2],
  [KEY_CTRL, 4],
];

function xtermModifierParameter(mods: number): number {
  let parameter = 1;
  for (const [modifier, bit] of XTERM_MODIFIER_BITS) if (mods & modifier) parameter += bit;
  return parameter;
}

/**
 * Without modifyOtherKeys a Ctrl combination that was not already a control byte can only be sent
 * if some control byte stands for it (tmux input_key's fallback): C-2 is NUL, C-6 is ^^, C-/ and
 * C-- are ^_, C-? is DEL.
 */
const CTRL_FALLBACK: ReadonlyMap<number, number> = new Map([
  [0x20, 0x00],
  [0x32, 0x00],
  [0x7c, 0x1c],
  [0x36, 0x1e],
  [0x2d, 0x1f],
  [0x2f, 0x1f],
  [0x3f, 0x7f],
]);

function ctrlFallback(code: number): string {
  const mapped = CTRL_FALLBACK.get(code);
  if (mapped !== undefined) return String.fromCharCode(mapped);
  if (code >= 0x40 && code <= 0x5f) return String.fromCharCode(code - 0x40);
  if (code >= 0x61 && code <= 0x7e) return String.fromCharCode(code - 0x60);
  return '';
}

function specialSequence(sequences: SpecialKeySequences, mods: number, modes: PaneKeyModes): string | undefined {
  if (mods === 0) {
    if (modes.applicationCursor && sequences.cursor !== undefined) return sequences.cursor;
    if (modes.applicationKeypad && sequences.keypad !== undefined) return sequences.keypad;
    return sequences.plain;
  }
  return sequences.modified?.replace('_', String(xtermModifierParameter(mods)));
}

/**
 * The bytes (as text, to be written UTF-8 encoded) that send `key` to a pane with these modes;
 * '' when tmux sends nothing; undefined when tmux has no encoding (see the header). `backspace` is
 * tmux's `backspace` server option: what BSpace sends.
 */
export function encodeKey(key: number, modes: PaneKeyModes, backspace = 0x7f): string | undefined {
  let code = key & KEY_CODE_MASK;
  const mods = key & KEY_MODIFIER_MASK;
  if (code === Key.BSpace) code = backspace >= 0x7f ? 0x7f : backspace;
  const metaPrefix = mods & KEY_META ? ESC : '';

  // A character with at most Meta: itself, after an ESC for Meta. For characters beyond ASCII tmux
  // drops Ctrl and Shift (C-é sends é).
  if (code <= 0x7f && (mods & ~KEY_META) === 0) return metaPrefix + String.fromCharCode(code);
  if (code > 0x7f && isCharacterKey(code)) return metaPrefix + String.fromCodePoint(code);
  if (isMouseKey(code) || isUserKey(code)) return '';

  const sequences = SPECIAL_KEYS.get(code);
  if (sequences !== undefined) {
    const direct = specialSequence(sequences, mods, modes);
    if (direct !== undefined) return direct;
    // Meta on a key with no modified form (BTab, the keypad): ESC and the key (M-BTab is \e\e[Z).
    if (mods & KEY_META) {
      const bare = specialSequence(sequences, mods & ~KEY_META, modes);
      if (bare !== undefined) return ESC + bare;
    }
  }

  if (modes.extendedKeys) {
    if (!isCharacterKey(code)) {
      // tmux 3.3a would write its internal key number here (C-BTab as \e[1106343;5u); send nothing.
      return mods === 0 ? undefined : '';
    }
    let outKey = code;
    let outMods = mods;
    if (outKey < 0x20 && outKey !== 0x09 && outKey !== 0x0d && outKey !== 0x1b) {
      outKey += 0x40;
      outMods |= KEY_CTRL;
    }
    return `\x1b[${outKey};${xtermModifierParameter(outMods)}u`;
  }
  if (mods !== KEY_CTRL) return undefined;
  return isCharacterKey(code) ? ctrlFallback(code) : '';
}

export interface PasteOptions {
  /**
   * What each line feed becomes. paste-buffer uses '\r' (its default; `-r` keeps '\n', `-s` sets
   * it). Text pasted into the client's terminal is forwarded as it came, as tmux does: leave unset.
   */
  separator?: string;
  /** Wrap in \e[200~ … \e[201~ if the pane asked for bracketed paste (paste-buffer -p). Default true. */
  bracket?: boolean;
}

/** The text to write to the pane for a paste (as text, to be written UTF-8 encoded). */
export function encodePaste(text: string, modes: PaneKeyModes, options: PasteOptions = {}): string {
  if (text === '') return '';
  const body = options.separator === undefined ? text : text.split('\n').join(options.separator);
  return (options.bracket ?? true) && modes.bracketedPaste ? '\x1b[200~' + body + '\x1b[201~' : body;
}

/** What encodeMouse needs of a mouse event (a decoded MouseInput will do). */
export type MouseReport = Pick<MouseInput, 'button' | 'release' | 'motion' | 'mods'>;

/** Button number (see MouseInput) → the xterm button code's button bits. */
const BUTTON_CODES: ReadonlyArray<number> = [3, 0, 1, 2, 64, 65, 66, 67, 128, 129, 130, 131];

const MOUSE_MODIFIER_BITS: ReadonlyArray<readonly [number, number]> = [
  [KEY_SHIFT, 4],
  [KEY_META, 8],
  [KEY_CTRL, 16],
];

/** Limits of the legacy encodings: one byte, or one UTF-8 character of at most two bytes. */
const DEFAULT_MAX = 0xff;
const UTF8_MAX = 0x7ff;

/**
 * The bytes that report a mouse event at pane cell (x, y), 0-based, to a pane with these modes, or
 * undefined when the pane did not ask for this kind of event (or it cannot be encoded).
 *
 * Returns bytes, not text: the default encoding writes raw bytes above 0x7f for cells beyond
 * column 94, which no UTF-8 string can carry.
 *
 * As tmux does: SGR is used only when the event says which button was released (a release that came
 * from a legacy-encoding terminal falls back to the default encoding); wheel releases are never sent;
 * default-encoding coordinates are clamped to 255 - 33. Verified against tmux 3.3a with a real
 * attached client. Unlike tmux 3.3a, x10 mode (which tmux does
 * not implement) reports presses of buttons 1–3 without modifiers, and urxvt (1015) encoding is
 * honoured instead of falling back to the default.
 */
export function encodeMouse(ev: MouseReport, x: number, y: number, modes: PaneKeyModes): Buffer | undefined {
  const tracking = modes.mouseTracking;
  const wheel = ev.button === 4 || ev.button === 5;
  let buttonBits = BUTTON_CODES[ev.button];
  if (tracking === 'none' || buttonBits === undefined || (wheel && ev.release)) return undefined;
  if (!Number.isInteger(x) || !Number.isInteger(y) || x < 0 || y < 0) return undefined;

  let mods = ev.mods;
  if (tracking === 'x10') {
    if (ev.release || ev.motion || ev.button < 1 || ev.button > 3) return undefined;
    mods = 0;
  }
  if (ev.motion && (tracking === 'vt200' || (tracking === 'drag' && ev.button === 0))) return undefined;

  let modifierBits = 0;
  for (const [modifier, bit] of MOUSE_MODIFIER_BITS) if (mods & modifier) modifierBits |= bit;
  const motionBit = ev.motion ? 32 : 0;

  const sgrPossible = !(ev.release && ev.button === 0);
  if (modes.mouseEncoding === 'sgr' && sgrPossible) {
    const code = buttonBits | modifierBits | motionBit;
    return Buffer.from(`\x1b[<${code};${x + 1};${y + 1}${ev.release ? 'm' : 'M'}`, 'latin1');
  }

  // Legacy encodings cannot say which button was released: a release is "button 3". tmux also
  // drops the modifiers of a release that arrived in SGR form (one whose button is known).
  if (ev.release) {
    buttonBits = 3;
    if (ev.button !== 0) modifierBits = 0;
  }
  const code = buttonBits | modifierBits | motionBit;

  if (modes.mouseEncoding === 'urxvt') return Buffer.from(`\x1b[${code + 32};${x + 1};${y + 1}M`, 'latin1');

  if (modes.mouseEncoding === 'utf8') {
    if (code + 32 > UTF8_MAX || x + 33 > UTF8_MAX || y + 33 > UTF8_MAX) return undefined;
    return Buffer.from('\x1b[M' + String.fromCharCode(code + 32, x + 33, y + 33), 'utf8');
  }

  if (code + 32 > DEFAULT_MAX) return undefined;
  return Buffer.from([0x1b, 0x5b, 0x4d, code + 32, Math.min(x + 33, DEFAULT_MAX), Math.min(y + 33, DEFAULT_MAX)]);
}
