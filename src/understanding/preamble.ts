/**
 * What people say before they ask: a greeting, who they are, an apology for
 * bothering (「お疲れ様です。教育部長です。アンケートに回答したいのですが…」,
 * "Hi, this is the finance director. …"). It is courtesy, not the request:
 * it is set aside when something follows, so a greeting is an intent only
 * when nothing else is said.
 */

/** A greeting or courtesy opening, up to its punctuation; an apology may run on. */
const JA_COURTESY =
  /^(?:(?:お疲れ様|お疲れさま|おつかれさま|お世話に|こんにちは|こんにちわ|おはよう|こんばんは|はじめまして|初めまして|失礼(?:いた)?します|すみません|すいません|恐れ入り|恐縮ですが|申し訳(?:ありません|ございません)が|お忙しいところ|突然|度々|たびたび)[^。！!？?\n]{0,20}?[。、,！!\s]+|(?:ごめん(?:なさい|ね)?|すみません|すいません)(?=[^\s。、,！!]))/u;

/**
 * Who is writing: a department or post (教育部長, 総務部の田中) ending a clause
 * with です/でございます/と申します.
 */
const JA_INTRODUCTION =
  /^[^。、,！!？?]{0,16}(?:部|課|室|局|係|所|センター|事務局)(?:長|次長)?(?:の[^。、,！!？?]{1,10})?(?:です|でございます|と申します)[。、,！!\s]+/u;

const EN_COURTESY =
  /^(?:hi|hello|hey|good (?:morning|afternoon|evening)|sorry to bother you|excuse me|sorry|greetings|dear honbu)(?: there| all| team| everyone| honbu)?[,.!\s]+(?!(?:there|all|team|everyone|honbu)(?![a-z]))/i;

const EN_INTRODUCTION =
  /^(?:this is|i am|i'm|it's)\s[^.,!?]{1,40}?(?:director|head|manager|chief|secretariat|officer|section|division|department)[^.,!?]{0,30}[.,!]\s*/i;

const OPENINGS = [JA_COURTESY, JA_INTRODUCTION, EN_COURTESY, EN_INTRODUCTION];

/** Whom the greeting is for (「こんにちは、Honbuさん」 "hi everyone"): no request. */
const ADDRESS =
  /^(?:honbu|ほんぶ|本部|ボット|皆さん|みなさん|皆様|みなさま|everyone|all|team|bot)\s*(?:さん|様|さま|くん)?[\s。、,.!！]*$/iu;

/** At least this much must follow for an opening to be set aside. */
const MIN_REST = 2;

/** The text without its opening courtesies, or the text itself when they are all it says. */
export function withoutPreamble(cleaned: string): string {
  let rest = cleaned;
  for (let pass = 0; pass < 4; pass++) {
    const opening = OPENINGS.map((re) => re.exec(rest)).find((m) => m && m[0].length > 0);
    if (!opening) break;
    const after = rest.slice(opening[0].length).trim();
    if (after.replace(/[\s。、,.!！?？]/gu, '').length < MIN_REST || ADDRESS.test(after)) break;
    rest = after;
  }
  return rest;
}
