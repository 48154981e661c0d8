// The input decoder, specified by what tmux 3.3a makes of the same bytes.
//
// TMUX_DECODES was recorded from the installed tmux 3.3a: a client attached through a pty with
// TERM=xterm-256color, `command-prompt -k` open, the bytes written to the client's terminal, and
// the key name tmux reported.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InputDecoder, InputEvent, MouseInput } from '../../src/input/decode';
import { Key, KEY_CTRL, KEY_META, KEY_SHIFT, keyToName } from '../../src/input/keys';

/** A short description of each event: key names, or `kind:detail`. */
function describe(events: InputEvent[]): string[] {
  return events.map((ev) => {
    switch (ev.kind) {
      case 'key':
        return keyToName(ev.key);
      case 'paste':
        return `paste:${JSON.stringify(ev.text)}`;
      case 'focus':
        return ev.focused ? 'focus:in' : 'focus:out';
      case 'reply':
        return `reply:${JSON.stringify(ev.bytes)}`;
      case 'mouse':
        return `mouse:${ev.button}@${ev.x},${ev.y}${ev.release ? ' release' : ''}${ev.motion ? ' motion' : ''}${ev.wheel ? ' wheel' : ''}${ev.mods ? ' ' + keyToName(0x61 | ev.mods).slice(0, -1) : ''}`;
    }
  });
}

/** Feed the chunks in order, then let escape-time expire. */
function decode(...chunks: Array<string | Uint8Array>): InputEvent[] {
  const decoder = new InputDecoder();
  const events = chunks.flatMap((chunk) => decoder.feed(chunk));
  return [...events, ...decoder.flush()];
}

const bytesOf = (events: InputEvent[]): string => events.map((ev) => ev.bytes).join('');

const TMUX_DECODES: ReadonlyArray<readonly [string, string]> = [
  ['a', 'a'],
  ['\x02', 'C-b'],
  ['\x00', 'C-Space'],
  ['\x08', 'C-h'],
  ['\x7f', 'BSpace'],
  ['\x1b[A', 'Up'],
  ['\x1bOA', 'Up'],
  ['\x1b[1;5A', 'C-Up'],
  ['\x1b[1;3A', 'M-Up'],
  ['\x1b[1;9A', 'M-Up'],
  ['\x1b[1;6A', 'C-S-Up'],
  ['\x1b\x1b[A', 'M-Up'],
  ['\x1bx', 'M-x'],
  ['\x1b\x7f', 'M-BSpace'],
  ['\x1b\x02', 'M-C-b'],
  ['\x1b[Z', 'BTab'],
  ['\x1b[3~', 'DC'],
  ['\x1b[3;5~', 'C-DC'],
  ['\x1b[H', 'Home'],
  ['\x1b[F', 'End'],
  ['\x1bOH', 'Home'],
  ['\x1bOP', 'F1'],
  ['\x1bO2P', 'S-F1'],
  ['\x1b[1;2P', 'S-F1'],
  ['\x1b[15;5~', 'C-F5'],
  ['\x1bOa', 'C-Up'],
  ['\x1b[a', 'S-Up'],
  ['\x1b[2^', 'C-IC'],
  ['\x1b[5$', 'S-PPage'],
  ['\x1b[6@', 'C-S-NPage'],
  ['\x1bOp', 'KP0'],
  ['\x1bOM', 'KPEnter'],
  ['\x1b[97;5u', 'C-a'],
  ['\x1b[27;5;97~', 'C-a'],
  ['\x1b[49;5u', 'C-1'],
  ['\x1b[9;5u', 'C-Tab'],
  ['\x1b[97;2u', 'S-a'],
  ['\x1b[13;2u', 'S-Enter'],
  ['\x1b[127;5u', 'C-BSpace'],
  ['\x1bO[', 'Escape'],
  ['\x1b\x1b', 'M-Escape'],
  ['\x1b', 'Escape'],
];

/** Sequences tmux 3.3a only knows from other terminals' terminfo (rxvt, VT220) or not at all. */
const BEYOND_TMUX_DECODES: ReadonlyArray<readonly [string, string]> = [
  ['\x1b[1~', 'Home'],
  ['\x1b[4~', 'End'],
  ['\x1b[7~', 'Home'],
  ['\x1b[8~', 'End'],
  ['\x1b[2~', 'IC'],
  ['\x1b[5~', 'PPage'],
  ['\x1b[6~', 'NPage'],
  ['\x1b[11~', 'F1'],
  ['\x1b[14~', 'F4'],
  ['\x1b[24~', 'F12'],
  ['\x1b[24;2~', 'S-F12'],
  ['\x1b[1;2Z', 'S-BTab'],
  ['\x1b[1;10A', 'M-S-Up'],
  ['\x1b[P', 'F1'],
  ['\x1bO1;5P', 'C-F1'],
  ['\x1bOo', 'KP/'],
  ['\x1bOn', 'KP.'],
  ['\x1b[97u', 'a'],
  ['\x1b[97:65;2u', 'S-a'],
  ['\x1b[32;5u', 'C-Space'],
  ['\x1b[63;5u', 'C-?'],
  ['\x1b[27;5;13~', 'C-Enter'],
  ['\x1b[233;3u', 'M-é'],
];

test('bytes decode to the keys tmux 3.3a reports (recorded table)', () => {
  const wrong: string[] = [];
  for (const [bytes, name] of TMUX_DECODES) {
    const got = describe(decode(bytes));
    if (got.length !== 1 || got[0] !== name) wrong.push(`${JSON.stringify(bytes)}: expected ${name}, got ${got.join(' ')}`);
  }
  assert.deepEqual(wrong, []);
});

test('sequences from other xterm-compatible terminals decode too', () => {
  for (const [bytes, name] of BEYOND_TMUX_DECODES) assert.deepEqual(describe(decode(bytes)), [name], JSON.stringify(bytes));
});

test('a sequence split at every byte decodes to the same key and is pending until complete', () => {
  for (const [bytes, name] of [...TMUX_DECODES, ...BEYOND_TMUX_DECODES]) {
    if (bytes === '\x1b' || bytes === '\x1b\x1b') continue;
    const decoder = new InputDecoder();
    const events: InputEvent[] = [];
    const raw = Buffer.from(bytes, 'utf8');
    for (let i = 0; i < raw.length; i++) {
      events.push(...decoder.feed(raw.subarray(i, i + 1)));
      if (i < raw.length - 1 && events.length === 0) assert.ok(decoder.pending(), `${JSON.stringify(bytes)} after ${i + 1} bytes`);
    }
    assert.equal(decoder.pending(), false, JSON.stringify(bytes));
    assert.deepEqual(describe(events), [name], JSON.stringify(bytes));
  }
});

test('printable text decodes to one key per character', () => {
  assert.deepEqual(describe(decode('hi 日本!')), ['h', 'i', 'Space', '日', '本', '!']);
});

test('the prefix byte 0x02 is the key bind-key calls C-b', () => {
  const [ev] = new InputDecoder().feed('\x02');
  assert.equal(ev.kind === 'key' && ev.key, 0x02);
});

test('the erase character decodes as BSpace and can be set to ^H', () => {
  assert.deepEqual(describe(decode('\x7f\x08')), ['BSpace', 'C-h']);
  const decoder = new InputDecoder({ backspace: 0x08 });
  assert.deepEqual(describe(decoder.feed('\x7f\x08\x1b\x08')), ['C-?', 'BSpace', 'M-BSpace']);
});

test('a lone ESC is held until escape-time expires, then it is Escape', () => {
  const decoder = new InputDecoder();
  assert.deepEqual(decoder.feed('\x1b'), []);
  assert.equal(decoder.pending(), true);
  assert.deepEqual(describe(decoder.flush()), ['Escape']);
  assert.equal(decoder.pending(), false);
  assert.deepEqual(decoder.flush(), []);
});

test('ESC at the end of a chunk joins the next chunk when it arrives in time', () => {
  const decoder = new InputDecoder();
  assert.deepEqual(describe(decoder.feed('ab\x1b')), ['a', 'b']);
  assert.equal(decoder.pending(), true);
  assert.deepEqual(describe(decoder.feed('[B')), ['Down']);
  assert.equal(decoder.pending(), false);
});

test('ESC followed at once by a character that starts no sequence is Meta, without waiting', () => {
  const decoder = new InputDecoder();
  assert.deepEqual(describe(decoder.feed('\x1bx\x1b1\x1b\x1b\x1b ')), ['M-x', 'M-1', 'M-Escape', 'M-Space']);
  assert.equal(decoder.pending(), false);
  assert.deepEqual(describe(decoder.feed('\x1bé\x1b\x00\x1b\r')), ['M-é', 'M-C-@', 'M-Enter']);
});

test('unfinished sequences that escape-time gives up on become Meta keys and characters', () => {
  const table: ReadonlyArray<readonly [string, string[]]> = [
    ['\x1b[', ['M-[']],
    ['\x1bO', ['M-O']],
    ['\x1b]', ['M-]']],
    ['\x1bP', ['M-P']],
    ['\x1b[1;5', ['M-[', '1', ';', '5']],
    ['\x1b[M#', ['M-[', 'M', '#']],
    ['\x1b\x1b', ['M-Escape']],
    ['\x1b\x1b[', ['M-Escape', '[']],
    ['\x1b]11;rgb', ['M-]', '1', '1', ';', 'r', 'g', 'b']],
  ];
  for (const [bytes, names] of table) {
    const decoder = new InputDecoder();
    assert.deepEqual(decoder.feed(bytes), [], JSON.stringify(bytes));
    assert.equal(decoder.pending(), true, JSON.stringify(bytes));
    assert.deepEqual(describe(decoder.flush()), names, JSON.stringify(bytes));
  }
});

test('unknown sequences come out as tmux sends them: M-[ and the rest as characters', () => {
  assert.deepEqual(describe(decode('\x1b[99X')), ['M-[', '9', '9', 'X']);
  assert.deepEqual(describe(decode('\x1b[5A')), ['M-[', '5', 'A']);
  assert.deepEqual(describe(decode('\x1bOz')), ['M-O', 'z']);
  assert.deepEqual(describe(decode('\x1b[1;5;7~')), ['M-[', '1', ';', '5', ';', '7', '~']);
  assert.deepEqual(describe(decode('\x1b\x1b[99X')), ['M-Escape', '[', '9', '9', 'X']);
});

test('UTF-8 split across chunks is joined, invalid bytes become U+FFFD one byte each', () => {
  const decoder = new InputDecoder();
  assert.deepEqual(decoder.feed(Uint8Array.of(0xe6)), []);
  assert.equal(decoder.pending(), true);
  assert.deepEqual(decoder.feed(Uint8Array.of(0x97)), []);
  const events = decoder.feed(Uint8Array.of(0xa5, 0x41));
  assert.deepEqual(describe(events), ['日', 'A']);
  assert.equal(events[0].bytes, '\xe6\x97\xa5');

  const bad = decode(Uint8Array.of(0xff, 0xc0, 0x80, 0xed, 0xa0, 0x80, 0xe6, 0x41));
  assert.deepEqual(describe(bad), ['\ufffd', '\ufffd', '\ufffd', '\ufffd', '\ufffd', '\ufffd', '\ufffd', 'A']);
  assert.equal(bytesOf(bad), '\xff\xc0\x80\xed\xa0\x80\xe6A');

  const cut = new InputDecoder();
  assert.deepEqual(cut.feed(Uint8Array.of(0xe6, 0x97)), []);
  assert.deepEqual(describe(cut.flush()), ['\ufffd', '\ufffd']);
});

test('a bracketed paste is one paste event whose text keeps escape sequences and newlines', () => {
  const events = decode('x\x1b[200~one\x1b[A\ntwo\r\x02\x1b[201~y');
  assert.deepEqual(describe(events), ['x', 'paste:"one\\u001b[A\\ntwo\\r\\u0002"', 'y']);
  assert.equal(events[1].bytes, '\x1b[200~one\x1b[A\ntwo\r\x02\x1b[201~');
});

test('a paste arriving in pieces comes out in pieces, never pending, with the end marker split anywhere', () => {
  const whole = '\x1b[200~héllo\x1b[201~!';
  const raw = Buffer.from(whole, 'utf8');
  for (let cut = 1; cut < raw.length; cut++) {
    const decoder = new InputDecoder();
    const first = decoder.feed(raw.subarray(0, cut));
    assert.equal(decoder.pending(), cut < 6, `cut at ${cut}`);
    const events = [...first, ...decoder.feed(raw.subarray(cut))];
    const pastes = events.filter((ev) => ev.kind === 'paste');
    assert.equal(pastes.map((ev) => (ev.kind === 'paste' ? ev.text : '')).join(''), 'héllo', `cut at ${cut}`);
    assert.deepEqual(describe(events.filter((ev) => ev.kind !== 'paste')), ['!'], `cut at ${cut}`);
    assert.equal(bytesOf(events), raw.toString('latin1'), `cut at ${cut}`);
  }
});

test('a paste still open when flushed gives up what it holds and stays open', () => {
  const decoder = new InputDecoder();
  assert.deepEqual(decoder.feed('\x1b[200~'), []);
  assert.equal(decoder.pending(), false);
  assert.deepEqual(describe(decoder.flush()), ['paste:""']);
  assert.deepEqual(describe(decoder.feed('abc\x1b[20')), ['paste:"abc"']);
  assert.deepEqual(describe(decoder.flush()), ['paste:"\\u001b[20"']);
  assert.deepEqual(describe(decoder.feed('def\x1b[201~g')), ['paste:"def"', 'g']);
});

test('a paste end marker outside a paste is the PasteEnd key', () => {
  assert.deepEqual(describe(decode('\x1b[201~')), ['PasteEnd']);
});

test('an ESC before a paste, mouse report or reply is a plain Escape', () => {
  assert.deepEqual(describe(decode('\x1b\x1b[200~a\x1b[201~')), ['Escape', 'paste:"a"']);
  assert.deepEqual(describe(decode('\x1b\x1b[<0;1;1M')), ['Escape', 'mouse:1@0,0']);
  assert.deepEqual(describe(decode('\x1b\x1b[I')), ['Escape', 'focus:in']);
});

test('ESC before a sequence that carries Meta itself is a separate Escape, as in tmux', () => {
  assert.deepEqual(describe(decode('\x1b\x1b[1;3D')), ['Escape', 'M-Left']);
  assert.deepEqual(describe(decode('\x1b\x1b[1;5D')), ['C-M-Left']);
});

test('focus reports', () => {
  assert.deepEqual(describe(decode('\x1b[I\x1b[O')), ['focus:in', 'focus:out']);
});

test('SGR mouse reports: buttons, release, drag, motion, wheel and modifiers', () => {
  const table: ReadonlyArray<readonly [string, string]> = [
    ['\x1b[<0;5;3M', 'mouse:1@4,2'],
    ['\x1b[<0;5;3m', 'mouse:1@4,2 release'],
    ['\x1b[<1;1;1M', 'mouse:2@0,0'],
    ['\x1b[<2;200;100M', 'mouse:3@199,99'],
    ['\x1b[<32;6;3M', 'mouse:1@5,2 motion'],
    ['\x1b[<35;7;3M', 'mouse:0@6,2 motion'],
    ['\x1b[<64;5;3M', 'mouse:4@4,2 wheel'],
    ['\x1b[<65;5;3M', 'mouse:5@4,2 wheel'],
    ['\x1b[<64;5;3m', 'mouse:4@4,2 release wheel'],
    ['\x1b[<66;5;3M', 'mouse:6@4,2'],
    ['\x1b[<128;5;3M', 'mouse:8@4,2'],
    ['\x1b[<16;5;3M', 'mouse:1@4,2 C-'],
    ['\x1b[<12;5;3M', 'mouse:1@4,2 M-S-'],
    ['\x1b[<3;5;3M', 'mouse:0@4,2 release'],
  ];
  for (const [bytes, expected] of table) assert.deepEqual(describe(decode(bytes)), [expected], JSON.stringify(bytes));
});

test('X10 and urxvt mouse reports, including bytes above 0x7f and a report split across chunks', () => {
  assert.deepEqual(describe(decode('\x1b[M %#')), ['mouse:1@4,2']);
  assert.deepEqual(describe(decode('\x1b[M#%#')), ['mouse:0@4,2 release']);
  assert.deepEqual(describe(decode('\x1b[M`%#')), ['mouse:4@4,2 wheel']);
  assert.deepEqual(describe(decode('\x1b[M@&#')), ['mouse:1@5,2 motion']);
  assert.deepEqual(describe(decode('\x1b[M0%#')), ['mouse:1@4,2 C-']);
  assert.deepEqual(describe(decode(Uint8Array.of(0x1b, 0x5b, 0x4d, 0x20, 0xb6, 0xff))), ['mouse:1@149,222']);
  assert.deepEqual(describe(decode('\x1b[M', ' ', '%#')), ['mouse:1@4,2']);
  assert.deepEqual(describe(decode('\x1b[32;5;3M')), ['mouse:1@4,2']);
  assert.deepEqual(describe(decode('\x1b[35;5;3M')), ['mouse:0@4,2 release']);
});

test('mouse events carry their raw bytes', () => {
  const [ev] = decode('\x1b[<0;5;3M') as MouseInput[];
  assert.equal(ev.bytes, '\x1b[<0;5;3M');
  assert.equal(ev.mods, 0);
  const [ctrl] = decode('\x1b[<20;5;3M') as MouseInput[];
  assert.equal(ctrl.mods, KEY_CTRL | KEY_SHIFT);
});

test('terminal replies are reported as replies, not typed', () => {
  const table: ReadonlyArray<string> = [
    '\x1b[?64;1;2;6;9;15;18;21;22c',
    '\x1b[>84;0;0c',
    '\x1b[=00000000c',
    '\x1b[?2004;1$y',
    '\x1b[12;40R',
    '\x1b[1;1R',
    '\x1b]11;rgb:0000/0000/0000\x1b\\',
    '\x1b]10;rgb:ffff/ffff/ffff\x07',
    '\x1b]52;c;aGVsbG8=\x07',
    '\x1bP>|tmux 3.3a\x1b\\',
    '\x1bP1$r0m\x1b\\',
  ];
  for (const reply of table) assert.deepEqual(describe(decode(reply)), [`reply:${JSON.stringify(reply)}`]);
  // A cursor position report in row 1 with a column that is a modifier is, as in tmux, F3.
  assert.deepEqual(describe(decode('\x1b[1;5R')), ['C-F3']);
});

test('M-] and M-P followed by typing are not mistaken for the start of a reply', () => {
  const decoder = new InputDecoder();
  assert.deepEqual(describe(decoder.feed('\x1b]a\x1bPb')), ['M-]', 'a', 'M-P', 'b']);
  assert.equal(decoder.pending(), false);
});

test('an endless sequence is given up at a bound and its bytes come out as keys', () => {
  const csi = new InputDecoder();
  const events = csi.feed('\x1b[' + '1'.repeat(100));
  assert.equal(csi.pending(), false);
  assert.equal(events.length, 101);
  assert.equal(describe(events)[0], 'M-[');

  const osc = new InputDecoder({ maxReply: 64 });
  const first = osc.feed('\x1b]52;c;' + 'x'.repeat(40));
  assert.deepEqual(first, []);
  assert.equal(osc.pending(), true);
  const rest = osc.feed('x'.repeat(40));
  assert.equal(osc.pending(), false);
  assert.equal(bytesOf(rest), '\x1b]52;c;' + 'x'.repeat(80));
});

test('events report the raw bytes, so all events together reproduce the input', () => {
  const input = 'a\x1b[1;5A\x1bx\x1b[200~p\x1b[201~\x1b[<0;1;1M\x1b[I\x1b[?1;2c\x1b[99X日\x7f';
  assert.equal(bytesOf(decode(input)), Buffer.from(input, 'utf8').toString('latin1'));
});

test('the decoder copies what it holds, so the caller may reuse its buffer', () => {
  const decoder = new InputDecoder();
  const chunk = Buffer.from('\x1b[1;');
  decoder.feed(chunk);
  chunk.fill(0x41);
  assert.deepEqual(describe(decoder.feed('5A')), ['C-Up']);
});

/** xorshift32: deterministic pseudo-random numbers, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 2 ** 32;
  };
}

/** Bytes biased towards what makes sequences: ESC, [, O, ], P, digits, ;, <, M, ~, u, BEL, \, and high bytes. */
const INTERESTING = Buffer.from('\x1b\x1b\x1b[[[OO]P0123456789;;;<<MmM~~u\x07\\~201~200~ABCDaqz?>$^@', 'latin1');

test('random bytes never throw, every byte is accounted for, and nothing is held without bound', () => {
  const maxReply = 256;
  for (let seed = 1; seed <= 300; seed++) {
    const next = random(seed);
    const length = 1 + Math.floor(next() * 2000);
    const input = Buffer.alloc(length);
    for (let i = 0; i < length; i++) {
      const r = next();
      input[i] = r < 0.6 ? INTERESTING[Math.floor(next() * INTERESTING.length)] : Math.floor(next() * 256);
    }
    const decoder = new InputDecoder({ maxReply });
    const events: InputEvent[] = [];
    let fed = 0;
    let emitted = 0;
    while (fed < length) {
      const size = 1 + Math.floor(next() * 64);
      const chunk = input.subarray(fed, fed + size);
      fed += chunk.length;
      const out = decoder.feed(chunk);
      if (next() < 0.2) out.push(...decoder.flush());
      for (const ev of out) emitted += ev.bytes.length;
      events.push(...out);
      assert.ok(fed - emitted <= maxReply + 16, `seed ${seed}: ${fed - emitted} bytes held`);
    }
    events.push(...decoder.flush());
    assert.equal(decoder.pending(), false, `seed ${seed}`);
    assert.equal(bytesOf(events), input.toString('latin1'), `seed ${seed}`);
    for (const ev of events) {
      if (ev.kind === 'key') assert.doesNotMatch(keyToName(ev.key), /^Invalid/, `seed ${seed}`);
      if (ev.kind === 'mouse') assert.ok(ev.x >= 0 && ev.y >= 0, `seed ${seed}`);
    }
  }
});

test('keys decoded with modifiers use the same bits as names', () => {
  const [up] = decode('\x1b[1;8A');
  assert.equal(up.kind === 'key' && up.key, Key.Up | KEY_SHIFT | KEY_META | KEY_CTRL);
});
