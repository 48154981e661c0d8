// Bell, activity and silence monitoring (tmux's alerts.c). A pane's bell or output queues an alert for
// its window; on the next turn of the event loop each queued window is checked against its options:
// - monitor-bell / monitor-activity / monitor-silence decide whether the alert counts at all;
// - every session linking the window that is not looking at it (or has no client) gets the window's
//   flag (`!` bell, `#` activity, `~` silence), shown in #{window_flags} and the status line;
// - bell-action / activity-action / silence-action (any, none, current, other) decide whether the
//   session's clients are told, and visual-bell / -activity / -silence how: a bell to their terminal
//   (off), a message "Bell in window 2" (on), or both.
// Viewing a window clears its flags everywhere (tmux's winlink_clear_flags).
//
// Silence needs a timer, but only for windows with monitor-silence set: one timer per such window,
// re-armed for the remaining time when it fires early (output does not touch timers, so a flooding
// pane costs nothing here beyond a timestamp).

import { ALERT_ACTIVITY, ALERT_BELL, ALERT_SILENCE, alertFlags } from '../model/alerts';
import type { Session, Window } from '../model/model';
import type { Server } from './server';

type AlertKind = typeof ALERT_BELL | typeof ALERT_ACTIVITY | typeof ALERT_SILENCE;

const KINDS: ReadonlyArray<{ flag: AlertKind; monitor: string; action: string; visual: string; name: string }> = [
  { flag: ALERT_BELL, monitor: 'monitor-bell', action: 'bell-action', visual: 'visual-bell', name: 'Bell' },
  { flag: ALERT_ACTIVITY, monitor: 'monitor-activity', action: 'activity-action', visual: 'visual-activity', name: 'Activity' },
  { flag: ALERT_SILENCE, monitor: 'monitor-silence', action: 'silence-action', visual: 'visual-silence', name: 'Silence' },
];

export class Alerts {
  /** Alerts raised since the last check, per window (tmux's WINDOW_BELL/ACTIVITY/SILENCE). */
  private readonly pending = new Map<Window, number>();
  private checkScheduled = false;
  private readonly silenceTimers = new Map<Window, NodeJS.Timeout>();
  /** When silence started counting for a window, if later than its last output (timer armed, alert fired). */
  private readonly silenceStart = new Map<Window, number>();

  constructor(private readonly server: Server) {}

  /** A pane of `window` produced output. */
  activity(window: Window): void {
    window.activity = Date.now();
    if (!this.silenceTimers.has(window) && window.options.getNumber('monitor-silence') > 0) {
      this.silenceStart.delete(window);
      this.armSilence(window);
    }
    this.queue(window, ALERT_ACTIVITY);
  }

  /** A pane of `window` rang the bell. */
  bell(window: Window): void {
    this.queue(window, ALERT_BELL);
  }

  /** `window` became a session's current window: its flags go, in every session. */
  viewed(window: Window): void {
    // tmux's session_set_current updates the window's activity time.
    window.activity = Date.now();
    this.pending.delete(window);
    for (const session of this.server.model.sessions.values()) {
      if (session.alerts.delete(window)) this.server.redrawSession(session);
    }
  }

  /** A client attached to `session`: its current window's flags go; other windows are checked again. */
  attached(session: Session): void {
    if (session.current) session.alerts.delete(session.current);
  }

  /** The window is gone. */
  forget(window: Window): void {
    this.pending.delete(window);
    this.silenceStart.delete(window);
    clearTimeout(this.silenceTimers.get(window));
    this.silenceTimers.delete(window);
  }

  /** monitor-silence may have changed: arm or drop every window's timer (tmux's alerts_reset_all). */
  resetAll(): void {
    for (const window of this.server.model.windows.values()) {
      clearTimeout(this.silenceTimers.get(window));
      this.silenceTimers.delete(window);
      this.silenceStart.set(window, Date.now());
      if (window.options.getNumber('monitor-silence') > 0) this.armSilence(window);
    }
  }

  /**
   * Arm or drop the silence timers of a session's windows to match monitor-silence now (called as
   * its status line redraws, so a changed option is followed even if nobody calls resetAll).
   */
  follow(session: Session): void {
    for (const window of session.windows.values()) {
      const monitored = window.options.getNumber('monitor-silence') > 0;
      const armed = this.silenceTimers.has(window);
      if (monitored && !armed) {
        this.silenceStart.set(window, Date.now());
        this.armSilence(window);
      } else if (!monitored && armed) {
        clearTimeout(this.silenceTimers.get(window));
        this.silenceTimers.delete(window);
      }
    }
  }

  private armSilence(window: Window, after?: number): void {
    const seconds = window.options.getNumber('monitor-silence');
    if (seconds <= 0) {
      this.silenceTimers.delete(window);
      return;
    }
    const timer = setTimeout(() => this.silenceTimerFired(window), after ?? seconds * 1000);
    this.silenceTimers.set(window, timer);
  }

  private silenceTimerFired(window: Window): void {
    this.silenceTimers.delete(window);
    if (!this.server.model.windows.has(window.id)) return;
    const seconds = window.options.getNumber('monitor-silence');
    if (seconds <= 0) return;
    const quiet = Date.now() - Math.max(window.activity, this.silenceStart.get(window) ?? 0);
    if (quiet < seconds * 1000) {
      // There was output since the timer was set: wait for the rest of the silence.
      this.armSilence(window, seconds * 1000 - quiet);
      return;
    }
    // tmux re-arms the timer whenever an alert is queued, silence included.
    this.silenceStart.set(window, Date.now());
    this.armSilence(window);
    this.queue(window, ALERT_SILENCE);
  }

  private queue(window: Window, flag: AlertKind): void {
    this.pending.set(window, (this.pending.get(window) ?? 0) | flag);
    if (!this.enabled(window, flag) || this.checkScheduled) return;
    this.checkScheduled = true;
    setImmediate(() => this.checkAll());
  }

  private enabled(window: Window, flag: AlertKind): boolean {
    const kind = KINDS.find((k) => k.flag === flag)!;
    return flag === ALERT_SILENCE ? window.options.getNumber(kind.monitor) > 0 : window.options.getFlag(kind.monitor);
  }

  private checkAll(): void {
    this.checkScheduled = false;
    const windows = [...this.pending];
    this.pending.clear();
    for (const [window, flags] of windows) {
      if (!this.server.model.windows.has(window.id)) continue;
      for (const kind of KINDS) if (flags & kind.flag && this.enabled(window, kind.flag)) this.check(window, kind);
    }
  }

  private check(window: Window, kind: (typeof KINDS)[number]): void {
    const alerted = new Set<Session>();
    for (const session of this.server.model.sessionsOf(window)) {
      // A bell counts even if the window already has one; activity and silence only once.
      if (kind.flag !== ALERT_BELL && alertFlags(session, window) & kind.flag) continue;
      const attached = this.server.clients().some((c) => c.session === session);
      if (session.current !== window || !attached) {
        session.alerts.set(window, alertFlags(session, window) | kind.flag);
        this.server.redrawSession(session);
      }
      if (!this.actionApplies(session, window, kind.action) || alerted.has(session)) continue;
      alerted.add(session);
      this.tellClients(session, window, kind);
    }
  }

  private actionApplies(session: Session, window: Window, option: string): boolean {
    switch (session.options.getString(option)) {
      case 'any':
        return true;
      case 'current':
        return session.current === window;
      case 'other':
        return session.current !== window;
      default:
        return false;
    }
  }

  /** tmux's alerts_set_message: a bell to the terminal, a message, or both (visual-*). */
  private tellClients(session: Session, window: Window, kind: (typeof KINDS)[number]): void {
    const visual = session.options.getString(kind.visual);
    for (const client of this.server.clients()) {
      if (client.session !== session) continue;
      if (visual === 'off' || visual === 'both') client.ringBell();
      if (visual === 'off') continue;
      const text = session.current === window ? `${kind.name} in current window` : `${kind.name} in window ${session.indexOf(window)}`;
      client.showMessage(text, { ignoreStyles: true });
    }
  }
}
