// Environments (tmux's environ.c): the global one and one per session, each a map from name to
// value, where null means "remove this variable from new processes" (set-environment -r, or an
// update-environment variable the attaching client does not have; shown as `-NAME`). A variable can
// also be hidden (set-environment -h, %hidden in a config): kept and usable in formats, but neither
// shown by show-environment without -h nor given to new processes.

import { fnmatch } from './target';

export type Environment = Map<string, string | null>;

const hidden = new WeakMap<Environment, Set<string>>();

/** The names hidden in an environment. */
export function hiddenNames(env: Environment): Set<string> {
  let set = hidden.get(env);
  if (!set) hidden.set(env, (set = new Set()));
  return set;
}

/** Set (or, value null, clear) a variable; `hide` marks it hidden, otherwise it is made visible. */
export function setVariable(env: Environment, name: string, value: string | null, hide = false): void {
  env.set(name, value);
  if (hide) hiddenNames(env).add(name);
  else hiddenNames(env).delete(name);
}

export function unsetVariable(env: Environment, name: string): void {
  env.delete(name);
  hiddenNames(env).delete(name);
}

export function isHidden(env: Environment, name: string): boolean {
  return hidden.get(env)?.has(name) === true;
}

/** Variables sorted by name, as tmux keeps them. */
export function sortedVariables(env: Environment): Array<[string, string | null]> {
  return [...env.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/**
 * update-environment (tmux's environ_update): for each pattern, copy every matching variable of the
 * client's environment into the session's; a pattern the client has nothing for clears it (so new
 * panes do not inherit a stale value, e.g. a dead SSH_AUTH_SOCK).
 */
export function updateEnvironment(patterns: readonly string[], from: Readonly<Record<string, string>>, to: Environment): void {
  for (const pattern of patterns) {
    let found = false;
    for (const [name, value] of Object.entries(from)) {
      if (fnmatch(pattern, name)) {
        setVariable(to, name, value);
        found = true;
      }
    }
    if (!found) setVariable(to, pattern, null);
  }
}
