// Keystroke latency: time from writing one key to the attached client's pty until the pane's echo
// of it comes back out of that pty. The pane runs a tiny echo program that answers each key byte
// with "\r" and a circled digit (① … ⑳, chosen by the key) so the echo is unmistakable in the
// client's output — no status line, border, clock or flood text contains those characters — and
// the pane's cell holds only the newest echo, so a redraw of the old one can never be mistaken for it.
// Measured idle and while a second pane in the same window floods with `yes` (split-window -d).

import * as fs from 'node:fs';
import * as path from 'node:path';
import { tempDir, withScope } from './lib/cleanup';
import { errorText, failed, formatOutcome, notAvailable, type Benchmark, type BenchOptions, type Figure, type Outcome } from './lib/figures';
import { interleaved, Multiplexer, type MuxName } from './lib/multiplexer';
import { now, sleep } from './lib/proc';
import { attachClient, type PtyReader } from './lib/pty-client';
import { prng } from './lib/inputs';
import { runStandalone } from './lib/standalone';
import { percentile } from './lib/stats';

const COLS = 200;
const ROWS = 50;
const SESSION = 'K';
const KEYS = 'abcdefghijklmnopqrst';
const WARM_UP_KEYS = 5;

// Raw mode, no echo by the tty; each key byte k → "\r" + U+2460+(k mod 20) in UTF-8 (E2 91 A0+n).
const ECHO_PROGRAM = `system("stty raw -echo");
while (sysread(STDIN, my $c, 1)) { syswrite(STDOUT, "\\r\\xe2\\x91" . chr(0xa0 + (ord($c) - 97) % 20)); }
`;

function echoOf(key: string): Buffer {
  return Buffer.from([0xe2, 0x91, 0xa0 + ((key.charCodeAt(0) - 97) % 20)]);
}

/** Resolve with the arrival time of the chunk that completes `needle`, even if split across chunks. */
function arrivalOf(client: PtyReader, needle: Buffer, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let tail: Buffer = Buffer.alloc(0);
    const timer = setTimeout(() => {
      off();
      reject(new Error(`no echo within ${timeoutMs} ms`));
    }, timeoutMs);
    const off = client.onChunk((chunk, at) => {
      const haystack = tail.length ? Buffer.concat([tail, chunk]) : chunk;
      if (haystack.indexOf(needle) >= 0) {
        clearTimeout(timer);
        off();
        resolve(at);
        return;
      }
      tail = haystack.subarray(Math.max(0, haystack.length - (needle.length - 1)));
    });
  });
}

interface Variant {
  key: 'idle' | 'flood';
  name: string;
}

const VARIANTS: readonly Variant[] = [
  { key: 'idle', name: 'idle' },
  { key: 'flood', name: 'neighbour pane flooding (yes)' },
];

/** One round: a fresh server, session and client; returns `keys` latencies in ms, or why not. */
async function round(name: MuxName, variant: Variant, keys: number, script: string, seed: number): Promise<number[] | Outcome> {
  return withScope(async (scope) => {
    const mux = new Multiplexer(name, `latency-${variant.key}`, scope);
    await mux.newSession(SESSION, COLS, ROWS, `exec perl ${script}`);
    if (variant.key === 'flood') {
      const missing = await mux.missing('split-window');
      if (missing) return notAvailable(missing);
      await mux.cmd('split-window', '-d', '-t', SESSION, 'yes');
    }
    const client = attachClient(mux, SESSION, COLS, ROWS + 1, scope);
    const random = prng(seed);
    const samples: number[] = [];
    for (let i = 0; i < WARM_UP_KEYS + keys; i++) {
      const key = KEYS[i % KEYS.length];
      // The first keys also wait for the client to attach and the echo program to start.
      const seen = arrivalOf(client, echoOf(key), i < WARM_UP_KEYS ? 15_000 : 5_000);
      const start = now();
      client.write(key);
      const at = await seen;
      if (i >= WARM_UP_KEYS) samples.push(at - start);
      // Irregular spacing, so keys do not line up with any timer in the server.
      await sleep(10 + random() * 20);
    }
    await client.hangUp();
    return samples;
  });
}

/** Every variant, rounds interleaved, each round with its own server. */
async function measure(script: string, rounds: number, keysPerRound: number, opts: BenchOptions): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const variant of VARIANTS) {
    const perRound: Record<MuxName, number[][]> = { tsmux: [], tmux: [] };
    const stopped: Partial<Record<MuxName, Outcome>> = {};
    for (let r = 0; r < rounds; r++) {
      for (const name of interleaved(r)) {
        if (stopped[name]) continue;
        try {
          const result = await round(name, variant, keysPerRound, script, 1000 * r + (name === 'tmux' ? 1 : 2));
          if (Array.isArray(result)) {
            perRound[name].push(result);
            opts.log(`${variant.key} round ${r + 1} ${name}: p50 ${percentile(result, 50).toFixed(2)} ms, p99 ${percentile(result, 99).toFixed(2)} ms`);
          } else {
            stopped[name] = result;
            opts.log(`${variant.key} ${name}: ${formatOutcome(result, 0)}`);
          }
        } catch (e) {
          stopped[name] = failed(e);
          opts.log(`${variant.key} ${name}: ${errorText(e)}`);
        }
      }
    }
    const outcome = (name: MuxName, p: number): Outcome => {
      const all = perRound[name].flat();
      if (all.length === 0) return stopped[name] ?? failed('no samples');
      const perRoundValues = perRound[name].map((s) => percentile(s, p));
      return {
        kind: 'value',
        value: percentile(all, p),
        lo: Math.min(...perRoundValues),
        hi: Math.max(...perRoundValues),
        runs: perRoundValues,
        detail:
          p === 50
            ? `${all.length} keys, max ${Math.max(...all).toFixed(1)} ms` +
              (stopped[name] && stopped[name]!.kind !== 'value' ? `; then stopped: ${formatOutcome(stopped[name]!, 0)}` : '')
            : undefined,
      };
    };
    for (const p of [50, 90, 99]) {
      figures.push({
        id: `latency-${variant.key}-p${p}`,
        group: 'Keystroke latency',
        name: `p${p}, ${variant.name}`,
        unit: 'ms',
        better: 'lower',
        decimals: 2,
        tsmux: outcome('tsmux', p),
        tmux: outcome('tmux', p),
        references: [],
        target: p === 90 ? { kind: 'none' } : { kind: 'vs-tmux', factor: 1 },
      });
    }
  }
  return figures;
}

export const latency: Benchmark = {
  name: 'latency',
  title: 'Keystroke latency',
  method:
    'A client attached in a 200×51 pseudo-terminal; the pane runs a Perl echo program in raw mode that answers each ' +
    'key with a carriage return and a circled digit. 300 single keystrokes per multiplexer (3 rounds of 100, each ' +
    'round a fresh server, rounds interleaved tmux/tsmux), 10–30 ms apart; latency runs from writing the key to the ' +
    "client's pty until the echo appears in that pty's output. Percentiles are over all 300 keys; the spread is the " +
    'range of the per-round percentile. The flood variant adds a second pane running `yes` (`split-window -d yes`).',

  async run(opts: BenchOptions): Promise<Figure[]> {
    const rounds = opts.smoke ? 1 : 3;
    const keysPerRound = opts.smoke ? 5 : 100;
    return withScope(async (scope) => {
      const script = path.join(tempDir(scope, 'bench-latency'), 'echo.pl');
      fs.writeFileSync(script, ECHO_PROGRAM);
      return measure(script, rounds, keysPerRound, opts);
    });
  },
};

if (require.main === module) runStandalone(latency);
