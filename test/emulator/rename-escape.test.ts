// ESC k name ESC \ is taken out of a pane's output before the emulator sees it, wherever the reads
// split it, and nothing else is touched.

import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { RenameEscapeFilter } from '../../src/emulator/rename-escape';

function feed(filter: RenameEscapeFilter, ...chunks: string[]): { text: string; names: string[] } {
  let text = '';
  const names: string[] = [];
  for (const chunk of chunks) {
    const r = filter.feed(Buffer.from(chunk, 'latin1'));
    text += r.data.toString('latin1');
    names.push(...r.names);
  }
  return { text, names };
}

test('output without the sequence passes through untouched (the same buffer)', () => {
  const filter = new RenameEscapeFilter();
  const data = Buffer.from('hello \x1b[1mworld\x1b[0m\r\n');
  assert.equal(filter.feed(data).data, data);
});

test('the name is taken out and reported; the ST that ends it still reaches the emulator', () => {
  assert.deepEqual(feed(new RenameEscapeFilter(), 'a\x1bkvim\x1b\\b'), { text: 'a\x1b\\b', names: ['vim'] });
  // CAN ends it too; control characters inside are ignored.
  assert.deepEqual(feed(new RenameEscapeFilter(), '\x1bkx\ty\x18z'), { text: '\x18z', names: ['xy'] });
  // An empty name is a name (automatic naming again).
  assert.deepEqual(feed(new RenameEscapeFilter(), '\x1bk\x1b\\'), { text: '\x1b\\', names: [''] });
});

test('a sequence split across reads is still recognised', () => {
  assert.deepEqual(feed(new RenameEscapeFilter(), 'one\x1bkna', 'me\x1b', '\\two'), { text: 'one\x1b\\two', names: ['name'] });
  // Split between ESC and k: the ESC has gone through; the ending ESC cancels it in the emulator.
  assert.deepEqual(feed(new RenameEscapeFilter(), 'x\x1b', 'kname\x1b\\y'), { text: 'x\x1b\x1b\\y', names: ['name'] });
  // UTF-8 names survive the split.
  const filter = new RenameEscapeFilter();
  const bytes = Buffer.from('\x1bkcafé\x1b\\', 'utf8');
  const a = filter.feed(bytes.subarray(0, 6));
  const b = filter.feed(bytes.subarray(6));
  assert.deepEqual([...a.names, ...b.names], ['café']);
});

test('two names in one read', () => {
  assert.deepEqual(feed(new RenameEscapeFilter(), '\x1bkone\x1b\\-\x1bktwo\x1b\\'), { text: '\x1b\\-\x1b\\', names: ['one', 'two'] });
});
