// What a key typed by an attached client does (tmux's server_client_key_callback): an overlay (the
// prompt) takes it first; then the prefix keys switch to the prefix table; then the client's current
// table is searched (the key, then `Any`); a repeating binding (-r) keeps the table for repeat-time
// so the key can be pressed again without the prefix; a key not found outside the root table sends
// the client back to its default table (the key-table option, `root` unless set) and is tried there,
// and one that was only tried in another table is dropped rather than typed into the pane.
// A pane mode with its own key table (copy mode) has its keys looked up there first. Anything left
// goes to the pane: its mode if it shows one, else its program.

import { encodeKey } from '../input/encode';
import { Key, keyFromName } from '../input/keys';
import type { ClientConnection } from './client-connection';
import type { Server } from './server';

interface RepeatState {
  repeating: boolean;
  timer: NodeJS.Timeout | undefined;
}

const repeatStates = new WeakMap<ClientConnection, RepeatState>();

function repeatState(client: ClientConnection): RepeatState {
  let s = repeatStates.get(client);
  if (!s) repeatStates.set(client, (s = { repeating: false, timer: undefined }));
  return s;
}

/** The table a client returns to: the session's key-table option (tmux's default key table). */
export function defaultKeyTable(client: ClientConnection): string {
  return client.session?.options.getString('key-table') || 'root';
}

/** Send a client back to its default table and stop repeating. */
export function resetKeyTable(client: ClientConnection): void {
  const s = repeatState(client);
  clearTimeout(s.timer);
  s.timer = undefined;
  s.repeating = false;
  client.keyTable = defaultKeyTable(client);
}

/** Whether the client is in a table other than its default (shown as #{client_prefix} by tmux). */
export function clientPrefixActive(client: ClientConnection): boolean {
  return client.keyTable !== defaultKeyTable(client);
}

export function dispatchKey(server: Server, client: ClientConnection, key: number): void {
  const session = client.session;
  const pane = session?.current?.active;
  if (!session || !pane) return;

  const overlay = client.overlay;
  if (overlay) {
    const used = overlay.key(key);
    client.scheduleRender();
    if (used) return;
  }

  const state = repeatState(client);
  const options = session.options;
  const prefix = keyFromName(options.getString('prefix'));
  const prefix2 = keyFromName(options.getString('prefix2'));
  const isPrefix = (k: number): boolean => k !== Key.None && (k === prefix || k === prefix2);

  let table = client.keyTable || defaultKeyTable(client);
  // A pane mode with a key table of its own (copy mode) is looked up there instead of root.
  if (table === defaultKeyTable(client) && pane.mode?.keyTable) table = pane.mode.keyTable();
  let first = table;
  for (;;) {
    // The prefix always switches to the prefix table, unless already there.
    if (isPrefix(key) && table !== 'prefix') {
      clearTimeout(state.timer);
      state.repeating = false;
      client.keyTable = 'prefix';
      client.scheduleRender();
      return;
    }
    const wasRepeating = state.repeating;
    const binding = server.keyTables.lookup(table, key) ?? server.keyTables.lookup(table, Key.Any);
    if (binding) {
      if (state.repeating && !binding.repeat) {
        // Repeating, but this key does not repeat: it is a fresh key in the default table.
        resetKeyTable(client);
        first = table = client.keyTable;
        continue;
      }
      const repeatTime = options.getNumber('repeat-time');
      if (repeatTime !== 0 && binding.repeat) {
        state.repeating = true;
        client.keyTable = table;
        clearTimeout(state.timer);
        state.timer = setTimeout(() => {
          state.timer = undefined;
          resetKeyTable(client);
          client.scheduleRender();
        }, repeatTime);
      } else {
        resetKeyTable(client);
      }
      client.scheduleRender();
      void server.commandFromBinding(client, binding.commands);
      return;
    }
    // Not in this table: outside the default table (or while repeating), try the default table.
    if (table !== defaultKeyTable(client) || state.repeating) {
      resetKeyTable(client);
      table = client.keyTable;
      if (wasRepeating) first = table;
      client.scheduleRender();
      continue;
    }
    // Found nowhere. A key that was looked up in another table first is not typed into the pane.
    if (first !== table && !wasRepeating) {
      resetKeyTable(client);
      client.scheduleRender();
      return;
    }
    break;
  }

  if (pane.mode) {
    if (pane.mode.key(key)) server.paneModeChanged(pane);
    return;
  }
  // A dead pane, or one whose input is off (select-pane -d), drops what is typed.
  if (pane.dead || pane.inputOff) return;
  const bytes = encodeKey(key, pane.terminal.modes());
  if (bytes !== undefined) {
    // The echo of what the user types is parsed at once (see PaneTerminal.noteUserInput).
    pane.terminal.noteUserInput();
    pane.process.write(bytes);
  }
}
