import { ASPECT_PHRASES, ASPECTS, IGNORED_PHRASES, type Aspect } from './aspects.js';
import { GENERIC_WORDS, KANA_FOCUS_WORDS, STOP_WORDS } from './common-words.js';
import { CASE_SENSITIVE_PHRASES, CONCEPTS, PRODUCT_NAMES, SCOPE_PHRASES } from './lexicon.js';
import { SCOPES, type Scope } from './model.js';

/**
 * How Honbu reads a policy question or a policy entry: NFKC, kana and case
 * folding, synonym phrases to concepts, then Intl.Segmenter word segmentation
 * for the rest. The same reading is used to index entries and to ask, so both
 * sides always agree on what a word is.
 */
export interface Reading {
  /** Canonical concepts the text mentions (webconference, wifi …). */
  readonly concepts: ReadonlySet<string>;
  /** Scopes the text names (教育委員会, 区長部局 …). */
  readonly scopes: ReadonlySet<Scope>;
  /** Subjects (tool names from the data) the text names, as written in the data. */
  readonly subjects: readonly string[];
  /** What the question asks for besides its topic (a date, a cost, a how-to …). */
  readonly aspects: ReadonlySet<Aspect>;
  /** Products the text names that are not subjects of the data (Zoom …), as usually written. */
  readonly products: readonly string[];
  /** Words that carry what the text is about: an answer must contain every one. */
  readonly content: readonly string[];
  /** Words that say what kind of question it is ("may I", "tool", "rule"). */
  readonly generic: readonly string[];
  /** One-character words: searched, but too short to be evidence. */
  readonly weak: readonly string[];
  /** Each content word as the text wrote it (the words are stored folded: らいせんす ← ライセンス). */
  readonly surfaces: ReadonlyMap<string, string>;
}

let wordSegmenter: Intl.Segmenter | undefined;

/** Made on first use: making it loads ICU's Japanese word dictionary, which starting never needs. */
function segmenter(): Intl.Segmenter {
  wordSegmenter ??= new Intl.Segmenter('ja', { granularity: 'word' });
  return wordSegmenter;
}

const HIRAGANA_ONLY = /^[\u3041-\u309f\u30fc]+$/u;
const JAPANESE = /[\u3400-\u4dbf\u4e00-\u9fff\u30a0-\u30ff々〆ヵヶ]/u;
const TRAILING_HIRAGANA = /[\u3041-\u309f]+$/u;
const HONORIFIC_PREFIX = /^[おご](?=[\u3400-\u4dbf\u4e00-\u9fff])/u;
const LATIN_OR_DIGIT = /[a-z0-9]/;
/** "@Honbu" or "<at>Honbu</at>" in front of a question: who it is addressed to, not what it asks. */
const MENTION = /^(?:<at>[^<]*<\/at>|@\S+)\s*/u;
const KATAKANA_ONLY = /^[\u30a0-\u30ff]+$/u;

/**
 * Case and kana folding that keeps every character in place (one in, one out),
 * so positions found in the folded text are valid in the original.
 */
export function fold(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0x41 && code <= 0x5a) out += String.fromCharCode(code + 0x20);
    else if (code >= 0x30a1 && code <= 0x30f6) out += String.fromCharCode(code - 0x60);
    else if (ch === '’' || ch === '‘' || ch === '`') out += "'";
    else out += ch;
  }
  return out;
}

/** NFKC (full-width letters and digits, half-width katakana) and collapsed spaces. */
export function normalise(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

/** A light English stemmer: enough to make plurals and -ed/-ing forms meet. */
export function stemEnglish(word: string): string {
  let w = word.replace(/'s$/, '');
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us')) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length - 3 >= 3) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length - 2 >= 3) w = w.slice(0, -2);
  if (w.endsWith('e') && w.length >= 5) w = w.slice(0, -1);
  return w;
}

/** One segmenter word → the term stored and searched, or undefined for function words. */
function termOf(segment: string): string | undefined {
  if (HIRAGANA_ONLY.test(segment)) return KANA_FOCUS_WORDS.includes(segment) ? segment : undefined;
  if (JAPANESE.test(segment)) {
    // 使える / 使って / 使います all become 使; お願い becomes 願.
    const stem = segment.replace(HONORIFIC_PREFIX, '').replace(TRAILING_HIRAGANA, '');
    return stem ? fold(stem) : undefined;
  }
  const latin = fold(segment);
  return /[a-z]/.test(latin) ? stemEnglish(latin) : latin;
}

interface Word {
  readonly term: string;
  readonly surface: string;
}

/**
 * The segmenter's words, with runs of katakana joined again: it cuts a
 * loanword it does not know ("スマ|ホ"), and half a word is no word.
 */
function segmentsOf(text: string): string[] {
  const out: string[] = [];
  let previousKatakana = false;
  for (const part of segmenter().segment(text)) {
    if (!part.isWordLike) {
      previousKatakana = false;
      continue;
    }
    const katakana = KATAKANA_ONLY.test(part.segment);
    if (katakana && previousKatakana) out[out.length - 1] += part.segment;
    else out.push(part.segment);
    previousKatakana = katakana;
  }
  return out;
}

function wordsWithSurfaces(text: string): Word[] {
  const out: Word[] = [];
  for (const surface of segmentsOf(text)) {
    const term = termOf(surface);
    if (term) out.push({ term, surface });
  }
  return out;
}

function wordsOf(text: string): string[] {
  return wordsWithSurfaces(text).map((w) => w.term);
}

interface Phrase {
  /** A plain substring every match contains: most phrases are ruled out without the regex. */
  readonly anchor: string;
  readonly pattern: RegExp;
  readonly kind: 'concept' | 'scope' | 'aspect' | 'ignored';
  readonly value: string;
  /**
   * Matched on the text as written rather than folded: "Teams", not "teams";
   * "いつ" (when) in hiragana, not inside the katakana of "よいツール".
   */
  readonly asWritten: boolean;
  /** The product this phrase names (PRODUCT_NAMES), if it names one. */
  readonly product?: string;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A phrase as a regex over folded text: whole Latin words, optional spaces between scripts. */
function phrasePattern(phrase: string, asWritten = false): RegExp {
  const normalised = phrase.normalize('NFKC');
  const folded = asWritten ? normalised : fold(normalised);
  let body = '';
  let previous = '';
  for (const ch of folded) {
    if (ch === ' ') body += '[\\s-]?';
    else {
      const switchesScript =
        previous !== '' &&
        previous !== ' ' &&
        LATIN_OR_DIGIT.test(previous) !== LATIN_OR_DIGIT.test(ch);
      body += (switchesScript ? '\\s*' : '') + escape(ch);
    }
    previous = ch;
  }
  const first = folded[0] ?? '';
  const last = folded[folded.length - 1] ?? '';
  const latin = (ch: string) => LATIN_OR_DIGIT.test(ch.toLowerCase());
  const before = latin(first) ? '(?<![A-Za-z0-9])' : '';
  const after = latin(last) ? "(?:'s|s|es|ing)?(?![A-Za-z0-9])" : '';
  return new RegExp(`${before}${body}${after}`, 'gu');
}

/** The phrase's first run of one script: "web会議" → "web", "wi fi" → "wi". */
function anchorOf(phrase: string): string {
  const folded = fold(phrase.normalize('NFKC'));
  const first = folded[0] ?? '';
  let anchor = '';
  for (const ch of folded) {
    if (ch === ' ' || LATIN_OR_DIGIT.test(ch) !== LATIN_OR_DIGIT.test(first)) break;
    anchor += ch;
  }
  return anchor;
}

function phrase(text: string, kind: Phrase['kind'], value: string): Phrase {
  const product = PRODUCT_NAMES[text];
  const asWritten = CASE_SENSITIVE_PHRASES.has(text) || HIRAGANA_ONLY.test(text);
  return {
    anchor: asWritten ? text : anchorOf(text),
    pattern: phrasePattern(text, asWritten),
    kind,
    value,
    asWritten,
    ...(product ? { product } : {}),
  };
}

const PHRASES: readonly Phrase[] = [
  ...Object.entries(CONCEPTS).flatMap(([value, phrases]) =>
    phrases.map((p) => phrase(p, 'concept', value)),
  ),
  ...SCOPES.flatMap((value) => SCOPE_PHRASES[value].map((p) => phrase(p, 'scope', value))),
  ...ASPECTS.flatMap((value) => ASPECT_PHRASES[value].map((p) => phrase(p, 'aspect', value))),
  ...IGNORED_PHRASES.map((p) => phrase(p, 'ignored', '')),
];

function termSet(words: readonly string[]): ReadonlySet<string> {
  return new Set(words.flatMap((w) => wordsOf(normalise(w))));
}

interface WordLists {
  readonly generic: ReadonlySet<string>;
  readonly stop: ReadonlySet<string>;
}
let wordLists: WordLists | undefined;

/** The generic and stop words as terms: segmented with the first text read, not at start. */
function lists(): WordLists {
  wordLists ??= { generic: termSet(GENERIC_WORDS), stop: termSet(STOP_WORDS) };
  return wordLists;
}

interface Span {
  readonly start: number;
  readonly end: number;
}

/** Where a subject (a tool name from the data) is named in the text. */
function subjectSpans(text: string, folded: string, subject: string): Span[] {
  const spans: Span[] = [];
  if (/^[A-Za-z]$/.test(subject)) {
    // One capital letter ("A"): case matters, and a sentence-initial English
    // article ("A question about …") is not the tool A.
    const pattern = new RegExp(`(?<![A-Za-z0-9])${subject}(?![A-Za-z0-9])`, 'g');
    for (const m of text.matchAll(pattern)) {
      const start = m.index;
      const sentenceStart = /(^|[.!?。！？]\s*)$/.test(text.slice(0, start));
      if (sentenceStart && /^\s+[a-z]/.test(text.slice(start + 1))) continue;
      spans.push({ start, end: start + 1 });
    }
    return spans;
  }
  for (const m of folded.matchAll(phrasePattern(subject))) {
    spans.push({ start: m.index, end: m.index + m[0].length });
  }
  return spans;
}

/** Reads a text against the subjects the data knows. */
export function read(raw: string, knownSubjects: readonly string[] = []): Reading {
  const text = normalise(raw).replace(MENTION, '');
  const folded = fold(text);
  const taken: Span[] = [];
  const free = (s: Span) => taken.every((t) => s.end <= t.start || s.start >= t.end);

  const subjects: string[] = [];
  for (const subject of knownSubjects) {
    for (const span of subjectSpans(text, folded, subject)) {
      if (!free(span)) continue;
      taken.push(span);
      if (!subjects.includes(subject)) subjects.push(subject);
    }
  }

  const found: Array<Span & { phrase: Phrase }> = [];
  for (const phrase of PHRASES) {
    const searched = phrase.asWritten ? text : folded;
    if (!searched.includes(phrase.anchor)) continue;
    for (const m of searched.matchAll(phrase.pattern)) {
      if (m[0].length > 0) found.push({ start: m.index, end: m.index + m[0].length, phrase });
    }
  }
  // Longest phrase first: "meeting room" before "room", "区長部局" before "区長部".
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const concepts = new Set<string>();
  const scopes = new Set<Scope>();
  const aspects = new Set<Aspect>();
  const products: string[] = [];
  for (const hit of found) {
    if (!free(hit)) continue;
    taken.push(hit);
    const product = hit.phrase.product;
    if (product && !products.includes(product)) products.push(product);
    if (hit.phrase.kind === 'concept') concepts.add(hit.phrase.value);
    else if (hit.phrase.kind === 'scope') scopes.add(hit.phrase.value as Scope);
    else if (hit.phrase.kind === 'aspect') aspects.add(hit.phrase.value as Aspect);
  }

  let rest = '';
  let at = 0;
  for (const span of [...taken].sort((a, b) => a.start - b.start)) {
    rest += `${text.slice(at, span.start)} `;
    at = span.end;
  }
  rest += text.slice(at);

  const content: string[] = [];
  const generic: string[] = [];
  const weak: string[] = [];
  const surfaces = new Map<string, string>();
  const { generic: genericWords, stop } = lists();
  for (const { term, surface } of wordsWithSurfaces(rest)) {
    if (stop.has(term)) continue;
    if (genericWords.has(term)) generic.push(term);
    else if ([...term].length === 1) weak.push(term);
    else {
      content.push(term);
      if (!surfaces.has(term)) surfaces.set(term, surface);
    }
  }
  return { concepts, scopes, aspects, subjects, products, content, generic, weak, surfaces };
}

export const conceptToken = (concept: string): string => `~${concept}`;
export const scopeToken = (scope: Scope): string => `~scope:${scope}`;
export const subjectToken = (subject: string): string => `@${fold(subject.normalize('NFKC'))}`;

/** Every token of a reading, as indexed and searched. */
export function tokensOf(reading: Reading): string[] {
  return [
    ...[...reading.concepts].map(conceptToken),
    ...[...reading.scopes].map(scopeToken),
    ...reading.subjects.map(subjectToken),
    ...reading.content,
    ...reading.generic,
    ...reading.weak,
  ];
}

/** The tokens an answer must contain for the question to count as answered by it. */
export function requiredTokens(reading: Reading): string[] {
  return [
    ...[...reading.concepts].map(conceptToken),
    ...reading.subjects.map(subjectToken),
    ...reading.content,
  ];
}

const QUESTION_END =
  /(\?|か|かな|かね|の|っけ|でしょう|教えて|教えてください|知りたい|ください)[。.!！]*$/u;
const QUESTION_WORD =
  /(何|なに|どれ|どの|どこ|どう|いつ|誰|だれ|なぜ|可能|できます|使え|いい|良い)/u;
const ENGLISH_QUESTION_START =
  /^(what|which|who|when|where|why|how|can|could|may|is|are|do|does|should|will|would|am)\b/i;

/** Does the text read like a question (rather than a greeting or a mistyped command)? */
export function looksLikeQuestion(raw: string): boolean {
  const text = normalise(raw);
  return QUESTION_END.test(text) || QUESTION_WORD.test(text) || ENGLISH_QUESTION_START.test(text);
}
