// Alerts (bell, activity, silence) as the status line shows them, messages (display-message, errors
// from key bindings, the message log) and clock mode, driven as a user would.

import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { TestTsmux, sleep } from '../harness/tsmux';
import type { Screen } from '../harness/screen';
import { clockCells, clockText } from '../../src/commands/clock-mode';
import { COLOR_PALETTE } from '../../src/emulator/cell';

const PROMPT = /^\$ ?$/m;

async function ok(t: TestTsmux, args: string[]): Promise<void> {
  const r = await t.run(args);
  assert.equal(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
}

async function setOption(t: TestTsmux, args: string[]): Promise<boolean> {
  const r = await t.run(['set-option', ...args]);
  if (/unknown command/.test(r.stderr)) return false;
  assert.equal(r.code, 0, r.stderr);
  return true;
}

function statusLine(s: Screen): string {
  return s.line(s.term.rows - 1);
}

/** The column where `text` starts on the status line. */
function statusColumn(s: Screen, text: string): number {
  const at = statusLine(s).indexOf(text);
  assert.ok(at >= 0, `${text} in ${statusLine(s)}`);
  return at;
}

test('a bell in another window shows ! in reverse on the status line until the window is viewed', async () => {
  const t = new TestTsmux();
  try {
    const s = t.start(['new-session', '-s', 'bell'], { cols: 80, rows: 24 });
    await s.waitFor(PROMPT);
    await ok(t, ['new-window', '-d', '-n', 'ringer', 'sleep 0.5; printf "\\a"; exec sleep 100']);
    await s.waitFor((x) => statusLine(x).startsWith('[bell] 0:bash* 1:ringer!'), 10000, 'bell flag');
    // window-status-bell-style: reverse.
    assert.equal(s.cell(statusColumn(s, '1:ringer!'), 23).inverse, true);
    assert.equal(s.cell(statusColumn(s, '0:bash*'), 23).inverse, false);
    let r = await t.run(['display', '-p', '-t', ':1', '#{window_bell_flag} #{window_flags} #{session_alerts}']);
    assert.equal(r.stdout, '1 ! 1!\n');
    // bell-action any, visual-bell off: the bell reaches the client's terminal.
    assert.ok(s.output.includes('\x07'));
    // next-window -a goes to the next window with an alert; viewing it clears the flag.
    r = await t.run(['previous-window', '-a']);
    assert.equal(r.code, 0, r.stderr);
    await s.waitFor((x) => statusLine(x).startsWith('[bell] 0:bash- 1:ringer*'), 5000, 'flag cleared');
    r = await t.run(['display', '-p', '-t', ':1', '#{window_bell_flag}']);
    assert.equal(r.stdout, '0\n');
    r = await t.run(['next-window', '-a']);
    assert.deepEqual([r.code, r.stderr], [1, 'no next window\n']);
  } finally {
    await t.cleanup();
  }
});

test('monitor-activity marks a busy window with # and visual-activity says so', async (ctx) => {
  const t = new TestTsmux();
  try {
    const s = t.start(['new-session', '-s', 'act'], { cols: 80, rows: 24 });
    await s.waitFor(PROMPT);
    await ok(t, ['new-window', '-d', '-n', 'busy', 'sleep 1; echo output; exec sleep 100']);
    if (!(await setOption(t, ['-g', 'monitor-activity', 'on']))) return ctx.skip('set-option is not on this branch');
    await setOption(t, ['-g', 'visual-activity', 'on']);
    await s.waitFor((x) => statusLine(x).startsWith('Activity in window 1'), 10000, 'activity message');
    await s.waitFor((x) => statusLine(x).startsWith('[act] 0:bash* 1:busy#'), 10000, 'activity flag');
    assert.equal(s.cell(statusColumn(s, '1:busy#'), 23).inverse, true);
    assert.equal((await t.run(['display', '-p', '-t', ':1', '#{window_activity_flag}#{window_raw_flags}'])).stdout, '1#\n');
  } finally {
    await t.cleanup();
  }
});

test('monitor-silence marks a quiet window with ~', async (ctx) => {
  const t = new TestTsmux();
  try {
    const s = t.start(['new-session', '-s', 'quiet'], { cols: 80, rows: 24 });
    await s.waitFor(PROMPT);
    await ok(t, ['new-window', '-d', '-n', 'still', 'exec sleep 100']);
    if (!(await setOption(t, ['-g', 'monitor-silence', '1']))) return ctx.skip('set-option is not on this branch');
    await s.waitFor((x) => statusLine(x).startsWith('[quiet] 0:bash* 1:still~'), 10000, 'silence flag');
  } finally {
    await t.cleanup();
  }
});

test('display-message -d sets how long a message stays; 0 keeps it until a key; the log has it', async () => {
  const t = new TestTsmux();
  try {
    const s = t.start(['new-session', '-s', 'msg'], { cols: 80, rows: 24 });
    await s.waitFor(PROMPT);
    await ok(t, ['display-message', '-d', '200', 'brief #{session_name}']);
    await s.waitFor((x) => statusLine(x).startsWith('brief msg'), 5000, 'message');
    await s.waitFor((x) => statusLine(x).startsWith('[msg] 0:bash*'), 5000, 'message gone by itself');
    await ok(t, ['display-message', '-d', '0', 'sticky']);
    await s.waitFor((x) => statusLine(x).startsWith('sticky'), 5000, 'sticky message');
    // message-style: black on yellow.
    assert.deepEqual([s.cell(0, 23).fg, s.cell(0, 23).bg], [0, 3]);
    await sleep(1200);
    assert.match(statusLine(s), /^sticky/);
    s.write('x');
    await s.waitFor((x) => statusLine(x).startsWith('[msg]'), 5000, 'a key dismisses it');
    // The key still reaches the pane.
    await s.waitFor(/^\$ x/m, 5000, 'key typed');
    const r = await t.run(['show-messages']);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trim().split('\n');
    // Newest first: this show-messages command itself, then what came before.
    assert.match(lines[0], /^\d\d:\d\d: client-\d+ command: show-messages$/);
    assert.ok(lines.some((l) => /: \/dev\/pts\/\d+ message: sticky$/.test(l)), r.stdout);
    assert.ok(lines.some((l) => /: client-\d+ command: display-message -d 200 "brief #\{session_name\}"$/.test(l)), r.stdout);
  } finally {
    await t.cleanup();
  }
});

test('display-message -N keeps keys from dismissing it; errors from key bindings are capitalised', async () => {
  const t = new TestTsmux();
  try {
    const s = t.start(['new-session', '-s', 'keys'], { cols: 80, rows: 24 });
    await s.waitFor(PROMPT);
    await ok(t, ['display-message', '-N', '-d', '3000', 'no keys']);
    await s.waitFor((x) => statusLine(x).startsWith('no keys'), 5000, 'message');
    s.write('y');
    await sleep(300);
    assert.match(statusLine(s), /^no keys/);
    assert.doesNotMatch(s.text(), /^\$ y/m);
    await s.waitFor((x) => statusLine(x).startsWith('[keys]'), 8000, 'message timed out');
    s.write('\x02n');
    await s.waitFor((x) => statusLine(x).startsWith('No next window'), 5000, 'error message');
  } finally {
    await t.cleanup();
  }
});

test('clock-mode draws the time in big digits; any key leaves it', async () => {
  const t = new TestTsmux();
  try {
    const s = t.start(['new-session', '-s', 'clock'], { cols: 80, rows: 24 });
    await s.waitFor(PROMPT);
    await ok(t, ['clock-mode']);
    const blue = (x: Screen, cx: number, cy: number): boolean => {
      const c = x.cell(cx, cy);
      return c.bgMode === 'palette' && c.bg === 4;
    };
    const matches = (x: Screen, date: Date): boolean => {
      const cells = clockCells(clockText(date, '24'), 80, 23, COLOR_PALETTE | 4);
      const set = new Set(cells.map((c) => `${c.x},${c.y}`));
      for (let y = 0; y < 23; y++) for (let cx = 0; cx < 80; cx++) if (blue(x, cx, y) !== set.has(`${cx},${y}`)) return false;
      return true;
    };
    // The minute may turn while we look: accept the clock for now or a minute ago.
    await s.waitFor((x) => matches(x, new Date()) || matches(x, new Date(Date.now() - 60000)), 5000, 'the clock');
    assert.equal((await t.run(['display', '-p', '#{pane_mode} #{pane_in_mode}'])).stdout, 'clock-mode 1\n');
    s.write('q');
    await s.waitFor((x) => !blue(x, 40, 11) && !blue(x, 35, 9) && PROMPT.test(x.text()), 5000, 'clock gone');
    assert.equal((await t.run(['display', '-p', '#{pane_in_mode}'])).stdout, '0\n');
  } finally {
    await t.cleanup();
  }
});
