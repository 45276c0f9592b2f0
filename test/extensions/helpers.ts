import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { adaptiveCardsIn } from '../harness/cards.js';
import { ManualClock } from '../harness/manual-clock.js';
import { TestBot, type PostResult } from '../harness/test-bot.js';
import type { Activity, TestUser } from '../harness/teams.js';

export const BASE_URL = 'https://honbu.example.jp';

export type ExtensionFixture =
  | 'compose-query'
  | 'compose-query-initial-run'
  | 'compose-select-item'
  | 'compose-query-link'
  | 'compose-fetch-task-message'
  | 'compose-submit-action'
  | 'meeting-start'
  | 'meeting-end'
  | 'conversation-update-meeting-chat';

/** A payload as Teams sends it (test/fixtures/teams/extensions/), from whoever acts. */
export function fixture(name: ExtensionFixture): Activity {
  return JSON.parse(
    readFileSync(new URL(`../fixtures/teams/extensions/${name}.json`, import.meta.url), 'utf-8'),
  ) as Activity;
}

let sequence = 0;

/**
 * The fixture as `user` would send it, in their language, to this bot's
 * connector; `value` replaces fields of the fixture's value.
 */
export function fromUser(
  bot: TestBot,
  user: TestUser,
  name: ExtensionFixture,
  value: Record<string, unknown> = {},
): Activity {
  const activity = fixture(name);
  const entities = ((activity['entities'] as Activity[] | undefined) ?? []).map((e) =>
    e['type'] === 'clientInfo' ? { ...e, locale: user.locale } : e,
  );
  return {
    ...activity,
    id: `${String(activity['id'])}-${++sequence}`,
    serviceUrl: `${bot.connector.url}/`,
    from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
    locale: user.locale,
    entities,
    ...(activity['value'] === undefined
      ? {}
      : { value: { ...(activity['value'] as Activity), ...value } }),
  };
}

/**
 * The demo committee on the real HTTP endpoint, on Monday 2026-11-02 09:00
 * in Tokyo (the demo's 第3回 is on 11/24 at 15:00), served at BASE_URL.
 */
export async function committee(env: Readonly<Record<string, string>> = {}) {
  const clock = new ManualClock('2026-11-02T00:00:00Z');
  const bot = await TestBot.start({ clock, env: { PUBLIC_BASE_URL: BASE_URL, ...env } });
  const users = {
    secretary: bot.user('johokanri-kacho@city.example.jp'),
    secretaryEn: bot.user('joho-system@city.example.jp', 'en-US'),
    chair: bot.user('fukukucho@city.example.jp'),
    kumin: bot.user('kumin-bucho@city.example.jp'),
    kuminEn: bot.user('kumin-bucho@city.example.jp', 'en-US'),
    somu: bot.user('somu-bucho@city.example.jp'),
    guest: bot.user('visitor@example.com'),
    guestEn: bot.user('visitor@example.com', 'en-US'),
  };
  const send = (user: TestUser, name: ExtensionFixture, value?: Record<string, unknown>) =>
    bot.post(fromUser(bot, user, name, value));
  return { clock, bot, users, send };
}

export type Committee = Awaited<ReturnType<typeof committee>>;

/** The compose-extension result of an invoke answer. */
export function composeResult(result: PostResult): Record<string, unknown> {
  assert.equal(result.status, 200, JSON.stringify(result.body));
  const body = result.body as { composeExtension?: Record<string, unknown> };
  assert.ok(body.composeExtension, `a composeExtension answer: ${JSON.stringify(result.body)}`);
  return body.composeExtension;
}

export interface ResultItem {
  readonly card: unknown;
  readonly preview: { readonly title: string; readonly text: string; readonly tap?: unknown };
}

/** The results of a search or a link preview: each card with its preview. */
export function resultsOf(result: PostResult): ResultItem[] {
  const extension = composeResult(result);
  assert.equal(extension['type'], 'result');
  const attachments = extension['attachments'] as Array<Record<string, unknown>>;
  return attachments.map((a) => {
    const [card] = adaptiveCardsIn(a);
    const preview = (a['preview'] as { content: ResultItem['preview'] }).content;
    return { card, preview };
  });
}

/** The dialog an action opened: its title and card, or its closing message. */
export function taskOf(result: PostResult): { title?: string; card?: unknown; message?: string } {
  assert.equal(result.status, 200, JSON.stringify(result.body));
  const task = (result.body as { task?: { type: string; value: unknown } }).task;
  assert.ok(task, `a task answer: ${JSON.stringify(result.body)}`);
  if (task.type === 'message') return { message: String(task.value) };
  assert.equal(task.type, 'continue');
  const value = task.value as { title: string };
  return { title: value.title, card: adaptiveCardsIn(task.value)[0] };
}
