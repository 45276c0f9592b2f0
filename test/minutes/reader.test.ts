import { strict as assert } from 'node:assert';
import { dueOf } from '../../src/minutes/dues.js';
import { htmlToLines } from '../../src/minutes/files.js';
import { readWhen, readDisclosure, readAttendee } from '../../src/minutes/header.js';
import { readMinutes } from '../../src/minutes/read-minutes.js';
import { actOf } from '../../src/minutes/requests.js';
import { labelOf } from '../../src/minutes/sections.js';
import { draftPolicyChanges } from '../../src/minutes/policy-changes.js';
import { loadDemoPolicies } from '../../src/policy/seed.js';
import { speakerLine } from '../../src/minutes/speakers.js';
import { demoLexicon } from './evaluate.js';

const read = (text: string) => readMinutes(text, { timeZone: 'Asia/Tokyo', lexicon: demoLexicon });

describe('minutes reader: pieces', () => {
  it('finds a label however it is spaced', () => {
    for (const line of [
      '開 催 日 時\t令和2年',
      '開　催　日　時　令和2年',
      '\t開催日時：令和2年',
      '開催日時 令和2年',
    ]) {
      assert.equal(labelOf(line)?.kind, 'datetime', line);
      assert.equal(labelOf(line)?.rest.trim(), '令和2年', line);
    }
    assert.equal(labelOf('事 務 局（担当課）\t政策経営部')?.kind, 'secretariat');
    assert.equal(labelOf('資料1-8のRPAの実績に関してですが'), undefined);
  });

  it('reads 令和 dates with 午前/午後 ranges, an end without 午後 taking the start’s', () => {
    assert.deepEqual(pick(readWhen('令和2年8月3日（月）午後3時03分～午後3時55分', 'Asia/Tokyo')), [
      '2020-08-03',
      '15:03',
      '15:55',
    ]);
    assert.deepEqual(
      pick(readWhen('令和２年１０月１９日（月）　午前10時00分～11時30分', 'Asia/Tokyo')),
      ['2020-10-19', '10:00', '11:30'],
    );
    assert.deepEqual(
      pick(readWhen('令和元年5月7日 14時から15時30分まで（於：庁議室）', 'Asia/Tokyo')),
      ['2019-05-07', '14:00', '15:30'],
    );
    assert.deepEqual(
      pick(readWhen('令和2年10月19日（月曜日）午前10時から正午まで', 'Asia/Tokyo')),
      ['2020-10-19', '10:00', '12:00'],
    );
  });

  it('reads the checked box of each disclosure part and its reason', () => {
    const read = readDisclosure([
      '会 議\t☐ 公開 ☑ 非公開 ☐ 一部非公開',
      '\t非公開・一部非公開の場合は、その理由 検討中の事項を含むため',
      '会議録\t☐公開\t☐非公開\t☑一部非公開',
      '\t理由：個人情報を含むため',
    ]);
    assert.deepEqual(read, {
      meeting: { level: 'closed', reason: '検討中の事項を含むため' },
      minutes: { level: 'partial', reason: '個人情報を含むため' },
    });
  });

  it('reads a delegate', () => {
    assert.deepEqual(readAttendee('文化デザイン課長（文化商工部長代理）'), {
      name: '文化デザイン課長',
      standsInFor: '文化商工部長',
    });
  });

  it('knows speakers in the styles secretariats use', () => {
    assert.equal(speakerLine('本部長：ただいまより')?.speaker, '本部長');
    assert.equal(speakerLine('○区民部長　区民部では')?.speaker, '区民部長');
    assert.equal(speakerLine('【事務局】承知しました。')?.speaker, '事務局');
    assert.equal(speakerLine('議題 （1）今後の体制について'), undefined);
  });

  it('reads dues relative to the meeting', () => {
    const due = (s: string) => dueOf(s, '2020-10-19');
    assert.deepEqual(due('11月20日までに作成してください'), { kind: 'date', date: '2020-11-20' });
    assert.deepEqual(due('11月末までに'), { kind: 'date', date: '2020-11-30' });
    assert.deepEqual(due('10月中に提出すること'), { kind: 'date', date: '2020-10-31' });
    assert.deepEqual(due('年内にまとめます'), { kind: 'date', date: '2020-12-31' });
    assert.deepEqual(due('2月末までに'), { kind: 'date', date: '2021-02-28' });
    assert.deepEqual(due('早急に調整します'), { kind: 'asap' });
    assert.deepEqual(due('次回の本部で報告してください'), { kind: 'nextMeeting' });
    assert.deepEqual(due('8月下旬から開始していく予定です'), { kind: 'unstated' });
    assert.deepEqual(due('11/20（金）までに'), { kind: 'date', date: '2020-11-20' });
    assert.deepEqual(due('来週中にお願いします'), { kind: 'date', date: '2020-10-30' });
    assert.deepEqual(due('次回会議で報告'), { kind: 'nextMeeting' });
    assert.deepEqual(due('年度内に'), { kind: 'date', date: '2021-03-31' });
    assert.deepEqual(due('月末までに'), { kind: 'date', date: '2020-10-31' });
  });

  it('tells requests and promises from discussion', () => {
    assert.equal(actOf('事務局で、11月20日までに手順書を作成してください。'), 'request');
    assert.equal(actOf('各項目についてコメントを書けるようにいたします。'), 'commitment');
    assert.equal(actOf('ご協力をよろしくお願いします。'), 'discussion');
    assert.equal(actOf('事務局から説明をお願いします。'), 'discussion');
    assert.equal(actOf('具体的に今すでに調整していますか。'), 'discussion');
    assert.equal(actOf('自由意見を書いてもらうことがいいのかと思います。'), 'discussion');
    assert.equal(actOf('都度 調整しながら、進めていきたいと思います。'), 'discussion');
    assert.equal(actOf('テレワークPCを50台追加しました。'), 'discussion');
    assert.equal(actOf('結果を次回の本部で報告願います。'), 'request');
    assert.equal(actOf('引き続き検討してまいります。'), 'discussion');
    assert.equal(actOf('引き続き検討し、次回の本部で報告いたします。'), 'commitment');
    assert.equal(actOf('現在、各部に照会をお願いしているところです。'), 'discussion');
    assert.equal(actOf('資料1についてご報告いたします。'), 'discussion');
    assert.equal(actOf('ご質問があればお願いします。'), 'discussion');
    assert.equal(actOf('資料の3ページをご覧ください。'), 'discussion');
    assert.equal(actOf('各部の意見を12月4日までにご提出ください。'), 'request');
  });

  it('reads a Word table as tab-separated rows', () => {
    const html =
      '<p>会議録</p><table><tr><td><p>開催日時</p></td><td><p>令和2年8月3日</p><p>午後3時</p></td></tr>' +
      '<tr><td><p>開催場所</p></td><td><p>庁議室 &amp; 別室</p></td></tr></table>';
    assert.equal(
      htmlToLines(html),
      '会議録\n開催日時\t令和2年8月3日 午後3時\t\n開催場所\t庁議室 & 別室\t\n',
    );
  });

  it('treats the secretariat’s own title and 副区長 as the roles they are', () => {
    const result = read(
      [
        '会議体の名称\t第5回推進本部',
        '開催日時\t令和2年12月21日（月）午後2時～午後3時',
        '審議経過',
        '情報管理課長：会議室の無線LANについては、年度内に整備計画をまとめます。',
        '副区長：区民部は、来月末までに窓口の状況を報告してください。',
      ].join('\n'),
    );
    assert.ok(result.ok);
    assert.deepEqual(
      result.items.map((i) => [i.owner, i.due]),
      [
        [
          { kind: 'department', departmentId: 'seisakukeiei' },
          { kind: 'date', date: '2021-03-31' },
        ],
        [
          { kind: 'department', departmentId: 'kumin' },
          { kind: 'date', date: '2021-01-31' },
        ],
      ],
    );
  });

  it('drafts policy changes from decisions and status, matched to the entry they are about', () => {
    const policies = loadDemoPolicies().map(({ id, ...content }) => ({
      id,
      active: true,
      content,
    }));
    const turn = (index: number, text: string) => ({ index, speaker: '事務局', text });
    const changes = draftPolicyChanges(
      [
        turn(0, 'B及びCの2つのWeb会議環境については、10月1日から全庁で運用を開始しました。'),
        turn(1, 'Aについては、教育委員会と区長部局の間で協議を続けております。'),
        turn(2, '区民部では、国保運営協議会をWeb会議で開催できないか検討しているところです。'),
        turn(3, 'Cについては、本人確認に利用できるようになりました。'),
      ],
      '2020-10-19',
      policies,
    );
    assert.deepEqual(
      changes.map((c) => [c.entryId ?? null, c.status, c.scope ?? null, c.since ?? null]),
      [
        ['web-conference-tools-mayor', 'approved', 'all', '2020-10-01'],
        ['web-conference-tool-a', 'underReview', null, null],
        [null, 'approved', null, null],
      ],
    );
  });

  it('says a text without a meeting name and date is not minutes', () => {
    const result = read('こんにちは。来週の打合せの件でご相談があります。');
    assert.equal(result.ok, false);
  });

  it('makes no item of a member’s request nobody takes on', () => {
    const result = read(
      [
        '会議体の名称\t第4回推進本部',
        '開催日時\t令和2年11月16日（月）午後2時～午後3時',
        '審議経過',
        '部員：会議室の一覧表があると助かりますのでご検討いただければと思います。',
        '事務局：会議室の Wi-Fi 環境は基本的にすべて弱いです。',
        '部員：わかりました。',
      ].join('\n'),
    );
    assert.ok(result.ok);
    assert.deepEqual(result.items, []);
  });
});

function pick(when: ReturnType<typeof readWhen>): string[] {
  return when ? [when.date, when.start, when.end] : [];
}
