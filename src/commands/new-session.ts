// new-session (new): create a session with one window and one pane, and attach to it unless -d.
// With -A and an existing session of that name, behave as attach-session.

import { defineCommand, type CommandContext, type CommandEntry, type CommandResult } from './command';
import { sanitizeSessionName } from '../model/model';
import { targetOf } from '../model/target';
import { attachChecks, attachToSession } from './attach-session';
import { printInfo } from './print-info';

function parseSize(value: string | undefined, fallback: number): number | { error: string } {
  if (value === undefined || value === '-') return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > 10000) return { error: `invalid size: ${value}` };
  return n;
}

function defaultSize(ctx: CommandContext): { cols: number; rows: number } {
  const m = /^(\d+)x(\d+)$/.exec(ctx.server.model.sessionOptions.getString('default-size'));
  return m ? { cols: Number(m[1]), rows: Number(m[2]) } : { cols: 80, rows: 24 };
}

export const newSession: CommandEntry = defineCommand({
  name: 'new-session',
  alias: 'new',
  flags: 'Ac:dDe:EF:f:n:Ps:t:x:Xy:',
  min: 0,
  max: -1,
  usage: '[-AdDEPX] [-c start-directory] [-e environment] [-F format] [-f flags] [-n window-name] [-s session-name] [-t target-session] [-x width] [-y height] [shell-command]',
  exec(ctx: CommandContext): CommandResult {
    const { args, server, client } = ctx;
    if (args.has('t') && (args.positional.length > 0 || args.has('n'))) {
      return { error: 'command or window name given with target' };
    }
    if (args.has('t')) return { error: 'grouped sessions (-t) are not supported yet' };
    let name = args.value('s');
    if (name !== undefined) {
      name = sanitizeSessionName(name);
      const existing = server.model.findSessionByName(name);
      if (existing) {
        if (args.has('A')) return attachToSession(ctx, existing, args.has('D'));
        return { error: `duplicate session: ${name}` };
      }
    }
    const detached = args.has('d');
    if (!detached) {
      const problem = attachChecks(ctx);
      if (problem) return problem;
    }
    // A detached session's window is -x/-y or default-size; an attached one fills the client's
    // terminal less the status line.
    const statusLines = ctx.server.model.sessionOptions.getString('status') === 'off' ? 0 : 1;
    const fallback = detached || !client
      ? defaultSize(ctx)
      : { cols: client.cols, rows: Math.max(1, client.rows - (client.rows > statusLines ? statusLines : 0)) };
    const cols = parseSize(args.value('x'), fallback.cols);
    if (typeof cols !== 'number') return cols;
    const rows = parseSize(args.value('y'), fallback.rows);
    if (typeof rows !== 'number') return rows;

    const environment: Record<string, string> = {};
    for (const assignment of args.values('e')) {
      const eq = assignment.indexOf('=');
      if (eq <= 0) return { error: `invalid environment: ${assignment}` };
      environment[assignment.slice(0, eq)] = assignment.slice(eq + 1);
    }
    const result = server.createSession({
      name,
      cwd: args.value('c') ?? client?.identify.cwd ?? process.env.HOME ?? '/',
      cols,
      rows,
      windowName: args.value('n'),
      command: args.positional.length > 0 ? args.positional : undefined,
      environment,
      clientEnvironment: args.has('E') ? undefined : client?.identify.env,
    });
    if (!result.ok) return { error: result.error };
    // The new session is current for the commands after this one (unless -d), and its after-hook's target.
    const made = targetOf(server.model, { session: result.session });
    if (made && !detached) ctx.setCurrent(made);
    if (made) ctx.setHookTarget(made);
    if (args.has('P')) printInfo(ctx, args.value('F') ?? '#{session_name}:', result.session);
    if (!detached && client) server.attachClient(client, result.session);
    return undefined;
  },
});
