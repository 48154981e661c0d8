import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import {
  FrameReader, MAX_FRAME, PROTOCOL_VERSION, decodeClientMessage, decodeServerMessage, encodeClientMessage, encodeServerMessage,
  type ClientMessage, type ServerMessage,
} from '../../src/protocol/messages';

const identify: ClientMessage = {
  type: 'identify',
  identify: {
    protocol: PROTOCOL_VERSION, version: '0.1.0', pid: 42, cwd: '/home/u', term: 'xterm-256color', ttyName: '/dev/pts/3',
    isTTY: true, cols: 200, rows: 50, env: { HOME: '/home/u', LANG: 'C.UTF-8' }, colours: 256, utf8: true,
  },
};

const clientMessages: ClientMessage[] = [
  identify,
  { type: 'command', argv: ['new-session', '-s', 'a b', ';', 'ls', 'üñï'] },
  { type: 'input', data: new Uint8Array([0, 1, 2, 0x1b, 0xff, 0xfe]) },
  { type: 'resize', cols: 132, rows: 43 },
  { type: 'detach' },
  { type: 'stdin', data: new Uint8Array([0, 0x0a, 0xff]) },
  { type: 'stdin-end' },
  { type: 'stdin-end', error: 'EIO' },
  { type: 'identify', identify: { ...(identify as { identify: object }).identify, control: 2 } as never },
];

const serverMessages: ServerMessage[] = [
  { type: 'output', data: Buffer.from('\x1b[H\x1b[2Jhello 中文', 'utf8') },
  { type: 'stdout', text: 'main: 1 windows (created Thu Nov 26 20:00:00 2026)\n' },
  { type: 'stderr', text: "can't find session: foo\n" },
  { type: 'attached', session: 'main' },
  { type: 'exit', code: 0, message: 'detached (from session main)' },
  { type: 'exit', code: 1 },
  { type: 'exit', code: 0, message: 'detached and SIGHUP (from session x)', hangup: true },
  { type: 'write', stream: 1, data: new Uint8Array([0, 1, 0xff, 0x0a]) },
  { type: 'write', stream: 2, data: new Uint8Array([]) },
  { type: 'read-stdin' },
];

function readAll(bytes: Buffer, chunk: number): Array<[number, Uint8Array]> {
  const frames: Array<[number, Uint8Array]> = [];
  const reader = new FrameReader((type, payload) => frames.push([type, Buffer.from(payload)]));
  for (let i = 0; i < bytes.length; i += chunk) assert.equal(reader.push(bytes.subarray(i, i + chunk)), undefined);
  return frames;
}

function normalise(v: unknown): unknown {
  return JSON.parse(JSON.stringify(v, (_k, x) => (x instanceof Uint8Array || (x && x.type === 'Buffer') ? [...Buffer.from(x.data ?? x)] : x)));
}

test('every client message survives a round trip, whatever the chunking', () => {
  const bytes = Buffer.concat(clientMessages.map(encodeClientMessage));
  for (const chunk of [1, 2, 3, 7, 64, bytes.length]) {
    const decoded = readAll(bytes, chunk).map(([t, p]) => {
      const d = decodeClientMessage(t, p);
      assert.ok(d.ok, 'decodes');
      return d.ok ? d.msg : undefined;
    });
    assert.deepEqual(normalise(decoded), normalise(clientMessages));
  }
});

test('every server message survives a round trip', () => {
  const bytes = Buffer.concat(serverMessages.map(encodeServerMessage));
  const decoded = readAll(bytes, 5).map(([t, p]) => {
    const d = decodeServerMessage(t, p);
    assert.ok(d.ok);
    return d.ok ? d.msg : undefined;
  });
  assert.deepEqual(normalise(decoded), normalise(serverMessages));
});

test('a truncated frame is held until the rest arrives', () => {
  const bytes = encodeClientMessage({ type: 'command', argv: ['ls'] });
  const frames: number[] = [];
  const reader = new FrameReader((type) => frames.push(type));
  reader.push(bytes.subarray(0, bytes.length - 1));
  assert.equal(frames.length, 0);
  reader.push(bytes.subarray(bytes.length - 1));
  assert.equal(frames.length, 1);
});

test('an oversized or empty frame is an error, not an exception', () => {
  const big = Buffer.alloc(5);
  big.writeUInt32BE(MAX_FRAME + 1, 0);
  assert.match(new FrameReader(() => undefined).push(big) ?? '', /too large/);
  const empty = Buffer.alloc(4);
  assert.match(new FrameReader(() => undefined).push(empty) ?? '', /empty/);
});

test('garbage payloads decode to errors, never throw', () => {
  let seed = 12345;
  const random = (): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  for (let i = 0; i < 2000; i++) {
    const type = Math.floor(random() * 30);
    const payload = Buffer.alloc(Math.floor(random() * 40));
    for (let j = 0; j < payload.length; j++) payload[j] = Math.floor(random() * 256);
    assert.doesNotThrow(() => decodeClientMessage(type, payload));
    assert.doesNotThrow(() => decodeServerMessage(type, payload));
  }
  assert.equal(decodeClientMessage(1, Buffer.from('{"protocol":1}')).ok, false);
  assert.equal(decodeClientMessage(2, Buffer.from('["ls", 3]')).ok, false);
  assert.equal(decodeClientMessage(4, Buffer.from('{"cols":-1,"rows":3}')).ok, false);
  assert.equal(decodeClientMessage(99, Buffer.alloc(0)).ok, false);
  assert.equal(decodeServerMessage(23, Buffer.from('{"code":"x"}')).ok, false);
});

test('a random byte stream never throws out of the frame reader', () => {
  let seed = 99;
  const random = (): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  for (let i = 0; i < 200; i++) {
    const reader = new FrameReader((type, payload) => {
      decodeClientMessage(type, payload);
    });
    const bytes = Buffer.alloc(Math.floor(random() * 200));
    for (let j = 0; j < bytes.length; j++) bytes[j] = Math.floor(random() * 256);
    assert.doesNotThrow(() => reader.push(bytes));
  }
});
