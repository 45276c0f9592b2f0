import { DateTime } from 'luxon';
import type { DraftPolicyChange, PolicyScopeRead, PolicyStatusRead, SpeakerTurn } from './model.js';
import { sentencesOf } from './turns.js';

/** The parts of a current policy entry a statement is matched against. */
export interface PolicyEntryView {
  readonly id: string;
  readonly active: boolean;
  readonly content: {
    readonly topic: string;
    readonly subjects: readonly string[];
    readonly scope: string;
    readonly status: string;
    readonly title: { readonly ja: string };
    readonly answer: { readonly ja: string };
    readonly keywords: { readonly ja: readonly string[] };
  };
}

const STATUS_PATTERNS: ReadonlyArray<readonly [RegExp, PolicyStatusRead]> = [
  [
    /(?:使用|利用)(?:は|を)?(?:認めない|できません|不可)(?:こととしました|ことといたしました|となりました|とします)?[。]?$|(?:使用|利用|運用)(?:を)?(?:禁止|停止|中止)(?:しました|いたしました|致しました|とします|することとしました)|(?:使用|利用)しない(?:こと)?(?:と|に)(?:しました|いたしました|決定)/u,
    'notAllowed',
  ],
  [
    /(?:協議|調整|検討)を(?:続けて|継続して|進めて)(?:おります|います|いる)|(?:協議|調整|検討)して(?:いる|おる)ところ(?:です|でございます)|結論(?:が|は)出て(?:おりません|いません)|(?:協議|調整|検討)中(?:です|でございます|であり|のため|となって)|引き続き(?:協議|調整|検討)(?:して|し|を|中|いたし|する)|継続(?:審議|協議|検討)(?:と|に)(?:します|する|いたします|なりました|しました)|結論(?:は|を)(?:次回|持ち越)|判断を保留/u,
    'underReview',
  ],
  [
    /(?:運用|利用|使用|導入|稼働)[^。]{0,24}(?:開始|始め)(?:しました|いたしました|致しました|ました)|(?:承認|決定|了承)(?:しました|いたしました|されました|となりました)|(?:利用|使用)を?(?:認める|許可する)(?:こととしました|ことといたしました|ことになりました)|(?:利用|使用)を(?:認め|許可し)ました|(?:使える|利用できる|使用できる)(?:ように|よう)(?:なり|し)ました|(?:利用|使用)(?:が)?可能となりました|(?:使用|利用)(?:が)?(?:可能|できる)(?:と|に|ように|よう)(?:なり|し)ました/u,
    'approved',
  ],
  [
    // Decided in the meeting, to apply from a day on: 「…から運用を開始します」「利用を可とし」.
    /(?:運用|利用|使用|導入|稼働)[^。]{0,24}開始(?:する)?(?:こととします|ことといたします|ことにします|します|いたします|する[。．]?$)|(?:利用|使用)を?(?:可と|認めることと)(?:し|します|いたします)|(?:標準|正式)の?[^。]{0,16}(?:と|に)(?:し|します|いたします)、?[^。]{0,24}(?:開始|利用)/u,
    'approved',
  ],
];

/** 「学校での利用について」「持ち帰りに関するルールについては」: a rule still being settled. */
const ABOUT_A_RULE =
  /(?:利用|使用|導入|ルール|規程|規則|要綱|方式|取扱い|取り扱い|ガイドライン)(?:の見直し)?(?:について|に関して|に関する|の是非|の可否)/u;

/** 「区民部では、…の利用について検討しているところです」: a department's own work, no rule. */
const OWN_WORK = /^(?:なお|また)?、?[^、。]{1,12}(?:部|課|室|所)(?:では|としては|としても|でも)、/u;

function scopeOf(sentence: string): PolicyScopeRead | undefined {
  // 「区長部局でも」: the other side now as well.
  if (/全庁|区長部局でも|市長部局でも|教育委員会でも/u.test(sentence)) return 'all';
  const mayor = /区長部局|市長部局/u.test(sentence);
  const education = /教育委員会|学校/u.test(sentence);
  // 「区長部局、教育委員会ともに」: both sides at once.
  if (mayor && education && /(?:ともに|共に|いずれも|双方|両方)/u.test(sentence)) return 'all';
  // Naming both is talk between the two (「教育委員会と区長部局の間で」), not a scope.
  if (mayor === education) return undefined;
  return mayor ? 'mayor' : 'education';
}

/** 10月1日から: the day a decision applies from; said as done, it lies on or before the meeting. */
function sinceOf(sentence: string, meetingDate: string, done: boolean): string | undefined {
  const found = /(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(?:から|より|付け?で?)/u.exec(
    sentence.normalize('NFKC'),
  );
  const meeting = DateTime.fromISO(meetingDate, { zone: 'utc' });
  // 「本日から」: from the day of the meeting.
  if (/(?:本日|今日)(?:から|より)/u.test(sentence) && meeting.isValid)
    return meeting.toISODate() ?? undefined;
  if (!found || !meeting.isValid) return undefined;
  let day = DateTime.utc(meeting.year, Number(found[1]), Number(found[2]));
  if (!day.isValid) return undefined;
  if (done && day > meeting) day = day.minus({ years: 1 });
  if (!done && day < meeting) day = day.plus({ years: 1 });
  return day.toISODate() ?? undefined;
}

/** 「Aについては、…」「タブレット端末の庁内会議での利用は、…」: the subject phrase. */
function aboutOf(sentence: string): string {
  const found = /^(?:なお|また|さらに|次に)?、?(.+?)(?:については|につきましては|は)、/u.exec(
    sentence,
  );
  return (found?.[1] ?? sentence.replace(/[。．]$/u, '')).trim();
}

/** Product names the policy data knows, and single capital letters (the minutes' A, B, C). */
function subjectsIn(sentence: string, known: ReadonlySet<string>): string[] {
  const text = sentence.normalize('NFKC');
  const found = new Set<string>();
  for (const match of text.matchAll(/(?<![A-Za-z])([A-Z])(?![A-Za-z])/gu))
    found.add(match[1] ?? '');
  for (const name of known) if (name.length > 1 && text.includes(name)) found.add(name);
  return [...found].filter(Boolean);
}

function bigrams(text: string): Set<string> {
  const clean = text.normalize('NFKC').replace(/[\s、。・「」（）()]/gu, '');
  const grams = new Set<string>();
  for (let i = 0; i < clean.length - 1; i += 1) grams.add(clean.slice(i, i + 2));
  return grams;
}

/** How well an entry fits a statement: shared subjects first, shared words second. */
function fit(entry: PolicyEntryView, sentence: string, subjects: readonly string[]): number {
  const own = new Set(entry.content.subjects);
  const shared = subjects.filter((s) => own.has(s)).length;
  const union = new Set([...subjects, ...own]).size;
  const subjectScore = union === 0 ? 0 : shared / union;
  const words = bigrams(
    [entry.content.title.ja, ...entry.content.keywords.ja, entry.content.topic].join(' '),
  );
  const said = bigrams(sentence);
  const wordOverlap = [...words].filter((w) => said.has(w)).length / Math.max(1, words.size);
  // 「会議室のWi-Fiは、…」: saying the entry's title counts, whatever its keywords.
  const title = bigrams(entry.content.title.ja);
  const titleOverlap = [...title].filter((w) => said.has(w)).length / Math.max(1, title.size);
  const overlap = wordOverlap + (titleOverlap >= 0.75 ? 0.5 : 0);
  // The same letter about another matter (C for web meetings, C for identity checks) is no match.
  return overlap === 0 ? 0 : subjectScore * 4 + overlap;
}

/**
 * Draft policy changes from statements of decisions and status:
 * 「B及びCの…10月1日から全庁で運用を開始しました」 → approved since 10-01, all;
 * 「Aについては…協議を続けております」 → under review. Each is matched to the
 * current entry it is about; a statement that fits none is left out.
 */
export function draftPolicyChanges(
  turns: readonly SpeakerTurn[],
  meetingDate: string,
  entries: readonly PolicyEntryView[],
): DraftPolicyChange[] {
  const active = entries.filter((e) => e.active);
  const known = new Set(active.flatMap((e) => e.content.subjects));
  const changes: DraftPolicyChange[] = [];
  for (const turn of turns) {
    for (const sentence of sentencesOf(turn.text)) {
      if (/[かね][。？?]?$|[？?]$/u.test(sentence)) continue;
      const status = STATUS_PATTERNS.find(([pattern]) => pattern.test(sentence))?.[1];
      if (!status) continue;
      const subjects = subjectsIn(sentence, known);
      const ranked = active
        .map((entry) => ({ entry, score: fit(entry, sentence, subjects) }))
        .sort((a, b) => b.score - a.score);
      const best = ranked[0];
      const matched = best && (best.score >= 1 || (subjects.length === 0 && best.score >= 0.35));
      const since = sinceOf(sentence, meetingDate, /ました|おります/u.test(sentence));
      const scope = scopeOf(sentence);
      // A decision about something the data does not have yet is a new entry, if it says when
      // or where; an open question is one if it is about a rule (利用について, ルールについては).
      const newEntry =
        status === 'underReview'
          ? ABOUT_A_RULE.test(sentence) && !OWN_WORK.test(sentence)
          : since !== undefined || !!scope;
      if (!matched && subjects.length === 0 && !newEntry) continue;
      changes.push({
        ...(matched && best ? { entryId: best.entry.id } : {}),
        status,
        about: aboutOf(sentence),
        subjects:
          subjects.length > 0 || !matched ? subjects : [...(best?.entry.content.subjects ?? [])],
        ...(scope ? { scope } : {}),
        ...(since ? { since } : {}),
        quote: { speaker: turn.speaker, text: sentence, turn: turn.index },
      });
    }
  }
  return changes;
}
