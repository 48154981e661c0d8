// Layout strings (#{window_layout} and select-layout STRING). Expected values are tmux 3.3a's, from
// the fixture scenarios strings and strings-fewer-panes (layout-generate.sh) unless derived here.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { LayoutCell, WindowLayout, layoutCreate, layoutPanes, layoutSplitPane, layoutZoom } from '../../src/model/layout';
import {
  INVALID_LAYOUT,
  layoutApply,
  layoutChecksum,
  layoutDump,
  layoutDumpTree,
  layoutDumpVisible,
  layoutParse,
} from '../../src/model/layout-string';

/** A layout string for a body, with the right checksum. */
function withChecksum(body: string): string {
  return `${layoutChecksum(body).toString(16).padStart(4, '0')},${body}`;
}

function twoPanes(sx = 120, sy = 40): WindowLayout {
  const layout = layoutCreate(0, sx, sy);
  assert.equal(layoutSplitPane(layout, 0, 1, { type: 'leftright' }), null);
  return layout;
}

test('the checksum is tmux\'s 16-bit rotate-right-and-add, printed as four hex digits', () => {
  assert.equal(layoutChecksum(''), 0);
  assert.equal(layoutChecksum('120x40,0,0,0'), 0xaafd);
  assert.equal(withChecksum('80x24,0,0,0'), 'b25d,80x24,0,0,0');
  // Small sums keep their leading zeros, as %04hx does.
  assert.equal(withChecksum('1'), '0031,1');
});

test('a dump writes containers in braces ({} left-right, [] top-bottom) and panes with their ids', () => {
  const layout = twoPanes();
  assert.equal(layoutSplitPane(layout, 1, 2, { type: 'topbottom' }), null);
  assert.equal(layoutDump(layout), '95e4,120x40,0,0{60x40,0,0,0,59x40,61,0[59x20,61,0,1,59x19,61,21,2]}');
});

test('while zoomed window_layout is the real tree and window_visible_layout the zoomed pane', () => {
  const layout = twoPanes();
  layoutZoom(layout, 1);
  assert.equal(layoutDump(layout), 'f91d,120x40,0,0{60x40,0,0,0,59x40,61,0,1}');
  assert.equal(layoutDumpVisible(layout), withChecksum('120x40,0,0,1'));
});

test('parse and dump are inverses', () => {
  for (const text of [
    'aafd,120x40,0,0,0',
    '95e4,120x40,0,0{60x40,0,0,0,59x40,61,0[59x20,61,0,1,59x19,61,21,2]}',
    'b47f,120x40,0,0{60x40,0,0,0,59x40,61,0{29x40,61,0,2,29x40,91,0,3}}',
  ]) {
    const tree = layoutParse(text);
    assert.notEqual(typeof tree, 'string');
    assert.equal(layoutDumpTree(tree as LayoutCell), text);
  }
});

test('parsing builds the tree with sizes, offsets, ids and parents', () => {
  const tree = layoutParse('95e4,120x40,0,0{60x40,0,0,0,59x40,61,0[59x20,61,0,1,59x19,61,21,2]}') as LayoutCell;
  assert.equal(tree.type, 'leftright');
  assert.equal(tree.cells[1].type, 'topbottom');
  assert.equal(tree.cells[1].parent, tree);
  assert.deepEqual(
    [tree.cells[1].cells[1].sx, tree.cells[1].cells[1].sy, tree.cells[1].cells[1].xoff, tree.cells[1].cells[1].yoff, tree.cells[1].cells[1].pane],
    [59, 19, 61, 21, 2],
  );
});

test('a wrong checksum, a malformed string or trailing text is an invalid layout', () => {
  const good = '95e4,120x40,0,0{60x40,0,0,0,59x40,61,0[59x20,61,0,1,59x19,61,21,2]}';
  assert.equal(layoutParse(good.replace('95e4', '95e5')), INVALID_LAYOUT);
  assert.equal(INVALID_LAYOUT, 'invalid layout');
  for (const body of ['', '120x40', '120x40,0,0{', '50x20,0,0{}', '50x20,0,0[25x20,0,0,1}', '50x20,0,0{25x20,0,0,1]', 'x40,0,0,0', '120x40,0,0,0)']) {
    assert.equal(layoutParse(withChecksum(body)), INVALID_LAYOUT, body);
  }
  assert.equal(layoutParse(good + 'x'), INVALID_LAYOUT);
  assert.equal(layoutParse('zzz'), INVALID_LAYOUT);
  assert.equal(layoutParse('e'), INVALID_LAYOUT);
});

test('pane ids are optional, as older tmux wrote none, and a trailing comma is tolerated', () => {
  const bare = layoutParse(withChecksum('50x20,0,0{25x20,0,0,24x20,26,0}')) as LayoutCell;
  assert.deepEqual(bare.cells.map((c) => [c.sx, c.pane]), [[25, null], [24, null]]);
  const trailing = layoutParse(withChecksum('50x20,0,0{25x20,0,0,24x20,26,0,}'));
  assert.notEqual(typeof trailing, 'string');
});

test('select-layout STRING fills the cells with the window\'s panes in pane order; ids in the string are ignored', () => {
  const layout = twoPanes();
  const text = withChecksum('100x30,0,0[100x10,0,0,7,100x19,0,11,8]');
  assert.equal(layoutApply(layout, text, [1, 0]), null);
  assert.equal(layoutDump(layout), withChecksum('100x30,0,0[100x10,0,0,1,100x19,0,11,0]'));
  // The window takes the layout's size.
  assert.deepEqual([layout.root.sx, layout.root.sy], [100, 30]);
});

test('select-layout STRING errors read "<cause>: <string>"', () => {
  const layout = twoPanes();
  const bad = 'abcd,120x40,0,0{60x40,0,0,0,59x40,61,0,1}';
  assert.equal(layoutApply(layout, bad, [0, 1]), `invalid layout: ${bad}`);
  const one = 'aafd,120x40,0,0,0';
  assert.equal(layoutApply(layout, one, [0, 1]), `have 2 panes but need 1: ${one}`);
  const narrow = withChecksum('120x40,0,0{60x40,0,0,0,59x39,61,0,1}');
  assert.equal(layoutApply(layout, narrow, [0, 1]), `size mismatch after applying layout: ${narrow}`);
  assert.equal(layoutDump(layout), 'f91d,120x40,0,0{60x40,0,0,0,59x40,61,0,1}');
});

test('with fewer panes than cells, the bottom-right cells go as if their panes were closed', () => {
  const layout = twoPanes(80, 24);
  const text = withChecksum('80x24,0,0[80x5,0,0{40x5,0,0,1,39x5,41,0[39x2,41,0,2,39x2,41,3,3]},80x18,0,6{20x18,0,6,4,59x18,21,6[59x9,21,6,5,59x8,21,16,6]}]');
  assert.equal(layoutApply(layout, text, [0, 1]), null);
  // Each removed cell's room went to its neighbour, so the top row grew back to the whole window.
  assert.equal(layoutDump(layout), '8205,80x24,0,0{40x24,0,0,0,39x24,41,0,1}');
});

test('the root\'s size and every offset are recomputed from the children\'s sizes', () => {
  const layout = twoPanes();
  const text = withChecksum('999x999,5,5{60x40,7,7,0,59x40,3,3,1}');
  assert.equal(layoutApply(layout, text, [0, 1]), null);
  assert.equal(layoutDump(layout), 'f91d,120x40,0,0{60x40,0,0,0,59x40,61,0,1}');
  // So a string whose root is one column too wide for its children gives a window one column narrower.
  assert.equal(layoutApply(layout, withChecksum('120x40,0,0{60x40,0,0,0,58x40,61,0,1}'), [0, 1]), null);
  assert.equal(layoutDump(layout), '3902,119x40,0,0{60x40,0,0,0,58x40,61,0,1}');
});

test('applying a layout string unzooms the window, even if the string is bad', () => {
  const layout = twoPanes();
  layoutZoom(layout, 0);
  assert.notEqual(layoutApply(layout, 'nonsense', [0, 1]), null);
  assert.equal(layout.zoomed, null);
  assert.deepEqual(layoutPanes(layout), [0, 1]);
});
