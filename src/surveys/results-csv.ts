import { stringify } from 'csv-stringify/sync';
import { DateTime } from 'luxon';
import type { Locale } from '../i18n/locale.js';
import type { Translate } from '../i18n/translate.js';
import type { SurveyResults } from './results.js';
import { inLocale, type Survey } from './survey.js';

/**
 * A cell Excel would run as a formula (=, +, @, or - followed by a non-space)
 * gets a leading apostrophe; "- 箇条書き" stays as typed.
 */
function safeCell(value: string): string {
  return /^([=+@\t\r]|-\S)/.test(value) ? `'${value}` : value;
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
  const rows = [...results.answered, ...results.missing]
    .sort((a, b) => survey.audience.indexOf(a.id) - survey.audience.indexOf(b.id))
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
        DateTime.fromISO(answer.at, { zone: timeZone }).toFormat('yyyy-MM-dd HH:mm'),
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
