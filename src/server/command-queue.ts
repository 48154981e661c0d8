// The command queue: runs a list of commands for a client one after another, as tmux's cmdq does.
// For each command it finds the entry, parses the flags against the entry's getopt spec, resolves
// the -t/-s target, and only then calls exec — so a command never parses flags or targets itself.
//
// Exit status and errors follow tmux (cmd-queue.c): an error goes to the client's stderr, sets the
// client's exit status to 1 and skips the rest of its command group (a command line, one string
// given to if-shell, one hook); commands a command runs (if-shell, run-shell -C, hooks) are run
// right after it, in their own group, so their failure does not stop the commands after the one
// that ran them. run-shell sets the exit status to its program's. After a command succeeds its
// `after-<command>` hooks run, with the command's target as their current target.
//
// Commands read from a file run in tmux's groups (the commands of one line): an error skips the rest
// of its group only, and is reported as `file:line: message` when there is no client to tell.

import { parseArgs, printArgs } from '../cmdlang/args';
import { parseCommands, type Arg, type ParsedCommand } from '../cmdlang/parse';
import type { ClientApi, CommandContext, CommandList, ServerApi } from '../commands/command';
import { findCommand } from '../commands/registry';
import { tmuxArgumentKind } from '../commands/tmux-commands';
import { AFTER_HOOK_COMMANDS } from '../options/hooks';
import { currentTarget, resolveTarget, type Origin, type Resolved } from '../model/target';
import { log } from './log';

export interface CommandOutput {
  stdout(line: string): void;
  stderr(line: string): void;
  /** Bytes for the client's stdout (1) or stderr (2), unchanged (save-buffer -); default: as text. */
  write?(stream: 1 | 2, data: Uint8Array): void;
  /** The client's whole stdin (load-buffer -), if the client can send it. */
  readStdin?(): Promise<Uint8Array | { error: string }>;
  /** Around each command of the list (not those it runs itself): control mode's %begin/%end. */
  commandStart?(): void;
  commandEnd?(failed: boolean): void;
}

export interface RunOptions {
  /** Commands run by hooks do not run hooks themselves (tmux's CMDQ_STATE_NOHOOKS). */
  noHooks?: boolean;
  /** Extra format variables for the commands (hook, hook_session…). */
  formats?: Readonly<Record<string, string>>;
  /** Prefix errors with `file:line: ` for commands that know where they came from (no client). */
  locate?: boolean;
}

/**
 * tmux's command-alias option: `name=command args` makes `name` run that command, with the words
 * typed after the alias appended. Only an exact alias name matches, and an alias wins over a
 * command of the same name.
 */
function expandAlias(server: ServerApi, argv: readonly Arg[]): Arg[] {
  const name = argv[0];
  if (typeof name !== 'string') return [...argv];
  for (const item of (server.model.serverOptions.get('command-alias') as string[] | undefined) ?? []) {
    const eq = item.indexOf('=');
    if (eq <= 0 || item.slice(0, eq) !== name) continue;
    const parsed = parseCommands(item.slice(eq + 1), {
      oneGroup: true,
      environment: (n) => process.env[n],
      home: () => process.env.HOME,
      evaluateCondition: () => false,
    });
    if (!parsed.ok || parsed.commands.length !== 1) return [...argv];
    return [...parsed.commands[0].argv, ...argv.slice(1)];
  }
  return [...argv];
}

/** One client's run through the queue: the output it reads and the exit status it will get. */
export class QueueRun {
  retval = 0;
  /** How deep in commands run by commands we are (guards go around the outermost only). */
  private depth = 0;
  /** Whether the outermost command's guard (control mode's %begin) is still open. */
  private guardOpen = false;

  constructor(
    readonly server: ServerApi,
    readonly client: ClientApi | undefined,
    readonly output: CommandOutput,
  ) {}

  /** Run parsed commands group by group (a failure skips the rest of its group only). */
  async runParsed(commands: readonly ParsedCommand[], origin: Origin, options: RunOptions = {}): Promise<boolean> {
    let ok = true;
    let i = 0;
    while (i < commands.length) {
      const group = commands[i].group;
      const argvs: Arg[][] = [];
      const first = commands[i];
      for (; i < commands.length && commands[i].group === group; i++) argvs.push(commands[i].argv);
      const where = options.locate && first.file !== undefined ? `${first.file}:${first.line}: ` : undefined;
      if (!(await this.runList(argvs, origin, options, where))) ok = false;
    }
    return ok;
  }

  /** Run one group of commands; false if one failed (the rest were skipped). */
  async runList(commands: readonly Arg[][], origin: Origin, options: RunOptions = {}, where?: string): Promise<boolean> {
    for (const argv of commands) {
      if (argv.length === 0) continue;
      const guard = this.depth === 0;
      if (guard) {
        this.output.commandStart?.();
        this.guardOpen = true;
      }
      this.depth++;
      let error: string | undefined;
      try {
        error = await this.runOne(argv, origin, options);
      } finally {
        this.depth--;
      }
      if (error !== undefined) {
        if (error !== '') this.output.stderr((where ?? '') + error);
        this.retval = 1;
      }
      if (guard && this.guardOpen) this.output.commandEnd?.(error !== undefined);
      this.guardOpen = false;
      if (error !== undefined) return false;
    }
    return true;
  }

  private async runOne(original: Arg[], origin: Origin, options: RunOptions): Promise<string | undefined> {
    const argv = expandAlias(this.server, original);
    const name = argv[0];
    if (typeof name !== 'string') return 'unknown command: {';
    const lookup = findCommand(name);
    if (!lookup.ok) return lookup.error;
    const entry = lookup.entry;
    const parsed = parseArgs<Arg>(argv.slice(1), {
      flags: entry.flags, min: entry.min, max: entry.max, name: entry.name, usage: entry.usage,
      argumentKind: entry.argumentKind ?? tmuxArgumentKind(entry.name),
    });
    if (!parsed.ok) return parsed.error;
    // The message log records every command run (tmux's cmdq_add_message).
    const printed = printArgs(parsed.args);
    this.server.messages.add(`${this.client ? `${this.client.name} ` : ''}command: ${entry.name}${printed ? ' ' + printed : ''}`);
    let target: Resolved | undefined;
    let hookTarget: Resolved | undefined;
    if (entry.target) {
      const resolution = resolveTarget(this.server.model, parsed.args.value(entry.target.flag), entry.target.kind, origin);
      if (resolution.ok) target = resolution.target;
      else if (!entry.target.canFail) return resolution.error;
    }
    const output = this.output;
    const ctx: CommandContext = {
      // Entries that accept no blocks only ever see strings here (parseArgs refuses blocks for them).
      args: parsed.args as CommandContext['args'],
      rawArgs: parsed.args,
      target,
      server: this.server,
      client: this.client,
      origin,
      formats: options.formats,
      print: (line) => output.stdout(line),
      write: (stream, data) => {
        if (output.write) output.write(stream, data);
        else (stream === 1 ? output.stdout : output.stderr)(Buffer.from(data).toString('utf8').replace(/\n$/, ''));
      },
      readStdin: () => (output.readStdin ? output.readStdin() : Promise.resolve({ error: 'no stdin' })),
      runCommands: async (commands, more = {}) => {
        // In tmux these commands run after this one, each in its own %begin/%end in control mode:
        // close this command's block first and give them theirs.
        const depth = this.depth;
        if (this.guardOpen && depth === 1) {
          this.output.commandEnd?.(false);
          this.guardOpen = false;
          this.depth = 0;
        }
        try {
          await this.runParsed(commands, more.origin ?? origin, {
            noHooks: options.noHooks || more.noHooks,
            formats: { ...options.formats, ...more.formats },
          });
        } finally {
          this.depth = depth;
        }
      },
      run: async (commands, more = {}) => {
        const before = this.retval;
        this.retval = 0;
        const ok = isParsed(commands)
          ? await this.runParsed(commands, origin, { ...options, locate: options.locate })
          : await this.runList(commands as Arg[][], origin, options);
        const clean = ok && this.retval === 0;
        if (!more.groups && !clean) this.retval = 1;
        else this.retval = Math.max(before, this.retval);
        return clean;
      },
      setExitStatus: (code) => {
        this.retval = code;
      },
      setCurrent: (current) => {
        // The origin object is shared by the rest of this command list (tmux's cmdq state).
        origin.state = current;
      },
      setHookTarget: (t) => {
        hookTarget = t;
      },
      error: (message) => {
        output.stderr(message);
        this.retval = 1;
      },
    };
    let result;
    try {
      result = await entry.exec(ctx);
    } catch (e) {
      // A bug in one command must not take the server down.
      log(`command ${entry.name} threw: ${(e as Error).stack ?? e}`);
      return `${entry.name}: internal error: ${(e as Error).message}`;
    }
    if (result && 'error' in result) return result.error;
    if (!options.noHooks && AFTER_HOOK_COMMANDS.has(entry.name)) {
      const state = hookTarget ?? target ?? currentTarget(this.server.model, origin);
      const hookName = `after-${entry.name}`;
      for (const hook of this.server.hooks.find(hookName, state ?? {})) {
        await this.runParsed(hook.commands, { ...origin, state }, { noHooks: true, formats: { hook: hookName } });
      }
    }
    return undefined;
  }
}

function isParsed(commands: CommandList): commands is readonly ParsedCommand[] {
  return commands.length > 0 && !Array.isArray(commands[0]);
}

/**
 * Run `commands` in order; resolves to the exit status (0, or 1 after an error, or run-shell's).
 * Parsed commands (from a file or a string) run by groups; argv lists (a command line) as one group.
 */
export async function runCommands(
  server: ServerApi,
  client: ClientApi | undefined,
  origin: Origin,
  commands: CommandList,
  output: CommandOutput,
  options: RunOptions = {},
): Promise<number> {
  const run = new QueueRun(server, client, output);
  if (isParsed(commands)) {
    await run.runParsed(commands, { ...origin }, options);
    return run.retval;
  }
  const argvs = commands as readonly Arg[][];
  // tmux builds the whole command line before running any of it: an unknown command or a bad flag
  // anywhere means nothing runs.
  const error = buildError(server, argvs);
  if (error !== undefined) {
    output.stderr(error);
    return 1;
  }
  // Commands may change what is current for the ones after them (new-window, split-window…).
  await run.runList(argvs, { ...origin }, options);
  return run.retval;
}

/** The first error building these commands would give (tmux's cmd_parse_from_arguments), if any. */
function buildError(server: ServerApi, commands: readonly Arg[][]): string | undefined {
  for (const argv of commands) {
    if (argv.length === 0) continue;
    const name = argv[0];
    if (typeof name !== 'string') return 'unknown command: {';
    const lookup = findCommand(name);
    if (!lookup.ok) {
      // An alias (command-alias) is checked when it runs.
      if (expandAlias(server, argv) !== argv && expandAlias(server, argv)[0] !== name) continue;
      return lookup.error;
    }
    const e = lookup.entry;
    const parsed = parseArgs<Arg>(argv.slice(1), {
      flags: e.flags, min: e.min, max: e.max, name: e.name, usage: e.usage, argumentKind: e.argumentKind ?? tmuxArgumentKind(e.name),
    });
    if (!parsed.ok) return parsed.error;
  }
  return undefined;
}
