import { strict as assert } from 'node:assert';
import { buttonsOf } from '../items/helpers.js';
import { visibleText } from '../harness/test-bot.js';
import { committee, composeResult, resultsOf, type Committee } from './helpers.js';

const PERSONAL = { conversationType: 'personal', id: 'a:1personal-chat' };
const CHANNEL = {
  isGroup: true,
  conversationType: 'channel',
  id: '19:general@thread.tacv2;messageid=1764032400001',
};

describe('policy search in the compose box (composeExtension/query) over HTTP', () => {
  let c: Committee;
  beforeEach(async () => {
    c = await committee();
  });
  afterEach(() => c.bot.stop());

  const query = (text: string) => ({ parameters: [{ name: 'query', value: text }] });

  it('「web会議」 in a group chat: the direct answer in the preview and leading the card, related entries after', async () => {
    const results = resultsOf(await c.send(c.users.kumin, 'compose-query'));
    const [first, ...rest] = results;
    assert.ok(first);
    assert.equal(first.preview.title, '区長部局のWeb会議ツール');
    assert.equal(first.preview.text, '区長部局で承認済み: B, C');
    const text = visibleText(first.card);
    assert.match(text, /^区長部局で承認済み: B, C/);
    assert.match(text, /出典\n令和2年度 第2回 行政情報化推進本部/);
    assert.ok(buttonsOf(first.card).includes('事務局に質問する'));
    assert.deepEqual(
      rest.map((r) => r.preview.title),
      ['外部の委員が参加するWeb会議', 'ツール A（教育委員会で利用中）'],
    );
    // Picking a result tells Honbu which entry was used (composeExtension/selectItem).
    assert.deepEqual(first.preview.tap, {
      type: 'invoke',
      value: { entryId: 'web-conference-tools-mayor' },
    });
  });

  it('answers in English, and a guest may search too (as in chat)', async () => {
    const [first] = resultsOf(
      await c.send(c.users.guestEn, 'compose-query', query('which web meeting tools are ok')),
    );
    assert.ok(first);
    assert.match(first.preview.text, /Approved for the mayor's departments: B, C/i);
    assert.match(visibleText(first.card), /^Approved for the mayor's departments: B, C/i);
  });

  it('a question the data does not answer: no weak match, but "not in the policy data" and Ask the secretariat', async () => {
    for (const [user, text, title, button] of [
      [c.users.kumin, '駐車場の利用料金は？', 'ルールにはありません', '事務局に質問する'],
      [
        c.users.kuminEn,
        'parking fees for visitors?',
        'Not in the policy data',
        'Ask the secretariat',
      ],
    ] as const) {
      const results = resultsOf(await c.send(user, 'compose-query', query(text)));
      assert.equal(results.length, 1, text);
      const [only] = results;
      assert.ok(only);
      assert.equal(only.preview.title, title);
      assert.match(only.preview.text, /(事務局に質問できます|ask the secretariat)/i);
      assert.equal(visibleText(only.card).split('\n')[0], title);
      assert.ok(buttonsOf(only.card).includes(button));
      assert.equal(only.preview.tap, undefined, 'nothing to count as picked');
    }
  });

  it('an empty search lists the entries, most picked first; picking one inserts its card', async () => {
    const before = resultsOf(await c.send(c.users.kumin, 'compose-query-initial-run'));
    assert.ok(before.length >= 5, `${before.length} entries listed`);
    const last = before.at(-1);
    assert.ok(last);
    const tap = last.preview.tap as { value: Record<string, unknown> };
    const picked = resultsOf(await c.send(c.users.somu, 'compose-select-item', tap.value));
    assert.equal(picked.length, 1);
    assert.equal(picked[0]?.preview.title, last.preview.title);
    assert.equal(visibleText(picked[0]?.card).split('\n')[0], last.preview.text);

    const after = resultsOf(await c.send(c.users.kumin, 'compose-query-initial-run'));
    assert.equal(after[0]?.preview.title, last.preview.title);
    assert.deepEqual(
      after.slice(1).map((r) => r.preview.title),
      before.slice(0, -1).map((r) => r.preview.title),
    );
  });

  it('works in a personal chat and in a team channel as in a group chat', async () => {
    for (const conversation of [PERSONAL, CHANNEL]) {
      const activity = {
        ...(await import('./helpers.js')).fromUser(c.bot, c.users.somu, 'compose-query'),
        conversation: { tenantId: '11111111-2222-3333-4444-555555555555', ...conversation },
      };
      const [first] = resultsOf(await c.bot.post(activity));
      assert.equal(first?.preview.text, '区長部局で承認済み: B, C', conversation.conversationType);
    }
  });

  it('a picked entry that no longer exists inserts nothing', async () => {
    const result = await c.send(c.users.kumin, 'compose-select-item', { entryId: 'no-such-entry' });
    assert.deepEqual(composeResult(result)['attachments'], []);
  });

  it('with no policy data at all, an empty search says so', async () => {
    for (const entry of await c.bot.services.policies.list())
      await c.bot.services.policies.retire(entry.id, { name: 'test' }, undefined);
    const extension = composeResult(await c.send(c.users.kuminEn, 'compose-query-initial-run'));
    assert.deepEqual(extension, { type: 'message', text: 'No policies have been entered yet.' });
  });

  it('scrolling for a second page adds nothing: every result is on the first', async () => {
    const next = await c.send(c.users.kumin, 'compose-query-initial-run', {
      queryOptions: { skip: 8, count: 25 },
    });
    assert.deepEqual(composeResult(next)['attachments'], []);
  });
});
