import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { renderedInputs } from '../harness/cards.js';
import { ManualClock } from '../harness/manual-clock.js';
import * as teams from '../harness/teams.js';
import { TestBot, cardsOf, visibleText, type PostResult } from '../harness/test-bot.js';
import type { TestUser } from '../harness/teams.js';
import { cardOf, replyOf } from '../items/helpers.js';
import { docxOf } from './docx.js';

const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf-8');
const SEED = fixture('minutes-r2-hq-2.txt');

/** What Teams sends when the user presses a button: the verb's data and every input's value. */
function pressed(card: unknown, verb: string): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const input of renderedInputs(card))
    if (input.value !== undefined) data[input.id] = input.value;
  const walk = (node: unknown): Record<string, unknown> | undefined => {
    if (Array.isArray(node)) return node.map(walk).find(Boolean);
    if (typeof node !== 'object' || node === null) return undefined;
    const n = node as Record<string, unknown>;
    if (n['type'] === 'Action.Execute' && n['verb'] === verb)
      return n['data'] as Record<string, unknown>;
    return Object.values(n).map(walk).find(Boolean);
  };
  return { ...data, ...walk(card) };
}

function inputValues(card: unknown, pattern: RegExp): string[] {
  return renderedInputs(card)
    .filter((i) => pattern.test(i.id))
    .map((i) => i.value ?? '');
}

describe('minutes import over HTTP', () => {
  let bot: TestBot;
  let files: Server;
  let filesUrl: string;
  const served = new Map<string, Uint8Array>();
  let users: Record<'secretary' | 'secretaryEn' | 'chair' | 'kumin', TestUser>;

  before(async () => {
    files = createServer((request, response) => {
      const body = served.get(request.url ?? '');
      response.statusCode = body ? 200 : 404;
      response.end(body);
    });
    await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
    filesUrl = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => files.close(() => resolve())));

  beforeEach(async () => {
    bot = await TestBot.start({ clock: new ManualClock('2026-11-02T00:00:00Z') });
    users = {
      secretary: bot.user('johokanri-kacho@city.example.jp'),
      secretaryEn: bot.user('joho-system@city.example.jp', 'en-US'),
      chair: bot.user('fukukucho@city.example.jp'),
      kumin: bot.user('kumin-bucho@city.example.jp'),
    };
  });
  afterEach(() => bot.stop());

  const itemCount = async () => (await bot.services.items.list()).length;
  const meetingCount = async () =>
    (await bot.services.meetings.upcoming()).length +
    (await bot.services.meetings.recent(100)).length;

  /** A file message as Teams sends it from the personal chat (supportsFiles). */
  const sendFile = (user: TestUser, name: string, body: Uint8Array): Promise<PostResult> => {
    served.set(`/${name}`, body);
    const activity = teams.message(user, '', { serviceUrl: `${bot.connector.url}/` });
    return bot.post({
      ...activity,
      text: '',
      attachments: [
        {
          contentType: 'application/vnd.microsoft.teams.file.download.info',
          name,
          contentUrl: `${filesUrl}/${name}`,
          content: {
            downloadUrl: `${filesUrl}/${name}`,
            uniqueId: name,
            fileType: name.split('.').pop(),
          },
        },
      ],
    });
  };

  it('reads the pasted seed minutes into one review card, creates nothing until confirmed, then never twice', async () => {
    const items = await itemCount();
    const lastNumber = Math.max(...(await bot.services.items.list()).map((i) => i.number));
    const meetings = await meetingCount();
    const review = cardOf(await bot.say(users.secretary, `議事録取込\n${SEED}`), 'review');
    const text = visibleText(review);
    assert.match(text, /令和2年度 第2回豊島区行政情報化推進本部/);
    assert.match(text, /庁議室（本庁舎5階）/);
    assert.match(
      text,
      /非公開（理由: 行政機関における政策意思決定過程途上に位置付けられる会議であるため）/,
    );
    assert.match(text, /文化デザイン課長（文化商工部長代理）/);
    assert.match(text, /資料1-8：RPAの実績について/);
    assert.match(text, /既存の会議 #\d+（令和2年度 第2回 行政情報化推進本部）に反映します/);
    assert.match(text, /宿題の案（8件）/);
    assert.deepEqual(inputValues(review, /\.owner$/), [
      'department:seisakukeiei',
      'department:seisakukeiei',
      'department:seisakukeiei',
      'department:seisakukeiei',
      'every',
      'department:seisakukeiei',
      'department:kumin',
      'every',
    ]);
    assert.deepEqual(inputValues(review, /\.due$/), [
      '早急に',
      '次回',
      '次回',
      '次回',
      '次回',
      '次回',
      '次回',
      '次回',
    ]);
    assert.equal(await itemCount(), items, 'nothing is created before confirmation');

    const done = cardOf(
      await bot.execute(users.secretary, 'minutes.confirm', pressed(review, 'minutes.confirm')),
    );
    assert.match(visibleText(done), /議事録を取り込みました/);
    assert.equal(
      await meetingCount(),
      meetings,
      'the meeting of that date is updated, not created',
    );
    const created = (await bot.services.items.list()).filter((i) => i.number > lastNumber);
    // Six items for one department each, and two requests to every department (ten each).
    assert.equal(created.length, 6 + 2 * 10);
    const kumin = created.find(
      (i) => i.owner.kind === 'department' && i.owner.departmentId === 'kumin' && !i.groupId,
    );
    assert.ok(kumin, 'the report on H所 goes to 区民部');
    assert.match(kumin.source?.quote ?? '', /事務局に上げていただけたら/);
    const first = created.find((i) => /調整をお願いいたします/.test(i.source?.quote ?? ''));
    assert.deepEqual(first?.due, { kind: 'asap', followUpDays: 3 });
    assert.ok(first?.reportMeetingId, '「次回の本部で報告」 links the next meeting');

    // The same minutes again, now as a Word file from the chair.
    const again = cardOf(
      await sendFile(users.chair, 'minutes-r2-hq-2.docx', await docxOf(SEED)),
      'second review',
    );
    assert.match(visibleText(again), /取込済みです/);
    const redone = cardOf(
      await bot.execute(users.chair, 'minutes.confirm', pressed(again, 'minutes.confirm')),
    );
    assert.match(visibleText(redone), /新規 0件、更新 26件/);
    assert.equal(
      await itemCount(),
      items + 26,
      'importing the same minutes twice never duplicates',
    );
  });

  it('saves nothing when a due cannot be read, and never twice on a double click', async () => {
    const items = await itemCount();
    const review = cardOf(await bot.say(users.secretary, `議事録取込\n${SEED}`), 'review');
    const data = pressed(review, 'minutes.confirm');
    const refused = await bot.execute(users.secretary, 'minutes.confirm', {
      ...data,
      'minutes.item.1.due': 'そのうち',
    });
    assert.match(
      JSON.stringify(refused.body),
      /2番目の宿題の期限「そのうち」を読み取れませんでした/,
    );
    assert.equal(await itemCount(), items);
    const dropped = await bot.execute(users.secretary, 'minutes.discard', data);
    assert.match(JSON.stringify(dropped.body), /取込をやめました/);
    assert.equal(await itemCount(), items);

    await Promise.all([
      bot.execute(users.secretary, 'minutes.confirm', data),
      bot.execute(users.chair, 'minutes.confirm', data),
    ]);
    assert.equal(await itemCount(), items + 26, 'two clicks at once create the items once');
  });

  it('applies the decisions of the minutes as new versions of the policies, once', async () => {
    const meetings = await meetingCount();
    const before = await bot.services.policies.get('web-conference-tools-mayor');
    assert.ok(before);
    const paste = cardOf(await bot.say(users.secretary, '議事録取込'), 'paste card');
    assert.match(visibleText(paste), /会議録の本文を貼り付けて/);
    const review = cardOf(
      await bot.execute(users.secretary, 'minutes.read', {
        minutesText: fixture('r2-hq-3-pipes.md'),
      }),
      'review',
    );
    const text = visibleText(review);
    assert.match(text, /ポリシー変更の案（2件）/);
    assert.match(text, /区長部局のWeb会議ツール：承認済み · 区長部局 · 令和2年8月3日から/);
    assert.match(
      text,
      /B及びCの2つのWeb会議環境：承認済み · 全庁（区長部局・教育委員会） · 令和2年10月1日から/,
    );
    assert.match(text, /新しい会議として登録します/);
    assert.equal(
      (await bot.services.policies.get('web-conference-tools-mayor'))?.version,
      before.version,
    );

    await bot.execute(users.secretary, 'minutes.confirm', pressed(review, 'minutes.confirm'));
    assert.equal(await meetingCount(), meetings + 1, 'no meeting on 2020-10-19: one is created');
    const after = await bot.services.policies.get('web-conference-tools-mayor');
    assert.equal(after?.version, before.version + 1);
    assert.equal(after?.content.status, 'approved');
    assert.equal(after?.content.scope, 'all');
    assert.equal(after?.content.since, '2020-10-01');
    assert.equal(after?.content.source.date, '2020-10-19');
    assert.deepEqual(after?.history.at(-1)?.content, before.content, 'the old version is kept');

    const again = cardOf(
      await bot.say(users.secretary, `議事録取込\n${fixture('r2-hq-3-pipes.md')}`),
    );
    await bot.execute(users.secretary, 'minutes.confirm', pressed(again, 'minutes.confirm'));
    assert.equal(
      (await bot.services.policies.get('web-conference-tools-mayor'))?.version,
      before.version + 1,
    );
    assert.equal(await meetingCount(), meetings + 1);
  });

  it('reads a .docx attached in the personal chat, in English for an English user', async () => {
    const result = await sendFile(users.secretaryEn, 'minutes-r2-hq-2.docx', await docxOf(SEED));
    const review = cardOf(result, 'review of the docx');
    const text = visibleText(review);
    assert.match(text, /Import minutes: review/);
    assert.match(text, /Draft action items \(8\)/);
    assert.deepEqual(inputValues(review, /\.due$/).slice(0, 2), ['asap', 'next meeting']);
  });

  it('refuses a department head, whether pasting or sending a file', async () => {
    assert.match(replyOf(await bot.say(users.kumin, `議事録取込\n${SEED}`)), /本部長または事務局/);
    const file = await sendFile(users.kumin, 'm.txt', new TextEncoder().encode(SEED));
    assert.match(replyOf(file), /本部長または事務局/);
  });

  it('says plainly when the text is not minutes, and opens a card for 議事録取込 alone', async () => {
    assert.match(
      replyOf(await bot.say(users.secretary, '議事録取込\n来週の打合せの件でご相談があります。')),
      /会議録として読み取れませんでした（会議体の名称・開催日時が見つかりません）/,
    );
    const paste = cardOf(await bot.say(users.secretaryEn, 'import minutes'), 'paste card');
    assert.match(visibleText(paste), /Paste the text of the minutes/);
    const review = cardOf(
      await bot.execute(users.secretaryEn, 'minutes.read', {
        minutesText: fixture('r2-hq-3-pipes.md'),
      }),
      'review from the card',
    );
    assert.match(visibleText(review), /Draft policy changes \(2\)/);
    assert.match(visibleText(review), /Draft action items \(6\)/);
    // Minutes starting on the command's own line, with Windows line ends.
    const sameLine = await bot.say(
      users.secretary,
      `議事録取込 ${fixture('r3-hq-1-boxes.txt').replace(/\n/g, '\r\n')}`,
    );
    assert.match(visibleText(cardOf(sameLine)), /宿題の案（5件）/);
    const files = await sendFile(users.secretary, 'minutes.pdf', new Uint8Array([1, 2, 3]));
    assert.match(replyOf(files), /\.txt と \.docx/);
  });

  it('reads a 200 KB paste on the side while other people keep getting answers', async () => {
    const head = SEED.slice(0, SEED.indexOf('## 審 議 経 過'));
    const body = SEED.slice(SEED.indexOf('## 審 議 経 過'), SEED.indexOf('提出された資料等'));
    let long = head;
    while (Buffer.byteLength(long) < 200_000) long += body;
    const finished: string[] = [];
    const importing = bot.say(users.secretary, `議事録取込\n${long}`).then((r) => {
      finished.push('import');
      return r;
    });
    const help = bot.say(users.chair, 'ヘルプ').then((r) => {
      finished.push('help');
      return r;
    });
    const [imported] = await Promise.all([importing, help]);
    assert.deepEqual(finished, ['help', 'import'], 'the help turn does not wait for the reading');
    // The help card sent meanwhile is among the calls of the import's request too.
    const review = cardsOf(imported.sent)
      .map(visibleText)
      .find((t) => t.includes('議事録の取込'));
    assert.match(review ?? '', /宿題の案（\d+件）/);
  });
});
