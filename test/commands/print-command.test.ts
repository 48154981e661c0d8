// Commands print as tmux prints built commands (list-keys, source-file -v): full names, flags
// sorted and grouped, tmux's quoting, blocks printed the same way inside, ` \; ` and ` ; `.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { parseCommands } from '../../src/cmdlang/parse';
import { printCommandList } from '../../src/commands/print-command';
import '../../src/commands/registry';

function printed(text: string, escaped = true): string {
  const r = parseCommands(text, { oneGroup: true, environment: () => undefined, home: () => undefined, evaluateCondition: () => false });
  assert.ok(r.ok);
  return printCommandList(r.commands, escaped);
}

describe('printCommandList', () => {
  it('uses full names and sorts flags, bare ones first', () => {
    assert.equal(printed('send -Xt= search-backward x'), 'send-keys -X -t = search-backward x');
    assert.equal(printed("command-prompt -kpkey  { list-keys -1N '%%' }"), 'command-prompt -k -p key { list-keys -1N "%%" }');
    assert.equal(printed("command-prompt -T search -ip'(search up)' -I'#{pane_search_string}' { send -X a '%%' }"),
      'command-prompt -i -I "#{pane_search_string}" -T search -p "(search up)" { send-keys -X a "%%" }');
  });

  it('drops -- and quotes as tmux does', () => {
    assert.equal(printed("rename-window -- '%%'"), 'rename-window "%%"');
    assert.equal(printed('select-window -t:=3'), 'select-window -t :=3');
    assert.equal(printed('display-message "a b"'), 'display-message "a b"');
    assert.equal(printed("display-message 'say \"hi\"'"), 'display-message "say \\"hi\\""');
    assert.equal(printed("display-message 'a\"b'"), "display-message 'a\"b'");
    assert.equal(printed("display-message ''"), "display-message ''");
  });

  it('separates commands with \\; at the top and ; inside blocks', () => {
    assert.equal(printed('select-pane -t=; send -M'), 'select-pane -t = \\; send-keys -M');
    assert.equal(printed('select-pane -t=; send -M', false), 'select-pane -t = ; send-keys -M');
    assert.equal(printed("if -F '#{x}' { send -M } { copy-mode -H; run -d0.3 }"),
      'if-shell -F "#{x}" { send-keys -M } { copy-mode -H ; run-shell -d 0.3 }');
  });

  it('prints a name neither tsmux nor tmux knows as written', () => {
    assert.equal(printed('frobnicate -x y'), 'frobnicate -x y');
  });
});
