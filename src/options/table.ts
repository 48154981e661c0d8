// The option table: every tmux 3.3a option, with its scope, type and default, in tmux's own order
// (options-table.c). `show-options` lists options in this order, `set-option` validates against it,
// option names are matched against it (exact name, else a unique prefix), and the global option
// sets start from its defaults. Options tsmux does not act on yet are here too, so a tmux.conf that
// sets them loads without errors and `show-options` prints what tmux prints.
//
// Scopes: 'server' (set -s), 'session' (set, inherited from the global session options), 'window'
// (set -w, inherited from the global window options). `pane: true` marks tmux's WINDOW|PANE
// options, which can also be set on one pane with -p (pane → window → global window).
//
// Types are tmux's user-visible types. Style options are strings checked as styles (tmux's
// OPTIONS_TABLE_IS_STYLE); 'command' is the type of hooks (arrays of command lists). `array: true`
// options are sparse arrays (`name[3]`); a plain `set` splits its value at `separator`.

import { HOOK_TABLE } from './hooks';

export type OptionScope = 'server' | 'session' | 'window';
export type OptionType = 'string' | 'number' | 'flag' | 'choice' | 'key' | 'colour' | 'style' | 'command';

export interface OptionEntry {
  readonly name: string;
  readonly scope: OptionScope;
  readonly type: OptionType;
  /** A scalar default, or the items of an array option. */
  readonly default: string | number | boolean | readonly string[];
  readonly choices?: readonly string[];
  readonly min?: number;
  readonly max?: number;
  /** Can also be set on a single pane (tmux's OPTIONS_TABLE_PANE). */
  readonly pane?: boolean;
  /** A sparse array of values (tmux's OPTIONS_TABLE_IS_ARRAY). */
  readonly array?: boolean;
  /** Characters that separate items when a whole array is set from one string (default " ,"). */
  readonly separator?: string;
  /** A hook (shown by show-options only with -H). */
  readonly hook?: boolean;
  /** An fnmatch pattern the value must match ("value is invalid: …"). */
  readonly pattern?: string;
}


const INT_MAX = 2147483647;
const SHRT_MAX = 32767;
const USHRT_MAX = 65535;

const BELL_ACTION = ['none', 'any', 'current', 'other'];
const VISUAL_BELL = ['off', 'on', 'both'];
const MODE_KEYS = ['emacs', 'vi'];
const CURSOR_STYLE = ['default', 'blinking-block', 'block', 'blinking-underline', 'underline', 'blinking-bar', 'bar'];

/** tmux's default status-format: the status line built from status-left, the window list and status-right. */
const STATUS_FORMAT_0 =
  '#[align=left range=left #{E:status-left-style}]#[push-default]#{T;=/#{status-left-length}:status-left}#[pop-default]' +
  '#[norange default]#[list=on align=#{status-justify}]#[list=left-marker]<#[list=right-marker]>#[list=on]' +
  '#{W:#[range=window|#{window_index} #{E:window-status-style}' +
  '#{?#{&&:#{window_last_flag},#{!=:#{E:window-status-last-style},default}}, #{E:window-status-last-style},}' +
  '#{?#{&&:#{window_bell_flag},#{!=:#{E:window-status-bell-style},default}}, #{E:window-status-bell-style},' +
  '#{?#{&&:#{||:#{window_activity_flag},#{window_silence_flag}},#{!=:#{E:window-status-activity-style},default}}, ' +
  '#{E:window-status-activity-style},}}]#[push-default]#{T:window-status-format}#[pop-default]#[norange default]' +
  '#{?window_end_flag,,#{window-status-separator}},' +
  '#[range=window|#{window_index} list=focus #{?#{!=:#{E:window-status-current-style},default},' +
  '#{E:window-status-current-style},#{E:window-status-style}}' +
  '#{?#{&&:#{window_last_flag},#{!=:#{E:window-status-last-style},default}}, #{E:window-status-last-style},}' +
  '#{?#{&&:#{window_bell_flag},#{!=:#{E:window-status-bell-style},default}}, #{E:window-status-bell-style},' +
  '#{?#{&&:#{||:#{window_activity_flag},#{window_silence_flag}},#{!=:#{E:window-status-activity-style},default}}, ' +
  '#{E:window-status-activity-style},}}]#[push-default]#{T:window-status-current-format}#[pop-default]' +
  '#[norange list=on default]#{?window_end_flag,,#{window-status-separator}}}' +
  '#[nolist align=right range=right #{E:status-right-style}]#[push-default]' +
  '#{T;=/#{status-right-length}:status-right}#[pop-default]#[norange default]';
const STATUS_FORMAT_1 = '#[align=centre]#{P:#{?pane_active,#[reverse],}#{pane_index}[#{pane_width}x#{pane_height}]#[default] }';

function hook(name: string, scope: OptionScope, pane = false): OptionEntry {
  return { name, scope, type: 'command', default: [], array: true, separator: '', hook: true, ...(pane ? { pane } : {}) };
}

export const OPTION_TABLE: readonly OptionEntry[] = Object.freeze([
  // ---- server (and two window|pane options tmux lists among them) ----
  { name: 'backspace', scope: 'server', type: 'key', default: 'C-?' },
  { name: 'buffer-limit', scope: 'server', type: 'number', default: 50, min: 1, max: INT_MAX },
  {
    name: 'command-alias', scope: 'server', type: 'string', array: true, separator: ',',
    default: [
      'split-pane=split-window', 'splitp=split-window', 'server-info=show-messages -JT', 'info=show-messages -JT',
      'choose-window=choose-tree -w', 'choose-session=choose-tree -s',
    ],
  },
  { name: 'copy-command', scope: 'server', type: 'string', default: '' },
  { name: 'cursor-colour', scope: 'window', pane: true, type: 'colour', default: 'none' },
  { name: 'cursor-style', scope: 'window', pane: true, type: 'choice', choices: CURSOR_STYLE, default: 'default' },
  // Debian's tmux uses tmux-256color; so do we, falling back to screen-256color when the terminfo
  // entry is missing (checked when a pane is spawned).
  { name: 'default-terminal', scope: 'server', type: 'string', default: 'tmux-256color' },
  { name: 'editor', scope: 'server', type: 'string', default: '/usr/bin/vi' },
  // tmux's 500 ms default makes Escape lag in vim, its most famous complaint. Our client forwards
  // whole reads, so an escape sequence from the terminal arrives in one piece; 10 ms (tmux 3.5's
  // new default) only decides what a lone ESC at the end of a read means.
  { name: 'escape-time', scope: 'server', type: 'number', default: 10, min: 0, max: INT_MAX },
  { name: 'exit-empty', scope: 'server', type: 'flag', default: true },
  { name: 'exit-unattached', scope: 'server', type: 'flag', default: false },
  { name: 'extended-keys', scope: 'server', type: 'choice', choices: ['off', 'on', 'always'], default: 'off' },
  { name: 'focus-events', scope: 'server', type: 'flag', default: false },
  { name: 'history-file', scope: 'server', type: 'string', default: '' },
  { name: 'message-limit', scope: 'server', type: 'number', default: 1000, min: 0, max: INT_MAX },
  { name: 'prompt-history-limit', scope: 'server', type: 'number', default: 100, min: 0, max: INT_MAX },
  { name: 'set-clipboard', scope: 'server', type: 'choice', choices: ['off', 'external', 'on'], default: 'external' },
  { name: 'terminal-overrides', scope: 'server', type: 'string', array: true, separator: ',', default: [] },
  {
    name: 'terminal-features', scope: 'server', type: 'string', array: true, separator: ',',
    default: ['xterm*:clipboard:ccolour:cstyle:focus:title', 'screen*:title'],
  },
  { name: 'user-keys', scope: 'server', type: 'string', array: true, separator: ',', default: [] },

  // ---- session ----
  { name: 'activity-action', scope: 'session', type: 'choice', choices: BELL_ACTION, default: 'other' },
  { name: 'assume-paste-time', scope: 'session', type: 'number', default: 1, min: 0, max: INT_MAX },
  { name: 'base-index', scope: 'session', type: 'number', default: 0, min: 0, max: INT_MAX },
  { name: 'bell-action', scope: 'session', type: 'choice', choices: BELL_ACTION, default: 'any' },
  { name: 'default-command', scope: 'session', type: 'string', default: '' },
  // tmux starts from /bin/sh and replaces it with $SHELL when the server starts (see config.ts).
  { name: 'default-shell', scope: 'session', type: 'string', default: '/bin/sh' },
  { name: 'default-size', scope: 'session', type: 'string', default: '80x24', pattern: '[0-9]*x[0-9]*' },
  { name: 'destroy-unattached', scope: 'session', type: 'flag', default: false },
  { name: 'detach-on-destroy', scope: 'session', type: 'choice', choices: ['off', 'on', 'no-detached'], default: 'on' },
  { name: 'display-panes-active-colour', scope: 'session', type: 'colour', default: 'red' },
  { name: 'display-panes-colour', scope: 'session', type: 'colour', default: 'blue' },
  { name: 'display-panes-time', scope: 'session', type: 'number', default: 1000, min: 1, max: INT_MAX },
  { name: 'display-time', scope: 'session', type: 'number', default: 750, min: 0, max: INT_MAX },
  { name: 'history-limit', scope: 'session', type: 'number', default: 2000, min: 0, max: INT_MAX },
  { name: 'key-table', scope: 'session', type: 'string', default: 'root' },
  { name: 'lock-after-time', scope: 'session', type: 'number', default: 0, min: 0, max: INT_MAX },
  { name: 'lock-command', scope: 'session', type: 'string', default: 'lock -np' },
  { name: 'message-command-style', scope: 'session', type: 'style', default: 'bg=black,fg=yellow', separator: ',' },
  { name: 'message-style', scope: 'session', type: 'style', default: 'bg=yellow,fg=black', separator: ',' },
  { name: 'mouse', scope: 'session', type: 'flag', default: false },
  { name: 'prefix', scope: 'session', type: 'key', default: 'C-b' },
  { name: 'prefix2', scope: 'session', type: 'key', default: 'None' },
  { name: 'renumber-windows', scope: 'session', type: 'flag', default: false },
  { name: 'repeat-time', scope: 'session', type: 'number', default: 500, min: 0, max: SHRT_MAX },
  { name: 'set-titles', scope: 'session', type: 'flag', default: false },
  { name: 'set-titles-string', scope: 'session', type: 'string', default: '#S:#I:#W - "#T" #{session_alerts}' },
  { name: 'silence-action', scope: 'session', type: 'choice', choices: BELL_ACTION, default: 'other' },
  { name: 'status', scope: 'session', type: 'choice', choices: ['off', 'on', '2', '3', '4', '5'], default: 'on' },
  { name: 'status-bg', scope: 'session', type: 'colour', default: 'default' },
  { name: 'status-fg', scope: 'session', type: 'colour', default: 'default' },
  { name: 'status-format', scope: 'session', type: 'string', array: true, default: [STATUS_FORMAT_0, STATUS_FORMAT_1] },
  { name: 'status-interval', scope: 'session', type: 'number', default: 15, min: 0, max: INT_MAX },
  {
    name: 'status-justify', scope: 'session', type: 'choice', choices: ['left', 'centre', 'right', 'absolute-centre'],
    default: 'left',
  },
  { name: 'status-keys', scope: 'session', type: 'choice', choices: MODE_KEYS, default: 'emacs' },
  { name: 'status-left', scope: 'session', type: 'string', default: '[#{session_name}] ' },
  { name: 'status-left-length', scope: 'session', type: 'number', default: 10, min: 0, max: SHRT_MAX },
  { name: 'status-left-style', scope: 'session', type: 'style', default: 'default', separator: ',' },
  { name: 'status-position', scope: 'session', type: 'choice', choices: ['top', 'bottom'], default: 'bottom' },
  {
    name: 'status-right', scope: 'session', type: 'string',
    default: '#{?window_bigger,[#{window_offset_x}#,#{window_offset_y}] ,}"#{=21:pane_title}" %H:%M %d-%b-%y',
  },
  { name: 'status-right-length', scope: 'session', type: 'number', default: 40, min: 0, max: SHRT_MAX },
  { name: 'status-right-style', scope: 'session', type: 'style', default: 'default', separator: ',' },
  { name: 'status-style', scope: 'session', type: 'style', default: 'bg=green,fg=black', separator: ',' },
  {
    name: 'update-environment', scope: 'session', type: 'string', array: true,
    default: ['DISPLAY', 'KRB5CCNAME', 'SSH_ASKPASS', 'SSH_AUTH_SOCK', 'SSH_AGENT_PID', 'SSH_CONNECTION', 'WINDOWID', 'XAUTHORITY'],
  },
  { name: 'visual-activity', scope: 'session', type: 'choice', choices: VISUAL_BELL, default: 'off' },
  { name: 'visual-bell', scope: 'session', type: 'choice', choices: VISUAL_BELL, default: 'off' },
  { name: 'visual-silence', scope: 'session', type: 'choice', choices: VISUAL_BELL, default: 'off' },
  // The non-alphanumeric printable ASCII characters except the underscore.
  { name: 'word-separators', scope: 'session', type: 'string', default: '!"#$%&\'()*+,-./:;<=>?@[\\]^`{|}~' },

  // ---- window (pane: true = window or pane) ----
  { name: 'aggressive-resize', scope: 'window', type: 'flag', default: false },
  { name: 'allow-passthrough', scope: 'window', pane: true, type: 'flag', default: false },
  { name: 'allow-rename', scope: 'window', pane: true, type: 'flag', default: false },
  { name: 'alternate-screen', scope: 'window', pane: true, type: 'flag', default: true },
  { name: 'automatic-rename', scope: 'window', type: 'flag', default: true },
  {
    name: 'automatic-rename-format', scope: 'window', type: 'string',
    default: '#{?pane_in_mode,[tmux],#{pane_current_command}}#{?pane_dead,[dead],}',
  },
  { name: 'clock-mode-colour', scope: 'window', type: 'colour', default: 'blue' },
  { name: 'clock-mode-style', scope: 'window', type: 'choice', choices: ['12', '24'], default: '24' },
  { name: 'copy-mode-match-style', scope: 'window', type: 'style', default: 'bg=cyan,fg=black', separator: ',' },
  { name: 'copy-mode-current-match-style', scope: 'window', type: 'style', default: 'bg=magenta,fg=black', separator: ',' },
  { name: 'copy-mode-mark-style', scope: 'window', type: 'style', default: 'bg=red,fg=black', separator: ',' },
  { name: 'fill-character', scope: 'window', type: 'string', default: '' },
  { name: 'main-pane-height', scope: 'window', type: 'string', default: '24' },
  { name: 'main-pane-width', scope: 'window', type: 'string', default: '80' },
  { name: 'mode-keys', scope: 'window', type: 'choice', choices: MODE_KEYS, default: 'emacs' },
  { name: 'mode-style', scope: 'window', type: 'style', default: 'bg=yellow,fg=black', separator: ',' },
  { name: 'monitor-activity', scope: 'window', type: 'flag', default: false },
  { name: 'monitor-bell', scope: 'window', type: 'flag', default: true },
  { name: 'monitor-silence', scope: 'window', type: 'number', default: 0, min: 0, max: INT_MAX },
  { name: 'other-pane-height', scope: 'window', type: 'string', default: '0' },
  { name: 'other-pane-width', scope: 'window', type: 'string', default: '0' },
  {
    name: 'pane-active-border-style', scope: 'window', type: 'style', separator: ',',
    default: '#{?pane_in_mode,fg=yellow,#{?synchronize-panes,fg=red,fg=green}}',
  },
  { name: 'pane-base-index', scope: 'window', type: 'number', default: 0, min: 0, max: USHRT_MAX },
  {
    name: 'pane-border-format', scope: 'window', pane: true, type: 'string',
    default: '#{?pane_active,#[reverse],}#{pane_index}#[default] "#{pane_title}"',
  },
  { name: 'pane-border-indicators', scope: 'window', type: 'choice', choices: ['off', 'colour', 'arrows', 'both'], default: 'colour' },
  {
    name: 'pane-border-lines', scope: 'window', type: 'choice', choices: ['single', 'double', 'heavy', 'simple', 'number'],
    default: 'single',
  },
  { name: 'pane-border-status', scope: 'window', type: 'choice', choices: ['off', 'top', 'bottom'], default: 'off' },
  { name: 'pane-border-style', scope: 'window', type: 'style', default: 'default', separator: ',' },
  { name: 'pane-colours', scope: 'window', pane: true, type: 'colour', array: true, default: [] },
  { name: 'popup-style', scope: 'window', type: 'style', default: 'default', separator: ',' },
  { name: 'popup-border-style', scope: 'window', type: 'style', default: 'default', separator: ',' },
  {
    name: 'popup-border-lines', scope: 'window', type: 'choice',
    choices: ['single', 'double', 'heavy', 'simple', 'rounded', 'padded', 'none'], default: 'single',
  },
  { name: 'remain-on-exit', scope: 'window', pane: true, type: 'choice', choices: ['off', 'on', 'failed'], default: 'off' },
  {
    name: 'remain-on-exit-format', scope: 'window', pane: true, type: 'string',
    default:
      'Pane is dead (#{?#{!=:#{pane_dead_status},},status #{pane_dead_status},}' +
      '#{?#{!=:#{pane_dead_signal},},signal #{pane_dead_signal},}, #{t:pane_dead_time})',
  },
  { name: 'scroll-on-clear', scope: 'window', pane: true, type: 'flag', default: true },
  { name: 'synchronize-panes', scope: 'window', pane: true, type: 'flag', default: false },
  { name: 'window-active-style', scope: 'window', pane: true, type: 'style', default: 'default', separator: ',' },
  {
    name: 'window-size', scope: 'window', type: 'choice', choices: ['largest', 'smallest', 'manual', 'latest'],
    default: 'latest',
  },
  { name: 'window-style', scope: 'window', pane: true, type: 'style', default: 'default', separator: ',' },
  { name: 'window-status-activity-style', scope: 'window', type: 'style', default: 'reverse', separator: ',' },
  { name: 'window-status-bell-style', scope: 'window', type: 'style', default: 'reverse', separator: ',' },
  { name: 'window-status-current-format', scope: 'window', type: 'string', default: '#I:#W#{?window_flags,#{window_flags}, }' },
  { name: 'window-status-current-style', scope: 'window', type: 'style', default: 'default', separator: ',' },
  { name: 'window-status-format', scope: 'window', type: 'string', default: '#I:#W#{?window_flags,#{window_flags}, }' },
  { name: 'window-status-last-style', scope: 'window', type: 'style', default: 'default', separator: ',' },
  { name: 'window-status-separator', scope: 'window', type: 'string', default: ' ' },
  { name: 'window-status-style', scope: 'window', type: 'style', default: 'default', separator: ',' },
  { name: 'wrap-search', scope: 'window', type: 'flag', default: true },
  // No longer used by tmux, kept so configurations that set it still load.
  { name: 'xterm-keys', scope: 'window', type: 'flag', default: true },

  // ---- hooks ----
  // Hooks are options too (show-options -H), in tmux's order: the names come from the hook table;
  // a pane hook is a window option that can also be set on a pane.
  ...HOOK_TABLE.map((h) => (h.scope === 'pane' ? hook(h.name, 'window', true) : hook(h.name, h.scope))),
] as OptionEntry[]);

const byName = new Map(OPTION_TABLE.map((e) => [e.name, e]));

export function findOption(name: string): OptionEntry | undefined {
  return byName.get(name);
}

/** Old spellings tmux still accepts (options_other_names). */
const OTHER_NAMES: Readonly<Record<string, string>> = Object.freeze({
  'display-panes-color': 'display-panes-colour',
  'display-panes-active-color': 'display-panes-active-colour',
  'clock-mode-color': 'clock-mode-colour',
  'cursor-color': 'cursor-colour',
  'pane-colors': 'pane-colours',
});

export type OptionMatch =
  | { ok: true; name: string; /** -1 when no `[n]` was given. */ index: number }
  | { ok: false; ambiguous: boolean };

/**
 * Turn what the user typed (`status-l`, `update-environment[3]`, `@mine`) into an option name and
 * array index, as tmux's options_match does: an exact name wins, else a unique prefix of a table
 * name; user options (`@…`) are taken as they are. tmux quirk kept: a malformed index
 * (`name[x]`) and the empty name report "ambiguous option".
 */
export function matchOption(text: string): OptionMatch {
  const parsed = parseOptionName(text);
  if (parsed === undefined) return { ok: false, ambiguous: true };
  if (parsed.name.startsWith('@')) return { ok: true, name: parsed.name, index: parsed.index };
  const name = OTHER_NAMES[parsed.name] ?? parsed.name;
  let found: OptionEntry | undefined;
  for (const e of OPTION_TABLE) {
    if (e.name === name) {
      found = e;
      break;
    }
    if (e.name.startsWith(name)) {
      if (found !== undefined) return { ok: false, ambiguous: true };
      found = e;
    }
  }
  if (found === undefined) return { ok: false, ambiguous: false };
  return { ok: true, name: found.name, index: parsed.index };
}

/** `name` or `name[n]` (tmux's options_parse); undefined when malformed. */
function parseOptionName(text: string): { name: string; index: number } | undefined {
  if (text === '') return undefined;
  const open = text.indexOf('[');
  if (open < 0) return { name: text, index: -1 };
  const m = /^\[(\d+)\]$/.exec(text.slice(open));
  if (m === null) return undefined;
  const index = Number(m[1]);
  if (!Number.isSafeInteger(index) || index > INT_MAX) return undefined;
  return { name: text.slice(0, open), index };
}
