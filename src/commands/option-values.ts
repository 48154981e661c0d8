// Setting and printing option values as tmux does (options.c: options_from_string,
// options_array_set/assign, options_remove_or_default, options_value_to_string): what a value of
// each type may be, tmux's exact error for one that is not, `-a` appending, toggling a flag or a
// choice given without a value, and the text `show-options` prints.
//
// Every function here returns an error message (tmux's text) or undefined; nothing throws.

import * as fs from 'node:fs';
import { parseColour, colourToString, strtonum } from '../format/colour';
import { parseStyle } from '../format/style';
import { fnmatch } from '../model/target';
import { keyFromName, keyToName } from '../input/keys';
import type { Options } from '../options/options';
import { findOption, type OptionEntry } from '../options/table';

/** The text of an option value as show-options prints it (before quoting). */
export function optionValueString(value: string | number | boolean): string {
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  return String(value);
}

/** Whether show-options quotes the value (tmux quotes string-typed options, not numbers or keys). */
export function isStringOption(entry: OptionEntry | undefined): boolean {
  return entry === undefined || entry.type === 'string' || entry.type === 'style';
}

/**
 * A colour as tmux stores and prints it: `colour1` stays `colour1` (a 256-colour palette entry),
 * `1` and `red` are `red`, `91` is `brightred`, `#FF0000` is `#ff0000`. undefined if invalid.
 */
export function canonicalColour(text: string): string | undefined {
  const colour = parseColour(text);
  if (colour === undefined) return undefined;
  const palette = /^colou?r(.*)$/i.exec(text);
  if (palette !== null) return `colour${strtonum(palette[1], 0, 255)}`;
  return colourToString(colour);
}

/** OpenBSD strtonum's error for a number option ("value is invalid: x"). */
function numberError(value: string, min: number, max: number): string | undefined {
  if (strtonum(value, min, max) !== undefined) return undefined;
  const m = /^[ \t\n\v\f\r]*([+-]?\d+)$/.exec(value);
  if (m === null) return `value is invalid: ${value}`;
  const n = BigInt(m[1]);
  // strtoll saturates: anything beyond long long is "too large"/"too small" all the same.
  return n < BigInt(min) ? `value is too small: ${value}` : `value is too large: ${value}`;
}

/** tmux's checkshell: an absolute path to something executable. */
function isSuitableShell(shell: string): boolean {
  if (!shell.startsWith('/')) return false;
  try {
    fs.accessSync(shell, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The checks tmux applies to a string option's new value (options_from_string_check). */
function checkString(entry: OptionEntry, value: string): string | undefined {
  if (entry.name === 'default-shell' && !isSuitableShell(value)) return `not a suitable shell: ${value}`;
  if (entry.pattern !== undefined && !fnmatch(entry.pattern, value)) return `value is invalid: ${value}`;
  if (entry.type === 'style' && !value.includes('#{') && !parseStyle(value).ok) return `invalid style: ${value}`;
  return undefined;
}

/**
 * A hook's command list must parse; the caller supplies the parser. It returns the commands as
 * tmux prints them (what is stored), or tmux's error.
 */
export type CommandCheck = (text: string) => { value: string } | { error: string };

/** Validate and convert one array item for an array option of this type. */
function arrayItem(entry: OptionEntry, value: string, checkCommand?: CommandCheck): { value: string } | { error: string } {
  if (entry.type === 'colour') {
    const colour = canonicalColour(value);
    return colour === undefined ? { error: `bad colour: ${value}` } : { value: colour };
  }
  if (entry.type === 'command') return checkCommand ? checkCommand(value) : { value };
  return { value };
}

export interface SetRequest {
  /** The option name as matched (a table name or `@user`). */
  name: string;
  /** Array index, or -1. */
  index: number;
  /** undefined when no value was given (toggles flags and choices). */
  value: string | undefined;
  append: boolean;
  /** Parses a hook's command text, for 'command' arrays. */
  checkCommand?: CommandCheck;
}

/**
 * Set an option on `oo` as set-option does once the scope is known. Returns tmux's error text or
 * undefined. The caller has already rejected an index on a non-array (`not an array: …`).
 */
export function setOption(oo: Options, req: SetRequest): string | undefined {
  const { name, value, append } = req;
  if (name.startsWith('@')) {
    if (value === undefined) return 'empty value';
    const old = oo.has(name) ? oo.getString(name) : undefined;
    oo.set(name, append && old !== undefined ? old + value : value);
    return undefined;
  }
  const entry = findOption(name);
  if (!entry) return `invalid option: ${name}`;
  if (entry.array) return setArray(oo, entry, req);

  if (value === undefined && entry.type !== 'flag' && entry.type !== 'choice') return 'empty value';
  switch (entry.type) {
    case 'string':
    case 'style':
    case 'command': {
      const ownOld = oo.has(name) ? oo.getString(name) : undefined;
      // tmux appends to the value set on this scope only; separators come from the table (styles: ',').
      const next = append && ownOld !== undefined ? ownOld + (entry.separator ?? '') + value : value!;
      const error = checkString(entry, next);
      if (error !== undefined) return error;
      oo.set(name, next);
      return undefined;
    }
    case 'number': {
      const error = numberError(value!, entry.min ?? 0, entry.max ?? 2147483647);
      if (error !== undefined) return error;
      oo.set(name, strtonum(value!, entry.min ?? 0, entry.max ?? 2147483647)!);
      return undefined;
    }
    case 'key': {
      const key = keyFromName(value!);
      if (key === undefined) return `bad key: ${value}`;
      oo.set(name, keyToName(key));
      return undefined;
    }
    case 'colour': {
      const colour = canonicalColour(value!);
      if (colour === undefined) return `bad colour: ${value}`;
      oo.set(name, colour);
      return undefined;
    }
    case 'flag': {
      let flag: boolean;
      if (value === undefined || value === '') flag = !oo.getFlag(name);
      else if (value === '1' || /^(on|yes)$/i.test(value)) flag = true;
      else if (value === '0' || /^(off|no)$/i.test(value)) flag = false;
      else return `bad value: ${value}`;
      oo.set(name, flag);
      return undefined;
    }
    case 'choice': {
      const choices = entry.choices ?? [];
      if (value === undefined) {
        // Toggle between the first two choices; a later choice stays as it is (as tmux does).
        const current = choices.indexOf(oo.getString(name));
        oo.set(name, current < 2 ? choices[current === 0 ? 1 : 0] : choices[current]);
        return undefined;
      }
      if (!choices.includes(value)) return `unknown value: ${value}`;
      oo.set(name, value);
      return undefined;
    }
  }
}

function setArray(oo: Options, entry: OptionEntry, req: SetRequest): string | undefined {
  const { name, index, value, append } = req;
  if (value === undefined) return 'empty value';
  if (index >= 0) {
    const item = arrayItem(entry, value, req.checkCommand);
    if ('error' in item) return item.error;
    const old = oo.arrayItems(name, false).find(([i]) => i === index)?.[1];
    const stringAppend = append && old !== undefined && entry.type === 'string';
    ensureOwnArray(oo, name);
    oo.setArrayItem(name, index, stringAppend ? old + item.value : item.value);
    return undefined;
  }
  // A whole array from one string: split at the separator, each piece at the next free index.
  const separator = entry.separator ?? ' ,';
  const pieces =
    value === '' ? [] : separator === '' ? [value] : value.split(new RegExp(`[${escapeClass(separator)}]`)).filter((p) => p !== '');
  const converted: string[] = [];
  for (const p of pieces) {
    const item = arrayItem(entry, p, req.checkCommand);
    if ('error' in item) return item.error;
    converted.push(item.value);
  }
  if (!append) {
    oo.set(name, []);
  } else {
    ensureOwnArray(oo, name);
  }
  for (const v of converted) {
    const used = new Set(oo.arrayItems(name, false).map(([i]) => i));
    let free = 0;
    while (used.has(free)) free++;
    oo.setArrayItem(name, free, v);
  }
  return undefined;
}

/** An array set on this scope for the first time starts empty (tmux's options_empty). */
function ensureOwnArray(oo: Options, name: string): void {
  if (!oo.has(name)) oo.set(name, []);
}

function escapeClass(s: string): string {
  return s.replace(/[\\\]^-]/g, '\\$&');
}

/**
 * set-option -u: a global option goes back to its default, any other scope forgets it (so it
 * inherits again); with an index only that array item goes.
 */
export function unsetOption(oo: Options, name: string, index: number, global: boolean): void {
  if (!oo.has(name)) return;
  if (index >= 0) {
    oo.setArrayItem(name, index, undefined);
    return;
  }
  if (global && findOption(name) !== undefined) oo.resetToDefault(name);
  else oo.unset(name);
}
