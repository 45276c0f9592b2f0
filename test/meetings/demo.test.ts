import { strict as assert } from 'node:assert';
import { reminderGroup } from '../../src/meetings/reminders.js';
import { ManualClock } from '../harness/manual-clock.js';
import { TestBot } from '../harness/test-bot.js';
import { jst } from './helpers.js';

describe('demo meetings', () => {
  let bot: TestBot | undefined;
  afterEach(() => bot?.stop());

  async function seededAt(now: string) {
    bot = await TestBot.start({ clock: new ManualClock(now) });
    const meetings = bot.services.meetings;
    const past = await meetings.find('#1');
    const next = await meetings.find('#2');
    assert.ok(past && next);
    return { past, next, scheduler: bot.services.scheduler };
  }

  it('holds the meeting of the minutes: 2020-08-03, 資料1-1…1-8, closed meeting and partly closed minutes with reasons, who attended', async () => {
    const { past } = await seededAt('2026-11-02T00:00:00Z');
    assert.equal(past.title, '令和2年度 第2回 行政情報化推進本部');
    assert.equal(past.startsAt, jst('2020-08-03T15:03'));
    assert.equal(past.endsAt, jst('2020-08-03T15:55'));
    assert.equal(past.place, '庁議室（本庁舎5階）');
    assert.deepEqual(past.agenda, [
      { number: 1, title: '今後の行政情報化推進本部の体制（新たな体制）について' },
    ]);
    assert.deepEqual(
      past.materials.map((m) => m.id),
      ['資料1-1', '資料1-2', '資料1-3', '資料1-4', '資料1-5', '資料1-6', '資料1-7', '資料1-8'],
    );
    assert.equal(past.materials[5]?.title, 'デジタルガバメント実行計画（別紙5）');
    assert.deepEqual(past.disclosure, {
      meeting: {
        level: 'closed',
        reason: '行政機関における政策意思決定過程途上に位置付けられる会議であるため',
      },
      minutes: {
        level: 'partial',
        reason: '行政機関における政策意思決定過程途上に位置づけられる内容を含むため',
      },
    });
    assert.equal(past.attendance.length, 10);
    assert.equal(
      past.attendance.filter((a) => a.attendee === 'delegate').length,
      4,
      'four departments sent a delegate',
    );
  });

  it('schedules 第3回 three weeks after the store is created, on a business day at 15:00, with its reminders', async () => {
    // Three weeks after Monday 11/2 is 11/23, a public holiday: the meeting is on Tuesday 11/24.
    const { next, scheduler } = await seededAt('2026-11-02T00:00:00Z');
    assert.equal(next.title, '令和8年度 第3回 行政情報化推進本部');
    assert.equal(next.startsAt, jst('2026-11-24T15:00'));
    assert.equal(next.endsAt, jst('2026-11-24T16:00'));
    assert.equal(next.agenda.length, 4);
    const jobs = await scheduler.jobsInGroup(reminderGroup(next.id));
    assert.deepEqual(jobs.map((j) => j.dueAt).sort(), [
      jst('2026-11-17T09:00'),
      jst('2026-11-20T09:00'), // one business day before, over the holiday Monday
      jst('2026-11-24T14:00'),
    ]);
  });

  it('names the fiscal year of the meeting (April to March)', async () => {
    const { next } = await seededAt('2027-03-20T00:00:00Z'); // 令和8年度 ends on 3/31
    assert.equal(next.startsAt, jst('2027-04-12T15:00')); // 4/10 is a Saturday
    assert.equal(next.title, '令和9年度 第3回 行政情報化推進本部');
  });
});
