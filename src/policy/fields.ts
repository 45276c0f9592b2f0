import type { Locale } from '../i18n/locale.js';
import type { FormValues } from './entry-cards.js';
import { fold } from './text.js';
import { isoDay, SCOPES, STATUSES, type Scope, type Status } from './model.js';

/**
 * Policy fields as the secretariat types them: `題名=…; 回答=…; 対象=区長部局`
 * (or `title: …; scope: mayor`). A text command edits the same form values the
 * card does, so both paths validate and save alike.
 */
const FIELD_WORDS: Readonly<Record<string, string>> = {
  title: 'title',
  題名: 'title',
  タイトル: 'title',
  件名: 'title',
  answer: 'answer',
  回答: 'answer',
  内容: 'answer',
  condition: 'conditions',
  conditions: 'conditions',
  条件: 'conditions',
  note: 'notes',
  notes: 'notes',
  備考: 'notes',
  scope: 'scope',
  対象: 'scope',
  範囲: 'scope',
  status: 'status',
  状態: 'status',
  subject: 'subjects',
  subjects: 'subjects',
  tools: 'subjects',
  ツール: 'subjects',
  since: 'since',
  開始: 'since',
  適用開始: 'since',
  topic: 'topic',
  分類: 'topic',
  meeting: 'meeting',
  source: 'meeting',
  会議: 'meeting',
  出典: 'meeting',
  date: 'date',
  日付: 'date',
  material: 'material',
  資料: 'material',
  keyword: 'keywords',
  keywords: 'keywords',
  キーワード: 'keywords',
  related: 'related',
  関連: 'related',
};

const BILINGUAL_FIELDS: ReadonlySet<string> = new Set([
  'title',
  'answer',
  'conditions',
  'notes',
  'meeting',
  'material',
  'keywords',
]);

const LANGUAGE_WORDS: Readonly<Record<string, Locale>> = {
  ja: 'ja',
  日: 'ja',
  日本語: 'ja',
  en: 'en',
  英: 'en',
  英語: 'en',
};

const SCOPE_WORDS: Readonly<Record<string, Scope>> = {
  mayor: 'mayor',
  区長部局: 'mayor',
  区長部: 'mayor',
  education: 'education',
  boe: 'education',
  教育委員会: 'education',
  教委: 'education',
  all: 'all',
  全庁: 'all',
};

const STATUS_WORDS: Readonly<Record<string, Status>> = {
  approved: 'approved',
  承認: 'approved',
  承認済み: 'approved',
  conditional: 'conditional',
  条件付き: 'conditional',
  条件付きで承認: 'conditional',
  条件付き承認: 'conditional',
  'under review': 'underReview',
  underreview: 'underReview',
  review: 'underReview',
  検討中: 'underReview',
  'not allowed': 'notAllowed',
  notallowed: 'notAllowed',
  不可: 'notAllowed',
  禁止: 'notAllowed',
  fact: 'fact',
  事実: 'fact',
  guidance: 'guidance',
  指針: 'guidance',
};

/** Lookup by folded word, so "タイトル", "Title" and "title" are one key. */
function foldedKeys<T>(table: Readonly<Record<string, T>>): ReadonlyMap<string, T> {
  return new Map(Object.entries(table).map(([word, value]) => [fold(word), value]));
}

const FIELDS = foldedKeys(FIELD_WORDS);
const SCOPES_BY_WORD = foldedKeys(SCOPE_WORDS);
const STATUSES_BY_WORD = foldedKeys(STATUS_WORDS);

const isScope = (value: string): value is Scope => (SCOPES as readonly string[]).includes(value);
const isStatus = (value: string): value is Status =>
  (STATUSES as readonly string[]).includes(value);

export function parseScope(value: string): Scope | undefined {
  const trimmed = value.trim();
  return isScope(trimmed) ? trimmed : SCOPES_BY_WORD.get(fold(trimmed));
}

export function parseStatus(value: string): Status | undefined {
  const trimmed = value.trim();
  return isStatus(trimmed) ? trimmed : STATUSES_BY_WORD.get(fold(trimmed).replace(/\s+/g, ' '));
}

export type FieldProblem =
  | { readonly kind: 'unknownField'; readonly field: string }
  | { readonly kind: 'badScope' | 'badStatus' | 'badDate'; readonly value: string }
  | { readonly kind: 'noFields' };

/** Applies `key=value; …` to form values; an unknown key or value changes nothing. */
export function applyFieldText(
  values: FormValues,
  text: string,
  locale: Locale,
): { ok: true; values: FormValues } | { ok: false; problem: FieldProblem } {
  const parts = text
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return { ok: false, problem: { kind: 'noFields' } };
  const next: Record<string, string> = { ...values };
  for (const part of parts) {
    const found = /^([^=:]+?)\s*[=:]\s*(.*)$/su.exec(part);
    if (!found) return { ok: false, problem: { kind: 'unknownField', field: part } };
    const [, rawKey = '', rawValue = ''] = found;
    const keyed = /^(.+?)(?:[._(（](ja|en|日|英|日本語|英語)[)）]?)?$/u.exec(fold(rawKey.trim()));
    const field = FIELDS.get(keyed?.[1] ?? '');
    if (!field) return { ok: false, problem: { kind: 'unknownField', field: rawKey.trim() } };
    const value = rawValue.trim();
    if (field === 'scope') {
      const scope = parseScope(value);
      if (!scope) return { ok: false, problem: { kind: 'badScope', value } };
      next['scope'] = scope;
    } else if (field === 'status') {
      const status = parseStatus(value);
      if (!status) return { ok: false, problem: { kind: 'badStatus', value } };
      next['status'] = status;
    } else if (BILINGUAL_FIELDS.has(field)) {
      const named = keyed?.[2] ? LANGUAGE_WORDS[keyed[2]] : undefined;
      const lang = named ?? locale;
      next[`${field}_${lang}`] = value;
      // Typed in one language only: the other one shows the same text until translated.
      const other = lang === 'ja' ? 'en' : 'ja';
      if (!named && !next[`${field}_${other}`]) next[`${field}_${other}`] = value;
    } else {
      if ((field === 'since' || field === 'date') && value && !isoDay.safeParse(value).success)
        return { ok: false, problem: { kind: 'badDate', value } };
      next[field] = value;
    }
  }
  return { ok: true, values: next };
}

const list = (text: string | undefined): string[] =>
  (text ?? '')
    .split(/[,、，]/u)
    .map((s) => s.trim())
    .filter(Boolean);

function optionalText(values: FormValues, field: string) {
  const ja = (values[`${field}_ja`] ?? '').trim();
  const en = (values[`${field}_en`] ?? '').trim();
  return ja || en ? { ja, en } : undefined;
}

/**
 * Form values → policy content (unvalidated: the policy book validates).
 * `defaultMeeting` names the source when the form leaves it empty.
 */
export function contentFromValues(
  values: FormValues,
  defaultMeeting: { ja: string; en: string },
): unknown {
  const since = (values['since'] ?? '').trim();
  const conditions = optionalText(values, 'conditions');
  const notes = optionalText(values, 'notes');
  const material = optionalText(values, 'material');
  return {
    topic: (values['topic'] ?? '').trim() || 'general',
    subjects: list(values['subjects']),
    scope: parseScope(values['scope'] ?? '') ?? values['scope'],
    status: parseStatus(values['status'] ?? '') ?? values['status'],
    title: {
      ja: (values['title_ja'] ?? '').trim(),
      en: (values['title_en'] ?? '').trim(),
    },
    answer: {
      ja: (values['answer_ja'] ?? '').trim(),
      en: (values['answer_en'] ?? '').trim(),
    },
    ...(conditions ? { conditions } : {}),
    ...(notes ? { notes } : {}),
    ...(since ? { since } : {}),
    source: {
      meeting: optionalText(values, 'meeting') ?? defaultMeeting,
      date: (values['date'] ?? '').trim(),
      ...(material ? { material } : {}),
    },
    keywords: { ja: list(values['keywords_ja']), en: list(values['keywords_en']) },
    related: list(values['related']).map((id) => id.toLowerCase()),
  };
}

/** Form values from an Action.Execute payload (inputs arrive as strings). */
export function valuesFromData(data: Readonly<Record<string, unknown>>): FormValues {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(data)) {
    if (typeof value === 'string') values[key] = value;
  }
  return values;
}

/** Field names of the form, in the order people read them (for error messages). */
export const FIELD_ORDER = [
  'title',
  'answer',
  'conditions',
  'notes',
  'scope',
  'status',
  'subjects',
  'since',
  'topic',
  'source',
  'keywords',
  'related',
] as const;
