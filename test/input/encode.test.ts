// The pane encoder, specified by what tmux 3.3a writes to a pane.
//
// TMUX_SENDS was recorded from the installed tmux 3.3a: a pane running a program that puts its
// terminal in raw mode, sets the modes under test and records every byte it reads, then
// `send-keys -t %0 -- NAME` for each name. Columns: normal modes; application cursor and keypad
// (DECCKM + DECKPAM); modifyOtherKeys (CSI > 4 ; 1 m). `TYPES_NAME` marks where tmux has no
// encoding and send-keys types the name literally ("S-a" arrives as S, -, a); '' marks where tmux
// deliberately sends nothing.
//
// TMUX_MOUSE was recorded the same way, with a real client attached through a pty and SGR reports
// written to the client's terminal as if the user clicked.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeKey, encodeMouse, encodePaste, MouseReport, PaneKeyModes } from '../../src/input/encode';
import { InputDecoder } from '../../src/input/decode';
import { Key, KEY_CTRL, KEY_META, KEY_SHIFT, keyFromName, mouseKey, userKey } from '../../src/input/keys';

const NORMAL: PaneKeyModes = {
  applicationCursor: false,
  applicationKeypad: false,
  bracketedPaste: false,
  mouseTracking: 'none',
  mouseEncoding: 'default',
};
const APPLICATION: PaneKeyModes = { ...NORMAL, applicationCursor: true, applicationKeypad: true };
const EXTENDED: PaneKeyModes = { ...NORMAL, extendedKeys: true };

const TYPES_NAME = undefined;

const TMUX_SENDS: ReadonlyArray<readonly [string, string | undefined, string | undefined, string | undefined]> = [
  ['a', 'a', 'a', 'a'],
  ['A', 'A', 'A', 'A'],
  ['é', 'é', 'é', 'é'],
  ['日', '日', '日', '日'],
  ['M-a', '\x1ba', '\x1ba', '\x1ba'],
  ['M-A', '\x1bA', '\x1bA', '\x1bA'],
  ['M-é', '\x1bé', '\x1bé', '\x1bé'],
  ['C-a', '\x01', '\x01', '\x01'],
  ['C-z', '\x1a', '\x1a', '\x1a'],
  ['C-b', '\x02', '\x02', '\x02'],
  ['C-Space', '\x00', '\x00', '\x00'],
  ['C-@', '\x00', '\x00', '\x00'],
  ['M-C-Space', '\x1b\x00', '\x1b\x00', '\x1b\x00'],
  ['C-h', '\x08', '\x08', '\x08'],
  ['C-?', '\x7f', '\x7f', '\x7f'],
  ['C-[', '\x1b', '\x1b', '\x1b'],
  ['C-\\', '\x1c', '\x1c', '\x1c'],
  ['C-]', '\x1d', '\x1d', '\x1d'],
  ['C-^', '\x1e', '\x1e', '\x1e'],
  ['C-_', '\x1f', '\x1f', '\x1f'],
  ['C-1', '', '', '\x1b[49;5u'],
  ['C-2', '\x00', '\x00', '\x1b[50;5u'],
  ['C-3', '', '', '\x1b[51;5u'],
  ['C-6', '\x1e', '\x1e', '\x1b[54;5u'],
  ['C-/', '\x1f', '\x1f', '\x1b[47;5u'],
  ['C--', '\x1f', '\x1f', '\x1b[45;5u'],
  ['C-`', '', '', '\x1b[96;5u'],
  ['C-0', '', '', '\x1b[48;5u'],
  ['C-9', '', '', '\x1b[57;5u'],
  ['C-.', '', '', '\x1b[46;5u'],
  ['C-é', 'é', 'é', 'é'],
  ['S-a', TYPES_NAME, TYPES_NAME, '\x1b[97;2u'],
  ['S-A', TYPES_NAME, TYPES_NAME, '\x1b[65;2u'],
  ['M-S-a', TYPES_NAME, TYPES_NAME, '\x1b[97;4u'],
  ['C-S-a', TYPES_NAME, TYPES_NAME, '\x1b[65;6u'],
  ['C-M-a', '\x1b\x01', '\x1b\x01', '\x1b\x01'],
  ['C-M-S-a', TYPES_NAME, TYPES_NAME, '\x1b[65;8u'],
  ['S-C-?', TYPES_NAME, TYPES_NAME, '\x1b[127;2u'],
  ['Enter', '\r', '\r', '\r'],
  ['M-Enter', '\x1b\r', '\x1b\r', '\x1b\r'],
  ['C-Enter', '', '', '\x1b[13;5u'],
  ['S-Enter', TYPES_NAME, TYPES_NAME, '\x1b[13;2u'],
  ['Tab', '\t', '\t', '\t'],
  ['M-Tab', '\x1b\t', '\x1b\t', '\x1b\t'],
  ['C-Tab', '', '', '\x1b[9;5u'],
  ['S-Tab', TYPES_NAME, TYPES_NAME, '\x1b[9;2u'],
  ['C-M-Tab', TYPES_NAME, TYPES_NAME, '\x1b[9;7u'],
  ['BTab', '\x1b[Z', '\x1b[Z', '\x1b[Z'],
  ['M-BTab', '\x1b\x1b[Z', '\x1b\x1b[Z', '\x1b\x1b[Z'],
  // tmux 3.3a writes its internal key number in extended mode (\e[1106343;5u); we send nothing.
  ['C-BTab', '', '', ''],
  ['S-BTab', TYPES_NAME, TYPES_NAME, ''],
  ['Escape', '\x1b', '\x1b', '\x1b'],
  ['M-Escape', '\x1b\x1b', '\x1b\x1b', '\x1b\x1b'],
  ['C-Escape', '', '', '\x1b[27;5u'],
  ['Space', ' ', ' ', ' '],
  ['M-Space', '\x1b ', '\x1b ', '\x1b '],
  ['S-Space', TYPES_NAME, TYPES_NAME, '\x1b[32;2u'],
  ['BSpace', '\x7f', '\x7f', '\x7f'],
  ['M-BSpace', '\x1b\x7f', '\x1b\x7f', '\x1b\x7f'],
  ['C-BSpace', '', '', '\x1b[127;5u'],
  ['S-BSpace', TYPES_NAME, TYPES_NAME, '\x1b[127;2u'],
  ['Up', '\x1b[A', '\x1bOA', '\x1b[A'],
  ['Down', '\x1b[B', '\x1bOB', '\x1b[B'],
  ['Right', '\x1b[C', '\x1bOC', '\x1b[C'],
  ['Left', '\x1b[D', '\x1bOD', '\x1b[D'],
  ['S-Up', '\x1b[1;2A', '\x1b[1;2A', '\x1b[1;2A'],
  ['M-Up', '\x1b[1;3A', '\x1b[1;3A', '\x1b[1;3A'],
  ['C-Up', '\x1b[1;5A', '\x1b[1;5A', '\x1b[1;5A'],
  ['C-M-Up', '\x1b[1;7A', '\x1b[1;7A', '\x1b[1;7A'],
  ['M-S-Up', '\x1b[1;4A', '\x1b[1;4A', '\x1b[1;4A'],
  ['C-S-Up', '\x1b[1;6A', '\x1b[1;6A', '\x1b[1;6A'],
  ['C-M-S-Up', '\x1b[1;8A', '\x1b[1;8A', '\x1b[1;8A'],
  ['S-Down', '\x1b[1;2B', '\x1b[1;2B', '\x1b[1;2B'],
  ['C-Right', '\x1b[1;5C', '\x1b[1;5C', '\x1b[1;5C'],
  ['M-Left', '\x1b[1;3D', '\x1b[1;3D', '\x1b[1;3D'],
  ['Home', '\x1b[1~', '\x1b[1~', '\x1b[1~'],
  ['End', '\x1b[4~', '\x1b[4~', '\x1b[4~'],
  ['S-Home', '\x1b[1;2H', '\x1b[1;2H', '\x1b[1;2H'],
  ['C-End', '\x1b[1;5F', '\x1b[1;5F', '\x1b[1;5F'],
  ['M-Home', '\x1b[1;3H', '\x1b[1;3H', '\x1b[1;3H'],
  ['IC', '\x1b[2~', '\x1b[2~', '\x1b[2~'],
  ['DC', '\x1b[3~', '\x1b[3~', '\x1b[3~'],
  ['PPage', '\x1b[5~', '\x1b[5~', '\x1b[5~'],
  ['NPage', '\x1b[6~', '\x1b[6~', '\x1b[6~'],
  ['S-IC', '\x1b[2;2~', '\x1b[2;2~', '\x1b[2;2~'],
  ['C-DC', '\x1b[3;5~', '\x1b[3;5~', '\x1b[3;5~'],
  ['M-PPage', '\x1b[5;3~', '\x1b[5;3~', '\x1b[5;3~'],
  ['C-S-NPage', '\x1b[6;6~', '\x1b[6;6~', '\x1b[6;6~'],
  ['F1', '\x1bOP', '\x1bOP', '\x1bOP'],
  ['F2', '\x1bOQ', '\x1bOQ', '\x1bOQ'],
  ['F3', '\x1bOR', '\x1bOR', '\x1bOR'],
  ['F4', '\x1bOS', '\x1bOS', '\x1bOS'],
  ['F5', '\x1b[15~', '\x1b[15~', '\x1b[15~'],
  ['F6', '\x1b[17~', '\x1b[17~', '\x1b[17~'],
  ['F7', '\x1b[18~', '\x1b[18~', '\x1b[18~'],
  ['F8', '\x1b[19~', '\x1b[19~', '\x1b[19~'],
  ['F9', '\x1b[20~', '\x1b[20~', '\x1b[20~'],
  ['F10', '\x1b[21~', '\x1b[21~', '\x1b[21~'],
  ['F11', '\x1b[23~', '\x1b[23~', '\x1b[23~'],
  ['F12', '\x1b[24~', '\x1b[24~', '\x1b[24~'],
  ['S-F1', '\x1b[1;2P', '\x1b[1;2P', '\x1b[1;2P'],
  ['M-F1', '\x1b[1;3P', '\x1b[1;3P', '\x1b[1;3P'],
  ['C-F1', '\x1b[1;5P', '\x1b[1;5P', '\x1b[1;5P'],
  ['C-S-F4', '\x1b[1;6S', '\x1b[1;6S', '\x1b[1;6S'],
  ['C-M-S-F5', '\x1b[15;8~', '\x1b[15;8~', '\x1b[15;8~'],
  ['S-F12', '\x1b[24;2~', '\x1b[24;2~', '\x1b[24;2~'],
  ['KP0', '0', '\x1bOp', '0'],
  ['KP1', '1', '\x1bOq', '1'],
  ['KP2', '2', '\x1bOr', '2'],
  ['KP3', '3', '\x1bOs', '3'],
  ['KP4', '4', '\x1bOt', '4'],
  ['KP5', '5', '\x1bOu', '5'],
  ['KP6', '6', '\x1bOv', '6'],
  ['KP7', '7', '\x1bOw', '7'],
  ['KP8', '8', '\x1bOx', '8'],
  ['KP9', '9', '\x1bOy', '9'],
  ['KP/', '/', '\x1bOo', '/'],
  ['KP*', '*', '\x1bOj', '*'],
  ['KP-', '-', '\x1bOm', '-'],
  ['KP+', '+', '\x1bOk', '+'],
  ['KPEnter', '\n', '\x1bOM', '\n'],
  ['KP.', '.', '\x1bOn', '.'],
  ['M-KP0', '\x1b0', '\x1b\x1bOp', '\x1b0'],
  ['C-KP0', '', '', ''], // tmux 3.3a: \e[1106362;5u in extended mode
  ['S-KPEnter', TYPES_NAME, TYPES_NAME, ''], // tmux 3.3a: \e[1106361;2u in extended mode
  ['M-KPEnter', '\x1b\n', '\x1b\x1bOM', '\x1b\n'],
  ['Any', TYPES_NAME, TYPES_NAME, TYPES_NAME],
  ['User0', '', '', ''],
  ['0x7f', '\x7f', '\x7f', '\x7f'],
];

test('keys are sent to a pane as tmux 3.3a sends them (recorded table)', () => {
  const wrong: string[] = [];
  for (const [name, normal, application, extended] of TMUX_SENDS) {
    const key = keyFromName(name);
    assert.notEqual(key, undefined, name);
    const got = [encodeKey(key!, NORMAL), encodeKey(key!, APPLICATION), encodeKey(key!, EXTENDED)];
    const expected = [normal, application, extended];
    if (JSON.stringify(got) !== JSON.stringify(expected)) wrong.push(`${name}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(got)}`);
  }
  assert.deepEqual(wrong, []);
});

test('application cursor mode changes only the arrows, application keypad only the keypad', () => {
  const cursorOnly = { ...NORMAL, applicationCursor: true };
  const keypadOnly = { ...NORMAL, applicationKeypad: true };
  assert.equal(encodeKey(Key.Up, cursorOnly), '\x1bOA');
  assert.equal(encodeKey(Key.KP5, cursorOnly), '5');
  assert.equal(encodeKey(Key.Home, cursorOnly), '\x1b[1~');
  assert.equal(encodeKey(Key.Up, keypadOnly), '\x1b[A');
  assert.equal(encodeKey(Key.KP5, keypadOnly), '\x1bOu');
  assert.equal(encodeKey(Key.Up | KEY_CTRL, cursorOnly), '\x1b[1;5A');
});

test('BSpace sends what the backspace option says', () => {
  assert.equal(encodeKey(Key.BSpace, NORMAL), '\x7f');
  assert.equal(encodeKey(Key.BSpace, NORMAL, 0x08), '\x08');
  assert.equal(encodeKey(Key.BSpace | KEY_META, NORMAL, 0x08), '\x1b\x08');
  assert.equal(encodeKey(Key.BSpace, NORMAL, 0x1ff), '\x7f');
});

test('paste brackets are sent as tmux sends the PasteStart and PasteEnd keys', () => {
  assert.equal(encodeKey(Key.PasteStart, NORMAL), '\x1b[200~');
  assert.equal(encodeKey(Key.PasteEnd, NORMAL), '\x1b[201~');
});

test('keys with nothing to send in a pane', () => {
  assert.equal(encodeKey(Key.None, NORMAL), undefined);
  assert.equal(encodeKey(Key.FocusIn, NORMAL), undefined);
  assert.equal(encodeKey(mouseKey('MouseDown1', 'Pane')!, NORMAL), '');
  assert.equal(encodeKey(userKey(7)!, EXTENDED), '');
  assert.equal(encodeKey(Key.Any | KEY_CTRL, NORMAL), '');
});

test('Ctrl on a letter that was not normalised still becomes its control byte', () => {
  assert.equal(encodeKey(0x61 | KEY_CTRL, NORMAL), '\x01');
  assert.equal(encodeKey(0x41 | KEY_CTRL, NORMAL), '\x01');
  assert.equal(encodeKey(0x40 | KEY_CTRL, NORMAL), '\x00');
});

test('keys typed into the client reach a pane the way the pane asked for them', () => {
  const table: ReadonlyArray<readonly [string, PaneKeyModes, string]> = [
    ['\x1bOA', NORMAL, '\x1b[A'],
    ['\x1b[A', APPLICATION, '\x1bOA'],
    ['\x1b[1;5A', APPLICATION, '\x1b[1;5A'],
    ['\x1bOa', NORMAL, '\x1b[1;5A'],
    ['\x1b[H', NORMAL, '\x1b[1~'],
    ['\x1bOF', NORMAL, '\x1b[4~'],
    ['\x1bOp', NORMAL, '0'],
    ['\x1bOp', APPLICATION, '\x1bOp'],
    ['\x7f', NORMAL, '\x7f'],
    ['\x1bx', NORMAL, '\x1bx'],
    ['\x1b[97;5u', NORMAL, '\x01'],
    ['\x1b[97;2u', EXTENDED, '\x1b[97;2u'],
    ['\x1b[2$', NORMAL, '\x1b[2;2~'],
    ['日', NORMAL, '日'],
  ];
  for (const [typed, modes, sent] of table) {
    const decoder = new InputDecoder();
    const [ev] = [...decoder.feed(typed), ...decoder.flush()];
    assert.equal(ev.kind, 'key', JSON.stringify(typed));
    assert.equal(ev.kind === 'key' ? encodeKey(ev.key, modes) : undefined, sent, JSON.stringify(typed));
  }
});

test('a paste is bracketed only when the pane asked for bracketed paste', () => {
  assert.equal(encodePaste('one\ntwo', NORMAL), 'one\ntwo');
  assert.equal(encodePaste('one\ntwo', { ...NORMAL, bracketedPaste: true }), '\x1b[200~one\ntwo\x1b[201~');
  assert.equal(encodePaste('x', { ...NORMAL, bracketedPaste: true }, { bracket: false }), 'x');
  assert.equal(encodePaste('', { ...NORMAL, bracketedPaste: true }), '');
});

test('paste-buffer turns each line feed into its separator, CR by default; typed pastes pass unchanged', () => {
  assert.equal(encodePaste('a\nb\r\nc\n', NORMAL, { separator: '\r' }), 'a\rb\r\rc\r');
  assert.equal(encodePaste('a\nb', NORMAL, { separator: '\n' }), 'a\nb');
  assert.equal(encodePaste('a\nb', NORMAL, { separator: ' | ' }), 'a | b');
  assert.equal(encodePaste('a\nb\x1b[A', { ...NORMAL, bracketedPaste: true }, { separator: '\r' }), '\x1b[200~a\rb\x1b[A\x1b[201~');
});

const LEFT: MouseReport = { button: 1, release: false, motion: false, mods: 0 };
const LEFT_UP: MouseReport = { ...LEFT, release: true };
const DRAG: MouseReport = { ...LEFT, motion: true };
const MOVE: MouseReport = { button: 0, release: false, motion: true, mods: 0 };
const WHEEL_UP: MouseReport = { button: 4, release: false, motion: false, mods: 0 };
const WHEEL_DOWN: MouseReport = { button: 5, release: false, motion: false, mods: 0 };
const WHEEL_UP_RELEASE: MouseReport = { ...WHEEL_UP, release: true };
const CTRL_LEFT: MouseReport = { ...LEFT, mods: KEY_CTRL };
const SHIFT_META_LEFT: MouseReport = { ...LEFT, mods: KEY_SHIFT | KEY_META };
const SHIFT_META_LEFT_UP: MouseReport = { ...SHIFT_META_LEFT, release: true };
const RIGHT: MouseReport = { button: 3, release: false, motion: false, mods: 0 };
/** A release from a terminal using a legacy encoding: which button is unknown. */
const LEGACY_UP: MouseReport = { button: 0, release: true, motion: false, mods: 0 };

const mouse = (tracking: PaneKeyModes['mouseTracking'], encoding: PaneKeyModes['mouseEncoding']): PaneKeyModes => ({
  ...NORMAL,
  mouseTracking: tracking,
  mouseEncoding: encoding,
});

const TMUX_MOUSE: ReadonlyArray<readonly [string, PaneKeyModes, MouseReport, number, number, string | undefined]> = [
  ['1000+1006 press', mouse('vt200', 'sgr'), LEFT, 4, 2, '\x1b[<0;5;3M'],
  ['1000+1006 release', mouse('vt200', 'sgr'), LEFT_UP, 4, 2, '\x1b[<0;5;3m'],
  ['1000+1006 drag', mouse('vt200', 'sgr'), DRAG, 5, 2, undefined],
  ['1000+1006 motion', mouse('vt200', 'sgr'), MOVE, 6, 2, undefined],
  ['1000+1006 wheel up', mouse('vt200', 'sgr'), WHEEL_UP, 4, 2, '\x1b[<64;5;3M'],
  ['1000+1006 wheel down', mouse('vt200', 'sgr'), WHEEL_DOWN, 4, 2, '\x1b[<65;5;3M'],
  ['1000+1006 wheel release', mouse('vt200', 'sgr'), WHEEL_UP_RELEASE, 4, 2, undefined],
  ['1000+1006 ctrl press', mouse('vt200', 'sgr'), CTRL_LEFT, 4, 2, '\x1b[<16;5;3M'],
  ['1000+1006 shift-meta press', mouse('vt200', 'sgr'), SHIFT_META_LEFT, 4, 2, '\x1b[<12;5;3M'],
  ['1000+1006 shift-meta release', mouse('vt200', 'sgr'), SHIFT_META_LEFT_UP, 4, 2, '\x1b[<12;5;3m'],
  ['1000+1006 right press', mouse('vt200', 'sgr'), RIGHT, 4, 2, '\x1b[<2;5;3M'],
  ['1000+1006 far press', mouse('vt200', 'sgr'), LEFT, 149, 39, '\x1b[<0;150;40M'],
  ['1000+1006 legacy release', mouse('vt200', 'sgr'), LEGACY_UP, 4, 2, '\x1b[M#%#'],
  ['1000 press', mouse('vt200', 'default'), LEFT, 4, 2, '\x1b[M %#'],
  ['1000 release', mouse('vt200', 'default'), LEFT_UP, 4, 2, '\x1b[M#%#'],
  ['1000 wheel up', mouse('vt200', 'default'), WHEEL_UP, 4, 2, '\x1b[M`%#'],
  ['1000 wheel down', mouse('vt200', 'default'), WHEEL_DOWN, 4, 2, '\x1b[Ma%#'],
  ['1000 ctrl press', mouse('vt200', 'default'), CTRL_LEFT, 4, 2, '\x1b[M0%#'],
  ['1000 right press', mouse('vt200', 'default'), RIGHT, 4, 2, '\x1b[M"%#'],
  ['1000 shift-meta press', mouse('vt200', 'default'), SHIFT_META_LEFT, 4, 2, '\x1b[M,%#'],
  ['1000 shift-meta release', mouse('vt200', 'default'), SHIFT_META_LEFT_UP, 4, 2, '\x1b[M#%#'],
  ['1000 far press', mouse('vt200', 'default'), LEFT, 149, 39, '\x1b[M \xb6H'],
  ['1000 drag', mouse('vt200', 'default'), DRAG, 5, 2, undefined],
  ['1002+1006 drag', mouse('drag', 'sgr'), DRAG, 5, 2, '\x1b[<32;6;3M'],
  ['1002+1006 motion', mouse('drag', 'sgr'), MOVE, 6, 2, undefined],
  ['1003+1006 drag', mouse('any', 'sgr'), DRAG, 5, 2, '\x1b[<32;6;3M'],
  ['1003+1006 motion', mouse('any', 'sgr'), MOVE, 6, 2, '\x1b[<35;7;3M'],
  ['1003 drag', mouse('any', 'default'), DRAG, 5, 2, '\x1b[M@&#'],
  ['1003 motion', mouse('any', 'default'), MOVE, 6, 2, "\x1b[MC'#"],
  ['1003 release', mouse('any', 'default'), LEFT_UP, 6, 2, "\x1b[M#'#"],
  ['1000+1005 press', mouse('vt200', 'utf8'), LEFT, 4, 2, '\x1b[M %#'],
  ['1000+1005 release', mouse('vt200', 'utf8'), LEFT_UP, 4, 2, '\x1b[M#%#'],
  ['1000+1005 far press', mouse('vt200', 'utf8'), LEFT, 149, 39, '\x1b[M \xc2\xb6H'],
];

/** The encoder returns bytes; compare them as a binary string. */
const asBytes = (b: Buffer | undefined): string | undefined => b?.toString('latin1');

test('mouse events are reported to a pane as tmux 3.3a reports them (recorded table)', () => {
  const wrong: string[] = [];
  for (const [what, modes, ev, x, y, expected] of TMUX_MOUSE) {
    const got = asBytes(encodeMouse(ev, x, y, modes));
    if (got !== expected) wrong.push(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(got)}`);
  }
  assert.deepEqual(wrong, []);
});

test('a pane that did not ask for the mouse gets nothing', () => {
  for (const ev of [LEFT, LEFT_UP, DRAG, MOVE, WHEEL_UP]) assert.equal(encodeMouse(ev, 1, 1, mouse('none', 'sgr')), undefined);
});

test('x10 mode reports presses of the three buttons only, without modifiers', () => {
  const x10 = mouse('x10', 'default');
  assert.equal(asBytes(encodeMouse(LEFT, 4, 2, x10)), '\x1b[M %#');
  assert.equal(asBytes(encodeMouse(CTRL_LEFT, 4, 2, x10)), '\x1b[M %#');
  assert.equal(asBytes(encodeMouse(RIGHT, 4, 2, x10)), '\x1b[M"%#');
  for (const ev of [LEFT_UP, DRAG, MOVE, WHEEL_UP]) assert.equal(encodeMouse(ev, 4, 2, x10), undefined);
});

test('urxvt (1015) encoding: decimal button + 32 and 1-based cells', () => {
  assert.equal(asBytes(encodeMouse(LEFT, 4, 2, mouse('vt200', 'urxvt'))), '\x1b[32;5;3M');
  assert.equal(asBytes(encodeMouse(LEFT_UP, 300, 200, mouse('vt200', 'urxvt'))), '\x1b[35;301;201M');
  assert.equal(asBytes(encodeMouse(WHEEL_DOWN, 0, 0, mouse('vt200', 'urxvt'))), '\x1b[97;1;1M');
});

test('legacy encodings: default clamps far cells, UTF-8 gives up past 2015', () => {
  assert.equal(asBytes(encodeMouse(LEFT, 500, 300, mouse('vt200', 'default'))), '\x1b[M \xff\xff');
  assert.equal(asBytes(encodeMouse(LEFT, 2014, 0, mouse('vt200', 'utf8'))), '\x1b[M \xdf\xbf!');
  assert.equal(encodeMouse(LEFT, 2015, 0, mouse('vt200', 'utf8')), undefined);
  assert.equal(asBytes(encodeMouse(LEFT, 2000, 1000, mouse('vt200', 'sgr'))), '\x1b[<0;2001;1001M');
});

test('further buttons use the 128 group', () => {
  assert.equal(asBytes(encodeMouse({ button: 8, release: false, motion: false, mods: 0 }, 4, 2, mouse('vt200', 'sgr'))), '\x1b[<128;5;3M');
  assert.equal(asBytes(encodeMouse({ button: 6, release: false, motion: false, mods: 0 }, 4, 2, mouse('vt200', 'sgr'))), '\x1b[<66;5;3M');
  assert.equal(encodeMouse({ button: 12, release: false, motion: false, mods: 0 }, 4, 2, mouse('vt200', 'sgr')), undefined);
});

test('a decoded mouse report re-encodes to the same bytes for a pane with the same modes', () => {
  const table: ReadonlyArray<readonly [string, PaneKeyModes]> = [
    ['\x1b[<0;5;3M', mouse('vt200', 'sgr')],
    ['\x1b[<0;5;3m', mouse('vt200', 'sgr')],
    ['\x1b[<32;6;3M', mouse('drag', 'sgr')],
    ['\x1b[<35;7;3M', mouse('any', 'sgr')],
    ['\x1b[<64;5;3M', mouse('vt200', 'sgr')],
    ['\x1b[<28;5;3M', mouse('vt200', 'sgr')],
    ['\x1b[M %#', mouse('vt200', 'default')],
    ['\x1b[M#%#', mouse('vt200', 'default')],
    ['\x1b[M@&#', mouse('drag', 'default')],
    ['\x1b[32;5;3M', mouse('vt200', 'urxvt')],
  ];
  for (const [bytes, modes] of table) {
    const [ev] = new InputDecoder().feed(bytes);
    assert.equal(ev.kind, 'mouse', JSON.stringify(bytes));
    if (ev.kind === 'mouse') assert.equal(asBytes(encodeMouse(ev, ev.x, ev.y, modes)), bytes);
  }
});
