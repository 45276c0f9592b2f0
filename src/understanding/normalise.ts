/**
 * Text as the understanding step compares it. People type on a phone: full-width
 * digits, katakana or hiragana for the same word, a stretched vowel (かいぎー),
 * a small kana typed for a large one, an @mention left over, 「？」「ですか」 or an
 * emoji at the end. None of that changes what they mean, so all of it is folded
 * away before matching. The original text stays with the turn for notes.
 */

const KATAKANA = /[\u30a1-\u30f6]/g;
const SMALL_KANA: Readonly<Record<string, string>> = {
  ぁ: 'あ',
  ぃ: 'い',
  ぅ: 'う',
  ぇ: 'え',
  ぉ: 'お',
  っ: 'つ',
  ゃ: 'や',
  ゅ: 'ゆ',
  ょ: 'よ',
  ゎ: 'わ',
};
const SMALL = /[ぁぃぅぇぉっゃゅょゎ]/g;
/** Teams leaves <at>Honbu</at> or "@Honbu" when the mention is not removed. */
const MENTION = /<at>[^<]*<\/at>|^@\S+\s*|\s@honbu\b/gi;
const EMOJI = /\p{Extended_Pictographic}|\u{FE0F}|\u{200D}|[\u{1F3FB}-\u{1F3FF}]/gu;
/** Trailing punctuation, laughter and stretch marks: 「？」「！！」「。」「w」「〜」. */
const TRAILING = /[\s?!.。、,…・~〜ー]+$|(?<=[^a-z])w+$/u;
/** Polite question endings that add nothing to the meaning. */
const POLITE_END = /(でしょうか|ですか|ますか|ですかね|かな|か)$/u;

/** NFKC, spacing and mentions only: what slots and notes are read from. */
export function cleanText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(MENTION, ' ')
    .replace(EMOJI, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The folded form every comparison uses (classifier features, cue words). */
export function foldForMatching(text: string): string {
  let folded = cleanText(text).toLowerCase();
  folded = folded.replace(KATAKANA, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
  folded = folded.replace(SMALL, (c) => SMALL_KANA[c] ?? c);
  // A long-vowel mark inside a word (すけじゅーる) is kept once; a run is one.
  folded = folded.replace(/ー{2,}/g, 'ー').replace(/[~〜]+/g, '');
  for (let i = 0; i < 3; i++) {
    const before = folded;
    folded = folded.replace(TRAILING, '').replace(POLITE_END, '');
    if (folded === before) break;
  }
  return folded.trim();
}
