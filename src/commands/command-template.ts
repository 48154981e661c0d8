// tmux's command templates (cmd_template_replace, args_make_commands): the text or `{ }` block that
// command-prompt (and choose-tree and friends) turn into commands once the user answered. `%1`…`%9`
// are the answers by position; `%%` is the next answer not yet used by a `%%`; a third `%`
// (`%%%`, `%1%`) backslash-quotes the characters `"\$;~` in the answer, for use inside "…".

import type { Arg, ParsedCommand } from '../cmdlang/parse';
import { parseCommandString, type BuildResult } from './build-commands';

/** Replace `%idx` (and the first unused `%%`) in `template` with `s` (tmux's cmd_template_replace). */
export function templateReplace(template: string, s: string, idx: number): string {
  if (!template.includes('%')) return template;
  let out = '';
  let replaced = false;
  let i = 0;
  while (i < template.length) {
    const ch = template[i++];
    if (ch === '%') {
      const next = template[i];
      const isIdx = next !== undefined && next >= '1' && next <= '9' && next.charCodeAt(0) - 48 === idx;
      if (isIdx || (next === '%' && !replaced)) {
        if (!isIdx) replaced = true;
        i++;
        const quoted = template[i] === '%';
        if (quoted) i++;
        for (const c of s) out += quoted && '"\\$;~'.includes(c) ? '\\' + c : c;
        continue;
      }
    }
    out += ch;
  }
  return out;
}

/** Apply every answer in turn (answer i is %i+1). */
export function templateReplaceAll(template: string, answers: readonly string[]): string {
  let out = template;
  answers.forEach((a, i) => (out = templateReplace(out, a, i + 1)));
  return out;
}

function replaceInArg(arg: Arg, answers: readonly string[]): Arg {
  if (typeof arg === 'string') return templateReplaceAll(arg, answers);
  return { source: arg.source, block: replaceInCommands(arg.block, answers) };
}

function replaceInCommands(commands: readonly ParsedCommand[], answers: readonly string[]): ParsedCommand[] {
  return commands.map((c) => ({ ...c, argv: c.argv.map((a) => replaceInArg(a, answers)) }));
}

/**
 * The commands a template makes with these answers: a block has its words replaced in place (as
 * tmux copies a built command list); a string has the answers put into its text, which is then
 * parsed.
 */
export function commandsFromTemplate(template: Arg, answers: readonly string[], aliases: readonly string[] = []): BuildResult {
  if (typeof template !== 'string') return { ok: true, commands: replaceInCommands(template.block, answers) };
  return parseCommandString(templateReplaceAll(template, answers), aliases);
}
