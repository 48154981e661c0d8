// wait-for (wait): block a client until a channel is signalled (-S wakes every waiter; a signal
// with nobody waiting is remembered once, as tmux 3.3a does), or use a channel as a lock (-L/-U).

import { defineCommand, type CommandContext, type CommandResult } from './command';

interface Channel {
  waiters: Array<() => void>;
  woken: boolean;
  locked: boolean;
  lockers: Array<() => void>;
}

/** The server's wait-for channels, by name. */
export class WaitChannels {
  private readonly channels = new Map<string, Channel>();

  private get(name: string): Channel {
    let c = this.channels.get(name);
    if (!c) this.channels.set(name, (c = { waiters: [], woken: false, locked: false, lockers: [] }));
    return c;
  }

  private tidy(name: string, c: Channel): void {
    if (!c.woken && !c.locked && c.waiters.length === 0 && c.lockers.length === 0) this.channels.delete(name);
  }

  signal(name: string): void {
    const c = this.get(name);
    if (c.waiters.length === 0) {
      c.woken = true;
      return;
    }
    const waiters = c.waiters;
    c.waiters = [];
    for (const w of waiters) w();
    this.tidy(name, c);
  }

  wait(name: string): Promise<void> {
    const c = this.get(name);
    if (c.woken) {
      c.woken = false;
      this.tidy(name, c);
      return Promise.resolve();
    }
    return new Promise((resolve) => c.waiters.push(resolve));
  }

  lock(name: string): Promise<void> {
    const c = this.get(name);
    if (!c.locked) {
      c.locked = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => c.lockers.push(resolve));
  }

  unlock(name: string): CommandResult {
    const c = this.channels.get(name);
    if (!c || !c.locked) return { error: `channel ${name} not locked` };
    const next = c.lockers.shift();
    if (next) next();
    else {
      c.locked = false;
      this.tidy(name, c);
    }
    return undefined;
  }
}

export const waitFor = defineCommand({
  name: 'wait-for',
  alias: 'wait',
  flags: 'LSU',
  min: 1,
  max: 1,
  usage: '[-L|-S|-U] channel',
  async exec(ctx: CommandContext): Promise<CommandResult> {
    const name = ctx.args.positional[0];
    const channels = ctx.server.channels;
    if (ctx.args.has('S')) channels.signal(name);
    else if (ctx.args.has('L')) await channels.lock(name);
    else if (ctx.args.has('U')) return channels.unlock(name);
    else await channels.wait(name);
    return undefined;
  },
});
