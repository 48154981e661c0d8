// Issue 2's story over a real ssh connection: a private sshd on loopback, `ssh` in a terminal,
// tsmux and vim on the far side; the connection is killed (its sshd process dies, as when the
// laptop closes), and a second ssh connection finds the session and vim's unsaved text intact.

import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { TestTsmux, TSMUX, sleep } from '../harness/tsmux';
import type { Screen } from '../harness/screen';

const SSHD = '/usr/sbin/sshd';
const PROMPT = /^\$ ?$/m;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

interface Sshd {
  port: number;
  key: string;
  process: ChildProcess;
}

async function startSshd(dir: string): Promise<Sshd> {
  const port = await freePort();
  const hostKey = path.join(dir, 'host_key');
  const key = path.join(dir, 'client_key');
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', hostKey]);
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', key]);
  fs.copyFileSync(`${key}.pub`, path.join(dir, 'authorized_keys'));
  fs.mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
  const config = path.join(dir, 'sshd_config');
  fs.writeFileSync(
    config,
    [
      `Port ${port}`,
      'ListenAddress 127.0.0.1',
      `HostKey ${hostKey}`,
      `AuthorizedKeysFile ${path.join(dir, 'authorized_keys')}`,
      `PidFile ${path.join(dir, 'sshd.pid')}`,
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'PermitRootLogin yes',
      'StrictModes no',
      'UsePAM no',
      'PrintMotd no',
      'PrintLastLog no',
      // bash reads ~/.bashrc for ssh commands only at shell level 1; keep the machine's own rc
      // files (which may do anything) out of the test.
      'SetEnv SHLVL=1',
    ].join('\n') + '\n',
  );
  const proc = spawn(SSHD, ['-D', '-e', '-f', config], { stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => {
        s.destroy();
        resolve(true);
      });
      s.once('error', () => resolve(false));
    });
    if (ok) break;
    await sleep(50);
  }
  return { port, key, process: proc };
}

/** The per-connection sshd processes (children of the listening daemon). */
function connectionSshds(daemon: number): number[] {
  const out: number[] = [];
  for (const d of fs.readdirSync('/proc').filter((x) => /^\d+$/.test(x))) {
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === daemon) out.push(Number(d));
    } catch {
      // gone
    }
  }
  return out;
}

function sshInto(t: TestTsmux, sshd: Sshd, remote: string): Screen {
  const user = os.userInfo().username;
  const env = `cd '${t.home}' && exec env TMUX_TMPDIR='${t.dir}' HOME='${t.home}' SHELL=/bin/bash LANG=C.UTF-8 `;
  return t.startProgram('ssh', [
    '-tt', '-i', sshd.key, '-p', String(sshd.port),
    '-o', 'StrictHostKeyChecking=no', '-o', 'UserKnownHostsFile=/dev/null', '-o', 'LogLevel=ERROR', '-o', 'BatchMode=yes',
    `${user}@127.0.0.1`, env + remote,
  ], { cols: 80, rows: 24 });
}

const canRun = fs.existsSync(SSHD) && process.getuid?.() === 0;

test('over ssh: vim survives the connection dying, and a new connection finds it unsaved', { skip: !canRun && 'needs sshd and root (scripts/setup.sh installs openssh-server)' }, async () => {
  const t = new TestTsmux();
  const sshd = await startSshd(t.dir);
  try {
    const first = sshInto(t, sshd, `${TSMUX} new-session -s my_editing_session`);
    await first.waitFor(PROMPT, 20000, 'the shell inside tsmux, over ssh');
    first.write('vim -N -i NONE my_important_file.txt\r');
    await first.waitFor('"my_important_file.txt" [New]', 15000, 'vim');
    first.write('ihello over ssh\x1b');
    await first.waitFor('hello over ssh');
    await sleep(200);

    // The connection dies: kill the sshd serving it, as a dropped network or closed laptop does.
    const children = connectionSshds(sshd.process.pid!);
    assert.ok(children.length > 0, 'found the connection sshd');
    for (const pid of children) process.kill(pid, 'SIGKILL');
    await first.waitExit(15000);
    await sleep(500);

    const ls = sshInto(t, sshd, `${TSMUX} ls`);
    await ls.waitFor(/my_editing_session: 1 windows \(created .*\)/, 15000, 'ls over ssh');
    await ls.waitExit();
    assert.doesNotMatch(ls.text(), /\(attached\)/, 'the dead client is gone');

    const again = sshInto(t, sshd, `${TSMUX} attach-session -t my_editing_session`);
    await again.waitFor('hello over ssh', 15000, 'vim with the unsaved text');
    again.write(':wq\r');
    await again.waitFor(PROMPT, 10000);
    assert.equal(fs.readFileSync(path.join(t.home, 'my_important_file.txt'), 'utf8'), 'hello over ssh\n');
    again.write('\x02d');
    await again.waitFor('[detached (from session my_editing_session)]', 10000);
  } finally {
    sshd.process.kill('SIGTERM');
    for (const pid of connectionSshds(sshd.process.pid!)) process.kill(pid, 'SIGKILL');
    await t.cleanup();
  }
});
