// show-messages (showmsgs): the server's message log, newest first — every message shown on a status
// line and every command run ("/dev/pts/3 command: new-window -d"), as tmux's server_add_message keeps
// them, bounded by the message-limit server option. -J lists the running #() jobs, -T the clients'
// terminals (tsmux has no terminfo descriptions to show, only the terminals).

import { defineCommand, type CommandContext, type CommandEntry, type CommandResult } from './command';
import { currentClient, findClient } from './detach-client';
import { expandFormat } from '../format/expand';

export interface LoggedMessage {
  readonly number: number;
  /** ms since the epoch. */
  readonly time: number;
  readonly text: string;
}

export class MessageLog {
  private entries: LoggedMessage[] = [];
  private next = 0;

  /** `limit` is read at each addition (the message-limit option). */
  constructor(private readonly limit: () => number) {}

  add(text: string): void {
    this.entries.push({ number: this.next++, time: Date.now(), text });
    const limit = this.limit();
    // tmux keeps entries while number + limit >= next.
    const keepFrom = this.entries.findIndex((m) => m.number + limit >= this.next);
    if (keepFrom < 0) this.entries = [];
    else if (keepFrom > 0) this.entries = this.entries.slice(keepFrom);
  }

  /** Oldest first. */
  list(): readonly LoggedMessage[] {
    return this.entries;
  }
}

const SHOW_MESSAGES_TEMPLATE = '#{t/p:message_time}: #{message_text}';

export const showMessages: CommandEntry = defineCommand({
  name: 'show-messages',
  alias: 'showmsgs',
  flags: 'JTt:',
  min: 0,
  max: 0,
  usage: '[-JT] [-t target-client]',
  exec(ctx: CommandContext): CommandResult {
    const { args, server } = ctx;
    const name = args.value('t');
    const client = name !== undefined ? findClient(ctx, name.replace(/:$/, '')) : currentClient(ctx);
    if (!client) return { error: name !== undefined ? `can't find client: ${name.replace(/:$/, '')}` : 'no current client' };
    let done = false;
    let blank = false;
    if (args.has('T')) {
      let n = 0;
      for (const c of server.clients()) {
        if (!c.session || (args.has('t') && c !== client)) continue;
        ctx.print(`Terminal ${n++}: ${c.identify.term} for ${c.name}, flags=0x0:`);
      }
      blank = n !== 0;
      done = true;
    }
    if (args.has('J')) {
      let n = 0;
      for (const job of server.runningJobs()) {
        if (blank) {
          ctx.print('');
          blank = false;
        }
        ctx.print(`Job ${n++}: ${job.command} [fd=-1, pid=${job.pid}, status=0]`);
      }
      done = true;
    }
    if (done) return undefined;
    const messages = server.messages.list();
    for (let i = messages.length - 1; i >= 0; i--) {
      const m = messages[i];
      const values: Record<string, string> = {
        message_text: m.text,
        message_number: String(m.number),
        message_time: String(Math.floor(m.time / 1000)),
      };
      ctx.print(
        expandFormat(SHOW_MESSAGES_TEMPLATE, { variable: (v) => values[v], now: () => new Date() }),
      );
    }
    return undefined;
  },
});
