// The package version, read once from package.json (dist/src/version.js → ../../package.json).

import * as fs from 'node:fs';
import * as path from 'node:path';

let cached: string | undefined;

export function packageVersion(): string {
  if (cached === undefined) {
    try {
      cached = (JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;
    } catch {
      cached = 'unknown';
    }
  }
  return cached;
}
