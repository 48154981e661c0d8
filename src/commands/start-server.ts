// start-server (start): nothing to do once a server is running; the client starts one for it.

import { defineCommand, type CommandEntry } from './command';

export const startServer: CommandEntry = defineCommand({
  name: 'start-server',
  alias: 'start',
  flags: '',
  min: 0,
  max: 0,
  usage: '',
  exec() {
    return undefined;
  },
});
