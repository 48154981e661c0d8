// The command queue: runs a list of commands for a client one after another, as tmux's cmdq does.
// For each command it finds the entry, parses the flags against the entry's getopt spec, resolves
// the -t/-s target, and only then calls exec — so a command never parses flags or targets itself.
// The first error stops the list; its message goes to the client's stderr and the status is 1.

import { parseArgs, printArgs } from '../cmdlang/args';
import type { ClientApi, CommandContext, ServerApi } from '../commands/command';
import { findCommand } from '../commands/registry';
import { resolveTarget, type Origin } from '../model/target';
import { log } from './log';

export interface CommandOutput {
  stdout(line: string): void;
  stderr(line: string): void;
}

/** Run `commands` in order; resolves to the exit status (0, or 1 after the first error). */
export async function runCommands(
  server: ServerApi,
  client: ClientApi | undefined,
  origin: Origin,
  commands: string[][],
  output: CommandOutput,
): Promise<number> {
  for (const argv of commands) {
    if (argv.length === 0) continue;
    const lookup = findCommand(argv[0]);
    if (!lookup.ok) {
      output.stderr(lookup.error);
      return 1;
    }
    const entry = lookup.entry;
    const parsed = parseArgs(argv.slice(1), { flags: entry.flags, min: entry.min, max: entry.max, name: entry.name, usage: entry.usage });
    if (!parsed.ok) {
      output.stderr(parsed.error);
      return 1;
    }
    let target;
    if (entry.target) {
      const resolution = resolveTarget(server.model, parsed.args.value(entry.target.flag), entry.target.kind, origin);
      if (resolution.ok) target = resolution.target;
      else if (!entry.target.canFail) {
        output.stderr(resolution.error);
        return 1;
      }
    }
    // The message log records every command run (tmux's cmdq_add_message).
    const printed = printArgs(parsed.args);
    server.messages.add(`${client ? `${client.name} ` : ''}command: ${entry.name}${printed ? ' ' + printed : ''}`);
    const ctx: CommandContext = {
      args: parsed.args,
      target,
      server,
      client,
      origin,
      print: (line) => output.stdout(line),
    };
    let result;
    try {
      result = await entry.exec(ctx);
    } catch (e) {
      // A bug in one command must not take the server down.
      log(`command ${entry.name} threw: ${(e as Error).stack ?? e}`);
      output.stderr(`${entry.name}: internal error: ${(e as Error).message}`);
      return 1;
    }
    if (result && 'error' in result) {
      output.stderr(result.error);
      return 1;
    }
  }
  return 0;
}
