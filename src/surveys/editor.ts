import { DateTime } from 'luxon';
import { rowInput } from './editor-card.js';
import type { Problem } from './submission.js';
import { SURVEY_LIMITS, type Survey, type SurveyTopic } from './survey.js';

// The card itself is drawn in editor-card.ts; the survey commands import the editor as one.
export { editorCard, type EditorView } from './editor-card.js';

/** What the secretariat controls in the editor card. */
export type SurveyDefinition = Pick<
  Survey,
  | 'title'
  | 'intro'
  | 'topics'
  | 'ranking'
  | 'commentMaxLength'
  | 'opinionMaxLength'
  | 'deadline'
  | 'audience'
  | 'nudgeBusinessDays'
>;

const FIELDS = [
  'titleJa',
  'titleEn',
  'introJa',
  'introEn',
  'rankingMode',
  'rankCount',
  'commentMax',
  'opinionMax',
  'deadlineDate',
  'deadlineTime',
  'audience',
  'nudges',
] as const;
export type Field = (typeof FIELDS)[number];

export interface TopicRow {
  /** '' for a row added in the editor; its id is made on save. */
  readonly id: string;
  readonly titleJa: string;
  readonly titleEn: string;
  readonly descriptionJa: string;
  readonly descriptionEn: string;
}

/** The editor's inputs as typed, kept when the card comes back with errors. */
export interface Draft {
  readonly fields: Readonly<Record<Field, string>>;
  readonly rows: readonly TopicRow[];
}

export interface DraftProblems {
  readonly fields: Partial<Record<Field, Problem>>;
  readonly rows: Readonly<Record<number, Problem>>;
  readonly topics?: Problem;
}

/** Empty rows the editor offers for new topics. */
export const NEW_ROWS = 3;

const asText = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';

/** Reads the editor card's inputs; `topicIds` (card data) says which row is which topic. */
export function readDraft(data: Readonly<Record<string, unknown>>, extraRows = 0): Draft {
  const fields = Object.fromEntries(FIELDS.map((f) => [f, asText(data[f])])) as Record<
    Field,
    string
  >;
  const ids = Array.isArray(data['topicIds']) ? data['topicIds'].map(asText) : [];
  const rows: TopicRow[] = [...ids, ...new Array<string>(extraRows).fill('')]
    .slice(0, SURVEY_LIMITS.maxTopics + NEW_ROWS)
    .map((id, index) => ({
      id,
      titleJa: asText(data[rowInput(index, 'titleJa')]),
      titleEn: asText(data[rowInput(index, 'titleEn')]),
      descriptionJa: asText(data[rowInput(index, 'descriptionJa')]),
      descriptionEn: asText(data[rowInput(index, 'descriptionEn')]),
    }));
  return { fields, rows };
}

/** The editor filled from a stored survey (or the defaults of a new one). */
export function draftOf(
  survey: SurveyDefinition,
  timeZone: string,
  options: { newRows: number },
): Draft {
  const deadline = survey.deadline
    ? DateTime.fromISO(survey.deadline, { zone: timeZone })
    : undefined;
  return {
    fields: {
      titleJa: survey.title.ja,
      titleEn: survey.title.en,
      introJa: survey.intro.ja,
      introEn: survey.intro.en,
      rankingMode: survey.ranking.mode,
      rankCount: String(survey.ranking.count),
      commentMax: String(survey.commentMaxLength),
      opinionMax: String(survey.opinionMaxLength),
      deadlineDate: deadline?.toISODate() ?? '',
      deadlineTime: deadline?.toFormat('HH:mm') ?? '',
      audience: survey.audience.join(','),
      nudges: survey.nudgeBusinessDays.join(','),
    },
    rows: [
      ...survey.topics.map((t) => ({
        id: t.id,
        titleJa: t.title.ja,
        titleEn: t.title.en,
        descriptionJa: t.description.ja,
        descriptionEn: t.description.en,
      })),
      ...Array.from({ length: options.newRows }, () => ({
        id: '',
        titleJa: '',
        titleEn: '',
        descriptionJa: '',
        descriptionEn: '',
      })),
    ],
  };
}

export interface ParseContext {
  /** The survey being edited; once sent, its topics and ranking rule are fixed. */
  readonly existing?: Survey;
  readonly departmentIds: ReadonlySet<string>;
  readonly now: Date;
  readonly timeZone: string;
}

function integer(text: string, min: number, max: number): number | undefined {
  const value = Number(text.trim());
  return Number.isInteger(value) && value >= min && value <= max ? value : undefined;
}

/** Checks the editor's inputs; returns the definition, or the problems by field. */
export function parseDraft(
  draft: Draft,
  context: ParseContext,
): { ok: true; definition: SurveyDefinition } | { ok: false; problems: DraftProblems } {
  const f = draft.fields;
  const fields: DraftProblems['fields'] = {};
  const rowProblems: Record<number, Problem> = {};
  const locked = context.existing !== undefined && context.existing.status !== 'draft';
  const tooLong = (max: number): Problem => ({
    key: 'survey.editor.error.tooLong',
    params: { max },
  });
  const numberProblem = (min: number, max: number): Problem => ({
    key: 'survey.editor.error.number',
    params: { min, max },
  });

  const titleJa = f.titleJa.trim();
  if (titleJa === '') fields.titleJa = { key: 'survey.editor.error.required' };
  else if ([...titleJa].length > SURVEY_LIMITS.maxTitleLength)
    fields.titleJa = tooLong(SURVEY_LIMITS.maxTitleLength);
  if ([...f.titleEn.trim()].length > SURVEY_LIMITS.maxTitleLength)
    fields.titleEn = tooLong(SURVEY_LIMITS.maxTitleLength);
  for (const key of ['introJa', 'introEn'] as const)
    if ([...f[key].trim()].length > SURVEY_LIMITS.maxIntroLength)
      fields[key] = tooLong(SURVEY_LIMITS.maxIntroLength);

  const mode = locked
    ? context.existing?.ranking.mode
    : f.rankingMode === 'upTo' || f.rankingMode === 'exactly'
      ? f.rankingMode
      : undefined;
  if (!mode) fields.rankingMode = { key: 'survey.editor.error.required' };
  const count = locked
    ? context.existing?.ranking.count
    : integer(f.rankCount, 1, SURVEY_LIMITS.maxRankCount);
  if (count === undefined) fields.rankCount = numberProblem(1, SURVEY_LIMITS.maxRankCount);
  const commentMax = integer(f.commentMax, 1, SURVEY_LIMITS.maxCommentLength);
  if (commentMax === undefined)
    fields.commentMax = numberProblem(1, SURVEY_LIMITS.maxCommentLength);
  const opinionMax = integer(f.opinionMax, 1, SURVEY_LIMITS.maxOpinionLength);
  if (opinionMax === undefined)
    fields.opinionMax = numberProblem(1, SURVEY_LIMITS.maxOpinionLength);

  let deadline: string | undefined;
  const date = f.deadlineDate.trim();
  const time = f.deadlineTime.trim() || '17:00';
  if (date !== '') {
    const local = DateTime.fromISO(`${date}T${time}`, { zone: context.timeZone });
    if (!local.isValid) fields.deadlineDate = { key: 'survey.editor.error.deadlineInvalid' };
    else if (local.toMillis() <= context.now.getTime())
      fields.deadlineDate = { key: 'survey.editor.error.deadlinePast' };
    else deadline = local.toUTC().toISO() ?? undefined;
  } else if (locked) fields.deadlineDate = { key: 'survey.editor.error.required' };

  const audience = [
    ...new Set(
      f.audience
        .split(',')
        .map((d) => d.trim())
        .filter(Boolean),
    ),
  ];
  if (audience.length === 0) fields.audience = { key: 'survey.editor.error.audienceEmpty' };
  else if (audience.some((d) => !context.departmentIds.has(d)))
    fields.audience = { key: 'survey.editor.error.unknownDepartment' };

  const nudgeParts = f.nudges
    .split(',')
    .map((d) => d.trim())
    .filter(Boolean);
  const nudges = nudgeParts.map((d) => integer(d, 1, 20));
  if (nudges.some((d) => d === undefined)) fields.nudges = { key: 'survey.editor.error.nudges' };

  const topics = parseTopics(draft.rows, context.existing, locked, rowProblems);
  let topicsProblem: Problem | undefined;
  if (topics.length > SURVEY_LIMITS.maxTopics)
    topicsProblem = {
      key: 'survey.editor.error.tooManyTopics',
      params: { max: SURVEY_LIMITS.maxTopics },
    };
  else if (count !== undefined && topics.length < Math.max(count, 2))
    topicsProblem = {
      key: 'survey.editor.error.tooFewTopics',
      params: { count: Math.max(count, 2) },
    };

  if (
    Object.keys(fields).length > 0 ||
    Object.keys(rowProblems).length > 0 ||
    topicsProblem ||
    !mode ||
    count === undefined ||
    commentMax === undefined ||
    opinionMax === undefined
  ) {
    return {
      ok: false,
      problems: { fields, rows: rowProblems, ...(topicsProblem ? { topics: topicsProblem } : {}) },
    };
  }
  return {
    ok: true,
    definition: {
      title: { ja: titleJa, en: f.titleEn.trim() },
      intro: { ja: f.introJa.trim(), en: f.introEn.trim() },
      topics,
      ranking: { mode, count },
      commentMaxLength: commentMax,
      opinionMaxLength: opinionMax,
      ...(deadline ? { deadline } : {}),
      audience,
      nudgeBusinessDays: [...new Set(nudges.filter((d): d is number => d !== undefined))].sort(
        (a, b) => b - a,
      ),
    },
  };
}

/**
 * Rows with a Japanese title become topics. A sent survey keeps exactly its
 * topics (answers refer to them): only their texts change.
 */
function parseTopics(
  rows: readonly TopicRow[],
  existing: Survey | undefined,
  locked: boolean,
  problems: Record<number, Problem>,
): SurveyTopic[] {
  const text = (ja: string, en: string) => ({ ja: ja.trim(), en: en.trim() });
  if (locked && existing) {
    return existing.topics.map((topic) => {
      const index = rows.findIndex((r) => r.id === topic.id);
      const row = rows[index];
      if (!row) return topic;
      if (row.titleJa.trim() === '') problems[index] = { key: 'survey.editor.error.missingTitle' };
      return {
        id: topic.id,
        title: row.titleJa.trim() ? text(row.titleJa, row.titleEn) : topic.title,
        description: text(row.descriptionJa, row.descriptionEn),
      };
    });
  }
  const known = new Set((existing?.topics ?? []).map((t) => t.id));
  const used = new Set<string>();
  let next = 1;
  const freshId = () => {
    while (used.has(`topic-${next}`) || known.has(`topic-${next}`)) next++;
    return `topic-${next}`;
  };
  const topics: SurveyTopic[] = [];
  rows.forEach((row, index) => {
    if (row.titleJa.trim() === '') {
      if (row.titleEn.trim() || row.descriptionJa.trim() || row.descriptionEn.trim())
        problems[index] = { key: 'survey.editor.error.missingTitle' };
      return;
    }
    const id = /^[a-z0-9-]{1,40}$/.test(row.id) && !used.has(row.id) ? row.id : freshId();
    used.add(id);
    topics.push({
      id,
      title: text(row.titleJa, row.titleEn),
      description: text(row.descriptionJa, row.descriptionEn),
    });
  });
  return topics;
}
