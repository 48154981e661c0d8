// Several clients, resizing, and what panes are given: environment, terminal answers, isolation.

import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TestTsmux, sleep } from '../harness/tsmux';

const PROMPT = /^\$ ?$/m;

test('two clients on one session see the same window, and input from either works', async () => {
  const t = new TestTsmux();
  try {
    const a = t.start(['new-session', '-s', 'shared'], { cols: 80, rows: 24 });
    await a.waitFor(PROMPT);
    const b = t.start(['attach', '-t', 'shared'], { cols: 80, rows: 24 });
    await b.waitFor(PROMPT);
    a.write('echo typed-in-a\r');
    await b.waitFor('typed-in-a', 5000, 'output typed in a, seen in b');
    b.write('echo typed-in-b\r');
    await a.waitFor(/^typed-in-b$/m, 5000, 'output typed in b, seen in a');
    const lsc = await t.run(['list-clients']);
    assert.equal(lsc.stdout.trimEnd().split('\n').length, 2);
    assert.match(lsc.stdout, /^\/dev\/pts\/\d+: shared \[80x24 xterm-256color\] \(attached,focused,UTF-8\)$/m);
    const ls = await t.run(['ls']);
    assert.match(ls.stdout, /\(attached\)$/m);
    // One client leaving changes nothing for the other.
    b.write('\x02d');
    await b.waitExit();
    a.write('echo still-here\r');
    await a.waitFor(/^still-here$/m);
    assert.equal((await t.run(['list-clients'])).stdout.trimEnd().split('\n').length, 1);
  } finally {
    await t.cleanup();
  }
});

test('the window follows the size of the latest client, and a resize reaches the program', async () => {
  const t = new TestTsmux();
  try {
    const a = t.start(['new-session', '-s', 'rs'], { cols: 100, rows: 30 });
    await a.waitFor(PROMPT);
    a.write('stty size\r');
    await a.waitFor(/^29 100$/m, 5000, 'pane is the client size less the status line');
    a.resize(60, 20);
    await sleep(300);
    a.write('clear; stty size\r');
    await a.waitFor(/^19 60$/m, 5000, 'pane resized with the client');
    await a.waitFor((s) => s.line(19).startsWith('[rs] 0:'), 5000, 'status line on the new last row');
    const r = await t.run(['display-message', '-p', '-t', 'rs', '#{window_width}x#{window_height} #{client_width}']);
    assert.match(r.stdout, /^60x19 /);
  } finally {
    await t.cleanup();
  }
});

test('a pane gets TERM, TSMUX, the client cwd and a login shell; nesting is refused', async () => {
  const t = new TestTsmux();
  try {
    const work = path.join(t.home, 'work dir');
    fs.mkdirSync(work);
    const a = t.start(['new-session', '-s', 'env'], { cwd: work });
    await a.waitFor(PROMPT);
    a.write('shopt -q login_shell && L=login; echo "T=$TERM P=$TSMUX_PANE D=$PWD L=$L"; echo "S=${TSMUX%%,*}"\r');
    await a.waitFor(/^T=(tmux|screen)-256color P=%0 D=.*work dir L=login$/m, 5000, 'environment line');
    await a.waitFor(new RegExp(`^S=${t.socketPath.replace(/[/.]/g, '\\$&')}$`, 'm'));
    a.write(`clear; ${path.resolve(__dirname, '../../../bin/tsmux')} new\r`);
    await a.waitFor('sessions should be nested with care, unset $TSMUX to force');
    // But the command line inside a pane reaches this server (TSMUX names it).
    a.write('clear; ' + path.resolve(__dirname, '../../../bin/tsmux') + ' ls -F "#{session_name}!"\r');
    await a.waitFor(/^env!$/m);
  } finally {
    await t.cleanup();
  }
});

test('terminal queries from programs are answered by the server, not echoed as garbage', async () => {
  const t = new TestTsmux();
  try {
    const a = t.start(['new-session', '-s', 'q']);
    await a.waitFor(PROMPT);
    // Cursor position report (DSR 6) and primary device attributes (DA1).
    a.write(`clear; printf '\\033[6n'; IFS= read -rsd R pos; printf '\\033[c'; IFS= read -rsd c da; echo "POS=\${pos#?} DA=\${da#?}"\r`);
    await a.waitFor(/POS=\[\d+;\d+ DA=\[\?[\d;]+$/m, 5000, 'answers read by the program');
    assert.doesNotMatch(a.text(), /\^\[\[/, 'no raw escape sequences on screen');
  } finally {
    await t.cleanup();
  }
});

test('a program printing random bytes does not hurt the server', async () => {
  const t = new TestTsmux();
  try {
    const a = t.start(['new-session', '-s', 'noise']);
    await a.waitFor(PROMPT);
    a.write('head -c 300000 /dev/urandom; printf "\\033c"; echo; echo survived-noise\r');
    await a.waitFor(/survived-noise/, 30000);
    const r = await t.run(['has', '-t', 'noise']);
    assert.equal(r.code, 0);
    // The noise contains terminal queries whose answers reach bash as typed input (as in tmux):
    // clear the line before typing.
    await a.settle(300);
    a.write('\x03');
    await a.settle(300);
    a.write('echo still-$((6*7))\r');
    await a.waitFor(/still-42/, 30000);
  } finally {
    await t.cleanup();
  }
});

test("a pane's processes cannot see other panes' pty file descriptors", async () => {
  const t = new TestTsmux();
  try {
    await t.run(['new', '-d', '-s', 'first', 'sleep 60']);
    const out = path.join(t.home, 'fds.txt');
    await t.run(['new', '-d', '-s', 'second', `ls -l /proc/$$/fd > '${out}' 2>&1; sleep 60`]);
    for (let i = 0; i < 100 && !fs.existsSync(out); i++) await sleep(50);
    await sleep(100);
    const listing = fs.readFileSync(out, 'utf8');
    const ptys = listing.split('\n').filter((l) => /\/dev\/(ptmx|pts\/)/.test(l)).map((l) => l.replace(/.*-> /, ''));
    assert.ok(ptys.length >= 1, listing);
    assert.equal(new Set(ptys).size, 1, `only its own terminal:\n${listing}`);
    assert.ok(!ptys.includes('/dev/ptmx'), `no pty master:\n${listing}`);
  } finally {
    await t.cleanup();
  }
});

test('bare tsmux is new-session; new -A attaches to an existing one; attach -d detaches the others', async () => {
  const t = new TestTsmux();
  try {
    const bare = t.start([], { cols: 80, rows: 24 });
    await bare.waitFor(PROMPT);
    assert.equal((await t.run(['ls', '-F', '#{session_name}'])).stdout, '0\n');
    const again = t.start(['new-session', '-A', '-s', '0'], { cols: 80, rows: 24 });
    await again.waitFor(PROMPT);
    assert.equal((await t.run(['ls', '-F', '#{session_name} #{session_attached}'])).stdout, '0 2\n');
    const exclusive = t.start(['attach', '-d', '-t', '0'], { cols: 80, rows: 24 });
    await exclusive.waitFor(PROMPT);
    await bare.waitExit();
    await again.waitExit();
    assert.match(bare.output, /\[detached \(from session 0\)\]/);
    assert.equal((await t.run(['ls', '-F', '#{session_attached}'])).stdout, '1\n');
  } finally {
    await t.cleanup();
  }
});

test('new-session -e sets the environment and -c the directory of the first pane', async () => {
  const t = new TestTsmux();
  try {
    const out = path.join(t.home, 'env.txt');
    const r = await t.run(['new', '-d', '-s', 'e', '-e', 'GREETING=hello there', '-c', '/tmp', `echo "$GREETING|$PWD" > '${out}'; sleep 30`]);
    assert.equal(r.code, 0, r.stderr);
    for (let i = 0; i < 100 && !fs.existsSync(out); i++) await sleep(30);
    await sleep(50);
    assert.equal(fs.readFileSync(out, 'utf8'), 'hello there|/tmp\n');
  } finally {
    await t.cleanup();
  }
});
