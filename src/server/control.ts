// Control mode (tmux's control.c and control-notify.c): a client started with -C speaks a line
// protocol instead of drawing a terminal. Each line it sends is a command; each command's output
// comes back between `%begin TIME NUMBER FLAGS` and `%end …` (or `%error …` when it failed), and
// what happens in the server arrives as notifications, never inside such a block: `%output %PANE
// DATA` (bytes below space and backslashes as \ooo), `%window-add @W`, `%window-close @W`,
// `%window-renamed @W NAME`, `%session-changed $S NAME`, `%sessions-changed`,
// `%session-window-changed $S @W`, `%layout-change @W LAYOUT VISIBLE FLAGS`,
// `%window-pane-changed @W %P`, `%client-session-changed`, `%client-detached`,
// `%pane-mode-changed %P`, `%exit`. An empty line (or the end of its input) ends the client.
//
// A control client does not take part in window sizes until it gives one (refresh-client -C).

import type { ClientApi, NotifySubject, ServerApi } from '../commands/command';
import { formatContextFor } from '../commands/format-target';
import type { ParsedCommand } from '../cmdlang/parse';
import { commandsFrom } from '../commands/command-string';
import { expandFormat } from '../format/expand';
import type { Pane, Session } from '../model/model';
import { QueueRun, type CommandOutput } from './command-queue';
import type { Origin } from '../model/target';

/** tmux numbers every command it runs; so do control blocks. */
let commandNumber = 0;

/** What control mode needs of its connection. */
export interface ControlConnection extends ClientApi {
  /** Bytes to the client's stdout. */
  writeOut(data: Uint8Array | string): void;
  /** Leave: the client exits with this status. */
  exit(code: number, message?: string): void;
  readonly closedOrExiting: boolean;
}

export class ControlMode {
  private blockOpen = false;
  private held: Array<Uint8Array | string> = [];
  private partial = '';
  private queue: Promise<void> = Promise.resolve();
  private exiting = false;
  /** Set by refresh-client -C: until then the client does not size windows. */
  sized = false;

  constructor(
    private readonly conn: ControlConnection,
    private readonly server: ServerApi,
    private readonly origin: () => Origin,
    /** Resolves when the notifications so far have been delivered. */
    private readonly notified: () => Promise<void>,
  ) {}

  /**
   * Run the client's command line (flags 0), then its input lines in order; a client left
   * unattached by its command line leaves once that is done.
   */
  start(commands: string[][]): void {
    this.queue = this.queue.then(async () => {
      const code = await this.run(commands, false);
      if (!this.conn.session) {
        await this.notified();
        this.exit(code);
      }
    });
  }

  /** A notification line, held back while a command's block is open. */
  notify(line: Uint8Array | string): void {
    if (this.exiting) return;
    if (this.blockOpen) this.held.push(line);
    else this.conn.writeOut(line);
  }

  /** Output a pane's program wrote, for a client whose session shows that pane's window. */
  output(pane: Pane, data: Uint8Array): void {
    const parts: Buffer[] = [Buffer.from(`%output %${pane.id} `)];
    let start = 0;
    for (let i = 0; i < data.length; i++) {
      const b = data[i];
      if (b >= 0x20 && b !== 0x5c) continue;
      if (i > start) parts.push(Buffer.from(data.subarray(start, i)));
      parts.push(Buffer.from('\\' + b.toString(8).padStart(3, '0')));
      start = i + 1;
    }
    if (start < data.length) parts.push(Buffer.from(data.subarray(start)));
    parts.push(Buffer.from('\n'));
    this.notify(Buffer.concat(parts));
  }

  /** The client's stdin: each whole line is a command; an empty line ends the client. */
  input(data: Uint8Array): void {
    this.partial += Buffer.from(data).toString('utf8');
    let nl: number;
    while ((nl = this.partial.indexOf('\n')) >= 0) {
      const line = this.partial.slice(0, nl).replace(/\r$/, '');
      this.partial = this.partial.slice(nl + 1);
      this.queue = this.queue.then(() => this.line(line));
    }
  }

  /** The client's stdin ended. */
  end(): void {
    this.queue = this.queue.then(async () => {
      // Let what the last commands caused be told first.
      await this.notified();
      this.exit();
    });
  }

  /** Run commands inside %begin/%end blocks, one block per command (flags 1: from the client). */
  async run(commands: readonly ParsedCommand[] | string[][], fromClient: boolean): Promise<number> {
    const run = new QueueRun(this.server, this.conn, this.blockOutput(fromClient));
    const origin = { ...this.origin() };
    if (commands.length > 0 && 'argv' in (commands[0] as object)) await run.runParsed(commands as ParsedCommand[], origin);
    else await run.runList(commands as string[][], origin);
    return run.retval;
  }

  private blockOutput(fromClient: boolean): CommandOutput {
    const flags = fromClient ? 1 : 0;
    let number = 0;
    let time = 0;
    const write = (s: Uint8Array | string): void => {
      if (!this.exiting) this.conn.writeOut(s);
    };
    return {
      stdout: (line) => write(line + '\n'),
      stderr: (line) => write(line + '\n'),
      write: (_stream, data) => write(data),
      commandStart: () => {
        number = ++commandNumber;
        time = Math.floor(Date.now() / 1000);
        write(`%begin ${time} ${number} ${flags}\n`);
        this.blockOpen = true;
      },
      commandEnd: (failed) => {
        write(`%${failed ? 'error' : 'end'} ${time} ${number} ${flags}\n`);
        this.blockOpen = false;
        const held = this.held;
        this.held = [];
        for (const line of held) write(line);
      },
    };
  }

  private async line(line: string): Promise<void> {
    // tmux runs queued notifications before a client's next command.
    await this.notified();
    if (this.exiting) return;
    if (line === '') {
      await this.notified();
      this.exit();
      return;
    }
    // The line is parsed and its commands built first; a failure is tmux's "parse error".
    const parsed = commandsFrom(this.server, line);
    if (!parsed.ok) {
      const output = this.blockOutput(true);
      output.commandStart!();
      output.stderr(`parse error: ${parsed.error}`);
      output.commandEnd!(true);
      return;
    }
    await this.run(parsed.commands, true);
    if (this.conn.closedOrExiting) this.exiting = true;
  }

  /** Say %exit and leave. */
  exit(code = 0): void {
    this.sayExit();
    this.conn.exit(code);
  }

  /** Write %exit once (also when the server ends the client: detach, session gone, shutdown). */
  sayExit(): void {
    if (this.exiting) return;
    this.exiting = true;
    this.conn.writeOut('%exit\n');
  }

  /** A server notification, as control-notify.c words it for this client. */
  notification(name: string, subject: NotifySubject): void {
    const session = this.conn.session;
    const has = (s: Session | undefined, windowId: number): boolean => s !== undefined && [...s.windows.values()].some((w) => w.id === windowId);
    const { window, pane } = subject;
    switch (name) {
      case 'window-linked':
        if (session && window) this.notify(`%${has(session, window.id) ? 'window-add' : 'unlinked-window-add'} @${window.id}\n`);
        return;
      case 'window-unlinked':
        if (session && window) this.notify(`%${has(session, window.id) ? 'window-close' : 'unlinked-window-close'} @${window.id}\n`);
        return;
      case 'window-renamed':
        if (session && window) this.notify(`%${has(session, window.id) ? 'window-renamed' : 'unlinked-window-renamed'} @${window.id} ${window.name}\n`);
        return;
      case 'window-pane-changed':
        if (window?.active) this.notify(`%window-pane-changed @${window.id} %${window.active.id}\n`);
        return;
      case 'window-layout-changed': {
        if (!session || !window || !window.layout || session.indexOf(window) === undefined) return;
        const ctx = formatContextFor(this.server, { client: this.conn, session, window, index: session.indexOf(window) });
        this.notify(expandFormat('%layout-change #{window_id} #{window_layout} #{window_visible_layout} #{window_raw_flags}', ctx) + '\n');
        return;
      }
      case 'pane-mode-changed':
        if (pane) this.notify(`%pane-mode-changed %${pane.id}\n`);
        return;
      case 'client-session-changed': {
        const c = subject.client;
        const s = c?.session;
        if (!c || !s || !session) return;
        if (c === this.conn) this.notify(`%session-changed $${s.id} ${s.name}\n`);
        else this.notify(`%client-session-changed ${c.name} $${s.id} ${s.name}\n`);
        return;
      }
      case 'client-detached':
        if (subject.client && subject.client !== this.conn) this.notify(`%client-detached ${subject.client.name}\n`);
        return;
      case 'session-renamed':
        if (subject.session) this.notify(`%session-renamed $${subject.session.id} ${subject.session.name}\n`);
        return;
      case 'session-created':
      case 'session-closed':
        this.notify('%sessions-changed\n');
        return;
      case 'session-window-changed': {
        const s = subject.session;
        if (s?.current) this.notify(`%session-window-changed $${s.id} @${s.current.id}\n`);
        return;
      }
    }
  }
}
