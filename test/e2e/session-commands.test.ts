// The session commands as scripts use them: output, messages on stderr, exit codes — tmux's.

import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TestTsmux, alive, sleep } from '../harness/tsmux';

const CREATED = /\(created \w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}\)/;

test('ls, has-session, rename-session, kill-session and kill-server behave as tmux', async () => {
  const t = new TestTsmux();
  try {
    let r = await t.run(['ls']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^(no server running on|error connecting to) .*tsmux-\d+\/default/);

    assert.equal((await t.run(['new-session', '-d', '-s', 'beta'])).code, 0);
    assert.equal((await t.run(['new', '-d', '-s', 'alpha'])).code, 0);
    r = await t.run(['new', '-d', '-s', 'alpha']);
    assert.deepEqual([r.code, r.stderr], [1, 'duplicate session: alpha\n']);

    r = await t.run(['ls']);
    assert.equal(r.code, 0);
    const lines = r.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 2);
    assert.match(lines[0], /^alpha: 1 windows /);
    assert.match(lines[0], CREATED);
    assert.match(lines[1], /^beta: 1 windows /);

    assert.equal((await t.run(['has-session', '-t', 'alpha'])).code, 0);
    r = await t.run(['has', '-t', 'nope']);
    assert.deepEqual([r.code, r.stderr], [1, "can't find session: nope\n"]);

    // Names are sanitised as tmux does: ':' and '.' become '_'.
    assert.equal((await t.run(['new', '-d', '-s', 'a.b:c'])).code, 0);
    assert.equal((await t.run(['has', '-t', '=a_b_c'])).code, 0);
    assert.equal((await t.run(['rename-session', '-t', 'a_b_c', 'gamma'])).code, 0);
    r = await t.run(['rename', '-t', 'gamma', 'alpha']);
    assert.deepEqual([r.code, r.stderr], [1, 'duplicate session: alpha\n']);

    // -F formats and the unnamed session named after its id.
    r = await t.run(['new', '-d', '-P', '-F', '#{session_name}/#{session_id}']);
    assert.match(r.stdout, /^3\/\$3\n$/);
    r = await t.run(['ls', '-F', '#{session_name}']);
    assert.equal(r.stdout, '3\nalpha\nbeta\ngamma\n');

    r = await t.run(['kill-session', '-t', 'nope']);
    assert.deepEqual([r.code, r.stderr], [1, "can't find session: nope\n"]);
    assert.equal((await t.run(['kill-session', '-t', 'beta'])).code, 0);
    assert.equal((await t.run(['kill-session', '-a', '-t', 'alpha'])).code, 0);
    r = await t.run(['ls', '-F', '#{session_name}']);
    assert.equal(r.stdout, 'alpha\n');

    const pid = await t.serverPid();
    r = await t.run(['kill-server']);
    assert.equal(r.code, 0);
    // Shutdown waits up to a second for the programs it hung up (see Server.shutdown).
    for (let i = 0; i < 250 && alive(pid); i++) await sleep(20);
    assert.equal(alive(pid), false, 'server exited');
    r = await t.run(['ls']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^no server running on /);
  } finally {
    await t.cleanup();
  }
});

test('bad commands, flags and arguments get tmux messages and exit 1, and the server lives on', async () => {
  const t = new TestTsmux();
  try {
    await t.run(['new', '-d', '-s', 'x']);
    let r = await t.run(['bogus']);
    assert.deepEqual([r.code, r.stderr], [1, 'unknown command: bogus\n']);
    r = await t.run(['new-session', '-Z']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /unknown flag -Z/);
    r = await t.run(['ls', 'extra']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /too many arguments/);
    r = await t.run(['attach', '-t', 'nope']);
    assert.deepEqual([r.code, r.stderr], [1, "can't find session: nope\n"]);
    r = await t.run(['attach', '-t', 'x']);
    assert.deepEqual([r.code, r.stderr], [1, 'open terminal failed: not a terminal\n']);
    r = await t.run(['detach']);
    assert.deepEqual([r.code, r.stderr], [1, 'no current client\n']);
    assert.equal((await t.run(['has', '-t', 'x'])).code, 0, 'server still running');
    r = await t.run(['-V']);
    assert.match(r.stdout, /^tsmux \d+\.\d+/);
  } finally {
    await t.cleanup();
  }
});

test('a command that does not start a server says there is none', async () => {
  const t = new TestTsmux();
  try {
    const r = await t.run(['has-session', '-t', 'x']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /error connecting to .* \(No such file or directory\)|no server running/);
    assert.equal(fs.existsSync(t.socketPath), false, 'no server was started');
  } finally {
    await t.cleanup();
  }
});

test('the server is detached, private, and recovers a stale socket', async () => {
  const t = new TestTsmux();
  try {
    await t.run(['new', '-d', '-s', 's']);
    const pid = await t.serverPid();
    // Its own session (setsid), not the client's terminal or directory.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    assert.equal(Number(fields[3]), pid, 'server is a session leader');
    assert.equal(Number(fields[4]), 0, 'server has no controlling terminal');
    assert.equal(fs.readlinkSync(`/proc/${pid}/cwd`), '/');
    // tmux's socket rules: private directory and socket.
    const dirMode = fs.statSync(path.dirname(t.socketPath)).mode & 0o777;
    const sockMode = fs.statSync(t.socketPath).mode & 0o777;
    assert.equal(dirMode, 0o700);
    assert.equal(sockMode, 0o600);
    // The server holds no file descriptor to any terminal of the client's.
    for (const fd of fs.readdirSync(`/proc/${pid}/fd`)) {
      const target = fs.readlinkSync(`/proc/${pid}/fd/${fd}`);
      assert.ok(!/^\/dev\/pts\//.test(target) || isPaneTty(target, pid), `fd ${fd} -> ${target}`);
    }

    // A killed server leaves its socket behind; the next command that starts a server replaces it.
    process.kill(pid, 'SIGKILL');
    for (let i = 0; i < 100 && alive(pid); i++) await sleep(20);
    assert.ok(fs.existsSync(t.socketPath), 'stale socket file left behind');
    let r = await t.run(['ls']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^no server running on /);
    r = await t.run(['new', '-d', '-s', 'again']);
    assert.equal(r.code, 0, r.stderr);
    r = await t.run(['ls', '-F', '#{session_name}']);
    assert.equal(r.stdout, 'again\n');
  } finally {
    await t.cleanup();
  }
});

/** Pane ptys the server holds (their slaves, kept open so output is never lost) are allowed. */
function isPaneTty(target: string, serverPid: number): boolean {
  for (const child of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const st = fs.readFileSync(`/proc/${child}/stat`, 'utf8');
      const ppid = Number(st.slice(st.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === serverPid && fs.readlinkSync(`/proc/${child}/fd/0`) === target) return true;
    } catch {
      // process gone
    }
  }
  return false;
}

test('-v writes a server log file in the current directory; without it nothing is written', async () => {
  const t = new TestTsmux();
  try {
    await t.run(['new', '-d', '-s', 'quiet']);
    assert.deepEqual(fs.readdirSync(t.home).filter((f) => f.endsWith('.log')), []);
    await t.run(['kill-server']);
    await sleep(200);
    await t.run(['-v', 'new', '-d', '-s', 'loud']);
    const logs = fs.readdirSync(t.home).filter((f) => /^tsmux-server-\d+\.log$/.test(f));
    assert.equal(logs.length, 1);
    assert.match(fs.readFileSync(path.join(t.home, logs[0]), 'utf8'), /session created: loud/);
  } finally {
    await t.cleanup();
  }
});
