import type { SurveyUses } from './deps.js';
import type { CommandSpec } from '../app/router.js';
import type { CommandTurn } from '../app/turn.js';
import { Audience } from '../domain/roles.js';
import { formatDateTime } from '../i18n/dates.js';
import { acceptsAnswers, inLocale, type Survey } from './survey.js';

/** The survey a question is about: the one named (2, #2), else the one open for answers, else the latest sent. */
async function surveyAsked(services: SurveyUses, turn: CommandTurn): Promise<Survey | undefined> {
  const { surveys } = services;
  const ref = turn.args.trim();
  const now = services.clock.now();
  const survey = ref
    ? await surveys.find(ref)
    : ((await surveys.repository.list()).find((s) => acceptsAnswers(s, now)) ??
      (await surveys.find('')));
  if (!survey || survey.status === 'draft')
    await turn.reply(ref ? turn.t('survey.notFound', { ref }) : turn.t('survey.progress.noneSent'));
  return survey?.status === 'draft' ? undefined : survey;
}

/** Which of the survey's departments have answered, as the progress card counts them. */
async function answeredIds(services: SurveyUses, survey: Survey): Promise<Set<string>> {
  return new Set(await services.surveys.repository.answeredDepartments(survey));
}

/**
 * 回答状況 / survey progress (everyone in the directory: the same count the
 * channel's progress card shows), and 未回答 / survey missing (chair and
 * secretariat: which departments have not answered).
 */
export function surveyProgressCommands(services: SurveyUses): CommandSpec[] {
  return [
    {
      id: 'survey.progress',
      words: {
        ja: ['回答状況', 'アンケート進捗', 'アンケートの進捗', 'アンケート回答状況'],
        en: ['survey progress', 'survey status'],
      },
      summary: 'survey.cmd.progress',
      allowed: Audience.directory,
      handle: async (turn) => {
        const survey = await surveyAsked(services, turn);
        if (!survey) return;
        const answered = (await answeredIds(services, survey)).size;
        const deadline = survey.deadline
          ? formatDateTime(new Date(survey.deadline), turn.locale, services.config.timeZone)
          : '';
        await turn.reply(
          turn.t(survey.status === 'open' ? 'survey.progress.open' : 'survey.progress.closedText', {
            title: inLocale(survey.title, turn.locale),
            answered,
            total: survey.audience.length,
            deadline,
          }),
        );
      },
    },
    {
      id: 'survey.missing',
      words: {
        ja: ['未回答', 'アンケート未回答', '未回答部署', '未回答の部署'],
        en: ['survey missing', 'not answered', 'who has not answered'],
      },
      summary: 'survey.cmd.missing',
      allowed: Audience.staff,
      handle: async (turn) => {
        const survey = await surveyAsked(services, turn);
        if (!survey) return;
        const answered = await answeredIds(services, survey);
        const departments = await services.surveys.departmentMap();
        const missing = survey.audience
          .filter((id) => !answered.has(id))
          .map((id) => departments.get(id)?.name[turn.locale] ?? id);
        const title = inLocale(survey.title, turn.locale);
        if (missing.length === 0) return turn.reply(turn.t('survey.missing.none', { title }));
        await turn.reply(
          turn.t('survey.missing.list', {
            title,
            count: missing.length,
            total: survey.audience.length,
            names: new Intl.ListFormat(turn.locale, { type: 'conjunction' }).format(missing),
          }),
        );
      },
    },
  ];
}
