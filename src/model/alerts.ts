// Window alerts as the model keeps them: which of bell, activity and silence a window has raised in
// a session that was not looking at it (tmux's WINLINK_BELL/ACTIVITY/SILENCE). The flags live on the
// session (Session.alerts); server/alerts.ts decides when they are set, viewing a window clears them.

import type { Session, Window } from './model';

export const ALERT_BELL = 1;
export const ALERT_ACTIVITY = 2;
export const ALERT_SILENCE = 4;

export function alertFlags(session: Session, window: Window): number {
  return session.alerts.get(window) ?? 0;
}

/**
 * tmux's window flags (window_printable_flags): # activity, ! bell, ~ silence, * current, - last,
 * Z zoomed. With `escape` the activity flag is `##`, as #{window_flags} gives it for the status line.
 */
export function windowFlagString(session: Session, window: Window, escape: boolean): string {
  const alerts = alertFlags(session, window);
  let flags = '';
  if (alerts & ALERT_ACTIVITY) flags += escape ? '##' : '#';
  if (alerts & ALERT_BELL) flags += '!';
  if (alerts & ALERT_SILENCE) flags += '~';
  if (session.current === window) flags += '*';
  if (session.lastWindows[0] === window) flags += '-';
  if (window.zoomed) flags += 'Z';
  return flags;
}

/** #{session_alerts}: `1#,3!` — each alerted window's index and its flags. */
export function sessionAlerts(session: Session): string {
  const out: string[] = [];
  for (const { index, window } of session.windowList()) {
    const alerts = alertFlags(session, window);
    if (alerts === 0) continue;
    let s = String(index);
    if (alerts & ALERT_ACTIVITY) s += '#';
    if (alerts & ALERT_BELL) s += '!';
    if (alerts & ALERT_SILENCE) s += '~';
    out.push(s);
  }
  return out.join(',');
}
