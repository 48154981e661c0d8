// Scoped option storage with inheritance, as tmux's options.c: each scope holds only the values set
// on it and asks its parent for the rest (a session's options → global session options; a pane's →
// its window's → global window options). The root of each chain starts from the table's defaults.
//
// Values are kept in their tmux types: numbers, flags (booleans), and strings for everything else
// (choices, key names, colour names, styles). Array options are sparse (`update-environment[5]`):
// they are stored as index → string and read back as a dense list in index order.
//
// This module only stores. Validation and tmux's texts for set-option live in
// commands/option-values.ts.

import { OPTION_TABLE, type OptionScope } from './table';

export type OptionValue = string | number | boolean | string[];

/** A sparse array option's items by index. */
type ArrayItems = Map<number, string>;
type Stored = string | number | boolean | ArrayItems;

export class Options {
  private readonly values = new Map<string, Stored>();

  constructor(readonly parent: Options | undefined) {}

  /** Global options for a scope, filled with the table's defaults. */
  static defaults(scope: OptionScope): Options {
    const o = new Options(undefined);
    for (const e of OPTION_TABLE) if (e.scope === scope) o.resetToDefault(e.name);
    return o;
  }

  /** Put an option back to the table's default on this scope (tmux's options_default). */
  resetToDefault(name: string): void {
    const e = OPTION_TABLE.find((entry) => entry.name === name);
    if (!e) return;
    if (e.array) {
      const items: ArrayItems = new Map();
      (e.default as readonly string[]).forEach((v, i) => items.set(i, v));
      this.values.set(name, items);
    } else {
      this.values.set(name, e.default as string | number | boolean);
    }
  }

  /** The scope that holds the value in effect (this one or an ancestor). */
  owner(name: string): Options | undefined {
    for (let o: Options | undefined = this; o; o = o.parent) if (o.values.has(name)) return o;
    return undefined;
  }

  get(name: string): OptionValue | undefined {
    const stored = this.owner(name)?.values.get(name);
    if (stored instanceof Map) return [...sortedItems(stored)].map(([, v]) => v);
    return stored;
  }

  getString(name: string): string {
    const v = this.get(name);
    if (v === undefined) return '';
    if (typeof v === 'boolean') return v ? 'on' : 'off';
    if (Array.isArray(v)) return v.join(',');
    return String(v);
  }

  getNumber(name: string): number {
    const v = this.get(name);
    return typeof v === 'number' ? v : Number(v ?? 0);
  }

  getFlag(name: string): boolean {
    const v = this.get(name);
    return v === true || v === 'on';
  }

  /** Whether this scope itself sets the option (not inherited). */
  has(name: string): boolean {
    return this.values.has(name);
  }

  set(name: string, value: OptionValue): void {
    if (Array.isArray(value)) {
      this.values.set(name, new Map(value.map((v, i) => [i, v])));
      return;
    }
    this.values.set(name, value);
  }

  unset(name: string): void {
    this.values.delete(name);
  }

  /** Whether the value in effect (own or inherited) is an array. */
  isArray(name: string): boolean {
    return this.owner(name)?.values.get(name) instanceof Map;
  }

  /** An array option's items as [index, value] in index order (own, or inherited with `inherit`). */
  arrayItems(name: string, inherit = true): Array<[number, string]> {
    const holder = inherit ? this.owner(name) : this.values.has(name) ? this : undefined;
    const stored = holder?.values.get(name);
    return stored instanceof Map ? sortedItems(stored) : [];
  }

  /** Set (or with undefined remove) one item of an array option on this scope, creating it empty. */
  setArrayItem(name: string, index: number, value: string | undefined): void {
    let stored = this.values.get(name);
    if (!(stored instanceof Map)) {
      stored = new Map();
      this.values.set(name, stored);
    }
    if (value === undefined) stored.delete(index);
    else stored.set(index, value);
  }

  /** The options set on this scope, by name. */
  entries(): Array<[string, OptionValue]> {
    return [...this.values.keys()].sort((a, b) => (a < b ? -1 : 1)).map((name) => [name, this.get(name)!]);
  }

  /**
   * The option as a format variable (`#{name}`, `#{name[n]}`) sees it, or undefined if this scope
   * chain does not have it: flags are 1/0 (so `#{?synchronize-panes,…}` tests them), a whole array
   * is empty and `name[n]` is one item (tmux's options_to_string with numeric values).
   */
  formatValue(text: string): string | undefined {
    const m = /^(.+)\[(\d+)\]$/.exec(text);
    const name = m ? m[1] : text;
    const holder = this.owner(name);
    if (!holder) return undefined;
    const stored = holder.values.get(name)!;
    if (stored instanceof Map) return m ? stored.get(Number(m[2])) ?? '' : '';
    if (m) return undefined;
    if (typeof stored === 'boolean') return stored ? '1' : '0';
    return String(stored);
  }

  /** Names of the user options (`@…`) set on this scope, sorted as tmux lists them. */
  userOptionNames(): string[] {
    return [...this.values.keys()].filter((n) => n.startsWith('@')).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }
}

function sortedItems(items: ArrayItems): Array<[number, string]> {
  return [...items.entries()].sort((a, b) => a[0] - b[0]);
}
