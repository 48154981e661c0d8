// What a pane draws reaches the user's terminal intact (colours, attributes, wide characters, the
// alternate screen, cursor shape), and what the user types reaches the program encoded for its modes.

import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TestTsmux, sleep } from '../harness/tsmux';

const PROMPT = /^\$ ?$/m;

test('colours, attributes, wide characters and combining marks are drawn as the program drew them', async () => {
  const t = new TestTsmux();
  try {
    const script = path.join(t.home, 'draw.sh');
    fs.writeFileSync(
      script,
      [
        'printf "\\033[H\\033[2J"',
        'printf "\\033[31mR\\033[0m\\033[38;5;208mO\\033[0m\\033[38;2;10;20;30mT\\033[0m\\033[1mB\\033[0m\\033[3mI\\033[0m\\033[4mU\\033[0m\\033[7mV\\033[0m\\n"',
        'printf "中文😀e\\314\\201|\\n"',
        'printf "\\033[44m  blue  \\033[0m\\n"',
        'printf "\\033[5 q"',
        'sleep 60',
      ].join('\n'),
    );
    const s = t.start(['new-session', '-s', 'draw', `bash ${script}`], { cols: 40, rows: 10 });
    await s.waitFor((x) => x.line(1).startsWith('中文'), 10000, 'second line');
    await s.settle(200);
    const c = (x: number, y: number) => s.cell(x, y);
    assert.deepEqual([c(0, 0).char, c(0, 0).fgMode, c(0, 0).fg], ['R', 'palette', 1]);
    assert.deepEqual([c(1, 0).fgMode, c(1, 0).fg], ['palette', 208]);
    // xterm-256color client without COLORTERM: 24-bit colour is downgraded to the 256 palette.
    assert.equal(c(2, 0).fgMode, 'palette');
    assert.equal(c(3, 0).bold, true);
    assert.equal(c(4, 0).italic, true);
    assert.equal(c(5, 0).underline, true);
    assert.equal(c(6, 0).inverse, true);
    assert.deepEqual([c(0, 1).char, c(0, 1).width, c(1, 1).width, c(2, 1).char], ['中', 2, 0, '文']);
    assert.deepEqual([c(4, 1).char, c(4, 1).width], ['😀', 2]);
    assert.equal(c(6, 1).char, 'e\u0301');
    assert.equal(c(7, 1).char, '|');
    assert.deepEqual([c(0, 2).bgMode, c(0, 2).bg], ['palette', 4]);
    assert.match(s.output, /\x1b\[5 q/, 'cursor shape passed on');
  } finally {
    await t.cleanup();
  }
});

test('24-bit colour reaches a client whose terminal says COLORTERM=truecolor', async () => {
  const t = new TestTsmux();
  try {
    const s = t.start(['new-session', '-s', 'rgb', "printf '\\033[38;2;10;20;30mT\\033[0m'; sleep 60"], {
      cols: 20, rows: 5, env: { COLORTERM: 'truecolor' },
    });
    await s.waitFor((x) => x.cell(0, 0).char === 'T', 10000);
    assert.deepEqual([s.cell(0, 0).fgMode, s.cell(0, 0).fg], ['rgb', 0x0a141e]);
  } finally {
    await t.cleanup();
  }
});

test('the alternate screen and scroll regions: leaving vim-like programs restores the shell screen', async () => {
  const t = new TestTsmux();
  try {
    const s = t.start(['new-session', '-s', 'alt'], { cols: 40, rows: 10 });
    await s.waitFor(PROMPT);
    s.write('echo on-the-main-screen\r');
    await s.waitFor(/^on-the-main-screen$/m);
    // Enter the alternate screen, set a scroll region, scroll inside it, then leave.
    s.write("printf '\\033[?1049h\\033[H\\033[2Jtop\\033[3;5r\\033[5;1Ha\\nb\\nc\\n'; sleep 0.5; printf '\\033[r\\033[?1049l'\r");
    await s.waitFor(/^top$/m, 5000, 'alternate screen content');
    assert.doesNotMatch(s.text(), /on-the-main-screen/);
    // The scroll region kept "top" on row 0 while rows 3–5 scrolled.
    assert.equal(s.line(0), 'top');
    await s.waitFor(/on-the-main-screen/, 5000, 'main screen back');
    assert.doesNotMatch(s.text(), /^top$/m);
  } finally {
    await t.cleanup();
  }
});

test('keys are encoded for the pane: cursor keys in application mode, C-b C-b, Meta, paste', async () => {
  const t = new TestTsmux();
  try {
    const s = t.start(['new-session', '-s', 'keys'], { cols: 60, rows: 12 });
    await s.waitFor(PROMPT);
    // A program that switches on application cursor keys and bracketed paste, then shows bytes.
    s.write("printf '\\033[?1h\\033[?2004h'; stty raw -echo; head -c 24 | od -An -c | tr -s ' '; stty sane; printf '\\033[?1l\\033[?2004l'\r");
    await sleep(500);
    s.write('\x1b[A'); // the user's Up arrow, in the terminal's normal mode
    s.write('\x02\x02'); // C-b C-b: one C-b reaches the program
    s.write('\x1bx'); // M-x
    s.write('\x1b[200~hi\x1b[201~'); // a paste from the terminal
    s.write('zzzzz');
    // od prints 16 bytes a line: compare with the layout removed.
    const seen = (): string => s.text().replace(/\s+/g, '');
    await s.waitFor(() => seen().includes('033OA002033x033[200~hi033[201~zzzz'), 10000, 'bytes seen by the program');
  } finally {
    await t.cleanup();
  }
});

test('mouse events reach a pane that asked for them, in its encoding', async () => {
  const t = new TestTsmux();
  try {
    const s = t.start(['new-session', '-s', 'mouse'], { cols: 60, rows: 12 });
    await s.waitFor(PROMPT);
    s.write("printf '\\033[?1000h\\033[?1006h'; stty raw -echo; head -c 9 | od -An -c | tr -s ' '; stty sane; printf '\\033[?1000l\\033[?1006l'\r");
    await s.waitFor((x) => x.output.includes('\x1b[?1006h'), 5000, 'client terminal asked for SGR mouse');
    await sleep(200);
    s.write('\x1b[<0;5;3M'); // left press at column 5, row 3 (1-based)
    await s.waitFor(/033 \[ < 0 ; 5 ; 3 M/, 10000, 'SGR mouse report in the pane');
  } finally {
    await t.cleanup();
  }
});

test('a mouse event reaches the active pane of a split at that pane\'s own coordinates', async () => {
  const t = new TestTsmux();
  try {
    const s = t.start(['new-session', '-s', 'mouse-split'], { cols: 81, rows: 12 });
    await s.waitFor(PROMPT);
    // Split left/right: the right pane (columns 41–80) is active.
    s.write('\x02%');
    await s.waitFor((x) => x.line(2)[40] === '│', 5000, 'split border');
    s.write("printf '\\033[?1000h\\033[?1006h'; stty raw -echo; head -c 9 | od -An -c | tr -s ' '; stty sane\r");
    await s.waitFor((x) => x.output.includes('\x1b[?1006h'), 5000, 'client terminal asked for SGR mouse');
    await sleep(200);
    // Column 46, row 3 of the terminal (1-based) is column 5, row 3 of the right pane.
    s.write('\x1b[<0;46;3M');
    await s.waitFor(/033 \[ < 0 ; 5 ; 3 M/, 10000, 'mouse report in pane coordinates');
  } finally {
    await t.cleanup();
  }
});
