// The name a new window gets from its command, as tmux's parse_window_name gives it.

import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { defaultWindowName } from '../../src/server/window-names';

test('a window is named after the first word of its command, without its directory', () => {
  assert.equal(defaultWindowName('/bin/bash'), 'bash');
  assert.equal(defaultWindowName('vim file.txt'), 'vim');
  assert.equal(defaultWindowName('exec top -d 1'), 'top');
  assert.equal(defaultWindowName('"/usr/bin/my prog" arg'), 'my');
  assert.equal(defaultWindowName('--login'), 'login');
  assert.equal(defaultWindowName('/usr/local/bin/'), 'bin');
  assert.equal(defaultWindowName('sleep 100; echo'), 'sleep');
});
