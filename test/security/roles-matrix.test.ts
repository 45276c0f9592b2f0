import { strict as assert } from 'node:assert';
import type { ActionItem } from '../../src/items/item.js';
import { ManualClock } from '../harness/manual-clock.js';
import { adaptiveCardsIn } from '../harness/cards.js';
import { FakeEntra } from '../harness/sso.js';
import { TabServer } from '../harness/tab-server.js';
import { TestBot, cardsOf, textsOf, visibleText, type PostResult } from '../harness/test-bot.js';

/**
 * The role × action matrix: one table says, for every chat command, card verb,
 * tab API call and download link that guards something, which of six people may
 * use it. Every cell is run and must be allowed or refused as the table says.
 * The item at stake is 文化商工部's share of minutes item 6 (telework), which
 * its head has written a progress note on.
 */
const ROLES = ['chair', 'secretariat', 'owner', 'otherMember', 'delegate', 'guest'] as const;
type Role = (typeof ROLES)[number];

const PEOPLE: Record<Role, { upn: string; oid: string }> = {
  chair: { upn: 'fukukucho@city.example.jp', oid: 'aad-chair-0001' },
  secretariat: { upn: 'johokanri-kacho@city.example.jp', oid: 'aad-sec-0001' },
  owner: { upn: 'bunkashoko-bucho@city.example.jp', oid: 'aad-bunka-0001' },
  otherMember: { upn: 'kumin-bucho@city.example.jp', oid: 'aad-kumin-0001' },
  delegate: { upn: 'bunkadesign-kacho@city.example.jp', oid: 'aad-bunka-0002' },
  guest: { upn: 'visitor@partner.example.com', oid: 'aad-guest-0001' },
};

const NOTE = '庁内でテレワーク対象の業務を洗い出し中 非公開メモ';
const REASON = '端末の調達待ち 非公開の理由';

/** What one attempt produced, for the row's judge. */
interface Outcome {
  readonly status: number;
  /** Everything the person could read: texts, card texts, response bodies. */
  readonly text: string;
  readonly cards: readonly unknown[];
  /** How many progress notes the item had before and after. */
  readonly notes?: { readonly before: number; readonly after: number };
}

interface World {
  readonly bot: TestBot;
  readonly tab: TabServer;
  readonly entra: FakeEntra;
  /** The owning department's item (bunka's share of item 6). */
  item(): Promise<ActionItem>;
  readonly departmentId: string;
  readonly surveyId: string;
}

interface Row {
  readonly surface: 'chat' | 'card' | 'tab' | 'link';
  readonly action: string;
  readonly allowed: readonly Role[];
  readonly run: (world: World, role: Role) => Promise<Outcome>;
  /** True when the outcome shows the action was carried out. */
  readonly done: (outcome: Outcome) => boolean;
}

const staff: readonly Role[] = ['chair', 'secretariat'];
const owningDepartment: readonly Role[] = [...staff, 'owner', 'delegate'];
const directory: readonly Role[] = [...owningDepartment, 'otherMember'];
const everyone: readonly Role[] = ROLES;

function outcomeOf(result: PostResult): Outcome {
  const cards = [...cardsOf(result.sent), ...adaptiveCardsIn(result.body)];
  const value = (result.body as { value?: unknown } | undefined)?.value;
  return {
    status: result.status,
    text: [
      ...textsOf(result.sent),
      ...cards.map(visibleText),
      typeof value === 'string' ? value : '',
    ].join('\n'),
    cards,
  };
}

const say = (text: (w: World) => Promise<string> | string) => async (w: World, role: Role) =>
  outcomeOf(await w.bot.say(w.bot.user(PEOPLE[role].upn), await text(w)));

const press =
  (verb: string, data: (w: World) => Promise<Record<string, unknown>>) =>
  async (w: World, role: Role) =>
    outcomeOf(await w.bot.execute(w.bot.user(PEOPLE[role].upn), verb, await data(w)));

/** Runs `attempt` and counts the item's progress notes around it. */
const countingNotes =
  (attempt: (w: World, role: Role) => Promise<Outcome>) => async (w: World, role: Role) => {
    const before = (await w.item()).progress.length;
    const outcome = await attempt(w, role);
    return { ...outcome, notes: { before, after: (await w.item()).progress.length } };
  };

async function tabGet(w: World, role: Role, query: string): Promise<Outcome> {
  const token = await w.entra.token({ ...PEOPLE[role], name: PEOPLE[role].upn }, w.tab.clock.now());
  const { status, body } = await w.tab.get(`/api/tab/dashboard${query}`, token);
  return { status, text: JSON.stringify(body), cards: [] };
}

const itemNumber = async (w: World) => `#${(await w.item()).number}`;

const TABLE: readonly Row[] = [
  // Chat
  {
    surface: 'chat',
    action: 'item #n shows the title',
    allowed: directory,
    run: say(async (w) => `宿題 ${await itemNumber(w)}`),
    done: (o) => o.text.includes('テレワークできる業務とできない業務を整理する'),
  },
  {
    surface: 'chat',
    action: 'item #n shows progress notes and history',
    allowed: owningDepartment,
    run: say(async (w) => `宿題 ${await itemNumber(w)}`),
    done: (o) => o.text.includes(NOTE) && /履歴/.test(o.text),
  },
  {
    surface: 'chat',
    action: '#n 進捗: adds a note',
    allowed: owningDepartment,
    run: countingNotes(say(async (w) => `${await itemNumber(w)} 進捗: 確認しました`)),
    done: (o) => (o.notes?.after ?? 0) > (o.notes?.before ?? 0),
  },
  {
    surface: 'chat',
    // The secretariat's people own the secretariat's items; the chair owns none.
    action: 'my items',
    allowed: ['secretariat', 'owner', 'otherMember', 'delegate'],
    run: say(() => '自分の宿題'),
    done: (o) => o.cards.length > 0,
  },
  {
    surface: 'chat',
    action: 'item list',
    allowed: staff,
    run: say(() => '宿題一覧'),
    done: (o) => o.text.includes('宿題一覧'),
  },
  {
    surface: 'chat',
    action: 'failed sends',
    allowed: staff,
    run: say(() => '送信失敗'),
    done: (o) => o.text.includes('送信できなかったお知らせ'),
  },
  {
    surface: 'chat',
    action: 'survey results',
    allowed: staff,
    run: say(() => 'アンケート結果 1'),
    done: (o) => o.cards.length > 0 && /結果/.test(o.text),
  },
  {
    surface: 'chat',
    action: 'asks a policy question',
    allowed: everyone,
    run: say(() => 'ルール 質問 Web会議は何を使えますか？'),
    done: (o) => /B、C|B, C/.test(o.text),
  },
  // Card verbs
  {
    surface: 'card',
    action: 'item.show shows progress notes and history',
    allowed: owningDepartment,
    run: press('item.show', async (w) => ({ itemId: (await w.item()).id })),
    done: (o) => o.text.includes(NOTE),
  },
  {
    surface: 'card',
    action: 'item.progress adds a note',
    allowed: owningDepartment,
    run: countingNotes(
      press('item.progress', async (w) => ({ itemId: (await w.item()).id, text: 'カードから' })),
    ),
    done: (o) => (o.notes?.after ?? 0) > (o.notes?.before ?? 0),
  },
  {
    surface: 'card',
    action: 'item.edit opens the edit form',
    allowed: staff,
    run: press('item.edit', async (w) => ({ itemId: (await w.item()).id })),
    done: (o) => o.cards.some((c) => JSON.stringify(c).includes('"Input.Text"')),
  },
  {
    surface: 'card',
    action: 'survey.results',
    allowed: staff,
    run: press('survey.results', async (w) => ({ surveyId: w.surveyId })),
    done: (o) => o.cards.length > 0 && /結果/.test(o.text),
  },
  {
    surface: 'card',
    action: 'scheduler.resend',
    allowed: staff,
    run: press('scheduler.resend', async () => ({ jobId: 'job:none' })),
    // Nothing is dead: staff are told so; anyone else is refused before that.
    done: (o) => o.text.includes('再送の対象ではありません'),
  },
  // Tab API
  {
    surface: 'tab',
    action: 'dashboard',
    allowed: everyone,
    run: (w, role) => tabGet(w, role, '?locale=ja'),
    done: (o) => o.status === 200,
  },
  {
    surface: 'tab',
    action: "dashboard of the owning department's items",
    allowed: owningDepartment,
    run: (w, role) => tabGet(w, role, `?locale=ja&department=${w.departmentId}`),
    done: (o) => o.status === 200 && o.text.includes('テレワークできる業務'),
  },
  {
    surface: 'tab',
    action: "dashboard shows the owning department's blocking reason",
    allowed: owningDepartment,
    run: (w, role) => tabGet(w, role, '?locale=ja'),
    done: (o) => o.text.includes(REASON),
  },
  // Download links
  {
    surface: 'link',
    action: 'survey CSV through the link of the results card',
    allowed: staff,
    run: async (w, role) => {
      const result = outcomeOf(
        await w.bot.execute(w.bot.user(PEOPLE[role].upn), 'survey.results', {
          surveyId: w.surveyId,
        }),
      );
      const url = /"url":"([^"]*results\.csv[^"]*)"/.exec(JSON.stringify(result.cards))?.[1];
      if (!url) return { ...result, status: 0 };
      const response = await fetch(url);
      return { status: response.status, text: await response.text(), cards: [] };
    },
    done: (o) => o.status === 200,
  },
];

describe('attack: the role × action matrix', function () {
  this.timeout(120_000);
  let world: World;

  before(async () => {
    const clock = new ManualClock('2026-11-16T01:00:00Z');
    const bot = await TestBot.start({ clock });
    const entra = await FakeEntra.start();
    const tab = await TabServer.start(entra.env());
    const owner = await bot.services.directory.findByUpn(PEOPLE.owner.upn);
    const departmentId = owner?.departmentId ?? '';
    const find = async (services: TestBot['services']) => {
      const found = (await services.items.all()).find(
        (i) =>
          i.owner.kind === 'department' &&
          i.owner.departmentId === departmentId &&
          i.title.includes('テレワーク'),
      );
      assert.ok(found, 'the owning department has its telework item');
      return found;
    };
    const survey = await bot.services.surveys.find('1');
    assert.ok(survey);
    world = { bot, tab, entra, departmentId, surveyId: survey.id, item: () => find(bot.services) };
    const number = (await world.item()).number;
    // The scene: the owner writes a note in chat.
    await bot.say(bot.user(PEOPLE.owner.upn), `#${number} 進捗: ${NOTE}`);
    assert.ok((await world.item()).progress.some((n) => n.text === NOTE));
    // On the tab's server, the same item is blocked with a reason.
    const onTab = await find(tab.honbu.services);
    const ownerActor = await tab.honbu.services.directory.actorFor(
      { aadObjectId: PEOPLE.owner.oid, displayName: '', upn: PEOPLE.owner.upn },
      await tab.honbu.services.directory.findByUpn(PEOPLE.owner.upn),
    );
    const blocked = await tab.honbu.services.items.block(onTab.id, REASON, ownerActor);
    assert.ok(blocked.ok, 'blocked on the tab server');
  });
  after(async () => {
    await world?.bot.stop();
    await world?.tab.stop();
    await world?.entra.stop();
  });

  for (const row of TABLE) {
    it(`${row.surface}: ${row.action} — ${row.allowed.join(', ')}`, async () => {
      const wrong: string[] = [];
      for (const role of ROLES) {
        const outcome = await row.run(world, role);
        const expected = row.allowed.includes(role);
        if (row.done(outcome) !== expected)
          wrong.push(
            `${role}: ${expected ? 'refused' : 'allowed'} (${outcome.status}) ${outcome.text.slice(0, 160)}`,
          );
      }
      assert.deepEqual(wrong, []);
    });
  }
});
