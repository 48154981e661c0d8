import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { PaneTerminal } from '../../src/emulator/terminal';
import { ATTR_BOLD, ATTR_ITALIC, ATTR_UNDERLINE, COLOR_PALETTE, COLOR_RGB, Grid } from '../../src/emulator/cell';

function make(cols = 20, rows = 5): { term: PaneTerminal; replies: string[]; settle: () => Promise<void> } {
  const term = new PaneTerminal({ cols, rows, historyLimit: 100 });
  const replies: string[] = [];
  term.onReply((r) => replies.push(r));
  const settle = (): Promise<void> => new Promise((resolve) => term.write('', () => resolve()));
  return { term, replies, settle };
}

test('cells are copied with text, colours, attributes and wide characters', async () => {
  const { term, settle } = make();
  term.write('\x1b[1;31mR\x1b[0;3;38;5;200mP\x1b[0;4;38;2;1;2;3mT\x1b[0m中e\u0301');
  await settle();
  const grid = new Grid(20, 5);
  term.copyInto(grid, 0, 0, 20, 5);
  assert.equal(grid.chars[0], 'R');
  assert.equal(grid.fg[0], COLOR_PALETTE | 1);
  assert.equal(grid.attrs[0], ATTR_BOLD);
  assert.equal(grid.fg[1], COLOR_PALETTE | 200);
  assert.equal(grid.attrs[1], ATTR_ITALIC);
  assert.equal(grid.fg[2], (COLOR_RGB | 0x010203) >>> 0);
  assert.equal(grid.attrs[2], ATTR_UNDERLINE);
  assert.deepEqual([grid.chars[3], grid.widths[3], grid.chars[4], grid.widths[4]], ['中', 2, '', 0]);
  assert.equal(grid.chars[5], 'e\u0301');
  assert.equal(grid.rowText(0).trimEnd(), 'RPT中e\u0301');
});

test('modes the program sets are tracked: cursor keys, paste, mouse and its encoding, cursor shape and visibility', async () => {
  const { term, settle } = make();
  term.write('\x1b[?1h\x1b[?2004h\x1b[?1002h\x1b[?1006h\x1b[5 q\x1b[?25l');
  await settle();
  const m = term.modes();
  assert.deepEqual([m.applicationCursor, m.bracketedPaste, m.mouseTracking, m.mouseEncoding], [true, true, 'drag', 'sgr']);
  assert.deepEqual({ ...term.cursor(), x: 0, y: 0 }, { x: 0, y: 0, visible: false, style: 5 });
  term.write('\x1b[?25h\x1b[0 q\x1b[?1l\x1b[?1002l');
  await settle();
  assert.equal(term.cursor().visible, true);
  assert.equal(term.cursor().style, 0);
  assert.equal(term.modes().mouseTracking, 'none');
});

test('terminal queries are answered for the program', async () => {
  const { term, replies, settle } = make(80, 24);
  term.write('abc\x1b[6n\x1b[c\x1b[18t\x1b]11;?\x1b\\\x1b]4;1;?\x07\x1b[>q');
  await settle();
  assert.ok(replies.includes('\x1b[1;4R'), JSON.stringify(replies));
  assert.ok(replies.some((r) => /^\x1b\[\?[\d;]+c$/.test(r)));
  assert.ok(replies.includes('\x1b[8;24;80t'));
  assert.ok(replies.some((r) => r.startsWith('\x1b]11;rgb:')));
  assert.ok(replies.includes('\x1b]4;1;rgb:cdcd/0000/0000\x1b\\'));
  assert.ok(replies.some((r) => r.startsWith('\x1bP>|tsmux')));
});

test('the alternate screen, title and history size are visible', async () => {
  const { term, settle } = make(10, 3);
  term.write('1\r\n2\r\n3\r\n4\r\n5\r\n\x1b]2;my title\x07');
  await settle();
  assert.equal(term.historySize, 3);
  assert.equal(term.title, 'my title');
  term.write('\x1b[?1049hX');
  await settle();
  assert.equal(term.alternateScreen, true);
  // The alternate screen starts blank; the cursor keeps its row.
  assert.deepEqual(term.screenLines(), ['', '', 'X']);
});

test('after user input the echo is parsed at once, not on the next timer tick', () => {
  const { term } = make();
  term.noteUserInput();
  let parsed = false;
  term.write('x', () => (parsed = true));
  // Synchronously applied: no await between write and the check.
  assert.equal(parsed, true);
  assert.equal(term.screenLines()[0], 'x');
});
