/**
 * A month of the demo committee on a fast clock: the real bot over HTTP, the fake
 * Teams connector, and a ManualClock that jumps from one due job to the next. The
 * scenario below is what people do; everything else is what Honbu does on its own.
 * `npm run simulate` prints the result; test/simulate.test.ts checks it against the rules.
 */
import { demoSurveyTopics } from '../../src/demo/surveys.js';
import type { Person } from '../../src/domain/directory.js';
import type { Locale } from '../../src/i18n/locale.js';
import { CHANNEL } from '../../scripts/teams/activities.js';
import { ManualClock } from './manual-clock.js';
import { runUntil } from './run-until.js';
import { pressed } from './survey-cards.js';
import { cardsOf, TestBot, visibleText } from './test-bot.js';
import type { TestUser } from './teams.js';

/** Tokyo wall-clock time (`2026-11-04T11:00`) → the instant. */
export function tokyo(local: string): Date {
  return new Date(`${local}+09:00`);
}

/** Monday 2 November 2026, 08:30 in Tokyo: the demo store is created; 第3回 falls on Tue 11/24. */
export const MONTH_STARTS = '2026-11-02T08:30';
/** Four weeks later. */
export const MONTH_ENDS = '2026-11-30T08:30';

const SECRETARY = 'johokanri-kacho@city.example.jp';

/** A survey answer as a department would give it: three ranks and a comment. */
interface SurveyAnswer {
  readonly rank1: string;
  readonly rank2: string;
  readonly rank3: string;
  readonly freeOpinion: string;
}

/** What one person does at one moment. */
export type Step =
  | { readonly at: string; readonly who: string; readonly says: string }
  | { readonly at: string; readonly who: string; readonly answersSurvey: SurveyAnswer }
  /** Finishes the first item of their department that the bot pinged them about, in words. */
  | { readonly at: string; readonly who: string; readonly reportsDone: (n: number) => string };

/**
 * The month, in order. 総務部, 区民部, 文化商工部 (its delegate), 教育部 and 危機管理 answer the
 * survey; the other five departments are nudged. 区民部 lets #5 (due 11/09) run late until the
 * secretariat is told, then reports it done; 総務部長 answers a ping in words; the secretariat
 * moves 第3回 from Tue 11/24 to Thu 11/26 after its first reminder went out.
 */
export const SCENARIO: readonly Step[] = [
  { at: '2026-11-02T10:00', who: SECRETARY, says: 'アンケート送信 1' },
  {
    at: '2026-11-04T11:00',
    who: 'somu-bucho@city.example.jp',
    answersSurvey: {
      rank1: 'telework',
      rank2: 'web-meetings',
      rank3: 'staff-support',
      freeOpinion: 'テレワークPCの台数を早めに示してほしい。',
    },
  },
  {
    at: '2026-11-05T14:00',
    who: 'kumin-bucho@city.example.jp',
    answersSurvey: {
      rank1: 'rpa',
      rank2: 'e-invoicing',
      rank3: 'telework',
      freeOpinion: 'H所のRPAを他の窓口にも広げたい。',
    },
  },
  {
    at: '2026-11-06T16:00',
    who: 'bunkadesign-kacho@city.example.jp',
    answersSurvey: {
      rank1: 'web-meetings',
      rank2: 'meeting-room-wifi',
      rank3: 'telework',
      freeOpinion: '',
    },
  },
  {
    at: '2026-11-09T10:30',
    who: 'kyoiku-bucho@city.example.jp',
    answersSurvey: {
      rank1: 'web-meetings',
      rank2: 'staff-support',
      rank3: 'meeting-room-wifi',
      freeOpinion: '学校との Web 会議ツール（A）の扱いを早く決めてほしい。',
    },
  },
  {
    at: '2026-11-10T11:00',
    who: 'somu-bucho@city.example.jp',
    reportsDone: (n) => `宿題${n}終わりました`,
  },
  {
    at: '2026-11-12T11:00',
    who: 'kikikanrikan@city.example.jp',
    answersSurvey: {
      rank1: 'meeting-room-wifi',
      rank2: 'web-meetings',
      rank3: 'telework',
      freeOpinion: '災害対策本部室以外でも Wi-Fi を使えるようにしたい。',
    },
  },
  { at: '2026-11-13T15:00', who: 'kumin-bucho@city.example.jp', says: '#5 完了' },
  { at: '2026-11-18T10:00', who: SECRETARY, says: '会議変更 #2 11月26日 15時〜16時' },
];

/** One message that reached a person's (or the channel's) chat. */
export interface Delivery {
  readonly at: Date;
  /** The demo person's UPN, or `channel`. */
  readonly to: string;
  /** Title line of the card, or the text's first line. */
  readonly title: string;
  /** Everything the reader sees (card text or message text). */
  readonly text: string;
  readonly isCard: boolean;
  /** Set when the message answered that person's own action; unset when the bot spoke first. */
  readonly inReplyTo?: string;
}

/** Something a person did, for the timeline. */
export interface Action {
  readonly at: Date;
  readonly who: string;
  /** What they typed; for a survey answer, the verb of the button they pressed. */
  readonly what: string;
  /** The topics they ranked 1–3, in the reader's language, when they answered the survey. */
  readonly survey?: readonly string[];
}

export interface MonthResult {
  readonly people: readonly Person[];
  /** Department names by id. */
  readonly departments: ReadonlyMap<string, { readonly ja: string; readonly en: string }>;
  readonly deliveries: readonly Delivery[];
  readonly actions: readonly Action[];
  /** 第3回 as it stands at the end of the month (moved). */
  readonly thirdMeeting: { readonly id: string; readonly startsAt: string };
  readonly bot: TestBot;
}

export const CHANNEL_RECIPIENT = 'channel';

/**
 * Plays the month. The bot is left running (for the test to look further); call
 * `result.bot.stop()` afterwards.
 */
export async function simulateMonth(locale: Locale = 'ja'): Promise<MonthResult> {
  const clock = new ManualClock(tokyo(MONTH_STARTS));
  const bot = await TestBot.start({ clock });
  const people = await bot.services.directory.listPeople();
  const users = new Map<string, TestUser>();
  for (const person of people) {
    const user = bot.user(person.upn, locale === 'en' ? 'en-US' : 'ja-JP');
    users.set(person.upn, user);
    await bot.install(user);
  }
  const secretary = userOf(users, SECRETARY);
  await bot.install(secretary, { channel: true });
  bot.connector.reset();

  const byConversation = new Map<string, string>([[CHANNEL.channelId, CHANNEL_RECIPIENT]]);
  for (const [upn, user] of users) byConversation.set(user.personalConversationId, upn);

  const deliveries: Delivery[] = [];
  const actions: Action[] = [];
  let seen = 0;
  const collect = (at: Date, inReplyTo?: string) => {
    for (const call of bot.connector.calls.slice(seen)) {
      if ((call.kind !== 'send' && call.kind !== 'reply') || call.status >= 300) continue;
      const to = byConversation.get(call.conversationId ?? '');
      if (!to) continue;
      const [card] = cardsOf([call]);
      const text = card ? visibleText(card) : String(call.body?.['text'] ?? '');
      deliveries.push({
        at,
        to,
        title: text.split('\n')[0] ?? '',
        text,
        isCard: card !== undefined,
        ...(inReplyTo && to === inReplyTo ? { inReplyTo } : {}),
      });
    }
    seen = bot.connector.calls.length;
  };
  const run = (until: Date) => runUntil(clock, bot.services.scheduler, until, (at) => collect(at));

  for (const step of SCENARIO) {
    await run(tokyo(step.at));
    const user = userOf(users, step.who);
    if ('says' in step) {
      actions.push({ at: clock.now(), who: step.who, what: step.says });
      await bot.say(user, step.says);
    } else if ('answersSurvey' in step) {
      const form = surveyFormOf(bot, user);
      const { rank1, rank2, rank3 } = step.answersSurvey;
      const survey = [rank1, rank2, rank3].map((id) => topicTitle(id, locale));
      actions.push({ at: clock.now(), who: step.who, what: 'survey.submit', survey });
      await bot.execute(
        user,
        'survey.submit',
        pressed(form, 'survey.submit', { ...step.answersSurvey }),
      );
      await bot.services.surveys.settled();
    } else {
      const number = await firstPingedItemNumber(bot, step.who);
      const words = step.reportsDone(number);
      actions.push({ at: clock.now(), who: step.who, what: words });
      await bot.say(user, words);
    }
    collect(clock.now(), step.who);
  }
  await run(tokyo(MONTH_ENDS));
  bot.assertSentCardsValid();

  const third = (await bot.services.meetings.find('#2')) ?? undefined;
  if (!third) throw new Error('第3回 (#2) is missing from the demo data');
  const departments = new Map(
    (await bot.services.directory.listDepartments()).map((d) => [d.id, d.name]),
  );
  return {
    people,
    departments,
    deliveries,
    actions,
    thirdMeeting: { id: third.id, startsAt: third.startsAt },
    bot,
  };
}

function userOf(users: ReadonlyMap<string, TestUser>, upn: string): TestUser {
  const user = users.get(upn);
  if (!user) throw new Error(`${upn} is not in the demo directory`);
  return user;
}

/** The survey form the bot posted to this person's chat (the latest one). */
function surveyFormOf(bot: TestBot, user: TestUser): Record<string, unknown> {
  const posted = bot.connector.calls.filter(
    (c) => c.kind === 'send' && c.conversationId === user.personalConversationId,
  );
  const form = cardsOf(posted)
    .reverse()
    .find((card) => JSON.stringify(card).includes('"survey.submit"'));
  if (!form) throw new Error(`${user.userPrincipalName} never received the survey form`);
  return form;
}

function topicTitle(id: string, locale: Locale): string {
  return demoSurveyTopics.find((topic) => topic.id === id)?.title[locale] ?? id;
}

/** The lowest-numbered open item the bot last pinged this person about. */
async function firstPingedItemNumber(bot: TestBot, upn: string): Promise<number> {
  const { items } = bot.services;
  const pinged = await items.lastPinged(upn);
  for (const id of pinged?.itemIds ?? []) {
    const item = await items.get(id);
    if (item && item.status === 'open') return item.number;
  }
  throw new Error(`${upn} was not pinged about an open item`);
}
