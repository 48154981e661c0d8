// Globs, POSIX extended regular expressions and tmux's substitution loop, with the C library behaviour
// tmux users see (glibc's regcomp and fnmatch).

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { compileRegex, fnmatch, regsub, searchLines } from '../../src/format/match';

describe('fnmatch', () => {
  const table: Array<[string, string, boolean]> = [
    ['*', '', true],
    ['*', 'a/b', true],
    ['a?c', 'abc', true],
    ['a?c', 'ac', false],
    ['[a-c]x', 'bx', true],
    ['[!a-c]x', 'bx', false],
    ['[^a-c]x', 'dx', true],
    ['[]]', ']', true],
    ['[a-]', '-', true],
    ['[[:digit:]]*', '7up', true],
    ['\\*', '*', true],
    ['\\*', 'a', false],
    ['[', '[', true],
    ['a[b', 'a[b', true],
    ['.*', '.hidden', true],
    ['*.c', 'dir/file.c', true],
    ['x', 'X', false],
  ];
  for (const [pattern, text, expected] of table) {
    test(`${JSON.stringify(pattern)} ${expected ? 'matches' : 'does not match'} ${JSON.stringify(text)}`, () => {
      assert.equal(fnmatch(pattern, text), expected);
    });
  }
  test('ignoring case', () => assert.equal(fnmatch('A*', 'abc', true), true));
});

describe('POSIX extended regular expressions', () => {
  const matches = (pattern: string, text: string, ignoreCase = false): boolean | null => {
    const re = compileRegex(pattern, ignoreCase);
    return re === null ? null : re.test(text);
  };

  test('ordinary syntax', () => {
    assert.equal(matches('^a.c$', 'abc'), true);
    assert.equal(matches('(ab)+c', 'xababc'), true);
    assert.equal(matches('a{2}', 'baab'), true);
    assert.equal(matches('a{,2}x', 'x'), true);
    assert.equal(matches('a|b', 'xbx'), true);
    assert.equal(matches('.', '\n'), true);
  });

  test('what glibc rejects does not compile', () => {
    for (const p of ['*a', 'a|*b', '^*a', '(a', '[a', 'x\\', 'a{1', 'a{}', '[[:nope:]]', 'a{3,1}']) {
      assert.equal(compileRegex(p), null, p);
    }
  });

  test('what glibc accepts beyond JavaScript', () => {
    assert.equal(matches('a**', 'aaa'), true);
    assert.equal(matches('a)', 'a)'), true);
    assert.equal(matches('()', ''), true);
    assert.equal(matches('a+?', 'a'), true);
  });

  test('backslash is literal inside brackets and escapes outside', () => {
    assert.equal(matches('[\\d]', '\\'), true);
    assert.equal(matches('[\\d]', 'd'), true);
    assert.equal(matches('\\d', 'd'), true);
    assert.equal(matches('\\d', '1'), false);
    assert.equal(matches('a\\.b', 'a.b'), true);
    assert.equal(matches('a\\.b', 'axb'), false);
  });

  test('GNU word operators and classes know letters beyond ASCII', () => {
    assert.equal(matches('\\<ab', 'x ab'), true);
    assert.equal(matches('\\<ab', 'xab'), false);
    assert.equal(matches('ab\\>', 'ab c'), true);
    assert.equal(matches('\\bé', 'x é'), true);
    assert.equal(matches('^\\w+$', 'héllo'), true);
    assert.equal(matches('[[:alpha:]]+', 'é'), true);
    assert.equal(matches('[[:space:]]', 'a b'), true);
  });

  test('back references', () => {
    assert.equal(matches('(a)\\1', 'aa'), true);
    assert.equal(matches('(a)\\1', 'ab'), false);
  });

  test('ignoring case', () => assert.equal(matches('^A', 'abc', true), true));
});

describe('regsub (#{s/…/…/:…})', () => {
  test('replaces every match', () => assert.equal(regsub('a', 'X', 'abABab'), 'XbABXb'));
  test('groups and the whole match', () => {
    assert.equal(regsub('a(.)', '\\1x', 'abABab', true), 'bxBxbx');
    assert.equal(regsub('b+', '[\\0]', 'abbc'), 'a[bb]c');
  });
  test('a group that matched nothing inserts its digit; other escapes insert the character', () => {
    assert.equal(regsub('(b)(c)', '\\2\\1\\3\\\\', 'abc'), 'acb3\\');
    assert.equal(regsub('(x)?b', '<\\1>', 'ab'), 'a<1>');
  });
  test('empty matches advance one character at a time, and one at the very start is not replaced', () => {
    assert.equal(regsub('x*', '-', 'abc'), 'a-b-c-');
    assert.equal(regsub('b*', '-', 'abc'), 'a-c-');
  });
  test('a pattern anchored with ^ replaces once', () => assert.equal(regsub('^a', 'X', 'aaa'), 'Xaa'));
  test('an empty text stays empty, an invalid pattern gives null', () => {
    assert.equal(regsub('x*', '-', ''), '');
    assert.equal(regsub('[', 'x', 'abc'), null);
  });
});

describe('searchLines (#{C:…})', () => {
  const lines = ['hello world   ', 'Start here', ''];
  test('finds the first line containing the glob', () => {
    assert.equal(searchLines(lines, 'world', false, false), 1);
    assert.equal(searchLines(lines, 'S*h', false, false), 2);
    assert.equal(searchLines(lines, 'start', false, true), 2);
    assert.equal(searchLines(lines, 'nope', false, false), 0);
  });
  test('trailing spaces do not count', () => assert.equal(searchLines(lines, 'world$', true, false), 1));
  test('regular expressions; an invalid one finds nothing', () => {
    assert.equal(searchLines(lines, '^Start', true, false), 2);
    assert.equal(searchLines(lines, '(', true, false), 0);
  });
  test('an empty term matches the first line', () => assert.equal(searchLines(lines, '', false, false), 1));
});
