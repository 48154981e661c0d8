// Colours: names and numbers as tmux's colour.c reads them (checked against tmux 3.3a's `#{c:…}`, recorded
// in fixtures/formats.json), and the conversions between palette and RGB.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { COLOR_DEFAULT, paletteColor, rgbColor } from '../../src/emulator/cell';
import {
  COLOR_TERMINAL, cellColour, colourToRGB, colourToString, paletteToRGB, parseColour, rgbToPalette, strtonum,
} from '../../src/format/colour';

const fixture: { tmux: string; colours: Array<{ colour: string; rgb: string }> } = JSON.parse(
  fs.readFileSync(path.join(__dirname, '../../../test/format/fixtures/formats.json'), 'utf8'),
);

describe(`#{c:…} gives the same RGB as ${fixture.tmux}`, () => {
  for (const { colour, rgb } of fixture.colours) {
    test(`${JSON.stringify(colour)} → ${rgb === '' ? 'nothing' : rgb}`, () => {
      const parsed = parseColour(colour);
      const value = parsed === undefined ? undefined : colourToRGB(parsed);
      assert.equal(value === undefined ? '' : value.toString(16).padStart(6, '0'), rgb);
    });
  }
});

describe('parseColour', () => {
  test('default is the grid default; terminal has its own value', () => {
    assert.equal(parseColour('default'), COLOR_DEFAULT);
    assert.equal(parseColour('terminal'), COLOR_TERMINAL);
  });

  test('basic, bright and numbered colours are palette entries', () => {
    assert.equal(parseColour('red'), paletteColor(1));
    assert.equal(parseColour('1'), paletteColor(1));
    assert.equal(parseColour('brightred'), paletteColor(9));
    assert.equal(parseColour('91'), paletteColor(9));
    assert.equal(parseColour('colour200'), paletteColor(200));
    assert.equal(parseColour('color200'), paletteColor(200));
  });

  test('#rrggbb and greyN are RGB', () => {
    assert.equal(parseColour('#FfA07a'), rgbColor(0xff, 0xa0, 0x7a));
    assert.equal(parseColour('grey50'), rgbColor(0x7f, 0x7f, 0x7f));
  });

  test('invalid colours are undefined', () => {
    for (const s of ['', 'bogus', 'colour256', '#fff', '8', '98', 'Grey50']) assert.equal(parseColour(s), undefined, s);
  });
});

describe('conversions', () => {
  test('palette entries have xterm RGB values', () => {
    assert.equal(paletteToRGB(1), 0x800000);
    assert.equal(paletteToRGB(9), 0xff0000);
    assert.equal(paletteToRGB(16), 0x000000);
    assert.equal(paletteToRGB(196), 0xff0000);
    assert.equal(paletteToRGB(231), 0xffffff);
    assert.equal(paletteToRGB(232), 0x080808);
    assert.equal(paletteToRGB(255), 0xeeeeee);
  });

  test('colourToRGB has no value for the default colours', () => {
    assert.equal(colourToRGB(COLOR_DEFAULT), undefined);
    assert.equal(colourToRGB(COLOR_TERMINAL), undefined);
    assert.equal(colourToRGB(rgbColor(1, 2, 3)), 0x010203);
  });

  test('rgbToPalette picks the exact cube entry, else the nearer of cube and grey ramp', () => {
    assert.equal(rgbToPalette(0xff, 0x00, 0x00), 196);
    assert.equal(rgbToPalette(0x5f, 0x87, 0xaf), 67);
    assert.equal(rgbToPalette(0x80, 0x80, 0x80), 244);
    assert.equal(rgbToPalette(0xfe, 0x01, 0x02), 196);
    for (let n = 16; n < 232; n++) {
      const rgb = paletteToRGB(n);
      assert.equal(rgbToPalette(rgb >> 16, (rgb >> 8) & 0xff, rgb & 0xff), n);
    }
  });

  test('colourToString writes names tmux would', () => {
    assert.equal(colourToString(paletteColor(1)), 'red');
    assert.equal(colourToString(paletteColor(15)), 'brightwhite');
    assert.equal(colourToString(paletteColor(100)), 'colour100');
    assert.equal(colourToString(rgbColor(0xab, 0xcd, 0xef)), '#abcdef');
    assert.equal(colourToString(COLOR_DEFAULT), 'default');
    assert.equal(colourToString(COLOR_TERMINAL), 'terminal');
  });

  test('cellColour turns terminal into the grid default and keeps the rest', () => {
    assert.equal(cellColour(COLOR_TERMINAL), COLOR_DEFAULT);
    assert.equal(cellColour(paletteColor(3)), paletteColor(3));
  });

  test('strtonum accepts only whole decimal integers within range', () => {
    assert.equal(strtonum('42', 0, 100), 42);
    assert.equal(strtonum(' -7', -10, 10), -7);
    assert.equal(strtonum('+5', 0, 10), 5);
    assert.equal(strtonum('5x', 0, 10), undefined);
    assert.equal(strtonum('', 0, 10), undefined);
    assert.equal(strtonum('11', 0, 10), undefined);
    assert.equal(strtonum('99999999999999999999', 0, 10), undefined);
  });
});
