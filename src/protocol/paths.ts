// Where the server's socket lives, by tmux's rules (tmux.c: main, make_label):
//   -S PATH                      → PATH as given
//   $TSMUX (inside a pane)       → the socket before its first comma, unless -L was given
//   otherwise                    → realpath($TMUX_TMPDIR or /tmp)/tsmux-UID/(-L NAME | default)
// The tsmux-UID directory is created 0700 and must be ours and not accessible to others.
// Shared by the client (to connect and to start a server) and the server (to listen).

import * as fs from 'node:fs';
import * as path from 'node:path';

export interface SocketChoice {
  /** -S PATH */
  socketPath?: string;
  /** -L NAME */
  label?: string;
}

export type SocketResolution = { ok: true; path: string } | { ok: false; error: string };

function userId(): number {
  return typeof process.getuid === 'function' ? process.getuid() : 0;
}

/** The directory holding default sockets, created if needed; errors use tmux's wording. */
export function socketDirectory(env: NodeJS.ProcessEnv): SocketResolution {
  let base = '/tmp';
  const tmpdir = env.TMUX_TMPDIR;
  if (tmpdir) {
    try {
      base = fs.realpathSync(tmpdir);
    } catch {
      // tmux 3.3a silently falls back to /tmp when $TMUX_TMPDIR does not resolve.
      base = '/tmp';
    }
  }
  const dir = path.join(base, `tsmux-${userId()}`);
  try {
    fs.mkdirSync(dir, { mode: 0o700 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') {
      return { ok: false, error: `couldn't create directory ${dir} (${(e as Error).message})` };
    }
  }
  let st: fs.Stats;
  try {
    st = fs.lstatSync(dir);
  } catch (e) {
    return { ok: false, error: `couldn't create directory ${dir} (${(e as Error).message})` };
  }
  if (!st.isDirectory()) return { ok: false, error: `${dir} is not a directory` };
  if (st.uid !== userId() || (st.mode & 0o007) !== 0) return { ok: false, error: `directory ${dir} has unsafe permissions` };
  return { ok: true, path: dir };
}

export function resolveSocketPath(choice: SocketChoice, env: NodeJS.ProcessEnv): SocketResolution {
  if (choice.socketPath) return { ok: true, path: path.resolve(choice.socketPath) };
  if (choice.label === undefined && env.TSMUX) {
    const fromPane = env.TSMUX.split(',')[0];
    if (fromPane) return { ok: true, path: fromPane };
  }
  const label = choice.label ?? 'default';
  if (label.includes('/')) return { ok: false, error: `invalid socket name: ${label}` };
  const dir = socketDirectory(env);
  if (!dir.ok) return dir;
  return { ok: true, path: path.join(dir.path, label) };
}
