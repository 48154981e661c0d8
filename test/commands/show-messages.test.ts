// The message log keeps the newest message-limit entries.

import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { MessageLog } from '../../src/commands/show-messages';

test('the message log keeps at most message-limit entries, dropping the oldest', () => {
  let limit = 3;
  const log = new MessageLog(() => limit);
  for (const text of ['a', 'b', 'c', 'd']) log.add(text);
  assert.deepEqual(log.list().map((m) => m.text), ['b', 'c', 'd']);
  assert.deepEqual(log.list().map((m) => m.number), [1, 2, 3]);
  limit = 0;
  log.add('e');
  assert.deepEqual(log.list(), []);
});
