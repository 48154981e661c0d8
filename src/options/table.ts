// The option table: every option tsmux knows, with its scope, type and default, as tmux's
// options-table.c. `show-options`, `set-option` validation and defaults are all derived from it.
//
// Scopes: 'server' (set -s), 'session' (set, inherited from the global session options), 'window'
// (set -w, inherited from global window options; pane-scoped options also live here and can be set
// per pane with -p).

export type OptionScope = 'server' | 'session' | 'window';
export type OptionType = 'string' | 'number' | 'flag' | 'choice' | 'key' | 'colour' | 'style' | 'array';

export interface OptionEntry {
  readonly name: string;
  readonly scope: OptionScope;
  readonly type: OptionType;
  readonly default: string | number | boolean | string[];
  readonly choices?: readonly string[];
  readonly min?: number;
  readonly max?: number;
  /** Can also be set on a single pane (tmux's OPTIONS_TABLE_PANE). */
  readonly pane?: boolean;
}

// Debian's tmux uses tmux-256color; so do we, falling back to screen-256color when the terminfo
// entry is missing (checked when a pane is spawned).
export const OPTION_TABLE: readonly OptionEntry[] = Object.freeze([
  // server
  { name: 'buffer-limit', scope: 'server', type: 'number', default: 50, min: 1 },
  { name: 'default-terminal', scope: 'server', type: 'string', default: 'tmux-256color' },
  // tmux's 500 ms default makes Escape lag in vim, its most famous complaint. Our client forwards
  // whole reads, so an escape sequence from the terminal arrives in one piece; 10 ms (tmux 3.5's
  // new default) only decides what a lone ESC at the end of a read means.
  { name: 'escape-time', scope: 'server', type: 'number', default: 10, min: 0 },
  { name: 'exit-empty', scope: 'server', type: 'flag', default: true },
  { name: 'exit-unattached', scope: 'server', type: 'flag', default: false },
  { name: 'focus-events', scope: 'server', type: 'flag', default: false },
  { name: 'history-file', scope: 'server', type: 'string', default: '' },
  { name: 'message-limit', scope: 'server', type: 'number', default: 1000, min: 0 },
  { name: 'set-clipboard', scope: 'server', type: 'choice', default: 'external', choices: ['off', 'external', 'on'] },
  { name: 'terminal-overrides', scope: 'server', type: 'array', default: [] },
  { name: 'terminal-features', scope: 'server', type: 'array', default: ['xterm*:clipboard:ccolour:cstyle:focus:title', 'screen*:title'] },
  // session
  { name: 'base-index', scope: 'session', type: 'number', default: 0, min: 0 },
  { name: 'default-command', scope: 'session', type: 'string', default: '' },
  { name: 'default-shell', scope: 'session', type: 'string', default: '' },
  { name: 'default-size', scope: 'session', type: 'string', default: '80x24' },
  { name: 'destroy-unattached', scope: 'session', type: 'flag', default: false },
  { name: 'detach-on-destroy', scope: 'session', type: 'choice', default: 'on', choices: ['off', 'on', 'no-detached'] },
  { name: 'display-panes-active-colour', scope: 'session', type: 'colour', default: 'red' },
  { name: 'display-panes-colour', scope: 'session', type: 'colour', default: 'blue' },
  { name: 'display-panes-time', scope: 'session', type: 'number', default: 1000, min: 1 },
  { name: 'display-time', scope: 'session', type: 'number', default: 750, min: 0 },
  { name: 'history-limit', scope: 'session', type: 'number', default: 2000, min: 0 },
  { name: 'prefix', scope: 'session', type: 'key', default: 'C-b' },
  { name: 'prefix2', scope: 'session', type: 'key', default: 'None' },
  { name: 'renumber-windows', scope: 'session', type: 'flag', default: false },
  { name: 'repeat-time', scope: 'session', type: 'number', default: 500, min: 0 },
  { name: 'set-titles', scope: 'session', type: 'flag', default: false },
  { name: 'set-titles-string', scope: 'session', type: 'string', default: '#S:#I:#W - "#T" #{session_alerts}' },
  { name: 'status', scope: 'session', type: 'choice', default: 'on', choices: ['off', 'on', '2', '3', '4', '5'] },
  { name: 'status-interval', scope: 'session', type: 'number', default: 15, min: 0 },
  { name: 'status-justify', scope: 'session', type: 'choice', default: 'left', choices: ['left', 'centre', 'right', 'absolute-centre'] },
  { name: 'status-keys', scope: 'session', type: 'choice', default: 'emacs', choices: ['emacs', 'vi'] },
  { name: 'status-left', scope: 'session', type: 'string', default: '[#{session_name}] ' },
  { name: 'status-left-length', scope: 'session', type: 'number', default: 10, min: 0 },
  { name: 'status-left-style', scope: 'session', type: 'style', default: 'default' },
  { name: 'status-position', scope: 'session', type: 'choice', default: 'bottom', choices: ['top', 'bottom'] },
  {
    name: 'status-right', scope: 'session', type: 'string',
    default: '#{?window_bigger,[#{window_offset_x}#,#{window_offset_y}] ,}"#{=21:pane_title}" %H:%M %d-%b-%y',
  },
  { name: 'status-right-length', scope: 'session', type: 'number', default: 40, min: 0 },
  { name: 'status-right-style', scope: 'session', type: 'style', default: 'default' },
  { name: 'status-style', scope: 'session', type: 'style', default: 'bg=green,fg=black' },
  { name: 'update-environment', scope: 'session', type: 'array', default: ['DISPLAY', 'KRB5CCNAME', 'SSH_ASKPASS', 'SSH_AUTH_SOCK', 'SSH_AGENT_PID', 'SSH_CONNECTION', 'WINDOWID', 'XAUTHORITY'] },
  // window (and pane)
  { name: 'aggressive-resize', scope: 'window', type: 'flag', default: false },
  { name: 'allow-rename', scope: 'window', type: 'flag', default: false, pane: true },
  { name: 'alternate-screen', scope: 'window', type: 'flag', default: true, pane: true },
  { name: 'automatic-rename', scope: 'window', type: 'flag', default: true },
  { name: 'automatic-rename-format', scope: 'window', type: 'string', default: '#{?pane_in_mode,[tmux],#{pane_current_command}}#{?pane_dead,[dead],}' },
  { name: 'main-pane-height', scope: 'window', type: 'string', default: '24' },
  { name: 'main-pane-width', scope: 'window', type: 'string', default: '80' },
  { name: 'mode-keys', scope: 'window', type: 'choice', default: 'emacs', choices: ['emacs', 'vi'] },
  { name: 'other-pane-height', scope: 'window', type: 'string', default: '0' },
  { name: 'other-pane-width', scope: 'window', type: 'string', default: '0' },
  { name: 'pane-active-border-style', scope: 'window', type: 'style', default: '#{?pane_in_mode,fg=yellow,#{?synchronize-panes,fg=red,fg=green}}' },
  { name: 'pane-base-index', scope: 'window', type: 'number', default: 0, min: 0 },
  { name: 'pane-border-format', scope: 'window', type: 'string', default: '#{?pane_active,#[reverse],}#{pane_index}#[default] "#{pane_title}"', pane: true },
  { name: 'pane-border-indicators', scope: 'window', type: 'choice', default: 'colour', choices: ['off', 'colour', 'arrows', 'both'] },
  { name: 'pane-border-lines', scope: 'window', type: 'choice', default: 'single', choices: ['single', 'double', 'heavy', 'simple', 'number'] },
  { name: 'pane-border-status', scope: 'window', type: 'choice', default: 'off', choices: ['off', 'top', 'bottom'] },
  { name: 'pane-border-style', scope: 'window', type: 'style', default: 'default', pane: true },
  { name: 'remain-on-exit', scope: 'window', type: 'choice', default: 'off', choices: ['off', 'on', 'failed'], pane: true },
  {
    name: 'remain-on-exit-format', scope: 'window', type: 'string', pane: true,
    default: 'Pane is dead (#{?#{!=:#{pane_dead_status},},status #{pane_dead_status},}#{?#{!=:#{pane_dead_signal},},signal #{pane_dead_signal},}, #{t:pane_dead_time})',
  },
  { name: 'window-size', scope: 'window', type: 'choice', default: 'latest', choices: ['largest', 'smallest', 'manual', 'latest'] },
  { name: 'window-status-current-format', scope: 'window', type: 'string', default: '#I:#W#{?window_flags,#{window_flags}, }' },
  { name: 'window-status-current-style', scope: 'window', type: 'style', default: 'default' },
  { name: 'window-status-format', scope: 'window', type: 'string', default: '#I:#W#{?window_flags,#{window_flags}, }' },
  { name: 'window-status-separator', scope: 'window', type: 'string', default: ' ' },
  { name: 'window-status-style', scope: 'window', type: 'style', default: 'default' },
  { name: 'word-separators', scope: 'window', type: 'string', default: ' ' },
]);

const byName = new Map(OPTION_TABLE.map((e) => [e.name, e]));

export function findOption(name: string): OptionEntry | undefined {
  return byName.get(name);
}
