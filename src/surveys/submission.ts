import { actsForDepartment, type Actor, type Department } from '../domain/directory.js';
import type { MessageKey } from '../i18n/catalog.js';
import { acceptsAnswers, type AnswerContent, type LocalText, type Survey } from './survey.js';

/** Ids of the answer card's inputs; the card template uses the same. */
export const rankInputId = (rank: number): string => `rank${rank}`;
export const commentInputId = (topicId: string): string => `comment_${topicId}`;
export const OPINION_INPUT_ID = 'opinion';

/** What the user sent, as they typed it: shown again when the card comes back with errors. */
export interface SubmittedValues {
  /** Topic id per rank (index 0 = 1位); '' when not chosen. */
  readonly ranks: readonly string[];
  readonly comments: Readonly<Record<string, string>>;
  readonly opinion: string;
}

export interface Problem {
  readonly key: MessageKey;
  /** Names in both languages are given as LocalText and picked when shown. */
  readonly params?: Readonly<Record<string, string | number | LocalText>>;
}

export interface SubmissionProblems {
  /** About the whole card (closed survey, wrong department): shown at the top. */
  readonly form?: Problem;
  /** By input id, shown under that input. */
  readonly fields: Readonly<Record<string, Problem>>;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Characters as people count them (a kanji or an emoji is one). */
export const lengthOf = (value: string): number => [...value].length;

/** Reads the card's inputs from Action.Execute data; anything not a string counts as empty. */
export function readSubmission(
  survey: Survey,
  data: Readonly<Record<string, unknown>>,
): SubmittedValues {
  const ranks = Array.from({ length: survey.ranking.count }, (_, i) =>
    text(data[rankInputId(i + 1)]).trim(),
  );
  const comments: Record<string, string> = {};
  for (const topic of survey.topics) comments[topic.id] = text(data[commentInputId(topic.id)]);
  return { ranks, comments, opinion: text(data[OPINION_INPUT_ID]) };
}

/** Why this actor does not answer for a department of this survey, if they do not. */
export function audienceProblem(survey: Survey, actor: Actor): Problem | undefined {
  if (actor.role === 'guest') return { key: 'survey.error.guest' };
  const departmentId = actor.person?.departmentId;
  if (!departmentId || !actsForDepartment(actor, departmentId))
    return { key: 'survey.error.notRepresentative' };
  if (!survey.audience.includes(departmentId)) return { key: 'survey.error.notInAudience' };
  return undefined;
}

/** Whether this actor may answer this survey now; the reason when not. */
export function formProblem(survey: Survey, actor: Actor, now: Date): Problem | undefined {
  if (survey.status === 'draft') return { key: 'survey.error.notOpen' };
  if (!acceptsAnswers(survey, now)) return { key: 'survey.error.closed' };
  return audienceProblem(survey, actor);
}

/** Field-level checks: ranking rule, distinct and known topics, lengths. */
export function fieldProblems(survey: Survey, values: SubmittedValues): Record<string, Problem> {
  const problems: Record<string, Problem> = {};
  const known = new Set(survey.topics.map((t) => t.id));
  const firstRankOf = new Map<string, number>();
  let gapAt: number | undefined;
  values.ranks.forEach((topicId, index) => {
    const rank = index + 1;
    const id = rankInputId(rank);
    if (topicId === '') {
      if (survey.ranking.mode === 'exactly' || rank === 1)
        problems[id] = { key: 'survey.error.rankRequired' };
      gapAt ??= rank;
      return;
    }
    if (!known.has(topicId)) {
      problems[id] = { key: 'survey.error.unknownTopic' };
      return;
    }
    const earlier = firstRankOf.get(topicId);
    if (earlier !== undefined) {
      problems[id] = { key: 'survey.error.sameTopic', params: { rank: earlier } };
      return;
    }
    firstRankOf.set(topicId, rank);
    if (gapAt !== undefined && !problems[rankInputId(gapAt)])
      problems[rankInputId(gapAt)] = { key: 'survey.error.rankGap' };
  });
  for (const topic of survey.topics) {
    const length = lengthOf(values.comments[topic.id]?.trim() ?? '');
    if (length > survey.commentMaxLength)
      problems[commentInputId(topic.id)] = {
        key: 'survey.error.tooLong',
        params: { max: survey.commentMaxLength, length },
      };
  }
  const opinionLength = lengthOf(values.opinion.trim());
  if (opinionLength > survey.opinionMaxLength)
    problems[OPINION_INPUT_ID] = {
      key: 'survey.error.tooLong',
      params: { max: survey.opinionMaxLength, length: opinionLength },
    };
  return problems;
}

/**
 * All checks of a submitted answer card. `cardDepartment` is the department
 * the card was made for: someone of another department (a forwarded card)
 * must answer on their own department's card.
 */
export function checkSubmission(
  survey: Survey,
  actor: Actor,
  values: SubmittedValues,
  now: Date,
  cardDepartment?: Department,
): SubmissionProblems | undefined {
  const form = formProblem(survey, actor, now);
  if (form) return { form, fields: {} };
  if (cardDepartment && cardDepartment.id !== actor.person?.departmentId)
    return {
      form: { key: 'survey.error.otherDepartment', params: { department: cardDepartment.name } },
      fields: {},
    };
  const fields = fieldProblems(survey, values);
  return Object.keys(fields).length > 0 ? { fields } : undefined;
}

/** The answer to store: trimmed, empty comments left out. Only for values that passed the checks. */
export function toContent(values: SubmittedValues): AnswerContent {
  const comments: Record<string, string> = {};
  for (const [topicId, comment] of Object.entries(values.comments)) {
    const trimmed = comment.trim();
    if (trimmed !== '') comments[topicId] = trimmed;
  }
  return {
    ranking: values.ranks.filter((id) => id !== ''),
    comments,
    opinion: values.opinion.trim(),
  };
}
