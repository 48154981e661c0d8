// Border cells against what tmux 3.3a draws: test/model/fixtures/layout-borders.txt holds tmux's
// screen for a set of layouts (captured through a client attached inside another tmux, by
// layout-generate-borders.sh). Every border cell we report must be drawn with the line-drawing
// character tmux chose, and every cell we do not report must be blank.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { LayoutCell, PaneBorderStatus, layoutCreate, layoutZoom } from '../../src/model/layout';
import { BorderType, layoutBorderCells } from '../../src/model/layout-borders';
import { layoutParse } from '../../src/model/layout-string';

const FIXTURES = path.join(__dirname, '../../../test/model/fixtures');

/** How tmux's line-drawing characters look once the outer tmux has translated them to UTF-8. */
const GLYPHS: Readonly<Record<BorderType, string>> = Object.freeze({
  topbottom: '│',
  leftright: '─',
  topleft: '┌',
  topright: '┐',
  bottomleft: '└',
  bottomright: '┘',
  topjoin: '┬',
  bottomjoin: '┴',
  leftjoin: '├',
  rightjoin: '┤',
  join: '┼',
  outside: ' ',
});

interface Drawing {
  status: PaneBorderStatus;
  layout: string;
  order: number[];
  zoomed: number | null;
  rows: string[];
}

function readDrawings(): Drawing[] {
  const drawings: Drawing[] = [];
  let current: Drawing | null = null;
  for (const line of fs.readFileSync(path.join(FIXTURES, 'layout-borders.txt'), 'utf8').split('\n')) {
    if (current === null) {
      if (!line.startsWith('borders ')) continue;
      const [, status, layout, order, zoomed] = line.split(' ');
      current = {
        status: status as PaneBorderStatus,
        layout,
        order: order.split(',').map(Number),
        zoomed: zoomed === '-' ? null : Number(zoomed),
        rows: [],
      };
    } else if (line === 'end') {
      drawings.push(current);
      current = null;
    } else current.rows.push(line);
  }
  return drawings;
}

const drawings = readDrawings();

test('the border fixtures cover every pane-border-status and a zoomed window', () => {
  assert.ok(drawings.length >= 20);
  for (const status of ['off', 'top', 'bottom']) assert.ok(drawings.some((d) => d.status === status), status);
  assert.ok(drawings.some((d) => d.zoomed !== null));
});

for (const drawing of drawings) {
  test(`borders match tmux: ${drawing.status} ${drawing.layout}${drawing.zoomed === null ? '' : ' zoomed'}`, () => {
    const tree = layoutParse(drawing.layout) as LayoutCell;
    const layout = layoutCreate(0, tree.sx, tree.sy, { paneBorderStatus: drawing.status });
    layout.root = tree;
    if (drawing.zoomed !== null) assert.ok(layoutZoom(layout, drawing.zoomed));

    const expected = new Map<string, string>();
    for (const cell of layoutBorderCells(layout, { order: drawing.order })) {
      if (!cell.windowEdge) expected.set(`${cell.x},${cell.y}`, GLYPHS[cell.type]);
    }
    for (let y = 0; y < tree.sy; y++) {
      const row = [...(drawing.rows[y] ?? '')];
      for (let x = 0; x < tree.sx; x++) {
        assert.equal(row[x] ?? ' ', expected.get(`${x},${y}`) ?? ' ', `cell ${x},${y}`);
      }
    }
  });
}
