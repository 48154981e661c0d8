// One connected client, as the server sees it: its socket and frame reader, what it told us about
// itself (identify), the session it is attached to, its key-table state, and the frame it last drew.
//
// A client that vanishes (socket closed or errored, killed mid-frame) or sends a bad frame is
// dropped alone. A slow client is never buffered for without bound: while its socket holds more
// than a watermark of unsent output, frames are skipped, and the next one is drawn when it drains.

import type * as net from 'node:net';
import type { ClientApi, ClientOverlay, MessageOptions, PromptOptions } from '../commands/command';
import type { Grid } from '../emulator/cell';
import { InputDecoder, type InputEvent } from '../input/decode';
import { encodeMouse, encodePaste } from '../input/encode';
import { layoutPaneRect } from '../model/layout';
import { activityNow, type Session } from '../model/model';
import {
  PROTOCOL_VERSION, FrameReader, decodeClientMessage, encodeServerMessage,
  type ClientMessage, type Identify, type ServerMessage,
} from '../protocol/messages';
import { composeFrame } from '../render/compose';
import { ScreenWriter } from '../render/writer';
import { frameView, type Message } from './frame-view';
import { dispatchKey } from './key-dispatch';
import { showPrompt } from './status-prompt';
import type { ControlMode } from './control';
import { log } from './log';
import type { Server } from './server';
import { StatusLine, statusAtTop, statusLineCount } from './status-line';

/** Stop sending frames while more than this is queued on the socket (scaled by screen size). */
const OUTPUT_HIGH_WATER_MIN = 256 * 1024;
/** The shortest gap between two frames to one client; keystroke echo after idle is immediate. */
const FRAME_INTERVAL_MS = 8;

// What an unidentified connection reports (it can run no command until it identifies).
const UNIDENTIFIED: Identify = {
  protocol: PROTOCOL_VERSION, version: '', pid: 0, cwd: '/', term: 'unknown', ttyName: '', isTTY: false,
  cols: 80, rows: 24, env: {}, colours: 16, utf8: false,
};

export class ClientConnection implements ClientApi {
  private identity: Identify | undefined;
  session: Session | undefined;
  cols = 80;
  rows = 24;
  readonly created = Date.now();
  activity = Date.now();
  /** 'root', or the table a prefix key (or switch-client -T) selected. */
  keyTable = 'root';
  lastSession: Session | undefined;
  private readonly reader: FrameReader;
  private readonly decoder = new InputDecoder();
  private escapeTimer: NodeJS.Timeout | undefined;
  private writer: ScreenWriter | undefined;
  private grid: Grid | undefined;
  private renderTimer: NodeJS.Timeout | undefined;
  private renderImmediate: NodeJS.Immediate | undefined;
  private lastRender = 0;
  /** The client typed since the last frame: the next frame (its echo) is drawn without waiting. */
  private inputSinceRender = false;
  private waitingForDrain = false;
  private attachedShown = false;
  private closed = false;
  private commandReceived = false;
  private message: (Message & { ignoreKeys?: boolean }) | undefined;
  private messageTimer: NodeJS.Timeout | undefined;
  /** The status line's cached drawing, its status-interval timer and its #() jobs. */
  readonly statusLine: StatusLine;
  /** The mouse mode we last asked the client's terminal for. */
  private outerMouse = '';
  /** A read of the client's stdin in progress (load-buffer -). */
  private stdin: { chunks: Buffer[]; resolve: (r: Uint8Array | { error: string }) => void } | undefined;
  /** A prompt, confirmation or display-panes shown over the session, taking keys first. */
  overlay: ClientOverlay | undefined;

  constructor(private readonly socket: net.Socket, private readonly server: Server) {
    this.statusLine = new StatusLine(server, this);
    this.reader = new FrameReader((type, payload) => this.onFrame(type, payload));
    socket.on('data', (chunk) => {
      const error = this.reader.push(chunk);
      if (error) this.drop(error);
    });
    socket.on('drain', () => {
      if (this.waitingForDrain) {
        this.waitingForDrain = false;
        this.scheduleRender();
      }
    });
    socket.on('error', (e) => log(`client socket error: ${e.message}`));
    socket.on('close', () => this.closedByPeer());
  }

  get identified(): boolean {
    return this.identity !== undefined;
  }

  get identify(): Identify {
    return this.identity ?? UNIDENTIFIED;
  }

  get name(): string {
    return this.identify.ttyName || `client-${this.identify.pid}`;
  }

  /** Control mode (-C), if this is a control client. */
  control: ControlMode | undefined;

  /** Whether this is a control client (-C). */
  get isControl(): boolean {
    return (this.identify.control ?? 0) > 0;
  }

  get closedOrExiting(): boolean {
    return this.closed;
  }

  /** Bytes for the client's stdout (control mode's lines). */
  writeOut(data: Uint8Array | string): void {
    this.send({ type: 'write', stream: 1, data: typeof data === 'string' ? Buffer.from(data, 'utf8') : data });
  }

  /** refresh-client -C: a control client gives its size and from now on sizes windows. */
  setControlSize(cols: number, rows: number): void {
    this.cols = cols;
    this.rows = rows;
    if (this.control) this.control.sized = true;
    if (this.session) this.server.sessionClientsChanged(this.session);
  }

  get pid(): number {
    return this.identify.pid;
  }

  // ---- socket -------------------------------------------------------------------------------

  send(msg: ServerMessage): void {
    if (this.closed || this.socket.destroyed) return;
    try {
      this.socket.write(encodeServerMessage(msg));
    } catch (e) {
      log(`write to client failed: ${(e as Error).message}`);
    }
  }

  /** Ask the client for its whole stdin (tmux's file_read on "-"). */
  readStdin(): Promise<Uint8Array | { error: string }> {
    if (this.closed) return Promise.resolve({ error: 'client has gone' });
    if (this.stdin) return Promise.resolve({ error: 'stdin is already being read' });
    return new Promise((resolve) => {
      this.stdin = { chunks: [], resolve };
      this.send({ type: 'read-stdin' });
    });
  }

  hasPendingOutput(): boolean {
    return !this.socket.destroyed && this.socket.writableLength > 0;
  }

  /** Tell the client to leave with `code` (and `message`, printed as [message] when attached), then close. */
  exit(code: number, message?: string, hangup = false): void {
    if (this.closed) return;
    if (this.control) {
      // A control client hears %exit instead of a message.
      this.control.sayExit();
      message = undefined;
    }
    this.cancelTimers();
    this.send({ type: 'exit', code, message, hangup });
    this.closed = true;
    this.socket.end();
    // A client that never reads its socket must not keep it open forever.
    setTimeout(() => this.socket.destroy(), 5000).unref();
  }

  private drop(reason: string): void {
    log(`dropping client ${this.name}: ${reason}`);
    this.closed = true;
    this.cancelTimers();
    this.socket.destroy();
    this.server.connectionClosed(this);
  }

  private closedByPeer(): void {
    this.closed = true;
    this.stdin?.resolve({ error: 'client has gone' });
    this.stdin = undefined;
    this.cancelTimers();
    this.server.connectionClosed(this);
  }

  private cancelTimers(): void {
    this.statusLine.dispose();
    clearTimeout(this.escapeTimer);
    clearTimeout(this.renderTimer);
    clearTimeout(this.messageTimer);
    if (this.renderImmediate) clearImmediate(this.renderImmediate);
    this.renderImmediate = undefined;
  }

  // ---- messages -----------------------------------------------------------------------------

  private onFrame(type: number, payload: Uint8Array): void {
    if (this.closed) return;
    const decoded = decodeClientMessage(type, payload);
    if (!decoded.ok) {
      this.drop(decoded.error);
      return;
    }
    try {
      this.handle(decoded.msg);
    } catch (e) {
      // A bug handling one client's message must not take the server down.
      log(`error handling ${decoded.msg.type} from ${this.name}: ${(e as Error).stack ?? e}`);
    }
  }

  private handle(msg: ClientMessage): void {
    switch (msg.type) {
      case 'identify':
        if (this.identity) return this.drop('identified twice');
        if (msg.identify.protocol !== PROTOCOL_VERSION) {
          this.send({ type: 'stderr', text: `protocol version mismatch (client ${msg.identify.protocol}, server ${PROTOCOL_VERSION})\n` });
          this.exit(1);
          return;
        }
        this.identity = msg.identify;
        this.cols = Math.max(1, msg.identify.cols || 80);
        this.rows = Math.max(1, msg.identify.rows || 24);
        return;
      case 'command':
        if (!this.identity || this.commandReceived) return this.drop('unexpected command');
        this.commandReceived = true;
        void this.server.commandFromClient(this, msg.argv);
        return;
      case 'resize':
        if (msg.cols < 1 || msg.rows < 1) return;
        this.cols = msg.cols;
        this.rows = msg.rows;
        this.activity = Date.now();
        this.writer?.invalidate();
        if (this.session) this.server.sessionClientsChanged(this.session);
        return;
      case 'input':
        if (this.session) this.input(msg.data);
        return;
      case 'detach':
        this.server.detachClient(this);
        return;
      case 'stdin':
        if (this.control) this.control.input(msg.data);
        else this.stdin?.chunks.push(Buffer.from(msg.data));
        return;
      case 'stdin-end': {
        if (this.control) {
          this.control.end();
          return;
        }
        const reader = this.stdin;
        this.stdin = undefined;
        reader?.resolve(msg.error !== undefined ? { error: msg.error } : Buffer.concat(reader.chunks));
        return;
      }
    }
  }

  // ---- attached -----------------------------------------------------------------------------

  /** The command that attached this client has finished: switch it to attached mode and draw. */
  startAttached(): void {
    // A control client never draws: notifications tell it what changed.
    if (this.control) return;
    if (!this.session || this.attachedShown) {
      this.scheduleRender();
      return;
    }
    this.attachedShown = true;
    this.writer = new ScreenWriter({ colours: this.identify.colours as 16 | 256 | 16777216, syncOutput: false });
    this.send({ type: 'attached', session: this.session.name });
    this.activity = Date.now();
    this.server.sessionClientsChanged(this.session);
  }

  private input(data: Uint8Array): void {
    this.activity = Date.now();
    this.inputSinceRender = true;
    if (this.session) this.session.activity = activityNow();
    clearTimeout(this.escapeTimer);
    for (const ev of this.decoder.feed(data)) this.event(ev);
    if (this.decoder.pending()) {
      const escapeTime = this.server.model.serverOptions.getNumber('escape-time');
      this.escapeTimer = setTimeout(() => {
        for (const ev of this.decoder.flush()) this.event(ev);
      }, escapeTime);
    }
  }

  private event(ev: InputEvent): void {
    const session = this.session;
    const pane = session?.current?.active;
    if (!session || !pane) return;
    // Any input dismisses a message, as in tmux; one shown with display-message -N ignores it instead.
    if (this.message) {
      if (this.message.ignoreKeys) return;
      this.clearMessage();
    }
    switch (ev.kind) {
      case 'key':
        this.key(ev.key);
        return;
      case 'paste': {
        // A long paste arrives as several events; only the first carries the start marker and only
        // the last the end marker, so the pane sees one bracketed paste.
        if (pane.dead || pane.inputOff) return;
        const modes = pane.terminal.modes();
        const start = modes.bracketedPaste && ev.bytes.startsWith('\x1b[200~') ? '\x1b[200~' : '';
        const end = modes.bracketedPaste && ev.bytes.endsWith('\x1b[201~') ? '\x1b[201~' : '';
        pane.process.write(start + encodePaste(ev.text, modes, { bracket: false }) + end);
        return;
      }
      case 'reply':
        // The client's terminal answering a query we never sent (or a late one): not typing.
        return;
      case 'mouse': {
        const view = this.paneRect();
        if (!view) return;
        const x = ev.x - view.x;
        const y = ev.y - view.y;
        if (x < 0 || y < 0 || x >= view.width || y >= view.height) return;
        const bytes = encodeMouse(ev, x, y, pane.terminal.modes());
        if (bytes) pane.process.write(bytes);
        return;
      }
      case 'focus': {
        if (pane.terminal.modes().focusEvents) pane.process.write(ev.focused ? '\x1b[I' : '\x1b[O');
        return;
      }
    }
  }

  redraw(statusOnly: boolean): void {
    // The writer diffs against what it last sent; forgetting that redraws everything.
    if (!statusOnly) this.writer?.invalidate();
    this.scheduleRender();
  }

  setOverlay(overlay: ClientOverlay | undefined): void {
    const previous = this.overlay;
    this.overlay = overlay;
    if (previous && previous !== overlay) previous.closed?.();
    this.scheduleRender();
  }

  private key(key: number): void {
    dispatchKey(this.server, this, key);
  }

  showPrompt(options: PromptOptions): void {
    showPrompt(this.server, this, options);
  }

  /** Where the active pane is on this client's terminal (its layout cell, below a top status line). */
  private paneRect(): { x: number; y: number; width: number; height: number } | undefined {
    const session = this.session;
    const window = session?.current;
    const pane = window?.active;
    if (!session || !window || !pane || !window.layout) return undefined;
    const top = statusAtTop(session) ? Math.min(statusLineCount(session), Math.max(0, this.rows - 1)) : 0;
    const zoomed = window.layout.zoomed === pane.id;
    const rect = zoomed ? { x: 0, y: 0, sx: window.layout.root.sx, sy: window.layout.root.sy } : layoutPaneRect(window.layout, pane.id);
    return { x: rect.x, y: top + rect.y, width: rect.sx, height: rect.sy };
  }

  /**
   * Show a message on the status line (tmux's status_message_set): for `delay` ms (default
   * display-time; 0 until a key is pressed). It goes into the message log.
   */
  showMessage(text: string, opts: MessageOptions = {}): void {
    if (!this.session) return;
    this.server.messages.add(`${this.name} message: ${text}`);
    const delay = opts.delay ?? this.session.options.getNumber('display-time');
    this.message = { text, ignoreStyles: opts.ignoreStyles, ignoreKeys: delay !== 0 && opts.ignoreKeys === true };
    clearTimeout(this.messageTimer);
    if (delay > 0) this.messageTimer = setTimeout(() => this.clearMessage(), delay);
    this.scheduleRender();
  }

  ringBell(): void {
    if (this.session && this.attachedShown) this.send({ type: 'output', data: Buffer.from('\x07') });
  }

  private clearMessage(): void {
    this.message = undefined;
    clearTimeout(this.messageTimer);
    this.scheduleRender();
  }

  // ---- drawing ------------------------------------------------------------------------------

  /**
   * Draw soon. `paneOutput` says only a pane's content changed: the status line is then not redrawn
   * (tmux does not either); anything else redraws it too.
   */
  scheduleRender(paneOutput = false): void {
    if (!paneOutput) this.statusLine.dirty = true;
    if (!this.attachedShown || this.closed || this.renderTimer || this.renderImmediate) return;
    // The frame-rate cap is for floods of output; a frame answering the user's own typing is drawn
    // on the next turn of the event loop.
    const wait = this.inputSinceRender ? 0 : FRAME_INTERVAL_MS - (Date.now() - this.lastRender);
    if (wait <= 0) {
      this.renderImmediate = setImmediate(() => {
        this.renderImmediate = undefined;
        this.render();
      });
    } else {
      this.renderTimer = setTimeout(() => {
        this.renderTimer = undefined;
        this.render();
      }, wait);
    }
  }

  private render(): void {
    const session = this.session;
    if (!session || !this.writer || this.closed) return;
    const highWater = Math.max(OUTPUT_HIGH_WATER_MIN, 8 * this.cols * this.rows);
    if (this.socket.writableLength > highWater) {
      // Slow client: skip frames until it drains; the writer still knows what it last sent.
      this.waitingForDrain = true;
      return;
    }
    this.lastRender = Date.now();
    this.inputSinceRender = false;
    const view = frameView(this.server, this, session, this.message);
    this.overlay?.decorate(view);
    const frame = composeFrame(view, this.grid);
    this.grid = frame.grid;
    let out = this.writer.render(frame);
    out = this.outerModes(session) + this.statusLine.titleSequence(session) + out;
    if (out.length > 0) this.send({ type: 'output', data: Buffer.from(out, 'utf8') });
  }

  /** Ask the client's terminal for mouse events only while the active pane wants them. */
  private outerModes(session: Session): string {
    const pane = session.current?.active;
    const tracking = pane ? pane.terminal.modes().mouseTracking : 'none';
    const wanted = tracking === 'none' ? '' : tracking === 'any' ? '1003' : tracking === 'drag' ? '1002' : '1000';
    if (wanted === this.outerMouse) return '';
    let out = this.outerMouse ? `\x1b[?${this.outerMouse}l\x1b[?1006l` : '';
    if (wanted) out += `\x1b[?${wanted}h\x1b[?1006h`;
    this.outerMouse = wanted;
    return out;
  }
}
