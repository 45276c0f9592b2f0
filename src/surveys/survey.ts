import type { Locale } from '../i18n/locale.js';

/** Text the secretariat writes in both languages; English falls back to Japanese. */
export interface LocalText {
  readonly ja: string;
  readonly en: string;
}

export function inLocale(text: LocalText, locale: Locale): string {
  return locale === 'en' && text.en.trim() !== '' ? text.en : text.ja;
}

export interface SurveyTopic {
  /** Stable within the survey: answers refer to it. Lower-case letters, digits and '-'. */
  readonly id: string;
  readonly title: LocalText;
  readonly description: LocalText;
}

/** "Rank exactly 3" (the minutes' 1位–3位) or "rank up to 3" distinct topics. */
export interface RankingRule {
  readonly mode: 'exactly' | 'upTo';
  readonly count: number;
}

export type SurveyStatus = 'draft' | 'open' | 'closed';

export interface Survey {
  readonly id: string;
  /** Short number people type in commands: 結果 2. */
  readonly number: number;
  readonly title: LocalText;
  readonly intro: LocalText;
  readonly topics: readonly SurveyTopic[];
  readonly ranking: RankingRule;
  /** Longest comment per topic, in characters. */
  readonly commentMaxLength: number;
  readonly opinionMaxLength: number;
  /** ISO instant; required before sending. */
  readonly deadline?: string;
  /** Department ids whose head or delegate answers. */
  readonly audience: readonly string[];
  /** Reminders to departments that have not answered, in business days before the deadline. */
  readonly nudgeBusinessDays: readonly number[];
  readonly status: SurveyStatus;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly updatedAt: string;
  readonly sentAt?: string;
  readonly closedAt?: string;
  /** The survey this one was copied from. */
  readonly copiedFrom?: string;
}

/** What a department answered: topic ids in rank order, comments by topic id, a free opinion. */
export interface AnswerContent {
  readonly ranking: readonly string[];
  readonly comments: Readonly<Record<string, string>>;
  readonly opinion: string;
}

export interface AnswerVersion extends AnswerContent {
  readonly revision: number;
  readonly at: string;
  readonly byPersonId: string;
  readonly byName: LocalText;
}

/**
 * One department's answer, shared by its head and delegate. Every change
 * appends a version to `history` in the same atomic update; the last version
 * is the current answer.
 */
export interface SurveyAnswer {
  readonly id: string;
  readonly surveyId: string;
  readonly departmentId: string;
  readonly current: AnswerVersion;
  readonly history: readonly AnswerVersion[];
}

export function answerId(surveyId: string, departmentId: string): string {
  return `${surveyId}|${departmentId}`;
}

export const SURVEY_LIMITS = {
  maxTopics: 30,
  maxRankCount: 10,
  maxCommentLength: 4000,
  maxOpinionLength: 8000,
  maxTitleLength: 200,
  maxIntroLength: 2000,
} as const;

export function sameContent(a: AnswerContent, b: AnswerContent): boolean {
  if (a.opinion !== b.opinion) return false;
  if (a.ranking.length !== b.ranking.length || a.ranking.some((id, i) => b.ranking[i] !== id))
    return false;
  const keysA = Object.keys(a.comments).sort();
  const keysB = Object.keys(b.comments).sort();
  return (
    keysA.length === keysB.length &&
    keysA.every((k, i) => k === keysB[i] && a.comments[k] === b.comments[k])
  );
}

/** Whether answers are accepted at `now`: sent, not closed, before the deadline. */
export function acceptsAnswers(survey: Survey, now: Date): boolean {
  return (
    survey.status === 'open' &&
    survey.deadline !== undefined &&
    now.getTime() < new Date(survey.deadline).getTime()
  );
}

/** Same topics in the same order (their texts may differ). */
export function sameTopicIds(a: Pick<Survey, 'topics'>, b: Pick<Survey, 'topics'>): boolean {
  return a.topics.length === b.topics.length && a.topics.every((t, i) => t.id === b.topics[i]?.id);
}
