import { strict as assert } from 'node:assert';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium } from './harness/chromium.js';
import { adaptiveCardsIn } from './harness/cards.js';
import { ManualClock } from './harness/manual-clock.js';
import { runUntil } from './harness/run-until.js';
import { pressed } from './harness/survey-cards.js';
import { TestBot, cardsOf, visibleText, type PostResult } from './harness/test-bot.js';
import type { TestUser } from './harness/teams.js';

/**
 * Every card Honbu sends, drawn by the official `adaptivecards` renderer in Chromium at
 * Teams mobile width (360 px) with a Teams-like light host config. The cards come from
 * real turns through the bot, so this checks what people get on a phone, not fixtures.
 * Screenshots go to test-output/cards-360/ for a person to look at.
 */
const SHOTS = 'test-output/cards-360';
const PHONE_WIDTH = 360;
/** The smallest button a thumb can hit reliably (Teams mobile draws 32 px buttons). */
const MIN_BUTTON_HEIGHT = 32;

const require = createRequire(import.meta.url);
/** Real minutes of a past meeting, as the secretariat pastes them. */
const MINUTES = readFileSync(
  new URL('./minutes/fixtures/minutes-r2-hq-2.txt', import.meta.url),
  'utf-8',
);

/** Close to the host config Teams mobile uses for cards in the light theme. */
const teamsLightHostConfig = {
  fontFamily: "'Segoe UI', 'Yu Gothic UI', 'Noto Sans CJK JP', sans-serif",
  spacing: { small: 4, default: 8, medium: 16, large: 20, extraLarge: 24, padding: 16 },
  separator: { lineThickness: 1, lineColor: '#E1DFDD' },
  fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
  fontWeights: { lighter: 200, default: 400, bolder: 600 },
  imageSizes: { small: 32, medium: 52, large: 100 },
  containerStyles: {
    default: {
      backgroundColor: '#FFFFFF',
      foregroundColors: {
        default: { default: '#242424', subtle: '#616161' },
        accent: { default: '#5B5FC7', subtle: '#5B5FC7' },
        attention: { default: '#C4314B', subtle: '#C4314B' },
        good: { default: '#237B4B', subtle: '#237B4B' },
        warning: { default: '#835C00', subtle: '#835C00' },
      },
    },
    emphasis: {
      backgroundColor: '#F5F5F5',
      foregroundColors: { default: { default: '#242424', subtle: '#616161' } },
    },
  },
  actions: {
    maxActions: 6,
    spacing: 'default',
    buttonSpacing: 8,
    showCard: { actionMode: 'inline', inlineTopMargin: 16 },
    actionsOrientation: 'vertical',
    actionAlignment: 'stretch',
  },
  textBlock: { headingLevel: 2 },
};

/**
 * The page: a 360 px card host with no scrollbar gutter (a phone has none; a gutter would
 * make a tall card's page wider than the screen). Buttons and inputs look roughly as in
 * Teams, whose own stylesheet is not public.
 */
const pageHtml = `<!doctype html><html lang="ja"><head><meta charset="utf-8">
<style>
html{scrollbar-width:none}
html,body{margin:0;background:#f5f5f5}
#host{width:${PHONE_WIDTH}px;box-sizing:border-box;background:#fff}
.ac-pushButton{min-height:32px;padding:4px 12px;border:1px solid #d1d1d1;border-radius:4px;background:#fff;color:#242424;font:600 14px sans-serif;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.ac-input{font:14px sans-serif;box-sizing:border-box;min-height:32px}
.ac-input.ac-multichoiceInput{min-height:0}
</style></head><body><div id="host"></div></body></html>`;

interface CollectedCard {
  readonly name: string;
  readonly card: unknown;
}

/** What was wrong with one rendered card (empty when it fits the phone). */
interface PhoneProblems {
  readonly overflowing: string[];
  readonly smallButtons: string[];
}

async function renderAndCheck(page: Page, card: unknown): Promise<PhoneProblems> {
  return page.evaluate(
    ({ card, hostConfig, minButton }) => {
      const AC = (window as unknown as { AdaptiveCards: typeof import('adaptivecards') })
        .AdaptiveCards;
      const host = document.getElementById('host');
      if (!host) throw new Error('the page has no card host');
      const adaptive = new AC.AdaptiveCard();
      adaptive.hostConfig = new AC.HostConfig(hostConfig);
      adaptive.parse(card);
      const root = adaptive.render();
      if (!root) throw new Error('the renderer drew nothing');
      host.replaceChildren(root);
      const describe = (el: Element) =>
        `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${(el.textContent ?? '').slice(0, 40)}"`;
      const right = host.getBoundingClientRect().right;
      const overflowing: string[] = [];
      for (const el of [root, ...root.querySelectorAll('*')]) {
        const box = el.getBoundingClientRect();
        if (box.width === 0 && box.height === 0) continue;
        // A one-line field scrolls its own value sideways, as in every app; its box must fit.
        const field = el.tagName === 'INPUT' || el.tagName === 'TEXTAREA';
        if (!field && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0)
          overflowing.push(`${describe(el)} needs ${el.scrollWidth}px of ${el.clientWidth}px`);
        else if (box.right > right + 1)
          overflowing.push(`${describe(el)} ends at ${Math.round(box.right)}px`);
        // Text cut at the bottom (maxLines or a fixed height) is clipped too.
        if (el.scrollHeight > el.clientHeight + 1 && getComputedStyle(el).overflowY === 'hidden')
          overflowing.push(`${describe(el)} cut at ${el.clientHeight}px of ${el.scrollHeight}px`);
      }
      // A FactSet squeezes its titles when a value is long: 会議録 drawn as 会/議/録 is
      // unreadable. A title may wrap, but only between words.
      const words = new Intl.Segmenter('ja', { granularity: 'word' });
      for (const title of root.querySelectorAll('.ac-fact-title')) {
        const text = title.textContent ?? '';
        const between = new Set([...words.segment(text)].map((s) => s.index));
        const textNode = document.createTreeWalker(title, NodeFilter.SHOW_TEXT).nextNode();
        if (!textNode) continue;
        const range = document.createRange();
        let lineTop: number | undefined;
        for (let i = 0; i < (textNode.textContent ?? '').length; i++) {
          range.setStart(textNode, i);
          range.setEnd(textNode, i + 1);
          const top = range.getBoundingClientRect().top;
          if (lineTop !== undefined && top > lineTop + 2 && !between.has(i))
            overflowing.push(`fact title "${text}" is broken inside a word at ${i}`);
          lineTop = top;
        }
      }
      const smallButtons = [...root.querySelectorAll('button')]
        .filter((b) => {
          const box = b.getBoundingClientRect();
          const shown = getComputedStyle(b).visibility !== 'hidden' && box.width > 0;
          return !shown || box.height < minButton || box.left < 0 || box.right > right + 1;
        })
        .map((b) => `${describe(b)} ${JSON.stringify(b.getBoundingClientRect())}`);
      return { overflowing, smallButtons };
    },
    { card, hostConfig: teamsLightHostConfig, minButton: MIN_BUTTON_HEIGHT },
  );
}

/** The card with a button for `verb` among what a turn brought (a channel update may come too). */
function withVerb(cards: readonly unknown[], verb: string): unknown {
  const card = cards.find((c) => JSON.stringify(c).includes(`"verb":"${verb}"`));
  assert.ok(card, `no card with a ${verb} button`);
  return card;
}

describe('every card at Teams mobile width (360 px) in Chromium', function () {
  this.timeout(120000);
  const collected: CollectedCard[] = [];
  const drawn = new Set<string>();
  let bot: TestBot;
  let browser: Browser;
  let page: Page;

  /** One turn; every card it brought (sent, also proactively, or in the invoke answer) is kept. */
  async function turn(
    names: string | readonly string[],
    act: () => Promise<PostResult | undefined>,
  ): Promise<unknown[]> {
    const before = bot.connector.calls.length;
    const result = await act();
    const cards = [...cardsOf(bot.connector.calls.slice(before)), ...adaptiveCardsIn(result?.body)];
    const nameOf = (i: number) =>
      typeof names === 'string' ? (cards.length === 1 ? names : `${names}-${i + 1}`) : names[i];
    assert.ok(cards.length > 0, `${String(names)}: the turn brought no card`);
    if (typeof names !== 'string')
      assert.equal(cards.length, names.length, `${String(names)}: cards the turn brought`);
    cards.forEach((card, i) => {
      // A notice sent to ten people is one card to look at.
      const json = JSON.stringify(card);
      if (!drawn.has(json)) collected.push({ name: nameOf(i) ?? `card-${i}`, card });
      drawn.add(json);
    });
    return cards;
  }

  before(async () => {
    // Only this run's screenshots: a card that is gone leaves no old picture behind.
    rmSync(SHOTS, { recursive: true, force: true });
    mkdirSync(SHOTS, { recursive: true });
    // Monday 2 November 2026, 09:00 in Tokyo: 第3回 is on 11/24, #5 is due 11/09.
    const clock = new ManualClock('2026-11-02T00:00:00Z');
    bot = await TestBot.start({ clock });
    const secretary = bot.user('johokanri-kacho@city.example.jp');
    const member = bot.user('kumin-bucho@city.example.jp');
    const chair = bot.user('fukukucho@city.example.jp');
    await bot.install(secretary);
    await bot.install(member);
    await bot.install(chair);
    // Registers the committee channel, so the survey progress card is posted there.
    await bot.say(secretary, 'ヘルプ', { channel: true });
    const say = (name: string, user: TestUser, text: string) =>
      turn(name, () => bot.say(user, text));
    await say('help', secretary, 'ヘルプ');
    const agenda = await say('meeting-agenda', secretary, '次の会議');
    await turn('meeting-cancel', () =>
      bot.execute(
        secretary,
        'meeting.cancelAsk',
        pressed(withVerb(agenda, 'meeting.cancelAsk'), 'meeting.cancelAsk'),
      ),
    );
    await say('meeting-list', secretary, '会議一覧');
    await say('meeting-form', secretary, '会議作成');
    await say('item-list', secretary, '宿題一覧');
    await say('item-detail', secretary, '宿題 #5');
    await say('item-form', secretary, '宿題作成');
    await say('item-batch', secretary, '宿題一括作成 #2');
    await say('item-edit', secretary, '宿題編集 #5');
    await say('year-choice', secretary, '宿題作成 無線LANの見積を取る | 総務部 | 10月20日');
    await say('item-reassign', secretary, '担当変更 #5');
    await say('item-cancel', secretary, '宿題取消 #5');
    await say('survey-admin', secretary, 'アンケート');
    await say('survey-editor', secretary, 'アンケート作成');
    await turn(['survey-form-sent', 'survey-progress'], () =>
      bot.say(secretary, 'アンケート送信 1'),
    );
    await say('survey-results', secretary, '結果 1');
    await say('policy-list', secretary, 'ルール一覧');
    await say('policy-answer', secretary, 'ルール 区長部局で使えるWeb会議ツールは？');
    await say('policy-edit', secretary, 'ルール追加');
    await say('outbox', secretary, '送信失敗');
    await say('minutes-paste', secretary, '議事録取込');
    const review = await say('minutes-review', secretary, `議事録取込\n${MINUTES}`);
    await turn('minutes-done', () =>
      bot.execute(
        secretary,
        'minutes.confirm',
        pressed(withVerb(review, 'minutes.confirm'), 'minutes.confirm'),
      ),
    );
    const ping = await say('item-ping', member, '自分の宿題');
    const form = await say('survey-form', member, 'アンケート');
    await turn('survey-answered', () =>
      bot.execute(
        member,
        'survey.submit',
        pressed(withVerb(form, 'survey.submit'), 'survey.submit', {
          rank1: 'rpa',
          rank2: 'telework',
          rank3: 'web-meetings',
        }),
      ),
    );
    const notFound = await say('policy-not-found', member, 'ルール 猫を飼ってもいい？');
    await turn('policy-question', () =>
      bot.execute(member, 'policy.ask', pressed(withVerb(notFound, 'policy.ask'), 'policy.ask')),
    );
    await say('policy-reply', secretary, 'ルール回答 q1 ペットの持ち込みは認めていません。');
    await say('meeting-delegate', member, '代理');
    await say('attendance', member, '出欠');
    await say('intent-choice', member, '令和');
    // #5 runs three business days late: the chair and the secretariat are told.
    const beforeScheduler = collected.length;
    await turn('scheduled', async () => {
      await runUntil(clock, bot.services.scheduler, '2026-11-12T00:30:00Z');
      return undefined;
    });
    const scheduled = collected.splice(beforeScheduler);
    // One of each kind of card the scheduler sends, known by its heading.
    const kinds = new Map(scheduled.map((c) => [visibleText(c.card).split('\n')[0] ?? '', c.card]));
    const names: Record<string, string> = {
      今週の宿題: 'item-digest',
      宿題の確認: 'item-ping-scheduled',
      '期限切れの宿題（3営業日以上）': 'items-escalation',
    };
    assert.deepEqual([...kinds.keys()], Object.keys(names));
    for (const [heading, card] of kinds) collected.push({ name: names[heading] ?? heading, card });
    await turn('item-done', () =>
      bot.execute(member, 'item.done', pressed(withVerb(ping, 'item.done'), 'item.done')),
    );

    browser = await launchChromium();
    page = await browser.newPage({
      viewport: { width: PHONE_WIDTH, height: 780 },
      locale: 'ja-JP',
    });
    await page.setContent(pageHtml);
    // The TypeScript loader wraps named functions in `__name(...)`; the page needs it too.
    await page.evaluate('globalThis.__name = (fn) => fn');
    await page.addScriptTag({ path: require.resolve('adaptivecards/dist/adaptivecards.min.js') });
    // Teams renders markdown itself; plain text is what the checks need.
    await page.evaluate(() => {
      const AC = (window as unknown as { AdaptiveCards: typeof import('adaptivecards') })
        .AdaptiveCards;
      AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
        const holder = document.createElement('span');
        holder.textContent = text;
        result.outputHtml = holder.innerHTML;
        result.didProcess = true;
      };
    });
  });
  after(async () => {
    await browser?.close();
    await bot?.stop();
  });

  it('fits every card on the phone: nothing wider than 360 px, no clipped text, thumb-sized buttons', async () => {
    assert.ok(collected.length >= 40, `collected ${collected.length} cards`);
    const failures: string[] = [];
    for (const { name, card } of collected) {
      const problems = await renderAndCheck(page, card);
      await page.locator('#host').screenshot({ path: `${SHOTS}/${name}.png` });
      for (const p of problems.overflowing) failures.push(`${name}: overflows: ${p}`);
      for (const b of problems.smallButtons) failures.push(`${name}: button: ${b}`);
    }
    assert.deepEqual(failures, []);
  });

  it('sees what does not fit: a cut line, a fixed-width column, a title broken mid-word, a flat button', async () => {
    const problems = await renderAndCheck(page, {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [
        { type: 'TextBlock', text: '行政情報化推進本部の令和8年度第3回会議の議事次第と資料一覧' },
        {
          type: 'ColumnSet',
          columns: [
            { type: 'Column', width: '300px', items: [{ type: 'TextBlock', text: 'a' }] },
            { type: 'Column', width: '300px', items: [{ type: 'TextBlock', text: 'b' }] },
          ],
        },
        {
          type: 'FactSet',
          facts: [{ title: '公開の可否（会議録）', value: '一部非公開（理由: '.repeat(6) }],
        },
      ],
      actions: [{ type: 'Action.Submit', title: '登録する', style: 'positive' }],
    });
    const seen = problems.overflowing.join('\n');
    assert.match(seen, /ac-textBlock "行政情報化推進本部.*needs \d+px of 328px/);
    assert.match(seen, /ends at \d+px/);
    assert.match(seen, /fact title "公開の可否（会議録）" is broken inside a word/);
    await page.addStyleTag({ content: '.flat .ac-pushButton{min-height:0;height:20px}' });
    await page.evaluate(() => document.getElementById('host')?.classList.add('flat'));
    try {
      const flat = await renderAndCheck(page, {
        type: 'AdaptiveCard',
        version: '1.5',
        body: [],
        actions: [{ type: 'Action.Submit', title: '登録する' }],
      });
      assert.equal(flat.smallButtons.length, 1);
    } finally {
      await page.evaluate(() => document.getElementById('host')?.classList.remove('flat'));
    }
  });
});
