// Every template in fixtures/format-cases.json expands exactly as tmux 3.3a expanded it. The expected
// strings, the session/window/pane tree and its variables were recorded from the real tmux by
// fixtures/generate.sh; here a FormatContext serves the same values back, so no tmux is needed.

// The fixture was recorded with TZ=UTC; set it before any Date is made.
process.env.TZ = 'UTC';

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { expandFormat, type FormatContext } from '../../src/format/expand';
import { searchLines } from '../../src/format/match';

type Variables = Record<string, string>;
interface FixturePane { current: boolean; variables: Variables }
interface FixtureWindow { current: boolean; variables: Variables; panes: FixturePane[] }
interface FixtureSession { variables: Variables; windows: FixtureWindow[] }
interface FixtureCase { format: string; note?: string; mode?: 'display'; jobs?: boolean; now: number; expected: string }
interface Fixture {
  tmux: string;
  context: { session: string; window: number; pane: number };
  paneLines: string[];
  shell: Record<string, string>;
  sessions: FixtureSession[];
  cases: FixtureCase[];
}

const fixture: Fixture = JSON.parse(
  fs.readFileSync(path.join(__dirname, '../../../test/format/fixtures/formats.json'), 'utf8'),
);

/** A context for a session, window or pane of the recorded tree, answering as tmux did. */
function contextFor(now: Date, session: FixtureSession, window?: FixtureWindow, pane?: FixturePane): FormatContext {
  const variables = (pane ?? window ?? session).variables;
  const currentWindow = window ?? session.windows.find((w) => w.current)!;
  const currentPane = pane ?? currentWindow.panes.find((p) => p.current)!;
  const isTop = session.variables.session_name === fixture.context.session &&
    currentWindow.variables.window_index === String(fixture.context.window) &&
    currentPane.variables.pane_index === String(fixture.context.pane);
  return {
    current: (pane ?? window)?.current,
    variable: (name) => (Object.hasOwn(variables, name) ? variables[name] : undefined),
    now: () => now,
    sessions: () => fixture.sessions.map((s) => contextFor(now, s)),
    windows: () => session.windows.map((w) => contextFor(now, session, w)),
    panes: () => currentWindow.panes.map((p) => contextFor(now, session, currentWindow, p)),
    shell: (command) => fixture.shell[command] ?? '',
    // Only the pane the cases are expanded in has recorded text.
    searchPane: (pattern, regex, ignoreCase) => (isTop ? searchLines(fixture.paneLines, pattern, regex, ignoreCase) : 0),
  };
}

function topContext(now: Date): FormatContext {
  const { context } = fixture;
  const session = fixture.sessions.find((s) => s.variables.session_name === context.session)!;
  const window = session.windows.find((w) => w.variables.window_index === String(context.window))!;
  const pane = window.panes.find((p) => p.variables.pane_index === String(context.pane))!;
  return contextFor(now, session, window, pane);
}

describe(`format expansion matches ${fixture.tmux}`, () => {
  test('the fixture has the promised breadth', () => {
    assert.ok(fixture.cases.length >= 80, `${fixture.cases.length} cases`);
  });

  for (const c of fixture.cases) {
    const how = c.mode === 'display' ? ' [time-expanded]' : '';
    test(`${JSON.stringify(c.format)}${c.note ? ` — ${c.note}` : ''}${how}`, () => {
      const ctx = topContext(new Date(c.now * 1000));
      assert.equal(expandFormat(c.format, ctx, { time: c.mode === 'display' }), c.expected);
    });
  }
});
