import { strict as assert } from 'node:assert';
import { loadConfig } from '../../src/config.js';
import type { Actor } from '../../src/domain/directory.js';
import { createHonbu, type Honbu } from '../../src/app/honbu.js';
import { translator } from '../../src/i18n/translate.js';
import type { ActionItem } from '../../src/items/item.js';
import { ACTIVE_STATUSES } from '../../src/items/item.js';
import { ItemRepository } from '../../src/items/repository.js';
import type { ActionItemService } from '../../src/items/service.js';
import { pingCard } from '../../src/items/views.js';
import { assertValidCard } from '../harness/cards.js';
import { ManualClock } from '../harness/manual-clock.js';
import { visibleText } from '../harness/test-bot.js';
import { KUMIN_OPEN } from './helpers.js';

/** 2026-11-02 (Mon) 09:00 in Tokyo; the demo's 第3回 is on 11/24 at 15:00. */
const START = '2026-11-02T00:00:00Z';

describe('action items: service', () => {
  let honbu: Honbu;
  let clock: ManualClock;
  let items: ActionItemService;

  const actor = async (upn: string): Promise<Actor> => {
    const { directory } = honbu.services;
    const person = await directory.findByUpn(upn);
    assert.ok(person, `${upn} is in the demo directory`);
    return directory.actorFor({ aadObjectId: `aad-${upn}`, displayName: upn }, person);
  };
  const numbered = async (n: number): Promise<ActionItem> => {
    const found = await items.find(`#${n}`);
    assert.ok(found, `#${n} exists`);
    return found;
  };

  beforeEach(async () => {
    clock = new ManualClock(START);
    const config = loadConfig({
      STORE_URL: 'memory:',
      LOG_LEVEL: 'silent',
      SCHEDULER_TICK_MS: '0',
    });
    honbu = await createHonbu({ config, clock });
    items = honbu.services.items;
  });
  afterEach(() => honbu.stop());

  describe('demo items from the minutes', () => {
    it('holds the eight items: 6 and 7 fanned out to the ten departments, item 1 as soon as possible and reported at 第3回', async () => {
      const all = await items.list();
      assert.equal(all.length, 5 + 10 + 10 + 1);
      const next = await honbu.services.meetings.find('#2');
      const minutes = await honbu.services.meetings.find('#1');
      assert.ok(next && minutes);

      const first = await numbered(1);
      assert.equal(first.title, '教育委員会とICT環境について調整する');
      assert.deepEqual(first.owner, { kind: 'department', departmentId: 'seisakukeiei' });
      assert.deepEqual(first.due, { kind: 'asap', followUpDays: 3 });
      assert.equal(first.reportMeetingId, next.id);
      assert.equal(first.source?.meetingId, minutes.id);
      assert.match(first.source?.quote ?? '', /早急に、その場を設けたいと思います/);

      const rpa = await numbered(5);
      assert.deepEqual(rpa.owner, { kind: 'department', departmentId: 'kumin' });
      assert.deepEqual(rpa.due, { kind: 'date', date: '2026-11-09' });

      const telework = all.filter((i) => i.title.startsWith('テレワークできる業務'));
      const needs = all.filter((i) => i.title.startsWith('部内でICT化のニーズ'));
      for (const group of [telework, needs]) {
        assert.equal(group.length, 10);
        assert.equal(new Set(group.map((i) => i.groupId)).size, 1, 'one group id per request');
        assert.ok(group[0]?.groupId);
        assert.deepEqual(
          group.map((i) => (i.owner.kind === 'department' ? i.owner.departmentId : '')),
          [
            'somu',
            'kikikanri',
            'kumin',
            'toshiseibi',
            'kaikei',
            'kyoiku',
            'bunkashoko',
            'kankyoseiso',
            'hokenfukushi',
            'kodomokatei',
          ],
        );
        for (const item of group)
          assert.deepEqual(item.due, { kind: 'nextMeeting', meetingId: next.id });
      }
      const wifi = await numbered(26);
      assert.equal(wifi.title, '会議室の無線LAN（Wi-Fi）環境の強化を検討する');

      const comments = await numbered(3);
      assert.equal(comments.status, 'done');
      assert.deepEqual(
        comments.history.map((h) => h.change.type),
        ['created', 'progress', 'status'],
      );
      assert.ok(comments.history.every((h) => h.by === 'system'));
    });

    it('moving 第3回 moves every "next meeting" due with it; cancelling it leaves those dues unset', async () => {
      const secretary = await actor('johokanri-kacho@city.example.jp');
      const next = await honbu.services.meetings.find('#2');
      assert.ok(next);
      const telework = await numbered(6);
      const before = await items.effectiveDue(telework);
      assert.equal(before.kind === 'date' && before.date, '2026-11-24');

      const moved = await honbu.services.meetings.change(
        next.id,
        { startsAt: '2026-12-01T06:00:00Z', endsAt: '2026-12-01T07:00:00Z' },
        'johokanri-kacho@city.example.jp',
      );
      assert.ok(moved.ok);
      const after = await items.effectiveDue(telework);
      assert.equal(after.kind === 'date' && after.date, '2026-12-01');

      await honbu.services.meetings.cancel(next.id, '延期', secretary.person?.id ?? '');
      assert.deepEqual(await items.effectiveDue(telework), {
        kind: 'meetingGone',
        meetingId: next.id,
      });
    });
  });

  describe('who may change an item', () => {
    it('the owning department head, its delegate, the secretariat and the chair may; another department may not, and nothing is stored', async () => {
      const kumin = await actor('kumin-bucho@city.example.jp');
      const somu = await actor('somu-bucho@city.example.jp');
      const bunkaDelegate = await actor('bunkadesign-kacho@city.example.jp');
      const chair = await actor('fukukucho@city.example.jp');
      const rpa = await numbered(5);

      const refused = await items.markDone(rpa.id, somu);
      assert.deepEqual(refused.ok ? 'stored' : refused.reason, 'notAllowed');
      assert.deepEqual(await items.get(rpa.id), rpa, 'nothing changed');

      assert.ok((await items.addProgress(rpa.id, 'RPAの内容を確認中', kumin)).ok);
      const bunka = (await items.list()).find(
        (i) => i.owner.kind === 'department' && i.owner.departmentId === 'bunkashoko',
      );
      assert.ok(bunka);
      assert.ok(
        (await items.startWork(bunka.id, bunkaDelegate)).ok,
        'a delegate acts for the department',
      );
      assert.equal((await items.startWork(bunka.id, kumin)).ok, false);
      assert.ok((await items.block(rpa.id, '担当者不在', chair)).ok, 'the chair may');

      const kuminReassign = await items.reassign(
        rpa.id,
        { kind: 'department', departmentId: 'somu' },
        kumin,
      );
      assert.equal(
        kuminReassign.ok ? 'stored' : kuminReassign.reason,
        'notAllowed',
        'owners do not reassign',
      );
    });

    it('a person-owned item is changed by that person, not by the head of another department', async () => {
      const secretary = await actor('johokanri-kacho@city.example.jp');
      const created = await items.create(
        {
          title: '区政連絡会のWeb会議化を検討する',
          detail: '',
          owner: { kind: 'person', personId: 'kumin-bucho@city.example.jp' },
          due: { kind: 'date', date: '2026-12-01' },
        },
        secretary,
      );
      assert.ok(created.ok);
      assert.ok(
        (await items.markDone(created.item.id, await actor('kumin-bucho@city.example.jp'))).ok,
      );
      const again = await items.markDone(
        created.item.id,
        await actor('kumin-bucho@city.example.jp'),
      );
      assert.equal(again.ok ? 'stored' : again.reason, 'closed');
      const other = await items.create({ ...created.item, title: '別件' }, secretary);
      assert.ok(other.ok);
      const refused = await items.markDone(
        other.item.id,
        await actor('somu-bucho@city.example.jp'),
      );
      assert.equal(refused.ok ? 'stored' : refused.reason, 'notAllowed');
    });
  });

  describe('changes and history', () => {
    it('records who changed what and when, for every kind of change', async () => {
      const secretary = await actor('johokanri-kacho@city.example.jp');
      const kumin = await actor('kumin-bucho@city.example.jp');
      const rpa = await numbered(5);
      clock.advance(60_000);
      assert.ok((await items.startWork(rpa.id, kumin)).ok);
      assert.ok((await items.addProgress(rpa.id, 'H所に確認しました', kumin)).ok);
      const snoozed = await items.snooze(rpa.id, 3, kumin);
      assert.ok(snoozed.ok);
      assert.equal(
        snoozed.item.snoozedUntil,
        '2026-11-05T00:00:00.000Z',
        '09:00 in Tokyo three days later',
      );
      assert.ok((await items.block(rpa.id, 'H所の担当が不在', kumin)).ok);
      assert.ok(
        (
          await items.edit(
            rpa.id,
            { due: { kind: 'date', date: '2026-11-20' }, title: 'RPAの報告' },
            secretary,
          )
        ).ok,
      );
      assert.ok(
        (await items.reassign(rpa.id, { kind: 'department', departmentId: 'somu' }, secretary)).ok,
      );
      const done = await items.markDone(rpa.id, await actor('somu-bucho@city.example.jp'));
      assert.ok(done.ok);
      const item = done.item;
      assert.equal(item.status, 'done');
      assert.equal(item.blockedReason, undefined, 'a done item is no longer blocked');
      assert.equal(item.snoozedUntil, undefined);
      assert.deepEqual(
        item.history.map((h) => [h.by, h.change.type]),
        [
          ['system', 'created'],
          ['kumin-bucho@city.example.jp', 'status'],
          ['kumin-bucho@city.example.jp', 'progress'],
          ['kumin-bucho@city.example.jp', 'snoozed'],
          ['kumin-bucho@city.example.jp', 'status'],
          ['johokanri-kacho@city.example.jp', 'edited'],
          ['johokanri-kacho@city.example.jp', 'dueChanged'],
          ['johokanri-kacho@city.example.jp', 'reassigned'],
          ['somu-bucho@city.example.jp', 'status'],
        ],
      );
      assert.deepEqual(item.history[4]?.change, {
        type: 'status',
        from: 'inProgress',
        to: 'blocked',
        reason: 'H所の担当が不在',
      });
      assert.deepEqual(item.history[6]?.change, {
        type: 'dueChanged',
        from: { kind: 'date', date: '2026-11-09' },
        to: { kind: 'date', date: '2026-11-20' },
      });
      assert.equal(item.history[1]?.at, '2026-11-02T00:01:00.000Z');
    });

    it('refuses bad input with a reason and stores nothing', async () => {
      const secretary = await actor('johokanri-kacho@city.example.jp');
      const kumin = await actor('kumin-bucho@city.example.jp');
      const rpa = await numbered(5);
      const reason = async (p: Promise<{ ok: boolean; reason?: string }>) => {
        const r = await p;
        return r.ok ? 'stored' : r.reason;
      };
      assert.equal(await reason(items.addProgress(rpa.id, '   ', kumin)), 'noteMissing');
      assert.equal(await reason(items.addProgress(rpa.id, 'x'.repeat(1001), kumin)), 'noteTooLong');
      assert.equal(await reason(items.block(rpa.id, '', kumin)), 'reasonMissing');
      assert.equal(await reason(items.snooze(rpa.id, 0, kumin)), 'badSnooze');
      assert.equal(await reason(items.snooze(rpa.id, 31, kumin)), 'badSnooze');
      assert.equal(await reason(items.edit(rpa.id, { title: ' ' }, secretary)), 'titleMissing');
      assert.equal(
        await reason(items.edit(rpa.id, { due: { kind: 'date', date: '2026-02-30' } }, secretary)),
        'badDate',
      );
      assert.equal(
        await reason(
          items.edit(rpa.id, { due: { kind: 'nextMeeting', meetingId: 'mtg_nope' } }, secretary),
        ),
        'unknownMeeting',
      );
      assert.equal(
        await reason(
          items.reassign(rpa.id, { kind: 'department', departmentId: 'nope' }, secretary),
        ),
        'unknownOwner',
      );
      assert.equal(await reason(items.markDone('item_nope', kumin)), 'notFound');
      assert.deepEqual(await items.get(rpa.id), rpa);

      const before = (await items.list()).length;
      const many = await items.createMany(
        [
          {
            title: '一件目',
            detail: '',
            owner: { kind: 'department', departmentId: 'somu' },
            due: { kind: 'asap', followUpDays: 7 },
          },
          {
            title: '二件目',
            detail: '',
            owner: { kind: 'department', departmentId: 'somu' },
            due: { kind: 'asap', followUpDays: 0 },
          },
        ],
        secretary,
      );
      assert.deepEqual(many, { ok: false, reason: 'badFollowUp', index: 1 });
      assert.equal((await items.list()).length, before, 'one bad draft creates none');
      const member = await items.create(
        {
          title: 'x',
          detail: '',
          owner: { kind: 'department', departmentId: 'somu' },
          due: { kind: 'asap', followUpDays: 7 },
        },
        kumin,
      );
      assert.equal(member.ok ? 'stored' : member.reason, 'notAllowed');
    });

    it('never loses a change made at the same time as another', async () => {
      const kumin = await actor('kumin-bucho@city.example.jp');
      const secretary = await actor('johokanri-kacho@city.example.jp');
      const rpa = await numbered(5);
      const results = await Promise.all([
        ...Array.from({ length: 20 }, (_, i) =>
          items.addProgress(rpa.id, `メモ${i}`, i % 2 ? kumin : secretary),
        ),
        items.snooze(rpa.id, 1, kumin),
        items.edit(rpa.id, { detail: '詳細を更新' }, secretary),
      ]);
      assert.ok(results.every((r) => r.ok));
      const stored = await items.get(rpa.id);
      assert.equal(stored?.progress.length, 20);
      assert.equal(stored?.detail, '詳細を更新');
      assert.ok(stored?.snoozedUntil);
      assert.equal(stored?.history.filter((h) => h.change.type === 'progress').length, 20);
    });
  });

  describe('reopening', () => {
    const problem = (r: { ok: boolean; reason?: string }) => (r.ok ? 'stored' : r.reason);

    it('a done item goes back to the status it had, without doneAt, with a status entry and the reason', async () => {
      const kumin = await actor('kumin-bucho@city.example.jp');
      const rpa = await numbered(5);
      assert.ok((await items.markDone(rpa.id, kumin)).ok);
      clock.advance(60_000);
      const reopened = await items.reopen(rpa.id, kumin, '  誤って完了にしました ');
      assert.ok(reopened.ok);
      assert.equal(reopened.item.status, 'open');
      assert.equal(reopened.item.doneAt, undefined);
      assert.deepEqual(reopened.item.history.at(-1), {
        at: '2026-11-02T00:01:00.000Z',
        by: 'kumin-bucho@city.example.jp',
        change: { type: 'status', from: 'done', to: 'open', reason: '誤って完了にしました' },
      });

      assert.ok((await items.startWork(rpa.id, kumin)).ok);
      assert.ok((await items.markDone(rpa.id, kumin)).ok);
      const again = await items.reopen(rpa.id, kumin);
      assert.ok(again.ok);
      assert.equal(again.item.status, 'inProgress', 'the status before the latest closing');
      assert.deepEqual(again.item.history.at(-1)?.change, {
        type: 'status',
        from: 'done',
        to: 'inProgress',
      });
    });

    it('a blocked item comes back blocked with its reason from history, or in progress when history has none', async () => {
      const kumin = await actor('kumin-bucho@city.example.jp');
      const rpa = await numbered(5);
      assert.ok((await items.block(rpa.id, 'H所の担当が不在', kumin)).ok);
      assert.ok((await items.block(rpa.id, '予算が未確定', kumin)).ok);
      assert.ok((await items.markDone(rpa.id, kumin)).ok);
      const reopened = await items.reopen(rpa.id, kumin);
      assert.ok(reopened.ok);
      assert.equal(reopened.item.status, 'blocked');
      assert.equal(reopened.item.blockedReason, '予算が未確定', 'the latest reason');
      assert.deepEqual(reopened.item.history.at(-1)?.change, {
        type: 'status',
        from: 'done',
        to: 'blocked',
      });

      // A record written before reasons were kept: blocked, then done, no reason anywhere.
      assert.ok((await items.markDone(rpa.id, kumin)).ok);
      await new ItemRepository(honbu.services.store).update(rpa.id, (current) => ({
        ...current,
        history: current.history.map((h) =>
          h.change.type === 'status' && h.change.to === 'blocked'
            ? { ...h, change: { type: 'status', from: h.change.from, to: 'blocked' } }
            : h,
        ),
      }));
      const noReason = await items.reopen(rpa.id, kumin);
      assert.ok(noReason.ok);
      assert.equal(noReason.item.status, 'inProgress');
      assert.equal(noReason.item.blockedReason, undefined);
    });

    it('a cancelled item is reopened by the secretariat and the chair only; its cancel reason goes', async () => {
      const secretary = await actor('johokanri-kacho@city.example.jp');
      const chair = await actor('fukukucho@city.example.jp');
      const kumin = await actor('kumin-bucho@city.example.jp');
      const rpa = await numbered(5);
      assert.ok((await items.startWork(rpa.id, kumin)).ok);
      assert.ok((await items.cancel(rpa.id, '不要になった', secretary)).ok);
      const cancelled = await numbered(5);
      assert.equal(problem(await items.reopen(rpa.id, kumin)), 'reopenStaffOnly');
      assert.deepEqual(await numbered(5), cancelled, 'nothing stored');
      assert.equal(items.mayReopen(kumin, cancelled), false);
      assert.equal(items.mayReopen(chair, cancelled), true);

      const reopened = await items.reopen(rpa.id, secretary, '取消は誤り');
      assert.ok(reopened.ok);
      assert.equal(reopened.item.status, 'inProgress');
      assert.equal(reopened.item.cancelReason, undefined);
      assert.deepEqual(reopened.item.history.at(-1)?.change, {
        type: 'status',
        from: 'cancelled',
        to: 'inProgress',
        reason: '取消は誤り',
      });
      assert.ok((await items.cancel(rpa.id, '', chair)).ok);
      assert.ok((await items.reopen(rpa.id, chair)).ok);
    });

    it('refuses what cannot be reopened, with a reason, and stores nothing', async () => {
      const kumin = await actor('kumin-bucho@city.example.jp');
      const somu = await actor('somu-bucho@city.example.jp');
      const secretary = await actor('johokanri-kacho@city.example.jp');
      const rpa = await numbered(5);
      assert.equal(problem(await items.reopen(rpa.id, kumin)), 'notClosed');
      assert.ok((await items.markDone(rpa.id, kumin)).ok);
      const done = await numbered(5);
      assert.equal(problem(await items.reopen(rpa.id, somu)), 'notAllowed');
      assert.equal(problem(await items.reopen(rpa.id, kumin, 'x'.repeat(501))), 'reasonTooLong');
      assert.equal(problem(await items.reopen('item_nope', kumin)), 'notFound');
      assert.deepEqual(await numbered(5), done);

      // Demo item #3 was created and done by the system: it starts again as open.
      const comments = await items.reopen((await numbered(3)).id, secretary);
      assert.ok(comments.ok);
      assert.equal(comments.item.status, 'open');
    });

    it('two reopens at the same time: one is recorded, the other is told it is no longer closed', async () => {
      const kumin = await actor('kumin-bucho@city.example.jp');
      const secretary = await actor('johokanri-kacho@city.example.jp');
      const rpa = await numbered(5);
      assert.ok((await items.markDone(rpa.id, kumin)).ok);
      const results = await Promise.all([
        items.reopen(rpa.id, kumin),
        items.reopen(rpa.id, secretary),
        items.addProgress(rpa.id, '再開後のメモ', kumin),
      ]);
      assert.deepEqual(results.slice(0, 2).map(problem).sort(), ['notClosed', 'stored']);
      const stored = await numbered(5);
      const reopens = stored.history.filter(
        (h) => h.change.type === 'status' && h.change.from === 'done',
      );
      assert.equal(reopens.length, 1);
      // The note lands after the reopen, or is refused before it: never lost silently.
      const note = results[2];
      assert.ok(note);
      assert.equal(stored.progress.length, note.ok ? 1 : 0);
      if (!note.ok) assert.equal(note.reason, 'closed');
    });
  });

  describe('lists', () => {
    it("my items: the department's open items, late first; overdue and filters", async () => {
      const kumin = await actor('kumin-bucho@city.example.jp');
      const mine = await items.listOpenForActor(kumin);
      assert.deepEqual(
        mine.map((v) => v.item.title),
        KUMIN_OPEN,
        'the RPA report (due 11/9) before the two next-meeting items (11/24)',
      );
      clock.set('2026-11-10T00:00:00Z');
      const late = await items.overdue();
      assert.deepEqual(
        late.map((v) => v.item.number),
        [5],
      );
      assert.equal((await items.listOpenForActor(kumin))[0]?.overdue, true);
      await items.markDone((await numbered(5)).id, kumin);
      assert.deepEqual(await items.overdue(), []);
      assert.equal((await items.list({ statuses: ['done'] })).length, 2);
      assert.equal(
        (await items.list({ departmentId: 'seisakukeiei', statuses: ACTIVE_STATUSES })).length,
        4,
      );
    });

    it('summary for 第3回: what was done, what is late, what is still open', async () => {
      const next = await honbu.services.meetings.find('#2');
      assert.ok(next);
      clock.set('2026-11-10T00:00:00Z');
      const summary = await items.summaryFor(next.id);
      assert.ok(summary);
      assert.deepEqual(
        summary.done.map((v) => v.item.number),
        [3],
      );
      assert.deepEqual(
        summary.late.map((v) => v.item.number),
        [5],
      );
      assert.equal(summary.open.length, 26 - 2);
    });

    it('remembers the items a person was last pinged about', async () => {
      await items.rememberPinged('kumin-bucho@city.example.jp', ['item_a', 'item_b']);
      assert.deepEqual((await items.lastPinged('kumin-bucho@city.example.jp'))?.itemIds, [
        'item_a',
        'item_b',
      ]);
      await items.rememberPinged('kumin-bucho@city.example.jp', ['item_c']);
      assert.deepEqual((await items.lastPinged('kumin-bucho@city.example.jp'))?.itemIds, [
        'item_c',
      ]);
    });
  });

  describe('ping card', () => {
    it("shows each item with due, source quote and the owner's buttons, in Japanese and English", async () => {
      const kumin = await actor('kumin-bucho@city.example.jp');
      const views = await items.listOpenForActor(kumin);
      for (const locale of ['ja', 'en'] as const) {
        const card = pingCard(views, { locale, t: translator(locale), timeZone: 'Asia/Tokyo' });
        assertValidCard(card, `ping card (${locale})`);
        const text = visibleText(card);
        assert.match(text, /#5 H所のRPAの取組内容と成果を事務局に報告する/);
        assert.match(text, /具体的にどんなことをやって/);
        if (locale === 'ja') {
          assert.match(text, /令和8年11月9日（月）/);
          assert.match(text, /次回の本部（令和8年11月24日（火））/);
          for (const label of ['完了', '進捗を書く', '延期', '1日', '3日', '1週間', '対応できない'])
            assert.ok(text.includes(label), label);
        } else {
          assert.match(text, /2026-11-09 \(Mon\)/);
          for (const label of [
            'Done',
            'Add progress',
            'Snooze',
            '1 day',
            '3 days',
            '1 week',
            'Blocked',
          ])
            assert.ok(text.includes(label), label);
        }
      }
    });
  });
});
