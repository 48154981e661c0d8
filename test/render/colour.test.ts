// Colour downgrade: RGB to the nearest xterm 256-colour entry, and 256 to the nearest of the 16.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { COLOR_PALETTE, paletteColor, rgbColor } from '../../src/emulator/cell';
import { colour256To16, downgradeColour, paletteRgb, rgbTo256 } from '../../src/render/colour';
import { seededRandom } from './random-frames';

function distance(rgb: number, r: number, g: number, b: number): number {
  const dr = (rgb >> 16) - r;
  const dg = ((rgb >> 8) & 0xff) - g;
  const db = (rgb & 0xff) - b;
  return dr * dr + dg * dg + db * db;
}

test('primary RGB colours map to their cube corners', () => {
  assert.equal(rgbTo256(255, 0, 0), 196);
  assert.equal(rgbTo256(0, 255, 0), 46);
  assert.equal(rgbTo256(0, 0, 255), 21);
  assert.equal(rgbTo256(255, 255, 255), 231);
  assert.equal(rgbTo256(0, 0, 0), 16);
});

test('greys map to the greyscale ramp when it is nearer than the cube', () => {
  assert.equal(rgbTo256(128, 128, 128), 244);
  assert.equal(rgbTo256(18, 18, 18), 233);
  assert.equal(rgbTo256(0xee, 0xee, 0xee), 255);
});

test('every cube and greyscale entry maps back to itself', () => {
  for (let index = 16; index < 256; index++) {
    const rgb = paletteRgb(index);
    assert.equal(rgbTo256(rgb >> 16, (rgb >> 8) & 0xff, rgb & 0xff), index, `index ${index}`);
  }
});

test('the 256-colour choice for any RGB value is as near as any entry from 16 to 255', () => {
  const random = seededRandom(11);
  for (let n = 0; n < 3000; n++) {
    const r = Math.floor(random() * 256);
    const g = Math.floor(random() * 256);
    const b = Math.floor(random() * 256);
    const chosen = distance(paletteRgb(rgbTo256(r, g, b)), r, g, b);
    for (let index = 16; index < 256; index++) {
      assert.ok(chosen <= distance(paletteRgb(index), r, g, b), `rgb ${r},${g},${b}: ${index} is nearer`);
    }
  }
});

test('the 16 basic colours map to themselves and the rest to the nearest of them', () => {
  for (let index = 0; index < 16; index++) assert.equal(colour256To16(index), index);
  assert.equal(colour256To16(196), 9);
  assert.equal(colour256To16(16), 0);
  assert.equal(colour256To16(231), 15);
  assert.equal(colour256To16(244), 8);
  for (let index = 16; index < 256; index++) {
    const rgb = paletteRgb(index);
    const [r, g, b] = [rgb >> 16, (rgb >> 8) & 0xff, rgb & 0xff];
    const chosen = distance(paletteRgb(colour256To16(index)), r, g, b);
    for (let basic = 0; basic < 16; basic++) {
      assert.ok(chosen <= distance(paletteRgb(basic), r, g, b), `index ${index}: ${basic} is nearer`);
    }
  }
});

test('pure RGB red becomes 196 on 256-colour terminals and red on 16-colour ones', () => {
  const red = rgbColor(255, 0, 0);
  assert.equal(downgradeColour(red, 16777216), red);
  assert.equal(downgradeColour(red, 256), COLOR_PALETTE | 196);
  const basic = downgradeColour(red, 16);
  assert.ok(basic === paletteColor(9) || basic === paletteColor(1), basic.toString(16));
});

test('the default colour and colours the terminal can show are left alone', () => {
  for (const colours of [16, 256, 16777216] as const) {
    assert.equal(downgradeColour(0, colours), 0);
    assert.equal(downgradeColour(paletteColor(3), colours), paletteColor(3));
    assert.equal(downgradeColour(paletteColor(12), colours), paletteColor(12));
  }
  assert.equal(downgradeColour(paletteColor(200), 256), paletteColor(200));
  assert.equal(downgradeColour(paletteColor(200), 16), paletteColor(colour256To16(200)));
});
