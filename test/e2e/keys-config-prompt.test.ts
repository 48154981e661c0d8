// Keys, options, the prompt and the configuration file as a tmux user meets them on day one: a
// ~/.tsmux.conf that rebinds keys and changes the prefix, a config file with mistakes (reported
// as file:line, the rest still applied), `C-b :` with line editing and history, `C-b x` asking
// before killing a pane, `C-b ?` listing the keys, repeating keys and user key tables.

import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TestTsmux, sleep } from '../harness/tsmux';
import type { Screen } from '../harness/screen';

const PROMPT = /^\$ ?$/m;
const ROWS = 24;
const STATUS = ROWS - 1;

/**
 * A private tsmux with no $EDITOR/$VISUAL: like tmux, tsmux switches the prompt to vi keys when
 * the editor is vi (npm sets EDITOR=vi for `npm test`), and these tests type emacs keys.
 */
function newTsmux(): TestTsmux {
  const t = new TestTsmux();
  delete t.env.EDITOR;
  delete t.env.VISUAL;
  return t;
}

function writeConfig(t: TestTsmux, name: string, lines: string[]): string {
  const file = path.join(t.home, name);
  fs.writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

async function attach(t: TestTsmux, args: string[]): Promise<Screen> {
  const s = t.start(args, { cols: 80, rows: ROWS });
  await s.waitFor(PROMPT, 15000, 'the shell prompt');
  return s;
}

async function windowNames(t: TestTsmux): Promise<string> {
  return (await t.run(['list-windows', '-F', '#{window_name}'])).stdout;
}

async function waitForValue(read: () => Promise<string>, expected: string, what: string): Promise<void> {
  let value = '';
  for (let i = 0; i < 250; i++) {
    value = await read();
    if (value === expected) return;
    await sleep(20);
  }
  assert.equal(value, expected, what);
}

test('a key rebound in ~/.tsmux.conf does what the config file says', async () => {
  const t = newTsmux();
  try {
    writeConfig(t, '.tsmux.conf', [
      '# my tmux habits',
      'bind-key a new-window -n from-config',
      'unbind c',
      'bind -n F5 rename-window from-f5',
    ]);
    const s = await attach(t, ['new-session', '-s', 'k']);
    s.write('\x02a');
    await s.waitFor((x) => /1:from-config\*/.test(x.line(STATUS)), 15000, 'the window the rebound key made');
    // c is unbound now: C-b c does nothing (and is not typed into the pane).
    s.write('\x02c');
    await sleep(300);
    assert.equal((await t.run(['list-windows', '-F', '#{window_index}'])).stdout, '0\n1\n');
    s.write('\x1b[15~');
    await waitForValue(() => windowNames(t), 'bash\nfrom-f5\n', 'F5 bound in the root table');
    const lsk = await t.run(['list-keys', '-T', 'prefix', 'a']);
    assert.equal(lsk.stdout, 'bind-key -T prefix a new-window -n from-config\n');
  } finally {
    await t.cleanup();
  }
});

test('set -g prefix C-a in the config file: C-a d detaches, C-a C-a sends C-a', async () => {
  const t = newTsmux();
  try {
    const conf = writeConfig(t, 'prefix.conf', ['set -g prefix C-a', 'unbind C-b', 'bind C-a send-prefix']);
    const s = await attach(t, ['-f', conf, 'new-session', '-s', 'pfx']);
    assert.equal((await t.run(['show-options', '-gv', 'prefix'])).stdout, 'C-a\n');
    // C-a C-a reaches the shell as C-a (readline: start of line), so the text typed lands in front.
    s.write('world');
    s.write('\x01\x01');
    s.write('echo hello-');
    s.write('\r');
    await s.waitFor(/^hello-world$/m, 15000, 'C-a sent through to the shell');
    s.write('\x01d');
    const exit = await s.waitExit();
    assert.equal(exit.exitCode, 0);
    await s.settle();
    assert.match(s.output, /\[detached \(from session pfx\)\]/);
  } finally {
    await t.cleanup();
  }
});

test('prefix2 is a second prefix and set-option takes effect at once', async () => {
  const t = newTsmux();
  try {
    const s = await attach(t, ['-f', '/dev/null', 'new-session', '-s', 'p2']);
    assert.equal((await t.run(['set-option', '-g', 'prefix2', 'C-x'])).code, 0);
    s.write('\x18c');
    await s.waitFor((x) => /1:bash\*/.test(x.line(STATUS)), 15000, 'C-x c made a window');
    assert.equal((await t.run(['set', '-g', 'status-left', '<#{session_name}> '])).code, 0);
    await s.waitFor((x) => x.line(STATUS).startsWith('<p2> 0:bash'), 15000, 'the new status-left drawn at once');
    assert.equal((await t.run(['set', '-g', 'status', 'off'])).code, 0);
    await s.waitFor((x) => !x.line(STATUS).includes('<p2>'), 15000, 'the status line gone at once');
    assert.equal((await t.run(['display', '-p', '#{window_height}'])).stdout, '24\n');
  } finally {
    await t.cleanup();
  }
});

test('a config file with errors reports file:line: message in view mode and the rest applies', async () => {
  const t = newTsmux();
  try {
    const conf = writeConfig(t, 'broken.conf', [
      'set -g status-left "OK "',
      'set -g nosuch-option x',
      '}',
      'bind-key Foo-x new-window',
      'set -g status-right RIGHT',
    ]);
    // The pane shows the errors (view mode) rather than the shell.
    const s = t.start(['-f', conf, 'new-session', '-s', 'err'], { cols: 80, rows: ROWS });
    await s.waitFor(`${conf}:2: invalid option: nosuch-option`, 15000, 'the runtime error');
    assert.match(s.text(), new RegExp(`^${conf}:3: syntax error`, 'm'));
    assert.match(s.text(), new RegExp(`^${conf}:4: unknown key: Foo-x`, 'm'));
    // The view shows its position at the top right, like tmux.
    assert.match(s.line(0), /\[0\/0\]$/);
    // Everything else in the file was applied.
    await s.waitFor((x) => x.line(STATUS).startsWith('OK 0:') && x.line(STATUS).trimEnd().endsWith('RIGHT'), 15000, 'status line');
    assert.equal((await t.run(['display', '-p', '#{pane_mode}'])).stdout, 'view-mode\n');
    s.write('q');
    await s.waitFor(PROMPT, 15000, 'the shell after q');
    assert.equal((await t.run(['display', '-p', '#{pane_mode}'])).stdout, '\n');
  } finally {
    await t.cleanup();
  }
});

test('C-b : edits a command line (emacs keys, Tab, history) and runs it', async () => {
  const t = newTsmux();
  try {
    const s = await attach(t, ['-f', '/dev/null', 'new-session', '-s', 'cmd']);
    s.write('\x02:');
    await s.waitFor((x) => x.line(STATUS).trimEnd() === ':', 15000, 'the empty prompt');
    // Tab completes command names: "renam" completes to what rename-session, rename-window and the
    // alias "rename" share; "rename-w" is unique.
    s.write('renam\t');
    await s.waitFor((x) => x.line(STATUS).trimEnd() === ':rename', 15000, 'the common prefix');
    s.write('-w\t');
    // A unique completion gets a space after it: the cursor is one past the name.
    await s.waitFor((x) => x.line(STATUS).trimEnd() === ':rename-window' && x.cursor().x === 15, 15000, 'the completed command');
    // Type with mistakes and fix them: BSpace, C-w, C-h, C-a, C-f, C-d, C-e, M-b, C-k, C-b.
    s.write('firsX');
    s.write('\x7f');
    s.write('t junk');
    s.write('\x17'); // C-w: the word before the cursor
    s.write('\x08'); // C-h: the space before it
    await s.waitFor((x) => x.line(STATUS).trimEnd() === ':rename-window first', 15000, 'after BSpace, C-w, C-h');
    s.write('\x01'); // C-a
    s.write('\x06'.repeat(6)); // C-f ×6: after "rename"
    s.write('\x04'); // C-d: the "-"
    await s.waitFor((x) => x.line(STATUS).trimEnd() === ':renamewindow first', 15000, 'after C-d');
    s.write('-');
    s.write('\x05'); // C-e
    s.write('\x1bb'); // M-b: the start of "first"
    s.write('\x0b'); // C-k
    s.write('win');
    await s.waitFor((x) => x.line(STATUS).trimEnd() === ':rename-window win', 15000, 'after M-b, C-k');
    s.write('\x02\x02\x02'); // C-b ×3 (the prompt takes the prefix key as "left")
    s.write('first-');
    await s.waitFor((x) => x.line(STATUS).trimEnd() === ':rename-window first-win', 15000, 'after C-b');
    s.write('\r');
    await waitForValue(() => windowNames(t), 'first-win\n', 'the command ran');
    // Up brings the line back; edit it and run it again.
    s.write('\x02:');
    await s.waitFor((x) => x.line(STATUS).trimEnd() === ':', 15000, 'a new prompt');
    s.write('\x1b[A');
    await s.waitFor((x) => x.line(STATUS).trimEnd() === ':rename-window first-win', 15000, 'history');
    s.write('\x7f\x7f\x7fsecond');
    s.write('\r');
    await waitForValue(() => windowNames(t), 'first-second\n', 'the edited command ran');
    // Escape cancels without running anything.
    s.write('\x02:');
    await s.waitFor((x) => x.line(STATUS).trimEnd() === ':', 15000, 'a third prompt');
    s.write('kill-server');
    s.write('\x1b');
    await s.waitFor((x) => x.line(STATUS).startsWith('[cmd]'), 15000, 'the status line back');
    // An error shows on the status line, capitalised as tmux does.
    s.write('\x02:nosuchcommand\r');
    await s.waitFor((x) => x.line(STATUS).startsWith('Unknown command: nosuchcommand'), 15000, 'the error');
  } finally {
    await t.cleanup();
  }
});

test('default prompts: C-b , starts from the window name, C-b \' asks for an index, C-b / describes a key', async () => {
  const t = newTsmux();
  try {
    const s = await attach(t, ['-f', '/dev/null', 'new-session', '-s', 'prompts']);
    // -I'#W': the prompt starts with the current name, which C-u clears.
    s.write('\x02,');
    await s.waitFor((x) => x.line(STATUS).trimEnd() === '(rename-window) bash', 15000, 'the rename prompt');
    s.write('\x15renamed\r');
    await waitForValue(() => windowNames(t), 'renamed\n', 'rename-window -- %%');
    s.write('\x02c');
    await s.waitFor((x) => /1:bash\*/.test(x.line(STATUS)), 15000, 'a second window');
    s.write("\x02'");
    await s.waitFor((x) => x.line(STATUS).trimEnd() === 'index', 15000, 'the index prompt');
    s.write('0\r');
    await s.waitFor((x) => /0:renamed\*/.test(x.line(STATUS)), 15000, "select-window -t ':%%'");
    // -k: the next key is the answer; list-keys -1N shows its note on the status line.
    s.write('\x02/');
    await s.waitFor((x) => x.line(STATUS).trimEnd() === 'key', 15000, 'the key prompt');
    s.write('d');
    await s.waitFor((x) => x.line(STATUS).trimEnd() === 'C-b d Detach the current client', 15000, 'the note');
  } finally {
    await t.cleanup();
  }
});

test('C-b x asks "kill-pane 0? (y/n)": n keeps the pane, y kills it', async () => {
  const t = newTsmux();
  try {
    const s = await attach(t, ['-f', '/dev/null', 'new-session', '-s', 'confirm']);
    s.write('\x02x');
    await s.waitFor((x) => x.line(STATUS).trimEnd() === 'kill-pane 0? (y/n)', 15000, 'the question');
    assert.equal(s.cell(19, STATUS).inverse, true, 'the cursor cell after the question');
    s.write('n');
    await s.waitFor((x) => x.line(STATUS).startsWith('[confirm] 0:bash*'), 15000, 'the status line back');
    assert.equal((await t.run(['list-panes', '-F', '#{pane_id}'])).stdout, '%0\n');
    s.write('\x02x');
    await s.waitFor((x) => x.line(STATUS).trimEnd() === 'kill-pane 0? (y/n)', 15000, 'the question again');
    s.write('y');
    // The only pane: killing it ends the session and the client.
    await s.waitExit();
    await s.settle();
    assert.match(s.output, /\[exited\]/);
  } finally {
    await t.cleanup();
  }
});

test('C-b ? lists the keys in view mode; q leaves it', async () => {
  const t = newTsmux();
  try {
    const s = await attach(t, ['-f', '/dev/null', 'new-session', '-s', 'help']);
    s.write('\x02?');
    await s.waitFor((x) => x.line(0).startsWith('C-b C-b     Send the prefix key'), 15000, 'the first key');
    assert.match(s.line(0), /\[\d+\/\d+\]$/);
    assert.equal(s.line(3), 'C-b Space   Select next layout');
    // Scrolling to the bottom shows the last bindings.
    s.write('G');
    await s.waitFor((x) => x.lines().some((l) => l.startsWith('C-b S-Right Move the visible part of the window right')), 15000, 'the end');
    s.write('q');
    await s.waitFor(PROMPT, 15000, 'the shell again');
  } finally {
    await t.cleanup();
  }
});

test('repeatable keys repeat without the prefix; user key tables via switch-client -T', async () => {
  const t = newTsmux();
  try {
    const conf = writeConfig(t, 'tables.conf', [
      'bind -T mytable w new-window -n via-table',
      'bind m switch-client -T mytable',
    ]);
    const s = await attach(t, ['-f', conf, 'new-session', '-s', 'rep']);
    s.write('\x02"');
    await s.waitFor((x) => x.line(11).startsWith('─'), 15000, 'the split');
    // Up is bound with -r: C-b Up then Down (in the same burst, within repeat-time) moves up and back.
    s.write('\x02\x1b[A\x1b[B');
    await sleep(300);
    assert.equal((await t.run(['display', '-p', '#{pane_index}'])).stdout, '1\n');
    s.write('\x02m');
    await sleep(100);
    s.write('w');
    await s.waitFor((x) => /1:via-table\*/.test(x.line(STATUS)), 15000, 'the binding in the user table');
  } finally {
    await t.cleanup();
  }
});

test('source-file runs a file, reports errors with file:line and sets the exit status', async () => {
  const t = newTsmux();
  try {
    await t.run(['-f', '/dev/null', 'new-session', '-d', '-s', 'src']);
    const good = writeConfig(t, 'good.conf', ['set -g @one 1', 'set -g @two 2']);
    let r = await t.run(['source-file', good]);
    assert.deepEqual([r.code, r.stdout, r.stderr], [0, '', '']);
    assert.equal((await t.run(['show', '-gv', '@two'])).stdout, '2\n');
    // %if conditions are formats.
    const cond = writeConfig(t, 'cond.conf', ['%if "#{==:#{session_name},src}"', 'set -g @cond yes', '%else', 'set -g @cond no', '%endif']);
    assert.equal((await t.run(['source-file', cond])).code, 0);
    assert.equal((await t.run(['show', '-gv', '@cond'])).stdout, 'yes\n');
    const bad = writeConfig(t, 'bad.conf', ['set -g @three 3', 'set -g nosuch x', '}', 'set -g @four 4']);
    r = await t.run(['source-file', '-v', bad]);
    assert.equal(r.code, 1);
    assert.equal(r.stdout, `${bad}:3: syntax error\n${bad}:1: set-option -g @three 3\n${bad}:2: set-option -g nosuch x\n${bad}:4: set-option -g @four 4\n`);
    assert.equal(r.stderr, 'invalid option: nosuch\n');
    assert.equal((await t.run(['show', '-gv', '@four'])).stdout, '4\n');
    // Globs, -q for missing files.
    r = await t.run(['source', path.join(t.home, 'g*.conf')]);
    assert.equal(r.code, 0);
    r = await t.run(['source', path.join(t.home, 'missing.conf')]);
    assert.deepEqual([r.code, r.stderr], [1, `${path.join(t.home, 'missing.conf')}: No such file or directory\n`]);
    r = await t.run(['source', '-q', path.join(t.home, 'missing.conf')]);
    assert.equal(r.code, 0);
  } finally {
    await t.cleanup();
  }
});
