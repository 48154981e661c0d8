// The command table: every command tsmux implements, found by exact name, alias, or unique prefix
// of a name, with tmux's errors (cmd.c: cmd_find). Adding a command is one module and one line here.

import type { CommandEntry } from './command';
import { attachSession } from './attach-session';
import { detachClient } from './detach-client';
import { displayMessage } from './display-message';
import { hasSession } from './has-session';
import { killServer } from './kill-server';
import { killPane } from './kill-pane';
import { killWindow } from './kill-window';
import { lastPane } from './last-pane';
import { listPanes } from './list-panes';
import { listWindows } from './list-windows';
import { newWindow } from './new-window';
import { renameWindow } from './rename-window';
import { selectPane } from './select-pane';
import { lastWindow, nextWindow, previousWindow, selectWindow } from './select-window';
import { splitWindow } from './split-window';
import { killSession } from './kill-session';
import { listClients } from './list-clients';
import { listSessions } from './list-sessions';
import { newSession } from './new-session';
import { renameSession } from './rename-session';
import { sendKeys } from './send-keys';
import { sendPrefix } from './send-prefix';
import { startServer } from './start-server';
import { waitFor } from './wait-for';
import { breakPane } from './break-pane';
import { displayPanes } from './display-panes';
import { joinPane, movePane } from './join-pane';
import { resizePane } from './resize-pane';
import { respawnPane } from './respawn-pane';
import { rotateWindow } from './rotate-window';
import { nextLayout, previousLayout, selectLayout } from './select-layout';
import { swapPane } from './swap-pane';
import { clockMode } from './clock-mode';
import { linkWindow, moveWindow } from './move-window';
import { respawnWindow } from './respawn-window';
import { showMessages } from './show-messages';
import { swapWindow } from './swap-window';
import { unlinkWindow } from './unlink-window';
// Keys, options, the prompt and the configuration file.
import { bindKey } from './bind-key';
import { commandPrompt } from './command-prompt';
import { confirmBefore } from './confirm-before';
import { listKeys } from './list-keys';
import { setCommandResolver } from './print-command';
import { setOptionCommand, setWindowOption } from './set-option';
import { showOptions, showWindowOptions } from './show-options';
import { sourceFile } from './source-file';
import { switchClient } from './switch-client';
import { unbindKey } from './unbind-key';
import { capturePane, clearHistory } from './capture-pane';
import { deleteBuffer, setBuffer } from './set-buffer';
import { saveBuffer, showBuffer } from './save-buffer';
import { loadBuffer } from './load-buffer';
import { listBuffers } from './list-buffers';
import { pasteBuffer } from './paste-buffer';
import { runShell } from './run-shell';
import { ifShell } from './if-shell';
import { setEnvironment } from './set-environment';
import { showEnvironment } from './show-environment';
import { setHook, showHooks } from './set-hook';
import { pipePane } from './pipe-pane';
import { refreshClient } from './refresh-client';
import { lockClient, lockServer, lockSession } from './lock';

export const COMMANDS: readonly CommandEntry[] = Object.freeze([
  attachSession,
  detachClient,
  displayMessage,
  hasSession,
  killServer,
  killSession,
  listClients,
  listSessions,
  newSession,
  renameSession,
  sendKeys,
  sendPrefix,
  startServer,
  waitFor,
  killPane,
  killWindow,
  lastPane,
  listPanes,
  listWindows,
  newWindow,
  renameWindow,
  selectPane,
  lastWindow,
  nextWindow,
  previousWindow,
  selectWindow,
  splitWindow,
  breakPane,
  displayPanes,
  joinPane,
  movePane,
  nextLayout,
  previousLayout,
  resizePane,
  respawnPane,
  rotateWindow,
  selectLayout,
  swapPane,
  clockMode,
  linkWindow,
  moveWindow,
  respawnWindow,
  showMessages,
  swapWindow,
  unlinkWindow,
  // Keys, options, the prompt and the configuration file.
  bindKey,
  commandPrompt,
  confirmBefore,
  listKeys,
  setOptionCommand,
  setWindowOption,
  showOptions,
  showWindowOptions,
  sourceFile,
  switchClient,
  unbindKey,
  capturePane,
  clearHistory,
  setBuffer,
  deleteBuffer,
  saveBuffer,
  showBuffer,
  loadBuffer,
  listBuffers,
  pasteBuffer,
  runShell,
  ifShell,
  setEnvironment,
  showEnvironment,
  setHook,
  showHooks,
  pipePane,
  refreshClient,
  lockServer,
  lockSession,
  lockClient,
]);

export type CommandLookup = { ok: true; entry: CommandEntry } | { ok: false; error: string };

export function findCommand(name: string): CommandLookup {
  for (const entry of COMMANDS) {
    if (entry.name === name || entry.alias === name) return { ok: true, entry };
  }
  const matches = COMMANDS.filter((e) => e.name.startsWith(name));
  if (matches.length === 1) return { ok: true, entry: matches[0] };
  if (matches.length > 1) {
    return { ok: false, error: `ambiguous command: ${name}, could be: ${matches.map((e) => e.name).join(', ')}` };
  }
  return { ok: false, error: `unknown command: ${name}` };
}

// Printing and checking commands (list-keys, bind-key) look names up here.
setCommandResolver((name) => {
  const found = findCommand(name);
  return found.ok ? found.entry : undefined;
});
