import { strict as assert } from 'node:assert';
import { escapeText, fold } from '../../src/meetings/ics.js';
import { cardsOf } from '../harness/test-bot.js';
import { committee, createMeeting, type Committee } from './helpers.js';

const octets = (line: string) => Buffer.byteLength(line, 'utf-8');

/** RFC 5545 §3.1: a CRLF followed by one space continues the previous line. */
function unfold(body: string): string[] {
  return body.replace(/\r\n /g, '').split('\r\n');
}

describe('meetings as iCalendar files (.ics)', () => {
  describe('content lines', () => {
    it('folds at 75 octets without splitting a character, and unfolds to the same text', () => {
      const line = `DESCRIPTION:${'議案（1）今後の行政情報化推進本部の体制について'.repeat(5)}`;
      const folded = fold(line);
      const physical = folded.split('\r\n');
      assert.ok(physical.length > 1);
      for (const part of physical) assert.ok(octets(part) <= 75, `${octets(part)} octets: ${part}`);
      assert.ok(physical.slice(1).every((part) => part.startsWith(' ')));
      assert.equal(folded.replace(/\r\n /g, ''), line);
      assert.equal(fold('SEQUENCE:0'), 'SEQUENCE:0');
    });

    it('escapes backslash, semicolon, comma and newlines in text', () => {
      assert.equal(escapeText('a\\b;c,d\ne'), 'a\\\\b\\;c\\,d\\ne');
    });
  });

  describe('GET /meetings/:id.ics', () => {
    let c: Committee;
    beforeEach(async () => {
      c = await committee();
    });
    afterEach(() => c.bot.stop());

    /** Follows the card's button to the bot's own HTTP server. */
    async function download(meetingId: string) {
      const shown = await c.bot.execute(c.users.kumin, 'meeting.show', { meetingId });
      const card = (shown.body as { value: { actions: Array<{ type: string; url?: string }> } })
        .value;
      const url = card.actions.find((a) => a.type === 'Action.OpenUrl')?.url ?? '';
      assert.ok(url.startsWith('https://honbu.example.jp/meetings/'), url);
      const path = new URL(url).pathname;
      const response = await fetch(`${c.bot.honbu.http.url}${path}`);
      return { response, body: await response.text() };
    }

    it('serves a VEVENT Outlook opens: UID, DTSTAMP, UTC times, escaped summary and place, CRLF, folded lines', async () => {
      const meeting = await createMeeting(c, 'テスト会議, 第1回; 臨時', '2026/12/14 15:00〜16:00', {
        place: '庁議室（本庁舎5階）, 507会議室',
      });
      const { response, body } = await download(meeting.id);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type'), 'text/calendar; charset=utf-8');
      assert.match(
        response.headers.get('content-disposition') ?? '',
        /attachment; filename="meeting-\d+\.ics"/,
      );
      assert.ok(body.endsWith('\r\n'));
      assert.doesNotMatch(body.replace(/\r\n/g, ''), /[\r\n]/, 'every line ends with CRLF');
      for (const line of body.split('\r\n')) assert.ok(octets(line) <= 75, line);
      const lines = unfold(body);
      assert.deepEqual(lines.slice(0, 6), [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//Honbu//Meetings//JA',
        'CALSCALE:GREGORIAN',
        'METHOD:PUBLISH',
        'BEGIN:VEVENT',
      ]);
      const field = (name: string) =>
        lines.find((l) => l.startsWith(`${name}:`))?.slice(name.length + 1);
      assert.equal(field('UID'), `${meeting.id}@honbu`);
      assert.match(field('DTSTAMP') ?? '', /^\d{8}T\d{6}Z$/);
      assert.equal(field('DTSTART'), '20261214T060000Z');
      assert.equal(field('DTEND'), '20261214T070000Z');
      assert.equal(field('SUMMARY'), 'テスト会議\\, 第1回\\; 臨時');
      assert.equal(field('LOCATION'), '庁議室（本庁舎5階）\\, 507会議室');
      assert.equal(field('SEQUENCE'), '0');
      assert.equal(field('STATUS'), 'CONFIRMED');
      assert.match(
        field('DESCRIPTION') ?? '',
        /^議題\\n議案（1）教育委員会とのICT調整について\\n\\n資料\\n資料1-1 調整状況 https:\/\/city\.example\.jp\/r8\/1-1\.pdf\\n/,
      );
      assert.deepEqual(lines.slice(-3), ['END:VEVENT', 'END:VCALENDAR', '']);
    });

    it('a moved meeting has a higher SEQUENCE and its new time; a cancelled one says CANCELLED; an unknown id is 404', async () => {
      const meeting = await createMeeting(c, 'テスト会議I', '2026/12/14 15:00〜16:00');
      const first = await download(meeting.id);
      await c.bot.say(c.users.secretary, `会議変更 #${meeting.number} 12月21日 10時〜11時30分`);
      const moved = unfold((await download(meeting.id)).body);
      assert.ok(moved.includes('DTSTART:20261221T010000Z'));
      assert.ok(moved.includes('DTEND:20261221T023000Z'));
      assert.ok(moved.includes('SEQUENCE:1'));
      assert.ok(unfold(first.body).includes('SEQUENCE:0'));

      const cancelled = await c.bot.execute(c.users.secretary, 'meeting.cancel', {
        meetingId: meeting.id,
        reason: '延期',
      });
      assert.equal(cardsOf(cancelled.sent).length, 0);
      const response = await fetch(`${c.bot.honbu.http.url}/meetings/${meeting.id}.ics`);
      const lines = unfold(await response.text());
      assert.ok(lines.includes('STATUS:CANCELLED'));
      assert.ok(lines.includes('SEQUENCE:2'));

      const missing = await fetch(`${c.bot.honbu.http.url}/meetings/mtg_nothing.ics`);
      assert.equal(missing.status, 404);
    });
  });
});
