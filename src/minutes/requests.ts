/**
 * What a sentence of the 審議経過 does: asks somebody to do something (a
 * request), promises to do something (a commitment), or only discusses. The
 * patterns follow how Japanese committees speak; everything not clearly a
 * request or a commitment is discussion, because a wrong draft costs the
 * secretariat more than a missed one they add by hand.
 */

import { sentencesOf } from './turns.js';

export type SentenceAct = 'request' | 'commitment' | 'discussion';

const REQUEST_ENDINGS = [
  /[てで](?:下さい|ください)/u,
  /(?:[てで]|ご[^、。]{1,10}|お[^、。]{1,6})(?:いただき|頂き|いただけ|頂け|もらい|もらえ)(?:たい|(?:れば|たら)(?:と|幸|助|あり)|ると(?:助か|幸|あり)|ますよう|ないでしょうか|ませんか|ますか)/u,
  /[てで](?:おいて)?(?:もらう|いただく|頂く)(?:という|こと|よう)/u,
  // 「次回報告していただきます」: the chair assigning, said as what will happen.
  // Not 「説明させていただきます」: the causative せて is the speaker's own doing.
  /(?<!せ)[てで](?:いただき|頂き|もらい)ます[。．]?$/u,
  /(?:を|は|も|について)?(?:よろしく|宜しく)?お願[いひ](?:します|いたします|致します|したい|ひしたい|申し上げ|できますか)/u,
  /ご[^、。]{1,10}(?:願います|下さい|ください)/u,
  /ように(?:指示|依頼|お願い)/u,
  /(?:報告|提出|検討|対応|調整|確認|整理|準備|回答|作成|共有|周知)(?:方)?(?:を)?(?:願います|願いたい)/u,
  // 「検討いただきたい」「ご報告いただければと思います」 without the て: a noun of work, then いただく.
  /\p{Script=Han}{2}(?:いただ|頂)(?:きたい|ければ(?:と|幸|助|あり)|けると(?:助か|幸|あり)|きますよう|けますか|けませんか)/u,
  // 「示されたい」「進められたい」: the written request of summary minutes.
  /(?:さ|ら|せら)れたい[。．]?$/u,
  /(?:する|とする|行う|報告する|提出する)こと(?:と(?:します|する|いたします))?[。．]?$/u,
];

const COMMITMENT_ENDING =
  /(?:いたします|致します|(?<!いた|致)します|やります|行います|進めます|まいります|参ります|いきます|ことになります|こととします|設けます|作ります|まとめます|伺います|お示しします|させて(?:いただ|頂)きます|させて(?:いただ|頂)きたいと(?:思|考|存)[^。]*|たいと(?:思|考|存)(?:います|っております|っています|じます)|予定です|予定としております|つもりです|(?:情報提供|提供|作成|報告|実施|検討|調整|整理|周知)する|(?:行う|進める|まとめる|示す)|(?<!と)\p{Script=Han}{2}する)[。．]?$/u;

/** Asking for words now, or thanks for help, is not a task. */
const NOT_A_TASK = [
  /(?:ご?協力|ご?理解|ご?指導|ご?支援|ご?意見|アドバイス|ご?発言|ご?質問)(?:の程)?を?(?:よろしく|宜しく)?(?:お願い|いただ|頂)/u,
  /(?:お聞かせ|教えて|お答え|ご説明|ご紹介)(?:ください|下さい|いただ|頂)/u,
  /(?:ご(?:確認|承知)おき)/u,
  // What the meeting itself needs now: questions, a look at the papers, patience.
  /(?:質問|意見|発言)(?:等|など)?が(?:あれば|ありましたら|ございましたら)/u,
  /ご覧(?:ください|下さい|いただ|頂)|お手元の|ご参照|ご了承|ご容赦/u,
];

/** 「事務局から説明をお願いします」: asking for a presentation in the meeting itself. */
const SPEECH_REQUEST =
  /(?:説明|報告|発言|紹介|ご挨拶)(?:を)?(?:お願[いひ]|して(?:ください|下さい|いただけ|いただき|頂))/u;

/** Standing practice or what happens in the meeting itself, not a task to follow up. */
const ONGOING = /(?:その都度|都度|随時|常に|引き続き)/u;
const SPEECH_ACT =
  /(?:説明|紹介|報告|ご挨拶|挨拶|開催|開会|閉会|終了|進行|話を|お諮り|申し上げ)(?:を)?(?:させて|いた|致|し|する)/u;
// 「事務局に報告してください」「2週間以内に」: a report sent later, not one given in the meeting.
const FUTURE_MARK =
  /(?:次回|後日|改めて|追って|までに|早急|今後|年内|月中|月末|来月|来週|以内|事務局(?:に|へ|まで))/u;

/** 「しっかり取り組んでいただきたい」「意識改革に努めてほしい」: a call to effort, with nothing to report. */
const EXHORTATION =
  /(?:しっかり(?:と)?|積極的に|一丸となって|全力で|前向きに)(?:取り組|進め|対応)|(?:努め|気を付け|気をつけ|留意し|注意し|心掛け|心がけ|頑張)(?:て|で)?(?:いただ|頂|もら|くださ|下さ|ほし)/u;
/** 「各部で対応していただくことになっています」: how things stand, not a new task. */
const STANDING_RULE = /(?:こと|よう)(?:に|と)なって(?:おります|います)[。．]?$/u;

const COMMITTEE_CALENDAR =
  /(?:次回|本部|本会議|会議|委員会|協議会)[^。]{0,16}(?:開催|開会|閉会)(?:を)?(?:させて|いた|致|し|する)/u;

const RECURRING = /(?:必要に応じて|毎年度|毎年|毎月|毎週|定期的に)/u;

/** Opinions and wishes dressed as requests: 「…方がよいと思います」「…できたらいいと思います」. */
const OPINION =
  /(?:方が|ほうが|ことが|のが|たら|れば)(?:いい|よい|良い)(?:のか|のでは)?(?:と(?:思|考)|です)/u;
const QUESTION = /(?:か|かね|でしょうか|ですか|ますか|ませんか|のか)[。．]?$|[？?]$/u;
const POLITE_REQUEST_QUESTION =
  /(?:いただけ|頂け|もらえ|お願いでき)(?:ます|ません|ない(?:でしょう)?)か[？?。]?$/u;
const PLAN = /たいと(?:思|考)って(?:おります|います)[。．]?$/u;
const PAST_OR_STATE = /(?:ました|ません|ております|ています|でした|ございます)[。．]?$/u;

/** What a sentence does, before looking at who says it. */
export function actOf(sentence: string): SentenceAct {
  const text = sentence.trim();
  if (NOT_A_TASK.some((p) => p.test(text))) return 'discussion';
  if (SPEECH_REQUEST.test(text) && !FUTURE_MARK.test(text)) return 'discussion';
  if (QUESTION.test(text) && !POLITE_REQUEST_QUESTION.test(text)) return 'discussion';
  if (OPINION.test(text)) return 'discussion';
  if (ONGOING.test(text) && !FUTURE_MARK.test(text)) return 'discussion';
  if (EXHORTATION.test(text) && !FUTURE_MARK.test(text)) return 'discussion';
  if (STANDING_RULE.test(text)) return 'discussion';
  // 「整理させていただきたい」 is the speaker's own promise, though it ends like a request.
  if (
    /させて(?:いただ|頂)(?:き(?:ます|たい)|け(?:れば|たら))/u.test(text) &&
    !SPEECH_ACT.test(text)
  ) {
    return coreOf(text).length >= 6 ? 'commitment' : 'discussion';
  }
  if (REQUEST_ENDINGS.some((p) => p.test(text))) {
    return coreOf(text).length >= 6 ? 'request' : 'discussion';
  }
  // 「検討したいと思っています」 is a plan, not a state; it counts only if someone takes it up.
  if (PAST_OR_STATE.test(text) && !PLAN.test(text)) return 'discussion';
  if (COMMITMENT_ENDING.test(text)) {
    if (SPEECH_ACT.test(text) && !FUTURE_MARK.test(text)) return 'discussion';
    // 「次回は2月に開催する予定です」: the committee's own calendar, not a task.
    if (COMMITTEE_CALENDAR.test(text)) return 'discussion';
    // 「毎年度、必要に応じて見直す予定です」: how things are done, not a task.
    if (RECURRING.test(text)) return 'discussion';
    return coreOf(text).length >= 6 ? 'commitment' : 'discussion';
  }
  return 'discussion';
}

/** 「ご提出いただくことになります」: a promise-shaped sentence whose work is done by the listeners. */
export function listenersDoIt(sentence: string): boolean {
  return /(?:ご|お)[^、。]{1,10}(?:いただ|頂)く|[てで](?:いただ|頂)く|[てで]もらう/u.test(sentence);
}

/** The sentence a request relies on a condition of the listener: 「…書いていただければ、…」. */
export function isConditional(sentence: string): boolean {
  return /(?:いただ|頂|もらえ)(?:ければ|けたら)、|(?:の|ん)?であれば、|(?:なら|ならば)、/u.test(
    sentence,
  );
}

/**
 * 「ぜひそうしてください」「それはいいですね。ぜひ検討してください」: the chair takes up what
 * a member offered to do, in the first words of the reply.
 */
export function endorses(text: string): boolean {
  return sentencesOf(text)
    .slice(0, 2)
    .some(
      (s) =>
        /^(?:ぜひ|是非)?、?(?:そうしてください|そのように(?:してください|お願いします)|お願いします|よろしくお願いします|進めてください)/u.test(
          s,
        ) || /^(?:ぜひ|是非)、?[^。、]{0,8}(?:して|進めて)(?:ください|下さい)[。]?$/u.test(s),
    );
}

/** 「わかりました」「承知しました」: the listener takes the request on. */
export function acceptsRequest(text: string): boolean {
  return /^(?:はい、?)?(?:わかりました|分かりました|承知(?:しました|いたしました|致しました|した)|了解(?:しました|いたしました|した)?|わかった|かしこまりました|承りました|(?:対応|検討|調整)(?:いたします|致します|します))/u.test(
    text.trim(),
  );
}

/** The sentence points back at the request before it: その辺, この件, 今、話のあった … */
const CONNECTIVES =
  /^(?:それから|それでは|それで|それと|それぞれ|これから|これまで|これにより|そこで|そのほか|その他|このたび|この度)、?/u;

export function refersBack(sentence: string): 'near' | 'far' | undefined {
  const text = sentence.trim();
  // 「今、話のあった」「先ほどの」 reach back over a few turns; 「その点」 only to the turn before.
  if (/今、?話のあった|先ほど(?:の|話|お話)|今の話/u.test(text)) return 'far';
  // 「それから」「それでは」「これまで」 lead on to what comes next, they point at nothing.
  const pointer = text.replace(CONNECTIVES, '');
  if (
    // Not 「あわせて」「同様に」: those add a task, they do not point at one.
    /^(?:その|この|それ|これ|そちら|こちら|そこら)/u.test(pointer) ||
    /その辺|その点|その件|この件|その場|それら|そこらへん|そのあたり|そのように|その方向で|そのとおり/u.test(
      text,
    )
  ) {
    return 'near';
  }
  return undefined;
}

const FILLERS =
  /^(?:はい、|ただ、|また、|あわせて、|併せて、|だから|では、|それでは、|それから、|なお、|あと、|具体的に(?:は)?、?|今後とも、?|今後、|私から(?:ですが)?、|ぜひ、?|是非、?|まず、|最後に、|つきましては、)+/u;

const ENDING =
  /(?:を|は|も)?(?:よろしく|宜しく)?お願[いひ]|[てで](?:おいて)?(?:いただ|頂|もら|下さ|くださ)|(?:して|させて)?(?:いただ|頂)き|ご?(?:検討|対応|報告|調整)?(?:いただ|頂)け|(?:いたします|致します|します|やります|行います|進めます|まとめます|設けます|作ります|まいります|いきます|ことになります|こととします|たいと)/gu;

/** The sentence without its request or commitment ending and fillers: what is to be done. */
export function coreOf(sentence: string): string {
  let text = sentence.trim().replace(/[。．！!？?]+$/u, '');
  // The ending is in the last clause; a clause that is all formula (「よろしくお願いします」) goes too.
  for (;;) {
    const clauseStart = Math.max(text.lastIndexOf('、'), text.lastIndexOf('，')) + 1;
    const ending = [...text.slice(clauseStart).matchAll(ENDING)][0];
    if (!ending) break;
    const at = clauseStart + (ending.index ?? 0);
    text = text.slice(0, at).replace(/[、，]$/u, '');
    if (at > clauseStart || clauseStart === 0) break;
  }
  return text.replace(FILLERS, '').trim();
}

/** 「…こととします」「…ことにいたします」: the committee decides; it asks nobody. */
export function isDecision(sentence: string): boolean {
  return /こと(?:と|に)(?:します|いたします|致します|する)[。．]?$/u.test(sentence.trim());
}
