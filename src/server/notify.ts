// Notifications: tmux's notify.c. Something happened in the server (a session was created, a
// window linked, a pane exited…); its hooks run after whatever commands are running now, one
// notification at a time and in order, with no client (their output goes nowhere, their errors to
// the log), and with #{hook}, #{hook_session}, #{hook_window}, #{hook_pane}… set.
//
// Control clients will also hear about these here.

import type { NotifySubject, ServerApi } from '../commands/command';
import { currentTarget, targetOf, type Resolved } from '../model/target';
import { QueueRun } from './command-queue';
import { log } from './log';

export class Notifier {
  private queue: Promise<void> = Promise.resolve();
  /** Told about each notification when it is delivered, before its hooks run (control clients). */
  private readonly listeners: Array<(name: string, subject: NotifySubject) => void> = [];
  /** Whether a notification's hooks are running: what they do notifies nothing (tmux's NOHOOKS). */
  private running = false;

  constructor(private readonly server: ServerApi) {}

  notify(name: string, subject: NotifySubject): void {
    if (this.running) return;
    const model = this.server.model;
    const formats: Record<string, string> = { hook: name };
    if (subject.client) formats.hook_client = subject.client.name;
    if (subject.session) {
      formats.hook_session = `$${subject.session.id}`;
      formats.hook_session_name = subject.session.name;
    }
    if (subject.window) {
      formats.hook_window = `@${subject.window.id}`;
      formats.hook_window_name = subject.window.name;
    }
    if (subject.pane) formats.hook_pane = `%${subject.pane.id}`;
    // A client's notification is about where that client is.
    const state: Resolved | undefined = subject.client?.session
      ? targetOf(model, { session: subject.client.session })
      : targetOf(model, { session: subject.session, window: subject.window, pane: subject.pane });
    this.queue = this.queue.then(() => new Promise<void>((resolve) => setImmediate(resolve))).then(() => {
      for (const listener of this.listeners) {
        try {
          listener(name, subject);
        } catch (e) {
          log(`notification ${name} listener threw: ${(e as Error).stack ?? e}`);
        }
      }
      return this.run(name, state, formats);
    });
  }

  onDeliver(listener: (name: string, subject: NotifySubject) => void): void {
    this.listeners.push(listener);
  }

  /** Resolves when every notification so far has run its hooks. */
  idle(): Promise<void> {
    return this.queue;
  }

  private async run(name: string, state: Resolved | undefined, formats: Record<string, string>): Promise<void> {
    const model = this.server.model;
    const valid = state && model.sessions.has(state.session.id) && model.panes.has(state.pane.id) ? state : currentTarget(model, {});
    const hooks = this.server.hooks.find(name, valid ?? {});
    if (hooks.length === 0) return;
    const run = new QueueRun(this.server, undefined, {
      stdout: () => undefined,
      stderr: (line) => log(`hook ${name}: ${line}`),
    });
    this.running = true;
    try {
      for (const hook of hooks) await run.runParsed(hook.commands, valid ? { state: valid } : {}, { noHooks: true, formats });
    } catch (e) {
      log(`hook ${name} threw: ${(e as Error).stack ?? e}`);
    } finally {
      this.running = false;
    }
  }
}
