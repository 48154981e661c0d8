// Character widths as glibc's wcwidth() gives them to tmux, and the style-aware measuring, trimming and
// padding behind #{w:…}, #{=N:…} and #{pN:…}.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { charWidth, formatTrimLeft, formatTrimRight, formatWidth, padToWidth, skipFormat } from '../../src/format/width';

describe('charWidth', () => {
  const table: Array<[string, number, number]> = [
    ['ASCII letter', 0x61, 1],
    ['tab', 0x09, -1],
    ['DEL', 0x7f, -1],
    ['C1 control', 0x85, -1],
    ['no-break space', 0xa0, 1],
    ['soft hyphen', 0xad, 1],
    ['combining acute', 0x301, 0],
    ['zero width space', 0x200b, 0],
    ['zero width joiner', 0x200d, 0],
    ['variation selector 16', 0xfe0f, 0],
    ['Hangul jamo medial vowel', 0x1161, 0],
    ['Hangul jamo leading consonant', 0x1100, 2],
    ['CJK ideograph', 0x4e2d, 2],
    ['Hangul syllable', 0xac00, 2],
    ['fullwidth A', 0xff21, 2],
    ['halfwidth katakana', 0xff76, 1],
    ['ideographic space', 0x3000, 2],
    ['grinning face', 0x1f600, 2],
    ['heavy black heart (text presentation)', 0x2764, 1],
    ['regional indicator', 0x1f1e6, 1],
    ['CJK extension B', 0x20000, 2],
    ['private use', 0xe000, 1],
    ['unassigned', 0x378, -1],
    ['noncharacter', 0xffff, -1],
    ['line separator', 0x2028, -1],
  ];
  for (const [name, cp, width] of table) {
    test(`${name} (U+${cp.toString(16).toUpperCase().padStart(4, '0')}) is ${width}`, () => assert.equal(charWidth(cp), width));
  }
});

describe('formatWidth (#{w:…})', () => {
  test('style blocks count nothing and ## counts one', () => {
    assert.equal(formatWidth('#[fg=red]abc#[default]'), 3);
    assert.equal(formatWidth('a##b'), 3);
    assert.equal(formatWidth('##[x]'), 4);
    assert.equal(formatWidth('中😀'), 4);
  });
  test('an unterminated style block makes the width 0', () => {
    assert.equal(formatWidth('abc#[fg=red'), 0);
  });
});

describe('formatTrimLeft and formatTrimRight (#{=N:…}, #{=-N:…})', () => {
  test('keep the first or last columns', () => {
    assert.equal(formatTrimLeft('abcdef', 3), 'abc');
    assert.equal(formatTrimRight('abcdef', 3), 'def');
    assert.equal(formatTrimRight('abc', 5), 'abc');
  });
  test('a wide character that does not fit is dropped', () => {
    assert.equal(formatTrimLeft('a中b', 2), 'a');
    assert.equal(formatTrimRight('a中b', 2), 'b');
  });
  test('style blocks inside the kept part survive, and on the right all of them do', () => {
    assert.equal(formatTrimLeft('#[fg=red]abc#[default]def', 4), '#[fg=red]abc#[default]d');
    assert.equal(formatTrimLeft('#[fg=red]abc#[default]def', 3), '#[fg=red]abc');
    assert.equal(formatTrimRight('#[fg=red]abc#[default]def', 2), '#[fg=red]#[default]ef');
  });
  test('escaped hashes stay escaped', () => {
    assert.equal(formatTrimLeft('##ab', 1), '##');
    assert.equal(formatTrimLeft('a##b', 2), 'a##');
    assert.equal(formatTrimRight('ab##', 1), '##');
  });
  test('control characters are removed', () => {
    assert.equal(formatTrimLeft('a\tb', 5), 'ab');
  });
});

describe('padToWidth (#{pN:…})', () => {
  test('positive pads after the text, negative before', () => {
    assert.equal(padToWidth('ab', 4), 'ab  ');
    assert.equal(padToWidth('ab', -4), '  ab');
    assert.equal(padToWidth('中', 3), '中 ');
    assert.equal(padToWidth('abcdef', 4), 'abcdef');
  });
});

describe('skipFormat', () => {
  test('finds the end character outside nested #{…} and escapes', () => {
    assert.equal(skipFormat('a,b', 0, ','), 1);
    assert.equal(skipFormat('#{x,y},b', 0, ','), 6);
    assert.equal(skipFormat('a#,b,c', 0, ','), 4);
    assert.equal(skipFormat('abc', 0, ','), -1);
  });
});
