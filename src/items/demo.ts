import type { ItemUses } from './deps.js';
import type { Due, ItemDraft } from './item.js';
import { SYSTEM_ACTOR } from './service.js';

/** The secretariat's own department (政策経営部 情報管理課). */
const SECRETARIAT = { kind: 'department', departmentId: 'seisakukeiei' } as const;
const MINUTES_TITLE = '令和2年度 第2回 行政情報化推進本部';

/**
 * The eight action items raised at the meeting of the minutes
 * (shared/domain.md), with the words of the minutes they come from. Items 6
 * and 7 go to every department; "next meeting" dues are linked to the demo's
 * 第3回, so moving that meeting moves them. Item 3 was done when the demo
 * survey was made with a comment field per topic.
 */
export async function seedDemoItems(services: ItemUses): Promise<void> {
  const { items, meetings, calendar, clock } = services;
  const minutes = (await meetings.recent(10)).find((m) => m.title === MINUTES_TITLE);
  const next = await meetings.next();
  if (!minutes || !next) return;
  const source = (quote: string) => ({ meetingId: minutes.id, quote });
  const atNextMeeting: Due = { kind: 'nextMeeting', meetingId: next.id };
  // 区民部's report goes to the secretariat before the meeting, a week after the demo starts.
  const inAWeek = calendar.local(clock.now()).plus({ weeks: 1 }).toISODate() ?? '';

  const before: ItemDraft[] = [
    {
      title: '教育委員会とICT環境について調整する',
      detail:
        '児童・生徒1人1台のタブレットの家庭での利用（8月下旬から）、そのセキュリティポリシーの妥当性、Web会議ツール（教育委員会はAを利用）について、教育委員会と調整の場を早急に設け、次回の本部で報告する。',
      owner: SECRETARIAT,
      due: { kind: 'asap', followUpDays: 3 },
      reportMeetingId: next.id,
      source: source(
        'わかりました。早急に、その場を設けたいと思います。／しっかりと調整をしていただき、次回の本部でまた報告してもらいたいと思います。',
      ),
    },
    {
      title: '教育委員会職員と学校の先生のICT機器ですり合わせる事項を明確にし、調整に入る',
      detail:
        '教育委員会の職員と学校の先生で使用しているICT機器が異なり、職員の負担になっている。教育部と共に、すり合わせが必要な点を明確にしてから調整を始める。',
      owner: SECRETARIAT,
      due: atNextMeeting,
      source: source(
        '具体的にどういう所をすり合わせしておかなければいけないのかを明確にしたうえで早速、調整に入っていただきたいと思います。',
      ),
    },
    {
      title: 'アンケートの各項目にコメント欄を設ける',
      detail:
        '1位〜3位の順位付けに加えて、項目ごとに各部の問題意識をコメントで書けるようにする（請求書の電子化などは自由意見も）。',
      owner: SECRETARIAT,
      due: atNextMeeting,
      source: source('各項目についてコメントを書けるようにいたします。'),
    },
    {
      title: '次回の本部に向けて課題（デジタルガバメントの検討事項）を整理する',
      detail: 'デジタルガバメントにおいて何を検討するかを整理し、次回の本部に示す。',
      owner: SECRETARIAT,
      due: atNextMeeting,
      source: source(
        '具体的に次回の情報化推進本部に向けての課題を整理させていただきたいと思います。',
      ),
    },
    {
      title: 'H所のRPAの取組内容と成果を事務局に報告する',
      detail:
        'H所で6月から運用しているRPAについて、何を行い、どのような成果が出たかを事務局に報告する。',
      owner: { kind: 'department', departmentId: 'kumin' },
      due: { kind: 'date', date: inAWeek },
      reportMeetingId: next.id,
      source: source(
        '具体的にどんなことをやって、こういう成果が出たということ、事務局に上げていただけたらと思います。',
      ),
    },
  ];
  const created = await items.createMany(before, SYSTEM_ACTOR);
  await items.createForEveryDepartment(
    {
      title: 'テレワークできる業務とできない業務を整理する',
      detail:
        'テレワークPCが拡大されたという前提（ICT環境がある前提）で、部内の業務をテレワークできるものとできないものに切り分ける。事務局は調査しないため、各部で整理しておく。',
      due: atNextMeeting,
      source: source(
        'テレワークで出来る業務と出来ない業務の整理は各部でやっておいてもらうということですね。',
      ),
    },
    SYSTEM_ACTOR,
  );
  await items.createForEveryDepartment(
    {
      title: '部内でICT化のニーズをヒアリングし、事務局に伝える',
      detail: '各部で十分にヒアリングを行い、ICT化に向けたニーズを事務局と推進本部に伝える。',
      due: atNextMeeting,
      source: source(
        '各部で十分にヒアリングをしていただいて、ニーズを事務局と推進本部に伝えていただければと思います',
      ),
    },
    SYSTEM_ACTOR,
  );
  await items.create(
    {
      title: '会議室の無線LAN（Wi-Fi）環境の強化を検討する',
      detail:
        '会議室のWi-Fiは507〜510（災対センター）以外すべて弱い。アンケートで要望を集め、設備投資（予算）を検討する。',
      owner: SECRETARIAT,
      due: atNextMeeting,
      source: source(
        '各会議室の無線環境の強化ということであれば、アンケートのご意見に入れていただいて、事務局にて設備投資等を検討していくことになります。',
      ),
    },
    SYSTEM_ACTOR,
  );
  const commentField = created.ok ? created.items[2] : undefined;
  if (commentField)
    await items.markDone(
      commentField.id,
      SYSTEM_ACTOR,
      'デモのアンケートに項目ごとのコメント欄と自由意見欄を設けました。',
    );
}
