// The pty worker: a worker thread that owns the panes' pseudo-terminals and does their reading, so
// that reading a pty and parsing its output (the server's main thread) run on different cores. A
// program writing fast then never stalls on a full pty buffer while the server parses.
//
// It runs NodePtyProcess (pane-process.ts, with its lost-output handling) and relays: output goes
// to the main thread as transferred ArrayBuffers, in order, followed by the exit. A spawn is
// answered synchronously through a SharedArrayBuffer the main thread waits on (Atomics.wait), so
// spawning keeps PaneProcess's synchronous pid and ttyName.
//
// Messages (main → worker): spawn, write, resize, pause, resume, kill.
// Messages (worker → main): data, exit.

import { parentPort } from 'node:worker_threads';
import { spawnInlinePaneProcess, type PaneProcess, type SpawnOptions } from './pane-process';

export type WorkerRequest =
  | { op: 'spawn'; id: number; options: SpawnOptions; reply: SharedArrayBuffer }
  | { op: 'write'; id: number; data: string | Uint8Array }
  | { op: 'resize'; id: number; cols: number; rows: number }
  | { op: 'pause'; id: number }
  | { op: 'resume'; id: number }
  | { op: 'kill'; id: number; signal: NodeJS.Signals };

export type WorkerEvent =
  | { op: 'data'; id: number; data: ArrayBuffer }
  | { op: 'exit'; id: number; exitCode: number; signal: number };

/** Layout of a spawn reply: int32 state (0 waiting, 1 done, 2 failed), int32 pid, int32 text length, then UTF-8 text (tty name or error). */
export const REPLY_BYTES = 12 + 1024;

const processes = new Map<number, PaneProcess>();

function reply(buffer: SharedArrayBuffer, state: 1 | 2, pid: number, text: string): void {
  const header = new Int32Array(buffer, 0, 3);
  const bytes = Buffer.from(text, 'utf8').subarray(0, REPLY_BYTES - 12);
  new Uint8Array(buffer, 12, bytes.length).set(bytes);
  header[1] = pid;
  header[2] = bytes.length;
  Atomics.store(header, 0, state);
  Atomics.notify(header, 0);
}

function handle(port: NonNullable<typeof parentPort>, msg: WorkerRequest): void {
  if (msg.op === 'spawn') {
    let child: PaneProcess;
    try {
      child = spawnInlinePaneProcess(msg.options);
    } catch (e) {
      reply(msg.reply, 2, 0, (e as Error).message);
      return;
    }
    const id = msg.id;
    processes.set(id, child);
    child.onData((data) => {
      const copy = data.buffer.slice(data.byteOffset, data.byteOffset + data.length) as ArrayBuffer;
      port.postMessage({ op: 'data', id, data: copy } satisfies WorkerEvent, [copy]);
    });
    child.onExit((status) => {
      processes.delete(id);
      port.postMessage({ op: 'exit', id, exitCode: status.exitCode, signal: status.signal } satisfies WorkerEvent);
    });
    reply(msg.reply, 1, child.pid, child.ttyName);
    return;
  }
  const child = processes.get(msg.id);
  if (!child) return;
  switch (msg.op) {
    case 'write':
      child.write(msg.data);
      return;
    case 'resize':
      child.resize(msg.cols, msg.rows);
      return;
    case 'pause':
      child.pause();
      return;
    case 'resume':
      child.resume();
      return;
    case 'kill':
      child.kill(msg.signal);
      return;
  }
}

const port = parentPort;
if (port) {
  port.on('message', (msg: WorkerRequest) => {
    try {
      handle(port, msg);
    } catch {
      // One pane's failure must not stop the others.
    }
  });
}
