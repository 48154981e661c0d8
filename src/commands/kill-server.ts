// kill-server: destroy every session and stop the server; attached clients print [server exited].

import { defineCommand, type CommandEntry } from './command';

export const killServer: CommandEntry = defineCommand({
  name: 'kill-server',
  flags: '',
  min: 0,
  max: 0,
  usage: '',
  exec(ctx) {
    ctx.server.killServer();
    return undefined;
  },
});
