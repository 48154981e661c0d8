// Clients that misbehave — garbage frames, vanishing mid-frame, never reading — harm nobody else.
// These speak the protocol directly over the socket, as a broken or hostile client would.

import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as net from 'node:net';
import { TestTsmux, sleep } from '../harness/tsmux';
import { PROTOCOL_VERSION, encodeClientMessage, type Identify } from '../../src/protocol/messages';

function identify(overrides: Partial<Identify> = {}): Buffer {
  return encodeClientMessage({
    type: 'identify',
    identify: {
      protocol: PROTOCOL_VERSION, version: 'test', pid: process.pid, cwd: '/', term: 'xterm-256color', ttyName: '/dev/pts/999',
      isTTY: true, cols: 200, rows: 50, env: {}, colours: 256, utf8: true, ...overrides,
    },
  });
}

function connect(path: string): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const s = net.connect(path, () => resolve(s));
    s.once('error', reject);
  });
}

function closed(s: net.Socket): Promise<void> {
  return new Promise((resolve) => (s.destroyed ? resolve() : s.once('close', () => resolve())));
}

function rssKb(pid: number): number {
  const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : 0;
}

test('garbage, oversized and half frames close only that client', async () => {
  const t = new TestTsmux();
  try {
    await t.run(['new', '-d', '-s', 'safe']);
    const garbage = await connect(t.socketPath);
    garbage.write(Buffer.from([0, 0, 0, 5, 99, 1, 2, 3, 4]));
    await closed(garbage);

    const huge = await connect(t.socketPath);
    huge.write(Buffer.from([0xff, 0xff, 0xff, 0xff, 1]));
    await closed(huge);

    const badJson = await connect(t.socketPath);
    badJson.write(Buffer.concat([Buffer.from([0, 0, 0, 4, 1]), Buffer.from('{x]')]));
    await closed(badJson);

    // Half a frame, then gone.
    const half = await connect(t.socketPath);
    const frame = identify();
    half.write(frame.subarray(0, 7));
    half.destroy();

    // An attached client that vanishes in the middle of everything.
    const vanishing = await connect(t.socketPath);
    vanishing.write(identify());
    vanishing.write(encodeClientMessage({ type: 'command', argv: ['attach', '-t', 'safe'] }));
    await sleep(200);
    vanishing.destroy();

    await sleep(200);
    const r = await t.run(['ls', '-F', '#{session_name} #{session_attached}']);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, 'safe 0\n');
  } finally {
    await t.cleanup();
  }
});

test('a client with another protocol version is told so', async () => {
  const t = new TestTsmux();
  try {
    await t.run(['new', '-d', '-s', 'v']);
    const s = await connect(t.socketPath);
    const chunks: Buffer[] = [];
    s.on('data', (d) => chunks.push(d));
    s.write(identify({ protocol: 999 }));
    await closed(s);
    assert.match(Buffer.concat(chunks).toString('latin1'), /protocol version mismatch \(client 999, server \d+\)/);
  } finally {
    await t.cleanup();
  }
});

test('a client that stops reading does not make the server buffer without bound', async () => {
  const t = new TestTsmux();
  try {
    await t.run(['new', '-d', '-s', 'flood', '-x', '200', '-y', '50', 'yes "$(printf "%0100d" 0)"']);
    const pid = await t.serverPid();
    const stuck = await connect(t.socketPath);
    stuck.write(identify());
    stuck.write(encodeClientMessage({ type: 'command', argv: ['attach', '-t', 'flood'] }));
    // Read the first bytes, then never again.
    await sleep(300);
    stuck.pause();
    const before = rssKb(pid);
    await sleep(4000);
    const after = rssKb(pid);
    // Frames are skipped while the socket is full: memory stays flat (generous bound for GC noise).
    assert.ok(after - before < 60 * 1024, `server RSS grew from ${before} kB to ${after} kB`);
    const r = await t.run(['has', '-t', 'flood']);
    assert.equal(r.code, 0, 'server still answers');
    stuck.destroy();
  } finally {
    await t.cleanup();
  }
});
