// Key tables: binding from the forms bind-key accepts, lookup, notes, removal, the order list-keys
// uses (tmux's key code order), and tmux's complete default tables.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { parseArgs } from '../../src/cmdlang/args';
import type { Arg } from '../../src/cmdlang/parse';
import { applyBindKey, bindKey } from '../../src/commands/bind-key';
import { KeyTables, keySortRank } from '../../src/commands/key-tables';
import { printCommandList } from '../../src/commands/print-command';
import '../../src/commands/registry';
import { keyFromName, keyToName } from '../../src/input/keys';
import { bindFromString, defaultKeyTables } from '../../src/server/key-bindings';

function bind(tables: KeyTables, argv: Arg[]): string | undefined {
  const r = parseArgs<Arg>(argv, { flags: bindKey.flags, min: 1, max: -1, argumentKind: () => 'commands-or-string' });
  assert.ok(r.ok);
  return applyBindKey(tables, r.args);
}

const key = (name: string): number => keyFromName(name)!;

describe('binding', () => {
  it('goes to the prefix table, -n to root, -T to any table', () => {
    const tables = new KeyTables();
    assert.equal(bind(tables, ['x', 'new-window']), undefined);
    assert.equal(bind(tables, ['-n', 'F5', 'new-window']), undefined);
    assert.equal(bind(tables, ['-T', 'mine', 'y', 'new-window']), undefined);
    assert.ok(tables.lookup('prefix', key('x')));
    assert.ok(tables.lookup('root', key('F5')));
    assert.ok(tables.lookup('mine', key('y')));
    assert.equal(tables.lookup('root', key('x')), undefined);
    assert.deepEqual(tables.tableNames(), ['mine', 'prefix', 'root']);
  });

  it('takes one string (parsed), several words (split at ;), or a block', () => {
    const tables = new KeyTables();
    bind(tables, ['a', 'new-window ; split-window -h']);
    bind(tables, ['b', 'new-window', ';', 'split-window']);
    bind(tables, ['c', { source: 'display-message hi', block: [{ argv: ['display-message', 'hi'], line: 1, group: 0 }] }]);
    assert.equal(printCommandList(tables.lookup('prefix', key('a'))!.commands, true), 'new-window \\; split-window -h');
    assert.equal(printCommandList(tables.lookup('prefix', key('b'))!.commands, true), 'new-window \\; split-window');
    assert.equal(printCommandList(tables.lookup('prefix', key('c'))!.commands, true), 'display-message hi');
  });

  it('reports tmux\'s errors and binds nothing then', () => {
    const tables = new KeyTables();
    assert.equal(bind(tables, ['Foo-x', 'new-window']), 'unknown key: Foo-x');
    assert.equal(bind(tables, ['x', 'nosuchcmd']), 'unknown command: nosuchcmd');
    assert.equal(bind(tables, ['x', 'new-window -Z']), 'command new-window: unknown flag -Z');
    assert.equal(bind(tables, ['x', 'new-window }']), 'syntax error');
    assert.equal(tables.hasTable('prefix'), false);
  });

  it('accepts tmux commands tsmux does not implement yet (they fail only when pressed)', () => {
    const tables = new KeyTables();
    assert.equal(bind(tables, ['w', 'choose-tree -Zw']), undefined);
    assert.equal(printCommandList(tables.lookup('prefix', key('w'))!.commands, true), 'choose-tree -Zw');
  });

  it('-N alone changes the note of a binding; -r marks it repeating', () => {
    const tables = new KeyTables();
    bind(tables, ['-r', '-N', 'first', 'x', 'new-window']);
    bind(tables, ['-N', 'second', 'x']);
    const b = tables.lookup('prefix', key('x'))!;
    assert.equal(b.note, 'second');
    assert.equal(b.repeat, true);
    assert.equal(printCommandList(b.commands, true), 'new-window');
    // A note for a key with no binding binds nothing.
    bind(tables, ['-N', 'lonely', 'y']);
    assert.equal(tables.lookup('prefix', key('y')), undefined);
  });

  it('an emptied table goes away', () => {
    const tables = new KeyTables();
    bind(tables, ['-T', 't', 'x', 'new-window']);
    tables.unbind('t', key('x'));
    assert.equal(tables.hasTable('t'), false);
  });
});

describe('order', () => {
  it('sorts as tmux: characters, mouse keys, special keys, then Meta, Ctrl and Shift variants', () => {
    const names = ['M-C-b', 'S-Up', 'C-Up', 'M-1', 'Right', 'BSpace', 'MouseDown1Pane', 'WheelUpStatus', 'z', 'C-a', 'C-Space', 'Home', 'F1'];
    const sorted = [...names].map(key).sort((a, b) => keySortRank(a) - keySortRank(b)).map(keyToName);
    assert.deepEqual(sorted, ['C-Space', 'C-a', 'z', 'MouseDown1Pane', 'WheelUpStatus', 'BSpace', 'F1', 'Home', 'Right', 'M-C-b', 'M-1', 'C-Up', 'S-Up']);
  });
});

describe('defaults', () => {
  it('hold tmux 3.3a\'s tables: 85 prefix (with the two menus), 14 root, 72 copy-mode, 84 copy-mode-vi', () => {
    const tables = defaultKeyTables();
    assert.deepEqual(
      tables.tableNames().map((t) => [t, tables.bindings(t).length]),
      [['copy-mode', 72], ['copy-mode-vi', 84], ['prefix', 85], ['root', 14]],
    );
    const d = tables.lookup('prefix', key('d'))!;
    assert.equal(d.note, 'Detach the current client');
    assert.equal(printCommandList(tables.lookup('prefix', key('x'))!.commands, true), 'confirm-before -p "kill-pane #P? (y/n)" kill-pane');
    assert.equal(tables.lookup('prefix', key('Up'))!.repeat, true);
  });

  it('a default can be replaced by the same bind-key string form', () => {
    const tables = defaultKeyTables();
    assert.equal(bindFromString(tables, "bind -N 'Make a window' c { new-window -a }"), undefined);
    assert.equal(printCommandList(tables.lookup('prefix', key('c'))!.commands, true), 'new-window -a');
  });
});
