// The server process entry point. The client starts it detached (its own session, stdio closed,
// cwd /) as: node main.js --socket PATH [--log DIR] [--config FILE]... (one --config per -f given
// to the client; without any, the default configuration files). It never reads a terminal of its
// own.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyEnvironmentDefaults, defaultConfigFiles } from './config';
import { log, openLog } from './log';
import { Server } from './server';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function options(name: string): string[] {
  const out: string[] = [];
  process.argv.forEach((a, i) => {
    if (a === name && i + 1 < process.argv.length) out.push(process.argv[i + 1]);
  });
  return out;
}

async function main(): Promise<void> {
  const socketPath = option('--socket');
  if (!socketPath) process.exit(1);
  const logDir = option('--log');
  if (logDir) openLog(path.join(logDir, `tsmux-server-${process.pid}.log`));
  log(`server started, pid ${process.pid}, socket ${socketPath}`);

  // The launcher removed NODE_EXTRA_CA_CERTS to start Node faster; panes get the user's value back.
  if (process.env.TSMUX_NODE_EXTRA_CA_CERTS !== undefined) {
    process.env.NODE_EXTRA_CA_CERTS = process.env.TSMUX_NODE_EXTRA_CA_CERTS;
    delete process.env.TSMUX_NODE_EXTRA_CA_CERTS;
  }

  const server = new Server(socketPath);
  applyEnvironmentDefaults(server.model, process.env);
  process.on('uncaughtException', (e) => {
    // Whatever went wrong, the programs in the panes must keep running: log and carry on.
    log(`uncaught exception: ${e.stack ?? e}`);
  });
  process.on('unhandledRejection', (e) => log(`unhandled rejection: ${(e as Error)?.stack ?? e}`));
  process.on('SIGTERM', () => server.shutdown('server exited'));
  process.on('SIGINT', () => server.shutdown('server exited'));
  process.on('SIGHUP', () => log('SIGHUP ignored'));
  process.on('SIGPIPE', () => undefined);

  const listening = await server.listen().catch((e: Error) => {
    log(`cannot listen on ${socketPath}: ${e.message}`);
    return false;
  });
  try {
    fs.unlinkSync(`${socketPath}.lock`);
  } catch {
    // no lock
  }
  if (!listening) {
    log('another server owns the socket; exiting');
    process.exit(0);
  }
  // Commands from clients wait until the configuration has run.
  const configFiles = options('--config');
  void server.loadConfig(configFiles.length > 0 ? configFiles : defaultConfigFiles(process.env), configFiles.length > 0);
  server.exitIfIdleSoon();
}

void main();
