// list-keys (lsk): list key bindings as `bind-key` commands that would recreate them, or with -N the
// notes ("C-b d  Detach the current client"), exactly as tmux 3.3a lays them out
// (cmd-list-keys.c): columns padded to the widest table and key, `-r` marked, commands printed as
// tmux prints built commands. -T one table, a key argument one key, -P a prefix string for -N,
// -a with -N also keys without a note, -1 only the first (on the status line from a key binding).

import { quoteArgument } from '../cmdlang/parse';
import { displayWidth } from '../format/width';
import { Key, isMouseKey, keyFromName, keyToName, KEY_CODE_MASK, KEY_MODIFIER_MASK } from '../input/keys';
import { defineCommand, type CommandContext, type CommandEntry, type CommandResult } from './command';
import type { KeyBinding, KeyTables } from './key-tables';
import { printCommandList } from './print-command';

function pad(s: string, width: number): string {
  const w = displayWidth(s);
  return w >= width ? s : s + ' '.repeat(width - w);
}

function noteWidth(tables: KeyTables, table: string, only: number | undefined): number {
  let width = 0;
  for (const b of tables.bindings(table)) {
    if ((only !== undefined && b.key !== only) || isMouseKey(b.key) || !b.note) continue;
    width = Math.max(width, displayWidth(keyToName(b.key)));
  }
  return width;
}

/** The -N lines of one table; returns whether any binding matched. */
function printNotes(
  ctx: CommandContext, table: string, keyWidth: number, only: number | undefined, prefix: string,
): boolean {
  const { args } = ctx;
  let found = false;
  for (const b of ctx.server.keyTables.bindings(table)) {
    if ((only !== undefined && b.key !== only) || isMouseKey(b.key) || (!b.note && !args.has('a'))) continue;
    found = true;
    const note = b.note ? b.note : printCommandList(b.commands, true);
    const line = `${prefix}${pad(keyToName(b.key), keyWidth + 1)}${note}`;
    if (args.has('1') && ctx.client?.session) ctx.client.showMessage(line);
    else ctx.print(line);
    if (args.has('1')) break;
  }
  return found;
}

function listNotes(ctx: CommandContext, table: string | undefined, only: number | undefined): boolean {
  const { args } = ctx;
  const tables = ctx.server.keyTables;
  if (table !== undefined) {
    return printNotes(ctx, table, noteWidth(tables, table, only), only, args.value('P') ?? '');
  }
  const prefixKey = ctx.server.model.sessionOptions.getString('prefix');
  let hasPrefix = keyFromName(prefixKey) !== Key.None;
  const start = args.has('P') ? args.value('P') ?? '' : hasPrefix ? `${prefixKey} ` : '';
  let keyWidth = noteWidth(tables, 'root', only);
  if (hasPrefix) {
    const width = noteWidth(tables, 'prefix', only);
    if (width === 0) hasPrefix = false;
    else keyWidth = Math.max(keyWidth, width);
  }
  let found = printNotes(ctx, 'root', keyWidth, only, ' '.repeat(displayWidth(start)));
  if (hasPrefix && printNotes(ctx, 'prefix', keyWidth, only, start)) found = true;
  return found;
}

function listBindings(ctx: CommandContext, table: string | undefined, only: number | undefined): boolean {
  const tables = ctx.server.keyTables;
  const selected: Array<{ table: string; binding: KeyBinding; key: string }> = [];
  for (const name of tables.tableNames()) {
    if (table !== undefined && name !== table) continue;
    for (const binding of tables.bindings(name)) {
      if (only !== undefined && binding.key !== only) continue;
      selected.push({ table: name, binding, key: quoteArgument(keyToName(binding.key)) });
    }
  }
  const repeat = selected.some((s) => s.binding.repeat);
  const tableWidth = Math.max(0, ...selected.map((s) => displayWidth(s.table)));
  const keyWidth = Math.max(0, ...selected.map((s) => displayWidth(s.key)));
  for (const s of selected) {
    const r = !repeat ? '' : s.binding.repeat ? '-r ' : '   ';
    ctx.print(`bind-key ${r}-T ${pad(s.table, tableWidth)} ${pad(s.key, keyWidth)} ${printCommandList(s.binding.commands, true)}`);
  }
  return selected.length > 0;
}

export const listKeys: CommandEntry = defineCommand({
  name: 'list-keys',
  alias: 'lsk',
  flags: '1aNP:T:',
  min: 0,
  max: 1,
  usage: '[-1aN] [-P prefix-string] [-T key-table] [key]',
  exec(ctx: CommandContext): CommandResult {
    const { args } = ctx;
    const keyName = args.positional[0];
    let only: number | undefined;
    if (keyName !== undefined) {
      const key = keyFromName(keyName);
      if (key === undefined) return { error: `invalid key: ${keyName}` };
      only = key & (KEY_CODE_MASK | KEY_MODIFIER_MASK);
    }
    const table = args.value('T');
    if (table !== undefined && !ctx.server.keyTables.hasTable(table)) return { error: `table ${table} doesn't exist` };
    const found = args.has('N') ? listNotes(ctx, table, only) : listBindings(ctx, table, only);
    if (only !== undefined && !found) return { error: `unknown key: ${keyName}` };
    return undefined;
  },
});
