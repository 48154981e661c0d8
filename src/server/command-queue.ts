// The command queue: runs a list of commands for a client one after another, as tmux's cmdq does.
// For each command it finds the entry, parses the flags against the entry's getopt spec, resolves
// the -t/-s target, and only then calls exec — so a command never parses flags or targets itself.
// The first error stops the list; its message goes to the client's stderr and the status is 1.
//
// Commands read from a file run in tmux's groups (the commands of one line): an error skips the
// rest of its group only, and is reported as `file:line: message` when there is no client to tell.

import { parseArgs, printArgs } from '../cmdlang/args';
import { parseCommands, type Arg, type ParsedCommand } from '../cmdlang/parse';
import type { ClientApi, CommandContext, CommandList, ServerApi } from '../commands/command';
import { findCommand } from '../commands/registry';
import { tmuxArgumentKind } from '../commands/tmux-commands';
import { resolveTarget, type Origin } from '../model/target';
import { log } from './log';

export interface CommandOutput {
  stdout(line: string): void;
  stderr(line: string): void;
}

export interface RunOptions {
  /** A failed command skips only the rest of its group (commands from a file), not the whole list. */
  groups?: boolean;
  /** Prefix errors with `file:line: ` for commands that know where they came from (no client). */
  locate?: boolean;
}

function argvOf(c: readonly Arg[] | ParsedCommand): readonly Arg[] {
  return 'argv' in c ? c.argv : c;
}

/**
 * tmux's command-alias option: `name=command args` makes `name` run that command, with the words
 * typed after the alias appended. Only an exact alias name matches, and an alias wins over a
 * command of the same name.
 */
function expandAlias(server: ServerApi, argv: readonly Arg[]): readonly Arg[] {
  const name = argv[0];
  if (typeof name !== 'string') return argv;
  for (const item of server.model.serverOptions.get('command-alias') as string[] | undefined ?? []) {
    const eq = item.indexOf('=');
    if (eq <= 0 || item.slice(0, eq) !== name) continue;
    const parsed = parseCommands(item.slice(eq + 1), {
      oneGroup: true,
      environment: (n) => process.env[n],
      home: () => process.env.HOME,
      evaluateCondition: () => false,
    });
    if (!parsed.ok || parsed.commands.length !== 1) return argv;
    return [...parsed.commands[0].argv, ...argv.slice(1)];
  }
  return argv;
}

/** Run `commands` in order; resolves to the exit status (0, or 1 after an error). */
export async function runCommands(
  server: ServerApi,
  client: ClientApi | undefined,
  origin: Origin,
  commands: CommandList,
  output: CommandOutput,
  options: RunOptions = {},
): Promise<number> {
  let status = 0;
  let skipGroup: number | undefined;
  for (const command of commands) {
    const group = 'argv' in command ? command.group : undefined;
    if (skipGroup !== undefined && group === skipGroup) continue;
    skipGroup = undefined;
    const where = options.locate && 'argv' in command && command.file !== undefined ? `${command.file}:${command.line}: ` : '';
    const fail = (message: string): void => {
      if (message !== '') output.stderr(where + message);
      status = 1;
    };
    const result = await runOne(server, client, origin, argvOf(command), output, fail, options);
    // Commands run inside this one (source-file) that failed make the status 1 but stop nothing here.
    if (result === 'nested-errors') status = 1;
    if (result !== 'failed') continue;
    if (!options.groups || group === undefined) return 1;
    skipGroup = group;
  }
  return status;
}

async function runOne(
  server: ServerApi,
  client: ClientApi | undefined,
  origin: Origin,
  original: readonly Arg[],
  output: CommandOutput,
  fail: (message: string) => void,
  options: RunOptions,
): Promise<'ok' | 'failed' | 'nested-errors'> {
  if (original.length === 0) return 'ok';
  const argv = expandAlias(server, original);
  const name = argv[0];
  if (typeof name !== 'string') {
    fail('invalid command');
    return 'failed';
  }
  const lookup = findCommand(name);
  if (!lookup.ok) {
    fail(lookup.error);
    return 'failed';
  }
  const entry = lookup.entry;
  const parsed = parseArgs<Arg>(argv.slice(1), {
    flags: entry.flags,
    min: entry.min,
    max: entry.max,
    name: entry.name,
    usage: entry.usage,
    argumentKind: entry.argumentKind ?? tmuxArgumentKind(entry.name),
  });
  if (!parsed.ok) {
    fail(parsed.error);
    return 'failed';
  }
  let target;
  if (entry.target) {
    const resolution = resolveTarget(server.model, parsed.args.value(entry.target.flag), entry.target.kind, origin);
    if (resolution.ok) target = resolution.target;
    else if (!entry.target.canFail) {
      fail(resolution.error);
      return 'failed';
    }
  }
  // The message log records every command run (tmux's cmdq_add_message).
  const printed = printArgs(parsed.args);
  server.messages.add(`${client ? `${client.name} ` : ''}command: ${entry.name}${printed ? ' ' + printed : ''}`);
  let nestedFailed = false;
  const ctx: CommandContext = {
    // Entries that accept no blocks only ever see strings here (parseArgs refuses blocks for them).
    args: parsed.args as CommandContext['args'],
    rawArgs: parsed.args,
    target,
    server,
    client,
    origin,
    print: (line) => output.stdout(line),
    error: (line) => {
      nestedFailed = true;
      if (client) output.stdout(line);
      else output.stderr(line);
    },
    run: async (commands, runOptions) => {
      const code = await runCommands(server, client, origin, commands, output, { ...options, groups: runOptions?.groups ?? options.groups });
      if (code !== 0) nestedFailed = true;
      return code === 0;
    },
  };
  let result;
  try {
    result = await entry.exec(ctx);
  } catch (e) {
    // A bug in one command must not take the server down.
    log(`command ${entry.name} threw: ${(e as Error).stack ?? e}`);
    fail(`${entry.name}: internal error: ${(e as Error).message}`);
    return 'failed';
  }
  if (result && 'error' in result) {
    fail(result.error);
    return 'failed';
  }
  return nestedFailed ? 'nested-errors' : 'ok';
}
