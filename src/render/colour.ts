// Colour downgrade: maps a cell colour (see `emulator/cell.ts`) to the nearest colour a client's
// terminal can show — RGB to the xterm 256-colour palette, and the 256 palette to the basic 16.
//
// Owns the xterm default palette used to judge "nearest". It must never emit bytes or know about
// SGR (that is the writer's job) and never allocate per call: the writer calls it for every cell it
// draws to a terminal without truecolour.
//
// RGB maps into the 6x6x6 cube and the 24-step greyscale (indices 16–255), never into 0–15: the
// first 16 are themed by the user's terminal and so say nothing reliable about the colour shown.

import { COLOR_MODE_MASK, COLOR_PALETTE, COLOR_RGB } from '../emulator/cell';

/** The channel values of the six levels of xterm's 6x6x6 colour cube (indices 16–231). */
const CUBE_LEVELS = [0x00, 0x5f, 0x87, 0xaf, 0xd7, 0xff];

/** The nearest cube level (0–5) to one channel value: the boundaries are midway between levels. */
function cubeLevel(v: number): number {
  if (v < 48) return 0;
  if (v < 115) return 1;
  return ((v - 35) / 40) | 0;
}

function distanceSquared(r1: number, g1: number, b1: number, r2: number, g2: number, b2: number): number {
  const dr = r1 - r2;
  const dg = g1 - g2;
  const db = b1 - b2;
  return dr * dr + dg * dg + db * db;
}

/** The nearest xterm 256-colour index (16–255: cube or greyscale) to an RGB value. */
export function rgbTo256(r: number, g: number, b: number): number {
  const ri = cubeLevel(r);
  const gi = cubeLevel(g);
  const bi = cubeLevel(b);
  const cr = CUBE_LEVELS[ri];
  const cg = CUBE_LEVELS[gi];
  const cb = CUBE_LEVELS[bi];
  const cube = 16 + 36 * ri + 6 * gi + bi;
  if (cr === r && cg === g && cb === b) return cube;

  // Greyscale 232–255 is 0x08, 0x12, … 0xee in steps of 10: take the step nearest the mean.
  const mean = (r + g + b) / 3;
  let step = Math.round((mean - 8) / 10);
  if (step < 0) step = 0;
  else if (step > 23) step = 23;
  const grey = 8 + 10 * step;

  // A tie goes to the cube, which keeps some hue.
  if (distanceSquared(grey, grey, grey, r, g, b) < distanceSquared(cr, cg, cb, r, g, b)) return 232 + step;
  return cube;
}

/** xterm's default RGB for palette entries 0–15 (what "nearest of the 16" is measured against). */
const BASIC_RGB = [
  0x000000, 0xcd0000, 0x00cd00, 0xcdcd00, 0x0000ee, 0xcd00cd, 0x00cdcd, 0xe5e5e5,
  0x7f7f7f, 0xff0000, 0x00ff00, 0xffff00, 0x5c5cff, 0xff00ff, 0x00ffff, 0xffffff,
];

/** The RGB value xterm shows for a 256-palette index by default. */
export function paletteRgb(index: number): number {
  if (index < 16) return BASIC_RGB[index];
  if (index < 232) {
    const n = index - 16;
    return (CUBE_LEVELS[(n / 36) | 0] << 16) | (CUBE_LEVELS[((n / 6) | 0) % 6] << 8) | CUBE_LEVELS[n % 6];
  }
  const v = 8 + 10 * (index - 232);
  return (v << 16) | (v << 8) | v;
}

// The 256 → 16 map is a fixed table, computed once, so the per-cell downgrade is one lookup.
const NEAREST_BASIC = new Uint8Array(256);
for (let index = 0; index < 256; index++) {
  if (index < 16) {
    NEAREST_BASIC[index] = index;
    continue;
  }
  const rgb = paletteRgb(index);
  const r = rgb >> 16;
  const g = (rgb >> 8) & 0xff;
  const b = rgb & 0xff;
  let best = 0;
  let bestDistance = Infinity;
  for (let basic = 0; basic < 16; basic++) {
    const c = BASIC_RGB[basic];
    const d = distanceSquared(c >> 16, (c >> 8) & 0xff, c & 0xff, r, g, b);
    if (d < bestDistance) {
      bestDistance = d;
      best = basic;
    }
  }
  NEAREST_BASIC[index] = best;
}

/** The nearest of the 16 basic colours to a 256-palette index (0–15 map to themselves). */
export function colour256To16(index: number): number {
  return NEAREST_BASIC[index & 0xff];
}

/**
 * A cell colour (0 default, `COLOR_PALETTE|n`, `COLOR_RGB|0xRRGGBB`) as the nearest colour a
 * terminal with `colours` colours can show; unchanged when it can already show it.
 */
export function downgradeColour(colour: number, colours: 16 | 256 | 16777216): number {
  if (colour === 0 || colours === 16777216) return colour;
  const mode = colour & COLOR_MODE_MASK;
  if (mode === COLOR_RGB) {
    const index = rgbTo256((colour >> 16) & 0xff, (colour >> 8) & 0xff, colour & 0xff);
    return COLOR_PALETTE | (colours === 256 ? index : NEAREST_BASIC[index]);
  }
  if (colours === 16 && mode === COLOR_PALETTE) return COLOR_PALETTE | NEAREST_BASIC[colour & 0xff];
  return colour;
}
