// set-hook and show-hooks: tmux's hooks (options/hooks.ts). set-hook sets a hook's command list
// (`name[N]` for one index; -a appends), -u unsets it (a global hook goes back to empty), -R runs
// it now; -g is the global table; a session hook otherwise goes on the target session, a window or
// pane hook on the target window (-w) or pane (-p). show-hooks lists the hooks of a scope as tmux
// prints array options: `name[N] commands`, or the bare name of an empty global hook.
//
// A `@name` is a user option rather than a hook (tmux keeps hooks among the options); set-hook
// sets it as a string on the scope's options.

import { defineCommand, type CommandContext, type CommandResult } from './command';
import type { Arg } from '../cmdlang/parse';
import { quoteArgument } from '../cmdlang/parse';
import { HOOK_TABLE, hookScope, type HookScope, type HookSet } from '../options/hooks';
import type { Options } from '../options/options';
import { commandsFrom, printBuiltCommands } from './command-string';
import { expandFor } from './format-target';

/** `name` or `name[N]`, matched as tmux's options_match: exact, `@user`, or a unique prefix. */
function matchHook(argument: string): { name: string; index?: number } | { error: string } {
  const m = /^(.*?)(?:\[(\d+)\])?$/s.exec(argument)!;
  const base = m[1];
  const index = m[2] === undefined ? undefined : Number(m[2]);
  if (base.startsWith('@')) return { name: base, index };
  if (hookScope(base)) return { name: base, index };
  const prefixed = HOOK_TABLE.filter((h) => h.name.startsWith(base));
  if (base !== '' && prefixed.length === 1) return { name: prefixed[0].name, index };
  if (base !== '' && prefixed.length > 1) return { error: `ambiguous option: ${argument}` };
  return { error: `invalid option: ${argument}` };
}

type Scope = { hooks: HookSet; global: boolean } | { options: Options };

/** Where a hook (or @option) of this scope lives for the flags and target (options_scope_from_name). */
function scopeFor(ctx: CommandContext, scope: HookScope | 'user'): Scope | { error: string } {
  const { args } = ctx;
  const store = ctx.server.hooks;
  const t = args.value('t');
  const target = ctx.target;
  const session = (): Scope | { error: string } => {
    if (args.has('g')) return { hooks: store.global, global: true };
    if (!target) return { error: t !== undefined ? `no such session: ${t}` : 'no current session' };
    return { hooks: store.of(target.session), global: false };
  };
  const window = (): Scope | { error: string } => {
    if (args.has('g')) return { hooks: store.globalWindow, global: true };
    if (!target) return { error: t !== undefined ? `no such window: ${t}` : 'no current window' };
    return { hooks: store.of(target.window), global: false };
  };
  const pane = (): Scope | { error: string } => {
    if (!target) return { error: t !== undefined ? `no such pane: ${t}` : 'no current pane' };
    return { hooks: store.of(target.pane), global: false };
  };
  if (scope === 'session') return session();
  if (scope === 'window') return window();
  if (scope === 'pane') return args.has('p') ? pane() : window();
  // A user option: by flags (options_scope_from_flags).
  const model = ctx.server.model;
  if (args.has('p')) return target ? { options: target.pane.options } : { error: t !== undefined ? `no such pane: ${t}` : 'no current pane' };
  if (args.has('w')) {
    if (args.has('g')) return { options: model.windowOptions };
    return target ? { options: target.window.options } : { error: t !== undefined ? `no such window: ${t}` : 'no current window' };
  }
  if (args.has('g')) return { options: model.sessionOptions };
  return target ? { options: target.session.options } : { error: t !== undefined ? `no such session: ${t}` : 'no current session' };
}

/** The lines show-hooks prints for one hook of a set. */
function hookLines(hooks: HookSet, name: string, global: boolean, index?: number): string[] {
  const list = hooks.get(name);
  if (!list) return global && index === undefined ? [name] : [];
  if (index !== undefined) {
    const item = list.get(index);
    return item ? [`${name}[${index}] ${item.text}`] : [];
  }
  if (list.size === 0) return [name];
  return [...list.entries()].sort((a, b) => a[0] - b[0]).map(([i, c]) => `${name}[${i}] ${c.text}`);
}

export const setHook = defineCommand({
  name: 'set-hook',
  flags: 'agpRt:uw',
  min: 1,
  max: 2,
  usage: '[-agpRuw] [-t target-pane] hook [command]',
  target: { flag: 't', kind: 'pane', canFail: true },
  argumentKind: (index) => (index === 1 ? 'commands-or-string' : 'string'),
  async exec(ctx: CommandContext): Promise<CommandResult> {
    const { args } = ctx;
    const t = ctx.target;
    const where = t ? { session: t.session, window: t.window, index: t.index, pane: t.pane } : {};
    const argument = expandFor(ctx, args.positional[0], where);
    if (args.has('R')) {
      // Run the hook as an after-hook would: now, for this client, with this target.
      const state = t;
      for (const hook of ctx.server.hooks.find(argument, state ?? {})) {
        await ctx.runCommands(hook.commands, { origin: state ? { ...ctx.origin, state } : ctx.origin, formats: { hook: argument }, noHooks: true });
      }
      return undefined;
    }
    const matched = matchHook(argument);
    if ('error' in matched) return matched;
    const { name, index } = matched;
    const scope = scopeFor(ctx, name.startsWith('@') ? 'user' : hookScope(name)!);
    if ('error' in scope) return scope;
    const value = args.positional[1] as unknown as Arg | undefined;
    if ('options' in scope) {
      if (index !== undefined) return { error: `not an array: ${argument}` };
      if (args.has('u')) scope.options.unset(name);
      else if (value === undefined) return { error: 'empty value' };
      else {
        const text = typeof value === 'string' ? value : value.source;
        const old = scope.options.has(name) ? scope.options.getString(name) : '';
        scope.options.set(name, args.has('a') ? old + text : text);
      }
      return undefined;
    }
    const { hooks, global } = scope;
    if (args.has('u')) {
      if (index !== undefined) hooks.unset(name, index);
      else if (global) hooks.clear(name);
      else hooks.unset(name);
      return undefined;
    }
    if (value === undefined) return { error: 'empty value' };
    if (index === undefined && !args.has('a')) hooks.clear(name);
    const built = commandsFrom(ctx.server, value);
    if (!built.ok) return { error: built.error };
    hooks.set(name, { commands: built.commands, text: printBuiltCommands(built.commands) }, index, args.has('a'));
    return undefined;
  },
});

export const showHooks = defineCommand({
  name: 'show-hooks',
  flags: 'gpt:w',
  min: 0,
  max: 1,
  usage: '[-gpw] [-t target-pane] [hook]',
  target: { flag: 't', kind: 'pane', canFail: true },
  exec(ctx: CommandContext): CommandResult {
    const { args } = ctx;
    const t = ctx.target;
    if (args.positional.length === 0) {
      // Every hook of the scope the flags name, in tmux's table order.
      const which: HookScope = args.has('p') ? 'pane' : args.has('w') ? 'window' : 'session';
      if (which === 'pane' && !t) return { error: args.has('t') ? `no such pane: ${args.value('t')}` : 'no current pane' };
      const scope = which === 'pane' ? { hooks: ctx.server.hooks.of(t!.pane), global: false } : scopeFor(ctx, which);
      if ('error' in scope) return scope;
      if (!('hooks' in scope)) return undefined;
      for (const hook of HOOK_TABLE) {
        const fits = which === 'session' ? hook.scope === 'session' : which === 'window' ? hook.scope !== 'session' : hook.scope === 'pane';
        if (!fits) continue;
        for (const line of hookLines(scope.hooks, hook.name, scope.global)) ctx.print(line);
      }
      return undefined;
    }
    const where = t ? { session: t.session, window: t.window, index: t.index, pane: t.pane } : {};
    const argument = expandFor(ctx, args.positional[0], where);
    const matched = matchHook(argument);
    if ('error' in matched) return matched;
    const { name, index } = matched;
    const scope = scopeFor(ctx, name.startsWith('@') ? 'user' : hookScope(name)!);
    if ('error' in scope) return scope;
    if ('options' in scope) {
      if (!scope.options.has(name)) return { error: `invalid option: ${argument}` };
      ctx.print(`${name} ${quoteArgument(scope.options.getString(name))}`);
      return undefined;
    }
    for (const line of hookLines(scope.hooks, name, scope.global, index)) ctx.print(line);
    return undefined;
  },
});
