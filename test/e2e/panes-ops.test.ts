// Replays what tmux 3.3a did with the pane and layout commands (test/e2e/fixtures/panes-ops.txt,
// written by panes-generate.sh) through the real tsmux binary, and expects the same exit status,
// output or error, windows (index, flags, #{window_layout}, #{window_visible_layout}) and panes (ids
// in each window's order, the active one, the marked one) after every command: swap-pane,
// rotate-window, break-pane, join-pane, move-pane, select-pane -m/-M/-Z/-d/-e, last-pane,
// resize-pane, select-layout, next-layout, previous-layout and respawn-pane's refusal.

import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT, TestTsmux } from '../harness/tsmux';

const FIXTURE = path.join(ROOT, 'test', 'e2e', 'fixtures', 'panes-ops.txt');
const WINDOWS = '#{session_name}:#{window_index}#{window_flags} #{window_layout} #{window_visible_layout}';
const PANES = '#{session_name}:#{window_index}.#{pane_index}=#{pane_id}#{?pane_active,*,}#{?pane_marked,M,}';
const MARK = '@@state@@';

interface Step {
  command: string;
  status: number;
  output: string;
  windows: string;
  panes: string;
}

interface Scenario {
  name: string;
  size: string;
  steps: Step[];
}

function readScenarios(): Scenario[] {
  const scenarios: Scenario[] = [];
  for (const line of fs.readFileSync(FIXTURE, 'utf8').split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const m = /^scenario (\S+) (\d+x\d+)$/.exec(line);
    if (m) {
      scenarios.push({ name: m[1], size: m[2], steps: [] });
      continue;
    }
    const [command, status, output, windows, panes] = line.split('\t');
    scenarios[scenarios.length - 1].steps.push({ command, status: Number(status), output, windows, panes });
  }
  return scenarios;
}

/** The state as the fixture records it, from one `list-windows ; list-panes` run's output. */
function stateOf(text: string): { windows: string; panes: string } {
  const lines = text.split('\n').filter((l) => l !== '');
  return {
    windows: lines.filter((l) => !l.includes('=%')).join(' ; '),
    panes: lines.filter((l) => l.includes('=%')).join(' '),
  };
}

for (const scenario of readScenarios()) {
  test(`tmux 3.3a pane commands: ${scenario.name}`, async () => {
    const t = new TestTsmux();
    try {
      const [cols, rows] = scenario.size.split('x');
      const created = await t.run(['new-session', '-d', '-s', 's', '-x', cols, '-y', rows]);
      assert.equal(created.code, 0, created.stderr);
      const query = ['list-windows', '-a', '-F', WINDOWS, ';', 'list-panes', '-a', '-F', PANES];
      for (const step of scenario.steps) {
        // The command and then, if it succeeds, the state queries in the same run.
        const words = step.command.split(' ');
        const r = await t.run([...words, ';', 'display-message', '-p', MARK, ';', ...query]);
        const at = r.stdout.indexOf(MARK + '\n');
        const output = (at >= 0 ? r.stdout.slice(0, at) : r.stdout) + r.stderr;
        let stateText = at >= 0 ? r.stdout.slice(at + MARK.length + 1) : (await t.run(query)).stdout;
        if (at < 0 && r.code === 0) stateText = (await t.run(query)).stdout;
        const where = `${scenario.name}: ${step.command}`;
        assert.equal(r.code, step.status, `${where}: exit status (${output.trim()})`);
        assert.equal(output.trim().replace(/\n/g, ' '), step.output, `${where}: output`);
        const state = stateOf(stateText);
        assert.equal(state.windows, step.windows, `${where}: windows`);
        assert.equal(state.panes, step.panes, `${where}: panes`);
      }
    } finally {
      await t.cleanup();
    }
  });
}
