// Option storage and set-option's rules: inheritance along pane → window → global window and
// session → global session, sparse arrays, tmux's name matching, and every type's validation with
// tmux's messages.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { canonicalColour, setOption, unsetOption } from '../../src/commands/option-values';
import { Options } from '../../src/options/options';
import { OPTION_TABLE, findOption, matchOption } from '../../src/options/table';

function set(oo: Options, name: string, value: string | undefined, extra: { index?: number; append?: boolean } = {}): string | undefined {
  return setOption(oo, { name, index: extra.index ?? -1, value, append: extra.append ?? false });
}

describe('inheritance', () => {
  it('a pane inherits from its window, which inherits from the global window options', () => {
    const global = Options.defaults('window');
    const window = new Options(global);
    const pane = new Options(window);
    assert.equal(pane.getString('remain-on-exit'), 'off');
    set(global, 'remain-on-exit', 'failed');
    assert.equal(pane.getString('remain-on-exit'), 'failed');
    set(window, 'remain-on-exit', 'on');
    assert.equal(pane.getString('remain-on-exit'), 'on');
    set(pane, 'remain-on-exit', 'off');
    assert.equal(pane.getString('remain-on-exit'), 'off');
    assert.equal(window.getString('remain-on-exit'), 'on');
    assert.equal(pane.has('remain-on-exit'), true);
    assert.equal(window.owner('mode-keys'), global);
  });

  it('set -u on a scope inherits again; on the global options it restores the default', () => {
    const global = Options.defaults('session');
    const session = new Options(global);
    set(global, 'base-index', '3');
    set(session, 'base-index', '5');
    unsetOption(session, 'base-index', -1, false);
    assert.equal(session.getNumber('base-index'), 3);
    unsetOption(global, 'base-index', -1, true);
    assert.equal(global.getNumber('base-index'), 0);
    assert.equal(global.has('base-index'), true);
  });

  it('the global sets hold every option of their scope, window|pane options in the window set', () => {
    for (const scope of ['server', 'session', 'window'] as const) {
      const oo = Options.defaults(scope);
      for (const e of OPTION_TABLE.filter((o) => o.scope === scope)) assert.ok(oo.has(e.name), e.name);
    }
    assert.equal(findOption('cursor-style')?.pane, true);
    assert.equal(Options.defaults('window').getString('cursor-style'), 'default');
  });
});

describe('arrays', () => {
  it('are sparse, listed in index order, and set whole from a separated string', () => {
    const oo = Options.defaults('session');
    assert.deepEqual(oo.get('update-environment'), [
      'DISPLAY', 'KRB5CCNAME', 'SSH_ASKPASS', 'SSH_AUTH_SOCK', 'SSH_AGENT_PID', 'SSH_CONNECTION', 'WINDOWID', 'XAUTHORITY',
    ]);
    set(oo, 'update-environment', 'A B,C');
    assert.deepEqual(oo.arrayItems('update-environment'), [[0, 'A'], [1, 'B'], [2, 'C']]);
    set(oo, 'update-environment', 'Z', { index: 10 });
    set(oo, 'update-environment', 'D', { append: true });
    assert.deepEqual(oo.arrayItems('update-environment'), [[0, 'A'], [1, 'B'], [2, 'C'], [3, 'D'], [10, 'Z']]);
    set(oo, 'update-environment', 'ZZ', { index: 10, append: true });
    assert.equal(oo.arrayItems('update-environment').at(-1)![1], 'ZZZ');
    unsetOption(oo, 'update-environment', 1, true);
    assert.deepEqual(oo.get('update-environment'), ['A', 'C', 'D', 'ZZZ']);
  });

  it('command-alias splits only at commas; colour arrays check colours', () => {
    const server = Options.defaults('server');
    set(server, 'command-alias', 'a=new-window -d,b=kill-pane');
    assert.deepEqual(server.get('command-alias'), ['a=new-window -d', 'b=kill-pane']);
    const window = Options.defaults('window');
    assert.equal(set(window, 'pane-colours', 'nope', { index: 2 }), 'bad colour: nope');
    assert.equal(set(window, 'pane-colours', 'colour1', { index: 2 }), undefined);
    assert.deepEqual(window.arrayItems('pane-colours'), [[2, 'colour1']]);
  });
});

describe('names', () => {
  it('match exactly, else as a unique prefix; @options as they are', () => {
    assert.deepEqual(matchOption('status'), { ok: true, name: 'status', index: -1 });
    assert.deepEqual(matchOption('status-justif'), { ok: true, name: 'status-justify', index: -1 });
    assert.deepEqual(matchOption('status-l'), { ok: false, ambiguous: true });
    assert.deepEqual(matchOption('nope'), { ok: false, ambiguous: false });
    assert.deepEqual(matchOption('update-environment[3]'), { ok: true, name: 'update-environment', index: 3 });
    assert.deepEqual(matchOption('@mine'), { ok: true, name: '@mine', index: -1 });
    assert.deepEqual(matchOption('clock-mode-color'), { ok: true, name: 'clock-mode-colour', index: -1 });
  });

  it('report a malformed index or the empty name as ambiguous, as tmux 3.3a does', () => {
    assert.deepEqual(matchOption('update-environment[x]'), { ok: false, ambiguous: true });
    assert.deepEqual(matchOption(''), { ok: false, ambiguous: true });
  });
});

describe('values', () => {
  const session = (): Options => Options.defaults('session');

  it('numbers: range and form checked as strtonum does', () => {
    const oo = session();
    assert.equal(set(oo, 'status-left-length', 'abc'), 'value is invalid: abc');
    assert.equal(set(oo, 'status-left-length', '-1'), 'value is too small: -1');
    assert.equal(set(oo, 'repeat-time', '40000'), 'value is too large: 40000');
    assert.equal(set(oo, 'history-limit', '0x10'), 'value is invalid: 0x10');
    assert.equal(set(oo, 'base-index', ' 5'), undefined);
    assert.equal(oo.getNumber('base-index'), 5);
  });

  it('flags toggle without a value and take on/off/yes/no/1/0', () => {
    const oo = session();
    assert.equal(set(oo, 'mouse', undefined), undefined);
    assert.equal(oo.getFlag('mouse'), true);
    assert.equal(set(oo, 'mouse', 'NO'), undefined);
    assert.equal(oo.getFlag('mouse'), false);
    assert.equal(set(oo, 'mouse', 'maybe'), 'bad value: maybe');
  });

  it('choices toggle between the first two without a value', () => {
    const oo = session();
    assert.equal(set(oo, 'status', 'xyz'), 'unknown value: xyz');
    set(oo, 'status', undefined);
    assert.equal(oo.getString('status'), 'off');
    set(oo, 'status-justify', 'right');
    set(oo, 'status-justify', undefined);
    assert.equal(oo.getString('status-justify'), 'right');
  });

  it('keys are stored under the name tmux prints', () => {
    const oo = session();
    assert.equal(set(oo, 'prefix', 'Foo-x'), 'bad key: Foo-x');
    set(oo, 'prefix2', '^a');
    assert.equal(oo.getString('prefix2'), 'C-a');
  });

  it('colours keep tmux\'s spelling', () => {
    assert.equal(canonicalColour('colour1'), 'colour1');
    assert.equal(canonicalColour('1'), 'red');
    assert.equal(canonicalColour('91'), 'brightred');
    assert.equal(canonicalColour('#FF0000'), '#ff0000');
    assert.equal(canonicalColour('nope'), undefined);
    assert.equal(set(session(), 'display-panes-colour', 'colour300'), 'bad colour: colour300');
  });

  it('strings append with the table separator; styles and patterns are checked', () => {
    const oo = session();
    set(oo, 'status-style', 'bg=red');
    set(oo, 'status-style', 'fg=blue', { append: true });
    assert.equal(oo.getString('status-style'), 'bg=red,fg=blue');
    assert.equal(set(oo, 'status-style', 'fg=nope'), 'invalid style: fg=nope');
    assert.equal(set(oo, 'message-style', 'fg=#{?x,red,blue}'), undefined);
    assert.equal(set(oo, 'default-size', 'abc'), 'value is invalid: abc');
    assert.equal(set(oo, 'default-shell', '/nonexistent'), 'not a suitable shell: /nonexistent');
    assert.equal(set(oo, 'status-left', undefined), 'empty value');
  });

  it('user options are strings that -a appends to', () => {
    const oo = session();
    assert.equal(set(oo, '@x', undefined), 'empty value');
    set(oo, '@x', 'a');
    set(oo, '@x', 'b', { append: true });
    assert.equal(oo.getString('@x'), 'ab');
    assert.deepEqual(oo.userOptionNames(), ['@x']);
  });
});

describe('as format variables', () => {
  it('flags are 1/0, arrays give one item by index, names are looked up the chain', () => {
    const global = Options.defaults('window');
    const window = new Options(global);
    assert.equal(window.formatValue('synchronize-panes'), '0');
    set(window, 'synchronize-panes', 'on');
    assert.equal(window.formatValue('synchronize-panes'), '1');
    assert.equal(window.formatValue('mode-keys'), 'emacs');
    const session = Options.defaults('session');
    assert.equal(session.formatValue('update-environment'), '');
    assert.equal(session.formatValue('update-environment[1]'), 'KRB5CCNAME');
    assert.equal(session.formatValue('update-environment[99]'), '');
    assert.equal(session.formatValue('nosuch'), undefined);
  });
});

describe('start-up defaults from the environment', () => {
  it('take default-shell from $SHELL and vi keys from a vi $EDITOR, as tmux does', async () => {
    const { applyEnvironmentDefaults } = await import('../../src/server/config');
    const { Model } = await import('../../src/model/model');
    const model = new Model();
    applyEnvironmentDefaults(model, { SHELL: '/bin/sh', EDITOR: '/usr/bin/vim' });
    assert.equal(model.sessionOptions.getString('default-shell'), '/bin/sh');
    assert.equal(model.serverOptions.getString('editor'), '/usr/bin/vim');
    assert.equal(model.sessionOptions.getString('status-keys'), 'vi');
    assert.equal(model.windowOptions.getString('mode-keys'), 'vi');
    const emacs = new Model();
    applyEnvironmentDefaults(emacs, { VISUAL: 'emacs', EDITOR: 'vi' });
    assert.equal(emacs.sessionOptions.getString('status-keys'), 'emacs');
  });
});
