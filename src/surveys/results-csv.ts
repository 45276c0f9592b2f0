import { stringify } from 'csv-stringify/sync';
import type { Locale } from '../i18n/locale.js';
import type { Translate } from '../i18n/translate.js';
import type { SurveyResults } from './results.js';
import { inLocale, type Survey } from './survey.js';

/** Characters a reader does not see (format, bidi, zero-width) and spaces, before the first visible one. */
const INVISIBLE_LEAD = /^[\p{Cf}\p{Z}\s]*/u;
/**
 * What starts a formula in a spreadsheet: = + @ and their full-width or small
 * forms, or a minus sign followed by anything but a space ("- 箇条書き" is a list).
 */
const FORMULA_START = /^([=+@＝＋＠﹦﹢]|[-－﹣−](?=[^ ]))/su;

/**
 * A cell a spreadsheet could run as a formula gets a leading apostrophe, also
 * when invisible characters hide its first sign, or a tab, CR or LF starts it.
 */
export function safeCell(value: string): string {
  if (/^[\t\r\n]/.test(value)) return `'${value}`;
  return FORMULA_START.test(value.replace(INVISIBLE_LEAD, '')) ? `'${value}` : value;
}

/** "2026-12-01 10:00" in the committee's time zone (one formatter for every row). */
function localMinutes(timeZone: string): (iso: string) => string {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return (iso) => {
    const parts = Object.fromEntries(
      format.formatToParts(new Date(iso)).map((p) => [p.type, p.value]),
    );
    return `${parts['year']}-${parts['month']}-${parts['day']} ${parts['hour']}:${parts['minute']}`;
  };
}

/**
 * The results as CSV for Excel: UTF-8 with a BOM (so Excel reads Japanese
 * correctly), CRLF line ends, one row per audience department — answered or not —
 * with the ranked topics, a column per topic comment and the free opinion.
 */
export function resultsCsv(
  survey: Survey,
  results: SurveyResults,
  locale: Locale,
  t: Translate,
  timeZone: string,
): string {
  const answeredAt = localMinutes(timeZone);
  const topicTitle = new Map(
    survey.topics.map((topic) => [topic.id, inLocale(topic.title, locale)]),
  );
  const header = [
    t('survey.csv.department'),
    t('survey.csv.status'),
    t('survey.csv.answeredBy'),
    t('survey.csv.answeredAt'),
    ...Array.from({ length: survey.ranking.count }, (_, i) => t('survey.rank', { rank: i + 1 })),
    ...survey.topics.map((topic) =>
      t('survey.csv.comment', { topic: inLocale(topic.title, locale) }),
    ),
    t('survey.csv.opinion'),
  ];
  const position = new Map(survey.audience.map((id, i) => [id, i]));
  const rows = [...results.answered, ...results.missing]
    .sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0))
    .map((department) => {
      const answer = results.answers.get(department.id)?.current;
      const name = department.name[locale];
      if (!answer) {
        return [name, t('survey.csv.missing'), ...new Array<string>(header.length - 2).fill('')];
      }
      return [
        name,
        t('survey.csv.answered'),
        answer.byName[locale],
        answeredAt(answer.at),
        ...Array.from({ length: survey.ranking.count }, (_, i) => {
          const id = answer.ranking[i];
          return id ? (topicTitle.get(id) ?? id) : '';
        }),
        ...survey.topics.map((topic) => answer.comments[topic.id] ?? ''),
        answer.opinion,
      ];
    });
  return stringify(
    [header, ...rows].map((row) => row.map(safeCell)),
    {
      bom: true,
      record_delimiter: 'windows',
    },
  );
}
