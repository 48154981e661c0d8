// Every command of tmux 3.3a by name, alias and argument spec (its cmd_table), whether or not
// tsmux implements it yet. Key bindings need it: tmux's default bindings name commands tsmux may
// not have (choose-tree, display-menu…), and such a binding must still load, list as tmux lists it
// (full command name, flags sorted) and only fail — with tmux's error — when the key is pressed.
// A command the registry implements is always described by its own entry instead.

import type { ArgumentKind } from '../cmdlang/args';
import type { Arg } from '../cmdlang/parse';

export interface CommandSpec {
  readonly name: string;
  readonly alias?: string;
  readonly flags: string;
  readonly min: number;
  readonly max: number;
  /** Which positional arguments may be `{ }` blocks (tmux's args_parse_cb). */
  argumentKind?(index: number, previous: readonly Arg[], has: (flag: string) => boolean): ArgumentKind;
}

const anyCommands = (): ArgumentKind => 'commands-or-string';
const firstCommands = (index: number): ArgumentKind => (index === 0 ? 'commands-or-string' : 'string');

/** display-menu: items are `name key command`, a lone '' is a separator; commands may be blocks. */
function menuArgumentKind(index: number, previous: readonly Arg[]): ArgumentKind {
  let i = 0;
  for (;;) {
    if (i === index) return 'string';
    if (previous[i++] === '') continue;
    if (i++ === index) return 'string';
    if (i++ === index) return 'commands-or-string';
  }
}

/** Argument kinds that are not plain strings, by command. */
const ARGUMENT_KINDS: Readonly<Record<string, CommandSpec['argumentKind']>> = {
  'bind-key': anyCommands,
  'command-prompt': anyCommands,
  'confirm-before': anyCommands,
  'choose-buffer': firstCommands,
  'choose-client': firstCommands,
  'choose-tree': firstCommands,
  'display-menu': menuArgumentKind,
  'display-panes': firstCommands,
  'if-shell': (index) => (index === 0 ? 'string' : 'commands-or-string'),
  'run-shell': (_index, _previous, has) => (has('C') ? 'commands-or-string' : 'string'),
  'set-hook': (index) => (index === 1 ? 'commands-or-string' : 'string'),
  'set-option': (index) => (index === 1 ? 'commands-or-string' : 'string'),
  'set-window-option': (index) => (index === 1 ? 'commands-or-string' : 'string'),
};

// [name, alias, getopt flags, min, max], from tmux 3.3a's command entries.
const ROWS: ReadonlyArray<readonly [string, string, string, number, number]> = [
  ["attach-session", "attach", "c:dEf:rt:x", 0, 0],
  ["bind-key", "bind", "nrN:T:", 1, -1],
  ["break-pane", "breakp", "abdPF:n:s:t:", 0, 0],
  ["capture-pane", "capturep", "ab:CeE:JNpPqS:t:", 0, 0],
  ["choose-buffer", "", "F:f:K:NO:rt:Z", 0, 1],
  ["choose-client", "", "F:f:K:NO:rt:Z", 0, 1],
  ["choose-tree", "", "F:f:GK:NO:rst:wZ", 0, 1],
  ["clear-history", "clearhist", "t:", 0, 0],
  ["clear-prompt-history", "clearphist", "T:", 0, 0],
  ["clock-mode", "", "t:", 0, 0],
  ["command-prompt", "", "1bFkiI:Np:t:T:", 0, 1],
  ["confirm-before", "confirm", "bp:t:", 1, 1],
  ["copy-mode", "", "eHMs:t:uq", 0, 0],
  ["customize-mode", "", "F:f:Nt:Z", 0, 0],
  ["delete-buffer", "deleteb", "b:", 0, 0],
  ["detach-client", "detach", "aE:s:t:P", 0, 0],
  ["display-menu", "menu", "c:t:OT:x:y:", 1, -1],
  ["display-message", "display", "ac:d:INpt:F:v", 0, 1],
  ["display-panes", "displayp", "bd:Nt:", 0, 1],
  ["display-popup", "popup", "Bb:Cc:d:e:Eh:s:S:t:T:w:x:y:", 0, -1],
  ["find-window", "findw", "CiNrt:TZ", 1, 1],
  ["has-session", "has", "t:", 0, 0],
  ["if-shell", "if", "bFt:", 2, 3],
  ["join-pane", "joinp", "bdfhvp:l:s:t:", 0, 0],
  ["kill-pane", "killp", "at:", 0, 0],
  ["kill-server", "", "", 0, 0],
  ["kill-session", "", "aCt:", 0, 0],
  ["kill-window", "killw", "at:", 0, 0],
  ["last-pane", "lastp", "det:Z", 0, 0],
  ["last-window", "last", "t:", 0, 0],
  ["link-window", "linkw", "abdks:t:", 0, 0],
  ["list-buffers", "lsb", "F:f:", 0, 0],
  ["list-clients", "lsc", "F:t:", 0, 0],
  ["list-commands", "lscm", "F:", 0, 1],
  ["list-keys", "lsk", "1aNP:T:", 0, 1],
  ["list-panes", "lsp", "asF:f:t:", 0, 0],
  ["list-sessions", "ls", "F:f:", 0, 0],
  ["list-windows", "lsw", "F:f:at:", 0, 0],
  ["load-buffer", "loadb", "b:t:w", 1, 1],
  ["lock-client", "lockc", "t:", 0, 0],
  ["lock-server", "lock", "", 0, 0],
  ["lock-session", "locks", "t:", 0, 0],
  ["move-pane", "movep", "bdfhvp:l:s:t:", 0, 0],
  ["move-window", "movew", "abdkrs:t:", 0, 0],
  ["new-session", "new", "Ac:dDe:EF:f:n:Ps:t:x:Xy:", 0, -1],
  ["new-window", "neww", "abc:de:F:kn:PSt:", 0, -1],
  ["next-layout", "nextl", "t:", 0, 0],
  ["next-window", "next", "at:", 0, 0],
  ["paste-buffer", "pasteb", "db:prs:t:", 0, 0],
  ["pipe-pane", "pipep", "IOot:", 0, 1],
  ["previous-layout", "prevl", "t:", 0, 0],
  ["previous-window", "prev", "at:", 0, 0],
  ["refresh-client", "refresh", "A:B:cC:Df:F:l::LRSt:U", 0, 1],
  ["rename-session", "rename", "t:", 1, 1],
  ["rename-window", "renamew", "t:", 1, 1],
  ["resize-pane", "resizep", "DLMRTt:Ux:y:Z", 0, 1],
  ["resize-window", "resizew", "aADLRt:Ux:y:", 0, 1],
  ["respawn-pane", "respawnp", "c:e:kt:", 0, -1],
  ["respawn-window", "respawnw", "c:e:kt:", 0, -1],
  ["rotate-window", "rotatew", "Dt:UZ", 0, 0],
  ["run-shell", "run", "bd:Ct:", 0, 1],
  ["save-buffer", "saveb", "ab:", 1, 1],
  ["select-layout", "selectl", "Enopt:", 0, 1],
  ["select-pane", "selectp", "DdegLlMmP:RT:t:UZ", 0, 0],
  ["select-window", "selectw", "lnpTt:", 0, 0],
  ["send-keys", "send", "FHlMN:Rt:X", 0, -1],
  ["send-prefix", "", "2t:", 0, 0],
  ["server-access", "", "adlrw", 0, 1],
  ["set-buffer", "setb", "ab:t:n:w", 0, 1],
  ["set-environment", "setenv", "Fhgrt:u", 1, 2],
  ["set-hook", "", "agpRt:uw", 1, 2],
  ["set-option", "set", "aFgopqst:uUw", 1, 2],
  ["set-window-option", "setw", "aFgoqt:u", 1, 2],
  ["show-buffer", "showb", "b:", 0, 0],
  ["show-environment", "showenv", "hgst:", 0, 1],
  ["show-hooks", "", "gpt:w", 0, 1],
  ["show-messages", "showmsgs", "JTt:", 0, 0],
  ["show-options", "show", "AgHpqst:vw", 0, 1],
  ["show-prompt-history", "showphist", "T:", 0, 0],
  ["show-window-options", "showw", "gvt:", 0, 1],
  ["source-file", "source", "Fnqv", 1, -1],
  ["split-window", "splitw", "bc:de:fF:hIl:p:Pt:vZ", 0, -1],
  ["start-server", "start", "", 0, 0],
  ["suspend-client", "suspendc", "t:", 0, 0],
  ["swap-pane", "swapp", "dDs:t:UZ", 0, 0],
  ["swap-window", "swapw", "ds:t:", 0, 0],
  ["switch-client", "switchc", "lc:EFnpt:rT:Z", 0, 0],
  ["unbind-key", "unbind", "anqT:", 0, 1],
  ["unlink-window", "unlinkw", "kt:", 0, 0],
  ["wait-for", "wait", "LSU", 1, 1],
];

export const TMUX_COMMANDS: readonly CommandSpec[] = Object.freeze(
  ROWS.map(([name, alias, flags, min, max]) => {
    const spec: CommandSpec = { name, flags, min, max, ...(alias ? { alias } : {}) };
    const kind = ARGUMENT_KINDS[name];
    return Object.freeze(kind ? { ...spec, argumentKind: kind } : spec);
  }),
);

/** tmux's spec for a command by exact name or alias, or by unique prefix of a name (cmd_find). */
export function findTmuxCommand(name: string): CommandSpec | undefined {
  const exact = TMUX_COMMANDS.find((c) => c.name === name || c.alias === name);
  if (exact) return exact;
  const matches = TMUX_COMMANDS.filter((c) => c.name.startsWith(name));
  return matches.length === 1 ? matches[0] : undefined;
}

/** The argument kinds of a command tmux knows (for registry entries that leave them out). */
export function tmuxArgumentKind(name: string): CommandSpec['argumentKind'] {
  return ARGUMENT_KINDS[name];
}
