import { strict as assert } from 'node:assert';
import type { ActionItem } from '../../src/items/item.js';
import { adaptiveCardsIn } from '../harness/cards.js';
import { ManualClock } from '../harness/manual-clock.js';
import { TestBot, cardsOf, textsOf, visibleText, type PostResult } from '../harness/test-bot.js';

/**
 * The demo committee on the real HTTP endpoint, on Monday 2026-11-02 09:00 in
 * Tokyo (the demo's 第3回 is on 11/24): the eight items of the minutes are
 * #1–#26 (items 6 and 7 fan out to ten departments each).
 */
export async function itemsCommittee() {
  const clock = new ManualClock('2026-11-02T00:00:00Z');
  const bot = await TestBot.start({ clock });
  const users = {
    secretary: bot.user('johokanri-kacho@city.example.jp'),
    secretaryEn: bot.user('joho-system@city.example.jp', 'en-US'),
    chair: bot.user('fukukucho@city.example.jp'),
    kumin: bot.user('kumin-bucho@city.example.jp'),
    kuminEn: bot.user('kumin-bucho@city.example.jp', 'en-US'),
    somu: bot.user('somu-bucho@city.example.jp'),
    bunkaDelegate: bot.user('bunkadesign-kacho@city.example.jp'),
    guest: bot.user('visitor@example.com'),
  };
  const items = bot.services.items;
  /** The stored item #n. */
  const item = async (n: number): Promise<ActionItem> => {
    const found = await items.find(`#${n}`);
    assert.ok(found, `#${n} exists`);
    return found;
  };
  return { clock, bot, users, items, item };
}

export type ItemsCommittee = Awaited<ReturnType<typeof itemsCommittee>>;

/** The one card a request answered with (sent, or the invoke response). */
export function cardOf(result: PostResult, label = 'card'): unknown {
  const cards = [...cardsOf(result.sent), ...adaptiveCardsIn(result.body)];
  assert.equal(cards.length, 1, `${label}: expected one card, got ${cards.length}`);
  return cards[0];
}

/** The text the bot answered with. */
export function replyOf(result: PostResult): string {
  const texts = textsOf(result.sent);
  assert.equal(texts.length, 1, `expected one text reply, got ${JSON.stringify(texts)}`);
  return texts[0] ?? '';
}

export function textOfCard(result: PostResult, label?: string): string {
  return visibleText(cardOf(result, label));
}

/** What the bot answered: its one text reply, or the text of its one card (Done comes with Undo). */
export function answerOf(result: PostResult): string {
  return textsOf(result.sent).length > 0 ? replyOf(result) : textOfCard(result);
}

/** Button titles anywhere in a card (ActionSets and show-cards included). */
export function buttonsOf(card: unknown): string[] {
  const found: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const n = node as Record<string, unknown>;
    if (
      typeof n['type'] === 'string' &&
      n['type'].startsWith('Action.') &&
      typeof n['title'] === 'string'
    )
      found.push(n['title']);
    Object.values(n).forEach(walk);
  };
  walk(card);
  return found;
}

/** The data of the first Action.Execute with this verb. */
export function actionData(card: unknown, verb: string): Record<string, unknown> {
  let found: Record<string, unknown> | undefined;
  const walk = (node: unknown): void => {
    if (found) return;
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const n = node as Record<string, unknown>;
    if (n['type'] === 'Action.Execute' && n['verb'] === verb) {
      found = (n['data'] as Record<string, unknown>) ?? {};
      return;
    }
    Object.values(n).forEach(walk);
  };
  walk(card);
  assert.ok(found, `the card has an Action.Execute ${verb}`);
  return found;
}

/** The titles of the items a list card shows, in order (its "#N title" heading lines). */
export function titlesIn(text: string): string[] {
  return [...text.matchAll(/^#\d+ (.+)$/gm)].map((m) => m[1] ?? '');
}

/**
 * The demo's open items of 区民部, most urgent first: the RPA report (due 11/9),
 * then its copies of the telework and ICT-needs requests (both due at the next meeting).
 */
export const KUMIN_OPEN = [
  'H所のRPAの取組内容と成果を事務局に報告する',
  'テレワークできる業務とできない業務を整理する',
  '部内でICT化のニーズをヒアリングし、事務局に伝える',
];
