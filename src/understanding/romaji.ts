import { readFileSync } from 'node:fs';
import { toHiragana } from 'wanakana';
import { PRODUCT_NAMES } from '../policy/lexicon.js';

/**
 * Japanese typed in Latin letters (「jikai no kaigi itsu?」, a phone without a
 * Japanese keyboard) is read as the kana it spells, so the normal Japanese path
 * reads it. wanakana knows every romanisation (shi/si, tsu/tu, n', small tsu by
 * doubling) where a hand-written table would miss some. English must stay
 * English: "when", "the" and "line" are valid romaji too, so a text with any
 * English word the bot knows is left as it is.
 */

/** Common English words, beside the concept words and product names below. */
const STOP_WORDS = `a an the is are am was were be been do does did to of in on at for with by from
what when where who whom whose how why which can could will would should shall may might must
please you your yours it its this that these those me my mine i we our us they them he she his her
and or but not yes have has had any all some get got see let give show tell need want know
next last new open here there now then today tomorrow week day time date one two three ok okay
nope sure yeah yep fine bye nice cool great sorry sir`;

const concepts = JSON.parse(
  readFileSync(new URL('./concepts.json', import.meta.url), 'utf-8'),
) as Readonly<Record<string, readonly string[]>>;

/** The concepts' one-word English entries (a phrase may hold a name: "will honbu send"). */
const conceptWords = Object.values(concepts)
  .flat()
  .filter((w) => /^[a-z'’*-]+$/i.test(w))
  .map((w) => w.toLowerCase());

/** English words the bot reads: a text with one of them is English. */
const ENGLISH: ReadonlySet<string> = new Set([
  ...STOP_WORDS.split(/\s+/),
  ...conceptWords.flatMap((w) => w.replace(/\*/g, '').split(/[ -]+/)),
]);
/** Stems the concepts take with any ending (attend*, item*): "attends", "items". */
const ENGLISH_STEMS = conceptWords
  .filter((w) => w.endsWith('*') && w.length > 4)
  .map((w) => w.slice(0, -1));

/**
 * The shape of a romaji word: syllables of Hepburn or kunrei spelling, a
 * doubled consonant (kekka), a syllabic n. English words rarely fit it
 * ("office", "bye", "attends" do not).
 */
const ROMAJI_WORD =
  /^(?:(?:[kgsztdnhbpmr]y?|sh|ch|ts|j|f|w|y|v)?[aiueo]|n'?(?![aiueoy])|([kgsztdhbpmrcfj])(?=\1))+$/;

function isEnglish(word: string): boolean {
  return ENGLISH.has(word) || ENGLISH_STEMS.some((stem) => word.startsWith(stem));
}

/** Names (Zoom, LINE, Honbu) stay in Latin letters inside romaji: 「Zoom tsukaeru?」. */
const PRODUCTS: ReadonlySet<string> = new Set([
  // The bot's own name, as people write it to it.
  'honbu',
  ...Object.keys(PRODUCT_NAMES)
    .filter((name) => /^[a-z ]+$/i.test(name))
    .flatMap((name) => name.toLowerCase().split(' ')),
]);

const LATIN_WORD = /[a-z]+(?:'[a-z]+)?/gi;
/** Kana, with the long-vowel mark; a converted word must be all of these. */
const ALL_KANA = /^[\u3041-\u309fー]+$/;
const BETWEEN_KANA = /(?<=[\u3041-\u309fー])\s+(?=[\u3041-\u309fー])/g;

/**
 * The text with each romaji word as hiragana, when every Latin word of it is
 * romaji (or a product name); otherwise the text unchanged. Digits, kanji and
 * punctuation stay as they are.
 */
export function romajiAsKana(cleaned: string): string {
  const words = cleaned.match(LATIN_WORD)?.map((w) => w.toLowerCase());
  if (!words) return cleaned;
  // One word that is English, or not shaped like romaji, makes the text English.
  const japanese = words.every((w) => PRODUCTS.has(w) || (!isEnglish(w) && ROMAJI_WORD.test(w)));
  if (!japanese || words.every((w) => PRODUCTS.has(w))) return cleaned;
  const read = cleaned.replace(LATIN_WORD, (word) => {
    if (PRODUCTS.has(word.toLowerCase())) return word;
    const kana = toHiragana(word.toLowerCase(), { passRomaji: false });
    return ALL_KANA.test(kana) ? kana : word;
  });
  // Japanese has no spaces between words: 「kigen gire」 is 期限切れ (きげんぎれ).
  return read.replace(BETWEEN_KANA, '');
}
