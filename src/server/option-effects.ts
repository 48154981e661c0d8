// What changing an option does at once (tmux's options_push_changes): every attached client is
// redrawn and window sizes recomputed (status on/off, status-position, styles, formats), and a new
// key-table sends clients back to it. Options read when something is created (base-index for new
// windows, history-limit for new panes, default-shell, default-command) need nothing here: they
// are read then. Other modules add their own reactions with Server.onOptionChanged.

import { resetKeyTable } from './key-dispatch';
import type { Server } from './server';

export function applyOptionChange(server: Server, name: string): void {
  const clients = server.attachedConnections();
  if (name === 'key-table') for (const client of clients) resetKeyTable(client);
  for (const session of server.model.sessions.values()) server.sessionClientsChanged(session);
  for (const client of clients) client.scheduleRender();
}
