// The input decoder: turns the bytes a client's terminal sends (forwarded raw by the tsmux client)
// into keys, pastes, mouse events, focus changes and terminal replies — what tmux's tty-keys.c does.
//
// It understands an xterm-compatible terminal: CSI and SS3 cursor and function keys, the xterm
// modifier forms (`\e[1;5A`, `\e[3;2~`, `\eO2P`), rxvt's forms (`\eOa`, `\e[2^`, `\e[2$`), extended
// keys (`\e[97;5u`, `\e[27;5;97~`), Meta as an ESC prefix, UTF-8, bracketed paste, SGR, X10 and
// urxvt mouse, focus reports, and the replies terminals send to queries (DA, CPR, OSC, DCS) so that
// they never reach a pane as typing.
//
// It owns the byte stream's state and nothing else: no timers, no key tables, no pane modes. It must
// never throw on any input and must never hold bytes without bound: a sequence that cannot complete
// is given up and its bytes come out as ordinary keys, the way tmux does it (an unknown `\e[99X` is
// M-[ followed by 9, 9, X).
//
// Escape-time contract. A lone ESC may be the Escape key or the start of a sequence still in flight;
// only time can tell. The caller owns the clock:
//
//     handle(decoder.feed(bytes));
//     if (decoder.pending()) restartTimer(escapeTime); else cancelTimer();
//     // when the timer fires:
//     handle(decoder.flush());
//
// flush() gives up on whatever is held: a lone ESC becomes Escape, ESC+x becomes M-x, an unfinished
// sequence becomes keys. An ESC followed at once (same chunk) by a byte that starts no sequence is
// decided without waiting: `\ex` is M-x. Bytes held inside a bracketed paste never make pending()
// true: nothing there is ambiguous, they wait for the next chunk (at most a partial `\e[201~`).
//
// Every event carries `bytes`, the raw sequence as received, as a binary string (one char per
// byte: `Buffer.from(ev.bytes, 'latin1')` gives the exact bytes). Concatenating the bytes of all
// events, in order, always reproduces the input exactly.

import { Key, KEY_CTRL, KEY_META, KEY_SHIFT, controlKey } from './keys';

export interface KeyInput {
  kind: 'key';
  key: number;
  bytes: string;
}

/**
 * Text from a bracketed paste. A paste that arrives over several reads comes out as several paste
 * events (each holding what that read completed), so nothing is buffered without bound; the first
 * one's bytes begin with `\e[200~` and the last one's end with `\e[201~`.
 */
export interface PasteInput {
  kind: 'paste';
  text: string;
  bytes: string;
}

/**
 * A mouse report. `button` uses X11 / tmux numbering: 1 left, 2 middle, 3 right, 4 wheel up,
 * 5 wheel down, 6–11 further buttons (tmux's MouseDown6…11), 0 none — a motion with no button held,
 * or a release in the legacy encodings, which do not say which button was released. x and y are
 * 0-based cells of the client's terminal. `mods` is KEY_SHIFT | KEY_META | KEY_CTRL bits.
 * Some terminals send a release for the wheel (`wheel && release`); tmux ignores those.
 */
export interface MouseInput {
  kind: 'mouse';
  button: number;
  x: number;
  y: number;
  release: boolean;
  motion: boolean;
  wheel: boolean;
  mods: number;
  bytes: string;
}

export interface FocusInput {
  kind: 'focus';
  focused: boolean;
  bytes: string;
}

/** A terminal's answer to a query (DA1/DA2/DA3, CPR, DECRPM, OSC, DCS/XTVERSION): not typing. */
export interface ReplyInput {
  kind: 'reply';
  bytes: string;
}

export type InputEvent = KeyInput | PasteInput | MouseInput | FocusInput | ReplyInput;

export interface InputDecoderOptions {
  /** The terminal's erase character (termios VERASE), decoded as BSpace. Default 0x7f. */
  backspace?: number;
  /** Longest OSC or DCS reply waited for before its bytes are given up as keys. Default 1 MiB. */
  maxReply?: number;
}

const ESC = 0x1b;
const BEL = 0x07;
const PASTE_END = Buffer.from('\x1b[201~', 'latin1');
/** Longest CSI or SS3 we wait for (tmux gives up on extended keys past 64 bytes too). */
const MAX_CSI = 64;
const MAX_SS3_PARAMS = 8;
/** Longest OSC or DCS reply we wait for by default; an OSC 52 clipboard reply can be large. */
const MAX_REPLY = 1 << 20;

/** `CSI n ~` (and rxvt's `CSI n ^ $ @`) keys by n. 7 and 8 are rxvt's Home and End, 11–14 old xterm F1–F4. */
const CSI_NUMBERED_KEYS: Readonly<Record<number, number>> = {
  1: Key.Home,
  2: Key.IC,
  3: Key.DC,
  4: Key.End,
  5: Key.PPage,
  6: Key.NPage,
  7: Key.Home,
  8: Key.End,
  11: Key.F1,
  12: Key.F2,
  13: Key.F3,
  14: Key.F4,
  15: Key.F5,
  17: Key.F6,
  18: Key.F7,
  19: Key.F8,
  20: Key.F9,
  21: Key.F10,
  23: Key.F11,
  24: Key.F12,
};

/** `CSI X` and `CSI 1 ; m X` keys by final byte. */
const CSI_LETTER_KEYS: Readonly<Record<string, number>> = {
  A: Key.Up,
  B: Key.Down,
  C: Key.Right,
  D: Key.Left,
  H: Key.Home,
  F: Key.End,
  P: Key.F1,
  Q: Key.F2,
  R: Key.F3,
  S: Key.F4,
  Z: Key.BTab,
};

/** rxvt: `CSI a` is S-Up and so on. */
const CSI_RXVT_KEYS: Readonly<Record<string, number>> = {
  a: Key.Up | KEY_SHIFT,
  b: Key.Down | KEY_SHIFT,
  c: Key.Right | KEY_SHIFT,
  d: Key.Left | KEY_SHIFT,
};

/** rxvt puts the modifiers in the final byte of `CSI n ~`: ^ Ctrl, $ Shift, @ Ctrl+Shift. */
const RXVT_FINAL_MODIFIERS: Readonly<Record<string, number>> = {
  '^': KEY_CTRL,
  $: KEY_SHIFT,
  '@': KEY_CTRL | KEY_SHIFT,
};

/** `SS3 X` (and `SS3 m X`, `SS3 1 ; m X`) keys by final byte: cursor and F1–F4, the keypad in application mode, rxvt's C-arrows. */
const SS3_KEYS: Readonly<Record<string, number>> = {
  A: Key.Up,
  B: Key.Down,
  C: Key.Right,
  D: Key.Left,
  H: Key.Home,
  F: Key.End,
  P: Key.F1,
  Q: Key.F2,
  R: Key.F3,
  S: Key.F4,
  o: Key.KPSlash,
  j: Key.KPStar,
  m: Key.KPMinus,
  w: Key.KP7,
  x: Key.KP8,
  y: Key.KP9,
  k: Key.KPPlus,
  t: Key.KP4,
  u: Key.KP5,
  v: Key.KP6,
  q: Key.KP1,
  r: Key.KP2,
  s: Key.KP3,
  M: Key.KPEnter,
  p: Key.KP0,
  n: Key.KPPeriod,
  a: Key.Up | KEY_CTRL,
  b: Key.Down | KEY_CTRL,
  c: Key.Right | KEY_CTRL,
  d: Key.Left | KEY_CTRL,
  // mintty's "application escape" mode sends SS3 [ for the Escape key.
  '[': Key.Escape,
};

/** The xterm modifier parameter is 1 + a bit set; both Alt and Meta are tmux's Meta. */
const XTERM_MODIFIER_BITS: ReadonlyArray<readonly [number, number]> = [
  [1, KEY_SHIFT],
  [2, KEY_META],
  [4, KEY_CTRL],
  [8, KEY_META],
];

function modifiersFromParameter(m: number | undefined): number {
  if (m === undefined || m < 2 || m > 16) return 0;
  let mods = 0;
  for (const [bit, modifier] of XTERM_MODIFIER_BITS) if ((m - 1) & bit) mods |= modifier;
  return mods;
}

/** How many bytes a UTF-8 sequence starting with this byte has; 1 for ASCII and for bytes that cannot start one. */
function utf8Length(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 1;
}

/** The valid range of a UTF-8 sequence's second byte, which rules out overlongs and surrogates. */
function utf8SecondByteOk(lead: number, second: number): boolean {
  if (lead === 0xe0) return second >= 0xa0 && second <= 0xbf;
  if (lead === 0xed) return second >= 0x80 && second <= 0x9f;
  if (lead === 0xf0) return second >= 0x90 && second <= 0xbf;
  if (lead === 0xf4) return second >= 0x80 && second <= 0x8f;
  return second >= 0x80 && second <= 0xbf;
}

/** Parse `1;5` into [1, 5]; an empty parameter is 0; for `97:65;2` only the first sub-parameter counts. */
function parseParameters(text: string): number[] | undefined {
  if (text === '') return [];
  const out: number[] = [];
  for (const param of text.split(';')) {
    const first = param.split(':')[0];
    if (!/^\d{0,9}$/.test(first)) return undefined;
    out.push(first === '' ? 0 : Number(first));
  }
  return out;
}

type Found = { len: number; event: InputEvent } | { len: number; opensPaste: true };
/** 'more': could still become a sequence, wait for bytes. 'no': is not a sequence. */
type Scan = Found | 'more' | 'no';

export class InputDecoder {
  private held: Buffer = Buffer.alloc(0);
  private pasting = false;
  /** The `\e[200~` of an open paste, not yet reported in any event's bytes. */
  private pasteOpening = '';
  private readonly backspace: number;
  private readonly maxReply: number;

  constructor(options: InputDecoderOptions = {}) {
    this.backspace = options.backspace ?? 0x7f;
    this.maxReply = options.maxReply ?? MAX_REPLY;
  }

  /** Decode what is complete; hold an ambiguous or unfinished tail for the next call. */
  feed(data: string | Uint8Array): InputEvent[] {
    const chunk = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    if (chunk.length === 0) return [];
    return this.run(this.held.length === 0 ? chunk : Buffer.concat([this.held, chunk]), false);
  }

  /** True when bytes are held that only escape-time can resolve: arm the timer. */
  pending(): boolean {
    return !this.pasting && this.held.length > 0;
  }

  /** Escape-time expired: give up waiting and emit everything held. */
  flush(): InputEvent[] {
    return this.run(this.held, true);
  }

  private run(buf: Buffer, final: boolean): InputEvent[] {
    const events: InputEvent[] = [];
    let i = 0;
    while (i < buf.length) {
      if (this.pasting) {
        i = this.continuePaste(buf, i, final, events);
        if (this.pasting) break;
        continue;
      }
      const scan = buf[i] === ESC ? this.scanEscape(buf, i, final) : this.scanCharacter(buf, i, final);
      if (scan === 'more') break; // only when !final
      if ('opensPaste' in scan) {
        this.pasting = true;
        this.pasteOpening = buf.toString('latin1', i, i + scan.len);
      } else {
        events.push(scan.event);
      }
      i += scan.len;
    }
    if (final && this.pasting && this.pasteOpening !== '') {
      events.push({ kind: 'paste', text: '', bytes: this.pasteOpening });
      this.pasteOpening = '';
    }
    // Copy: the caller may reuse the memory it gave us.
    this.held = i < buf.length ? Buffer.from(buf.subarray(i)) : Buffer.alloc(0);
    return events;
  }

  /** Inside a paste: emit text up to `\e[201~`, or all of it but a tail that may begin the marker. */
  private continuePaste(buf: Buffer, i: number, final: boolean, events: InputEvent[]): number {
    const end = buf.indexOf(PASTE_END, i);
    if (end >= 0) {
      const stop = end + PASTE_END.length;
      events.push({ kind: 'paste', text: buf.toString('utf8', i, end), bytes: this.pasteOpening + buf.toString('latin1', i, stop) });
      this.pasting = false;
      this.pasteOpening = '';
      return stop;
    }
    let stop = buf.length;
    if (!final) {
      const marker = partialMarkerLength(buf, i);
      stop -= marker > 0 ? marker : unfinishedUtf8Length(buf, i);
    }
    if (stop > i) {
      events.push({ kind: 'paste', text: buf.toString('utf8', i, stop), bytes: this.pasteOpening + buf.toString('latin1', i, stop) });
      this.pasteOpening = '';
    }
    return stop;
  }

  /** One character: ASCII, a C0 control, a UTF-8 sequence, or U+FFFD for a byte that is none of these. */
  private scanCharacter(buf: Buffer, i: number, final: boolean): { len: number; event: KeyInput } | 'more' {
    const lead = buf[i];
    if (lead < 0x80) return this.key(lead === this.backspace ? Key.BSpace : lead, buf, i, 1);
    const len = utf8Length(lead);
    if (len === 1) return this.key(0xfffd, buf, i, 1);
    let cp = lead & (0xff >> (len + 1));
    for (let k = 1; k < len; k++) {
      if (i + k >= buf.length) return final ? this.key(0xfffd, buf, i, 1) : 'more';
      const next = buf[i + k];
      if (k === 1 ? !utf8SecondByteOk(lead, next) : (next & 0xc0) !== 0x80) return this.key(0xfffd, buf, i, 1);
      cp = (cp << 6) | (next & 0x3f);
    }
    return this.key(cp, buf, i, len);
  }

  /** ESC: a sequence, or Meta on the next key, or — alone — Escape. */
  private scanEscape(buf: Buffer, i: number, final: boolean): Found | 'more' {
    if (i + 1 >= buf.length) return final ? this.key(Key.Escape, buf, i, 1) : 'more';
    const sequence = this.scanSequence(buf, i, final);
    if (sequence !== 'no') return sequence;

    if (buf[i + 1] !== ESC) {
      const next = this.scanCharacter(buf, i + 1, final);
      if (next === 'more') return 'more';
      return this.key(next.event.key | KEY_META, buf, i, 1 + next.len);
    }

    // ESC ESC: Meta on a key sequence (`\e\e[A` is M-Up), else M-Escape. Only one level: a third
    // ESC is not Meta-Meta.
    const inner = i + 2 < buf.length ? this.scanSequence(buf, i + 1, final) : final ? 'no' : 'more';
    if (inner === 'more') return 'more';
    if (inner === 'no') return this.key(Key.Escape | KEY_META, buf, i, 2);
    // A sequence that carries Meta itself (`\e[1;3A`) was preceded by a real Escape, as tmux
    // decides; so was one that is no key at all (a paste, mouse report or reply).
    if ('opensPaste' in inner || inner.event.kind !== 'key' || inner.event.key & KEY_META) return this.key(Key.Escape, buf, i, 1);
    return this.key(inner.event.key | KEY_META, buf, i, 1 + inner.len);
  }

  /** An escape sequence starting at buf[i] (ESC), or 'no' if the bytes there are not one. */
  private scanSequence(buf: Buffer, i: number, final: boolean): Scan {
    if (i + 1 >= buf.length) return final ? 'no' : 'more';
    switch (buf[i + 1]) {
      case 0x5b: // [
        return this.scanCsi(buf, i, final);
      case 0x4f: // O
        return this.scanSs3(buf, i, final);
      case 0x5d: // ]
        return this.scanString(buf, i, final, (b) => b >= 0x30 && b <= 0x39, true);
      case 0x50: // P
        return this.scanString(buf, i, final, (b) => (b >= 0x30 && b <= 0x39) || b === 0x3e || b === 0x3d || b === 0x21 || b === 0x2b || b === 0x24 || b === 0x7c, false);
      default:
        return 'no';
    }
  }

  private scanCsi(buf: Buffer, i: number, final: boolean): Scan {
    const n = buf.length;
    let j = i + 2;
    if (j >= n) return final ? 'no' : 'more';

    // X10/normal mouse: CSI M and three raw bytes (button + 32, x + 33, y + 33).
    if (buf[j] === 0x4d) {
      if (j + 3 >= n) return final ? 'no' : 'more';
      const b = buf[j + 1];
      const x = buf[j + 2];
      const y = buf[j + 3];
      if (b < 32 || x < 33 || y < 33) return 'no';
      return { len: j + 4 - i, event: mouseInput(b - 32, x - 33, y - 33, undefined, buf.toString('latin1', i, j + 4)) };
    }

    const paramsStart = j;
    while (j < n && buf[j] >= 0x30 && buf[j] <= 0x3f) j++;
    const intermediatesStart = j;
    // rxvt's Shift forms end in '$', which ECMA-48 makes an intermediate byte (`CSI 5 $` is S-PPage).
    const rxvtShift = j < n && buf[j] === 0x24 && CSI_NUMBERED_KEYS[Number(buf.toString('latin1', paramsStart, j))] !== undefined;
    while (!rxvtShift && j < n && buf[j] >= 0x20 && buf[j] <= 0x2f) j++;
    if (j - i > MAX_CSI) return 'no';
    if (j >= n) return final ? 'no' : 'more';
    const finalByte = buf[j];
    if (!rxvtShift && (finalByte < 0x40 || finalByte > 0x7e)) return 'no';

    const found = this.csiMeaning(
      buf.toString('latin1', paramsStart, intermediatesStart),
      buf.toString('latin1', intermediatesStart, j),
      String.fromCharCode(finalByte),
      buf.toString('latin1', i, j + 1),
    );
    if (found === undefined) return 'no';
    if (found === 'paste') return { len: j + 1 - i, opensPaste: true };
    return { len: j + 1 - i, event: found };
  }

  private csiMeaning(params: string, intermediates: string, fin: string, bytes: string): InputEvent | 'paste' | undefined {
    const marker = params[0];
    if (marker === '<') {
      // SGR mouse: CSI < b ; x ; y M (press) or m (release), 1-based.
      const nums = parseParameters(params.slice(1));
      if (intermediates !== '' || (fin !== 'M' && fin !== 'm') || nums === undefined || nums.length !== 3) return undefined;
      const [b, x, y] = nums;
      if (x < 1 || y < 1) return undefined;
      return mouseInput(b, x - 1, y - 1, fin === 'm', bytes);
    }
    if (marker === '?' || marker === '>' || marker === '=') return { kind: 'reply', bytes };
    if (intermediates !== '') return undefined;

    const nums = parseParameters(params);
    if (nums === undefined) return undefined;

    if (fin === '~') {
      if (nums.length === 1 && nums[0] === 200) return 'paste';
      if (nums.length === 1 && nums[0] === 201) return this.keyInput(Key.PasteEnd, bytes);
      if (nums.length === 3 && nums[0] === 27) return this.extendedKey(nums[2], nums[1], bytes);
      const key = CSI_NUMBERED_KEYS[nums[0]];
      if (key === undefined || nums.length > 2) return undefined;
      return this.keyInput(key | modifiersFromParameter(nums[1]), bytes);
    }
    const rxvt = RXVT_FINAL_MODIFIERS[fin];
    if (rxvt !== undefined) {
      const key = CSI_NUMBERED_KEYS[nums[0]];
      return key !== undefined && nums.length === 1 ? this.keyInput(key | rxvt, bytes) : undefined;
    }
    if (fin === 'u') {
      if (nums.length !== 1 && nums.length !== 2) return undefined;
      return this.extendedKey(nums[0], nums[1], bytes);
    }
    if ((fin === 'I' || fin === 'O') && params === '') return { kind: 'focus', focused: fin === 'I', bytes };
    if (fin === 'M' && nums.length === 3) {
      // urxvt (1015) mouse: CSI b+32 ; x ; y M, 1-based.
      const [b, x, y] = nums;
      if (b < 32 || x < 1 || y < 1) return undefined;
      return mouseInput(b - 32, x - 1, y - 1, undefined, bytes);
    }
    // A cursor position report (CSI row ; col R) can look like a modified F3 (CSI 1 ; m R); like
    // tmux, row 1 with a real modifier is F3.
    if (fin === 'R' && nums.length === 2 && (nums[0] !== 1 || modifiersFromParameter(nums[1]) === 0)) {
      return { kind: 'reply', bytes };
    }
    if (params === '' && CSI_RXVT_KEYS[fin] !== undefined) return this.keyInput(CSI_RXVT_KEYS[fin], bytes);
    const key = CSI_LETTER_KEYS[fin];
    if (key === undefined || nums.length > 2 || (nums.length > 0 && nums[0] > 1)) return undefined;
    return this.keyInput(key | modifiersFromParameter(nums[1]), bytes);
  }

  private scanSs3(buf: Buffer, i: number, final: boolean): Scan {
    const n = buf.length;
    let j = i + 2;
    while (j < n && j - (i + 2) < MAX_SS3_PARAMS && ((buf[j] >= 0x30 && buf[j] <= 0x39) || buf[j] === 0x3b)) j++;
    if (j >= n) return final ? 'no' : 'more';
    const key = SS3_KEYS[String.fromCharCode(buf[j])];
    const nums = parseParameters(buf.toString('latin1', i + 2, j));
    if (key === undefined || nums === undefined || nums.length > 2) return 'no';
    return this.key(key | modifiersFromParameter(nums[nums.length - 1]), buf, i, j + 1 - i);
  }

  /**
   * OSC (`ESC ] digits … BEL or ESC \`) and DCS (`ESC P … ESC \`) replies. The byte after the
   * introducer must look like a reply, so that M-] or M-P followed by typing is not held.
   */
  private scanString(buf: Buffer, i: number, final: boolean, firstOk: (b: number) => boolean, belEnds: boolean): Scan {
    const n = buf.length;
    if (i + 2 >= n) return final ? 'no' : 'more';
    if (!firstOk(buf[i + 2])) return 'no';
    for (let j = i + 2; j < n; j++) {
      if (j - i > this.maxReply) return 'no';
      if (buf[j] === BEL && belEnds) return { len: j + 1 - i, event: { kind: 'reply', bytes: buf.toString('latin1', i, j + 1) } };
      if (buf[j] === ESC) {
        if (j + 1 >= n) return final ? 'no' : 'more';
        if (buf[j + 1] !== 0x5c) return 'no';
        return { len: j + 2 - i, event: { kind: 'reply', bytes: buf.toString('latin1', i, j + 2) } };
      }
    }
    return final ? 'no' : 'more';
  }

  /**
   * An extended key (`CSI k ; m u` or `CSI 27 ; m ; k ~`), normalised like tmux: C-a arrives as
   * 'a' with Ctrl and becomes 0x01; Ctrl stays a bit where there is no control byte (C-1, C-Tab).
   */
  private extendedKey(number: number, modifier: number | undefined, bytes: string): KeyInput | undefined {
    if (number > 0x10ffff || (number >= 0xd800 && number <= 0xdfff)) return undefined;
    let key = number === this.backspace ? Key.BSpace : number;
    let mods = modifiersFromParameter(modifier);
    if (mods & KEY_CTRL && key < 0x80) {
      mods &= ~KEY_CTRL;
      if (key >= 0x20 || key === 0x09 || key === 0x0d || key === 0x1b) key = controlKey(key) ?? key | KEY_CTRL;
    }
    return this.keyInput(key | mods, bytes);
  }

  private keyInput(key: number, bytes: string): KeyInput {
    return { kind: 'key', key, bytes };
  }

  private key(key: number, buf: Buffer, i: number, len: number): { len: number; event: KeyInput } {
    return { len, event: this.keyInput(key, buf.toString('latin1', i, i + len)) };
  }
}

/** The xterm button code's parts: low two bits, 64/128 groups, and modifier and motion bits. */
function mouseInput(code: number, x: number, y: number, sgrRelease: boolean | undefined, bytes: string): MouseInput {
  const low = code & 3;
  const group = code & 0xc0;
  const motion = (code & 32) !== 0;
  const button = group === 0 ? (low === 3 ? 0 : low + 1) : group === 64 ? 4 + low : group === 128 ? 8 + low : 0;
  const mods = (code & 4 ? KEY_SHIFT : 0) | (code & 8 ? KEY_META : 0) | (code & 16 ? KEY_CTRL : 0);
  // Legacy encodings report any release as "button 3"; SGR says which button with a final 'm'.
  const release = sgrRelease === true || (group === 0 && low === 3 && !motion);
  return { kind: 'mouse', button, x, y, release, motion, wheel: button === 4 || button === 5, mods, bytes };
}

/** How many bytes at the end of buf (after `from`) are a proper prefix of `\e[201~`. */
function partialMarkerLength(buf: Buffer, from: number): number {
  for (let len = Math.min(PASTE_END.length - 1, buf.length - from); len > 0; len--) {
    if (buf.compare(PASTE_END, 0, len, buf.length - len, buf.length) === 0) return len;
  }
  return 0;
}

/** How many bytes at the end of buf (after `from`) are an unfinished UTF-8 sequence. */
function unfinishedUtf8Length(buf: Buffer, from: number): number {
  for (let k = 1; k <= 3 && buf.length - k >= from; k++) {
    const b = buf[buf.length - k];
    if ((b & 0xc0) === 0x80) continue;
    return utf8Length(b) > k ? k : 0;
  }
  return 0;
}
