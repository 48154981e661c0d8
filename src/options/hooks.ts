// Hooks: the commands tmux runs when something happens (`after-new-window`, `session-created`,
// `pane-exited`…). In tmux they are array options; here they have their own store with tmux's
// scoping, so set-hook and show-hooks behave as tmux's while the option table stays the options'.
//
// Scopes (options-table.c): most hooks are session hooks (per session, falling back to the global
// ones: a session that sets a hook replaces the global list, it does not add to it); a few are
// window hooks (`window-renamed`, `window-layout-changed`…) and pane hooks (`pane-exited`,
// `pane-died`…), looked up on the pane, then its window, then the global window hooks.
//
// A hook is an array of command lists (`name[0]`, `name[5]`…), kept parsed, as tmux keeps them.
// This module stores and finds hooks; running them is the server's (server/notify.ts).

import type { ParsedCommand } from '../cmdlang/parse';

export type HookScope = 'session' | 'window' | 'pane';

/** Every hook tmux 3.3a defines, in its order, with its scope. */
export const HOOK_TABLE: ReadonlyArray<{ readonly name: string; readonly scope: HookScope }> = Object.freeze([
  ...[
    'after-bind-key', 'after-capture-pane', 'after-copy-mode', 'after-display-message', 'after-display-panes',
    'after-kill-pane', 'after-list-buffers', 'after-list-clients', 'after-list-keys', 'after-list-panes',
    'after-list-sessions', 'after-list-windows', 'after-load-buffer', 'after-lock-server', 'after-new-session',
    'after-new-window', 'after-paste-buffer', 'after-pipe-pane', 'after-queue', 'after-refresh-client',
    'after-rename-session', 'after-rename-window', 'after-resize-pane', 'after-resize-window', 'after-save-buffer',
    'after-select-layout', 'after-select-pane', 'after-select-window', 'after-send-keys', 'after-set-buffer',
    'after-set-environment', 'after-set-hook', 'after-set-option', 'after-show-environment', 'after-show-messages',
    'after-show-options', 'after-split-window', 'after-unbind-key', 'alert-activity', 'alert-bell', 'alert-silence',
    'client-active', 'client-attached', 'client-detached', 'client-focus-in', 'client-focus-out', 'client-resized',
    'client-session-changed',
  ].map((name) => ({ name, scope: 'session' as const })),
  ...['pane-died', 'pane-exited', 'pane-focus-in', 'pane-focus-out', 'pane-mode-changed', 'pane-set-clipboard', 'pane-title-changed']
    .map((name) => ({ name, scope: 'pane' as const })),
  ...['session-closed', 'session-created', 'session-renamed', 'session-window-changed'].map((name) => ({ name, scope: 'session' as const })),
  { name: 'window-layout-changed', scope: 'window' },
  { name: 'window-linked', scope: 'session' },
  { name: 'window-pane-changed', scope: 'window' },
  { name: 'window-renamed', scope: 'window' },
  { name: 'window-resized', scope: 'window' },
  { name: 'window-unlinked', scope: 'session' },
]);

const SCOPES = new Map(HOOK_TABLE.map((h) => [h.name, h.scope]));

/** The commands whose success runs `after-<name>` (tmux's CMD_AFTERHOOK), from the hook table. */
export const AFTER_HOOK_COMMANDS: ReadonlySet<string> = new Set(
  HOOK_TABLE.filter((h) => h.name.startsWith('after-')).map((h) => h.name.slice(6)),
);

export function hookScope(name: string): HookScope | undefined {
  return SCOPES.get(name);
}

/** One command list of a hook: the parsed commands and how show-hooks prints them. */
export interface HookCommand {
  readonly commands: ParsedCommand[];
  readonly text: string;
}

/** The hooks set on one scope (a session, window, pane, or a global table): name → index → commands. */
export class HookSet {
  private readonly hooks = new Map<string, Map<number, HookCommand>>();

  has(name: string): boolean {
    return this.hooks.has(name);
  }

  get(name: string): Map<number, HookCommand> | undefined {
    return this.hooks.get(name);
  }

  /** Set index `index`, or (index undefined) replace the list (append: add after the last index). */
  set(name: string, command: HookCommand, index?: number, append = false): void {
    let list = this.hooks.get(name);
    if (!list || (index === undefined && !append)) {
      list = new Map();
      this.hooks.set(name, list);
    }
    if (index === undefined) index = append && list.size > 0 ? Math.max(...list.keys()) + 1 : 0;
    list.set(index, command);
  }

  /** Remove one index, or the whole hook. */
  unset(name: string, index?: number): void {
    if (index === undefined) this.hooks.delete(name);
    else this.hooks.get(name)?.delete(index);
  }

  /** Empty the hook but keep it set here (tmux does this when a new value fails to parse). */
  clear(name: string): void {
    this.hooks.set(name, new Map());
  }

  names(): string[] {
    return [...this.hooks.keys()];
  }
}

/** Where the hooks live: global session and window tables, and one set per session, window or pane. */
export class HookStore {
  readonly global = new HookSet();
  readonly globalWindow = new HookSet();
  private readonly owned = new WeakMap<object, HookSet>();

  /** The hooks set on this session, window or pane itself. */
  of(owner: object): HookSet {
    let set = this.owned.get(owner);
    if (!set) this.owned.set(owner, (set = new HookSet()));
    return set;
  }

  /**
   * The command lists a hook runs for a target, in index order, looked up as tmux does: a session
   * hook on the session, else globally; a window or pane hook on the pane, its window, then globally.
   */
  find(name: string, target: { session?: object; window?: object; pane?: object }): HookCommand[] {
    const scope = hookScope(name);
    const chain: HookSet[] = [];
    if (scope === 'session' || scope === undefined) {
      if (target.session) chain.push(this.of(target.session));
      chain.push(this.global);
    } else {
      if (target.pane) chain.push(this.of(target.pane));
      if (target.window) chain.push(this.of(target.window));
      chain.push(this.globalWindow);
    }
    for (const set of chain) {
      const list = set.get(name);
      if (list) return [...list.entries()].sort((a, b) => a[0] - b[0]).map(([, c]) => c);
    }
    return [];
  }
}
