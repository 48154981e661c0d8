// has-session (has): exit 0 if the target session exists, 1 with "can't find session" if not.

import { defineCommand, type CommandEntry } from './command';

export const hasSession: CommandEntry = defineCommand({
  name: 'has-session',
  alias: 'has',
  flags: 't:',
  min: 0,
  max: 0,
  usage: '[-t target-session]',
  target: { flag: 't', kind: 'session' },
  exec() {
    return undefined;
  },
});
