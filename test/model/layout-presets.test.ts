// Preset layouts (select-layout NAME, next-layout, previous-layout). Expected strings are tmux
// 3.3a's, from the fixture scenarios presets-* (layout-generate.sh).

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { WindowLayout, layoutCheck, layoutCreate, layoutPaneListInsert, layoutSplitPane, layoutZoom } from '../../src/model/layout';
import { layoutDump } from '../../src/model/layout-string';
import {
  LAYOUT_PRESETS,
  layoutPresetApply,
  layoutPresetLookup,
  layoutPresetNext,
  layoutPresetPrevious,
  presetOptionValue,
} from '../../src/model/layout-presets';

/** A window of `count` panes %0..%n-1, in that pane order; a preset does not care how they were split. */
function window(sx: number, sy: number, count: number): { layout: WindowLayout; panes: number[] } {
  const layout = layoutCreate(0, sx, sy);
  const panes = [0];
  for (let pane = 1; pane < count; pane++) {
    assert.equal(layoutSplitPane(layout, 0, pane, { type: 'leftright', size: 1 }), null);
    panes.push(pane);
  }
  return { layout, panes };
}

const preset = (name: string) => layoutPresetLookup(name);

test('the presets, in the order next-layout cycles through them', () => {
  assert.deepEqual(
    LAYOUT_PRESETS.map((p) => p.name),
    ['even-horizontal', 'even-vertical', 'main-horizontal', 'main-vertical', 'tiled'],
  );
});

test('names match by unique prefix; ambiguous or unknown names match nothing', () => {
  assert.equal(layoutPresetLookup('tiled'), 4);
  assert.equal(layoutPresetLookup('til'), 4);
  assert.equal(layoutPresetLookup('main-v'), 3);
  assert.equal(layoutPresetLookup('even-h'), 0);
  assert.equal(layoutPresetLookup('even'), -1);
  assert.equal(layoutPresetLookup('e'), -1);
  assert.equal(layoutPresetLookup(''), -1);
  assert.equal(layoutPresetLookup('tiledx'), -1);
});

test('even-horizontal: equal widths, the last pane taking the remainder', () => {
  const { layout, panes } = window(120, 40, 3);
  layoutPresetApply(layout, preset('even-horizontal'), panes);
  assert.equal(layoutDump(layout), 'a754,120x40,0,0{39x40,0,0,0,39x40,40,0,1,40x40,80,0,2}');
});

test('even-vertical: equal heights, the last pane taking the remainder', () => {
  const { layout, panes } = window(120, 40, 3);
  layoutPresetApply(layout, preset('even-vertical'), panes);
  assert.equal(layoutDump(layout), '8b9d,120x40,0,0[120x12,0,0,0,120x12,0,13,1,120x14,0,26,2]');
});

test('main-horizontal: the first pane 24 lines high on top, the others side by side below', () => {
  const { layout, panes } = window(120, 40, 3);
  layoutPresetApply(layout, preset('main-horizontal'), panes);
  assert.equal(layoutDump(layout), 'c8e9,120x40,0,0[120x24,0,0,0,120x15,0,25{59x15,0,25,1,60x15,60,25,2}]');
});

test('main-vertical: the first pane 80 columns wide on the left, the others stacked on the right', () => {
  const { layout, panes } = window(120, 40, 3);
  layoutPresetApply(layout, preset('main-vertical'), panes);
  assert.equal(layoutDump(layout), '1e7f,120x40,0,0{80x40,0,0,0,39x40,81,0[39x19,81,0,1,39x20,81,20,2]}');
});

test('tiled: rows and columns grown alternately, a lone last pane spanning its row', () => {
  const { layout, panes } = window(80, 24, 3);
  layoutPresetApply(layout, preset('tiled'), panes);
  assert.equal(layoutDump(layout).slice(5), '80x24,0,0[80x11,0,0{39x11,0,0,0,40x11,40,0,1},80x12,0,12,2]');
  const four = window(80, 24, 4);
  layoutPresetApply(four.layout, preset('tiled'), four.panes);
  assert.equal(layoutDump(four.layout).slice(5), '80x24,0,0[80x11,0,0{39x11,0,0,0,40x11,40,0,1},80x12,0,12{39x12,0,12,2,40x12,40,12,3}]');
});

test('panes fill a preset in pane-list order, not tree order', () => {
  const { layout } = window(120, 40, 3);
  layoutPresetApply(layout, preset('even-horizontal'), [2, 0, 1]);
  assert.equal(layoutDump(layout).slice(5), '120x40,0,0{39x40,0,0,2,39x40,40,0,0,40x40,80,0,1}');
});

test('main-pane and other-pane options take cells or percentages; other-pane wins over main-pane', () => {
  const { layout, panes } = window(120, 40, 4);
  const order = [0, 3, 2, 1];
  layoutPresetApply(layout, preset('main-vertical'), order, { mainPaneWidth: '30' });
  assert.equal(layoutDump(layout), '28f1,120x40,0,0{30x40,0,0,0,89x40,31,0[89x12,31,0,3,89x12,31,13,2,89x14,31,26,1]}');
  layoutPresetApply(layout, preset('main-vertical'), order, { mainPaneWidth: '30', otherPaneWidth: '50' });
  assert.equal(layoutDump(layout), '16e9,120x40,0,0{69x40,0,0,0,50x40,70,0[50x12,70,0,3,50x12,70,13,2,50x14,70,26,1]}');
  layoutPresetApply(layout, preset('main-vertical'), order, { mainPaneWidth: '25%' });
  assert.equal(layoutDump(layout), 'c524,120x40,0,0{29x40,0,0,0,90x40,30,0[90x12,30,0,3,90x12,30,13,2,90x14,30,26,1]}');
  layoutPresetApply(layout, preset('main-horizontal'), order, { mainPaneHeight: 50 + '%' });
  assert.equal(layoutDump(layout), '7b45,120x40,0,0[120x19,0,0,0,120x20,0,20{39x20,0,20,3,39x20,40,20,2,40x20,80,20,1}]');
  assert.equal(panes.length, 4);
});

test('a main pane too large for the window leaves the others one cell; a value out of range means the default', () => {
  const { layout } = window(120, 40, 4);
  const order = [0, 3, 2, 1];
  layoutPresetApply(layout, preset('main-vertical'), order, { mainPaneWidth: 119 });
  assert.equal(layoutDump(layout), '53cd,120x40,0,0{118x40,0,0,0,1x40,119,0[1x12,119,0,3,1x12,119,13,2,1x14,119,26,1]}');
  // 500 is more than the 39 lines there are, so tmux falls back to 24.
  layoutPresetApply(layout, preset('main-horizontal'), order, { mainPaneHeight: 500 });
  assert.equal(layoutDump(layout), 'b56c,120x40,0,0[120x24,0,0,0,120x15,0,25{39x15,0,25,3,39x15,40,25,2,40x15,80,25,1}]');
});

test('option values follow tmux: whole numbers in range or percentages up to 100%', () => {
  assert.equal(presetOptionValue('24', 39), 24);
  assert.equal(presetOptionValue(' +7', 39), 7);
  assert.equal(presetOptionValue('40', 39), null);
  assert.equal(presetOptionValue('50%', 39), 19);
  assert.equal(presetOptionValue('101%', 39), null);
  assert.equal(presetOptionValue('%', 39), null);
  assert.equal(presetOptionValue('2x', 39), null);
  assert.equal(presetOptionValue('-1', 39), null);
});

test('when the panes cannot fit the window the layout is larger and the window grows to it', () => {
  const layout = layoutCreate(0, 3, 40);
  let panes = [0];
  for (let pane = 1; pane < 5; pane++) {
    assert.equal(layoutSplitPane(layout, 0, pane, { type: 'topbottom', size: 1 }), null);
    panes = layoutPaneListInsert(panes, 0, pane);
  }
  layoutPresetApply(layout, preset('even-horizontal'), panes);
  assert.equal(`${layout.root.sx}x${layout.root.sy}`, '9x40');
  assert.deepEqual(layoutCheck(layout), []);
});

test('a window of one pane is left alone but remembers the preset for next-layout', () => {
  const layout = layoutCreate(0, 30, 10);
  layoutPresetApply(layout, preset('tiled'), [0]);
  assert.equal(layoutDump(layout), '9f1d,30x10,0,0,0');
  assert.equal(layout.lastPreset, 4);
});

test('next-layout starts at the first preset and wraps; previous-layout starts at the last', () => {
  const { layout, panes } = window(120, 40, 3);
  const seen = [];
  for (let i = 0; i < 6; i++) seen.push(layoutPresetNext(layout, panes));
  assert.deepEqual(seen, [0, 1, 2, 3, 4, 0]);
  assert.equal(layoutPresetPrevious(layout, panes), 4);
  const fresh = window(80, 24, 2);
  assert.equal(layoutPresetPrevious(fresh.layout, fresh.panes), 4);
  assert.equal(layoutPresetPrevious(fresh.layout, fresh.panes), 3);
});

test('applying a preset unzooms the window', () => {
  const { layout, panes } = window(120, 40, 3);
  layoutZoom(layout, 1);
  layoutPresetApply(layout, preset('tiled'), panes);
  assert.equal(layout.zoomed, null);
});

test('the pane order must name exactly the layout panes', () => {
  const { layout } = window(120, 40, 3);
  assert.throws(() => layoutPresetApply(layout, 0, [0, 1]));
  assert.throws(() => layoutPresetApply(layout, 0, [0, 1, 7]));
});

test('presets keep the tree invariants for 1 to 12 panes in windows that can hold them', () => {
  for (const [sx, sy] of [[80, 24], [120, 40], [200, 50], [17, 9], [25, 25], [30, 12]]) {
    for (let count = 1; count <= 12; count++) {
      if (2 * count + 1 > Math.min(sx, sy)) continue;
      for (let index = 0; index < LAYOUT_PRESETS.length; index++) {
        const { layout, panes: order } = window(sx, sy, count);
        layoutPresetApply(layout, index, order);
        assert.deepEqual(layoutCheck(layout), [], `${LAYOUT_PRESETS[index].name} ${count} panes in ${sx}x${sy}`);
        assert.deepEqual([layout.root.sx, layout.root.sy], [sx, sy]);
      }
    }
  }
});
