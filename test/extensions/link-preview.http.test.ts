import { strict as assert } from 'node:assert';
import { buttonsOf } from '../items/helpers.js';
import { visibleText } from '../harness/test-bot.js';
import {
  BASE_URL,
  committee,
  composeResult,
  resultsOf,
  type Committee,
  type ResultItem,
} from './helpers.js';

const RPA = 'H所のRPAの取組内容と成果を事務局に報告する';

describe('link previews of Honbu links (composeExtension/queryLink) over HTTP', () => {
  let c: Committee;
  before(async () => {
    c = await committee();
  });
  after(() => c.bot.stop());

  const unfurl = async (user: Committee['users'][keyof Committee['users']], url: string) => {
    const results = resultsOf(await c.send(user, 'compose-query-link', { url }));
    assert.equal(results.length, 1, url);
    return results[0] as ResultItem;
  };
  /** The Action.OpenUrl of a card. */
  const openUrl = (card: unknown): string | undefined =>
    (card as { actions?: Array<{ type: string; url: string }> }).actions?.find(
      (a) => a.type === 'Action.OpenUrl',
    )?.url;

  it('an item link unfurls for its owner with title, owner, status and due, linking to the dashboard', async () => {
    const { card, preview } = await unfurl(c.users.kumin, `${BASE_URL}/tab?item=5`);
    assert.equal(preview.title, `宿題 #5 ${RPA}`);
    assert.match(preview.text, /担当: 区民部/);
    const text = visibleText(card);
    assert.match(text, /^宿題 #5 H所のRPAの取組内容と成果を事務局に報告する/);
    assert.match(text, /担当\n区民部\n状況\n未着手\n期限\n/);
    assert.deepEqual(buttonsOf(card), ['ダッシュボードで開く']);
    assert.equal(openUrl(card), `${BASE_URL}/tab?item=5`);
  });

  it('in English for another department (the outline everyone in the directory reads)', async () => {
    const { card, preview } = await unfurl(c.users.secretaryEn, `${BASE_URL}/tab?item=5`);
    assert.match(preview.title, /^Action item #5 /);
    assert.match(visibleText(card), /Owner\nCitizens Affairs/);
    const somu = await unfurl(c.users.somu, `${BASE_URL}/tab?item=5`);
    assert.match(somu.preview.title, /^宿題 #5 /);
  });

  it('a guest gets a card that says they may not see it, and nothing of the item', async () => {
    for (const [user, title, line] of [
      [c.users.guest, '表示できません', 'この宿題（#5）の内容を見る権限がありません。'],
      [c.users.guestEn, 'Not available to you', 'You may not read action item #5.'],
    ] as const) {
      const { card, preview } = await unfurl(user, `${BASE_URL}/tab?item=5`);
      assert.equal(preview.title, title);
      assert.equal(visibleText(card), `${title}\n${line}`);
      assert.doesNotMatch(JSON.stringify(card), /RPA|区民部|Citizens/);
      assert.deepEqual(buttonsOf(card), []);
    }
  });

  it("a meeting's .ics link unfurls into the meeting for the directory, not for a guest", async () => {
    const next = await c.bot.services.meetings.next();
    assert.ok(next);
    const ics = `${BASE_URL}/meetings/${next.id}.ics`;
    const member = await unfurl(c.users.kumin, ics);
    assert.equal(member.preview.title, '令和8年度 第3回 行政情報化推進本部');
    assert.match(visibleText(member.card), /教育委員会とのICT環境の調整状況について（報告）/);
    assert.match(openUrl(member.card) ?? '', /\/tab\?meeting=/);
    const en = await unfurl(c.users.kuminEn, ics);
    assert.match(en.preview.text, /^When: /);
    const guest = await unfurl(c.users.guest, ics);
    assert.equal(visibleText(guest.card), '表示できません\nこの会議の内容を見る権限がありません。');
  });

  it('survey results links: the chair and the secretariat only', async () => {
    const survey = await c.bot.services.surveys.find('');
    assert.ok(survey);
    const csv = `${BASE_URL}/surveys/${survey.id}/results.csv?expires=1&sig=x`;
    const staff = await unfurl(c.users.chair, csv);
    assert.match(staff.preview.title, /^アンケート \d+: /);
    assert.match(visibleText(staff.card), /回答済み\n\d+ \/ \d+ 部署/);
    const member = await unfurl(c.users.kumin, `${BASE_URL}/tab?survey=${survey.number}`);
    assert.equal(
      visibleText(member.card),
      '表示できません\nこのアンケートの結果を見られるのは本部長と事務局だけです。',
    );
  });

  it('a Honbu link to nothing says so; another site is left to Teams', async () => {
    const gone = await unfurl(c.users.kuminEn, `${BASE_URL}/tab?item=999`);
    assert.equal(gone.preview.title, 'Not found');
    const other = await c.send(c.users.kumin, 'compose-query-link', {
      url: 'https://example.com/tab?item=5',
    });
    assert.deepEqual(composeResult(other)['attachments'], []);
  });
});
