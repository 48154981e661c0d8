// remain-on-exit: what happens to a pane whose program has exited, and respawn-pane's reset of it.
//
// With remain-on-exit on (or failed, for a program that did not exit with status 0) the pane stays
// where it is, dead: tmux scrolls its screen up one line and writes remain-on-exit-format on the
// bottom line ("Pane is dead (status 3, Thu Nov 26 20:52:11 2026)"), hides the cursor, and the pane
// takes no more input until respawn-pane starts a program in it again (server_destroy_pane in
// server-fn.c). We write the same thing into the pane's own terminal, so it is part of the pane's
// screen and history exactly as in tmux.

import { formatContextFor } from '../commands/format-target';
import { expandFormat } from '../format/expand';
import { DEFAULT_STYLE, splitStyledText } from '../format/style';
import type { Pane } from '../model/model';
import type { ServerApi } from '../commands/command';

/** Whether a pane whose program exited stays (remain-on-exit on, or failed and the program failed). */
export function paneRemains(pane: Pane): boolean {
  const status = pane.exitStatus;
  switch (pane.options.getString('remain-on-exit')) {
    case 'on':
      return true;
    case 'failed':
      return status === undefined || status.signal !== 0 || status.exitCode !== 0;
    default:
      return false;
  }
}

/**
 * Mark a pane dead now and write remain-on-exit-format on its bottom line: the scroll region is
 * reset, the cursor goes to the last line and a line feed scrolls everything up one, then the text
 * (cut to the pane's width) and the cursor is hidden. Styles in the format are not drawn (the text is).
 */
export function showPaneDead(server: ServerApi, pane: Pane): void {
  pane.deadTime = Date.now();
  const format = pane.options.getString('remain-on-exit-format');
  const terminal = pane.terminal;
  let out = '\x1b[r\x1b[?6l' + `\x1b[${terminal.rows};1H` + '\n';
  if (format !== '') {
    const expanded = expandFormat(format, formatContextFor(server, { window: pane.window, pane }));
    let text = '';
    for (const piece of splitStyledText(expanded, DEFAULT_STYLE)) text += piece.text;
    out += '\x1b[0m' + [...text.replace(/[\x00-\x1f\x7f]/g, '')].slice(0, terminal.cols).join('');
  }
  out += '\x1b[?25l';
  terminal.write(out);
}

/**
 * Reset a pane's terminal for a new program (tmux's screen_reinit): back to the main screen, modes
 * and scroll region reset, the screen cleared and the cursor home and visible. History is kept.
 */
export function resetPaneScreen(pane: Pane): void {
  pane.terminal.write('\x1b[?1049l\x1b[!p\x1b[0m\x1b[2J\x1b[H\x1b[?25h');
}
