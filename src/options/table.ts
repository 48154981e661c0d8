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

/** tmux 3.3a's default status-format[0] (options-table.c): the status line as everybody knows it. */
const STATUS_FORMAT_0 =
  '#[align=left range=left #{E:status-left-style}]' +
  '#[push-default]' +
  '#{T;=/#{status-left-length}:status-left}' +
  '#[pop-default]' +
  '#[norange default]' +
  '#[list=on align=#{status-justify}]' +
  '#[list=left-marker]<#[list=right-marker]>#[list=on]' +
  '#{W:' +
    '#[range=window|#{window_index} ' +
      '#{E:window-status-style}' +
      '#{?#{&&:#{window_last_flag},' +
        '#{!=:#{E:window-status-last-style},default}}, ' +
        '#{E:window-status-last-style},' +
      '}' +
      '#{?#{&&:#{window_bell_flag},' +
        '#{!=:#{E:window-status-bell-style},default}}, ' +
        '#{E:window-status-bell-style},' +
        '#{?#{&&:#{||:#{window_activity_flag},' +
               '#{window_silence_flag}},' +
          '#{!=:' +
          '#{E:window-status-activity-style},' +
          'default}}, ' +
          '#{E:window-status-activity-style},' +
        '}' +
      '}' +
    ']' +
    '#[push-default]' +
    '#{T:window-status-format}' +
    '#[pop-default]' +
    '#[norange default]' +
    '#{?window_end_flag,,#{window-status-separator}}' +
  ',' +
    '#[range=window|#{window_index} list=focus ' +
      '#{?#{!=:#{E:window-status-current-style},default},' +
        '#{E:window-status-current-style},' +
        '#{E:window-status-style}' +
      '}' +
      '#{?#{&&:#{window_last_flag},' +
        '#{!=:#{E:window-status-last-style},default}}, ' +
        '#{E:window-status-last-style},' +
      '}' +
      '#{?#{&&:#{window_bell_flag},' +
        '#{!=:#{E:window-status-bell-style},default}}, ' +
        '#{E:window-status-bell-style},' +
        '#{?#{&&:#{||:#{window_activity_flag},' +
               '#{window_silence_flag}},' +
          '#{!=:' +
          '#{E:window-status-activity-style},' +
          'default}}, ' +
          '#{E:window-status-activity-style},' +
        '}' +
      '}' +
    ']' +
    '#[push-default]' +
    '#{T:window-status-current-format}' +
    '#[pop-default]' +
    '#[norange list=on default]' +
    '#{?window_end_flag,,#{window-status-separator}}' +
  '}' +
  '#[nolist align=right range=right #{E:status-right-style}]' +
  '#[push-default]' +
  '#{T;=/#{status-right-length}:status-right}' +
  '#[pop-default]' +
  '#[norange default]';

/** tmux 3.3a's default status-format[1]: the panes of the current window (shown with `status 2`). */
const STATUS_FORMAT_1 =
  '#[align=centre]#{P:#{?pane_active,#[reverse],}' +
  '#{pane_index}[#{pane_width}x#{pane_height}]#[default] }';

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
  { name: 'activity-action', scope: 'session', type: 'choice', default: 'other', choices: ['none', 'any', 'current', 'other'] },
  { name: 'base-index', scope: 'session', type: 'number', default: 0, min: 0 },
  { name: 'bell-action', scope: 'session', type: 'choice', default: 'any', choices: ['none', 'any', 'current', 'other'] },
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
  { name: 'message-command-style', scope: 'session', type: 'style', default: 'bg=black,fg=yellow' },
  { name: 'message-style', scope: 'session', type: 'style', default: 'bg=yellow,fg=black' },
  { name: 'prefix', scope: 'session', type: 'key', default: 'C-b' },
  { name: 'prefix2', scope: 'session', type: 'key', default: 'None' },
  { name: 'renumber-windows', scope: 'session', type: 'flag', default: false },
  { name: 'repeat-time', scope: 'session', type: 'number', default: 500, min: 0 },
  { name: 'set-titles', scope: 'session', type: 'flag', default: false },
  { name: 'set-titles-string', scope: 'session', type: 'string', default: '#S:#I:#W - "#T" #{session_alerts}' },
  { name: 'silence-action', scope: 'session', type: 'choice', default: 'other', choices: ['none', 'any', 'current', 'other'] },
  { name: 'status', scope: 'session', type: 'choice', default: 'on', choices: ['off', 'on', '2', '3', '4', '5'] },
  { name: 'status-format', scope: 'session', type: 'array', default: [STATUS_FORMAT_0, STATUS_FORMAT_1] },
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
  { name: 'visual-activity', scope: 'session', type: 'choice', default: 'off', choices: ['off', 'on', 'both'] },
  { name: 'visual-bell', scope: 'session', type: 'choice', default: 'off', choices: ['off', 'on', 'both'] },
  { name: 'visual-silence', scope: 'session', type: 'choice', default: 'off', choices: ['off', 'on', 'both'] },
  // window (and pane)
  { name: 'aggressive-resize', scope: 'window', type: 'flag', default: false },
  { name: 'allow-rename', scope: 'window', type: 'flag', default: false, pane: true },
  { name: 'alternate-screen', scope: 'window', type: 'flag', default: true, pane: true },
  { name: 'automatic-rename', scope: 'window', type: 'flag', default: true },
  { name: 'automatic-rename-format', scope: 'window', type: 'string', default: '#{?pane_in_mode,[tmux],#{pane_current_command}}#{?pane_dead,[dead],}' },
  { name: 'clock-mode-colour', scope: 'window', type: 'colour', default: 'blue' },
  { name: 'clock-mode-style', scope: 'window', type: 'choice', default: '24', choices: ['12', '24'] },
  { name: 'main-pane-height', scope: 'window', type: 'string', default: '24' },
  { name: 'main-pane-width', scope: 'window', type: 'string', default: '80' },
  { name: 'mode-keys', scope: 'window', type: 'choice', default: 'emacs', choices: ['emacs', 'vi'] },
  { name: 'monitor-activity', scope: 'window', type: 'flag', default: false },
  { name: 'monitor-bell', scope: 'window', type: 'flag', default: true },
  { name: 'monitor-silence', scope: 'window', type: 'number', default: 0, min: 0 },
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
  { name: 'window-status-activity-style', scope: 'window', type: 'style', default: 'reverse' },
  { name: 'window-status-bell-style', scope: 'window', type: 'style', default: 'reverse' },
  { name: 'window-status-current-format', scope: 'window', type: 'string', default: '#I:#W#{?window_flags,#{window_flags}, }' },
  { name: 'window-status-current-style', scope: 'window', type: 'style', default: 'default' },
  { name: 'window-status-format', scope: 'window', type: 'string', default: '#I:#W#{?window_flags,#{window_flags}, }' },
  { name: 'window-status-last-style', scope: 'window', type: 'style', default: 'default' },
  { name: 'window-status-separator', scope: 'window', type: 'string', default: ' ' },
  { name: 'window-status-style', scope: 'window', type: 'style', default: 'default' },
  { name: 'word-separators', scope: 'window', type: 'string', default: ' ' },
]);

const byName = new Map(OPTION_TABLE.map((e) => [e.name, e]));

export function findOption(name: string): OptionEntry | undefined {
  return byName.get(name);
}
