import { plainText } from '../cards/plain-text.js';
import { renderCard, type Card } from '../cards/card.js';
import type { Department } from '../domain/directory.js';
import { formatDateTime } from '../i18n/dates.js';
import type { Reader } from '../i18n/reader.js';
import { listOf } from '../i18n/translate.js';
import type { DashboardLink, HonbuTarget } from '../tab/deep-link.js';
import type { SurveyResults } from './results.js';
import {
  commentInputId,
  rankInputId,
  type Problem,
  type SubmissionProblems,
  type SubmittedValues,
} from './submission.js';
import { inLocale, type AnswerVersion, type Survey, type SurveyAnswer } from './survey.js';

// The survey files read `Reader` from here, beside the views that use it.
export type { Reader };

const when = (reader: Reader, iso: string) =>
  formatDateTime(new Date(iso), reader.locale, reader.timeZone);

/** A problem in the reader's words ('' for none). */
export function say(reader: Reader, problem: Problem | undefined): string {
  if (!problem) return '';
  const params = Object.fromEntries(
    Object.entries(problem.params ?? {}).map(([name, value]) => [
      name,
      typeof value === 'object' ? inLocale(value, reader.locale) : value,
    ]),
  );
  return reader.t(problem.key, params);
}

function meta(survey: Survey, department: Department | undefined, reader: Reader): string {
  const parts = [];
  if (department) parts.push(department.name[reader.locale]);
  if (survey.deadline)
    parts.push(reader.t('survey.form.deadline', { deadline: when(reader, survey.deadline) }));
  return parts.join(' · ');
}

export interface FormInput {
  readonly survey: Survey;
  readonly department: Department | undefined;
  readonly values: SubmittedValues;
  /** The revision the user edits; a submit based on an older one is a conflict. */
  readonly basedOn: number;
  readonly problems?: SubmissionProblems;
  /** The stored answer the form shows, to say who changed it last. */
  readonly current?: AnswerVersion;
  /** Someone else's change the user has not seen yet. */
  readonly conflict?: AnswerVersion;
  readonly refreshUserIds: readonly string[];
}

/** The answer form: rank pickers, a comment box per topic, a free opinion. */
export function formCard(input: FormInput, reader: Reader): Card {
  const { survey, values, problems } = input;
  const { t, locale } = reader;
  const fields = problems?.fields ?? {};
  const known = new Set(survey.topics.map((topic) => topic.id));
  let notice = '';
  let noticeColor = 'Attention';
  if (problems?.form) notice = say(reader, problems.form);
  else if (Object.keys(fields).length > 0) notice = t('survey.form.fix');
  else if (input.conflict) {
    notice = t('survey.form.conflict', {
      name: input.conflict.byName[locale],
      at: when(reader, input.conflict.at),
    });
    noticeColor = 'Warning';
  } else if (input.current) {
    notice = t('survey.form.current', {
      name: input.current.byName[locale],
      at: when(reader, input.current.at),
    });
    noticeColor = 'Default';
  }
  const rule = t(
    survey.ranking.mode === 'exactly' ? 'survey.form.ruleExactly' : 'survey.form.ruleUpTo',
    {
      count: survey.ranking.count,
    },
  );
  return renderCard('survey-form', {
    surveyId: survey.id,
    basedOn: input.basedOn,
    departmentId: input.department?.id ?? '',
    refreshUserIds: input.refreshUserIds,
    title: inLocale(survey.title, locale),
    meta: meta(survey, input.department, reader),
    intro: inLocale(survey.intro, locale),
    notice,
    noticeColor,
    rule,
    rankPlaceholder: t('survey.form.rankPlaceholder'),
    rankRequired: t('survey.error.rankRequired'),
    ranks: values.ranks.map((topicId, index) => ({
      id: rankInputId(index + 1),
      label: t('survey.rank', { rank: index + 1 }),
      required: survey.ranking.mode === 'exactly' || index === 0,
      // A tampered id is not one of the choices: show the picker empty, with the error.
      value: known.has(topicId) ? topicId : '',
      error: say(reader, fields[rankInputId(index + 1)]),
    })),
    choices: survey.topics.map((topic) => ({
      title: inLocale(topic.title, locale),
      value: topic.id,
    })),
    topicsHeading: t('survey.form.topicsHeading'),
    commentLabel: t('survey.form.commentLabel'),
    commentMax: survey.commentMaxLength,
    commentPlaceholder: t('survey.form.commentPlaceholder', { max: survey.commentMaxLength }),
    topics: survey.topics.map((topic) => ({
      inputId: commentInputId(topic.id),
      title: inLocale(topic.title, locale),
      description: inLocale(topic.description, locale),
      comment: values.comments[topic.id] ?? '',
      error: say(reader, fields[commentInputId(topic.id)]),
    })),
    opinionLabel: t('survey.form.opinionLabel'),
    opinionMax: survey.opinionMaxLength,
    opinionPlaceholder: t('survey.form.opinionPlaceholder', { max: survey.opinionMaxLength }),
    opinion: values.opinion,
    opinionError: say(reader, fields['opinion']),
    submitTitle: t('survey.form.submit'),
  });
}

/** The inputs of a form showing the stored answer (or an empty one). */
export function valuesOf(survey: Survey, answer: AnswerVersion | undefined): SubmittedValues {
  return {
    ranks: Array.from({ length: survey.ranking.count }, (_, i) => answer?.ranking[i] ?? ''),
    comments: Object.fromEntries(survey.topics.map((t) => [t.id, answer?.comments[t.id] ?? ''])),
    opinion: answer?.opinion ?? '',
  };
}

export interface AnswerViewInput {
  readonly survey: Survey;
  readonly department: Department | undefined;
  readonly answer: SurveyAnswer | undefined;
  /** False once the survey is closed (or for someone who may not answer). */
  readonly canEdit: boolean;
  readonly refreshUserIds: readonly string[];
  /** Why the card came back instead of what was asked (a send on a closed survey). */
  readonly notice?: string;
}

/** "Answered by <name> at <time> — edit", or the closed view with the department's answer. */
export function answerCard(input: AnswerViewInput, reader: Reader): Card {
  const { survey, answer } = input;
  const { t, locale } = reader;
  const current = answer?.current;
  const closed = survey.status === 'closed';
  const departmentName = input.department?.name[locale] ?? '';
  let status = current
    ? t('survey.view.answeredBy', { name: current.byName[locale], at: when(reader, current.at) })
    : t('survey.view.notAnswered', { department: departmentName });
  if (closed && survey.closedAt)
    status = `${t('survey.view.closed', { at: when(reader, survey.closedAt) })} ${status}`;
  const title = new Map(survey.topics.map((topic) => [topic.id, inLocale(topic.title, locale)]));
  const none = t('survey.view.none');
  const comments = survey.topics
    .filter((topic) => current?.comments[topic.id])
    .map((topic) => ({
      text: `**${plainText(title.get(topic.id) ?? '')}**: ${plainText(current?.comments[topic.id] ?? '')}`,
    }));
  return renderCard('survey-answer', {
    surveyId: survey.id,
    refreshUserIds: input.refreshUserIds,
    title: inLocale(survey.title, locale),
    meta: meta(survey, input.department, reader),
    notice: input.notice ?? '',
    status,
    statusColor: closed ? 'Default' : current ? 'Good' : 'Warning',
    hint:
      input.canEdit && survey.deadline
        ? t('survey.view.editUntil', { deadline: when(reader, survey.deadline) })
        : '',
    hasAnswer: current !== undefined,
    rankingHeading: t('survey.view.rankingHeading'),
    ranking: (current?.ranking ?? []).map((topicId, i) => ({
      rank: t('survey.rank', { rank: i + 1 }),
      topic: title.get(topicId) ?? topicId,
    })),
    commentsHeading: t('survey.view.commentsHeading'),
    comments: comments.length > 0 ? comments : [{ text: none }],
    opinionHeading: t('survey.view.opinionHeading'),
    opinion: current?.opinion ? plainText(current.opinion) : none,
    history: current
      ? t('survey.view.history', {
          count: answer?.history.length ?? 1,
          name: current.byName[locale],
          at: when(reader, current.at),
        })
      : '',
    canEdit: input.canEdit,
    editTitle: t(current ? 'survey.view.edit' : 'survey.view.answer'),
  });
}

/** A short card when there is nothing to show (unknown survey, not the user's survey). */
export function noticeCard(title: string, text: string): Card {
  return renderCard('survey-notice', { title, text });
}

const BAR_WIDTH = 20;

/** A text bar: 7 of 20 → ███████░░░░░░░░░░░░░. */
export function textBar(value: number, max: number): string {
  const filled = max > 0 ? Math.round((value / max) * BAR_WIDTH) : 0;
  return '█'.repeat(filled) + '░'.repeat(BAR_WIDTH - filled);
}

/** Where the dashboard shows the survey (its surveys section, as link previews point). */
function surveyTarget(survey: Survey): HonbuTarget {
  return { kind: 'survey', ref: String(survey.number) };
}

/** The channel card: answered x / y departments, updated as answers arrive. */
export function progressCard(
  survey: Survey,
  answered: number,
  reader: Reader,
  dashboardLink?: DashboardLink,
): Card {
  const { t, locale } = reader;
  const total = survey.audience.length;
  const closed = survey.status === 'closed';
  const status =
    closed && survey.closedAt
      ? t('survey.progress.closed', { at: when(reader, survey.closedAt) })
      : survey.deadline
        ? t('survey.progress.deadline', { deadline: when(reader, survey.deadline) })
        : '';
  return renderCard('survey-progress', {
    heading: t('survey.progress.title'),
    title: inLocale(survey.title, locale),
    count: t('survey.progress.count', { answered, total }),
    bar: `${textBar(answered, total)} ${total > 0 ? Math.round((answered / total) * 100) : 0}%`,
    status,
    statusColor: closed ? 'Attention' : 'Default',
    dashboardUrl: dashboardLink?.(surveyTarget(survey)),
    dashboardLabel: t('tab.open'),
  });
}

/** How many names or comments a results card lists before pointing to the CSV. */
const CARD_LIST_LIMIT = { names: 30, commentsPerTopic: 10, opinions: 20, commentChars: 300 };

function clip(text: string): string {
  const chars = [...text];
  return chars.length > CARD_LIST_LIMIT.commentChars
    ? `${chars.slice(0, CARD_LIST_LIMIT.commentChars).join('')}…`
    : text;
}

function names(departments: readonly Department[], reader: Reader): string {
  if (departments.length === 0) return reader.t('survey.results.nobody');
  const shown = departments.slice(0, CARD_LIST_LIMIT.names).map((d) => d.name[reader.locale]);
  const rest = departments.length - shown.length;
  return listOf(reader.locale, [
    ...shown,
    ...(rest > 0 ? [reader.t('survey.results.andMore', { count: rest })] : []),
  ]);
}

export interface ResultsView {
  readonly survey: Survey;
  readonly results: SurveyResults;
  readonly departments: ReadonlyMap<string, Department>;
  readonly csv: { readonly url: string; readonly expiresAt: Date };
}

/** Results for the secretariat and the chair: scores with bars, who answered, comments. */
export function resultsCard(
  view: ResultsView,
  reader: Reader,
  dashboardLink?: DashboardLink,
): Card {
  const { survey, results } = view;
  const { t, locale } = reader;
  const count = survey.ranking.count;
  const departmentName = (id: string) => view.departments.get(id)?.name[locale] ?? id;
  const maxScore = Math.max(0, ...results.topics.map((r) => r.score));
  const points = listOf(
    locale,
    Array.from({ length: count }, (_, i) => t('survey.points', { rank: i + 1, points: count - i })),
  );
  return renderCard('survey-results', {
    title: t('survey.results.title', { title: inLocale(survey.title, locale) }),
    summary: t('survey.results.summary', {
      answered: results.answered.length,
      total: survey.audience.length,
      status: t(`survey.status.${survey.status}`),
      points,
    }),
    topics: results.topics.map((r, i) => ({
      position: `${i + 1}.`,
      title: inLocale(r.topic.title, locale),
      counts: r.countsByRank
        .map((n, rank) => `${t('survey.rank', { rank: rank + 1 })} ${n}`)
        .join(' · '),
      score: t('survey.results.score', { score: r.score }),
      bar: textBar(r.score, maxScore),
    })),
    answered: t('survey.results.answered', {
      count: results.answered.length,
      names: names(results.answered, reader),
    }),
    missing: t('survey.results.missing', {
      count: results.missing.length,
      names: names(results.missing, reader),
    }),
    commentsHeading: t('survey.results.commentsHeading'),
    commentGroups: survey.topics.map((topic) => {
      const comments = results.topics.find((r) => r.topic.id === topic.id)?.comments ?? [];
      const shown = comments.slice(0, CARD_LIST_LIMIT.commentsPerTopic);
      return {
        topic: inLocale(topic.title, locale),
        comments:
          shown.length > 0
            ? shown.map((c) => ({
                text: `【${departmentName(c.departmentId)}】${plainText(clip(c.text))}`,
              }))
            : [{ text: t('survey.view.none') }],
        more:
          comments.length > shown.length
            ? t('survey.results.moreComments', { count: comments.length - shown.length })
            : '',
      };
    }),
    opinionsHeading: t('survey.results.opinionsHeading'),
    opinions:
      results.opinions.length > 0
        ? results.opinions.slice(0, CARD_LIST_LIMIT.opinions).map((o) => ({
            text: `【${departmentName(o.departmentId)}】${plainText(clip(o.text))}`,
          }))
        : [{ text: t('survey.results.noOpinions') }],
    opinionsMore:
      results.opinions.length > CARD_LIST_LIMIT.opinions
        ? t('survey.results.moreComments', {
            count: results.opinions.length - CARD_LIST_LIMIT.opinions,
          })
        : '',
    csvTitle: t('survey.results.csv'),
    csvUrl: view.csv.url,
    csvNote: t('survey.results.csvNote', { until: when(reader, view.csv.expiresAt.toISOString()) }),
    backTitle: t('survey.results.back'),
    dashboardUrl: dashboardLink?.(surveyTarget(survey)),
    dashboardLabel: t('tab.open'),
  });
}

export interface AdminRow {
  readonly survey: Survey;
  readonly answered: number;
}

/** The secretariat's list: each survey with what can be done with it now. */
export function adminCard(
  rows: readonly AdminRow[],
  notice: { readonly text: string; readonly ok: boolean } | undefined,
  reader: Reader,
): Card {
  const { t, locale } = reader;
  return renderCard('survey-admin', {
    title: t('survey.admin.title'),
    notice: notice?.text ?? '',
    noticeColor: notice?.ok === false ? 'Attention' : 'Good',
    empty: rows.length === 0 ? t('survey.none') : '',
    newTitle: t('survey.action.new'),
    surveys: rows.map(({ survey, answered }) => {
      const verbs: Array<[string, string]> = [];
      if (survey.status !== 'closed') verbs.push(['survey.editor', t('survey.action.edit')]);
      if (survey.status === 'draft') verbs.push(['survey.send', t('survey.action.send')]);
      if (survey.status === 'open') verbs.push(['survey.send', t('survey.action.resend')]);
      if (survey.status !== 'draft') verbs.push(['survey.results', t('survey.action.results')]);
      if (survey.status === 'open') verbs.push(['survey.close', t('survey.action.close')]);
      verbs.push(['survey.copy', t('survey.action.copy')]);
      return {
        title: inLocale(survey.title, locale),
        line: t('survey.admin.line', {
          number: survey.number,
          status: t(`survey.status.${survey.status}`),
          audience: survey.audience.length,
          answered,
          deadline: survey.deadline ? when(reader, survey.deadline) : t('survey.admin.noDeadline'),
        }),
        buttons: verbs.map(([verb, title]) => ({ verb, title, surveyId: survey.id })),
      };
    }),
  });
}
