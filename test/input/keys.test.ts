// Key names and codes, specified by what tmux 3.3a does.
//
// TMUX_NAMES was recorded from the installed tmux 3.3a, one name at a time:
//   tmux -L t -f /dev/null bind-key -n -- NAME display x; tmux -L t list-keys -T root
// and shows the name list-keys printed (without list-keys' own quoting), or null for
// "unknown key: NAME".

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  Key,
  KEY_CTRL,
  KEY_META,
  KEY_SHIFT,
  KEY_CODE_MASK,
  KEY_MODIFIER_MASK,
  MOUSE_KEY_KINDS,
  MOUSE_KEY_LOCATIONS,
  keyFromName,
  keyToName,
  mouseKey,
  userKey,
} from '../../src/input/keys';

const TMUX_NAMES: ReadonlyArray<readonly [string, string | null]> = [
  // Control keys and their canonical names.
  ['C-b', 'C-b'],
  ['^b', 'C-b'],
  ['^B', 'C-b'],
  ['C-B', 'C-b'],
  ['C-@', 'C-Space'],
  ['^@', 'C-Space'],
  ['^ ', 'C-Space'],
  ['C- ', 'C-Space'],
  ['C-Space', 'C-Space'],
  ['0x00', 'C-Space'],
  ['0x0', 'C-Space'],
  ['C-h', 'C-h'],
  ['0x08', 'C-h'],
  ['C-?', 'C-?'],
  ['^?', 'C-?'],
  ['C-m', 'Enter'],
  ['0x0d', 'Enter'],
  ['C-i', 'Tab'],
  ['0x09', 'Tab'],
  ['C-[', 'Escape'],
  ['^[', 'Escape'],
  ['0x1b', 'Escape'],
  ['C-\\', 'C-\\'],
  ['0x1c', 'C-\\'],
  ['C-]', 'C-]'],
  ['C-^', 'C-^'],
  ['^^', 'C-^'],
  ['C-_', 'C-_'],
  ['0x1f', 'C-_'],
  ['C-j', 'C-j'],
  ['C-J', 'C-j'],
  ['0x0a', 'C-j'],
  ['0x1', 'C-a'],
  ['0x02', 'C-b'],
  ['C-a', 'C-a'],
  ['C-z', 'C-z'],
  ['^C-a', 'C-a'],
  // Ctrl that stays a modifier: digits and some punctuation have no control byte.
  ['C-/', 'C-/'],
  ['C--', 'C--'],
  ['C-2', 'C-2'],
  ['C-6', 'C-6'],
  ['C-1', 'C-1'],
  ['C-`', 'C-`'],
  ['C-{', null],
  ['C-~', null],
  ['C-|', null],
  // Meta and Shift, and the order tmux prints them in (C- M- S-).
  ['M-a', 'M-a'],
  ['M-A', 'M-A'],
  ['m-x', 'M-x'],
  ['S-a', 'S-a'],
  ['S-A', 'S-A'],
  ['C-M-a', 'M-C-a'],
  ['M-C-a', 'M-C-a'],
  ['c-m-x', 'M-C-x'],
  ['C-S-a', 'S-C-a'],
  ['C-S-A', 'S-C-a'],
  ['S-C-a', 'S-C-a'],
  ['C-M-S-a', 'M-S-C-a'],
  ['S-M-C-x', 'M-S-C-x'],
  ['M-C-h', 'M-C-h'],
  ['C-M-?', 'M-C-?'],
  ['S-C-?', 'S-C-?'],
  ['M-?', 'M-?'],
  ['C-M-[', 'M-Escape'],
  ['M-1', 'M-1'],
  ['C-M-1', 'C-M-1'],
  ['M--', 'M--'],
  ['S--', 'S--'],
  // A bare NUL is C-Space, but with a modifier tmux prints it as C-@.
  ['M-C-Space', 'M-C-@'],
  ['C-M-Space', 'M-C-@'],
  ['M-C-@', 'M-C-@'],
  // Named keys, case-insensitive, with their aliases.
  ['Enter', 'Enter'],
  ['enter', 'Enter'],
  ['ENTER', 'Enter'],
  ['Escape', 'Escape'],
  ['Tab', 'Tab'],
  ['BTab', 'BTab'],
  ['btab', 'BTab'],
  ['BSpace', 'BSpace'],
  ['bspace', 'BSpace'],
  ['Space', 'Space'],
  [' ', 'Space'],
  ['0x20', 'Space'], // tmux 3.3a prints " " here: its hex path yields an internal form that is not Space
  ['Up', 'Up'],
  ['up', 'Up'],
  ['Down', 'Down'],
  ['Left', 'Left'],
  ['Right', 'Right'],
  ['Home', 'Home'],
  ['End', 'End'],
  ['IC', 'IC'],
  ['Insert', 'IC'],
  ['DC', 'DC'],
  ['Delete', 'DC'],
  ['PPage', 'PPage'],
  ['PageUp', 'PPage'],
  ['PgUp', 'PPage'],
  ['NPage', 'NPage'],
  ['PageDown', 'NPage'],
  ['PgDn', 'NPage'],
  ['F1', 'F1'],
  ['f1', 'F1'],
  ['F12', 'F12'],
  ['F13', null],
  ['KP0', 'KP0'],
  ['kp0', 'KP0'],
  ['KP9', 'KP9'],
  ['KP/', 'KP/'],
  ['KP*', 'KP*'],
  ['KP-', 'KP-'],
  ['KP+', 'KP+'],
  ['KPEnter', 'KPEnter'],
  ['KP.', 'KP.'],
  // Modified named keys keep every modifier.
  ['C-M-Up', 'C-M-Up'],
  ['M-C-Up', 'C-M-Up'],
  ['S-Up', 'S-Up'],
  ['M-Up', 'M-Up'],
  ['C-Up', 'C-Up'],
  ['S-M-Up', 'M-S-Up'],
  ['M-S-Up', 'M-S-Up'],
  ['C-S-Up', 'C-S-Up'],
  ['C-M-S-Up', 'C-M-S-Up'],
  ['S-F1', 'S-F1'],
  ['S-F12', 'S-F12'],
  ['M-F1', 'M-F1'],
  ['C-F5', 'C-F5'],
  ['M-Home', 'M-Home'],
  ['C-IC', 'C-IC'],
  ['M-DC', 'M-DC'],
  ['C-PPage', 'C-PPage'],
  ['S-NPage', 'S-NPage'],
  ['C-KP0', 'C-KP0'],
  ['M-KP0', 'M-KP0'],
  ['S-Tab', 'S-Tab'],
  ['C-Tab', 'C-Tab'],
  ['M-Tab', 'M-Tab'],
  ['C-M-Tab', 'C-M-Tab'],
  ['S-BTab', 'S-BTab'],
  ['C-BTab', 'C-BTab'],
  ['M-BTab', 'M-BTab'],
  ['C-Enter', 'C-Enter'],
  ['M-Enter', 'M-Enter'],
  ['S-Enter', 'S-Enter'],
  ['C-Escape', 'C-Escape'],
  ['M-Escape', 'M-Escape'],
  ['C-BSpace', 'C-BSpace'],
  ['M-BSpace', 'M-BSpace'],
  ['M-Space', 'M-Space'],
  ['M- ', 'M-Space'],
  ['S-Space', 'S-Space'],
  // Single characters, UTF-8 included; Ctrl stays a bit on non-ASCII.
  ['!', '!'],
  ['#', '#'],
  ['~', '~'],
  ['\\', '\\'],
  ['"', '"'],
  ["'", "'"],
  ['^', '^'],
  ['e', 'e'],
  ['é', 'é'],
  ['M-é', 'M-é'],
  ['C-é', 'C-é'],
  ['C-ß', 'C-ß'],
  ['日', '日'],
  ['Ω', 'Ω'],
  ['😀', '😀'],
  // Hexadecimal: code points, not after modifiers, trailing junk ignored like sscanf.
  ['0x41', 'A'],
  ['0x000041', 'A'],
  ['0x41zz', 'A'],
  ['0x 41', 'A'],
  ['0x1F', 'C-_'],
  ['0x7e', '~'],
  ['0xe9', 'é'],
  ['0xa0', '\u00a0'],
  ['0xa1', '¡'],
  ['0xad', '\u00ad'],
  ['0x300', '\u0300'],
  ['0x200b', '\u200b'],
  ['0xe000', '\ue000'],
  ['0x1f600', '😀'],
  ['0xf0000', '\u{f0000}'],
  ['0xe0001', '\u{e0001}'],
  ['0x10fffd', '\u{10fffd}'],
  ['0x7ff', '\u07ff'],
  ['0x7f', 'C-?'], // tmux 3.3a prints \177: again its internal form, which no typed key matches
  ['0x80', null],
  ['0x9f', null],
  ['0xd800', null],
  ['0xfdd0', null],
  ['0xfffe', null],
  ['0x10ffff', null],
  ['0x110000', null],
  ['0x2028', null],
  ['0X41', null],
  ['0x', null],
  ['0xzz', null],
  ['M-0x41', null],
  // Any, None (bind-key refuses None, but the prefix2 option uses it), User keys, mouse keys.
  ['Any', 'Any'],
  ['any', 'Any'],
  ['Anyx', null],
  ['User0', 'User0'],
  ['User5', 'User5'],
  ['User01', 'User1'],
  ['User999', 'User999'],
  ['User1000', null],
  ['user0', null],
  ['User-1', null],
  ['UserX', null],
  ['User', null],
  ['MouseDown1Pane', 'MouseDown1Pane'],
  ['mousedown1pane', 'MouseDown1Pane'],
  ['M-mousedown1pane', 'M-MouseDown1Pane'],
  ['WheelUpStatus', 'WheelUpStatus'],
  ['MouseMovePane', null],
  ['FocusIn', null],
  ['PasteStart', null],
  // Malformed.
  ['C-', null],
  ['M-', null],
  ['S-', null],
  ['C-a-', null],
  ['--', null],
  ['X-a', null],
  ['M-^[', null],
  ['x😀', null],
  ['Mx', null],
  ['AB', null],
  ['C-AB', null],
  ['C-ab', null],
  ['Up ', null],
];

test('key names parse and print as tmux 3.3a does (recorded table)', () => {
  const wrong: string[] = [];
  for (const [given, printed] of TMUX_NAMES) {
    const key = keyFromName(given);
    const got = key === undefined ? null : keyToName(key);
    if (got !== printed) wrong.push(`${JSON.stringify(given)}: expected ${JSON.stringify(printed)}, got ${JSON.stringify(got)}`);
  }
  assert.deepEqual(wrong, []);
});

test('None parses for options such as prefix2 and prints as None', () => {
  assert.equal(keyFromName('None'), Key.None);
  assert.equal(keyFromName('none'), Key.None);
  assert.equal(keyToName(Key.None), 'None');
});

test('a control key is its control byte, so decoded bytes and parsed names are the same number', () => {
  const table: ReadonlyArray<readonly [string, number]> = [
    ['C-b', 0x02],
    ['C-a', 0x01],
    ['C-z', 0x1a],
    ['C-Space', 0x00],
    ['C-@', 0x00],
    ['Enter', 0x0d],
    ['C-m', 0x0d],
    ['Tab', 0x09],
    ['C-i', 0x09],
    ['Escape', 0x1b],
    ['C-[', 0x1b],
    ['C-h', 0x08],
    ['C-?', 0x7f],
    ['C-\\', 0x1c],
    ['C-]', 0x1d],
    ['C-^', 0x1e],
    ['C-_', 0x1f],
    ['Space', 0x20],
    ['M-C-b', 0x02 | KEY_META],
    ['C-M-[', 0x1b | KEY_META],
  ];
  for (const [name, code] of table) assert.equal(keyFromName(name), code, name);
});

test('BSpace is a key of its own, not the byte 0x7f', () => {
  assert.equal(keyFromName('BSpace'), Key.BSpace);
  assert.notEqual(Key.BSpace, 0x7f);
  assert.equal(keyToName(0x7f), 'C-?');
});

test('combinations without a control byte keep their modifier bits', () => {
  assert.equal(keyFromName('C-Up'), Key.Up | KEY_CTRL);
  assert.equal(keyFromName('C-M-Up'), Key.Up | KEY_CTRL | KEY_META);
  assert.equal(keyFromName('S-F1'), Key.F1 | KEY_SHIFT);
  assert.equal(keyFromName('C-1'), 0x31 | KEY_CTRL);
  assert.equal(keyFromName('C-Enter'), Key.Enter | KEY_CTRL);
  assert.equal(keyFromName('C-é'), 0xe9 | KEY_CTRL);
  assert.equal(keyFromName('M-x'), 0x78 | KEY_META);
  assert.equal(keyFromName('S-a'), 0x61 | KEY_SHIFT);
});

test('every key code fits in 24 bits and special keys are above Unicode', () => {
  for (const [name, code] of Object.entries(Key)) {
    if (name === 'Tab' || name === 'Enter' || name === 'Escape' || name === 'Space') continue;
    assert.ok(code > 0x10ffff && code <= KEY_CODE_MASK, name);
  }
  assert.ok((KEY_CODE_MASK | KEY_MODIFIER_MASK) < 2 ** 24);
  assert.equal(KEY_CODE_MASK & KEY_MODIFIER_MASK, 0);
});

test('every named key, mouse key and user key round-trips through its name with any modifiers', () => {
  const codes = [
    ...Object.values(Key).filter((code) => code !== Key.None && code !== Key.Any && code !== Key.FocusIn && code !== Key.FocusOut && code !== Key.PasteStart && code !== Key.PasteEnd),
    ...MOUSE_KEY_KINDS.filter((kind) => kind !== 'MouseMove').flatMap((kind) => MOUSE_KEY_LOCATIONS.map((where) => mouseKey(kind, where)!)),
    userKey(0)!,
    userKey(999)!,
  ];
  for (const code of codes) {
    for (const mods of [0, KEY_CTRL, KEY_META, KEY_SHIFT, KEY_CTRL | KEY_META | KEY_SHIFT]) {
      if (code === Key.Space && mods & KEY_CTRL) continue; // C-Space is 0x00
      const key = code | mods;
      assert.equal(keyFromName(keyToName(key)), key, keyToName(key));
    }
  }
});

test('keys tmux can print but not parse', () => {
  assert.equal(keyToName(Key.FocusIn), 'FocusIn');
  assert.equal(keyToName(Key.FocusOut), 'FocusOut');
  assert.equal(keyToName(Key.PasteStart), 'PasteStart');
  assert.equal(keyToName(Key.PasteEnd), 'PasteEnd');
  assert.equal(keyToName(mouseKey('MouseMove', 'Pane')!), 'MouseMovePane');
  assert.equal(keyFromName('MouseMovePane'), undefined);
});

test('mouse keys are made from a kind and a location', () => {
  assert.equal(keyToName(mouseKey('MouseDown1', 'Pane')!), 'MouseDown1Pane');
  assert.equal(keyToName(mouseKey('DoubleClick3', 'StatusLeft')!), 'DoubleClick3StatusLeft');
  assert.equal(keyToName(mouseKey('WheelDown', 'Border')! | KEY_META), 'M-WheelDownBorder');
  assert.equal(keyFromName('TripleClick11StatusDefault'), mouseKey('TripleClick11', 'StatusDefault'));
});

test('numbers that are no key print as Invalid# and never throw', () => {
  for (const bad of [0x110080, 0x1fffff, 2 ** 24, -1, 1.5, NaN, Infinity]) {
    assert.match(keyToName(bad), /^Invalid#/, String(bad));
  }
});
