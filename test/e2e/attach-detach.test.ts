// The story of issue 2, as a user lives it: start a session, edit in vim without saving, leave
// (detach, a killed client, a hung-up terminal), come back and find everything as it was.

import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TestTsmux, sleep } from '../harness/tsmux';
import type { Screen } from '../harness/screen';

const PROMPT = /^\$ ?$/m;

async function startVimSession(t: TestTsmux, name: string): Promise<Screen> {
  const screen = t.start(['new-session', '-s', name], { cols: 80, rows: 24 });
  await screen.waitFor(PROMPT, 15000, 'the shell prompt');
  screen.write('vim -N -i NONE my_important_file.txt\r');
  await screen.waitFor('"my_important_file.txt" [New]', 15000, 'vim');
  screen.write('ihello from before the detach');
  screen.write('\x1b');
  await screen.waitFor('hello from before the detach');
  await sleep(100);
  return screen;
}

async function reattachAndSave(t: TestTsmux, name: string): Promise<void> {
  const again = t.start(['attach-session', '-t', name], { cols: 80, rows: 24 });
  await again.waitFor('hello from before the detach', 15000, 'vim with the unsaved text');
  // The status line is tmux's default: [session] (cut to status-left-length, 10) then the window
  // list, on green.
  const left = `[${name}] `.slice(0, 10);
  await again.waitFor((s) => s.line(23).startsWith(`${left}0:vim*`), 5000, 'status line');
  assert.deepEqual([again.cell(0, 23).bgMode, again.cell(0, 23).bg, again.cell(0, 23).fg], ['palette', 2, 0]);
  again.write(':wq\r');
  await again.waitFor(PROMPT, 10000, 'the shell after :wq');
  const saved = fs.readFileSync(path.join(t.home, 'my_important_file.txt'), 'utf8');
  assert.equal(saved, 'hello from before the detach\n');
}

test('C-b d detaches, restores the terminal, and vim keeps its unsaved text', async () => {
  const t = new TestTsmux();
  try {
    const screen = await startVimSession(t, 'my_editing_session');
    assert.ok(screen.alternateScreen, 'attached client uses the alternate screen');
    screen.write('\x02d');
    const exit = await screen.waitExit();
    assert.equal(exit.exitCode, 0);
    await screen.settle();
    assert.match(screen.output, /\[detached \(from session my_editing_session\)\]/);
    assert.equal(screen.alternateScreen, false, 'main screen is back');
    assert.ok(screen.output.lastIndexOf('\x1b[?25h') > screen.output.lastIndexOf('\x1b[?25l'), 'cursor visible again');

    const ls = await t.run(['ls']);
    assert.equal(ls.code, 0);
    assert.match(ls.stdout, /^my_editing_session: 1 windows \(created \w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}\)\n$/);
    await reattachAndSave(t, 'my_editing_session');
  } finally {
    await t.cleanup();
  }
});

test('a SIGKILLed client leaves the session and vim running', async () => {
  const t = new TestTsmux();
  try {
    const screen = await startVimSession(t, 'killed');
    screen.kill('SIGKILL');
    await screen.waitExit();
    await sleep(200);
    const has = await t.run(['has-session', '-t', 'killed']);
    assert.equal(has.code, 0);
    await reattachAndSave(t, 'killed');
  } finally {
    await t.cleanup();
  }
});

test('a hangup of the terminal (ssh dies) leaves the session and vim running', async () => {
  const t = new TestTsmux();
  try {
    // A login shell runs tsmux, as after `ssh server`; the terminal then goes away under both.
    const shell = t.startProgram('/bin/bash', ['--noprofile', '--norc', '-i'], { cols: 80, rows: 24 });
    await shell.waitFor(PROMPT);
    shell.write('exec bin/tsmux new-session -s hup\r'.replace('bin/tsmux', path.resolve(__dirname, '../../../bin/tsmux')));
    await shell.waitFor(PROMPT, 15000, 'the prompt inside tsmux');
    shell.write('vim -N -i NONE my_important_file.txt\r');
    await shell.waitFor('"my_important_file.txt" [New]');
    shell.write('ihello from before the detach\x1b');
    await shell.waitFor('hello from before the detach');
    // Closing the pty master is what sshd does when the connection drops: the kernel hangs the
    // terminal up (SIGHUP to the client, EIO on its reads).
    (shell.proc as unknown as { destroy(): void }).destroy();
    await shell.waitExit();
    await sleep(300);
    const ls = await t.run(['ls']);
    assert.match(ls.stdout, /^hup: 1 windows/);
    assert.doesNotMatch(ls.stdout, /attached/, 'the dead client is no longer attached');
    await reattachAndSave(t, 'hup');
  } finally {
    await t.cleanup();
  }
});

test('the session ending prints [exited] and restores the terminal', async () => {
  const t = new TestTsmux();
  try {
    const screen = t.start(['new-session', '-s', 'short']);
    await screen.waitFor(PROMPT);
    screen.write('exit\r');
    const exit = await screen.waitExit();
    assert.equal(exit.exitCode, 0);
    await screen.settle();
    assert.match(screen.output, /\[exited\]/);
    assert.equal(screen.alternateScreen, false);
  } finally {
    await t.cleanup();
  }
});

test('kill-server from elsewhere: the attached client prints [server exited]', async () => {
  const t = new TestTsmux();
  try {
    const screen = t.start(['new-session', '-s', 'k']);
    await screen.waitFor(PROMPT);
    const r = await t.run(['kill-server']);
    assert.equal(r.code, 0);
    await screen.waitExit();
    await screen.settle();
    assert.match(screen.output, /\[server exited\]/);
  } finally {
    await t.cleanup();
  }
});

test('a SIGKILLed server: the attached client prints [lost server] and restores the terminal', async () => {
  const t = new TestTsmux();
  try {
    const screen = t.start(['new-session', '-s', 'lost']);
    await screen.waitFor(PROMPT);
    const pid = await t.serverPid();
    assert.ok(pid > 0);
    process.kill(pid, 'SIGKILL');
    const exit = await screen.waitExit();
    assert.equal(exit.exitCode, 1);
    await screen.settle();
    assert.match(screen.output, /\[lost server\]/);
    assert.equal(screen.alternateScreen, false);
  } finally {
    await t.cleanup();
  }
});

test('SIGTERM to the client restores the terminal and leaves the session', async () => {
  const t = new TestTsmux();
  try {
    const screen = t.start(['new-session', '-s', 'term']);
    await screen.waitFor(PROMPT);
    screen.kill('SIGTERM');
    await screen.waitExit();
    await screen.settle();
    assert.match(screen.output, /\[terminated\]/);
    assert.equal(screen.alternateScreen, false);
    assert.equal((await t.run(['has', '-t', 'term'])).code, 0);
  } finally {
    await t.cleanup();
  }
});
