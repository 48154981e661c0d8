// The client/server protocol: every message that crosses the socket, one discriminated union per
// direction, and their binary encoding.
//
// A frame is `u32 length (big-endian, of what follows) | u8 type | payload`. Control messages carry
// a JSON payload; input and output carry raw bytes so that terminal data is never re-encoded.
// Decoding checks every field and returns an error value; it never throws, because a bad frame must
// close only the client that sent it (see FrameReader).
//
// PROTOCOL_VERSION changes whenever a message changes shape. It is independent of the package
// version: a client and server from different releases work together while it matches.

export const PROTOCOL_VERSION = 2;

/** Frames larger than this are refused (a client sending one is disconnected). */
export const MAX_FRAME = 16 * 1024 * 1024;

const enum Type {
  Identify = 1,
  Command = 2,
  Input = 3,
  Resize = 4,
  Detach = 5,
  Stdin = 6,
  StdinEnd = 7,
  Output = 20,
  Stdout = 21,
  Stderr = 22,
  Exit = 23,
  Attached = 24,
  Write = 25,
  ReadStdin = 26,
}

/** What a client says about itself before its first command. */
export interface Identify {
  protocol: number;
  version: string;
  pid: number;
  cwd: string;
  term: string;
  ttyName: string;
  /** Whether stdin is a terminal (attach needs one). */
  isTTY: boolean;
  cols: number;
  rows: number;
  /** The client's environment (for `update-environment` and new panes). */
  env: Record<string, string>;
  /** Colours the client's terminal supports: 16, 256 or 16777216. */
  colours: number;
  utf8: boolean;
  /** Control mode: 1 for -C, 2 for -CC (absent: a terminal client). */
  control?: number;
}

export type ClientMessage =
  | { type: 'identify'; identify: Identify }
  | { type: 'command'; argv: string[] }
  | { type: 'input'; data: Uint8Array }
  | { type: 'resize'; cols: number; rows: number }
  | { type: 'detach' }
  /** Part of the client's stdin, sent after the server asked for it (read-stdin). */
  | { type: 'stdin'; data: Uint8Array }
  /** The client's stdin ended (or could not be read: `error`). */
  | { type: 'stdin-end'; error?: string };

export type ServerMessage =
  | { type: 'output'; data: Uint8Array }
  | { type: 'stdout'; text: string }
  | { type: 'stderr'; text: string }
  /** Bytes for the client's stdout (1) or stderr (2), written unchanged (save-buffer -). */
  | { type: 'write'; stream: 1 | 2; data: Uint8Array }
  /** Send your stdin to its end (load-buffer -): the client answers with stdin messages and stdin-end. */
  | { type: 'read-stdin' }
  /** The client is now attached: enter raw mode and the alternate screen. */
  | { type: 'attached'; session: string }
  /**
   * Leave with this status; `message` is printed as `[message]` by an attached client; `hangup`
   * asks the client to send SIGHUP to its parent (detach-client -P).
   */
  | { type: 'exit'; code: number; message?: string; hangup?: boolean };

function frame(type: Type, payload: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(5 + payload.length);
  out.writeUInt32BE(payload.length + 1, 0);
  out[4] = type;
  out.set(payload, 5);
  return out;
}

function json(type: Type, value: unknown): Buffer {
  return frame(type, Buffer.from(JSON.stringify(value), 'utf8'));
}

export function encodeClientMessage(msg: ClientMessage): Buffer {
  switch (msg.type) {
    case 'identify': return json(Type.Identify, msg.identify);
    case 'command': return json(Type.Command, msg.argv);
    case 'input': return frame(Type.Input, msg.data);
    case 'resize': return json(Type.Resize, { cols: msg.cols, rows: msg.rows });
    case 'detach': return frame(Type.Detach, new Uint8Array(0));
    case 'stdin': return frame(Type.Stdin, msg.data);
    case 'stdin-end': return json(Type.StdinEnd, msg.error === undefined ? {} : { error: msg.error });
  }
}

export function encodeServerMessage(msg: ServerMessage): Buffer {
  switch (msg.type) {
    case 'output': return frame(Type.Output, msg.data);
    case 'stdout': return frame(Type.Stdout, Buffer.from(msg.text, 'utf8'));
    case 'stderr': return frame(Type.Stderr, Buffer.from(msg.text, 'utf8'));
    case 'attached': return json(Type.Attached, { session: msg.session });
    case 'exit': return json(Type.Exit, { code: msg.code, message: msg.message, hangup: msg.hangup || undefined });
    case 'write': {
      const payload = new Uint8Array(1 + msg.data.length);
      payload[0] = msg.stream;
      payload.set(msg.data, 1);
      return frame(Type.Write, payload);
    }
    case 'read-stdin': return frame(Type.ReadStdin, new Uint8Array(0));
  }
}

export type Decoded<T> = { ok: true; msg: T } | { ok: false; error: string };

function parseJson(payload: Uint8Array): unknown {
  try {
    return JSON.parse(Buffer.from(payload.buffer, payload.byteOffset, payload.length).toString('utf8'));
  } catch {
    return undefined;
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isSize(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 10000;
}

function decodeIdentify(v: unknown): Identify | undefined {
  if (!isObject(v)) return undefined;
  const { protocol, version, pid, cwd, term, ttyName, isTTY, cols, rows, env, colours, utf8, control } = v;
  if (control !== undefined && control !== 1 && control !== 2) return undefined;
  if (typeof protocol !== 'number' || typeof version !== 'string' || typeof pid !== 'number') return undefined;
  if (typeof cwd !== 'string' || typeof term !== 'string' || typeof ttyName !== 'string') return undefined;
  if (typeof isTTY !== 'boolean' || !isSize(cols) || !isSize(rows) || typeof colours !== 'number' || typeof utf8 !== 'boolean') return undefined;
  if (!isObject(env)) return undefined;
  const cleanEnv: Record<string, string> = {};
  for (const [k, val] of Object.entries(env)) {
    if (typeof val !== 'string') return undefined;
    cleanEnv[k] = val;
  }
  const identify: Identify = { protocol, version, pid, cwd, term, ttyName, isTTY, cols, rows, env: cleanEnv, colours, utf8 };
  if (control !== undefined) identify.control = control;
  return identify;
}

export function decodeClientMessage(type: number, payload: Uint8Array): Decoded<ClientMessage> {
  switch (type) {
    case Type.Identify: {
      const identify = decodeIdentify(parseJson(payload));
      return identify ? { ok: true, msg: { type: 'identify', identify } } : { ok: false, error: 'bad identify message' };
    }
    case Type.Command: {
      const argv = parseJson(payload);
      if (!Array.isArray(argv) || !argv.every((a) => typeof a === 'string')) return { ok: false, error: 'bad command message' };
      return { ok: true, msg: { type: 'command', argv: argv as string[] } };
    }
    case Type.Input:
      return { ok: true, msg: { type: 'input', data: payload } };
    case Type.Resize: {
      const v = parseJson(payload);
      if (!isObject(v) || !isSize(v.cols) || !isSize(v.rows)) return { ok: false, error: 'bad resize message' };
      return { ok: true, msg: { type: 'resize', cols: v.cols, rows: v.rows } };
    }
    case Type.Detach:
      return { ok: true, msg: { type: 'detach' } };
    case Type.Stdin:
      return { ok: true, msg: { type: 'stdin', data: payload } };
    case Type.StdinEnd: {
      const v = parseJson(payload);
      if (!isObject(v) || (v.error !== undefined && typeof v.error !== 'string')) return { ok: false, error: 'bad stdin-end message' };
      return { ok: true, msg: v.error === undefined ? { type: 'stdin-end' } : { type: 'stdin-end', error: v.error } };
    }
    default:
      return { ok: false, error: `unknown message type ${type}` };
  }
}

export function decodeServerMessage(type: number, payload: Uint8Array): Decoded<ServerMessage> {
  switch (type) {
    case Type.Output:
      return { ok: true, msg: { type: 'output', data: payload } };
    case Type.Stdout:
      return { ok: true, msg: { type: 'stdout', text: Buffer.from(payload).toString('utf8') } };
    case Type.Stderr:
      return { ok: true, msg: { type: 'stderr', text: Buffer.from(payload).toString('utf8') } };
    case Type.Attached: {
      const v = parseJson(payload);
      if (!isObject(v) || typeof v.session !== 'string') return { ok: false, error: 'bad attached message' };
      return { ok: true, msg: { type: 'attached', session: v.session } };
    }
    case Type.Exit: {
      const v = parseJson(payload);
      if (!isObject(v) || typeof v.code !== 'number') return { ok: false, error: 'bad exit message' };
      if (v.message !== undefined && typeof v.message !== 'string') return { ok: false, error: 'bad exit message' };
      if (v.hangup !== undefined && typeof v.hangup !== 'boolean') return { ok: false, error: 'bad exit message' };
      const exit: ServerMessage = { type: 'exit', code: v.code };
      if (v.message !== undefined) exit.message = v.message;
      if (v.hangup) exit.hangup = true;
      return { ok: true, msg: exit };
    }
    case Type.Write: {
      const stream = payload[0];
      if (payload.length < 1 || (stream !== 1 && stream !== 2)) return { ok: false, error: 'bad write message' };
      return { ok: true, msg: { type: 'write', stream, data: payload.subarray(1) } };
    }
    case Type.ReadStdin:
      return { ok: true, msg: { type: 'read-stdin' } };
    default:
      return { ok: false, error: `unknown message type ${type}` };
  }
}

/**
 * Splits a byte stream into frames. Feed it socket chunks; it calls `onFrame` for each whole frame
 * and returns an error string (and stops) on a frame that is empty or larger than MAX_FRAME.
 */
export class FrameReader {
  private chunks: Buffer[] = [];
  private buffered = 0;
  private failed = false;

  constructor(private readonly onFrame: (type: number, payload: Uint8Array) => void) {}

  push(chunk: Uint8Array): string | undefined {
    if (this.failed) return 'reader failed';
    this.chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length));
    this.buffered += chunk.length;
    while (this.buffered >= 4) {
      const head = this.peek(4);
      const length = head.readUInt32BE(0);
      if (length === 0 || length > MAX_FRAME) {
        this.failed = true;
        return length === 0 ? 'empty frame' : `frame too large (${length} bytes)`;
      }
      if (this.buffered < 4 + length) break;
      const whole = this.take(4 + length);
      this.onFrame(whole[4], whole.subarray(5));
    }
    return undefined;
  }

  private peek(n: number): Buffer {
    if (this.chunks[0].length >= n) return this.chunks[0];
    const joined = Buffer.concat(this.chunks);
    this.chunks = [joined];
    return joined;
  }

  private take(n: number): Buffer {
    let first: Buffer;
    if (this.chunks[0].length >= n) {
      first = this.chunks.shift() as Buffer;
    } else {
      first = Buffer.concat(this.chunks);
      this.chunks = [];
    }
    if (first.length > n) this.chunks.unshift(first.subarray(n));
    this.buffered -= n;
    return first.subarray(0, n);
  }
}
