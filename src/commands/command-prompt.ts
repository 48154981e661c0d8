// command-prompt: ask for input on the client's status line and run a template with the answers
// (cmd-command-prompt.c). Without a template the answer is itself a command (`C-b :`). -p gives
// prompts (several, comma-separated, asked in turn: %1, %2…), -I their initial inputs; -1 takes
// one key, -N digits only, -k the name of a key, -i reports every change (incremental search); -T
// sets the prompt type (its own history); -F expands the template as a format first. A prompt
// already open on the client makes this do nothing, as in tmux.

import type { Arg } from '../cmdlang/parse';
import { aliasNames } from './bind-key';
import {
  defineCommand, type CommandContext, type CommandEntry, type CommandResult, type PromptType,
} from './command';
import { commandsFromTemplate } from './command-template';
import { expandFor } from './format-target';
import { commandSpec } from './print-command';
import { targetClient } from './switch-client';

const PROMPT_TYPES: readonly PromptType[] = ['command', 'search', 'target', 'window-target'];

/** The name command-prompt shows as its default prompt: the template's first command. */
function templateCommandName(template: Arg): string {
  if (typeof template !== 'string') {
    const first = template.block[0]?.argv[0];
    if (typeof first !== 'string') return '';
    return commandSpec(first)?.name ?? first;
  }
  const end = template.search(/[ ,]/);
  return end < 0 ? template : template.slice(0, end);
}

export const commandPrompt: CommandEntry = defineCommand({
  name: 'command-prompt',
  flags: '1bFkiI:Np:t:T:',
  min: 0,
  max: 1,
  usage: '[-1bFkiN] [-I inputs] [-p prompts] [-t target-client] [-T type] [template]',
  argumentKind: () => 'commands-or-string',
  exec(ctx: CommandContext): CommandResult {
    const { args } = ctx;
    const tc = targetClient(ctx, args.value('t'));
    if ('error' in tc) return tc;
    if (tc.overlay?.kind === 'prompt') return undefined;

    const given = ctx.rawArgs.positional[0];
    let template: Arg = given ?? '%1';
    const target = ctx.target ? { session: ctx.target.session, window: ctx.target.window, pane: ctx.target.pane } : {};
    if (typeof template === 'string' && args.has('F')) template = expandFor(ctx, template, target);

    let space = true;
    let prompts: string[];
    const p = args.value('p');
    if (p !== undefined) prompts = p.split(',');
    else if (given !== undefined) prompts = [`(${templateCommandName(given)})`];
    else {
      prompts = [':'];
      space = false;
    }
    const inputs = args.value('I')?.split(',') ?? [];
    const steps = prompts.map((prompt, i) => ({ prompt: space ? `${prompt} ` : prompt, input: inputs[i] ?? '' }));

    let type: PromptType = 'command';
    const t = args.value('T');
    if (t !== undefined) {
      if (!PROMPT_TYPES.includes(t as PromptType)) return { error: `unknown type: ${t}` };
      type = t as PromptType;
    }
    const single = args.has('1');
    const numeric = !single && args.has('N');
    const incremental = !single && !numeric && args.has('i');
    const key = !single && !numeric && !incremental && args.has('k');

    const expand = (text: string): string => expandFor(ctx, text, target, true);
    const answers: string[] = [];
    let current = 0;
    const server = ctx.server;
    const aliases = aliasNames((server.model.serverOptions.get('command-alias') as string[] | undefined) ?? []);

    tc.showPrompt({
      prompt: expand(steps[0].prompt),
      input: expand(steps[0].input),
      type,
      single,
      numeric,
      incremental,
      key,
      callback(answer, done) {
        if (answer === undefined) return false;
        if (done) {
          if (incremental) return false;
          answers.push(answer);
          if (++current !== steps.length) {
            return { prompt: expand(steps[current].prompt), input: expand(steps[current].input) };
          }
        }
        // tmux passes the answers so far and then this answer again (so %% after the last %N sees it).
        const built = commandsFromTemplate(template, [...answers, answer], aliases);
        if (!built.ok) tc.showMessage(built.error[0].toUpperCase() + built.error.slice(1));
        else void server.runForClient(tc, built.commands);
        return !done;
      },
    });
    return undefined;
  },
});
