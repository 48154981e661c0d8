// lock-server, lock-session and lock-client: tmux runs `lock-command` (lock(1)) on the clients'
// terminals; tsmux cannot take over a terminal that way (its client relays bytes), so these say
// plainly that locking is not supported and fail.

import { defineCommand, type CommandEntry, type CommandResult } from './command';

function unsupported(name: string): CommandResult {
  return { error: `${name}: locking is not supported by tsmux` };
}

export const lockServer: CommandEntry = defineCommand({
  name: 'lock-server',
  alias: 'lock',
  flags: '',
  min: 0,
  max: 0,
  usage: '',
  exec: () => unsupported('lock-server'),
});

export const lockSession: CommandEntry = defineCommand({
  name: 'lock-session',
  alias: 'locks',
  flags: 't:',
  min: 0,
  max: 0,
  usage: '[-t target-session]',
  exec: () => unsupported('lock-session'),
});

export const lockClient: CommandEntry = defineCommand({
  name: 'lock-client',
  alias: 'lockc',
  flags: 't:',
  min: 0,
  max: 0,
  usage: '[-t target-client]',
  exec: () => unsupported('lock-client'),
});
