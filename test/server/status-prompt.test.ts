// The prompt's line editing, as tmux's status_prompt_key edits: cursor moves, deletions, words,
// transposition, the C-w/C-y pair, Tab completion and the history.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { PromptEditor, PromptHistory, completeWord } from '../../src/server/status-prompt';

function editor(text: string, index?: number): PromptEditor {
  const e = new PromptEditor(text);
  if (index !== undefined) e.index = index;
  return e;
}

const show = (e: PromptEditor): string => e.text.slice(0, e.index) + '|' + e.text.slice(e.index);

describe('PromptEditor', () => {
  it('starts with the cursor after the initial input', () => {
    assert.equal(show(editor('abc')), 'abc|');
  });

  it('moves left, right, home and end within the line', () => {
    const e = editor('abc');
    e.left();
    e.left();
    assert.equal(show(e), 'a|bc');
    e.home();
    e.left();
    assert.equal(show(e), '|abc');
    e.end();
    e.right();
    assert.equal(show(e), 'abc|');
  });

  it('inserts at the cursor and deletes before (BSpace) and at (Delete) it', () => {
    const e = editor('ac', 1);
    e.insert('b');
    assert.equal(show(e), 'ab|c');
    assert.equal(e.backspace(), true);
    assert.equal(show(e), 'a|c');
    assert.equal(e.deleteForward(), true);
    assert.equal(show(e), 'a|');
    assert.equal(e.deleteForward(), false);
    e.home();
    assert.equal(e.backspace(), false);
  });

  it('C-k kills to the end; C-u clears the whole line as tmux does', () => {
    const e = editor('hello world', 5);
    e.killToEnd();
    assert.equal(show(e), 'hello|');
    const f = editor('hello world', 5);
    f.clear();
    assert.equal(show(f), '|');
  });

  it('C-w cuts the word before the cursor (separators are their own words) and C-y puts it back', () => {
    const e = editor('set -g status-left');
    e.deleteWordBackward('-');
    assert.equal(show(e), 'set -g status-|');
    e.deleteWordBackward('-');
    assert.equal(show(e), 'set -g status|');
    e.deleteWordBackward('-');
    assert.equal(show(e), 'set -g |');
    e.yank();
    assert.equal(show(e), 'set -g status|');
  });

  it('M-b and M-f move by words', () => {
    const e = editor('new-window -n foo');
    e.backwardWord(' ');
    assert.equal(show(e), 'new-window -n |foo');
    e.backwardWord(' ');
    assert.equal(show(e), 'new-window |-n foo');
    e.home();
    e.forwardWord(' ');
    assert.equal(show(e), 'new-window| -n foo');
    e.forwardWord('-');
    assert.equal(show(e), 'new-window -|n foo');
  });

  it('C-t swaps the characters around the cursor', () => {
    const e = editor('ab', 1);
    e.transpose();
    assert.equal(show(e), 'ba|');
    const f = editor('abc');
    f.transpose();
    assert.equal(show(f), 'acb|');
  });

  it('Tab replaces the word under the cursor with its completion', () => {
    const e = editor('kill-w');
    assert.equal(e.completeWord((w) => (w === 'kill-w' ? 'kill-window ' : undefined)), true);
    assert.equal(show(e), 'kill-window |');
    const f = editor('set -g statu');
    f.completeWord((w, atStart) => (atStart ? undefined : w + 's'));
    assert.equal(show(f), 'set -g status|');
  });
});

describe('completion', () => {
  it('completes command names at the start, options and layouts after', () => {
    assert.equal(completeWord('kill-w', true, []), 'kill-window ');
    assert.equal(completeWord('renam', true, []), 'rename');
    assert.equal(completeWord('status-le', false, []), 'status-left');
    assert.equal(completeWord('status-le', true, []), undefined);
    assert.equal(completeWord('even-v', false, []), 'even-vertical ');
    assert.equal(completeWord('myal', true, ['myalias']), 'myalias ');
    assert.equal(completeWord('', true, []), undefined);
  });
});

describe('PromptHistory', () => {
  it('keeps lines per type, not twice in a row, up to its limit', () => {
    const owner = {};
    const h = new PromptHistory(owner, () => 2);
    h.add('a', 'command');
    h.add('a', 'command');
    h.add('b', 'command');
    h.add('c', 'command');
    h.add('x', 'search');
    assert.deepEqual(h.list('command'), ['b', 'c']);
    assert.deepEqual(new PromptHistory(owner, () => 2).list('search'), ['x']);
  });
});
