// Windows and panes as a user drives them with the default keys: splits with borders on screen,
// moving between panes, new windows in the status line, and layouts that match tmux's strings.

import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { TestTsmux, sleep } from '../harness/tsmux';

const PROMPT = /^\$ ?$/m;

test('C-b % and C-b " split the window; borders are drawn and the active one is green', async () => {
  const t = new TestTsmux();
  try {
    const s = t.start(['new-session', '-s', 'split'], { cols: 81, rows: 25 });
    await s.waitFor(PROMPT);
    s.write('\x02%');
    await s.waitFor((x) => x.line(5)[40] === '│', 5000, 'vertical border at column 40');
    // The new pane (right) is active. With two panes side by side tmux 3.3a (pane-border-indicators
    // colour) gives each pane half the border: the lower half is the right pane's, in green.
    assert.deepEqual([s.cell(40, 15).fgMode, s.cell(40, 15).fg], ['palette', 2]);
    assert.equal(s.cell(40, 5).fgMode, 'default');
    s.write('\x02"');
    await s.waitFor((x) => x.line(12).slice(41).startsWith('─'), 5000, 'horizontal border in the right pane');
    let r = await t.run(['list-panes', '-F', '#{pane_index} #{pane_width}x#{pane_height} #{pane_active}']);
    assert.equal(r.stdout, '0 40x24 0\n1 40x12 0\n2 40x11 1\n');
    r = await t.run(['display', '-p', '#{window_layout}']);
    assert.equal(r.stdout, '903a,81x24,0,0{40x24,0,0,0,40x24,41,0[40x12,41,0,1,40x11,41,13,2]}\n');

    // Typing goes to the active pane; C-b Left moves to the left pane.
    s.write('echo in-pane-two\r');
    await s.waitFor((x) => x.lines().some((l) => l.slice(41).startsWith('in-pane-two')), 5000, 'output in the bottom-right pane');
    s.write('\x02\x1b[D');
    await sleep(200);
    s.write('echo in-pane-zero\r');
    await s.waitFor((x) => x.lines().some((l) => l.startsWith('in-pane-zero')), 5000, 'output in the left pane');
    r = await t.run(['display', '-p', '#{pane_index}']);
    assert.equal(r.stdout, '0\n');
    // C-b ; goes back; C-b o cycles.
    s.write('\x02;');
    await sleep(200);
    assert.equal((await t.run(['display', '-p', '#{pane_index}'])).stdout, '2\n');
    s.write('\x02o');
    await sleep(200);
    assert.equal((await t.run(['display', '-p', '#{pane_index}'])).stdout, '0\n');
    // Exiting a pane's shell closes the pane and gives its room back.
    s.write('exit\r');
    await s.waitFor((x) => x.line(5)[40] !== '│' || x.line(5).length < 41, 5000, 'left pane gone');
    r = await t.run(['list-panes', '-F', '#{pane_width}x#{pane_height}']);
    assert.equal(r.stdout, '81x12\n81x11\n');
  } finally {
    await t.cleanup();
  }
});

test('C-b c, n, p, l and digits move between windows shown in the status line', async () => {
  const t = new TestTsmux();
  try {
    const s = t.start(['new-session', '-s', 'wins'], { cols: 80, rows: 24 });
    await s.waitFor(PROMPT);
    s.write('\x02c');
    await s.waitFor((x) => /^\[wins\] 0:bash- 1:bash\*/.test(x.line(23)), 5000, 'two windows in the status line');
    s.write('\x02c');
    await s.waitFor((x) => /0:bash {2}1:bash- 2:bash\*/.test(x.line(23)), 5000, 'three windows');
    s.write('\x020');
    await s.waitFor((x) => /0:bash\* 1:bash {2}2:bash-/.test(x.line(23)), 5000, 'C-b 0');
    s.write('\x02n');
    await s.waitFor((x) => /1:bash\*/.test(x.line(23)), 5000, 'C-b n');
    s.write('\x02p');
    await s.waitFor((x) => /0:bash\*/.test(x.line(23)), 5000, 'C-b p');
    s.write('\x02l');
    await s.waitFor((x) => /1:bash\*/.test(x.line(23)), 5000, 'C-b l');
    const r = await t.run(['list-windows', '-F', '#{window_index}#{window_flags}']);
    assert.equal(r.stdout, '0-\n1*\n2\n');
    // The windows are separate: each has its own screen.
    s.write('echo only-in-window-one\r');
    await s.waitFor(/^only-in-window-one$/m);
    s.write('\x022');
    await s.waitFor((x) => /2:bash\*/.test(x.line(23)));
    assert.doesNotMatch(s.text(), /only-in-window-one$/m);
  } finally {
    await t.cleanup();
  }
});

test('resizing the client resizes every pane proportionally, as tmux does', async () => {
  const t = new TestTsmux();
  try {
    const s = t.start(['new-session', '-s', 'rs'], { cols: 120, rows: 41 });
    await s.waitFor(PROMPT);
    await t.run(['split-window', '-h']);
    await t.run(['split-window', '-v']);
    s.resize(100, 31);
    await sleep(400);
    const r = await t.run(['display', '-p', '#{window_layout}']);
    // What tmux 3.3a gives for the same splits and resize (120x40 → 100x30).
    assert.equal(r.stdout, '77dd,100x30,0,0{50x30,0,0,0,49x30,51,0[49x15,51,0,1,49x14,51,16,2]}\n');
  } finally {
    await t.cleanup();
  }
});
