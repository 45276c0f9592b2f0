import type { Card } from '../cards/card.js';
import type { Collection } from '../store/document-store.js';
import type { PolicyAnswer } from '../policy/answer.js';
import { answerCard, quoteOf } from '../policy/answer-card.js';
import { contextOf } from '../policy/deps.js';
import { inLocale, scopeOfDepartment, type PolicyEntry } from '../policy/model.js';
import type { ExtensionDeps, ExtensionTurn } from './deps.js';

/** One compose-box result: the card inserted into the conversation and its preview line. */
export interface SearchResult {
  readonly card: Card;
  readonly preview: { readonly title: string; readonly text: string };
  /** Sent back by Teams when the result is picked (composeExtension/selectItem). */
  readonly pick?: { readonly entryId: string };
}

/** How many entries an empty search lists (Teams shows about that many without scrolling). */
const POPULAR_SHOWN = 8;

interface PickCount {
  readonly id: string;
  readonly count: number;
}

/**
 * The policy search in every compose box: the same answerer and the same
 * honesty as the chat. A question the data answers gives its answer (and
 * the related entries as further results); one it does not answer gives the
 * "not in the policy data" card with "Ask the secretariat"; no weak match
 * is ever shown as an answer. An empty search lists the entries people
 * picked most often.
 */
export class PolicySearch {
  private readonly picks: Collection<PickCount>;

  constructor(private readonly deps: ExtensionDeps) {
    this.picks = deps.store.collection<PickCount>('extensionPolicyPicks');
  }

  async search(turn: ExtensionTurn, query: string): Promise<SearchResult[]> {
    const text = query.trim();
    if (!text) return this.popular(turn);
    const answer = await this.deps.policies.answer(
      text,
      scopeOfDepartment(turn.actor.person?.departmentId),
    );
    const ctx = contextOf(this.deps, turn.t, turn.locale);
    const main = answerCard(ctx, answer, text);
    if (answer.kind === 'notFound') {
      return [
        {
          card: main.card,
          preview: {
            title: turn.t('policy.notFound.title'),
            text: turn.t('ext.search.notFoundPreview', { query: quoteOf(text) }),
          },
        },
      ];
    }
    const first: SearchResult = {
      card: main.card,
      preview: { title: titleOf(answer.primary, turn), text: headlineOf(main.card) },
      pick: { entryId: answer.primary.id },
    };
    return [first, ...answer.related.map((entry) => this.entryResult(turn, entry, answer))];
  }

  /** The entry picked from the results: counted, so an empty search lists it higher. */
  async picked(turn: ExtensionTurn, entryId: string): Promise<SearchResult | undefined> {
    const entry = await this.deps.policies.get(entryId);
    if (!entry?.active) return undefined;
    await this.picks.update(entry.id, (current) => ({
      id: entry.id,
      count: (current?.count ?? 0) + 1,
    }));
    return this.entryResult(turn, entry);
  }

  private async popular(turn: ExtensionTurn): Promise<SearchResult[]> {
    const counts = new Map((await this.picks.find()).map((p) => [p.id, p.count]));
    // list() is in a stable topic order; sorting by count keeps it among equals.
    const entries = (await this.deps.policies.list())
      .filter((entry) => entry.active)
      .sort((a, b) => (counts.get(b.id) ?? 0) - (counts.get(a.id) ?? 0))
      .slice(0, POPULAR_SHOWN);
    return entries.map((entry) => this.entryResult(turn, entry));
  }

  /** One entry as the answer to a question about itself: its own card, same facts, same button. */
  private entryResult(turn: ExtensionTurn, entry: PolicyEntry, asked?: PolicyAnswer): SearchResult {
    const scope = asked?.scope ?? entry.content.scope;
    const answer: PolicyAnswer = {
      kind: 'answer',
      intent: 'lookup',
      scope,
      scopeSource: 'question',
      primary: entry,
      related: [],
      unanswered: [],
      uncoveredScopes: [],
    };
    const title = titleOf(entry, turn);
    const { card } = answerCard(contextOf(this.deps, turn.t, turn.locale), answer, title);
    return {
      card,
      preview: {
        title,
        text: inLocale(entry.content.answer, turn.locale),
      },
      pick: { entryId: entry.id },
    };
  }
}

const titleOf = (entry: PolicyEntry, turn: ExtensionTurn) =>
  inLocale(entry.content.title, turn.locale);

/**
 * The direct answer the card leads with (「区長部局で承認済み: B, C」): the
 * preview repeats the policy card's own first line rather than recomputing it.
 */
function headlineOf(card: Card): string {
  const body = card['body'];
  const first = Array.isArray(body) ? (body[0] as { text?: unknown } | undefined) : undefined;
  return typeof first?.text === 'string' ? first.text : '';
}
