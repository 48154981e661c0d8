// source-file (source): read commands from files and run them (cmd-source-file.c). Paths are glob
// patterns, relative ones taken from the client's directory; -q ignores files that do not exist,
// -n only parses, -v prints each command (`file:line: command`) before running them, -F expands
// each path as a format first.
//
// tsmux rule, as for the configuration file: every syntax error is reported as `file:line: message`
// and the rest of the file still runs (tmux skips a file with a syntax error).

import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseConfig } from '../cmdlang/parse';
import { expandFormat, formatTrue } from '../format/expand';
import { bestSession, fnmatch } from '../model/target';
import { defineCommand, type CommandContext, type CommandEntry, type CommandResult } from './command';
import { expandFor, formatContextFor, type FormatTarget } from './format-target';
import { printCommand } from './print-command';

const GLOB_CHARS = /[*?[]/;

/** glob(3) without flags: the paths matching a pattern, sorted; the pattern itself if it has no wildcard. */
export function glob(pattern: string): string[] {
  if (!GLOB_CHARS.test(pattern)) return fs.existsSync(pattern) ? [pattern] : [];
  const parts = pattern.split('/');
  let bases = [parts[0] === '' ? '/' : parts[0]];
  for (let i = 1; i < parts.length; i++) {
    const part = parts[i];
    if (part === '') continue;
    const next: string[] = [];
    for (const base of bases) {
      if (!GLOB_CHARS.test(part)) {
        next.push(path.join(base, part));
        continue;
      }
      let names: string[];
      try {
        names = fs.readdirSync(base);
      } catch {
        continue;
      }
      for (const name of names.sort()) {
        // As glob(3), a leading dot must be matched explicitly.
        if (name.startsWith('.') && !part.startsWith('.')) continue;
        if (fnmatch(part, name)) next.push(path.join(base, name));
      }
    }
    bases = next;
  }
  return bases.filter((p) => fs.existsSync(p));
}

/** What %if sees: the command's current session (the best one for a client outside tsmux). */
function conditionTarget(ctx: CommandContext): FormatTarget {
  const pane = ctx.origin.pane;
  const session = ctx.client?.session ?? ctx.origin.session ?? (pane ? ctx.server.model.sessionsOf(pane.window)[0] : undefined) ?? bestSession(ctx.server.model);
  return { client: ctx.client, session, ...(pane && session?.current === pane.window ? { window: pane.window, pane } : {}) };
}

/** The directory relative paths are taken from: the client's, else the session's, else home. */
function workingDirectory(ctx: CommandContext): string {
  if (ctx.client && !ctx.client.session && ctx.client.identify.cwd) return ctx.client.identify.cwd;
  const session = ctx.client?.session ?? ctx.origin.session;
  return session?.cwd ?? process.env.HOME ?? '/';
}

function strerror(e: NodeJS.ErrnoException): string {
  if (e.code === 'ENOENT') return 'No such file or directory';
  if (e.code === 'EACCES') return 'Permission denied';
  if (e.code === 'EISDIR') return 'Is a directory';
  return e.message;
}

export const sourceFile: CommandEntry = defineCommand({
  name: 'source-file',
  alias: 'source',
  flags: 'Fnqv',
  min: 1,
  max: -1,
  usage: '[-Fnqv] path ...',
  async exec(ctx: CommandContext): Promise<CommandResult> {
    const { args } = ctx;
    const quiet = args.has('q');
    const cwd = workingDirectory(ctx);
    const errors: string[] = [];
    const files: string[] = [];
    for (let p of args.positional) {
      if (args.has('F')) p = expandFor(ctx, p, ctx.target ? { session: ctx.target.session, window: ctx.target.window, pane: ctx.target.pane } : {});
      if (p === '-') {
        errors.push('-: reading from stdin is not supported');
        continue;
      }
      const matches = glob(p.startsWith('/') ? p : path.join(cwd, p));
      if (matches.length === 0) {
        if (!quiet) errors.push(`${p}: No such file or directory`);
        continue;
      }
      files.push(...matches);
    }

    const environment = ctx.server.model.environment;
    // A file's errors are shown as tmux shows config causes: to a client as output, and otherwise
    // (the configuration read at start-up) as errors.
    const report = (line: string): void => (ctx.client ? ctx.print(line) : ctx.error(line));
    let failed = errors.length > 0;
    for (const file of files) {
      let text: string;
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch (e) {
        report(`${file}: ${strerror(e as NodeJS.ErrnoException)}`);
        failed = true;
        continue;
      }
      const parsed = parseConfig(text, {
        file,
        environment: (name) => environment.get(name) ?? undefined,
        home: (user) => (user === undefined ? environment.get('HOME') ?? process.env.HOME : undefined),
        evaluateCondition: (expr) => formatTrue(expandFormat(expr, formatContextFor(ctx.server, conditionTarget(ctx)))),
        ...(args.has('n') ? {} : { assign: (name: string, value: string) => environment.set(name, value) }),
      });
      // Syntax errors are reported like tmux reports a file's errors, and the good commands still run.
      for (const e of parsed.errors) report(e.error);
      if (parsed.errors.length > 0) failed = true;
      if (args.has('v')) for (const c of parsed.commands) ctx.print(`${file}:${c.line}: ${printCommand(c.argv)}`);
      if (args.has('n')) continue;
      if (!(await ctx.run(parsed.commands, { groups: true }))) failed = true;
    }
    // Paths that matched nothing are this command's errors; errors inside files were reported as
    // they happened, and the status still says something failed.
    if (errors.length > 0) return { error: errors.join('\n') };
    return failed ? { error: '' } : undefined;
  },
});
