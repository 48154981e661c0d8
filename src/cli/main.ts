// The tsmux command: parses global flags, finds the server's socket (starting a server when the
// command needs one), sends the command, and either prints its output and exits with its status,
// or becomes an attached client (see attached.ts).
//
// Start-up cost matters here (every `tsmux ls` pays it): this module loads only the protocol, the
// socket path rules and Node's net/fs/child_process — never the server, node-pty or xterm.

import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { spawn } from 'node:child_process';
import { isatty } from 'node:tty';
import { PROTOCOL_VERSION, FrameReader, decodeServerMessage, encodeClientMessage, type Identify, type ServerMessage } from '../protocol/messages';
import { resolveSocketPath } from '../protocol/paths';
import { packageVersion } from '../version';

const USAGE =
  'usage: tsmux [-2CDlNuvV] [-c shell-command] [-f file] [-L socket-name]\n' +
  '             [-S socket-path] [-T features] [command [flags]]\n';

// Commands that start a server when none is running (tmux's CMD_STARTSERVER).
const START_SERVER_COMMANDS = ['new-session', 'new', 'attach-session', 'attach', 'start-server', 'start', 'list-keys', 'lsk', 'list-commands', 'lscm'];

interface GlobalFlags {
  socketPath?: string;
  label?: string;
  /** -f: configuration files for a server this client starts (several allowed, as in tmux). */
  configFiles: string[];
  verbose: boolean;
  force256: boolean;
  utf8: boolean;
  version: boolean;
  /** -C: 1, -CC: 2. */
  control: number;
  argv: string[];
}

function parseGlobalFlags(argv: string[]): GlobalFlags | string {
  const flags: GlobalFlags = { verbose: false, force256: false, utf8: false, version: false, control: 0, argv: [], configFiles: [] };
  const withValue = new Set(['c', 'f', 'L', 'S', 'T']);
  let i = 0;
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      i++;
      break;
    }
    if (!a.startsWith('-') || a === '-') break;
    for (let j = 1; j < a.length; j++) {
      const f = a[j];
      if (withValue.has(f)) {
        let value = a.slice(j + 1);
        if (value === '') {
          if (i + 1 >= argv.length) return USAGE;
          value = argv[++i];
        }
        if (f === 'S') flags.socketPath = value;
        else if (f === 'L') flags.label = value;
        else if (f === 'f') flags.configFiles.push(value);
        else if (f === 'c') return 'tsmux: -c is not supported\n';
        break;
      }
      if (f === 'v') flags.verbose = true;
      else if (f === '2') flags.force256 = true;
      else if (f === 'u') flags.utf8 = true;
      else if (f === 'V') flags.version = true;
      else if (f === 'C') flags.control = Math.min(2, flags.control + 1);
      else if ('DlNU'.includes(f)) continue;
      else return USAGE;
    }
  }
  flags.argv = argv.slice(i);
  return flags;
}

function needsServerStart(argv: string[]): boolean {
  if (argv.length === 0) return true;
  const name = argv[0];
  if (START_SERVER_COMMANDS.includes(name)) return true;
  // A unique prefix of a full command name (`tsmux new-s`) counts too.
  const full = START_SERVER_COMMANDS.filter((c) => c.includes('-') && c.startsWith(name));
  return full.length > 0 && name.length > 3;
}

function ttyName(): string {
  try {
    const link = fs.readlinkSync('/proc/self/fd/0');
    return link.startsWith('/dev/') ? link : '';
  } catch {
    return '';
  }
}

function colours(force256: boolean): number {
  const colorterm = process.env.COLORTERM ?? '';
  if (colorterm === 'truecolor' || colorterm === '24bit') return 16777216;
  const term = process.env.TERM ?? '';
  if (force256 || term.includes('256color') || term.startsWith('tmux') || term.startsWith('screen')) return 256;
  return 16;
}

function isUtf8(flag: boolean): boolean {
  if (flag) return true;
  const locale = process.env.LC_ALL || process.env.LC_CTYPE || process.env.LANG || '';
  return /utf-?8/i.test(locale);
}

function identify(flags: GlobalFlags): Identify {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  if (env.TSMUX_NODE_EXTRA_CA_CERTS !== undefined) {
    env.NODE_EXTRA_CA_CERTS = env.TSMUX_NODE_EXTRA_CA_CERTS;
    delete env.TSMUX_NODE_EXTRA_CA_CERTS;
  }
  // isatty() rather than process.stdin/stdout: creating those stream objects costs milliseconds
  // that every `tsmux ls` would pay.
  const isTTY = isatty(0) && isatty(1);
  return {
    protocol: PROTOCOL_VERSION,
    version: packageVersion(),
    pid: process.pid,
    cwd: process.cwd(),
    term: process.env.TERM ?? 'unknown',
    ttyName: isatty(0) ? ttyName() : '',
    isTTY,
    cols: (isTTY && process.stdout.columns) || 80,
    rows: (isTTY && process.stdout.rows) || 24,
    env,
    colours: colours(flags.force256),
    utf8: isUtf8(flags.utf8),
    ...(flags.control > 0 ? { control: flags.control } : {}),
  };
}

function connect(socketPath: string): Promise<net.Socket | NodeJS.ErrnoException> {
  return new Promise((resolve) => {
    const socket = net.connect(socketPath);
    socket.once('connect', () => {
      socket.removeAllListeners('error');
      resolve(socket);
    });
    socket.once('error', (e) => resolve(e as NodeJS.ErrnoException));
  });
}

/** Write command output straight to a file descriptor (no stream object: see identify()). */
function writeFd(fd: 1 | 2, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += fs.writeSync(fd, bytes, offset);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EAGAIN') continue;
      return;
    }
  }
}

/** The C library's text for an errno, as tmux prints it. */
function strerror(e: NodeJS.ErrnoException): string {
  const known: Record<string, string> = {
    ENOENT: 'No such file or directory',
    EACCES: 'Permission denied',
    ENOTSOCK: 'Socket operation on non-socket',
    ENOTDIR: 'Not a directory',
    ECONNREFUSED: 'Connection refused',
  };
  return (e.code && known[e.code]) || e.message;
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Start a server on `socketPath` unless another client is already doing so, then connect. */
async function startServerAndConnect(socketPath: string, flags: GlobalFlags): Promise<net.Socket | string> {
  const lock = `${socketPath}.lock`;
  let haveLock = false;
  try {
    fs.writeFileSync(lock, String(process.pid), { flag: 'wx', mode: 0o600 });
    haveLock = true;
  } catch {
    // Another client holds the lock: it is starting the server. A lock older than 10 s is stale.
    try {
      if (Date.now() - fs.statSync(lock).mtimeMs > 10_000) {
        fs.unlinkSync(lock);
        fs.writeFileSync(lock, String(process.pid), { flag: 'wx', mode: 0o600 });
        haveLock = true;
      }
    } catch {
      // someone else got it
    }
  }
  if (haveLock) {
    const serverMain = path.join(__dirname, '..', 'server', 'main.js');
    const args = [serverMain, '--socket', socketPath];
    if (flags.verbose) args.push('--log', process.cwd());
    // Relative paths are the user's: the server runs in /.
    for (const file of flags.configFiles) args.push('--config', path.resolve(file));
    const child = spawn(process.execPath, args, { detached: true, stdio: 'ignore', cwd: '/', env: process.env });
    child.unref();
  }
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const result = await connect(socketPath);
    if (result instanceof net.Socket) return result;
    await sleep(10);
  }
  if (haveLock) {
    try {
      fs.unlinkSync(lock);
    } catch {
      // already removed
    }
  }
  return `error connecting to ${socketPath} (server did not start)`;
}

/** Send our stdin to the server, to its end (load-buffer -). */
function sendStdin(socket: net.Socket): void {
  const stdin = process.stdin;
  stdin.on('data', (chunk: Buffer) => socket.write(encodeClientMessage({ type: 'stdin', data: chunk })));
  stdin.once('end', () => socket.write(encodeClientMessage({ type: 'stdin-end' })));
  stdin.once('error', (e) => socket.write(encodeClientMessage({ type: 'stdin-end', error: e.message })));
}

async function main(): Promise<void> {
  const flags = parseGlobalFlags(process.argv.slice(2));
  if (typeof flags === 'string') {
    writeFd(2, flags);
    process.exit(1);
  }
  if (flags.version) {
    writeFd(1, `tsmux ${packageVersion()}\n`);
    process.exit(0);
  }
  const resolved = resolveSocketPath({ socketPath: flags.socketPath, label: flags.label }, process.env);
  if (!resolved.ok) {
    writeFd(2, `${resolved.error}\n`);
    process.exit(1);
  }
  const socketPath = resolved.path;
  await runCommand(socketPath, flags, 0);
}

/** Connect to the server, starting one if the command needs it (exits with tmux's message if not). */
async function connectToServer(socketPath: string, flags: GlobalFlags): Promise<net.Socket> {
  const first = await connect(socketPath);
  if (first instanceof net.Socket) return first;
  if (needsServerStart(flags.argv)) {
    if (first.code === 'ECONNREFUSED') {
      // A stale socket from a server that died: the new server replaces it.
      try {
        fs.unlinkSync(socketPath);
      } catch {
        // gone already
      }
    }
    const started = await startServerAndConnect(socketPath, flags);
    if (typeof started === 'string') {
      writeFd(2, `${started}\n`);
      process.exit(1);
    }
    return started;
  }
  // tmux's wording: a socket nobody listens on means no server; anything else is reported as is.
  if (first.code === 'ECONNREFUSED') writeFd(2, `no server running on ${socketPath}\n`);
  else writeFd(2, `error connecting to ${socketPath} (${strerror(first)})\n`);
  process.exit(1);
}

/** How often a command that starts a server retries when it reached a server on its way out. */
const SHUTDOWN_RETRIES = 60;

async function runCommand(socketPath: string, flags: GlobalFlags, attempt: number): Promise<void> {
  const socket = await connectToServer(socketPath, flags);
  // Whether the server said anything at all: a server that is shutting down closes new connections
  // unread (kill-server followed at once by new-session), which a server-starting command retries.
  let heard = false;

  const id = identify(flags);
  socket.write(encodeClientMessage({ type: 'identify', identify: id }));
  socket.write(encodeClientMessage({ type: 'command', argv: flags.argv }));
  if (flags.control > 0) {
    // Control mode: our stdin is a stream of command lines; -CC wraps the output in a DCS, as
    // iTerm2 expects.
    if (flags.control === 2 && attempt === 0) process.stdout.write('\x1bP1000p');
  }

  let attached: ((msg: ServerMessage) => void) | undefined;
  let exitCode: number | undefined;
  const reader = new FrameReader((type, payload) => {
    // A control client's commands go to the server once it has answered (a dying server reads
    // nothing, and the command is then sent again to the next one).
    if (!heard && flags.control > 0) sendStdin(socket);
    heard = true;
    const decoded = decodeServerMessage(type, payload);
    if (!decoded.ok) return;
    const msg = decoded.msg;
    if (attached) {
      attached(msg);
      return;
    }
    switch (msg.type) {
      case 'stdout':
        writeFd(1, msg.text);
        return;
      case 'stderr':
        writeFd(2, msg.text);
        return;
      case 'exit':
        exitCode = msg.code;
        if (flags.control === 2) writeFd(1, '\x1b\\');
        if (msg.message) writeFd(2, `${msg.message}\n`);
        return;
      case 'write':
        (msg.stream === 1 ? process.stdout : process.stderr).write(msg.data);
        return;
      case 'read-stdin':
        // A control client's stdin already carries its commands.
        if (flags.control === 0) sendStdin(socket);
        return;
      case 'attached':
        // Loaded only now: command-line calls never pay for it.
        attached = (require('./attached') as typeof import('./attached')).runAttached(socket, msg.session);
        return;
      case 'output':
        return;
    }
  });
  socket.on('data', (chunk) => {
    if (reader.push(chunk)) socket.destroy();
  });
  socket.on('error', () => undefined);
  socket.on('close', () => {
    if (attached) return;
    if (!heard && exitCode === undefined && needsServerStart(flags.argv) && attempt < SHUTDOWN_RETRIES) {
      setTimeout(() => void runCommand(socketPath, flags, attempt + 1), 50);
      return;
    }
    // Stop reading stdin (control mode, load-buffer -) so the process can end.
    process.stdin.destroy();
    if (exitCode === undefined) {
      writeFd(2, 'server exited unexpectedly\n');
      process.exitCode = 1;
      return;
    }
    process.exitCode = exitCode;
  });
}

void main();
