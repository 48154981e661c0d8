// Scoped option storage with inheritance, as tmux's options.c: each scope holds only the values set
// on it and asks its parent for the rest (a session's options → global session options; a pane's →
// its window's → global window options). The root of each chain starts from the table's defaults.

import { OPTION_TABLE, type OptionScope } from './table';

export type OptionValue = string | number | boolean | string[];

export class Options {
  private readonly values = new Map<string, OptionValue>();

  constructor(readonly parent: Options | undefined) {}

  /** Global options for a scope, filled with the table's defaults. */
  static defaults(scope: OptionScope): Options {
    const o = new Options(undefined);
    for (const e of OPTION_TABLE) {
      if (e.scope === scope) o.values.set(e.name, Array.isArray(e.default) ? [...e.default] : e.default);
    }
    return o;
  }

  get(name: string): OptionValue | undefined {
    const own = this.values.get(name);
    if (own !== undefined) return own;
    return this.parent?.get(name);
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
    this.values.set(name, value);
  }

  unset(name: string): void {
    this.values.delete(name);
  }

  /** The options set on this scope, by name. */
  entries(): Array<[string, OptionValue]> {
    return [...this.values.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1));
  }
}
