// -P/-F for commands that create things (new-session, new-window, split-window): print the new
// object's description in the given format.

import type { CommandContext } from './command';
import type { Session, Window, Pane } from '../model/model';
import { expandFor } from './format-target';

export function printInfo(ctx: CommandContext, template: string, session: Session, window?: Window, pane?: Pane): void {
  ctx.print(expandFor(ctx, template, { session, window, pane }));
}
