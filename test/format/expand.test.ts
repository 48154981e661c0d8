// expandFormat against hand-built contexts: how it uses the FormatContext (loops, `current`, jobs, pane
// search, the clock), the options, and its promises — it never throws and never recurses without bound.
// Behaviour compared with the real tmux lives in expand-fixtures.test.ts.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FORMAT_ALIASES, FORMAT_LOOP_LIMIT, expandFormat, formatTrue, type FormatContext } from '../../src/format/expand';

function context(variables: Record<string, string>, extra: Partial<FormatContext> = {}): FormatContext {
  return {
    variable: (name) => (Object.hasOwn(variables, name) ? variables[name] : undefined),
    now: () => new Date(2024, 5, 15, 12, 34, 56),
    ...extra,
  };
}

const child = (variables: Record<string, string>, current = false): FormatContext => ({ ...context(variables), current });

describe('variables and aliases', () => {
  test('every one-letter alias names its variable', () => {
    const vars = Object.fromEntries(Object.values(FORMAT_ALIASES).map((name) => [name, `<${name}>`]));
    for (const [letter, name] of Object.entries(FORMAT_ALIASES)) {
      assert.equal(expandFormat(`#${letter}`, context(vars)), `<${name}>`);
    }
  });

  test('unknown names expand to nothing', () => {
    assert.equal(expandFormat('[#{nope}]', context({})), '[]');
  });

  test('a variable value is not expanded again unless E: asks', () => {
    const ctx = context({ a: '#{b}', b: 'B' });
    assert.equal(expandFormat('#{a}', ctx), '#{b}');
    assert.equal(expandFormat('#{E:a}', ctx), 'B');
  });
});

describe('loops', () => {
  const windows = [child({ window_name: 'one' }), child({ window_name: 'two' }, true), child({ window_name: 'three' })];

  test('W: uses the second format for the window the context marks current', () => {
    const ctx = context({}, { windows: () => windows });
    assert.equal(expandFormat('#{W:#{window_name} ,[#{window_name}] }', ctx), 'one [two] three ');
    assert.equal(expandFormat('#{W:#{window_name}.}', ctx), 'one.two.three.');
  });

  test('P: picks the active pane the same way', () => {
    const ctx = context({}, { panes: () => [child({ pane_index: '0' }, true), child({ pane_index: '1' })] });
    assert.equal(expandFormat('#{P:#{pane_index},*#{pane_index}}', ctx), '*01');
  });

  test('S: repeats one format for every session, as tmux 3.3a does', () => {
    const ctx = context({}, { sessions: () => [child({ session_name: 'a' }, true), child({ session_name: 'b' })] });
    assert.equal(expandFormat('#{S:#{session_name},x}', ctx), 'a,xb,x');
  });

  test('L: loops over clients (a later tmux addition), current client second', () => {
    const ctx = context({}, { clients: () => [child({ client_name: '/dev/pts/1' }), child({ client_name: '/dev/pts/2' }, true)] });
    assert.equal(expandFormat('#{L:#{client_name} ,>#{client_name} }', ctx), '/dev/pts/1 >/dev/pts/2 ');
  });

  test('without a session W: fails and ends the expansion; without sessions or clients S: and L: are empty', () => {
    const ctx = context({});
    assert.equal(expandFormat('a#{W:x}b', ctx), 'a');
    assert.equal(expandFormat('a#{P:x}b', ctx), 'a');
    assert.equal(expandFormat('a#{S:x}#{L:x}b', ctx), 'ab');
  });

  test('N: asks the windows or sessions for their names', () => {
    const ctx = context({}, { windows: () => windows, sessions: () => [child({ session_name: 'main' })] });
    assert.equal(expandFormat('#{N:two}#{N/w:four}#{N/s:main}#{N/s:two}', ctx), '1010');
    assert.equal(expandFormat('a#{N:two}b', context({})), 'a');
  });

  test('loop bodies see the child context, not the parent', () => {
    const ctx = context({ window_name: 'parent' }, { windows: () => windows });
    assert.equal(expandFormat('#{window_name}:#{W:#{window_name}}', ctx), 'parent:onetwothree');
  });
});

describe('#(command)', () => {
  test('the context receives the expanded command, and its output is expanded too', () => {
    const seen: string[] = [];
    const ctx = context({ session_name: 'work', '@out': 'x' }, {
      shell: (command) => {
        seen.push(command);
        return command === 'echo work' ? 'out:#{@out}' : '';
      },
    });
    assert.equal(expandFormat('[#(echo #{session_name})]', ctx), '[out:x]');
    assert.deepEqual(seen, ['echo work']);
  });

  test('commands inside command output are not run', () => {
    const seen: string[] = [];
    const ctx = context({}, { shell: (command) => (seen.push(command), '#(inner)') });
    assert.equal(expandFormat('#(outer)', ctx), '');
    assert.deepEqual(seen, ['outer']);
  });

  test('without a shell, or with noJobs, #() is empty', () => {
    let calls = 0;
    const ctx = context({}, { shell: () => (calls++, 'out') });
    assert.equal(expandFormat('a#(x)b', context({})), 'ab');
    assert.equal(expandFormat('a#(x)b', ctx, { noJobs: true }), 'ab');
    assert.equal(calls, 0);
  });

  test('the command is not strftime-expanded even in a time-expanded template', () => {
    const seen: string[] = [];
    const ctx = context({ '@cmd': 'date +%H' }, { shell: (command) => (seen.push(command), '') });
    expandFormat('#(#{@cmd})', ctx, { time: true });
    assert.deepEqual(seen, ['date +%H']);
  });
});

describe('#{C:…}', () => {
  test('passes the expanded pattern and the r and i flags to the context', () => {
    const calls: Array<[string, boolean, boolean]> = [];
    const ctx = context({ '@p': 'needle' }, { searchPane: (p, r, i) => (calls.push([p, r, i]), 7) });
    assert.equal(expandFormat('#{C:#{@p}}#{C/ri:^x}#{C/i:y}', ctx), '777');
    assert.deepEqual(calls, [['needle', false, false], ['^x', true, true], ['y', false, true]]);
  });
  test('without a pane it is 0', () => assert.equal(expandFormat('#{C:x}', context({})), '0'));
});

describe('time', () => {
  test('a time-expanded template goes through strftime, with the context clock read once', () => {
    let reads = 0;
    const ctx = context({ '@x': '%H' }, { now: () => (reads++, new Date(2024, 5, 15, 12, 34, 56)) });
    assert.equal(expandFormat('%H:%M #{?@x,%S,} #{T:@x}', ctx, { time: true }), '12:34 56 12');
    assert.equal(reads, 1);
  });

  test('without the time option % is left alone', () => {
    assert.equal(expandFormat('100% #{e|%:7,3}', context({})), '100% 1');
  });

  test('t: formats a variable holding seconds since the epoch', () => {
    const seconds = String(new Date(2015, 9, 25, 9, 25, 2).getTime() / 1000);
    const ctx = context({ session_created: seconds });
    assert.equal(expandFormat('#{t:session_created}', ctx), 'Sun Oct 25 09:25:02 2015');
    assert.equal(expandFormat('#{t/f/%d#:%m:session_created}', ctx), '25:10');
    assert.equal(expandFormat('#{t/p:session_created}', ctx), 'Oct15');
  });
});

describe('robustness', () => {
  test('self-referencing options stop at the depth limit', () => {
    const ctx = context({ '@a': 'x#{E:@a}', '@b': '#{E:@c}', '@c': '#{E:@b}' });
    const a = expandFormat('#{E:@a}', ctx);
    assert.ok(/^x+$/.test(a) && a.length < FORMAT_LOOP_LIMIT, `${a.length} x`);
    assert.equal(expandFormat('#{E:@b}', ctx), '');
  });

  test('deeply nested input does not overflow the stack', () => {
    const deep = '#{?a,'.repeat(5000) + 'x' + ',y}'.repeat(5000);
    assert.doesNotThrow(() => expandFormat(deep, context({ a: '1' })));
    const braces = '#{'.repeat(20000) + '}'.repeat(20000);
    assert.doesNotThrow(() => expandFormat(braces, context({})));
  });

  test('random format-like input never throws', () => {
    const alphabet = ['#', '{', '}', '(', ')', '[', ']', ',', ':', ';', '?', '=', '/', '|', 'e', 's', 'm', 'p', 't',
      'E', 'T', 'S', 'W', 'P', 'L', 'C', 'N', 'q', 'b', 'a', 'c', 'l', 'n', 'w', '-', '1', '0', '%', '\\', '*', '中', '\t'];
    let seed = 12345;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const ctx = context({ a: '1', b: '#{a}', '@r': 'x#{E:@r}' }, {
      windows: () => [child({ window_name: 'w' }, true)],
      panes: () => [child({ pane_index: '0' }, true)],
      sessions: () => [child({ session_name: 's' })],
      shell: (command) => command,
      searchPane: () => 1,
    });
    for (let i = 0; i < 3000; i++) {
      let s = '';
      const length = 1 + random(40);
      for (let j = 0; j < length; j++) s += alphabet[random(alphabet.length)];
      assert.doesNotThrow(() => expandFormat(s, ctx), s);
      assert.doesNotThrow(() => expandFormat(s, ctx, { time: true }), s);
    }
  });
});

describe('formatTrue', () => {
  test('non-empty and not "0"', () => {
    assert.equal(formatTrue('1'), true);
    assert.equal(formatTrue('00'), true);
    assert.equal(formatTrue('no'), true);
    assert.equal(formatTrue('0'), false);
    assert.equal(formatTrue(''), false);
    assert.equal(formatTrue(undefined), false);
  });
});
