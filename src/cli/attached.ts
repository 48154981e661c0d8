// The attached client: raw mode and the alternate screen on the user's terminal, every input byte
// and size change forwarded to the server, every output frame written to the terminal — and the
// terminal restored on every way out, with tmux's exit messages:
//   [detached (from session S)]  [exited]  [server exited]  [lost server]  [lost tty]  [terminated]

import * as fs from 'node:fs';
import type * as net from 'node:net';
import { encodeClientMessage, type ServerMessage } from '../protocol/messages';

// Enter: alternate screen, clear, bracketed paste reported to us (we re-wrap it per pane).
const ENTER = '\x1b[?1049h\x1b[H\x1b[2J\x1b[?2004h';
// Leave: mouse and focus reporting off, bracketed paste off, keypad/cursor keys normal, attributes
// reset, default cursor shape, cursor visible, main screen back.
const LEAVE =
  '\x1b[?1000l\x1b[?1002l\x1b[?1003l\x1b[?1006l\x1b[?1005l\x1b[?1015l\x1b[?1004l\x1b[?2004l' +
  '\x1b[?2026l\x1b[?1l\x1b>\x1b[0m\x1b[0 q\x1b[?25h\x1b[?1049l';

function writeSync(text: string): void {
  try {
    fs.writeSync(1, text);
  } catch {
    // the terminal may be gone (hangup)
  }
}

/** Become the attached client; returns the handler for further server messages. */
export function runAttached(socket: net.Socket, session: string): (msg: ServerMessage) => void {
  void session;
  const stdin = process.stdin;
  const stdout = process.stdout;
  let finished = false;

  const finish = (message: string | undefined, code: number, hangup = false): void => {
    if (finished) return;
    finished = true;
    writeSync(LEAVE);
    try {
      if (stdin.isTTY) stdin.setRawMode(false);
    } catch {
      // no terminal any more
    }
    if (message !== undefined) writeSync(`[${message}]\n`);
    socket.destroy();
    if (hangup) {
      try {
        process.kill(process.ppid, 'SIGHUP');
      } catch {
        // parent already gone
      }
    }
    process.exit(code);
  };

  stdin.setRawMode(true);
  writeSync(ENTER);
  stdin.resume();
  stdin.on('data', (data: Buffer) => {
    socket.write(encodeClientMessage({ type: 'input', data }));
  });
  // EOF or EIO on the terminal: it has gone away (ssh died); the session lives on.
  stdin.on('end', () => finish('lost tty', 1));
  stdin.on('error', () => finish('lost tty', 1));
  stdout.on('error', () => finish('lost tty', 1));
  const sendSize = (): void => {
    socket.write(encodeClientMessage({ type: 'resize', cols: stdout.columns || 80, rows: stdout.rows || 24 }));
  };
  stdout.on('resize', sendSize);
  sendSize();
  process.on('SIGHUP', () => finish('lost tty', 1));
  process.on('SIGTERM', () => finish('terminated', 1));
  socket.on('close', () => finish('lost server', 1));

  return (msg: ServerMessage): void => {
    switch (msg.type) {
      case 'output':
        stdout.write(msg.data);
        return;
      case 'exit':
        finish(msg.message, msg.code, msg.hangup);
        return;
      case 'stdout':
      case 'stderr':
      case 'attached':
        return;
    }
  };
}
