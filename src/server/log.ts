// The server's log, written only when the server was started with -v (as tmux's
// tmux-server-PID.log in the directory the client ran from). Otherwise logging costs nothing.

import * as fs from 'node:fs';

let fd: number | undefined;

export function openLog(path: string): void {
  try {
    fd = fs.openSync(path, 'a', 0o600);
  } catch {
    fd = undefined;
  }
}

export function log(message: string): void {
  if (fd === undefined) return;
  const t = new Date().toISOString();
  try {
    fs.writeSync(fd, `${t} ${message}\n`);
  } catch {
    // a full disk must not stop the server
  }
}
