import { renderCard, type Card } from '../cards/card.js';
import type { Department } from '../domain/directory.js';
import type { Draft, DraftProblems, Field, TopicRow } from './editor.js';
import type { Problem } from './submission.js';
import type { Survey } from './survey.js';
import { say, type Reader } from './views.js';

/** The input id of one part of a topic row. */
export const rowInput = (index: number, part: keyof Omit<TopicRow, 'id'>) =>
  `topic${index}_${part}`;

export interface EditorView {
  readonly survey?: Survey;
  /** Shown at the top when there are no problems, e.g. "copied from #1". */
  readonly notice?: string;
  readonly draft: Draft;
  readonly problems?: DraftProblems;
  readonly departments: readonly Department[];
}

/** The create/edit card; inputs are kept as typed, problems shown under their fields. */
export function editorCard(view: EditorView, reader: Reader): Card {
  const { t, locale } = reader;
  const { draft, problems, survey } = view;
  const locked = survey !== undefined && survey.status !== 'draft';
  const problem = (p: Problem | undefined) => say(reader, p);
  const field = (name: Field, label: Parameters<typeof t>[0]) => ({
    label: t(label),
    value: draft.fields[name],
    error: problem(problems?.fields[name]),
  });
  const numberField = (name: Field, label: Parameters<typeof t>[0]) => {
    const value = Number(draft.fields[name]);
    return { ...field(name, label), value: Number.isFinite(value) ? value : 0 };
  };
  const hasProblems =
    problems !== undefined &&
    (Object.keys(problems.fields).length > 0 ||
      Object.keys(problems.rows).length > 0 ||
      problems.topics !== undefined);
  const rule = survey?.ranking;
  return renderCard('survey-editor', {
    surveyId: survey?.id ?? '',
    topicIds: draft.rows.map((r) => r.id),
    title: survey
      ? t('survey.editor.titleEdit', {
          number: survey.number,
          status: t(`survey.status.${survey.status}`),
        })
      : t('survey.editor.titleNew'),
    notice: hasProblems ? t('survey.editor.fix') : (view.notice ?? ''),
    noticeColor: hasProblems ? 'Attention' : 'Good',
    f: {
      titleJa: field('titleJa', 'survey.editor.titleJa'),
      titleEn: field('titleEn', 'survey.editor.titleEn'),
      introJa: field('introJa', 'survey.editor.introJa'),
      introEn: field('introEn', 'survey.editor.introEn'),
      rankingMode: field('rankingMode', 'survey.editor.rankingMode'),
      rankCount: numberField('rankCount', 'survey.editor.rankCount'),
      commentMax: numberField('commentMax', 'survey.editor.commentMax'),
      opinionMax: numberField('opinionMax', 'survey.editor.opinionMax'),
      deadlineDate: field('deadlineDate', 'survey.editor.deadlineDate'),
      deadlineTime: field('deadlineTime', 'survey.editor.deadlineTime'),
      audience: field('audience', 'survey.editor.audience'),
      nudges: field('nudges', 'survey.editor.nudges'),
    },
    modes: [
      { title: t('survey.editor.modeExactly'), value: 'exactly' },
      { title: t('survey.editor.modeUpTo'), value: 'upTo' },
    ],
    ruleLocked: locked,
    ruleText: rule
      ? t(rule.mode === 'exactly' ? 'survey.form.ruleExactly' : 'survey.form.ruleUpTo', {
          count: rule.count,
        })
      : '',
    lockedNote: t('survey.editor.locked'),
    departments: view.departments.map((d) => ({ title: d.name[locale], value: d.id })),
    topicsHeading: t('survey.editor.topicsHeading'),
    topicsError: problem(problems?.topics),
    rows: draft.rows.map((row, index) => ({
      heading: t('survey.editor.topic', { n: index + 1 }),
      error: problem(problems?.rows[index]),
      titleJa: {
        id: rowInput(index, 'titleJa'),
        label: t('survey.editor.topicTitleJa'),
        value: row.titleJa,
      },
      titleEn: {
        id: rowInput(index, 'titleEn'),
        label: t('survey.editor.topicTitleEn'),
        value: row.titleEn,
      },
      descriptionJa: {
        id: rowInput(index, 'descriptionJa'),
        label: t('survey.editor.topicDescriptionJa'),
        value: row.descriptionJa,
      },
      descriptionEn: {
        id: rowInput(index, 'descriptionEn'),
        label: t('survey.editor.topicDescriptionEn'),
        value: row.descriptionEn,
      },
    })),
    saveTitle: t('survey.editor.save'),
    addTitle: t('survey.editor.addTopics'),
  });
}
