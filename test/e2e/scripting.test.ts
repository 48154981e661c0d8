// tsmux as an API, through the real command line: what scripts see on stdout and stderr and in the
// exit status, stdin and stdout carrying bytes (load-buffer -, save-buffer -), update-environment
// on re-attach, switch-client driven from inside a pane, pipe-pane and hooks on a real client.

import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TestTsmux, TSMUX, sleep, type RunResult } from '../harness/tsmux';

const PROMPT = /^\$ ?$/m;

/** Run tsmux with bytes on its stdin; stdout comes back as bytes. */
function runWithInput(t: TestTsmux, args: string[], input: Buffer, env: Record<string, string> = {}): Promise<{ code: number; stdout: Buffer; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(TSMUX, args, { env: { ...t.env, ...env }, cwd: t.home });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout: Buffer.concat(out), stderr: err }));
    child.stdin.end(input);
  });
}

async function until<T>(fn: () => Promise<T>, ok: (v: T) => boolean, what: string, timeoutMs = 10000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: last ${JSON.stringify(v)}`);
    await sleep(50);
  }
}

test('stdout, stderr and exit status are tmux\'s for command sequences, if-shell and run-shell', async () => {
  const t = new TestTsmux();
  try {
    let r: RunResult = await t.run(['new', '-d', '-s', 'a', ';', 'display', '-p', 'made']);
    assert.deepEqual(r, { code: 0, stdout: 'made\n', stderr: '' });
    r = await t.run(['display', '-p', 'a', ';', 'send', '-t', 'nope', ';', 'display', '-p', 'b']);
    assert.deepEqual(r, { code: 1, stdout: 'a\n', stderr: "can't find pane: nope\n" });
    r = await t.run(['if', 'true', 'send -t nope', ';', 'display', '-p', 'b']);
    assert.deepEqual(r, { code: 1, stdout: 'b\n', stderr: "can't find pane: nope\n" });
    r = await t.run(['if', '-F', '#{==:#{session_name},a}', 'display -p yes', 'display -p no']);
    assert.deepEqual(r, { code: 0, stdout: 'yes\n', stderr: '' });
    r = await t.run(['run', 'echo out; echo err >&2; exit 3']);
    assert.deepEqual(r, { code: 3, stdout: "out\n'echo out; echo err >&2; exit 3' returned 3\n", stderr: '' });
    r = await t.run(['run', '-C', 'display -p from-run']);
    assert.deepEqual(r, { code: 0, stdout: 'from-run\n', stderr: '' });
    r = await t.run(['lock-server']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /not supported/);
  } finally {
    await t.cleanup();
  }
});

test('load-buffer - reads stdin and save-buffer - writes stdout, byte for byte', async () => {
  const t = new TestTsmux();
  try {
    await t.run(['new', '-d', '-s', 'a']);
    const bytes = Buffer.from([0x00, 0x01, 0x0a, 0xff, 0xfe, 0x41, 0xc3, 0xa9, 0x0d]);
    let r = await runWithInput(t, ['load-buffer', '-b', 'bin', '-'], bytes);
    assert.equal(r.code, 0, r.stderr);
    r = await runWithInput(t, ['save-buffer', '-b', 'bin', '-'], Buffer.alloc(0));
    assert.deepEqual([r.code, r.stdout], [0, bytes]);
    r = await runWithInput(t, ['show-buffer', '-b', 'bin'], Buffer.alloc(0));
    assert.deepEqual([r.code, r.stdout], [0, bytes]);
    const lsb = await t.run(['list-buffers']);
    assert.equal(lsb.stdout, 'bin: 9 bytes: "\\0\\001\\n\\377\\376A\u00e9\\r"\n');
    // A big stdin arrives whole.
    const big = Buffer.alloc(3 * 1024 * 1024, 0x61);
    r = await runWithInput(t, ['load-buffer', '-b', 'big', '-', ';', 'display', '-p', '#{buffer_size}'], big);
    assert.deepEqual([r.code, r.stdout.toString()], [0, `${big.length}\n`]);
  } finally {
    await t.cleanup();
  }
});

test('a re-attach brings a fresh SSH_AUTH_SOCK and DISPLAY to new panes (update-environment)', async () => {
  const t = new TestTsmux();
  try {
    const first = t.start(['new', '-s', 'work'], { env: { SSH_AUTH_SOCK: '/tmp/agent.first', DISPLAY: ':1' } });
    await first.waitFor(PROMPT, 15000, 'the shell');
    first.write('\x02d');
    await first.waitExit();
    let env = await t.run(['show-environment', '-t', 'work']);
    assert.match(env.stdout, /^SSH_AUTH_SOCK=\/tmp\/agent\.first$/m);
    const second = t.start(['attach', '-t', 'work'], { env: { SSH_AUTH_SOCK: '/tmp/agent.second' } });
    await second.waitFor(PROMPT, 15000, 'the shell again');
    env = await t.run(['show-environment', '-t', 'work']);
    assert.match(env.stdout, /^SSH_AUTH_SOCK=\/tmp\/agent\.second$/m);
    assert.match(env.stdout, /^-DISPLAY$/m, 'a variable the new client lacks is cleared');
    const file = path.join(t.home, 'env.txt');
    await t.run(['new-window', '-t', 'work', `echo "$SSH_AUTH_SOCK|\${DISPLAY-unset}" > ${file}`]);
    const text = await until(async () => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : ''), (s) => s.includes('\n'), 'the new pane');
    assert.equal(text, '/tmp/agent.second|unset\n');
  } finally {
    await t.cleanup();
  }
});

test('switch-client from inside a pane moves the attached client; -T sets its key table', async () => {
  const t = new TestTsmux();
  try {
    await t.run(['new', '-d', '-s', 'other']);
    const screen = t.start(['new', '-s', 'main'], { cols: 80, rows: 24 });
    await screen.waitFor(PROMPT, 15000, 'the shell');
    const who = async (): Promise<string> => (await t.run(['display', '-p', '#{client_session}'])).stdout;
    assert.equal(await who(), 'main\n');
    // From the pane itself, as a script run there would.
    screen.write(`${TSMUX} switch-client -t other; echo "switched:$?"\r`);
    await until(who, (s) => s === 'other\n', 'the client to switch');
    let r = await t.run(['switch-client', '-l']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(await who(), 'main\n');
    r = await t.run(['switch-client', '-n']);
    assert.equal(await who(), 'other\n');
    r = await t.run(['switch-client', '-T', 'prefix', ';', 'display', '-p', '#{client_key_table}|#{client_prefix}']);
    assert.deepEqual(r, { code: 0, stdout: 'prefix|1\n', stderr: '' });
    r = await t.run(['switch-client', '-T', 'no-such-table']);
    assert.deepEqual([r.code, r.stderr], [1, "table no-such-table doesn't exist\n"]);
    r = await t.run(['refresh-client', '-S']);
    assert.equal(r.code, 0);
  } finally {
    await t.cleanup();
  }
});

test('pipe-pane copies a pane\'s output to a command, and hooks see a real client attach', async () => {
  const t = new TestTsmux();
  try {
    await t.run(['new', '-d', '-s', 'p']);
    await t.run(['set-hook', '-g', 'client-attached', 'setenv -gF ATTACHED "#{hook}|#{hook_client}|#{session_name}"']);
    const log = path.join(t.home, 'pipe.log');
    let r = await t.run(['pipe-pane', '-t', 'p', `cat >> ${log}`, ';', 'display', '-p', '#{pane_pipe}']);
    assert.deepEqual(r, { code: 0, stdout: '1\n', stderr: '' });
    await t.run(['send-keys', '-t', 'p', 'echo piped-$((6*7))', 'Enter']);
    await until(async () => (fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : ''), (s) => s.includes('piped-42'), 'the pipe');
    r = await t.run(['pipe-pane', '-t', 'p', ';', 'display', '-p', '#{pane_pipe}']);
    assert.equal(r.stdout, '0\n');
    const screen = t.start(['attach', '-t', 'p']);
    await screen.waitFor(PROMPT, 15000, 'the shell');
    const env = await until(() => t.run(['show-environment', '-g', 'ATTACHED']), (x) => x.code === 0, 'the hook');
    assert.match(env.stdout, /^ATTACHED=client-attached\|\/dev\/pts\/\d+\|p\n$/);
  } finally {
    await t.cleanup();
  }
});
