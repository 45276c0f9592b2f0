import { strict as assert } from 'node:assert';
import { dashboardSectionOf } from '../../src/extensions/links.js';
import { ManualClock } from '../harness/manual-clock.js';
import { runUntil } from '../harness/run-until.js';
import { TestBot, cardsOf, visibleText, type PostResult } from '../harness/test-bot.js';
import type { RecordedCall } from '../harness/fake-connector.js';
import { jst } from '../meetings/helpers.js';

const BASE_URL = 'https://honbu.example.jp';
const APP_ID = '0b6f6c1e-5f0e-4b7a-9a51-6f2d3c4b5a69';
const LABELS = ['ダッシュボードで開く', 'Open in dashboard'];

interface DeepLink {
  readonly subEntityId: string;
  readonly webUrl: string;
  readonly section: string | undefined;
}

/** The "Open in dashboard" buttons of a card, read back as Teams reads the deep link. */
function dashboardLinks(card: unknown): DeepLink[] {
  const found: DeepLink[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const element = node as Record<string, unknown>;
    if (element['type'] === 'Action.OpenUrl' && LABELS.includes(String(element['title']))) {
      const url = new URL(String(element['url']));
      assert.equal(
        url.origin + url.pathname,
        `https://teams.microsoft.com/l/entity/${APP_ID}/dashboard`,
      );
      const context = JSON.parse(url.searchParams.get('context') ?? '{}') as {
        subEntityId: string;
      };
      const webUrl = url.searchParams.get('webUrl') ?? '';
      assert.ok(webUrl.startsWith(`${BASE_URL}/tab?`), webUrl);
      found.push({
        subEntityId: context.subEntityId,
        webUrl,
        section: dashboardSectionOf(context.subEntityId, ''),
      });
    }
    Object.values(element).forEach(walk);
  };
  walk(card);
  return found;
}

function onlyCard(result: PostResult, label: string): Record<string, unknown> {
  const cards = cardsOf(result.sent);
  assert.equal(cards.length, 1, `${label}: one card`);
  return cards[0] as Record<string, unknown>;
}

/** The item numbers (#N) of the card's item headings, in order. */
function itemNumbers(card: unknown): number[] {
  return [...visibleText(card).matchAll(/^#(\d+) /gm)].map((m) => Number(m[1]));
}

/**
 * The demo committee on Monday 2026-11-02 09:00 in Tokyo. `configured`: the
 * Teams app id and PUBLIC_BASE_URL are set, as in Teams.
 */
async function committee(configured: boolean) {
  const clock = new ManualClock('2026-11-02T00:00:00Z');
  const bot = await TestBot.start({
    clock,
    env: configured ? { PUBLIC_BASE_URL: BASE_URL } : {},
  });
  if (configured) {
    // The fake connector does not authenticate, so the bot's transport starts without an
    // app id; cards read the id when they are built, as they do with one configured.
    (bot.services.config.botAuth as { appId: string }).appId = APP_ID;
  }
  const secretary = bot.user('johokanri-kacho@city.example.jp');
  const kumin = bot.user('kumin-bucho@city.example.jp');
  const kuminEn = bot.user('kumin-bucho@city.example.jp', 'en-US');
  await bot.install(secretary);
  await bot.install(kumin);
  await bot.install(secretary, { channel: true });
  bot.connector.reset();
  return { clock, bot, secretary, kumin, kuminEn };
}

type Committee = Awaited<ReturnType<typeof committee>>;

/** Each card kind with the button, and where its links must point. */
const CARDS: ReadonlyArray<{
  readonly name: string;
  readonly card: (c: Committee) => Promise<unknown>;
  readonly expected: (c: Committee, card: unknown) => Promise<string[]>;
  readonly section: string;
}> = [
  {
    name: 'the agenda card (次の会議)',
    card: async (c) => onlyCard(await c.bot.say(c.kumin, '次の会議'), 'agenda'),
    expected: async (_c, card) => {
      const id = /"meetingId":"([^"]+)"/.exec(JSON.stringify(card))?.[1];
      assert.ok(id, 'the agenda card names its meeting');
      return [`meeting:${id}`];
    },
    section: 'meetings',
  },
  {
    name: 'the item detail card (宿題 #5)',
    card: async (c) => onlyCard(await c.bot.say(c.secretary, '宿題 #5'), 'item detail'),
    expected: async () => ['item:5'],
    section: 'items',
  },
  {
    name: 'the item ping card, one button per item (my items, in English)',
    card: async (c) => onlyCard(await c.bot.say(c.kuminEn, 'my items'), 'ping card'),
    expected: async (_c, card) => {
      const numbers = itemNumbers(card);
      assert.ok(numbers.length > 0, 'the ping card lists items');
      return numbers.map((n) => `item:${n}`);
    },
    section: 'items',
  },
  {
    name: "the secretariat's escalation card",
    card: async (c) => {
      const sent: RecordedCall[] = [];
      let seen = 0;
      await runUntil(c.clock, c.bot.services.scheduler, jst('2026-11-12 10:00'), () => {
        sent.push(...c.bot.connector.calls.slice(seen));
        seen = c.bot.connector.calls.length;
      });
      c.bot.assertSentCardsValid();
      const card = cardsOf(sent).find((k) => visibleText(k).startsWith('期限切れの宿題'));
      assert.ok(card, 'the escalation went out');
      return card;
    },
    expected: async (_c, card) => {
      const numbers = itemNumbers(card);
      assert.ok(numbers.length > 0, 'the escalation lists items');
      return numbers.map((n) => `item:${n}`);
    },
    section: 'items',
  },
  {
    name: 'the survey progress card in the committee channel',
    card: async (c) => {
      const result = await c.bot.say(c.secretary, 'アンケート送信 1');
      const card = cardsOf(result.sent).find((k) => /回答 0 \/ \d+ 部署/.test(visibleText(k)));
      assert.ok(card, 'the progress card was posted');
      return card;
    },
    expected: async (c) => {
      const survey = await c.bot.services.surveys.find('1');
      return [`survey:${survey?.number}`];
    },
    section: 'surveys',
  },
  {
    name: 'the survey results card (結果 1)',
    card: async (c) => onlyCard(await c.bot.say(c.secretary, '結果 1'), 'results'),
    expected: async (c) => {
      const survey = await c.bot.services.surveys.find('1');
      return [`survey:${survey?.number}`];
    },
    section: 'surveys',
  },
];

describe('cards open the dashboard tab on their meeting, item or survey', function () {
  this.timeout(30000);

  describe('with the Teams app id and PUBLIC_BASE_URL configured', () => {
    for (const kind of CARDS)
      it(`${kind.name} has an "Open in dashboard" deep link to the ${kind.section} section`, async () => {
        const c = await committee(true);
        try {
          const card = await kind.card(c);
          const links = dashboardLinks(card);
          assert.deepEqual(
            links.map((l) => l.subEntityId),
            await kind.expected(c, card),
          );
          for (const link of links) assert.equal(link.section, kind.section);
        } finally {
          await c.bot.stop();
        }
      });
  });

  describe('without them (local and demo runs)', () => {
    for (const kind of CARDS)
      it(`${kind.name} has no dashboard button`, async () => {
        const c = await committee(false);
        try {
          const card = await kind.card(c);
          assert.doesNotMatch(
            JSON.stringify(card),
            /ダッシュボードで開く|Open in dashboard|teams\.microsoft\.com\/l\/entity/,
          );
        } finally {
          await c.bot.stop();
        }
      });
  });
});
