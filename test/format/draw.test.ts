// format_draw: where the parts of a status line go (align=), what gives way when they do not fit, the
// window list with its markers and focus, fill, styles and mouse ranges.

import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { formatDraw } from '../../src/format/draw';
import { parseStyle, DEFAULT_STYLE, type Style } from '../../src/format/style';
import { ATTR_BOLD, COLOR_PALETTE } from '../../src/emulator/cell';

const GREEN: Style = (() => {
  const r = parseStyle('bg=green,fg=black');
  assert.ok(r.ok);
  return r.style;
})();

function text(expanded: string, width: number, base: Style = DEFAULT_STYLE): string {
  return formatDraw(expanded, base, width).cells.map((c) => (c.width === 0 ? '' : c.ch)).join('');
}

// A list is drawn only where an align= puts it.
const LIST = '#[list=on align=left]#[list=left-marker]<#[list=right-marker]>#[list=on]';

test('left, centre, right and absolute-centre parts', () => {
  assert.equal(text('#[align=left]L#[align=centre]C#[align=right]R', 11), 'L    C    R');
  // Centre is centred between the left and right parts, absolute-centre in the whole width.
  assert.equal(text('LEFTLEFT#[align=centre]C#[align=right]R', 20), 'LEFTLEFT     C     R');
  assert.equal(text('LEFTLEFT#[align=absolute-centre]C#[align=right]R', 20), 'LEFTLEFT C         R');
  assert.equal(text('', 4), '    ');
});

test('when the parts do not fit, the centre gives way first, then the right, then the left', () => {
  // The middle of what is left of the centre stays.
  assert.equal(text('abcdef#[align=centre]CCCC#[align=right]uvwxyz', 14), 'abcdefCCuvwxyz');
  assert.equal(text('abcdef#[align=centre]1234#[align=right]uvwxyz', 14), 'abcdef23uvwxyz');
  assert.equal(text('abcdef#[align=right]uvwxyz', 8), 'abcdefyz');
  assert.equal(text('abcdef#[align=right]uvwxyz', 4), 'abcd');
});

test('a list that does not fit keeps its focus visible, with < > where it was cut', () => {
  const list = `${LIST}aaaa#[list=focus]bbbb#[list=on]cccc`;
  assert.equal(text(list, 12), 'aaaabbbbcccc');
  assert.equal(text(list, 6), '<bbbb>');
  // Focus at the start: only the right marker.
  assert.equal(text(`${LIST}#[list=focus]aaaa#[list=on]bbbbcccc`, 6), 'aaaab>');
  // Focus at the end: only the left marker.
  assert.equal(text(`${LIST}aaaabbbb#[list=focus]cccc#[list=on]`, 6), '<bcccc');
});

test('the list goes where its align= says, between the other parts', () => {
  const list = (align: string): string => `L#[list=on align=${align}]#[list=left-marker]<#[list=right-marker]>#[list=on]ab#[nolist align=right]R`;
  assert.equal(text(list('left'), 10), 'Lab      R');
  assert.equal(text(list('centre'), 10), 'L   ab   R');
  assert.equal(text(list('right'), 10), 'L      abR');
  assert.equal(text(list('absolute-centre'), 11), 'L   ab    R');
  // Without align= the list is not drawn at all (tmux's format_draw_none), nor what follows it.
  assert.equal(text('L#[list=on]ab#[nolist]R', 5), 'L    ');
});

test('styles: colours and attributes per cell, default returns to the base, push-default changes it', () => {
  const line = formatDraw('#[fg=red]a#[default]b#[bold]c#[push-default]#[fg=blue]d#[default]e#[pop-default]#[default]f', GREEN, 6);
  const cells = line.cells;
  assert.deepEqual(cells.map((c) => c.ch).join(''), 'abcdef');
  assert.equal(cells[0].fg, COLOR_PALETTE | 1);
  assert.equal(cells[0].bg, COLOR_PALETTE | 2);
  assert.equal(cells[1].fg, COLOR_PALETTE | 0);
  assert.equal(cells[2].attrs, ATTR_BOLD);
  assert.equal(cells[3].fg, COLOR_PALETTE | 4);
  // After push-default, default means the style in effect when it was pushed (bold, black on green).
  assert.deepEqual([cells[4].fg, cells[4].attrs], [COLOR_PALETTE | 0, ATTR_BOLD]);
  assert.deepEqual([cells[5].fg, cells[5].attrs], [COLOR_PALETTE | 0, 0]);
});

test('fill= colours the whole line behind the text', () => {
  const cells = formatDraw('#[fill=red]x', GREEN, 3).cells;
  assert.equal(cells[0].ch, 'x');
  assert.equal(cells[0].bg, COLOR_PALETTE | 2);
  assert.deepEqual([cells[1].bg, cells[2].bg, cells[1].fg], [COLOR_PALETTE | 1, COLOR_PALETTE | 1, 0]);
});

test('ranges end where the range style changes (one cell further, as tmux) and move with their part', () => {
  const line = formatDraw('ab#[range=window|3]cde#[norange]f#[align=right range=right]R#[norange]', DEFAULT_STYLE, 10);
  assert.deepEqual(line.ranges, [
    { type: 'window', argument: 3, start: 2, end: 6 },
    { type: 'right', argument: 0, start: 9, end: 10 },
  ]);
  // A range still open at the end is dropped.
  assert.deepEqual(formatDraw('#[range=left]abc', DEFAULT_STYLE, 5).ranges, []);
});

test('escapes, unterminated styles and wide characters', () => {
  assert.equal(text('a##b##[c', 6), 'a#b#[c');
  assert.equal(text('a#[fg=red', 3), '   ');
  assert.equal(text('日本x', 5), '日本x');
  // A wide character that would be cut at the edge is not drawn.
  assert.equal(text('ab#[align=right]日本', 3), 'ab ');
  // Control characters are dropped.
  assert.equal(text('a\x07b', 2), 'ab');
});
