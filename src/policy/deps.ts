import type { Clock } from '../clock.js';
import type { Locale } from '../i18n/locale.js';
import type { Turn } from '../app/turn.js';
import type { CardContext } from './cards.js';
import type { PolicyInbox } from './inbox.js';
import type { Editor } from './model.js';
import type { PolicyBook } from './policy-book.js';
import { localDate } from '../scheduling/calendar.js';

/** What the policy feature needs from the application, and nothing more. */
export interface PolicyDeps {
  readonly policies: PolicyBook;
  readonly policyInbox: PolicyInbox;
  readonly clock: Clock;
  readonly config: { readonly timeZone: string };
}

export const contextOf = (deps: PolicyDeps, t: Turn['t'], locale: Locale): CardContext => ({
  t,
  locale,
  timeZone: deps.config.timeZone,
});

export const editorOf = (turn: Turn): Editor => ({
  name: turn.actor.displayName,
  ...(turn.actor.upn ? { upn: turn.actor.upn } : {}),
});

/** Today's date (YYYY-MM-DD) in the committee's time zone. */
export function today(deps: PolicyDeps): string {
  return localDate(deps.clock.now(), deps.config.timeZone);
}

/** "p3 reason …" → ["p3", "reason …"]. */
export const splitFirst = (text: string): [string, string] => {
  const [first = '', ...rest] = text.trim().split(' ');
  return [first, rest.join(' ').trim()];
};
