// Files named by commands (load-buffer, save-buffer): a relative path is taken from the client's
// working directory (tmux's server_client_get_cwd), and `-` is the client's stdin or stdout, which
// only a command-line client has. Errors are tmux's: `PATH: strerror`.

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CommandContext } from './command';

/** The directory relative paths start from: an unattached client's, else the session's, else HOME. */
export function clientDirectory(ctx: CommandContext): string {
  const client = ctx.client;
  if (client && !client.session && client.identify.cwd) return client.identify.cwd;
  const session = ctx.target?.session ?? client?.session;
  if (session) return session.cwd;
  return process.env.HOME || '/';
}

export function clientPath(ctx: CommandContext, file: string): string {
  return path.resolve(clientDirectory(ctx), file);
}

const ERRNO_TEXT: Readonly<Record<string, string>> = {
  ENOENT: 'No such file or directory',
  EACCES: 'Permission denied',
  EISDIR: 'Is a directory',
  ENOTDIR: 'Not a directory',
  EBADF: 'Bad file descriptor',
  ENOSPC: 'No space left on device',
  EROFS: 'Read-only file system',
  EPERM: 'Operation not permitted',
};

export function errnoText(e: NodeJS.ErrnoException): string {
  return (e.code && ERRNO_TEXT[e.code]) || e.message;
}

/** Whether `-` can mean this client's stdin/stdout (a command-line client, not an attached one). */
function canUseStdio(ctx: CommandContext): boolean {
  return ctx.client !== undefined && ctx.client.session === undefined && !ctx.client.isControl;
}

/** Read a file (or `-`: the client's stdin) as bytes. */
export async function readClientFile(ctx: CommandContext, file: string): Promise<Buffer | { error: string }> {
  if (file === '-') {
    if (!canUseStdio(ctx)) return { error: '-: Bad file descriptor' };
    const data = await ctx.readStdin();
    return data instanceof Uint8Array ? Buffer.from(data) : { error: `-: ${data.error}` };
  }
  const full = clientPath(ctx, file);
  try {
    return await fs.promises.readFile(full);
  } catch (e) {
    return { error: `${full}: ${errnoText(e as NodeJS.ErrnoException)}` };
  }
}

/** Write bytes to a file (or `-`: the client's stdout), appending with `append`. */
export async function writeClientFile(ctx: CommandContext, file: string, data: Buffer, append: boolean): Promise<string | undefined> {
  if (file === '-') {
    if (!canUseStdio(ctx)) return '-: Bad file descriptor';
    ctx.write(1, data);
    return undefined;
  }
  const full = clientPath(ctx, file);
  try {
    await fs.promises.writeFile(full, data, { flag: append ? 'a' : 'w' });
    return undefined;
  } catch (e) {
    return `${full}: ${errnoText(e as NodeJS.ErrnoException)}`;
  }
}
