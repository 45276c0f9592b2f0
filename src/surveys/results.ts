import type { Department } from '../domain/directory.js';
import type { Survey, SurveyAnswer, SurveyTopic } from './survey.js';

export interface TopicResult {
  readonly topic: SurveyTopic;
  /** Sum of points: with 3 ranks, 1位 = 3, 2位 = 2, 3位 = 1. */
  readonly score: number;
  /** How many departments put the topic at each rank (index 0 = 1位). */
  readonly countsByRank: readonly number[];
  readonly comments: ReadonlyArray<{ readonly departmentId: string; readonly text: string }>;
}

export interface SurveyResults {
  /** Highest score first; ties by more 1位, then more 2位 …, then survey order. */
  readonly topics: readonly TopicResult[];
  readonly answered: readonly Department[];
  readonly missing: readonly Department[];
  readonly opinions: ReadonlyArray<{ readonly departmentId: string; readonly text: string }>;
  readonly answers: ReadonlyMap<string, SurveyAnswer>;
}

/** Points for a rank (1-based) when `count` ranks are asked for: count, count-1, …, 1. */
export function pointsFor(rank: number, count: number): number {
  return Math.max(0, count - rank + 1);
}

/**
 * Tallies the answers of the audience departments (answers of departments
 * removed from the audience later are left out). Departments come in audience order.
 */
export function tally(
  survey: Survey,
  answers: readonly SurveyAnswer[],
  departments: ReadonlyMap<string, Department>,
): SurveyResults {
  const byDepartment = new Map(answers.map((a) => [a.departmentId, a]));
  const audience = survey.audience.map(
    (id) => departments.get(id) ?? { id, name: { ja: id, en: id } },
  );
  const count = survey.ranking.count;
  const scores = new Map(survey.topics.map((t) => [t.id, 0]));
  const counts = new Map(survey.topics.map((t) => [t.id, new Array<number>(count).fill(0)]));
  const comments = new Map(
    survey.topics.map((t) => [t.id, [] as Array<{ departmentId: string; text: string }>]),
  );
  const opinions: Array<{ departmentId: string; text: string }> = [];
  const answered: Department[] = [];
  const missing: Department[] = [];
  const inAudience = new Map<string, SurveyAnswer>();

  for (const department of audience) {
    const answer = byDepartment.get(department.id);
    if (!answer) {
      missing.push(department);
      continue;
    }
    answered.push(department);
    inAudience.set(department.id, answer);
    const { ranking, comments: byTopic, opinion } = answer.current;
    ranking.forEach((topicId, index) => {
      const perRank = counts.get(topicId);
      if (!perRank || index >= count) return; // a topic removed after answering
      perRank[index] = (perRank[index] ?? 0) + 1;
      scores.set(topicId, (scores.get(topicId) ?? 0) + pointsFor(index + 1, count));
    });
    for (const [topicId, text] of Object.entries(byTopic))
      comments.get(topicId)?.push({ departmentId: department.id, text });
    if (opinion !== '') opinions.push({ departmentId: department.id, text: opinion });
  }

  const order = new Map(survey.topics.map((t, i) => [t.id, i]));
  const topics = survey.topics
    .map((topic) => ({
      topic,
      score: scores.get(topic.id) ?? 0,
      countsByRank: counts.get(topic.id) ?? [],
      comments: comments.get(topic.id) ?? [],
    }))
    .sort((a, b) => {
      if (b.score !== a.score) return b.score - a.score;
      for (let i = 0; i < count; i++) {
        const diff = (b.countsByRank[i] ?? 0) - (a.countsByRank[i] ?? 0);
        if (diff !== 0) return diff;
      }
      return (order.get(a.topic.id) ?? 0) - (order.get(b.topic.id) ?? 0);
    });
  return { topics, answered, missing, opinions, answers: inAudience };
}
