// Cleanup that always happens: every server, client, flood and temp directory a benchmark creates
// registers a synchronous undo here. A Scope runs its undos (newest first) when the benchmark ends,
// and anything still registered runs on process exit, Ctrl-C or SIGTERM — so a failed or
// interrupted run never leaves a server behind. Undos are synchronous so they can run in 'exit'.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const live = new Set<Scope>();

export class Scope {
  private readonly undos: Array<{ what: string; fn: () => void }> = [];

  constructor() {
    live.add(this);
  }

  /** Register an undo; returns a function that runs it early (once). */
  defer(what: string, fn: () => void): () => void {
    const entry = { what, fn };
    this.undos.push(entry);
    return () => {
      const i = this.undos.indexOf(entry);
      if (i < 0) return;
      this.undos.splice(i, 1);
      runQuietly(entry);
    };
  }

  close(): void {
    while (this.undos.length > 0) runQuietly(this.undos.pop()!);
    live.delete(this);
  }
}

function runQuietly(entry: { what: string; fn: () => void }): void {
  try {
    entry.fn();
  } catch (e) {
    process.stderr.write(`bench: cleanup of ${entry.what} failed: ${e instanceof Error ? e.message : String(e)}\n`);
  }
}

/** A fresh directory under the system temp dir, removed when the scope closes. */
export function tempDir(scope: Scope, prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
  scope.defer(`directory ${dir}`, () => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Run a body with a fresh scope that is closed however the body ends. */
export async function withScope<T>(body: (scope: Scope) => Promise<T>): Promise<T> {
  const scope = new Scope();
  try {
    return await body(scope);
  } finally {
    scope.close();
  }
}

function closeAll(): void {
  for (const scope of [...live]) scope.close();
}

process.on('exit', closeAll);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    process.stderr.write(`bench: ${signal}, cleaning up\n`);
    closeAll();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  });
}
