// command-prompt's templates: %1…%9, %% (each answer in turn) and the quoting form %%%, as tmux's
// cmd_template_replace; blocks have their words replaced, strings are replaced then parsed.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { commandsFromTemplate, templateReplace, templateReplaceAll } from '../../src/commands/command-template';
import { printCommandList } from '../../src/commands/print-command';
import '../../src/commands/registry';

describe('templateReplace', () => {
  it('replaces %N and the first %%', () => {
    assert.equal(templateReplace('rename-window %1', 'x', 1), 'rename-window x');
    assert.equal(templateReplace('a %% b %%', 'x', 1), 'a x b %%');
    assert.equal(templateReplace('a %2', 'x', 1), 'a %2');
    assert.equal(templateReplace('100%', 'x', 1), '100%');
  });

  it('quotes "\\$;~ with a third %', () => {
    assert.equal(templateReplace('say "%%%"', 'a"b;c', 1), 'say "a\\"b\\;c"');
    assert.equal(templateReplace('say "%1%"', '$HOME~', 1), 'say "\\$HOME\\~"');
  });

  it('gives each %% the next answer', () => {
    assert.equal(templateReplaceAll('new-window -n %% ; rename-window %%', ['one', 'two']), 'new-window -n one ; rename-window two');
  });
});

describe('commandsFromTemplate', () => {
  it('replaces inside the words of a block', () => {
    const block = {
      source: "select-window -t ':%%'",
      block: [{ argv: ['select-window', '-t', ':%%'], line: 1, group: 0 }],
    };
    const r = commandsFromTemplate(block, ['3', '3']);
    assert.ok(r.ok);
    assert.equal(printCommandList(r.commands, false), 'select-window -t :3');
  });

  it('parses a string after replacing, so an answer can be a whole command', () => {
    const r = commandsFromTemplate('%1', ['new-window -n x; split-window', 'new-window -n x; split-window']);
    assert.ok(r.ok);
    assert.equal(printCommandList(r.commands, false), 'new-window -n x ; split-window');
  });
});
