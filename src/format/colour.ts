// tmux colour names and values (tmux's colour.c): what `fg=…`, `bg=…`, `fill=…` and `#{c:…}` accept, in
// the colour encoding of the cell grid (`src/emulator/cell.ts`): 0 the default colour, COLOR_PALETTE | n a
// palette entry, COLOR_RGB | 0xRRGGBB a 24-bit colour.
//
// tmux has two "default" colours and the grid has one. `default` (tmux's 8) means "whatever is underneath"
// — a style that says fg=default lets the window or status style show through — and is the grid's 0.
// `terminal` (tmux's 9) means "the terminal's own default, not inherited"; it has no grid value, so styles
// carry it as COLOR_TERMINAL and `cellColour()` turns it into 0 when a cell is finally drawn.
//
// The basic colours (`red`, `1`) and the first sixteen palette entries (`colour1`) are the same grid
// colour; tmux keeps them apart only to choose between SGR 31 and SGR 38;5;1, which the writer decides.

import { COLOR_DEFAULT, COLOR_MODE_MASK, COLOR_PALETTE, COLOR_RGB, paletteColor, rgbColor } from '../emulator/cell';

/** tmux's `terminal` colour: the terminal's default, not inherited from an underlying style. */
export const COLOR_TERMINAL = 0x03000000;

/** Names of the eight basic colours; `bright` + name is palette entry 8–15. */
const BASIC_NAMES = ['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white'];

/** Levels of the xterm 6×6×6 colour cube (palette 16–231). */
const CUBE_LEVELS = [0x00, 0x5f, 0x87, 0xaf, 0xd7, 0xff];

/** The RGB values xterm gives palette entries 0–15. */
const SYSTEM_RGB = [
  0x000000, 0x800000, 0x008000, 0x808000, 0x000080, 0x800080, 0x008080, 0xc0c0c0,
  0x808080, 0xff0000, 0x00ff00, 0xffff00, 0x0000ff, 0xff00ff, 0x00ffff, 0xffffff,
];

/** OpenBSD strtonum(3) on a decimal string: the whole string must be an integer within [min, max]. */
export function strtonum(s: string, min: number, max: number): number | undefined {
  const m = /^[ \t\n\v\f\r]*([+-]?\d+)$/.exec(s);
  if (m === null) return undefined;
  const n = BigInt(m[1]);
  if (n < BigInt(min) || n > BigInt(max)) return undefined;
  return Number(n);
}

/**
 * Parse a colour as tmux does: `default`, `terminal`, `black`…`white`, `brightblack`…`brightwhite`, the
 * numbers `0`–`7` and `90`–`97`, `colour0`–`colour255` (or `color…`), `#rrggbb`, `grey0`–`grey100`
 * (or `gray…`). Names are case-insensitive except grey/gray, as in tmux. Returns undefined if invalid.
 * X11 colour names (`AliceBlue` …) are not supported.
 */
export function parseColour(s: string): number | undefined {
  if (s.startsWith('#') && s.length === 7) {
    if (!/^#[0-9a-fA-F]{6}$/.test(s)) return undefined;
    return (COLOR_RGB | parseInt(s.slice(1), 16)) >>> 0;
  }
  const lower = s.toLowerCase();
  for (const prefix of ['colour', 'color']) {
    if (lower.startsWith(prefix)) {
      const n = strtonum(s.slice(prefix.length), 0, 255);
      return n === undefined ? undefined : paletteColor(n);
    }
  }
  if (lower === 'default') return COLOR_DEFAULT;
  if (lower === 'terminal') return COLOR_TERMINAL;
  for (let i = 0; i < 8; i++) {
    if (lower === BASIC_NAMES[i] || s === String(i)) return paletteColor(i);
    if (lower === `bright${BASIC_NAMES[i]}` || s === String(90 + i)) return paletteColor(8 + i);
  }
  if (s.startsWith('grey') || s.startsWith('gray')) {
    const rest = s.slice(4);
    if (!/^\d/.test(rest)) return rgbColor(0xbe, 0xbe, 0xbe);
    // atoi(): leading digits only.
    const v = Math.round(2.55 * parseInt(rest, 10));
    if (v < 0 || v > 255) return undefined;
    return rgbColor(v, v, v);
  }
  return undefined;
}

/** The RGB value (0xRRGGBB) of a palette entry, as xterm defines the 256 colours. */
export function paletteToRGB(index: number): number {
  const n = index & 0xff;
  if (n < 16) return SYSTEM_RGB[n];
  if (n >= 232) {
    const v = 8 + 10 * (n - 232);
    return (v << 16) | (v << 8) | v;
  }
  const c = n - 16;
  return (CUBE_LEVELS[Math.floor(c / 36)] << 16) | (CUBE_LEVELS[Math.floor(c / 6) % 6] << 8) | CUBE_LEVELS[c % 6];
}

/** A colour as 0xRRGGBB, or undefined for the default colours (tmux's colour_force_rgb; `#{c:…}`). */
export function colourToRGB(colour: number): number | undefined {
  const mode = (colour & COLOR_MODE_MASK) >>> 0;
  if (mode === COLOR_RGB) return colour & 0xffffff;
  if (mode === COLOR_PALETTE) return paletteToRGB(colour & 0xff);
  return undefined;
}

/** The nearest palette entry (16–255) to an RGB colour, as tmux picks it for 256-colour terminals. */
export function rgbToPalette(r: number, g: number, b: number): number {
  const toCube = (v: number): number => (v < 48 ? 0 : v < 114 ? 1 : Math.floor((v - 35) / 40));
  const qr = toCube(r);
  const qg = toCube(g);
  const qb = toCube(b);
  const cr = CUBE_LEVELS[qr];
  const cg = CUBE_LEVELS[qg];
  const cb = CUBE_LEVELS[qb];
  const cube = 16 + 36 * qr + 6 * qg + qb;
  if (cr === r && cg === g && cb === b) return cube;
  const average = Math.floor((r + g + b) / 3);
  const greyIndex = average > 238 ? 23 : Math.floor((average - 3) / 10);
  const grey = 8 + 10 * greyIndex;
  const distance = (x: number, y: number, z: number): number => (x - r) ** 2 + (y - g) ** 2 + (z - b) ** 2;
  return distance(grey, grey, grey) < distance(cr, cg, cb) ? 232 + greyIndex : cube;
}

/** A colour as tmux writes it in `show-options` and style strings: `red`, `brightred`, `colour123`, `#rrggbb`. */
export function colourToString(colour: number): string {
  if (colour === COLOR_DEFAULT) return 'default';
  if (colour === COLOR_TERMINAL) return 'terminal';
  const mode = (colour & COLOR_MODE_MASK) >>> 0;
  if (mode === COLOR_RGB) return '#' + (colour & 0xffffff).toString(16).padStart(6, '0');
  if (mode === COLOR_PALETTE) {
    const n = colour & 0xff;
    if (n < 8) return BASIC_NAMES[n];
    if (n < 16) return `bright${BASIC_NAMES[n - 8]}`;
    return `colour${n}`;
  }
  return 'invalid';
}

/** The colour to put in a grid cell: COLOR_TERMINAL becomes the grid's default. */
export function cellColour(colour: number): number {
  return colour === COLOR_TERMINAL ? COLOR_DEFAULT : colour;
}
