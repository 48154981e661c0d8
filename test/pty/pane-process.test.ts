import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnPaneProcess, type ExitStatus } from '../../src/pty/pane-process';

function run(file: string, args: string[]): Promise<{ bytes: number; tail: string; status: ExitStatus; dataAfterExit: boolean }> {
  return new Promise((resolve) => {
    const child = spawnPaneProcess({ file, args, cwd: '/', env: { PATH: process.env.PATH ?? '/usr/bin:/bin', TERM: 'xterm' }, cols: 80, rows: 24 });
    let bytes = 0;
    let tail = '';
    let exited = false;
    let dataAfterExit = false;
    child.onData((d) => {
      if (exited) dataAfterExit = true;
      bytes += d.length;
      tail = (tail + d.toString('latin1')).slice(-64);
    });
    child.onExit((status) => {
      exited = true;
      setTimeout(() => resolve({ bytes, tail, status, dataAfterExit }), 50);
    });
  });
}

// node-pty alone loses the last kilobytes of a fast-exiting program in most runs (upstream #72).
test('the whole output of a program that exits at once arrives before its exit is reported', async () => {
  // seq 1 200000 prints 1,288,895 bytes; the tty turns each of 200,000 LFs into CRLF.
  const expected = 1_288_895 + 200_000;
  for (let i = 0; i < 8; i++) {
    const r = await run('/usr/bin/seq', ['1', '200000']);
    assert.equal(r.bytes, expected, `run ${i}: got ${r.bytes} bytes, tail ${JSON.stringify(r.tail)}`);
    assert.ok(r.tail.endsWith('199999\r\n200000\r\n'));
    assert.equal(r.dataAfterExit, false, 'no output after the exit notification');
  }
});

test('exit codes and signals are reported', async () => {
  assert.deepEqual((await run('/bin/sh', ['-c', 'exit 3'])).status, { exitCode: 3, signal: 0 });
  const killed = await run('/bin/sh', ['-c', 'kill -9 $$']);
  assert.equal(killed.status.signal, 9);
});

test('pause stops reading and resume delivers everything', async () => {
  const child = spawnPaneProcess({ file: '/usr/bin/seq', args: ['1', '50000'], cwd: '/', env: { TERM: 'xterm' }, cols: 80, rows: 24 });
  let bytes = 0;
  child.onData((d) => (bytes += d.length));
  child.pause();
  await new Promise((r) => setTimeout(r, 300));
  const whilePaused = bytes;
  assert.ok(whilePaused < 288_894 + 50_000, 'not everything was read while paused');
  child.resume();
  await new Promise<void>((r) => child.onExit(() => r()));
  assert.equal(bytes, 288_894 + 50_000);
});

test('the foreground process is read from the terminal', async () => {
  // The foreground process group's leader, as tcgetpgrp would say (a non-interactive sh has no job
  // control, so exec makes sleep the group leader).
  const child = spawnPaneProcess({ file: '/bin/sh', args: ['-c', 'exec sleep 5'], cwd: '/tmp', env: { TERM: 'xterm', PATH: '/usr/bin:/bin' }, cols: 80, rows: 24 });
  await new Promise((r) => setTimeout(r, 300));
  const fg = child.foreground();
  assert.equal(fg.command, 'sleep');
  assert.equal(fg.cwd, '/tmp');
  child.kill('SIGKILL');
});
