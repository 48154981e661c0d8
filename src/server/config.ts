// The configuration file (tmux's cfg.c): which files are read when the server starts, reading them
// through the command language, running their commands with no client, and keeping the errors
// ("causes") to show later in the active pane of a session, in view mode, as tmux does.
//
// Files: `-f FILE` (several allowed) replaces the defaults, and then a missing file is an error. By
// default every one of these that exists is read, in order: ~/.tsmux.conf,
// $XDG_CONFIG_HOME/tsmux/tsmux.conf, ~/.config/tsmux/tsmux.conf (the same file is read once).
//
// tsmux rule, different from tmux: tmux skips a whole file with a syntax error. tsmux reports every
// error as `file:line: message` and still applies the rest of the file (cmdlang's parseConfig).
// Errors from running commands are tmux's (`file:line: invalid option: foo`), and as in tmux a
// failed command skips only the rest of its line.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseConfig, type ParsedCommand } from '../cmdlang/parse';
import { formatContextFor } from '../commands/format-target';
import { expandFormat, formatTrue } from '../format/expand';
import type { Model, Session } from '../model/model';
import { runCommands, type CommandOutput } from './command-queue';
import { log } from './log';
import type { Server } from './server';
import { viewModeAdd } from './view-mode';

/** The C library's text for an errno code, as tmux prints it after a path. */
export function strerror(e: NodeJS.ErrnoException): string {
  const known: Record<string, string> = {
    ENOENT: 'No such file or directory',
    EACCES: 'Permission denied',
    EISDIR: 'Is a directory',
    ENOTDIR: 'Not a directory',
    ELOOP: 'Too many levels of symbolic links',
    EMFILE: 'Too many open files',
    ENOMEM: 'Cannot allocate memory',
    EINVAL: 'Invalid argument',
  };
  return (e.code && known[e.code]) || e.message;
}

/** The default configuration files, in the order they are read. */
export function defaultConfigFiles(env: NodeJS.ProcessEnv): string[] {
  const home = env.HOME || os.homedir();
  const files = [path.join(home, '.tsmux.conf')];
  if (env.XDG_CONFIG_HOME) files.push(path.join(env.XDG_CONFIG_HOME, 'tsmux', 'tsmux.conf'));
  files.push(path.join(home, '.config', 'tsmux', 'tsmux.conf'));
  const seen = new Set<string>();
  return files.filter((f) => {
    let real = f;
    try {
      real = fs.realpathSync(f);
    } catch {
      // missing: compared by name
    }
    if (seen.has(real)) return false;
    seen.add(real);
    return true;
  });
}

/**
 * What tmux sets from the environment when it starts: default-shell from $SHELL (when it is an
 * executable absolute path), and from $VISUAL or $EDITOR the editor option and, if the editor's
 * name contains "vi", vi keys for status-keys and mode-keys.
 */
export function applyEnvironmentDefaults(model: Model, env: NodeJS.ProcessEnv): void {
  const shell = env.SHELL;
  if (shell && shell.startsWith('/')) {
    try {
      fs.accessSync(shell, fs.constants.X_OK);
      model.sessionOptions.set('default-shell', shell);
    } catch {
      // not usable: keep /bin/sh
    }
  }
  const editor = env.VISUAL ?? env.EDITOR;
  if (editor !== undefined) {
    model.serverOptions.set('editor', editor);
    const keys = path.basename(editor).includes('vi') ? 'vi' : 'emacs';
    model.sessionOptions.set('status-keys', keys);
    model.windowOptions.set('mode-keys', keys);
  }
}

/** How the command language sees the server while reading a file (environment, ~, %if). */
export function parseEnvironment(server: Server): {
  environment(name: string): string | undefined;
  home(user?: string): string | undefined;
  evaluateCondition(expr: string): boolean;
  assign(name: string, value: string): void;
} {
  const environment = server.model.environment;
  return {
    environment: (name) => environment.get(name) ?? undefined,
    home: (user) => {
      if (user === undefined || user === os.userInfo().username) return environment.get('HOME') || os.homedir();
      return undefined;
    },
    evaluateCondition: (expr) => formatTrue(expandFormat(expr, formatContextFor(server, {}))),
    assign: (name, value) => environment.set(name, value),
  };
}

export type ReadResult = { ok: true; commands: ParsedCommand[]; errors: string[] } | { ok: false; error: string; missing: boolean };

/** Read and parse one file with tsmux's rule (every syntax error reported, the rest kept). */
export function readConfigFile(server: Server, file: string, parseOnly = false): ReadResult {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return { ok: false, error: `${file}: ${strerror(err)}`, missing: err.code === 'ENOENT' };
  }
  const env = parseEnvironment(server);
  const parsed = parseConfig(text, { file, ...env, ...(parseOnly ? { assign: undefined } : {}) });
  return { ok: true, commands: parsed.commands, errors: parsed.errors.map((e) => e.error) };
}

/** Configuration state of one server: loaded once at start, errors kept until a session shows them. */
export class Config {
  /** Errors not yet shown (tmux's cfg_causes). */
  causes: string[] = [];
  finished = false;

  constructor(private readonly server: Server) {}

  /** Read the files and run them with no client; missing files are errors only when `required`. */
  async load(files: readonly string[], required: boolean): Promise<void> {
    const output: CommandOutput = {
      // Commands in a config file have no client to print to (display -p prints nothing).
      stdout: () => undefined,
      stderr: (line) => this.causes.push(line),
    };
    for (const file of files) {
      const read = readConfigFile(this.server, file);
      if (!read.ok) {
        if (read.missing && !required) continue;
        this.causes.push(read.error);
        continue;
      }
      log(`loading ${file}`);
      this.causes.push(...read.errors);
      try {
        await runCommands(this.server, undefined, {}, read.commands, output, { locate: true });
      } catch (e) {
        log(`config ${file} failed: ${(e as Error).stack ?? e}`);
      }
    }
    this.finished = true;
    // Sessions made by the config file show the errors at once (tmux shows them in the first by name).
    const first = this.server.model.sessionList()[0];
    if (first) this.showCauses(first);
  }

  /** Show the pending errors in view mode in a session's active pane (tmux's cfg_show_causes). */
  showCauses(session: Session): void {
    if (!this.finished || this.causes.length === 0) return;
    const pane = session.current?.active;
    if (!pane) return;
    const causes = this.causes;
    this.causes = [];
    for (const cause of causes) viewModeAdd(pane, (mode) => this.server.setPaneMode(pane, mode), cause);
    this.server.paneModeChanged(pane);
  }
}
