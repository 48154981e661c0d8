// unbind-key (unbind): remove a key binding, or with -a every binding of a table
// (cmd-unbind-key.c). -q silences the errors; -n means the root table, -T names one.

import { keyFromName, Key } from '../input/keys';
import { defineCommand, type CommandContext, type CommandEntry, type CommandResult } from './command';

export const unbindKey: CommandEntry = defineCommand({
  name: 'unbind-key',
  alias: 'unbind',
  flags: 'anqT:',
  min: 0,
  max: 1,
  usage: '[-anq] [-T key-table] key',
  exec(ctx: CommandContext): CommandResult {
    const { args } = ctx;
    const tables = ctx.server.keyTables;
    const quiet = args.has('q');
    // With -q tmux says nothing and the exit status stays 0 (it only sets it when it reports an error).
    const fail = (error: string): CommandResult => (quiet ? undefined : { error });
    const keyName = args.positional[0];
    if (args.has('a')) {
      if (keyName !== undefined) return fail('key given with -a');
      const table = args.value('T') ?? (args.has('n') ? 'root' : 'prefix');
      if (!tables.hasTable(table)) return fail(`table ${table} doesn't exist`);
      tables.removeTable(table);
      return undefined;
    }
    if (keyName === undefined) return fail('missing key');
    const key = keyFromName(keyName);
    if (key === undefined || key === Key.None) return fail(`unknown key: ${keyName}`);
    let table: string;
    if (args.has('T')) {
      table = args.value('T')!;
      if (!tables.hasTable(table)) return fail(`table ${table} doesn't exist`);
    } else {
      table = args.has('n') ? 'root' : 'prefix';
    }
    tables.unbind(table, key);
    return undefined;
  },
});
