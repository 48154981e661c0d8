// Command arguments as tmux 3.3a's args_parse reads them. The error texts are compared with what the
// real tmux printed for the same argv (fixtures/args-cases.json, recorded by fixtures/record-tmux.js
// against a server with a session "keep"); tmux prints them on stderr and exits 1.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';

import { parseArgs, printArgs, type ArgsSpec, type ParsedArgs } from '../../src/cmdlang/args';
import type { Arg, Block } from '../../src/cmdlang/parse';

const FIXTURES = path.join(__dirname, '../../../test/cmdlang/fixtures');

interface Recorded {
  commands: Record<string, { flags: string; min: number; max: number; usage: string }>;
  cases: { argv: string[]; tmux: { stdout: string; stderr: string; status: number } }[];
}
const recorded = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'args-cases.json'), 'utf8')) as Recorded;

const NEW_SESSION: ArgsSpec = { flags: 'Ac:dDe:EF:f:n:Ps:t:x:Xy:', min: 0, max: -1 };

function ok<P extends Arg>(argv: readonly P[], spec: ArgsSpec): ParsedArgs<P> {
  const r = parseArgs(argv, spec);
  assert.ok(r.ok, r.ok ? '' : r.error);
  return r.args;
}

function error(argv: readonly Arg[], spec: ArgsSpec): string {
  const r = parseArgs(argv, spec);
  assert.ok(!r.ok, 'expected an error');
  return r.error;
}

describe('parseArgs against tmux 3.3a', () => {
  for (const c of recorded.cases) {
    const [name, ...argv] = c.argv;
    const spec = { name, ...recorded.commands[name] };
    const failed = c.tmux.status !== 0 && c.tmux.stderr.match(/^(command |usage: )/) !== null;
    it(`tmux ${c.argv.map((a) => JSON.stringify(a)).join(' ')} ${failed ? `→ ${c.tmux.stderr.trim()}` : 'parses'}`, () => {
      const r = parseArgs(argv, spec);
      if (failed) {
        assert.ok(!r.ok);
        assert.equal(r.error + '\n', c.tmux.stderr);
      } else {
        assert.ok(r.ok, r.ok ? '' : r.error);
      }
    });
  }
});

describe('flags', () => {
  it('group, and take values attached or from the next argument', () => {
    const args = ok(['-dP', '-sfoo', '-t', 'bar', '-n', '-x', 'cmd'], NEW_SESSION);
    assert.ok(args.has('d') && args.has('P'));
    assert.equal(args.value('s'), 'foo');
    assert.equal(args.value('t'), 'bar');
    assert.equal(args.value('n'), '-x', 'a value may start with -');
    assert.deepEqual(args.positional, ['cmd']);
  });

  it('a value flag ends its group: the rest of the argument is the value', () => {
    const args = ok(['-dsP'], NEW_SESSION);
    assert.equal(args.value('s'), 'P');
    assert.equal(args.has('P'), false);
  });

  it('repeated flags keep every value; value() is the last', () => {
    const args = ok(['-e', 'A=1', '-eB=2', '-d', '-d'], NEW_SESSION);
    assert.deepEqual(args.values('e'), ['A=1', 'B=2']);
    assert.equal(args.value('e'), 'B=2');
    assert.equal(args.count('e'), 2);
    assert.equal(args.count('d'), 2);
    assert.deepEqual(args.flags.get('d'), ['', '']);
    assert.equal(args.value('d'), '', "a flag without a value stores ''");
  });

  it('an absent flag', () => {
    const args = ok([], NEW_SESSION);
    assert.equal(args.has('d'), false);
    assert.equal(args.value('s'), undefined);
    assert.deepEqual(args.values('e'), []);
    assert.equal(args.count('d'), 0);
    assert.equal(args.flags.size, 0);
  });

  it('flags keep the order they were first given', () => {
    assert.deepEqual([...ok(['-s', 'x', '-d', '-A'], NEW_SESSION).flags.keys()], ['s', 'd', 'A']);
  });

  it('`--` ends the flags and is dropped', () => {
    assert.deepEqual(ok(['-d', '--', '-x'], NEW_SESSION).positional, ['-x']);
    assert.deepEqual(ok(['--', '--'], NEW_SESSION).positional, ['--']);
  });

  it('a lone `-` and the empty string are positional', () => {
    assert.deepEqual(ok(['-', '-d'], NEW_SESSION).positional, ['-', '-d']);
    assert.deepEqual(ok(['', '-d'], NEW_SESSION).positional, ['', '-d']);
  });

  it('flags after the first positional argument are positional', () => {
    const args = ok(['-d', 'vim', '-x', '--', '-d'], NEW_SESSION);
    assert.deepEqual(args.positional, ['vim', '-x', '--', '-d']);
    assert.equal(args.count('d'), 1);
  });

  it('tmux 3.3a quirk: a value flag at the very end has no value and is not an error', () => {
    // `tmux new -d -s` makes a session with a default name (verified).
    const args = ok(['-d', '-s'], NEW_SESSION);
    assert.equal(args.has('s'), true);
    assert.equal(args.value('s'), undefined);
    assert.deepEqual(args.flags.get('s'), []);
    assert.equal(args.count('s'), 1);
  });

  it('`::` in a spec is a value flag like `:`', () => {
    const refresh: ArgsSpec = { flags: 'A:B:cC:Df:F:l::LRSt:U', min: 0, max: 1 };
    assert.equal(ok(['-l', 'x'], refresh).value('l'), 'x');
    assert.equal(ok(['-lx', '-c'], refresh).value('l'), 'x');
  });
});

describe('errors (bare, as args_parse gives them to the caller)', () => {
  it('unknown and invalid flags', () => {
    assert.equal(error(['-Z'], NEW_SESSION), 'unknown flag -Z');
    assert.equal(error(['-dZ'], NEW_SESSION), 'unknown flag -Z');
    assert.equal(error(['-.'], NEW_SESSION), 'invalid flag -.');
    assert.equal(error(['--x'], NEW_SESSION), 'invalid flag --');
    assert.equal(error(['-d:'], NEW_SESSION), 'invalid flag -:');
  });

  it('-? asks for the usage line', () => {
    assert.deepEqual(parseArgs(['-d?'], NEW_SESSION), { ok: false, error: 'usage:', usage: true });
    assert.deepEqual(parseArgs(['-?'], { flags: '', min: 0, max: 0, name: 'kill-server', usage: '' }), {
      ok: false,
      error: 'usage: kill-server ',
      usage: true,
    });
  });

  it('argument counts', () => {
    assert.equal(error([], { flags: 't:', min: 1, max: 1 }), 'too few arguments (need at least 1)');
    assert.equal(error(['a', 'b'], { flags: 't:', min: 1, max: 1 }), 'too many arguments (need at most 1)');
    assert.equal(error(['x'], { flags: '', min: 0, max: 0 }), 'too many arguments (need at most 0)');
    assert.equal(ok(['a', 'b', 'c'], { flags: '', min: 2, max: -1 }).positional.length, 3);
  });

  it('with a name, errors are complete tmux messages', () => {
    assert.equal(error(['-Z'], { ...NEW_SESSION, name: 'new-session' }), 'command new-session: unknown flag -Z');
  });
});

describe('blocks as arguments', () => {
  const block: Block = { block: [], source: ' display hi ' };
  const ifShell: ArgsSpec = {
    flags: 'bFt:',
    min: 2,
    max: 3,
    argumentKind: (index) => (index === 0 ? 'string' : 'commands-or-string'),
  };

  it('a block ends the flags and can be positional where the command allows it', () => {
    const args = ok<Arg>(['-F', '1', block, '-b'], ifShell);
    assert.deepEqual(args.positional, ['1', block, '-b']);
    assert.equal(args.has('b'), false);
  });

  it('a block where a string is wanted', () => {
    assert.equal(error([block, 'x'], ifShell), 'argument 1 must be "string"');
    assert.equal(error(['x', block], { flags: '', min: 0, max: -1 }), 'argument 2 must be "string"');
    assert.equal(error(['x'], { flags: '', min: 0, max: -1, argumentKind: () => 'commands' }), 'argument 1 must be { commands }');
    assert.equal(error(['-t', block], ifShell), '-t argument must be a string');
  });
});

describe('printArgs (tmux args_print)', () => {
  it('flags without values first, sorted, then valued flags, then arguments', () => {
    const args = ok<Arg>(['-t', 'my pane', '-d', '-P', '-A', '-e', 'X=1', '-d', 'vim', ''], NEW_SESSION);
    assert.equal(printArgs(args), "-APdd -e X=1 -t \"my pane\" vim ''");
  });

  it('a value flag left without a value prints with the bare flags', () => {
    assert.equal(printArgs(ok<Arg>(['-d', '-s'], NEW_SESSION)), '-ds');
  });

  it('blocks print as { … }', () => {
    const args = ok<Arg>(['x', { block: [{ argv: ['display', 'a b'], line: 1, group: 0 }], source: '' }], {
      flags: '',
      min: 0,
      max: -1,
      argumentKind: () => 'commands-or-string',
    });
    assert.equal(printArgs(args), 'x { display "a b" }');
  });
});
