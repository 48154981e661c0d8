// The frame writer, judged by what a real terminal emulator (headless xterm) shows after replaying
// its output, and by the size and shape of that output.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ATTR_BOLD,
  ATTR_DIM,
  ATTR_UNDERLINE,
  COLOR_PALETTE,
  CursorState,
  Frame,
  Grid,
  rgbColor,
} from '../../src/emulator/cell';
import { ScreenWriter, TerminalCaps } from '../../src/render/writer';
import { ReplayTerminal } from './headless';
import { FrameSource, copyGrid, put } from './random-frames';

const TRUECOLOUR: TerminalCaps = { colours: 16777216, syncOutput: false };
const ALL_CAPS: TerminalCaps[] = [
  { colours: 16777216, syncOutput: false },
  { colours: 256, syncOutput: true },
  { colours: 16, syncOutput: false },
];

function blankFrame(cols: number, rows: number, cursor: Partial<CursorState> = {}): Frame {
  return { grid: new Grid(cols, rows), cursor: { x: 0, y: 0, visible: true, style: 0, ...cursor } };
}

function textFrame(lines: string[], cols: number, cursor: Partial<CursorState> = {}): Frame {
  const frame = blankFrame(cols, lines.length, cursor);
  lines.forEach((line, y) => {
    let x = 0;
    for (const ch of line) {
      const wide = /[\u4e00-\u9fff]/.test(ch);
      put(frame.grid, x, y, ch, wide ? 2 : 1, 0, 0, 0);
      x += wide ? 2 : 1;
    }
  });
  return frame;
}

function withCursor(frame: Frame, cursor: Partial<CursorState>): Frame {
  return { grid: frame.grid, cursor: { ...frame.cursor, ...cursor } };
}

function printable(s: string): string {
  return JSON.stringify(s).replace(/\\u001b/g, '\\e');
}

/** Render each frame in turn into one terminal; fail on the first frame it does not show exactly. */
async function assertShows(frames: Frame[], caps: TerminalCaps = TRUECOLOUR): Promise<string[]> {
  const writer = new ScreenWriter(caps);
  const terminal = await ReplayTerminal.open(frames[0].grid.cols, frames[0].grid.rows);
  const outputs: string[] = [];
  try {
    for (const frame of frames) {
      const out = writer.render(frame);
      outputs.push(out);
      // A real client tty translates LF to CR LF (libuv's raw mode keeps ONLCR), so output that
      // relies on LF to move down would land in the wrong column there; the replay here would not see it.
      assert.ok(!out.includes('\n'), `no LF in ${printable(out)}`);
      await terminal.feed(out);
      const differences = terminal.differences(frame, caps.colours);
      assert.deepEqual(differences, [], `after ${outputs.map(printable).join(' then ')}`);
    }
  } finally {
    terminal.dispose();
  }
  return outputs;
}

test('after any sequence of random frames the terminal shows exactly the last one', async () => {
  const sizes: Array<[number, number]> = [
    [1, 1],
    [2, 3],
    [3, 2],
    [1, 4],
    [5, 1],
    [80, 24],
  ];
  let cases = 0;
  for (let seed = 1; seed <= 400; seed++) {
    const source = new FrameSource(seed);
    const caps = ALL_CAPS[seed % ALL_CAPS.length];
    const [cols, rows] = seed <= sizes.length * 4 ? sizes[(seed - 1) % sizes.length] : [1 + source.int(14), 1 + source.int(7)];

    // The caller composes every frame into the same Grid object: the writer must keep its own copy.
    const shared = new Grid(cols, rows);
    const writer = new ScreenWriter(caps);
    const terminal = await ReplayTerminal.open(cols, rows);
    let frame = source.frame(cols, rows);
    const outputs: string[] = [];
    try {
      for (let step = 0; step < 5; step++) {
        if (step > 0) frame = source.chance(0.7) ? source.mutate(frame) : source.frame(cols, rows);
        if (step === 3 && source.chance(0.2)) writer.invalidate();
        copyGrid(frame.grid, shared);
        const out = writer.render({ grid: shared, cursor: frame.cursor });
        outputs.push(out);
        await terminal.feed(out);
        const differences = terminal.differences(frame, caps.colours);
        if (differences.length > 0) {
          assert.fail(
            `seed ${seed} (${cols}x${rows}, ${caps.colours} colours) frame ${step}: ${differences.join('; ')}\n` +
              outputs.map((o, n) => `  render ${n}: ${printable(o)}`).join('\n'),
          );
        }
        assert.equal(writer.render({ grid: shared, cursor: frame.cursor }), '', `seed ${seed}: frame ${step} drawn twice`);
        cases++;
      }
    } finally {
      terminal.dispose();
    }
  }
  assert.equal(cases, 2000);
});

test('a size change redraws the whole frame at the new size', async () => {
  const source = new FrameSource(7);
  const writer = new ScreenWriter(TRUECOLOUR);
  const terminal = await ReplayTerminal.open(6, 3);
  try {
    await terminal.feed(writer.render(source.frame(6, 3)));
    const larger = source.frame(9, 4);
    terminal.term.resize(9, 4);
    const out = writer.render(larger);
    assert.ok(out.includes('\x1b[2J'), printable(out));
    await terminal.feed(out);
    assert.deepEqual(terminal.differences(larger, TRUECOLOUR.colours), []);
  } finally {
    terminal.dispose();
  }
});

test('an unchanged frame produces no output', () => {
  const writer = new ScreenWriter({ colours: 256, syncOutput: true });
  const frame = textFrame(['hello', 'world'], 10, { x: 3, y: 1 });
  assert.notEqual(writer.render(frame), '');
  assert.equal(writer.render(frame), '');
  assert.equal(writer.render(withCursor(frame, {})), '');
});

test('one changed cell is a short update with no clear', async () => {
  const before = textFrame(['hello', 'world'], 80, { x: 5, y: 1 });
  const after = textFrame(['hello', 'wOrld'], 80, { x: 5, y: 1 });
  const [, out] = await assertShows([before, after]);
  assert.ok(!out.includes('\x1b[2J'), printable(out));
  assert.ok(out.length <= 12, `${printable(out)} is ${out.length} long`);
});

test('the first render clears the screen and writes only the non-blank cells', () => {
  const writer = new ScreenWriter(TRUECOLOUR);
  const frame = blankFrame(80, 24, { x: 0, y: 0 });
  frame.grid.set(40, 12, 'x', 1, 0, 0, 0);
  const out = writer.render(frame);
  assert.ok(out.startsWith('\x1b[0m\x1b[H\x1b[2J'), printable(out));
  assert.ok(out.length < 40, `${printable(out)} is ${out.length} long`);
});

test('invalidate makes the next render a full redraw', async () => {
  const frame = textFrame(['abc'], 5);
  const writer = new ScreenWriter(TRUECOLOUR);
  writer.render(frame);
  writer.invalidate();
  const out = writer.render(frame);
  assert.ok(out.includes('\x1b[2J'), printable(out));
  assert.ok(out.includes('abc'), printable(out));
});

test('adjacent changed cells are written without moving the cursor between them', async () => {
  const before = textFrame(['..........'], 10, { x: 0, y: 0 });
  const after = textFrame(['.....XYZ..'], 10, { x: 8, y: 0 });
  const [, out] = await assertShows([before, after]);
  assert.equal(out, '\x1b[5CXYZ');
});

test('a short gap of unchanged cells in the same pen is rewritten instead of skipped', async () => {
  const before = textFrame(['..........'], 10, { x: 0, y: 0 });
  const after = textFrame(['A..B......'], 10, { x: 4, y: 0 });
  const [, out] = await assertShows([before, after]);
  assert.equal(out, 'A..B');
});

test('the cursor moves by the cheapest of CUP and relative moves', () => {
  const writer = new ScreenWriter(TRUECOLOUR);
  const frame = blankFrame(80, 24, { x: 10, y: 10 });
  writer.render(frame);
  assert.equal(writer.render(withCursor(frame, { x: 14 })), '\x1b[4C');
  assert.equal(writer.render(withCursor(frame, { x: 12 })), '\b\b');
  // Down two rows to column 0: CUP (ESC[13H) — LF is never used (see assertShows).
  assert.equal(writer.render(withCursor(frame, { x: 0, y: 12 })), '\x1b[13H');
  assert.equal(writer.render(withCursor(frame, { x: 0, y: 0 })), '\x1b[H');
  assert.equal(writer.render(withCursor(frame, { x: 70, y: 20 })), '\x1b[21;71H');
  // One cell right over a blank the pen draws identically: rewriting it is one byte, ESC[C three.
  assert.equal(writer.render(withCursor(frame, { x: 71, y: 20 })), ' ');
});

test('a blank row tail is cleared with EL after setting its background', async () => {
  const bg = COLOR_PALETTE | 4;
  const before = textFrame(['some text here', 'more text here'], 14, { x: 0, y: 0 });
  const after = textFrame(['some', 'more text here'], 14, { x: 0, y: 0 });
  for (let x = 4; x < 14; x++) after.grid.set(x, 0, ' ', 1, 0, bg, 0);
  const [, out] = await assertShows([before, after]);
  assert.ok(out.includes('\x1b[44m\x1b[K'), printable(out));
});

test('a tail that turns blank on the default background is cleared with the pen reset first', async () => {
  const red = COLOR_PALETTE | 1;
  const before = blankFrame(12, 2);
  for (let x = 0; x < 12; x++) before.grid.set(x, 0, '#', 1, 0, red, ATTR_BOLD);
  const after = blankFrame(12, 2);
  after.grid.set(0, 0, '#', 1, 0, red, ATTR_BOLD);
  await assertShows([before, after]);
});

test('RGB colours are downgraded to the nearest of 256 or 16 colours', async () => {
  const frame = blankFrame(4, 1, { x: 3 });
  frame.grid.set(0, 0, 'r', 1, rgbColor(255, 0, 0), rgbColor(0, 0, 0x80), 0);

  const out256 = new ScreenWriter({ colours: 256, syncOutput: false }).render(frame);
  assert.ok(out256.includes('38;5;196'), printable(out256));
  assert.ok(!out256.includes('38;2;'), printable(out256));

  const out16 = new ScreenWriter({ colours: 16, syncOutput: false }).render(frame);
  assert.ok(/\x1b\[[0-9;]*\b(91|31)\b/.test(out16), printable(out16));
  assert.ok(!out16.includes('38;5;') && !out16.includes('38;2;'), printable(out16));

  const outRgb = new ScreenWriter(TRUECOLOUR).render(frame);
  assert.ok(outRgb.includes('38;2;255;0;0') && outRgb.includes('48;2;0;0;128'), printable(outRgb));

  await assertShows([frame], { colours: 256, syncOutput: false });
  await assertShows([frame], { colours: 16, syncOutput: false });
});

test('turning bold off while dim stays sends 22 then restores dim', async () => {
  const before = blankFrame(3, 1, { x: 2 });
  before.grid.set(0, 0, 'a', 1, 0, 0, ATTR_BOLD | ATTR_DIM | ATTR_UNDERLINE);
  before.grid.set(1, 0, 'b', 1, 0, 0, ATTR_DIM | ATTR_UNDERLINE);
  const outputs = await assertShows([before]);
  assert.ok(outputs[0].includes('\x1b[22;2mb'), printable(outputs[0]));
});

test('a wide character split by a narrow one leaves no half behind', async () => {
  const wide = textFrame(['中文x'], 5, { x: 4 });
  const split = textFrame(['中文x'], 5, { x: 4 });
  put(split.grid, 1, 0, 'a', 1, 0, 0, 0); // overwrites the right half of 中
  const joined = textFrame(['a中bx'], 5, { x: 4 }); // a wide char across the old boundary
  await assertShows([wide, split, joined, wide]);
});

test('the bottom-right cell is written without scrolling the screen', async () => {
  const before = textFrame(['top', '   '], 3, { x: 0, y: 0 });
  const after = textFrame(['top', '  Z'], 3, { x: 1, y: 0 });
  const [, out] = await assertShows([before, after]);
  assert.ok(out.includes('Z'));
  const wide = textFrame(['top', ' 中'], 3, { x: 0, y: 1 });
  await assertShows([before, wide, after]);
});

test('a 1x1 terminal holds its one cell and cursor', async () => {
  const a = textFrame(['a'], 1);
  const b = textFrame(['b'], 1, { visible: false, style: 3 });
  await assertShows([a, b, a]);
});

test('combining marks are written with their base character', async () => {
  const frame = blankFrame(4, 1, { x: 3 });
  frame.grid.set(0, 0, 'e\u0301', 1, 0, 0, 0);
  frame.grid.set(1, 0, 'x', 1, 0, 0, 0);
  const [out] = await assertShows([frame]);
  assert.ok(out.includes('e\u0301x'), printable(out));
});

test('a change of cursor visibility or style alone is sent on its own', () => {
  const writer = new ScreenWriter(TRUECOLOUR);
  const frame = textFrame(['abc'], 5, { x: 1, visible: true, style: 0 });
  const first = writer.render(frame);
  assert.ok(first.includes('\x1b[?25h') && first.includes('\x1b[0 q'), 'a full redraw always sets both');
  assert.equal(writer.render(withCursor(frame, { visible: false })), '\x1b[?25l');
  assert.equal(writer.render(withCursor(frame, { visible: false, style: 5 })), '\x1b[5 q');
  assert.equal(writer.render(withCursor(frame, { visible: true, style: 5 })), '\x1b[?25h');
});

test('with synchronized output a non-empty update is wrapped in DECSET 2026', () => {
  const writer = new ScreenWriter({ colours: 256, syncOutput: true });
  const frame = textFrame(['abc'], 5);
  const first = writer.render(frame);
  assert.ok(first.startsWith('\x1b[?2026h') && first.endsWith('\x1b[?2026l'), printable(first));
  assert.equal(writer.render(frame), '');
  assert.equal(writer.render(withCursor(frame, { x: 4 })), '\x1b[?2026h\x1b[4C\x1b[?2026l');
});

test('without synchronized output nothing is wrapped', () => {
  const writer = new ScreenWriter(TRUECOLOUR);
  const out = writer.render(textFrame(['abc'], 5));
  assert.ok(!out.includes('2026'), printable(out));
});

test('a wide character with no room in the last column is shown as a space, never wrapped', async () => {
  const frame = textFrame(['abc', 'def'], 3, { x: 0, y: 1 });
  frame.grid.set(2, 0, '中', 2, 0, 0, 0); // invalid: no right half fits
  const writer = new ScreenWriter(TRUECOLOUR);
  const terminal = await ReplayTerminal.open(3, 2);
  try {
    await terminal.feed(writer.render(frame));
    const buffer = terminal.term.buffer.active;
    assert.equal(buffer.getLine(buffer.viewportY)?.translateToString(), 'ab ');
    assert.equal(buffer.getLine(buffer.viewportY + 1)?.translateToString(), 'def');
  } finally {
    terminal.dispose();
  }
});
