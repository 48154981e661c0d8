// tmux 3.3a's default key bindings (key-bindings.c), as tmux's own command strings: parsed through
// the command language and bound with bind-key's logic when the server starts, so `list-keys`
// prints them exactly as tmux does and `unbind`/`bind` in a config file override them.
//
// Several name commands tsmux does not implement yet (choose-tree, display-menu, copy mode's
// send -X…): those bindings load and list as in tmux and only fail, with tmux's
// "unknown command", when the key is pressed.

import { parseArgs } from '../cmdlang/args';
import { parseCommands, type Arg } from '../cmdlang/parse';
import { applyBindKey, bindKey } from '../commands/bind-key';
import { KeyTables } from '../commands/key-tables';
import { log } from './log';

export { KeyTables };
export type { KeyBinding } from '../commands/key-tables';

const WINDOW_MENU =
  " '#{?#{>:#{session_windows},1},,-}Swap Left' 'l' {swap-window -t:-1}" +
  " '#{?#{>:#{session_windows},1},,-}Swap Right' 'r' {swap-window -t:+1}" +
  " '#{?pane_marked_set,,-}Swap Marked' 's' {swap-window}" +
  " ''" +
  " 'Kill' 'X' {kill-window}" +
  " 'Respawn' 'R' {respawn-window -k}" +
  " '#{?pane_marked,Unmark,Mark}' 'm' {select-pane -m}" +
  " 'Rename' 'n' {command-prompt -FI \"#W\" {rename-window -t '#{window_id}' -- '%%'}}" +
  " ''" +
  " 'New After' 'w' {new-window -a}" +
  " 'New At End' 'W' {new-window}";

const PANE_MENU =
  " '#{?#{m/r:(copy|view)-mode,#{pane_mode}},Go To Top,}' '<' {send -X history-top}" +
  " '#{?#{m/r:(copy|view)-mode,#{pane_mode}},Go To Bottom,}' '>' {send -X history-bottom}" +
  " ''" +
  " '#{?mouse_word,Search For #[underscore]#{=/9/...:mouse_word},}' 'C-r' {if -F '#{?#{m/r:(copy|view)-mode,#{pane_mode}},0,1}' 'copy-mode -t='; send -Xt= search-backward \"#{q:mouse_word}\"}" +
  " '#{?mouse_word,Type #[underscore]#{=/9/...:mouse_word},}' 'C-y' {copy-mode -q; send-keys -l -- \"#{q:mouse_word}\"}" +
  " '#{?mouse_word,Copy #[underscore]#{=/9/...:mouse_word},}' 'c' {copy-mode -q; set-buffer -- \"#{q:mouse_word}\"}" +
  " '#{?mouse_line,Copy Line,}' 'l' {copy-mode -q; set-buffer -- \"#{q:mouse_line}\"}" +
  " ''" +
  " 'Horizontal Split' 'h' {split-window -h}" +
  " 'Vertical Split' 'v' {split-window -v}" +
  " ''" +
  " '#{?#{>:#{window_panes},1},,-}Swap Up' 'u' {swap-pane -U}" +
  " '#{?#{>:#{window_panes},1},,-}Swap Down' 'd' {swap-pane -D}" +
  " '#{?pane_marked_set,,-}Swap Marked' 's' {swap-pane}" +
  " ''" +
  " 'Kill' 'X' {kill-pane}" +
  " 'Respawn' 'R' {respawn-pane -k}" +
  " '#{?pane_marked,Unmark,Mark}' 'm' {select-pane -m}" +
  " '#{?#{>:#{window_panes},1},,-}#{?window_zoomed_flag,Unzoom,Zoom}' 'z' {resize-pane -Z}";

const SESSION_MENU =
  " 'Next' 'n' {switch-client -n}" +
  " 'Previous' 'p' {switch-client -p}" +
  " ''" +
  " 'Renumber' 'N' {move-window -r}" +
  " 'Rename' 'n' {command-prompt -I \"#S\" {rename-session -- '%%'}}" +
  " ''" +
  " 'New Session' 's' {new-session}" +
  " 'New Window' 'w' {new-window}";

/** The prefix table, with the notes `C-b ?` shows. */
const PREFIX_BINDINGS: readonly string[] = [
  "bind -N 'Send the prefix key' C-b { send-prefix }",
  "bind -N 'Rotate through the panes' C-o { rotate-window }",
  "bind -N 'Suspend the current client' C-z { suspend-client }",
  "bind -N 'Select next layout' Space { next-layout }",
  "bind -N 'Break pane to a new window' ! { break-pane }",
  "bind -N 'Split window vertically' '\"' { split-window }",
  "bind -N 'List all paste buffers' '#' { list-buffers }",
  "bind -N 'Rename current session' '$' { command-prompt -I'#S' { rename-session -- '%%' } }",
  "bind -N 'Split window horizontally' % { split-window -h }",
  "bind -N 'Kill current window' & { confirm-before -p\"kill-window #W? (y/n)\" kill-window }",
  "bind -N 'Prompt for window index to select' \"'\" { command-prompt -T window-target -pindex { select-window -t ':%%' } }",
  "bind -N 'Switch to previous client' ( { switch-client -p }",
  "bind -N 'Switch to next client' ) { switch-client -n }",
  "bind -N 'Rename current window' , { command-prompt -I'#W' { rename-window -- '%%' } }",
  "bind -N 'Delete the most recent paste buffer' - { delete-buffer }",
  "bind -N 'Move the current window' . { command-prompt -T target { move-window -t '%%' } }",
  "bind -N 'Describe key binding' '/' { command-prompt -kpkey  { list-keys -1N '%%' } }",
  ...[0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `bind -N 'Select window ${n}' ${n} { select-window -t:=${n} }`),
  "bind -N 'Prompt for a command' : { command-prompt }",
  "bind -N 'Move to the previously active pane' \\; { last-pane }",
  "bind -N 'Choose a paste buffer from a list' = { choose-buffer -Z }",
  "bind -N 'List key bindings' ? { list-keys -N }",
  "bind -N 'Choose a client from a list' D { choose-client -Z }",
  "bind -N 'Spread panes out evenly' E { select-layout -E }",
  "bind -N 'Switch to the last client' L { switch-client -l }",
  "bind -N 'Clear the marked pane' M { select-pane -M }",
  "bind -N 'Enter copy mode' [ { copy-mode }",
  "bind -N 'Paste the most recent paste buffer' ] { paste-buffer -p }",
  "bind -N 'Create a new window' c { new-window }",
  "bind -N 'Detach the current client' d { detach-client }",
  "bind -N 'Search for a pane' f { command-prompt { find-window -Z -- '%%' } }",
  "bind -N 'Display window information' i { display-message }",
  "bind -N 'Select the previously current window' l { last-window }",
  "bind -N 'Toggle the marked pane' m { select-pane -m }",
  "bind -N 'Select the next window' n { next-window }",
  "bind -N 'Select the next pane' o { select-pane -t:.+ }",
  "bind -N 'Customize options' C { customize-mode -Z }",
  "bind -N 'Select the previous window' p { previous-window }",
  "bind -N 'Display pane numbers' q { display-panes }",
  "bind -N 'Redraw the current client' r { refresh-client }",
  "bind -N 'Choose a session from a list' s { choose-tree -Zs }",
  "bind -N 'Show a clock' t { clock-mode }",
  "bind -N 'Choose a window from a list' w { choose-tree -Zw }",
  "bind -N 'Kill the active pane' x { confirm-before -p\"kill-pane #P? (y/n)\" kill-pane }",
  "bind -N 'Zoom the active pane' z { resize-pane -Z }",
  "bind -N 'Swap the active pane with the pane above' '{' { swap-pane -U }",
  "bind -N 'Swap the active pane with the pane below' '}' { swap-pane -D }",
  "bind -N 'Show messages' '~' { show-messages }",
  "bind -N 'Enter copy mode and scroll up' PPage { copy-mode -u }",
  "bind -N 'Select the pane above the active pane' -r Up { select-pane -U }",
  "bind -N 'Select the pane below the active pane' -r Down { select-pane -D }",
  "bind -N 'Select the pane to the left of the active pane' -r Left { select-pane -L }",
  "bind -N 'Select the pane to the right of the active pane' -r Right { select-pane -R }",
  "bind -N 'Set the even-horizontal layout' M-1 { select-layout even-horizontal }",
  "bind -N 'Set the even-vertical layout' M-2 { select-layout even-vertical }",
  "bind -N 'Set the main-horizontal layout' M-3 { select-layout main-horizontal }",
  "bind -N 'Set the main-vertical layout' M-4 { select-layout main-vertical }",
  "bind -N 'Select the tiled layout' M-5 { select-layout tiled }",
  "bind -N 'Select the next window with an alert' M-n { next-window -a }",
  "bind -N 'Rotate through the panes in reverse' M-o { rotate-window -D }",
  "bind -N 'Select the previous window with an alert' M-p { previous-window -a }",
  "bind -N 'Move the visible part of the window up' -r S-Up { refresh-client -U 10 }",
  "bind -N 'Move the visible part of the window down' -r S-Down { refresh-client -D 10 }",
  "bind -N 'Move the visible part of the window left' -r S-Left { refresh-client -L 10 }",
  "bind -N 'Move the visible part of the window right' -r S-Right { refresh-client -R 10 }",
  "bind -N 'Reset so the visible part of the window follows the cursor' -r DC { refresh-client -c }",
  "bind -N 'Resize the pane up by 5' -r M-Up { resize-pane -U 5 }",
  "bind -N 'Resize the pane down by 5' -r M-Down { resize-pane -D 5 }",
  "bind -N 'Resize the pane left by 5' -r M-Left { resize-pane -L 5 }",
  "bind -N 'Resize the pane right by 5' -r M-Right { resize-pane -R 5 }",
  "bind -N 'Resize the pane up' -r C-Up { resize-pane -U }",
  "bind -N 'Resize the pane down' -r C-Down { resize-pane -D }",
  "bind -N 'Resize the pane left' -r C-Left { resize-pane -L }",
  "bind -N 'Resize the pane right' -r C-Right { resize-pane -R }",
  // Menus.
  `bind < { display-menu -xW -yW -T '#[align=centre]#{window_index}:#{window_name}' ${WINDOW_MENU} }`,
  `bind > { display-menu -xP -yP -T '#[align=centre]#{pane_index} (#{pane_id})' ${PANE_MENU} }`,
];

/** Used by the mouse bindings: a pane in a mode, or a program that wants the mouse, gets the event. */
const PANE_WANTS_MOUSE = "'#{||:#{pane_in_mode},#{mouse_any_flag}}'";

/** The root table: mouse bindings only (used when the mouse option is on). */
const ROOT_BINDINGS: readonly string[] = [
  'bind -n MouseDown1Pane { select-pane -t=; send -M }',
  `bind -n MouseDrag1Pane { if -F ${PANE_WANTS_MOUSE} { send -M } { copy-mode -M } }`,
  `bind -n WheelUpPane { if -F ${PANE_WANTS_MOUSE} { send -M } { copy-mode -e } }`,
  `bind -n MouseDown2Pane { select-pane -t=; if -F ${PANE_WANTS_MOUSE} { send -M } { paste -p } }`,
  `bind -n DoubleClick1Pane { select-pane -t=; if -F ${PANE_WANTS_MOUSE} { send -M } { copy-mode -H; send -X select-word; run -d0.3; send -X copy-pipe-and-cancel } }`,
  `bind -n TripleClick1Pane { select-pane -t=; if -F ${PANE_WANTS_MOUSE} { send -M } { copy-mode -H; send -X select-line; run -d0.3; send -X copy-pipe-and-cancel } }`,
  'bind -n MouseDrag1Border { resize-pane -M }',
  'bind -n MouseDown1Status { select-window -t= }',
  'bind -n WheelDownStatus { next-window }',
  'bind -n WheelUpStatus { previous-window }',
  `bind -n MouseDown3StatusLeft { display-menu -t= -xM -yW -T '#[align=centre]#{session_name}' ${SESSION_MENU} }`,
  `bind -n MouseDown3Status { display-menu -t= -xW -yW -T '#[align=centre]#{window_index}:#{window_name}' ${WINDOW_MENU}}`,
  "bind -n MouseDown3Pane { if -Ft= '#{||:#{mouse_any_flag},#{&&:#{pane_in_mode},#{?#{m/r:(copy|view)-mode,#{pane_mode}},0,1}}}' " +
    `{ select-pane -t=; send -M } { display-menu -t= -xM -yM -T '#[align=centre]#{pane_index} (#{pane_id})' ${PANE_MENU} } }`,
  `bind -n M-MouseDown3Pane { display-menu -t= -xM -yM -T '#[align=centre]#{pane_index} (#{pane_id})' ${PANE_MENU} }`,
];

const REPEAT_PROMPTS = (keyPrefix: string): Array<[string, string]> =>
  [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => [`${keyPrefix}${n}`, `command-prompt -Np'(repeat)' -I${n} { send -N '%%' }`]);

const MOUSE_COPY: Array<[string, string]> = [
  ['MouseDrag1Pane', 'select-pane; send -X begin-selection'],
  ['MouseDragEnd1Pane', 'send -X copy-pipe-and-cancel'],
  ['WheelUpPane', 'select-pane; send -N5 -X scroll-up'],
  ['WheelDownPane', 'select-pane; send -N5 -X scroll-down'],
  ['DoubleClick1Pane', 'select-pane; send -X select-word; run -d0.3; send -X copy-pipe-and-cancel'],
  ['TripleClick1Pane', 'select-pane; send -X select-line; run -d0.3; send -X copy-pipe-and-cancel'],
];

/** Copy mode with emacs keys: [key, command]. */
const COPY_MODE: Array<[string, string]> = [
  ['C-Space', 'send -X begin-selection'],
  ['C-a', 'send -X start-of-line'],
  ['C-c', 'send -X cancel'],
  ['C-e', 'send -X end-of-line'],
  ['C-f', 'send -X cursor-right'],
  ['C-b', 'send -X cursor-left'],
  ['C-g', 'send -X clear-selection'],
  ['C-k', 'send -X copy-pipe-end-of-line-and-cancel'],
  ['C-n', 'send -X cursor-down'],
  ['C-p', 'send -X cursor-up'],
  ['C-r', "command-prompt -T search -ip'(search up)' -I'#{pane_search_string}' { send -X search-backward-incremental '%%' }"],
  ['C-s', "command-prompt -T search -ip'(search down)' -I'#{pane_search_string}' { send -X search-forward-incremental '%%' }"],
  ['C-v', 'send -X page-down'],
  ['C-w', 'send -X copy-pipe-and-cancel'],
  ['Escape', 'send -X cancel'],
  ['Space', 'send -X page-down'],
  [',', 'send -X jump-reverse'],
  ['\\;', 'send -X jump-again'],
  ['F', "command-prompt -1p'(jump backward)' { send -X jump-backward '%%' }"],
  ['N', 'send -X search-reverse'],
  ['P', 'send -X toggle-position'],
  ['R', 'send -X rectangle-toggle'],
  ['T', "command-prompt -1p'(jump to backward)' { send -X jump-to-backward '%%' }"],
  ['X', 'send -X set-mark'],
  ['f', "command-prompt -1p'(jump forward)' { send -X jump-forward '%%' }"],
  ['g', "command-prompt -p'(goto line)' { send -X goto-line '%%' }"],
  ['n', 'send -X search-again'],
  ['q', 'send -X cancel'],
  ['r', 'send -X refresh-from-pane'],
  ['t', "command-prompt -1p'(jump to forward)' { send -X jump-to-forward '%%' }"],
  ['Home', 'send -X start-of-line'],
  ['End', 'send -X end-of-line'],
  ['MouseDown1Pane', 'select-pane'],
  ...MOUSE_COPY,
  ['NPage', 'send -X page-down'],
  ['PPage', 'send -X page-up'],
  ['Up', 'send -X cursor-up'],
  ['Down', 'send -X cursor-down'],
  ['Left', 'send -X cursor-left'],
  ['Right', 'send -X cursor-right'],
  ...REPEAT_PROMPTS('M-'),
  ['M-<', 'send -X history-top'],
  ['M->', 'send -X history-bottom'],
  ['M-R', 'send -X top-line'],
  ['M-b', 'send -X previous-word'],
  ['C-M-b', 'send -X previous-matching-bracket'],
  ['M-f', 'send -X next-word-end'],
  ['C-M-f', 'send -X next-matching-bracket'],
  ['M-m', 'send -X back-to-indentation'],
  ['M-r', 'send -X middle-line'],
  ['M-v', 'send -X page-up'],
  ['M-w', 'send -X copy-pipe-and-cancel'],
  ['M-x', 'send -X jump-to-mark'],
  ["'M-{'", 'send -X previous-paragraph'],
  ["'M-}'", 'send -X next-paragraph'],
  ['M-Up', 'send -X halfpage-up'],
  ['M-Down', 'send -X halfpage-down'],
  ['C-Up', 'send -X scroll-up'],
  ['C-Down', 'send -X scroll-down'],
];

/** Copy mode with vi keys: [key, command]. */
const COPY_MODE_VI: Array<[string, string]> = [
  ["'#'", "send -FX search-backward '#{copy_cursor_word}'"],
  ['*', "send -FX search-forward '#{copy_cursor_word}'"],
  ['C-c', 'send -X cancel'],
  ['C-d', 'send -X halfpage-down'],
  ['C-e', 'send -X scroll-down'],
  ['C-b', 'send -X page-up'],
  ['C-f', 'send -X page-down'],
  ['C-h', 'send -X cursor-left'],
  ['C-j', 'send -X copy-pipe-and-cancel'],
  ['Enter', 'send -X copy-pipe-and-cancel'],
  ['C-u', 'send -X halfpage-up'],
  ['C-v', 'send -X rectangle-toggle'],
  ['C-y', 'send -X scroll-up'],
  ['Escape', 'send -X clear-selection'],
  ['Space', 'send -X begin-selection'],
  ["'$'", 'send -X end-of-line'],
  [',', 'send -X jump-reverse'],
  ['/', "command-prompt -T search -p'(search down)' { send -X search-forward '%%' }"],
  ['0', 'send -X start-of-line'],
  ...REPEAT_PROMPTS(''),
  [':', "command-prompt -p'(goto line)' { send -X goto-line '%%' }"],
  ['\\;', 'send -X jump-again'],
  ['?', "command-prompt -T search -p'(search up)' { send -X search-backward '%%' }"],
  ['A', 'send -X append-selection-and-cancel'],
  ['B', 'send -X previous-space'],
  ['D', 'send -X copy-pipe-end-of-line-and-cancel'],
  ['E', 'send -X next-space-end'],
  ['F', "command-prompt -1p'(jump backward)' { send -X jump-backward '%%' }"],
  ['G', 'send -X history-bottom'],
  ['H', 'send -X top-line'],
  ['J', 'send -X scroll-down'],
  ['K', 'send -X scroll-up'],
  ['L', 'send -X bottom-line'],
  ['M', 'send -X middle-line'],
  ['N', 'send -X search-reverse'],
  ['P', 'send -X toggle-position'],
  ['T', "command-prompt -1p'(jump to backward)' { send -X jump-to-backward '%%' }"],
  ['V', 'send -X select-line'],
  ['W', 'send -X next-space'],
  ['X', 'send -X set-mark'],
  ['^', 'send -X back-to-indentation'],
  ['b', 'send -X previous-word'],
  ['e', 'send -X next-word-end'],
  ['f', "command-prompt -1p'(jump forward)' { send -X jump-forward '%%' }"],
  ['g', 'send -X history-top'],
  ['h', 'send -X cursor-left'],
  ['j', 'send -X cursor-down'],
  ['k', 'send -X cursor-up'],
  ['l', 'send -X cursor-right'],
  ['n', 'send -X search-again'],
  ['o', 'send -X other-end'],
  ['q', 'send -X cancel'],
  ['r', 'send -X refresh-from-pane'],
  ['t', "command-prompt -1p'(jump to forward)' { send -X jump-to-forward '%%' }"],
  ['v', 'send -X rectangle-toggle'],
  ['w', 'send -X next-word'],
  ["'{'", 'send -X previous-paragraph'],
  ["'}'", 'send -X next-paragraph'],
  ['%', 'send -X next-matching-bracket'],
  ['MouseDown1Pane', 'select-pane'],
  ...MOUSE_COPY,
  ['BSpace', 'send -X cursor-left'],
  ['NPage', 'send -X page-down'],
  ['PPage', 'send -X page-up'],
  ['Up', 'send -X cursor-up'],
  ['Down', 'send -X cursor-down'],
  ['Left', 'send -X cursor-left'],
  ['Right', 'send -X cursor-right'],
  ['M-x', 'send -X jump-to-mark'],
  ['C-Up', 'send -X scroll-up'],
  ['C-Down', 'send -X scroll-down'],
];

/** Every default binding as a tmux command string, in tmux's order. */
export const DEFAULT_KEY_BINDINGS: readonly string[] = Object.freeze([
  ...PREFIX_BINDINGS,
  ...ROOT_BINDINGS,
  // tmux binds copy mode's MouseDown1Pane without braces; the result is the same.
  ...COPY_MODE.map(([key, command]) => `bind -Tcopy-mode ${key} { ${command} }`),
  ...COPY_MODE_VI.map(([key, command]) => `bind -Tcopy-mode-vi ${key} { ${command} }`),
]);

/** Bind one `bind …` command string; returns an error text (a bug in the table) or undefined. */
export function bindFromString(tables: KeyTables, text: string): string | undefined {
  const parsed = parseCommands(text, {
    oneGroup: true,
    environment: () => undefined,
    home: () => undefined,
    evaluateCondition: () => false,
  });
  if (!parsed.ok) return parsed.error;
  for (const command of parsed.commands) {
    const args = parseArgs<Arg>(command.argv.slice(1), {
      flags: bindKey.flags, min: bindKey.min, max: bindKey.max, name: bindKey.name, argumentKind: () => 'commands-or-string',
    });
    if (!args.ok) return args.error;
    const error = applyBindKey(tables, args.args);
    if (error !== undefined) return error;
  }
  return undefined;
}

/** Key tables holding tmux's defaults. */
export function defaultKeyTables(): KeyTables {
  const tables = new KeyTables();
  for (const text of DEFAULT_KEY_BINDINGS) {
    const error = bindFromString(tables, text);
    // Never fatal (tmux's is): a default that does not load is logged and the server carries on.
    if (error !== undefined) log(`bad default key binding: ${error}: ${text}`);
  }
  return tables;
}
