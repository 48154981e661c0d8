// Panes as a user sees them: zoom filling the window with the Z flag in the status line,
// display-panes numbers and picking a pane by typing one, pane-border-status titles and
// pane-border-lines, the marked pane, and remain-on-exit's dead pane brought back by respawn-pane.
// What is expected on screen was checked against tmux 3.3a in a terminal of the same size.

import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { TestTsmux, sleep } from '../harness/tsmux';
import type { Screen } from '../harness/screen';

const PROMPT = /^\$ ?$/m;

async function attached(t: TestTsmux, cols = 80, rows = 24): Promise<Screen> {
  const s = t.start(['new-session', '-s', 'p'], { cols, rows });
  await s.waitFor(PROMPT);
  return s;
}

async function display(t: TestTsmux, format: string, target?: string): Promise<string> {
  const r = await t.run(['display-message', '-p', ...(target ? ['-t', target] : []), format]);
  return r.stdout.trimEnd();
}

test('resize-pane -Z zooms the pane to the whole window with Z in the status line; a split unzooms', async () => {
  const t = new TestTsmux();
  try {
    const s = await attached(t, 81, 25);
    await t.run(['split-window', '-h']);
    await s.waitFor((x) => x.line(5)[40] === '│', 5000, 'the border between the panes');
    await t.run(['select-pane', '-t', '%0']);
    await t.run(['resize-pane', '-Z']);
    await s.waitFor((x) => /^\[p\] 0:bash\*Z/.test(x.line(24)), 5000, 'Z flag in the status line');
    await s.waitFor((x) => !x.lines().some((l) => l.includes('│')), 5000, 'no border while zoomed');
    assert.equal(await display(t, '#{window_zoomed_flag} #{pane_width}x#{pane_height} #{window_flags}'), '1 81x24 *Z');
    // Typing goes to the zoomed pane, which spans the screen.
    s.write('echo zoomed-pane-output-that-is-wider-than-forty-columns\r');
    await s.waitFor(/^zoomed-pane-output-that-is-wider-than-forty-columns$/m);
    // resize-pane -Z again unzooms.
    await t.run(['resize-pane', '-Z']);
    await s.waitFor((x) => x.line(5)[40] === '│' && /^\[p\] 0:bash\* /.test(x.line(24)), 5000, 'unzoomed');
    assert.equal(await display(t, '#{window_zoomed_flag} #{pane_width}x#{pane_height}'), '0 40x24');
    // Splitting a zoomed window unzooms it first, as tmux does.
    await t.run(['resize-pane', '-Z']);
    await s.waitFor((x) => /0:bash\*Z/.test(x.line(24)));
    await t.run(['split-window', '-v']);
    await s.waitFor((x) => /^\[p\] 0:bash\* /.test(x.line(24)) && x.line(5)[40] === '│', 5000, 'unzoomed by the split');
    const r = await t.run(['list-panes', '-F', '#{pane_id} #{pane_width}x#{pane_height}']);
    assert.equal(r.stdout, '%0 40x12\n%2 40x11\n%1 40x24\n');
  } finally {
    await t.cleanup();
  }
});

test('display-panes shows each pane number large, in the active and inactive colours; typing one selects it', async () => {
  const t = new TestTsmux();
  try {
    const s = await attached(t);
    await t.run(['split-window', '-h']);
    await s.waitFor((x) => x.line(5)[40] === '│');
    await t.run(['display-panes', '-d', '0', '-b']);
    // tmux 3.3a, 80x24: pane 0 (40x23) has its 0 at columns 17-21, rows 9-13, in display-panes-colour
    // (blue); pane 1 (39x23, active) its 1 in column 61 in display-panes-active-colour (red); each
    // pane's size in its top right corner.
    await s.waitFor((x) => x.cell(17, 9).bgMode === 'palette', 5000, 'the large 0');
    for (const [x, y] of [[17, 9], [21, 9], [17, 13], [21, 11]]) assert.deepEqual([s.cell(x, y).bgMode, s.cell(x, y).bg], ['palette', 4], `0 at ${x},${y}`);
    assert.equal(s.cell(19, 11).bgMode, 'default', 'the middle of the 0 is open');
    for (let y = 9; y <= 13; y++) assert.deepEqual([s.cell(61, y).bgMode, s.cell(61, y).bg], ['palette', 1], `1 at 61,${y}`);
    assert.equal(s.cell(57, 9).bgMode, 'default');
    assert.equal(s.line(0).slice(35, 40), '40x23');
    assert.equal(s.line(0).slice(76, 80), '9x23');
    assert.deepEqual([s.cell(35, 0).fgMode, s.cell(35, 0).fg], ['palette', 4]);
    // Typing 0 picks pane 0 and takes the numbers away.
    s.write('0');
    await s.waitFor((x) => x.cell(17, 9).bgMode === 'default', 5000, 'numbers gone');
    assert.equal(await display(t, '#{pane_index}'), '0');

    // Without -b the command waits until the numbers go. A letter is an index too (a is 10), so
    // it is used up even with no such pane; a key that is neither goes on to the pane.
    let waiting = t.run(['display-panes', '-d', '0']);
    await s.waitFor((x) => x.cell(61, 9).bgMode === 'palette', 5000, 'numbers again');
    s.write('x');
    assert.equal((await waiting).code, 0);
    await s.waitFor((x) => x.cell(61, 9).bgMode === 'default', 5000, 'numbers gone after x');
    waiting = t.run(['display-panes', '-d', '0']);
    await s.waitFor((x) => x.cell(61, 9).bgMode === 'palette', 5000, 'numbers once more');
    s.write('-');
    assert.equal((await waiting).code, 0);
    await s.waitFor((x) => x.cell(61, 9).bgMode === 'default' && /^\$ -$/.test(x.line(0).slice(0, 40).trimEnd()), 5000, '- typed into pane 0');
    // A template runs with %% replaced by the pane id.
    await t.run(['display-panes', '-d', '0', '-b', 'select-pane -t %% -T picked']);
    await s.waitFor((x) => x.cell(61, 9).bgMode === 'palette');
    s.write('1');
    await s.waitFor((x) => x.cell(61, 9).bgMode === 'default');
    await sleep(200);
    assert.equal(await display(t, '#{pane_title}', '%1'), 'picked');
    // A small pane gets a small number.
    await t.run(['resize-pane', '-t', '%1', '-x', '4']);
    await t.run(['display-panes', '-d', '0', '-b']);
    await s.waitFor((x) => x.cell(78, 11).char === '1' && x.cell(78, 11).fgMode === 'palette', 5000, 'small 1 in the narrow pane');
  } finally {
    await t.cleanup();
  }
});

test('pane-border-status draws each pane title in its border line; pane-border-lines changes the lines', async () => {
  const t = new TestTsmux();
  try {
    const s = await attached(t);
    await t.run(['set-option', '-g', 'pane-border-status', 'top']);
    await t.run(['split-window', '-h']);
    await t.run(['select-pane', '-t', '%0', '-T', 'left']);
    await t.run(['select-pane', '-t', '%1', '-T', 'right']);
    // tmux 3.3a, 80x24, pane 1 active.
    const top = '──0 "left"──────────────────────────────┬──1 "right"────────────────────────────';
    await s.waitFor((x) => x.line(0) === top, 5000, 'titles in the top border');
    // The active pane's index is reversed (pane-border-format), its line in the active border style.
    assert.equal(s.cell(43, 0).inverse, true);
    assert.equal(s.cell(2, 0).inverse, false);
    assert.deepEqual([s.cell(50, 0).fgMode, s.cell(50, 0).fg], ['palette', 2]);
    assert.equal(s.cell(10, 0).fgMode, 'default');
    // The panes lose their top line to it.
    const r = await t.run(['list-panes', '-F', '#{pane_width}x#{pane_height} #{pane_top} #{pane_at_top} #{pane_at_bottom}']);
    assert.equal(r.stdout, '40x22 1 1 1\n39x22 1 1 1\n');

    await t.run(['set-option', '-g', 'pane-border-lines', 'double']);
    await s.waitFor((x) => x.line(0).startsWith('══0 "left"') && x.line(0)[40] === '╦' && x.line(5)[40] === '║', 5000, 'double lines');
    await t.run(['set-option', '-g', 'pane-border-lines', 'heavy']);
    await s.waitFor((x) => x.line(0)[40] === '┳' && x.line(5)[40] === '┃', 5000, 'heavy lines');
    await t.run(['set-option', '-g', 'pane-border-lines', 'number']);
    await s.waitFor((x) => x.line(5)[40] === '1', 5000, 'numbered lines');

    // Bottom status lines, simple lines, and a zoomed pane keeps its status line.
    await t.run(['set-option', '-g', 'pane-border-lines', 'simple']);
    await t.run(['set-option', '-g', 'pane-border-status', 'bottom']);
    await t.run(['split-window', '-v']);
    await t.run(['select-pane', '-t', '%2', '-T', 'third']);
    await s.waitFor((x) => x.line(22).startsWith('--0 "left"') && x.line(22).includes('+--2 "third"'), 5000, 'bottom titles');
    await t.run(['resize-pane', '-Z', '-t', '%0']);
    await s.waitFor((x) => x.line(22) === '--0 "left"' + '-'.repeat(70), 5000, 'zoomed pane status line');
  } finally {
    await t.cleanup();
  }
});

test('the marked pane has a reversed border, M in the window flags, and is the default source of swap-pane', async () => {
  const t = new TestTsmux();
  try {
    const s = await attached(t);
    await t.run(['split-window', '-h']);
    await t.run(['select-pane', '-m', '-t', '%0']);
    await s.waitFor((x) => /^\[p\] 0:bash\*M/.test(x.line(23)), 5000, 'M flag');
    assert.equal(s.cell(40, 5).inverse, true);
    assert.equal(await display(t, '#{pane_marked} #{pane_marked_set}', '%0'), '1 1');
    await t.run(['swap-pane', '-t', '%1']);
    const r = await t.run(['list-panes', '-F', '#{pane_id}']);
    assert.equal(r.stdout, '%1\n%0\n');
    await t.run(['select-pane', '-M']);
    await s.waitFor((x) => /^\[p\] 0:bash\* /.test(x.line(23)) && !x.cell(40, 5).inverse, 5000, 'mark cleared');
    const e = await t.run(['select-pane', '-t', '{marked}']);
    assert.deepEqual([e.code, e.stderr], [1, 'no marked target\n']);
  } finally {
    await t.cleanup();
  }
});

test('select-pane -d stops input to a pane until -e', async () => {
  const t = new TestTsmux();
  try {
    const s = await attached(t);
    await t.run(['select-pane', '-d']);
    assert.equal(await display(t, '#{pane_input_off}'), '1');
    s.write('echo typed-while-off\r');
    await t.run(['send-keys', 'echo sent-while-off', 'Enter']);
    await sleep(400);
    assert.doesNotMatch(s.text(), /typed-while-off|sent-while-off/);
    await t.run(['select-pane', '-e']);
    s.write('echo typed-while-on\r');
    await s.waitFor(/^typed-while-on$/m);
  } finally {
    await t.cleanup();
  }
});

test('remain-on-exit keeps a dead pane with "Pane is dead"; respawn-pane starts it again', async () => {
  const t = new TestTsmux();
  try {
    const s = await attached(t);
    await t.run(['set-option', '-g', 'remain-on-exit', 'on']);
    await t.run(['split-window', '-h', 'echo goodbye; exit 3']);
    await s.waitFor((x) => /^Pane is dead \(status 3, \w{3} \w{3} [ \d]\d \d\d:\d/.test(x.line(22).slice(41)), 5000, 'the dead line');
    let r = await t.run(['list-panes']);
    assert.match(r.stdout, /^1: \[39x23\] .* %1 \(active\) \(dead\)$/m);
    assert.equal(await display(t, '#{pane_dead} #{pane_dead_status}', '%1'), '1 3');
    // A dead pane takes no input, and the window stays.
    s.write('echo nothing\r');
    r = await t.run(['respawn-pane', '-t', '%0']);
    assert.deepEqual([r.code, r.stderr], [1, 'respawn pane failed: pane p:0.0 still active\n']);
    r = await t.run(['respawn-pane', '-t', '%1', 'echo born-again; exec sleep 60']);
    assert.equal(r.code, 0, r.stderr);
    await s.waitFor((x) => x.line(0).slice(41).startsWith('born-again') && !x.text().includes('Pane is dead'), 5000, 'respawned');
    assert.equal(await display(t, '#{pane_dead} #{pane_id} #{pane_start_command}', '%1'), '0 %1 "echo born-again; exec sleep 60"');
    r = await t.run(['respawn-pane', '-t', '%1']);
    assert.deepEqual([r.code, r.stderr], [1, 'respawn pane failed: pane p:0.1 still active\n']);
    // -k kills what runs and starts the same command again.
    r = await t.run(['respawn-pane', '-k', '-t', '%1']);
    assert.equal(r.code, 0, r.stderr);
    await s.waitFor((x) => x.line(0).slice(41).startsWith('born-again'), 5000, 'respawned with -k');

    // remain-on-exit failed: a program that exits 0 closes its pane, one that fails stays.
    await t.run(['set-option', '-g', 'remain-on-exit', 'failed']);
    await t.run(['split-window', '-v', '-t', '%0', 'exit 0']);
    await t.run(['split-window', '-v', '-t', '%0', 'exit 1']);
    await s.waitFor((x) => x.text().includes('Pane is dead (status 1,'), 5000, 'the failed pane stays');
    await sleep(300);
    r = await t.run(['list-panes', '-F', '#{pane_id}#{?pane_dead, dead,}']);
    assert.equal(r.stdout, '%0\n%3 dead\n%1\n');
  } finally {
    await t.cleanup();
  }
});

test('without remain-on-exit the last pane exiting closes the window', async () => {
  const t = new TestTsmux();
  try {
    await t.run(['new-session', '-d', '-s', 'q']);
    await t.run(['new-window', '-t', 'q', 'exit 0']);
    await sleep(500);
    const r = await t.run(['list-windows', '-t', 'q', '-F', '#{window_index}']);
    assert.equal(r.stdout, '0\n');
  } finally {
    await t.cleanup();
  }
});
