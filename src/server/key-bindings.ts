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
const DEFAULTS: ReadonlyArray<[table: string, key: string, commands: string[][], note: string, repeat?: boolean]> = [
  ['prefix', 'C-b', [['send-prefix']], 'Send the prefix key'],
  ['prefix', 'd', [['detach-client']], 'Detach the current client'],
  ['prefix', 'c', [['new-window']], 'Create a new window'],
  ['prefix', 'n', [['next-window']], 'Select the next window'],
  ['prefix', 'p', [['previous-window']], 'Select the previous window'],
  ['prefix', 'l', [['last-window']], 'Select the previously current window'],
  ...[0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map(
    (n): [string, string, string[][], string] => ['prefix', String(n), [['select-window', '-t', `:=${n}`]], `Select window ${n}`],
  ),
  ['prefix', '%', [['split-window', '-h']], 'Split window horizontally'],
  ['prefix', '"', [['split-window']], 'Split window vertically'],
  ['prefix', 'o', [['select-pane', '-t', ':.+']], 'Select the next pane'],
  ['prefix', ';', [['last-pane']], 'Move to the previously active pane'],
  ['prefix', 'Up', [['select-pane', '-U']], 'Select the pane above the active pane', true],
  ['prefix', 'Down', [['select-pane', '-D']], 'Select the pane below the active pane', true],
  ['prefix', 'Left', [['select-pane', '-L']], 'Select the pane to the left of the active pane', true],
  ['prefix', 'Right', [['select-pane', '-R']], 'Select the pane to the right of the active pane', true],
];

export class KeyTables {
  private readonly tables = new Map<string, Map<number, KeyBinding>>();

  constructor() {
    for (const [table, name, commands, note, repeat] of DEFAULTS) {
      const key = keyFromName(name);
      if (key !== undefined) this.bind(table, key, { commands, repeat: repeat ?? false, note });
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
