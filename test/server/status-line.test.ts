// The status line drawn from tmux 3.3a's default status-format for several option combinations,
// compared cell by cell (text, colours, attributes) with what tmux itself drew
// (fixtures/status-lines.json, made by fixtures/status-generate.sh).

import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ServerApi } from '../../src/commands/command';
import { formatContextFor } from '../../src/commands/format-target';
import { splitCommandLine } from '../../src/cmdlang/parse';
import { ATTR_BOLD, ATTR_INVERSE, ATTR_UNDERLINE, COLOR_PALETTE } from '../../src/emulator/cell';
import { charWidth } from '../../src/format/width';
import { ALERT_ACTIVITY, ALERT_BELL } from '../../src/model/alerts';
import { Model, Pane, type Session, type Window } from '../../src/model/model';
import { findOption } from '../../src/options/table';
import { drawStatusLines } from '../../src/server/status-line';
import type { DrawCell } from '../../src/format/draw';

interface Fixture {
  name: string;
  cols: number;
  windows: string;
  current: number;
  last: number;
  commands: string[];
  lines: string[];
}

const FIXTURES: Fixture[] = JSON.parse(
  fs.readFileSync(path.join(__dirname, '..', '..', '..', 'test', 'server', 'fixtures', 'status-lines.json'), 'utf8'),
);

interface Cell {
  ch: string;
  fg: number;
  bg: number;
  attrs: number;
}

/** Cells from capture-pane -e output; SGR state carries over from one line to the next, as it does there. */
function parseCaptured(lines: string[], cols: number): Cell[][] {
  const state = { fg: 0, bg: 0, attrs: 0 };
  const out: Cell[][] = [];
  for (const line of lines) {
    const cells: Cell[] = [];
    let i = 0;
    while (i < line.length) {
      const m = /^\x1b\[([0-9;]*)m/.exec(line.slice(i));
      if (m) {
        const params = m[1] === '' ? [0] : m[1].split(';').map(Number);
        for (let p = 0; p < params.length; p++) {
          const n = params[p];
          if (n === 0) Object.assign(state, { fg: 0, bg: 0, attrs: 0 });
          else if (n === 1) state.attrs |= ATTR_BOLD;
          else if (n === 4) state.attrs |= ATTR_UNDERLINE;
          else if (n === 7) state.attrs |= ATTR_INVERSE;
          else if (n >= 30 && n <= 37) state.fg = COLOR_PALETTE | (n - 30);
          else if (n === 39) state.fg = 0;
          else if (n >= 40 && n <= 47) state.bg = COLOR_PALETTE | (n - 40);
          else if (n === 49) state.bg = 0;
          else if (n === 38 || n === 48) {
            const colour = COLOR_PALETTE | params[p + 2];
            if (n === 38) state.fg = colour;
            else state.bg = colour;
            p += 2;
          }
        }
        i += m[0].length;
        continue;
      }
      const ch = String.fromCodePoint(line.codePointAt(i)!);
      i += ch.length;
      cells.push({ ch, ...state });
      if (charWidth(ch.codePointAt(0)!) === 2) cells.push({ ch: '', ...state });
    }
    // capture-pane leaves out trailing blanks: they are in the last style.
    while (cells.length < cols) cells.push({ ch: ' ', ...state });
    out.push(cells);
  }
  return out;
}

function drawnCells(cells: DrawCell[]): Cell[] {
  return cells.map((c) => ({ ch: c.width === 0 ? '' : c.ch, fg: c.fg, bg: c.bg, attrs: c.attrs }));
}

/** A pane that only needs to answer what the status formats ask. */
function fakePane(model: Model, window: Window, cols: number, rows: number): Pane {
  const terminal = { cols, rows, title: '', cursor: () => ({ x: 0, y: 0 }), alternateScreen: false, historySize: 0 };
  const process = { pid: 1, ttyName: '/dev/null', foreground: () => ({ pid: 1, command: 'sleep', cwd: '/' }) };
  const pane = new Pane(model.allocatePaneId(), window, process as never, terminal as never, 'sleep 1000', '/');
  pane.title = 'vm';
  return pane;
}

function setOption(model: Model, session: Session, args: string[]): void {
  const [name, value] = args.filter((a) => a !== '-g');
  const entry = findOption(name);
  assert.ok(entry, `option ${name}`);
  const scope = entry.scope === 'window' ? model.windowOptions : entry.scope === 'server' ? model.serverOptions : session.options.parent!;
  scope.set(name, entry.type === 'flag' ? value === 'on' : entry.type === 'number' ? Number(value) : value);
}

function build(fixture: Fixture): { model: Model; session: Session; lines: number } {
  const model = new Model();
  const session = model.createSession('work', '/');
  const names = fixture.windows.split(',');
  names.forEach((name, index) => {
    const window = model.createWindow(name, fixture.cols, 9);
    model.addPane(fakePane(model, window, fixture.cols, 9));
    session.windows.set(index, window);
  });
  // As the generator: a status-right without the clock.
  model.sessionOptions.set('status-right', '"#{=21:pane_title}" ok');
  let lines = 1;
  for (const command of fixture.commands) {
    for (const argv of splitCommandLine(parseArgv(command))) {
      if (argv[0] === 'set') {
        setOption(model, session, argv.slice(1));
        if (argv.includes('status')) lines = Number(argv[argv.length - 1]);
      } else if (argv[0] === 'split-window') {
        // The two panes tmux gives a 80x8 window split left and right.
        const window = session.windows.get(0)!;
        Object.assign(window.panes[0].terminal, { cols: 40, rows: 8 });
        const second = fakePane(model, window, 39, 8);
        window.panes.push(second);
        window.selectPane(second);
      }
    }
  }
  if (fixture.name === 'bell') session.alerts.set(session.windows.get(1)!, ALERT_BELL);
  if (fixture.name === 'activity') session.alerts.set(session.windows.get(1)!, ALERT_ACTIVITY);
  session.selectWindow(session.windows.get(fixture.last)!);
  session.selectWindow(session.windows.get(fixture.current)!);
  return { model, session, lines };
}

/** A command line as a shell would split it (the fixtures' commands use simple quoting). */
function parseArgv(command: string): string[] {
  const out: string[] = [];
  const re = /'([^']*)'|"((?:[^"\\]|\\.)*)"|(\S+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(command)) !== null) out.push(m[1] ?? m[2] ?? m[3]);
  return out;
}

function show(cells: Cell[]): string {
  return cells.map((c) => c.ch).join('');
}

for (const fixture of FIXTURES) {
  test(`status line as tmux draws it: ${fixture.name}`, () => {
    const { model, session, lines } = build(fixture);
    const server = { model, clients: () => [], pid: 1, socketPath: '/tmp/s', startTime: 0 } as unknown as ServerApi;
    const ctx = formatContextFor(server, { session });
    const drawn = drawStatusLines(session, ctx, fixture.cols, lines);
    const expected = parseCaptured(fixture.lines, fixture.cols);
    for (let y = 0; y < lines; y++) {
      const ours = drawnCells(drawn.lines[y].cells);
      assert.equal(show(ours), show(expected[y]), `text of line ${y}`);
      for (let x = 0; x < fixture.cols; x++) {
        assert.deepEqual(ours[x], expected[y][x], `line ${y} cell ${x} ('${expected[y][x].ch}')`);
      }
    }
  });
}

test('the default status line has a mouse range for status-left, each window and status-right', () => {
  const fixture = FIXTURES.find((f) => f.name === 'default')!;
  const { model, session } = build(fixture);
  const server = { model, clients: () => [], pid: 1, socketPath: '/tmp/s', startTime: 0 } as unknown as ServerApi;
  const line = drawStatusLines(session, formatContextFor(server, { session }), fixture.cols, 1).lines[0];
  const text = line.cells.map((c) => c.ch).join('');
  const at = (x: number): string => {
    const r = line.ranges.find((range) => x >= range.start && x < range.end);
    return r ? (r.type === 'window' ? `window ${r.argument}` : r.type) : 'none';
  };
  assert.equal(at(0), 'left');
  for (const index of [0, 1, 2]) assert.equal(at(text.indexOf(`${index}:bash`)), `window ${index}`);
  assert.equal(at(text.indexOf('"vm"')), 'right');
  assert.equal(at(40), 'none');
});
