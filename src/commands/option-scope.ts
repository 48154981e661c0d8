// Which set of options a set-option/show-options command works on, as tmux's
// options_scope_from_name and options_scope_from_flags decide it: a table option's own scope wins
// over the flags (`set -w status-left x` still sets a session option); -g picks the global set of
// that scope; otherwise the target's session, window or pane. User options (`@name`) have no scope
// of their own, so the flags decide (-s server, -p pane, -w window, else session).

import type { ParsedArgs } from '../cmdlang/args';
import type { Model, Pane, Session, Window } from '../model/model';
import type { Options } from '../options/options';
import { findOption, type OptionScope } from '../options/table';

export interface OptionTarget {
  session?: Session;
  window?: Window;
  pane?: Pane;
}

export type ScopeResult =
  | { ok: true; options: Options; scope: OptionScope | 'pane'; global: boolean }
  | { ok: false; error: string };

function missing(args: ParsedArgs, what: 'session' | 'window' | 'pane'): ScopeResult {
  const target = args.value('t');
  return { ok: false, error: target !== undefined ? `no such ${what}: ${target}` : `no current ${what}` };
}

/** The scope from the flags alone (show-options with no name, and user options). */
export function scopeFromFlags(args: ParsedArgs, window: boolean, model: Model, t: OptionTarget): ScopeResult {
  if (args.has('s')) return { ok: true, options: model.serverOptions, scope: 'server', global: true };
  if (args.has('p')) {
    if (!t.pane) return missing(args, 'pane');
    return { ok: true, options: t.pane.options, scope: 'pane', global: false };
  }
  if (window || args.has('w')) {
    if (args.has('g')) return { ok: true, options: model.windowOptions, scope: 'window', global: true };
    if (!t.window) return missing(args, 'window');
    return { ok: true, options: t.window.options, scope: 'window', global: false };
  }
  if (args.has('g')) return { ok: true, options: model.sessionOptions, scope: 'session', global: true };
  if (!t.session) return missing(args, 'session');
  return { ok: true, options: t.session.options, scope: 'session', global: false };
}

/** The scope for a named option. */
export function scopeFromName(args: ParsedArgs, window: boolean, name: string, model: Model, t: OptionTarget): ScopeResult {
  if (name.startsWith('@')) return scopeFromFlags(args, window, model, t);
  const entry = findOption(name);
  if (!entry) return { ok: false, error: `unknown option: ${name}` };
  switch (entry.scope) {
    case 'server':
      return { ok: true, options: model.serverOptions, scope: 'server', global: true };
    case 'session':
      if (args.has('g')) return { ok: true, options: model.sessionOptions, scope: 'session', global: true };
      if (!t.session) return missing(args, 'session');
      return { ok: true, options: t.session.options, scope: 'session', global: false };
    case 'window':
      if (entry.pane && args.has('p')) {
        if (!t.pane) return missing(args, 'pane');
        return { ok: true, options: t.pane.options, scope: 'pane', global: false };
      }
      if (args.has('g')) return { ok: true, options: model.windowOptions, scope: 'window', global: true };
      if (!t.window) return missing(args, 'window');
      return { ok: true, options: t.window.options, scope: 'window', global: false };
  }
}
