// What a new pane's program starts with: its environment (global, then session, then -e, then the
// variables tsmux itself sets), its shell, and a TERM whose terminfo entry exists on this machine.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { isHidden } from '../model/environment';

/**
 * Merge environments in order; a null value in a later layer removes the variable (set-environment
 * -r / -u). `fixed` always wins.
 */
export function paneEnvironment(
  global: Map<string, string | null>,
  session: Map<string, string | null>,
  extra: Record<string, string>,
  fixed: Record<string, string>,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const layer of [global, session]) {
    for (const [k, v] of layer) {
      // Hidden variables (set-environment -h) are never given to processes.
      if (v === null || isHidden(layer, k)) delete env[k];
      else env[k] = v;
    }
  }
  Object.assign(env, extra, fixed);
  // A pane of ours is not inside tmux, whatever the server's own environment said.
  delete env.TMUX;
  delete env.TMUX_PANE;
  return env;
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** default-shell if set and executable, else $SHELL, else /bin/sh (tmux's order). */
export function resolveShell(option: string, env: Record<string, string>): string {
  for (const candidate of [option, env.SHELL, '/bin/sh']) {
    if (candidate && path.isAbsolute(candidate) && isExecutable(candidate)) return candidate;
  }
  return '/bin/sh';
}

const TERMINFO_DIRS = ['/etc/terminfo', '/lib/terminfo', '/usr/share/terminfo', '/usr/lib/terminfo'];

function hasTerminfo(name: string): boolean {
  if (!name) return false;
  const dirs = [...TERMINFO_DIRS];
  if (process.env.HOME) dirs.unshift(path.join(process.env.HOME, '.terminfo'));
  if (process.env.TERMINFO) dirs.unshift(process.env.TERMINFO);
  for (const dir of dirs) {
    if (fs.existsSync(path.join(dir, name[0], name))) return true;
    // macOS and some systems use the first character's hex code as the directory.
    if (fs.existsSync(path.join(dir, name.charCodeAt(0).toString(16), name))) return true;
  }
  return false;
}

const termCache = new Map<string, string>();

/** The requested TERM if its terminfo entry exists; tmux-256color falls back to screen-256color. */
export function terminfoName(requested: string): string {
  const cached = termCache.get(requested);
  if (cached) return cached;
  let chosen = requested;
  if (!hasTerminfo(requested)) {
    for (const fallback of ['screen-256color', 'screen', 'xterm-256color']) {
      if (hasTerminfo(fallback)) {
        chosen = fallback;
        break;
      }
    }
  }
  termCache.set(requested, chosen);
  return chosen;
}
