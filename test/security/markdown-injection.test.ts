import { strict as assert } from 'node:assert';
import MarkdownIt from 'markdown-it';
import { plainText } from '../../src/cards/plain-text.js';
import { escalationCard } from '../../src/items/ping-views.js';
import { agendaCard, cancelCard } from '../../src/meetings/cards.js';
import { translator } from '../../src/i18n/translate.js';
import { ManualClock } from '../harness/manual-clock.js';
import { TestBot, cardsOf, type PostResult } from '../harness/test-bot.js';
import { adaptiveCardsIn } from '../harness/cards.js';

/**
 * What an attacker types: a link dressed as a secretariat notice, emphasis, bare
 * URLs and domains, an e-mail link, and (on lines of its own) a list and a heading.
 */
const PAYLOAD =
  '[Secretariat: re-verify your sign-in here](https://phish.example/login) **URGENT** _now_ ' +
  'see https://phish.example/x, www.phish.example, phish.example/login, <https://phish.example>, ' +
  'mailto:help@phish.example ![logo](https://phish.example/a.png) `code`\n\n- listed\n1. numbered\n# heading\n> quoted';

/** A CommonMark renderer that also links bare URLs: at least as eager as Teams. */
const markdown = new MarkdownIt({ linkify: true });

/** Every string of a card that Teams reads as markdown (TextBlock texts, facts). */
function markdownStrings(card: unknown): string[] {
  const found: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const element = node as Record<string, unknown>;
    if (element['type'] === 'TextBlock' && typeof element['text'] === 'string')
      found.push(element['text']);
    if (element['type'] === 'FactSet' && Array.isArray(element['facts']))
      for (const fact of element['facts'] as Array<{ title?: unknown; value?: unknown }>)
        for (const text of [fact.title, fact.value]) if (typeof text === 'string') found.push(text);
    Object.values(element).forEach(walk);
  };
  walk(card);
  return found;
}

/** Asserts the payload is in the card, and shows as the characters typed: no link, no formatting. */
function assertShownAsText(cards: readonly unknown[], label: string): void {
  const html = cards.flatMap(markdownStrings).map((text) => markdown.render(text));
  const all = html.join('\n');
  assert.ok(
    all.includes('[Secretariat: re-verify your sign-in here]'),
    `${label}: the payload is shown (as text)\n${all.slice(0, 2000)}`,
  );
  for (const [what, pattern] of [
    // Every link in the payload points at phish.example (the secretariat's own links may stay).
    ['a link', /<a\s[^>]*href="[^"]*phish/],
    ['an image', /<img\s/],
    ['emphasis', /<(strong|em)>(URGENT|now)<\//],
    ['a list', /<li>(listed|numbered)/],
    ['a heading', /<h\d>heading/],
    ['a quote', /<blockquote>\s*<p>quoted/],
    ['code', /<code>code<\/code>/],
  ] as const)
    assert.doesNotMatch(all, pattern, `${label}: the user's text became ${what}`);
}

const cardsIn = (result: PostResult): unknown[] => [
  ...cardsOf(result.sent),
  ...adaptiveCardsIn(result.body),
];

describe('attack: markdown and link injection into cards', function () {
  this.timeout(30_000);
  let bot: TestBot;
  const clock = new ManualClock('2026-11-02T00:00:00Z');

  before(async () => {
    bot = await TestBot.start({ clock });
  });
  after(async () => {
    await bot?.stop();
  });

  it('plainText keeps every character readable and links nothing, even for a linkifier', () => {
    const shown = markdown.render(plainText(PAYLOAD));
    assert.doesNotMatch(shown, /<a\s|<img|<strong>|<em>|<li>|<h1>|<blockquote>|<code>/);
    // What a reader sees is what was typed, less the invisible joiners and look-alike dots.
    const read = shown.replace(/\u2060/g, '').replace(/\u2024/g, '.');
    assert.ok(
      read.includes('[Secretariat: re-verify your sign-in here](https://phish.example/login)'),
    );
    assert.ok(read.includes('**URGENT** _now_'));
    assert.ok(read.includes('- listed'));
    assert.equal(plainText('会議室のWi-Fi 1.5倍、（507）'), '会議室のWi-Fi 1.5倍、（507）');
  });

  it("a guest's question reaches the secretariat's questions card as text", async () => {
    const secretary = bot.user('johokanri-kacho@city.example.jp');
    await bot.say(secretary, 'ヘルプ');
    const guest = bot.user('visitor@partner.example.com');
    const asked = await bot.execute(guest, 'policy.ask', { question: PAYLOAD });
    const toSecretary = asked.sent.filter(
      (c) => c.conversationId === secretary.personalConversationId,
    );
    assertShownAsText(cardsOf(toSecretary), 'questions card');
    assertShownAsText(cardsIn(await bot.say(secretary, 'ルール質問一覧')), 'questions list');
  });

  it('progress notes, blocking reasons and titles are text in the item cards', async () => {
    const secretary = bot.user('johokanri-kacho@city.example.jp');
    const kumin = bot.user('kumin-bucho@city.example.jp');
    const item = await bot.services.items.find('#5');
    assert.ok(item);
    await bot.execute(kumin, 'item.progress', { itemId: item.id, text: PAYLOAD });
    const blocked = await bot.execute(kumin, 'item.block', { itemId: item.id, text: PAYLOAD });
    assertShownAsText(cardsIn(blocked), 'the owner\'s card after "blocked"');
    assertShownAsText(cardsIn(await bot.say(secretary, '宿題 #5')), 'item detail');
    assertShownAsText(cardsIn(await bot.say(secretary, '宿題報告')), 'items report');

    const title =
      '[Secretariat: re-verify your sign-in here](https://phish.example/login) **URGENT**';
    const titled = await bot.say(secretary, `宿題作成 ${title} | 区民部 | 早急に`);
    assert.match(JSON.stringify(titled.sent), /#27/, 'the item is created');
    assertShownAsText(cardsIn(await bot.say(kumin, '自分の宿題')), 'my items');
    assertShownAsText(cardsIn(await bot.say(secretary, '宿題一覧 区民部')), 'item list');

    const blockedItem = await bot.services.items.find('#5');
    assert.ok(blockedItem);
    const [view] = await bot.services.items.viewsOf([blockedItem]);
    assert.ok(view);
    const reader = { locale: 'ja' as const, t: translator('ja'), timeZone: 'Asia/Tokyo' };
    const escalation = escalationCard([{ view, businessDaysLate: 5 }], reader, 3, clock.now());
    assertShownAsText([escalation], 'escalation card');
  });

  it('survey comments and free opinions are text in the results and answer cards', async () => {
    const { surveys, directory } = bot.services;
    const survey = await surveys.find('1');
    assert.ok(survey && (await surveys.send(survey.id))?.ok);
    const head = await directory.findByUpn('bunkashoko-bucho@city.example.jp');
    assert.ok(head?.departmentId);
    const [first, second, third] = survey.topics.map((t) => t.id);
    await surveys.repository.saveAnswer({
      surveyId: survey.id,
      departmentId: head.departmentId,
      content: {
        ranking: [first ?? '', second ?? '', third ?? ''],
        comments: { [first ?? '']: PAYLOAD },
        opinion: PAYLOAD,
      },
      basedOn: 0,
      by: { personId: head.id, name: head.name },
      at: clock.now().toISOString(),
    });
    const secretary = bot.user('johokanri-kacho@city.example.jp');
    assertShownAsText(cardsIn(await bot.say(secretary, 'アンケート結果 1')), 'survey results');
    const delegate = bot.user('bunkadesign-kacho@city.example.jp');
    const answer = await bot.execute(delegate, 'survey.refresh', { surveyId: survey.id });
    assertShownAsText(cardsIn(answer), "the head's answer, as the delegate sees it");
  });

  it("a meeting's title, place, agenda and materials written by the secretariat are text", async () => {
    const [meeting] = await bot.services.meetings.upcoming();
    assert.ok(meeting);
    const line = PAYLOAD.split('\n')[0] ?? '';
    const written = {
      ...meeting,
      title: line,
      place: line,
      agenda: [{ ...meeting.agenda[0], number: 1, title: PAYLOAD }],
      materials: [{ id: '資料1', title: PAYLOAD, url: 'https://city.example.jp/a.pdf' }],
    } as typeof meeting;
    const context = {
      t: translator('ja'),
      locale: 'ja' as const,
      timeZone: 'Asia/Tokyo',
      departments: await bot.services.directory.listDepartments(),
      people: await bot.services.directory.listPeople(),
      icsUrl: (id: string) => `https://honbu.example/meetings/${id}.ics`,
      dashboardUrl: () => undefined,
    };
    const agenda = agendaCard(written, context, { audience: 'member', now: clock.now() });
    assertShownAsText([agenda], 'meeting agenda card');
    // The secretariat's own material link stays a link: only typed text is escaped.
    assert.match(JSON.stringify(agenda), /\]\(https:\/\/city\.example\.jp\/a\.pdf\)/);
    assertShownAsText([cancelCard(written, context)], 'meeting cancel card');
  });
});
