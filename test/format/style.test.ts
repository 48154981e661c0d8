// Styles: what tmux accepts (checked against tmux 3.3a's own verdicts, recorded in fixtures/formats.json),
// what a parsed style contains, how it prints, and how the status line splits styled text.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import {
  ATTR_BLINK, ATTR_BOLD, ATTR_DIM, ATTR_INVERSE, ATTR_INVISIBLE, ATTR_ITALIC, ATTR_OVERLINE, ATTR_STRIKE,
  ATTR_UNDERLINE, COLOR_DEFAULT, paletteColor, rgbColor,
} from '../../src/emulator/cell';
import { COLOR_TERMINAL } from '../../src/format/colour';
import {
  ATTR_CHARSET, ATTR_CURLY_UNDERLINE, ATTR_DASHED_UNDERLINE, ATTR_DOTTED_UNDERLINE, ATTR_DOUBLE_UNDERLINE,
  DEFAULT_STYLE, attributesToString, displayWidth, parseAttributes, parseStyle, splitStyledText,
  styleToString, truncateToWidth, type Style,
} from '../../src/format/style';

const fixture: { tmux: string; styles: Array<{ style: string; error: string | null }> } = JSON.parse(
  fs.readFileSync(path.join(__dirname, '../../../test/format/fixtures/formats.json'), 'utf8'),
);

function parsed(text: string, options?: Parameters<typeof parseStyle>[1]): Style {
  const result = parseStyle(text, options);
  if (!result.ok) assert.fail(result.error);
  return result.style;
}

const style = (changes: Partial<Style>): Style => ({ ...DEFAULT_STYLE, ...changes });

describe(`style strings are accepted and refused as ${fixture.tmux} does`, () => {
  for (const { style: text, error } of fixture.styles) {
    test(`${JSON.stringify(text.length > 40 ? text.slice(0, 40) + '…' : text)} ${error === null ? 'is valid' : 'is refused'}`, () => {
      const result = parseStyle(text);
      if (error === null) assert.equal(result.ok, true, result.ok ? '' : result.error);
      else assert.deepEqual(result, { ok: false, error });
    });
  }
});

describe('parseStyle', () => {
  test('colours and attributes land in the cell encoding', () => {
    assert.deepEqual(parsed('fg=black,bg=green,bold'), style({ fg: paletteColor(0), bg: paletteColor(2), attrs: ATTR_BOLD }));
    assert.deepEqual(parsed('fg=colour123 bg=#ff00aa'), style({ fg: paletteColor(123), bg: rgbColor(0xff, 0x00, 0xaa) }));
    assert.equal(parsed('fg=brightred').fg, paletteColor(9));
    assert.equal(parsed('fg=terminal').fg, COLOR_TERMINAL);
  });

  test('every attribute name maps to its bit, bold and bright being the same', () => {
    const all = parsed('acs,bright,dim,underscore,blink,reverse,hidden,italics,strikethrough,overline,' +
      'double-underscore,curly-underscore,dotted-underscore,dashed-underscore').attrs;
    assert.equal(all, ATTR_CHARSET | ATTR_BOLD | ATTR_DIM | ATTR_UNDERLINE | ATTR_BLINK | ATTR_INVERSE |
      ATTR_INVISIBLE | ATTR_ITALIC | ATTR_STRIKE | ATTR_OVERLINE | ATTR_DOUBLE_UNDERLINE |
      ATTR_CURLY_UNDERLINE | ATTR_DOTTED_UNDERLINE | ATTR_DASHED_UNDERLINE);
    assert.equal(parsed('bold').attrs, parsed('bright').attrs);
    assert.equal(parsed('bold|italics').attrs, ATTR_BOLD | ATTR_ITALIC);
  });

  test('parsing adds onto the style given: later tokens and "no" forms adjust it', () => {
    const onto = style({ fg: paletteColor(1), attrs: ATTR_BOLD | ATTR_UNDERLINE });
    assert.deepEqual(parsed('nounderscore,reverse', { onto }), style({ fg: paletteColor(1), attrs: ATTR_BOLD | ATTR_INVERSE }));
    assert.deepEqual(parsed('none', { onto }), style({ fg: paletteColor(1) }));
    assert.deepEqual(parsed('', { onto }), onto);
  });

  test('default and fg=default mean the base colours, not the terminal default', () => {
    const base = { fg: paletteColor(4), bg: paletteColor(7), attrs: ATTR_DIM };
    const onto = style({ fg: paletteColor(1), bg: paletteColor(2), attrs: ATTR_BOLD });
    assert.deepEqual(parsed('default', { onto, base }), style(base));
    assert.deepEqual(parsed('fg=default', { onto, base }), style({ fg: paletteColor(4), bg: paletteColor(2), attrs: ATTR_BOLD }));
    assert.equal(parsed('fg=default').fg, COLOR_DEFAULT);
  });

  test('status-line directives: align, fill, list, range, push/pop, ignore', () => {
    assert.equal(parsed('align=absolute-centre').align, 'absolute-centre');
    assert.equal(parsed('align=right,noalign').align, 'default');
    assert.equal(parsed('fill=blue').fill, paletteColor(4));
    assert.equal(parsed('list=left-marker').list, 'left-marker');
    assert.equal(parsed('list=on,nolist').list, 'off');
    assert.deepEqual([parsed('range=window|3').rangeType, parsed('range=window|3').rangeArgument], ['window', 3]);
    assert.equal(parsed('range=right').rangeType, 'right');
    assert.equal(parsed('range=left,norange').rangeType, 'none');
    assert.equal(parsed('range=foo').rangeType, 'none');
    assert.equal(parsed('push-default').defaultType, 'push');
    assert.equal(parsed('ignore').ignore, true);
    assert.equal(parsed('ignore,noignore').ignore, false);
  });

  test('names are case-insensitive; tokens split on commas, spaces and newlines', () => {
    assert.deepEqual(parsed('FG=Red,BOLD'), style({ fg: paletteColor(1), attrs: ATTR_BOLD }));
    assert.deepEqual(parsed(' fg=red \n bold,,'), style({ fg: paletteColor(1), attrs: ATTR_BOLD }));
  });

  test('an invalid token anywhere refuses the whole string and changes nothing', () => {
    const onto = style({ fg: paletteColor(1) });
    assert.deepEqual(parseStyle('bg=blue,bogus', { onto }), { ok: false, error: 'invalid style: bg=blue,bogus' });
    assert.deepEqual(onto, style({ fg: paletteColor(1) }));
  });
});

describe('styleToString prints in tmux order', () => {
  const cases: Array<[string, string]> = [
    ['', 'default'],
    ['bold,fg=red', 'fg=red,bright'],
    ['bg=#ff00aa,fg=colour200,underscore,italics', 'fg=colour200,bg=#ff00aa,underscore,italics'],
    ['range=window|2,list=on,align=right,fill=green,push-default', 'list=on,range=window|2,align=right,push-default,fill=green'],
    ['fg=terminal,acs,overline', 'fg=terminal,acs,overline'],
  ];
  for (const [input, output] of cases) {
    test(`${JSON.stringify(input)} prints as ${JSON.stringify(output)}`, () => {
      assert.equal(styleToString(parsed(input)), output);
    });
  }
});

describe('attributes', () => {
  test('parseAttributes follows attributes_fromstring', () => {
    assert.equal(parseAttributes('bold|dim'), ATTR_BOLD | ATTR_DIM);
    assert.equal(parseAttributes('none'), 0);
    assert.equal(parseAttributes('default'), 0);
    assert.equal(parseAttributes('bold|'), undefined);
    assert.equal(parseAttributes(''), undefined);
    assert.equal(parseAttributes('bold|bogus'), undefined);
  });
  test('attributesToString', () => {
    assert.equal(attributesToString(0), 'none');
    assert.equal(attributesToString(ATTR_ITALIC | ATTR_BOLD), 'bright,italics');
  });
});

describe('splitStyledText', () => {
  const base = style({ fg: paletteColor(0), bg: paletteColor(2) });
  const red = { ...base, fg: paletteColor(1) };
  const texts = (runs: ReturnType<typeof splitStyledText>): string[] => runs.map((r) => r.text);

  test('text without styles is one run in the base colours', () => {
    assert.deepEqual(splitStyledText('hello', base), [{ text: 'hello', style: base }]);
  });

  test('a style block changes the style of what follows', () => {
    assert.deepEqual(splitStyledText('a#[fg=red]b', base), [
      { text: 'a', style: base },
      { text: 'b', style: red },
    ]);
  });

  test('blocks accumulate and #[default] returns to the base', () => {
    const runs = splitStyledText('#[fg=red]a#[bold]b#[default]c', base);
    assert.deepEqual(runs.map((r) => [r.text, r.style.fg, r.style.attrs]), [
      ['a', paletteColor(1), 0],
      ['b', paletteColor(1), ATTR_BOLD],
      ['c', paletteColor(0), 0],
    ]);
  });

  test('#[push-default] makes the style before it the default until #[pop-default]', () => {
    const runs = splitStyledText('#[fg=red]#[push-default]a#[fg=blue]b#[default]c#[pop-default]#[default]d', base);
    assert.deepEqual(runs.map((r) => [r.text, r.style.fg]), [
      ['a', paletteColor(1)],
      ['b', paletteColor(4)],
      ['c', paletteColor(1)],
      ['d', paletteColor(0)],
    ]);
  });

  test('push-default in the same block as a colour pushes the style from before the block (as tmux does)', () => {
    const runs = splitStyledText('#[fg=red,push-default]a#[fg=blue]b#[default]c', base);
    assert.deepEqual(runs.map((r) => [r.text, r.style.fg]), [
      ['a', paletteColor(1)],
      ['b', paletteColor(4)],
      ['c', paletteColor(0)],
    ]);
  });

  test('## is one #, ##[ is a literal #[, and ###[ is a # then a style', () => {
    assert.deepEqual(texts(splitStyledText('a##b', base)), ['a#b']);
    assert.deepEqual(texts(splitStyledText('a###b', base)), ['a##b']);
    assert.deepEqual(texts(splitStyledText('##[fg=red]x', base)), ['#[fg=red]x']);
    const runs = splitStyledText('###[fg=red]x', base);
    assert.deepEqual(runs.map((r) => [r.text, r.style.fg]), [['#', paletteColor(0)], ['x', paletteColor(1)]]);
    assert.deepEqual(texts(splitStyledText('#x#', base)), ['#x#']);
  });

  test('an invalid block is skipped and the style kept', () => {
    assert.deepEqual(splitStyledText('a#[bogus]b', base), [{ text: 'ab', style: base }]);
    // After expansion an escaped comma is no longer an escape: `#,` in a block makes it invalid.
    assert.deepEqual(splitStyledText('#[fg=red#,bold]x', base), [{ text: 'x', style: base }]);
  });

  test('an unterminated block means tmux draws nothing at all', () => {
    assert.deepEqual(splitStyledText('abc#[fg=red', base), []);
  });

  test('a block may hold several comma- or space-separated tokens', () => {
    assert.deepEqual(splitStyledText('#[fg=red,bold]x', base)[0].style, { ...red, attrs: ATTR_BOLD });
    assert.deepEqual(splitStyledText('#[fg=red bold]x', base)[0].style, { ...red, attrs: ATTR_BOLD });
  });

  test('#[ignore] draws later blocks as text until the end', () => {
    assert.deepEqual(texts(splitStyledText('#[ignore]a#[fg=red]b', base)), ['a#[fg=red]b']);
  });

  test('control characters are dropped; wide and combining characters are kept', () => {
    assert.deepEqual(texts(splitStyledText('a\tb\u0007c中e\u0301', base)), ['abc中e\u0301']);
  });

  test('alignment, list and range travel with the runs; the base contributes only colours', () => {
    const runs = splitStyledText('#[align=right]r#[list=on,range=window|4]w', style({ align: 'centre', list: 'on' }));
    assert.deepEqual(runs.map((r) => [r.text, r.style.align, r.style.list, r.style.rangeType, r.style.rangeArgument]), [
      ['r', 'right', 'off', 'none', 0],
      ['w', 'right', 'on', 'window', 4],
    ]);
  });

  test('each block starts a new run, so adjacent ranges stay apart; empty runs are omitted', () => {
    const runs = splitStyledText('#[range=window|1]a#[norange]#[range=window|1]b#[fg=red]', base);
    assert.deepEqual(texts(runs), ['a', 'b']);
  });
});

describe('display width', () => {
  test('wide characters count 2, combining marks 0, emoji 2', () => {
    assert.equal(displayWidth('abc'), 3);
    assert.equal(displayWidth('中文'), 4);
    assert.equal(displayWidth('e\u0301'), 1);
    assert.equal(displayWidth('😀'), 2);
    assert.equal(displayWidth('\t'), 0);
  });

  test('truncateToWidth keeps whole characters within the width', () => {
    assert.equal(truncateToWidth('abcdef', 3), 'abc');
    assert.equal(truncateToWidth('中文字', 3), '中');
    assert.equal(truncateToWidth('中文字', 4), '中文');
    assert.equal(truncateToWidth('abc中', 4), 'abc');
    assert.equal(truncateToWidth('abcdef', 2, true), 'ef');
    assert.equal(truncateToWidth('中文', 3, true), '文');
    assert.equal(truncateToWidth('abc', 0), '');
  });
});
