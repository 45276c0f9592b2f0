import type { ActionSpec, CommandSpec } from '../app/router.js';
import type { SurveyUses } from './deps.js';
import type { ActionOutcome, CommandTurn, Turn } from '../app/turn.js';
import type { Card } from '../cards/card.js';
import { formatDateTime } from '../i18n/dates.js';
import { Audience, isStaffRole } from '../domain/roles.js';
import { draftOf, editorCard, NEW_ROWS, parseDraft, readDraft, type Draft } from './editor.js';
import type { SendReport } from './service.js';
import { acceptsAnswers, inLocale, type Survey } from './survey.js';
import { adminCard, type Reader } from './views.js';
import { surveyProgressCommands } from './progress-commands.js';

type Notice = { readonly text: string; readonly ok: boolean } | undefined;

function readerOf(services: SurveyUses, turn: Turn): Reader {
  return services.surveys.reader(turn.locale);
}

async function admin(services: SurveyUses, turn: Turn, notice?: Notice): Promise<Card> {
  const surveys = await services.surveys.repository.list();
  const rows = await Promise.all(
    surveys.map(async (survey) => ({
      survey,
      answered: (await services.surveys.repository.answeredDepartments(survey)).length,
    })),
  );
  return adminCard(rows, notice, readerOf(services, turn));
}

async function editor(
  services: SurveyUses,
  turn: Turn,
  survey: Survey | undefined,
  draft?: Draft,
  notice?: string,
): Promise<Card> {
  const definition = survey ?? (await services.surveys.blankDefinition());
  return editorCard(
    {
      ...(survey ? { survey } : {}),
      ...(notice ? { notice } : {}),
      draft:
        draft ??
        draftOf(definition, services.config.timeZone, {
          newRows: survey && survey.status !== 'draft' ? 0 : NEW_ROWS,
        }),
      departments: await services.directory.listDepartments(),
    },
    readerOf(services, turn),
  );
}

function sendReportText(
  report: SendReport,
  survey: Survey,
  turn: Turn,
  timeZone: string,
): NonNullable<Notice> {
  if (!report.ok) {
    const deadline = survey.deadline
      ? formatDateTime(new Date(survey.deadline), turn.locale, timeZone)
      : '';
    return { text: turn.t(`survey.send.${report.problem}`, { deadline }), ok: false };
  }
  const { t, locale } = turn;
  const lines = [
    t(report.sent + report.already === 0 ? 'survey.send.nobody' : 'survey.send.done', {
      title: inLocale(report.survey.title, locale),
      sent: report.sent,
      already: report.already,
      deadline: formatDateTime(new Date(report.survey.deadline ?? ''), locale, timeZone),
    }),
    report.channels > 0
      ? t('survey.send.channels', { count: report.channels })
      : t('survey.send.noChannel'),
  ];
  const names = (people: typeof report.failed) => people.map((p) => p.name[locale]);
  if (report.unreachable.length > 0)
    lines.push(t('survey.send.unreachable', { names: names(report.unreachable) }));
  if (report.failed.length > 0)
    lines.push(t('survey.send.failed', { names: names(report.failed) }));
  return {
    text: lines.join('\n\n'),
    ok: report.unreachable.length === 0 && report.failed.length === 0,
  };
}

/** The survey of this department's audience that closed last, if any. */
async function latestClosedFor(
  services: SurveyUses,
  departmentId: string,
): Promise<Survey | undefined> {
  const closed = (await services.surveys.repository.list()).filter(
    (s) => s.status === 'closed' && s.audience.includes(departmentId),
  );
  return closed.sort((a, b) => (b.closedAt ?? '').localeCompare(a.closedAt ?? ''))[0];
}

/**
 * A command on the survey it names ("結果 2"): looks it up and runs `act` on
 * it, or replies that there is none.
 */
function withSurvey(
  services: SurveyUses,
  act: (turn: CommandTurn, survey: Survey) => Promise<void>,
): (turn: CommandTurn) => Promise<void> {
  return async (turn) => {
    const survey = await services.surveys.find(turn.args);
    if (survey) return act(turn, survey);
    const ref = turn.args.trim();
    await turn.reply(ref ? turn.t('survey.notFound', { ref }) : turn.t('survey.none'));
  };
}

export function surveyCommands(services: SurveyUses): CommandSpec[] {
  const { surveys } = services;
  return [
    {
      id: 'surveys',
      words: { ja: ['アンケート', 'アンケート一覧'], en: ['survey', 'surveys'] },
      summary: 'cmd.surveys',
      allowed: Audience.directory,
      handle: async (turn) => {
        if (isStaffRole(turn.actor.role)) {
          await turn.reply({
            card: await admin(services, turn),
            summary: turn.t('survey.admin.title'),
          });
          return;
        }
        const departmentId = turn.actor.person?.departmentId;
        const now = services.clock.now();
        const open = (await surveys.repository.list()).filter(
          (s) => acceptsAnswers(s, now) && departmentId && s.audience.includes(departmentId),
        );
        if (!departmentId) return turn.reply(turn.t('survey.noneToAnswer'));
        if (open.length === 0) {
          // Nothing to answer now: the last closed survey, with what the department answered.
          const closed = await latestClosedFor(services, departmentId);
          if (!closed) return turn.reply(turn.t('survey.noneToAnswer'));
          await turn.reply(turn.t('survey.noneOpenLastClosed'));
          const card = await surveys.departmentView(closed, departmentId, readerOf(services, turn));
          return turn.reply({ card, summary: inLocale(closed.title, turn.locale) });
        }
        for (const survey of open) {
          const card = await surveys.departmentView(survey, departmentId, readerOf(services, turn));
          await turn.reply({ card, summary: inLocale(survey.title, turn.locale) });
        }
      },
    },
    {
      id: 'surveyNew',
      words: { ja: ['アンケート作成', 'アンケート新規'], en: ['survey new', 'new survey'] },
      summary: 'cmd.surveyNew',
      allowed: Audience.staff,
      handle: async (turn) => {
        await turn.reply({
          card: await editor(services, turn, undefined),
          summary: turn.t('survey.editor.titleNew'),
        });
      },
    },
    {
      id: 'surveyEdit',
      words: { ja: ['アンケート編集'], en: ['survey edit', 'edit survey'] },
      summary: 'cmd.surveyEdit',
      allowed: Audience.staff,
      handle: withSurvey(services, async (turn, survey) => {
        if (survey.status === 'closed') return turn.reply(turn.t('survey.close.already'));
        await turn.reply({ card: await editor(services, turn, survey) });
      }),
    },
    {
      id: 'surveyCopy',
      words: { ja: ['アンケート複製'], en: ['survey copy', 'copy survey'] },
      summary: 'cmd.surveyCopy',
      allowed: Audience.staff,
      handle: withSurvey(services, async (turn, source) => {
        const copy = await surveys.copy(source.id, turn.actor.person?.id ?? turn.actor.aadObjectId);
        if (!copy) return;
        const notice = turn.t('survey.copy.done', { from: source.number, number: copy.number });
        await turn.reply({ card: await editor(services, turn, copy, undefined, notice) });
      }),
    },
    {
      id: 'surveySend',
      words: { ja: ['アンケート送信'], en: ['survey send', 'send survey'] },
      summary: 'cmd.surveySend',
      allowed: Audience.staff,
      handle: withSurvey(services, async (turn, survey) => {
        const report = await surveys.send(survey.id);
        if (report)
          await turn.reply(sendReportText(report, survey, turn, services.config.timeZone).text);
      }),
    },
    {
      id: 'surveyClose',
      words: { ja: ['アンケート締切', 'アンケート締め切り'], en: ['survey close', 'close survey'] },
      summary: 'cmd.surveyClose',
      allowed: Audience.staff,
      handle: withSurvey(services, async (turn, survey) => {
        await turn.reply((await closeNotice(services, turn, survey.id)).text);
      }),
    },
    {
      id: 'results',
      words: { ja: ['結果', 'アンケート結果'], en: ['results', 'survey results'] },
      summary: 'cmd.results',
      allowed: Audience.staff,
      handle: withSurvey(services, async (turn, survey) => {
        const card = await surveys.resultsCard(survey, readerOf(services, turn));
        await turn.reply({
          card,
          summary: turn.t('survey.results.title', { title: inLocale(survey.title, turn.locale) }),
        });
      }),
    },
    ...surveyProgressCommands(services),
  ];
}

async function closeNotice(
  services: SurveyUses,
  turn: Turn,
  surveyId: string,
): Promise<NonNullable<Notice>> {
  const report = await services.surveys.close(surveyId);
  if (!report) return { text: turn.t('survey.error.missing'), ok: false };
  if (!report.ok) return { text: turn.t(`survey.close.${report.problem}`), ok: false };
  return {
    text: turn.t('survey.close.done', {
      title: inLocale(report.survey.title, turn.locale),
      answered: report.answered,
      total: report.survey.audience.length,
    }),
    ok: true,
  };
}

export function surveyActions(services: SurveyUses): ActionSpec[] {
  const { surveys } = services;
  const card = (c: Card): ActionOutcome => ({ card: c });
  const surveyOf = (data: Readonly<Record<string, unknown>>) =>
    typeof data['surveyId'] === 'string' && data['surveyId'] !== ''
      ? surveys.repository.get(data['surveyId'])
      : Promise.resolve(undefined);
  /** A closed survey is not edited: the list comes back saying so. */
  const alreadyClosed = async (turn: Turn): Promise<ActionOutcome> =>
    card(await admin(services, turn, { text: turn.t('survey.close.already'), ok: false }));
  /** Staff actions on an existing survey; a missing one brings the list back with a note. */
  const onSurvey =
    (run: (turn: Turn, survey: Survey) => Promise<ActionOutcome>) =>
    async (turn: Turn & { data: Readonly<Record<string, unknown>> }): Promise<ActionOutcome> => {
      const survey = await surveyOf(turn.data);
      if (!survey)
        return card(
          await admin(services, turn, { text: turn.t('survey.error.missing'), ok: false }),
        );
      return run(turn, survey);
    };

  return [
    // Department heads and delegates (and anyone who opens a forwarded card: the service says no).
    {
      verb: 'survey.refresh',
      allowed: Audience.anyone,
      handle: async (turn) =>
        card(await surveys.viewFor(turn.data['surveyId'], turn.actor, readerOf(services, turn))),
    },
    {
      verb: 'survey.answer',
      allowed: Audience.anyone,
      handle: async (turn) =>
        card(await surveys.editForm(turn.data['surveyId'], turn.actor, readerOf(services, turn))),
    },
    {
      verb: 'survey.submit',
      allowed: Audience.anyone,
      handle: async (turn) =>
        card(await surveys.submit(turn.data, turn.actor, readerOf(services, turn))),
    },
    // The secretariat and the chair.
    {
      verb: 'survey.list',
      allowed: Audience.staff,
      handle: async (turn) => card(await admin(services, turn)),
    },
    {
      verb: 'survey.editor',
      allowed: Audience.staff,
      handle: async (turn) => {
        const survey = await surveyOf(turn.data);
        if (survey?.status === 'closed') return alreadyClosed(turn);
        return card(await editor(services, turn, survey));
      },
    },
    {
      verb: 'survey.addTopics',
      allowed: Audience.staff,
      handle: async (turn) => {
        const survey = await surveyOf(turn.data);
        return card(await editor(services, turn, survey, readDraft(turn.data, NEW_ROWS)));
      },
    },
    {
      verb: 'survey.save',
      allowed: Audience.staff,
      handle: async (turn) => {
        const existing = await surveyOf(turn.data);
        if (existing?.status === 'closed') return alreadyClosed(turn);
        const draft = readDraft(turn.data);
        const parsed = parseDraft(draft, {
          ...(existing ? { existing } : {}),
          departmentIds: new Set((await services.directory.listDepartments()).map((d) => d.id)),
          now: services.clock.now(),
          timeZone: services.config.timeZone,
        });
        if (!parsed.ok) {
          return card(
            editorCard(
              {
                ...(existing ? { survey: existing } : {}),
                draft,
                problems: parsed.problems,
                departments: await services.directory.listDepartments(),
              },
              readerOf(services, turn),
            ),
          );
        }
        const saved = existing
          ? await surveys.saveDefinition(existing.id, parsed.definition)
          : await surveys.create(
              parsed.definition,
              turn.actor.person?.id ?? turn.actor.aadObjectId,
            );
        if (!saved) return alreadyClosed(turn);
        return card(
          await admin(services, turn, {
            text: turn.t('survey.editor.saved', { number: saved.number }),
            ok: true,
          }),
        );
      },
    },
    {
      verb: 'survey.copy',
      allowed: Audience.staff,
      handle: onSurvey(async (turn, source) => {
        const copy = await surveys.copy(source.id, turn.actor.person?.id ?? turn.actor.aadObjectId);
        if (!copy) return card(await admin(services, turn));
        const notice = turn.t('survey.copy.done', { from: source.number, number: copy.number });
        return card(await editor(services, turn, copy, undefined, notice));
      }),
    },
    {
      verb: 'survey.send',
      allowed: Audience.staff,
      handle: onSurvey(async (turn, survey) => {
        const report = await surveys.send(survey.id);
        const notice = report
          ? sendReportText(report, survey, turn, services.config.timeZone)
          : undefined;
        return card(await admin(services, turn, notice));
      }),
    },
    {
      verb: 'survey.close',
      allowed: Audience.staff,
      handle: onSurvey(async (turn, survey) =>
        card(await admin(services, turn, await closeNotice(services, turn, survey.id))),
      ),
    },
    {
      verb: 'survey.results',
      allowed: Audience.staff,
      handle: onSurvey(async (turn, survey) =>
        card(await surveys.resultsCard(survey, readerOf(services, turn))),
      ),
    },
  ];
}
