// The benchmark suite keeps working: every benchmark runs once on tiny inputs (`--smoke`), against
// tsmux and tmux, and produces its report. Nothing here looks at timings (the machines are shared
// and noisy; the figures live in docs/performance.md, written by `npm run bench`).

import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const RUN_ALL = path.resolve(__dirname, '..', '..', 'bench', 'run-all.js');

test('every benchmark runs once on tiny inputs and writes its report', { skip: !fs.existsSync('/usr/bin/tmux') && 'tmux is not installed' }, () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'tsmux-bench-smoke-'));
  try {
    const r = spawnSync(process.execPath, [RUN_ALL, '--smoke', '--out', out], { encoding: 'utf8', timeout: 240_000 });
    assert.equal(r.status, 0, `bench smoke failed:\n${r.stdout}\n${r.stderr}`);
    const report = fs.readFileSync(path.join(out, 'performance.md'), 'utf8');
    for (const figure of ['Throughput', 'Keystroke latency', 'Memory', 'CLI', 'Attach', 'Scale']) {
      assert.match(report, new RegExp(figure), `report mentions ${figure}`);
    }
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
});
