import type { Meeting } from '../../src/meetings/meeting.js';
import { CHANNEL } from '../../scripts/teams/activities.js';
import { ManualClock } from '../harness/manual-clock.js';
import { runUntil } from '../harness/run-until.js';
import { strict as assert } from 'node:assert';
import { adaptiveCardsIn, assertValidCard } from '../harness/cards.js';
import { TestBot, cardsOf, visibleText, type PostResult } from '../harness/test-bot.js';
import type { TestUser } from '../harness/teams.js';

/** 2026-11-30 15:00 in Tokyo → the UTC ISO string the store holds. */
export function jst(local: string): string {
  return new Date(`${local}+09:00`).toISOString();
}

export const COMMITTEE_CHANNEL = CHANNEL.channelId;

/** One message the bot posted, stamped with the (manual) time of the tick that sent it. */
export interface Post {
  readonly at: string;
  readonly conversationId: string;
  readonly text: string;
}

/**
 * A committee in Teams: the bot installed in the committee channel and in the
 * 1:1 chats of the secretariat, 区民部 (head), 文化商工部 (head and delegate)
 * and 総務部 (head, not invited to the test meetings).
 */
export async function committee(start = '2026-11-02T00:00:00Z') {
  const clock = new ManualClock(start);
  const bot = await TestBot.start({ clock, env: { PUBLIC_BASE_URL: 'https://honbu.example.jp' } });
  const users = {
    secretary: bot.user('johokanri-kacho@city.example.jp'),
    kumin: bot.user('kumin-bucho@city.example.jp'),
    bunkaHead: bot.user('bunkashoko-bucho@city.example.jp'),
    bunkaDelegate: bot.user('bunkadesign-kacho@city.example.jp'),
    somu: bot.user('somu-bucho@city.example.jp'),
  };
  for (const user of Object.values(users)) await bot.install(user);
  await bot.install(users.secretary, { channel: true });
  bot.connector.reset();

  const posts: Post[] = [];
  let seen = 0;
  /** Everything sent since the last call, stamped with `at`. */
  const collect = (at: Date) => {
    for (const call of bot.connector.calls.slice(seen)) {
      if (call.kind !== 'send' || call.status >= 300) continue;
      const card = cardsOf([call])[0];
      const text = card ? visibleText(card) : String(call.body?.['text'] ?? '');
      posts.push({ at: at.toISOString(), conversationId: call.conversationId ?? '', text });
    }
    seen = bot.connector.calls.length;
  };

  return {
    clock,
    bot,
    users,
    posts,
    /** Runs the scheduler up to `until`, recording what goes out at each tick. */
    run: async (until: string) => {
      collect(clock.now());
      await runUntil(clock, bot.services.scheduler, until, collect);
    },
    /** Ticks once now (e.g. right after a change notice was queued). */
    tick: async () => {
      collect(clock.now());
      await bot.services.scheduler.tick();
      collect(clock.now());
    },
    /** Posts about the meeting with this title, as (time, where, first line). */
    about: (title: string) =>
      posts
        .filter((p) => p.text.includes(title))
        .map((p) => ({ at: p.at, to: p.conversationId, line: p.text.split('\n')[0] ?? '' })),
  };
}

export type Committee = Awaited<ReturnType<typeof committee>>;

/** The secretariat saves the new-meeting card, inviting 区民部 and 文化商工部. */
export async function createMeeting(
  c: Committee,
  title: string,
  when: string,
  extra: Record<string, string> = {},
): Promise<Meeting> {
  const result = await c.bot.execute(c.users.secretary, 'meeting.save', {
    meetingId: '',
    title,
    when,
    place: '庁議室（本庁舎5階）',
    agenda: '教育委員会とのICT調整について',
    materials: '資料1-1 調整状況 https://city.example.jp/r8/1-1.pdf',
    departments: 'kumin,bunkashoko',
    meetingLevel: 'closed',
    meetingReason: '意思決定過程の会議のため',
    minutesLevel: 'partial',
    minutesReason: '意思決定過程の内容を含むため',
    ...extra,
  });
  if (result.status !== 200) throw new Error(`meeting.save answered ${result.status}`);
  const meeting = (await c.bot.services.meetings.upcoming()).find((m) => m.title === title);
  if (!meeting)
    throw new Error(`meeting "${title}" was not created: ${JSON.stringify(result.body)}`);
  return meeting;
}

export function personal(user: TestUser): string {
  return user.personalConversationId;
}

/** The one card an answer carried (sent, or the invoke response). */
export function cardOf(result: PostResult, label: string): unknown {
  const cards = [...cardsOf(result.sent), ...adaptiveCardsIn(result.body)];
  assert.equal(cards.length, 1, `${label}: expected one card, got ${cards.length}`);
  assertValidCard(cards[0], label);
  return cards[0];
}

/** Every Action.Execute of a card: its title, verb and data. */
export function executes(card: unknown) {
  const found: Array<{ title: string; verb: string; data: Record<string, unknown> }> = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const n = node as Record<string, unknown>;
    if (n['type'] === 'Action.Execute')
      found.push({
        title: String(n['title']),
        verb: String(n['verb']),
        data: (n['data'] as Record<string, unknown>) ?? {},
      });
    Object.values(n).forEach(walk);
  };
  walk(card);
  return found;
}
