// Key tables: what a key does in each table (`prefix` after the prefix key, `root` without it).
// Bindings are commands, as tmux's are (key-bindings.c), so the defaults are written as command
// argv lists and run through the same command queue as anything typed at a prompt.

import { keyFromName } from '../input/keys';

export interface KeyBinding {
  readonly commands: string[][];
  /** May be repeated within repeat-time without pressing the prefix again (bind -r). */
  readonly repeat: boolean;
  readonly note: string;
}

// tmux's defaults for the commands tsmux implements so far (tmux-notes.md §2).
const DEFAULTS: ReadonlyArray<[table: string, key: string, commands: string[][], note: string]> = [
  ['prefix', 'C-b', [['send-prefix']], 'Send the prefix key'],
  ['prefix', 'd', [['detach-client']], 'Detach the current client'],
];

export class KeyTables {
  private readonly tables = new Map<string, Map<number, KeyBinding>>();

  constructor() {
    for (const [table, name, commands, note] of DEFAULTS) {
      const key = keyFromName(name);
      if (key !== undefined) this.bind(table, key, { commands, repeat: false, note });
    }
  }

  bind(table: string, key: number, binding: KeyBinding): void {
    let t = this.tables.get(table);
    if (!t) this.tables.set(table, (t = new Map()));
    t.set(key, binding);
  }

  lookup(table: string, key: number): KeyBinding | undefined {
    return this.tables.get(table)?.get(key);
  }
}
