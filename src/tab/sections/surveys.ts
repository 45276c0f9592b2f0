import type { Department } from '../../domain/directory.js';
import { allows, Audience } from '../../domain/roles.js';
import { formatDateTime } from '../../i18n/dates.js';
import type { SurveyService } from '../../surveys/service.js';
import { inLocale } from '../../surveys/survey.js';
import type { Block } from '../model.js';
import { section, type SectionContext, type SectionProvider } from './section.js';

/**
 * Each open survey (or, when none is open, the one that closed last): how many departments answered, and which of the
 * departments the viewer may read did (with who and when) or did not. The
 * chair and secretariat also get the results as a chart (score per topic),
 * as the bot's `結果` gives them; nobody else sees what was answered.
 */
export function surveysSection(surveys: SurveyService): SectionProvider {
  return section(
    'surveys',
    Audience.directory,
    async (context: SectionContext): Promise<Block[]> => {
      const { viewer, t, locale, timeZone, departmentIds } = context;
      const all = await surveys.repository.list();
      const open = all.filter((s) => s.status === 'open');
      // Between surveys the last closed one stays, results and all, rather than nothing.
      const lastClosed = all
        .filter((s) => s.status === 'closed')
        .sort((a, b) => (b.closedAt ?? '').localeCompare(a.closedAt ?? ''))
        .slice(0, 1);
      const blocks: Block[] = [];
      const separator = t('tab.list.separator');
      for (const survey of open.length > 0 ? open : lastClosed) {
        const results = await surveys.results(survey);
        const visible = (departments: readonly Department[]) =>
          departments.filter((d) => departmentIds.includes(d.id));
        const answered = visible(results.answered).map((d) => {
          const answer = results.answers.get(d.id)?.current;
          return answer
            ? t('tab.surveys.answeredBy', {
                department: d.name[locale],
                name: inLocale(answer.byName, locale),
                at: formatDateTime(new Date(answer.at), locale, timeZone),
              })
            : d.name[locale];
        });
        const missing = visible(results.missing).map((d) => d.name[locale]);
        blocks.push({
          kind: 'progress',
          label: inLocale(survey.title, locale),
          done: results.answered.length,
          total: survey.audience.length,
          groups: [
            ...(survey.status === 'closed' && survey.closedAt
              ? [
                  {
                    label: t('tab.surveys.closed'),
                    values: [formatDateTime(new Date(survey.closedAt), locale, timeZone)],
                  },
                ]
              : survey.deadline
                ? [
                    {
                      label: t('tab.surveys.deadline'),
                      values: [formatDateTime(new Date(survey.deadline), locale, timeZone)],
                    },
                  ]
                : []),
            ...(answered.length ? [{ label: t('tab.surveys.answered'), values: answered }] : []),
            ...(missing.length ? [{ label: t('tab.surveys.missing'), values: missing }] : []),
          ],
        });
        if (!allows(Audience.staff, viewer.role)) continue;
        const count = survey.ranking.count;
        const points = Array.from({ length: count }, (_, i) =>
          t('survey.points', { rank: i + 1, points: count - i }),
        ).join(separator);
        blocks.push({
          kind: 'bars',
          caption: t('tab.surveys.scores', { points }),
          bars: results.topics.map((r) => ({
            label: inLocale(r.topic.title, locale),
            value: r.score,
            display: t('survey.results.score', { score: r.score }),
          })),
        });
      }
      return blocks;
    },
  );
}
