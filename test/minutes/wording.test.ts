import { strict as assert } from 'node:assert';
import { dueOf } from '../../src/minutes/dues.js';
import { readMinutes } from '../../src/minutes/read-minutes.js';
import { draftPolicyChanges } from '../../src/minutes/policy-changes.js';
import { refersBack } from '../../src/minutes/requests.js';
import { layoutOf } from '../../src/minutes/sections.js';
import { speakerLine } from '../../src/minutes/speakers.js';
import { loadDemoPolicies } from '../../src/policy/seed.js';
import { demoLexicon } from './evaluate.js';

/** Wordings other secretariats use, found by minutes written without looking at the reader. */

const minutes = (...body: string[]) =>
  [
    '会議名：第4回推進本部',
    '開催日時：令和6年10月7日（月）午後1時30分～午後2時40分',
    '審議経過',
    ...body,
  ].join('\n');

function items(...body: string[]): Array<[string, string, string]> {
  const read = readMinutes(minutes(...body), { timeZone: 'Asia/Tokyo', lexicon: demoLexicon });
  assert.ok(read.ok);
  return read.items.map((i) => [
    i.owner.kind === 'department' ? i.owner.departmentId : i.owner.kind,
    i.due.kind === 'date' ? i.due.date : i.due.kind,
    i.quotes.map((q) => q.text).join(' / '),
  ]);
}

describe('minutes reader: wordings of other secretariats', () => {
  it('gives a request the due said in the next sentence, not to the last speaker', () => {
    assert.deepEqual(
      items(
        '区民部長：窓口の端末まで変わると、周知に時間がかかると思います。',
        '委員長：影響を受ける業務を、各部で洗い出していただきたい。12月15日までに事務局に回答してください。',
      ).map(([owner, due]) => [owner, due]),
      [['every', '2024-12-15']],
    );
  });

  it('does not read 「それから」 as pointing back at the request before', () => {
    assert.equal(refersBack('それから、各部から1件以上提案してください。'), undefined);
    assert.equal(refersBack('それでは、そのように進めてください。'), 'near');
    assert.deepEqual(
      items(
        '委員長：教育委員会で、欠席連絡の方法を調べて、年度内に方針をまとめてください。',
        '委員長：それから、各部から1件以上提案してもらいたいと思います。次回の委員会までにお願いします。',
      ).map(([owner, due]) => [owner, due]),
      [
        ['kyoiku', '2025-03-31'],
        ['every', 'nextMeeting'],
      ],
    );
  });

  it('makes no task of a decision that names nobody; asks the department a request is about', () => {
    assert.deepEqual(
      items(
        '保健福祉部長：昨年度、会議録の要約を試したところ、作業時間が半分になりました。',
        '本部長：それでは、区長部局において6月1日から試行利用を開始することとします。教育委員会については、学校での利用も含めて別途検討してください。',
      ).map(([owner, due]) => [owner, due]),
      [['kyoiku', 'unstated']],
    );
  });

  it('counts a member’s plan the chair takes up, and a report sent to the secretariat', () => {
    assert.deepEqual(
      items(
        '都市整備部長：都市整備部としては、電子契約の導入を検討したいと思っています。',
        '本部長：それはいいですね。ぜひ検討してください。',
        '本部長：区民部長、申請支援の状況はどうですか。',
        '区民部長：9月末で約2,000件です。',
        '本部長：その状況を2週間以内に事務局に報告してください。',
      ).map(([owner, due]) => [owner, due]),
      [
        ['toshiseibi', 'unstated'],
        ['kumin', '2024-10-21'],
      ],
    );
  });

  it('makes no task of exhortations, standing rules, wishes, past requests or the calendar', () => {
    assert.deepEqual(
      items(
        '委員長：前回お願いした件については、各部から報告をいただきました。',
        '区民部長：事務局には、早めに方針を示していただけると助かります。',
        '危機管理監：災害時には、各部でBCPに沿って対応していただくことになっています。',
        '委員長：各部でしっかり取り組んでいただきたいと思います。',
        '委員長：各部長におかれましては、職員の意識改革に努めていただきたい。',
        '委員長：各部で、この点は気を付けてもらいたいですね。',
        '子ども家庭部長：子ども家庭部でも、口座振替の電子化を考えたいと思っております。',
        '事務局：次回は2月に開催する予定です。',
        '事務局：今後のスケジュールですが、12月に第4回の本部を開催する予定です。',
      ),
      [],
    );
  });

  it('reads summary minutes: （speaker） turns and the plain written style', () => {
    assert.deepEqual(
      items(
        '（本部長）各部で、押印廃止の対象手続を12月20日までに事務局へ報告すること。',
        '（事務局）承知した。',
        '（本部長）総務部は、テレワーク規程の改正案を次回本部までに示されたい。',
        '（総務部長）了解した。',
        '（危機管理監）防災アプリの更新は、来年1月を予定している。',
        '（教育部長）学校のネットワーク更新については、教育委員会で引き続き検討している。',
        '（本部長）以上で本日の本部を終了する。',
        '（事務局）報告様式は、今週中に各部に送付する。',
      ).map(([owner, due]) => [owner, due]),
      [
        ['every', '2024-12-20'],
        ['somu', 'nextMeeting'],
        ['seisakukeiei', '2024-10-11'],
      ],
    );
  });

  it('knows the secretariat by its division and staff, and a division by its department', () => {
    const read = readMinutes(
      [
        '会議名：第3回北浜区情報化推進本部',
        '事務局：政策経営部情報システム課',
        '開催日時：令和6年11月12日（火）午前10時～午前11時',
        '出席者：',
        '　本部員：副区長（本部長）、総務部長',
        '　事務局：情報システム課長、基盤担当係長',
        '審議経過',
        '本部長：手順書はいつできますか。',
        '情報システム課長：手順書は11月29日までに作成します。',
        '基盤担当係長：あわせて、端末の設定変更を12月中に行います。',
        '本部長：教育委員会事務局で、学校の端末の状況を来月末までに調べてください。',
        '本部長：区民部区民課で、窓口の待ち時間を調べてください。',
      ].join('\n'),
      { timeZone: 'Asia/Tokyo', lexicon: demoLexicon },
    );
    assert.ok(read.ok);
    assert.deepEqual(
      read.items.map((i) => (i.owner.kind === 'department' ? i.owner.departmentId : '')),
      ['seisakukeiei', 'seisakukeiei', 'kyoiku', 'kumin'],
    );
  });

  it('knows a chair written with a surname, and 「検討いただきたい」 without its て', () => {
    assert.deepEqual(
      items(
        '区民部長：窓口の混雑が続いています。',
        '○山田委員長　事務局で、窓口の混雑状況の調査を検討いただきたい。',
        '○山田委員長　皆さんからもご意見いただければと思います。',
      ).map(([owner, due]) => [owner, due]),
      [['seisakukeiei', 'unstated']],
    );
  });

  it('reads the head called out mid-sentence, and 「…していただきます」 as the chair assigning', () => {
    assert.deepEqual(
      items(
        '事務局：窓口の待ち時間は、昨年より延びております。',
        '本部長：窓口の状況について、区民部長、調べていただけますか。',
        '区民部長：はい、対応します。',
        '本部長：都市整備部には、道路台帳のデジタル化の進捗を次回報告していただきます。',
        '事務局：以上で終わらせていただきます。',
      ).map(([owner, due]) => [owner, due]),
      [
        ['kumin', 'unstated'],
        ['toshiseibi', 'nextMeeting'],
      ],
    );
  });

  it('reads dues said as a day of the month, 末日 and 以内', () => {
    const due = (s: string) => dueOf(s, '2024-10-07');
    assert.deepEqual(due('今月20日までに受講をお願いします'), { kind: 'date', date: '2024-10-20' });
    assert.deepEqual(due('5日までにお願いします'), { kind: 'date', date: '2024-11-05' });
    assert.deepEqual(due('10月末日までに報告'), { kind: 'date', date: '2024-10-31' });
    assert.deepEqual(due('3月までに受けること'), { kind: 'date', date: '2025-03-31' });
    assert.deepEqual(due('2週間以内に報告'), { kind: 'date', date: '2024-10-21' });
    assert.deepEqual(due('1月に実施する予定です'), { kind: 'unstated' });
    assert.deepEqual(due('来月上旬までに'), { kind: 'date', date: '2024-11-10' });
  });

  it('reads 「本部長 ― …」 and ◆ turns, <br> in table cells and a bare 資料 heading', () => {
    assert.equal(speakerLine('本部長 ― それでは始めます。')?.text, 'それでは始めます。');
    assert.equal(speakerLine('◆総務部長　総務部では押印を廃止しました。')?.speaker, '総務部長');
    const layout = layoutOf(
      [
        '| 議題 | (1) 会議室Wi-Fiについて<br>(2) テレワークについて |',
        '審議経過',
        '本部長：資料1により説明をお願いします。',
        '資料',
        '資料1　電波調査結果',
      ].join('\n'),
    );
    assert.deepEqual(
      layout.sections.get('agenda')?.map((l) => l.trim()),
      ['(1) 会議室Wi-Fiについて', '(2) テレワークについて'],
    );
    assert.deepEqual(layout.sections.get('materials'), ['', '資料1　電波調査結果']);
  });

  it('drafts decisions taking effect later and open questions about a rule', () => {
    const turn = (index: number, text: string) => ({ index, speaker: '本部長', text });
    const changes = draftPolicyChanges(
      [
        turn(0, '区長部局において6月1日から試行利用を開始することとします。'),
        turn(1, '区長部局、教育委員会ともにツールGの利用を可とし、9月1日から運用を開始します。'),
        turn(2, '端末の持ち帰りに関するルールについては、現在、総務部と協議中です。'),
        turn(3, '区民部では、窓口でのタブレットの利用について検討しているところです。'),
        turn(4, '外部記憶媒体の利用については、継続審議とします。'),
        turn(5, '会議室のWi-Fiは、本日から区長部局の全会議室で利用を開始する。'),
      ],
      '2024-05-14',
      loadDemoPolicies().map(({ id, ...content }) => ({ id, active: true, content })),
    );
    assert.deepEqual(
      changes.map((c) => [c.status, c.scope ?? null, c.since ?? null]),
      [
        ['approved', 'mayor', '2024-06-01'],
        ['approved', 'all', '2024-09-01'],
        ['underReview', null, null],
        ['underReview', null, null],
        ['approved', 'mayor', '2024-05-14'],
      ],
    );
    assert.equal(changes.at(-1)?.entryId, 'meeting-room-wifi');
  });

  it('reads a form that numbers its rows, names the meeting only above it, and brackets groups', () => {
    const read = readMinutes(
      [
        '令和6年度第2回　港東区デジタル推進本部会議　会議録',
        '１　日　　時　　2024年7月9日(火) 15:00～16:10',
        '２　出席者',
        '　（本部員）副区長（本部長）、総務部長',
        '　（事務局）情報政策課長',
        '３　議　　事',
        '1 電子申請の拡充について',
        '2 その他',
        '４　審議概要',
        '本部長：各部で、電子化できる手続を8月末までに事務局に報告してください。',
      ].join('\n'),
      { timeZone: 'Asia/Tokyo', lexicon: demoLexicon },
    );
    assert.ok(read.ok);
    assert.equal(read.header.title, '令和6年度第2回 港東区デジタル推進本部会議');
    assert.deepEqual(
      read.header.attendees.map((g) => [g.group, g.people.map((p) => p.name)]),
      [
        ['本部員', ['副区長（本部長）', '総務部長']],
        ['事務局', ['情報政策課長']],
      ],
    );
    assert.deepEqual(
      read.header.agenda.map((a) => a.title),
      ['電子申請の拡充について', 'その他'],
    );
    assert.equal(read.items.length, 1);
  });
});
