import { strict as assert } from 'node:assert';
import { renderedInputs } from '../harness/cards.js';
import { visibleText } from '../harness/test-bot.js';
import { committee, taskOf, type Committee } from './helpers.js';

describe('"make this an action item" and "new action item" (message actions) over HTTP', () => {
  let c: Committee;
  beforeEach(async () => {
    c = await committee();
  });
  afterEach(() => c.bot.stop());

  /** The message was written by 区民部長, whom Honbu knows by their Azure AD id. */
  const byKumin = async () => {
    await c.bot.say(c.users.kumin, 'ヘルプ');
    return {
      messagePayload: {
        ...(
          (await import('./helpers.js')).fixture('compose-fetch-task-message')['value'] as {
            messagePayload: Record<string, unknown>;
          }
        ).messagePayload,
        from: { user: { id: c.users.kumin.aadObjectId, displayName: '区民部長' } },
      },
    };
  };

  it('the secretariat gets the form prefilled: text, the head author’s department, next meeting, the link', async () => {
    const task = taskOf(
      await c.send(c.users.secretary, 'compose-fetch-task-message', await byKumin()),
    );
    assert.equal(task.title, 'この投稿を宿題にする');
    const inputs = Object.fromEntries(renderedInputs(task.card).map((i) => [i.id, i.value]));
    assert.equal(inputs['title'], 'H所のRPAの取組内容と成果を 事務局に報告します。');
    assert.equal(
      inputs['detail'],
      'H所のRPAの取組内容と成果を 事務局に報告します。\n6月から試行中です。',
    );
    assert.equal(inputs['owner'], 'department:kumin');
    assert.match(String(inputs['due']), /^next:/);
    const text = visibleText(task.card);
    assert.match(text, /次回の本部（令和8年11月24日（火））/);
    assert.match(text, /投稿者（区民部長）の部署を担当にしています。/);
    assert.match(text, /出典/);
    // Shown as typed characters, never as a live link someone else wrote.
    assert.match(text, /teams.microsoft.com\/l\/message\//u);
  });

  it('submitting creates the item through the items service, with the source link kept', async () => {
    const before = (await c.bot.services.items.list()).length;
    const done = taskOf(await c.send(c.users.secretary, 'compose-submit-action'));
    assert.match(
      done.message ?? '',
      /^宿題 #(\d+)「H所のRPAの取組内容と成果を報告する」を作成しました（担当: 区民部、期限: 令和8年12月14日（月））/,
    );
    const items = await c.bot.services.items.list();
    assert.equal(items.length, before + 1);
    const created = items.find((i) => i.title === 'H所のRPAの取組内容と成果を報告する');
    assert.ok(created);
    assert.deepEqual(created.owner, { kind: 'department', departmentId: 'kumin' });
    assert.deepEqual(created.due, { kind: 'date', date: '2026-12-14' });
    assert.match(
      created.detail,
      /6月から試行中です。\n\n出典: https:\/\/teams\.microsoft\.com\/l\/message\//,
    );
    assert.equal(created.createdBy, 'johokanri-kacho@city.example.jp');
    // The usual pings: the item is open, so the owner's pings and digests list it.
    const open = await c.bot.services.items.listOpenFor('kumin');
    assert.ok(open.some((v) => v.item.id === created.id));
  });

  it('in English, "next meeting" as the due; a missing owner brings the form back with the reason', async () => {
    const next = await c.bot.services.meetings.next();
    assert.ok(next);
    const missing = taskOf(
      await c.send(c.users.secretaryEn, 'compose-submit-action', {
        commandId: 'newItem',
        commandContext: 'compose',
        data: { title: 'Survey comment field', owner: '', due: `next:${next.id}` },
      }),
    );
    assert.equal(missing.title, 'New action item');
    assert.match(visibleText(missing.card), /^Choose the owner\./);
    const done = taskOf(
      await c.send(c.users.secretaryEn, 'compose-submit-action', {
        commandId: 'newItem',
        commandContext: 'compose',
        data: {
          title: 'Survey comment field',
          owner: 'department:seisakukeiei',
          due: `next:${next.id}`,
        },
      }),
    );
    assert.match(
      done.message ?? '',
      /^Created action item #\d+ "Survey comment field" \(owner: Policy and Management, due: Next HQ meeting \(2026-11-24 \(Tue\)\)\)/,
    );
  });

  it('a date due needs its date; a source that is not a web link is dropped', async () => {
    const before = (await c.bot.services.items.list()).length;
    const again = taskOf(
      await c.send(c.users.chair, 'compose-submit-action', {
        data: { title: 'x', owner: 'department:kumin', due: 'date', dueDate: '' },
      }),
    );
    assert.match(visibleText(again.card), /^期限の日付を選んでください。/);
    const done = taskOf(
      await c.send(c.users.chair, 'compose-submit-action', {
        data: {
          title: 'x',
          owner: 'department:kumin',
          due: 'date',
          dueDate: '2026-12-01',
          source: 'javascript:alert(1)',
        },
      }),
    );
    assert.match(done.message ?? '', /^宿題 #\d+「x」を作成しました/);
    const items = await c.bot.services.items.list();
    assert.equal(items.length, before + 1);
    assert.doesNotMatch(items.find((i) => i.title === 'x')?.detail ?? '', /javascript/);
  });

  it('a department head or a guest is refused with a clear card, and nothing is created', async () => {
    const before = (await c.bot.services.items.list()).length;
    for (const [user, text] of [
      [c.users.guest, /名簿に登録された方のみ/],
      [c.users.kumin, /本部長または事務局/],
      [c.users.guestEn, /for people in the committee directory/],
    ] as const) {
      const opened = taskOf(await c.send(user, 'compose-fetch-task-message'));
      assert.match(visibleText(opened.card), text, user.name);
      assert.deepEqual(renderedInputs(opened.card), [], 'no form');
      const submitted = taskOf(await c.send(user, 'compose-submit-action'));
      assert.match(visibleText(submitted.card), text);
    }
    assert.equal((await c.bot.services.items.list()).length, before);
  });
});
