// Key tables: what a key does in each table (tmux's key-bindings.c). `prefix` is used after the
// prefix key, `root` without it, `copy-mode` and `copy-mode-vi` in copy mode, and any other name is
// a user table entered with `switch-client -T`. A binding is a command list (kept parsed, run
// through the command queue like anything typed at the prompt), an optional note (`bind -N`, shown
// by `list-keys -N` and `C-b ?`), and whether it repeats (`bind -r`).
//
// Tables and bindings are listed in tmux's order: tables by name (strcmp), keys by tmux's key code
// order (characters, then mouse keys, then special keys; modifiers Meta < Ctrl < Shift after).

import type { ParsedCommand } from '../cmdlang/parse';
import {
  KEY_CODE_MASK, KEY_MODIFIER_MASK, Key, MOUSE_KEY_KINDS, MOUSE_KEY_LOCATIONS, isMouseKey, isUserKey, mouseKey,
} from '../input/keys';

export interface KeyBinding {
  readonly key: number;
  readonly commands: readonly ParsedCommand[];
  /** May be repeated within repeat-time without pressing the prefix again (bind -r). */
  readonly repeat: boolean;
  readonly note: string | undefined;
}

/** Where a special key sorts in tmux's key code order (key codes above Unicode). */
const SPECIAL_ORDER = new Map<number, number>([
  [Key.FocusIn, 0],
  [Key.FocusOut, 1],
  [Key.Any, 2],
  [Key.PasteStart, 3],
  [Key.PasteEnd, 4],
]);
/** Mouse keys come next, in tmux's kind-then-location order; then BSpace, F1… as our codes already are. */
const MOUSE_ORDER = new Map<number, number>();
{
  let n = 0;
  for (const kind of MOUSE_KEY_KINDS) for (const location of MOUSE_KEY_LOCATIONS) MOUSE_ORDER.set(mouseKey(kind, location)!, n++);
}
const SPECIAL_START = 0x110000;

/** A number that sorts keys as tmux's key codes sort (RB tree by key_code). */
export function keySortRank(key: number): number {
  const modifiers = key & KEY_MODIFIER_MASK;
  const code = key & KEY_CODE_MASK;
  let rank: number;
  if (code < SPECIAL_START) rank = code;
  else if (code === Key.None) rank = 0x4000000;
  else if (SPECIAL_ORDER.has(code)) rank = SPECIAL_START + SPECIAL_ORDER.get(code)!;
  else if (isMouseKey(code)) rank = SPECIAL_START + 0x10 + MOUSE_ORDER.get(code)!;
  else if (isUserKey(code)) rank = 0x2000000 + code;
  else rank = SPECIAL_START + 0x1000 + (code - SPECIAL_START);
  // Modifier bits are above every code in both orders; Meta < Ctrl < Shift in both.
  return modifiers * 0x100 + rank;
}

export class KeyTables {
  private readonly tables = new Map<string, Map<number, KeyBinding>>();

  /**
   * Bind `key` in `table`. Without commands only the note of an existing binding changes (tmux's
   * `bind -N note key`).
   */
  bind(table: string, key: number, binding: { commands?: readonly ParsedCommand[]; repeat: boolean; note: string | undefined }): void {
    let t = this.tables.get(table);
    if (binding.commands === undefined) {
      const existing = t?.get(key);
      if (existing && t) t.set(key, { ...existing, note: binding.note });
      return;
    }
    if (!t) this.tables.set(table, (t = new Map()));
    t.set(key, { key, commands: binding.commands, repeat: binding.repeat, note: binding.note });
  }

  /** Remove one binding; a table left empty goes too (as in tmux). */
  unbind(table: string, key: number): void {
    const t = this.tables.get(table);
    if (!t) return;
    t.delete(key);
    if (t.size === 0) this.tables.delete(table);
  }

  /** Remove a whole table (unbind -a). */
  removeTable(table: string): void {
    this.tables.delete(table);
  }

  hasTable(table: string): boolean {
    return this.tables.has(table);
  }

  lookup(table: string, key: number): KeyBinding | undefined {
    return this.tables.get(table)?.get(key);
  }

  /** Table names in tmux's order. */
  tableNames(): string[] {
    return [...this.tables.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  /** A table's bindings in tmux's key order. */
  bindings(table: string): KeyBinding[] {
    const t = this.tables.get(table);
    if (!t) return [];
    return [...t.values()].sort((a, b) => keySortRank(a.key) - keySortRank(b.key));
  }
}
