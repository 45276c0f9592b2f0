import type { Card } from '../cards/card.js';
import type { Actor, Department, Person } from '../domain/directory.js';
import type { Locale } from '../i18n/locale.js';
import { copiedDefinition, withoutCopyMarker } from './copy.js';
import type { JobContext } from '../scheduling/scheduler.js';
import { SurveyCards } from './distribution.js';
import { SurveyNudges, type ClosePayload, type NudgePayload } from './nudges.js';
import type { SurveyDeps } from './deps.js';
import type { SurveyDefinition } from './editor.js';
import { SurveyRepository } from './repository.js';
import { updateOrRefuse } from '../store/updates.js';
import { tally, type SurveyResults } from './results.js';
import { resultsCsv } from './results-csv.js';
import { dashboardLinkOf } from '../tab/deep-link.js';
import { missingSurveyCard, SurveyAnswering } from './answering.js';
import { audienceProblem, formProblem } from './submission.js';
import { sameTopicIds, type Survey } from './survey.js';
import { formCard, noticeCard, resultsCard, valuesOf, type Reader } from './views.js';

/** Links to the results CSV expire after this long. */
const CSV_LINK_TTL_MS = 15 * 60 * 1000;
const DEFAULT_LIMITS = { comment: 500, opinion: 2000, rankCount: 3 } as const;

export type SendReport =
  | {
      readonly ok: false;
      readonly problem: 'noDeadline' | 'pastDeadline' | 'closed' | 'noAudience';
    }
  | {
      readonly ok: true;
      readonly survey: Survey;
      readonly sent: number;
      readonly already: number;
      readonly unreachable: readonly Person[];
      readonly failed: readonly Person[];
      readonly channels: number;
    };

export type CloseReport =
  | { readonly ok: false; readonly problem: 'already' | 'notOpen' }
  | { readonly ok: true; readonly survey: Survey; readonly answered: number };

/**
 * Surveys from definition to results: the secretariat defines and sends them,
 * department heads and delegates answer on cards, the scheduler nudges and
 * closes, and every posted card is kept up to date.
 */
export class SurveyService {
  readonly repository: SurveyRepository;
  private readonly cards: SurveyCards;
  private readonly nudges: SurveyNudges;
  private readonly answering: SurveyAnswering;

  constructor(private readonly deps: SurveyDeps) {
    this.repository = new SurveyRepository(deps.store);
    this.cards = new SurveyCards(deps, this.repository);
    this.nudges = new SurveyNudges(deps, this.repository, this.cards);
    this.answering = new SurveyAnswering(deps, this.repository, this.cards);
  }

  reader(locale: Locale): Reader {
    return this.cards.reader(locale);
  }

  private now(): Date {
    return this.deps.clock.now();
  }

  // ----- definitions ------------------------------------------------------------------

  async departmentMap(): Promise<Map<string, Department>> {
    return new Map((await this.deps.directory.listDepartments()).map((d) => [d.id, d]));
  }

  /** What a new survey starts with: 1位–3位, every answering department, default reminders. */
  async blankDefinition(): Promise<SurveyDefinition> {
    return {
      title: { ja: '', en: '' },
      intro: { ja: '', en: '' },
      topics: [],
      ranking: { mode: 'exactly', count: DEFAULT_LIMITS.rankCount },
      commentMaxLength: DEFAULT_LIMITS.comment,
      opinionMaxLength: DEFAULT_LIMITS.opinion,
      audience: (await this.deps.directory.answeringDepartments()).map((d) => d.id),
      nudgeBusinessDays: this.deps.config.surveyNudgeBusinessDays,
    };
  }

  async create(
    definition: SurveyDefinition,
    createdBy: string,
    copiedFrom?: string,
  ): Promise<Survey> {
    const now = this.now().toISOString();
    const survey: Survey = {
      ...definition,
      id: this.deps.ids.next('survey'),
      number: await this.repository.nextNumber(),
      status: 'draft',
      createdAt: now,
      createdBy,
      updatedAt: now,
      ...(copiedFrom ? { copiedFrom } : {}),
    };
    await this.repository.insert(survey);
    return survey;
  }

  /** Saves an edited definition; a sent survey keeps its topics and rule (the editor enforces it). */
  async saveDefinition(id: string, definition: SurveyDefinition): Promise<Survey | undefined> {
    const now = this.now().toISOString();
    let reschedule = false;
    const saved = await updateOrRefuse<Survey, 'closed'>(this.repository, id, (current) => {
      if (current.status === 'closed') return 'closed';
      reschedule =
        current.status === 'open' &&
        (current.deadline !== definition.deadline ||
          current.nudgeBusinessDays.join() !== definition.nudgeBusinessDays.join());
      const { deadline: _old, ...rest } = current;
      return {
        ...rest,
        ...definition,
        // Once sent, answers refer to the topics: their texts may change, never which they are.
        ...(current.status === 'draft'
          ? {}
          : {
              ranking: current.ranking,
              topics: sameTopicIds(definition, current) ? definition.topics : current.topics,
            }),
        updatedAt: now,
      };
    });
    if (!saved.ok) return undefined;
    if (reschedule) await this.nudges.schedule(saved.record);
    return saved.record;
  }

  /** A new draft with the same questions, audience and settings, without a deadline. */
  async copy(id: string, createdBy: string): Promise<Survey | undefined> {
    const source = await this.repository.get(id);
    if (!source) return undefined;
    return this.create(copiedDefinition(source), createdBy, source.id);
  }

  /** "結果 2", "#2", or nothing (the newest survey that was sent, else the newest). */
  async find(reference: string): Promise<Survey | undefined> {
    const ref = reference.trim().replace(/^#/, '');
    if (ref === '') {
      const all = await this.repository.list();
      return all.find((s) => s.status !== 'draft') ?? all[0];
    }
    if (/^\d+$/.test(ref)) return this.repository.byNumber(Number(ref));
    return this.repository.get(ref);
  }

  // ----- what a department representative sees ----------------------------------------

  /** `survey.refresh`: the current view for whoever opens the card. */
  async viewFor(surveyId: unknown, actor: Actor, reader: Reader): Promise<Card> {
    const survey = typeof surveyId === 'string' ? await this.repository.get(surveyId) : undefined;
    if (!survey) return missingSurveyCard(reader);
    const problem =
      survey.status === 'draft'
        ? { key: 'survey.error.notOpen' as const }
        : audienceProblem(survey, actor);
    const departmentId = actor.person?.departmentId;
    if (problem || !departmentId)
      return noticeCard(
        reader.t('survey.error.notForYouTitle'),
        reader.t(problem?.key ?? 'survey.error.notRepresentative'),
      );
    return this.cards.departmentView(survey, departmentId, reader);
  }

  /** `survey.answer`: the form filled with the department's current answer, to change it. */
  async editForm(surveyId: unknown, actor: Actor, reader: Reader): Promise<Card> {
    const survey = typeof surveyId === 'string' ? await this.repository.get(surveyId) : undefined;
    if (!survey) return missingSurveyCard(reader);
    const problem = formProblem(survey, actor, this.now());
    const departmentId = actor.person?.departmentId;
    if (problem || !departmentId) return this.viewFor(survey.id, actor, reader);
    const answer = await this.repository.answerOf(survey.id, departmentId);
    return formCard(
      {
        survey,
        department: await this.deps.directory.getDepartment(departmentId),
        values: valuesOf(survey, answer?.current),
        basedOn: answer?.current.revision ?? 0,
        ...(answer ? { current: answer.current } : {}),
        refreshUserIds: await this.cards.refreshUserIds(departmentId),
      },
      reader,
    );
  }

  /** `survey.submit`: a department's answer from its card (SurveyAnswering). */
  submit(data: Readonly<Record<string, unknown>>, actor: Actor, reader: Reader): Promise<Card> {
    return this.answering.submit(data, actor, reader);
  }

  /** The card a representative of `departmentId` should see now: the form, their answer, or closed. */
  departmentView(survey: Survey, departmentId: string, reader: Reader): Promise<Card> {
    return this.cards.departmentView(survey, departmentId, reader);
  }

  /** Waits for card updates in flight (tests, shutdown). */
  settled(): Promise<void> {
    return this.cards.settled();
  }

  /**
   * Opens the survey and posts its card to the 1:1 chat of each audience
   * department's head and delegate, and a progress card to each channel.
   * Sending again only reaches those not reached before.
   */
  async send(surveyId: string): Promise<SendReport | undefined> {
    const found = await this.repository.get(surveyId);
    if (!found) return undefined;
    if (found.status === 'closed') return { ok: false, problem: 'closed' };
    if (!found.deadline) return { ok: false, problem: 'noDeadline' };
    if (new Date(found.deadline).getTime() <= this.now().getTime())
      return { ok: false, problem: 'pastDeadline' };
    if (found.audience.length === 0) return { ok: false, problem: 'noAudience' };

    const now = this.now().toISOString();
    const survey =
      (await this.repository.update(surveyId, (current) =>
        current.status === 'draft'
          ? {
              ...current,
              // The copy marker helps the secretariat tell drafts apart; departments never see it.
              title: current.copiedFrom ? withoutCopyMarker(current.title) : current.title,
              status: 'open',
              sentAt: now,
              updatedAt: now,
            }
          : undefined,
      )) ?? found;
    await this.nudges.schedule(survey);

    return { ok: true, survey, ...(await this.cards.distribute(survey)) };
  }

  // ----- reminders and closing --------------------------------------------------------

  /** Nudge job: the head and delegate of each department that has not answered, in their language. */
  nudge(context: JobContext<NudgePayload>): Promise<{ drop: string } | undefined> {
    return this.nudges.nudge(context);
  }

  /** Close job at the deadline (a deadline moved since is someone else's job). */
  async closeAtDeadline(context: JobContext<ClosePayload>): Promise<{ drop: string } | undefined> {
    const survey = await this.repository.get(context.job.payload.surveyId);
    if (!survey || survey.deadline !== context.job.payload.deadline)
      return { drop: 'deadline moved' };
    const report = await this.close(survey.id);
    return report?.ok ? undefined : { drop: 'already closed' };
  }

  /** Closes the survey, cancels its reminders and turns every card into its closed view. */
  async close(surveyId: string): Promise<CloseReport | undefined> {
    const found = await this.repository.get(surveyId);
    if (!found) return undefined;
    if (found.status === 'closed') return { ok: false, problem: 'already' };
    if (found.status === 'draft') return { ok: false, problem: 'notOpen' };
    const now = this.now().toISOString();
    const closed = await updateOrRefuse<Survey, 'already'>(this.repository, surveyId, (current) =>
      current.status === 'open'
        ? { ...current, status: 'closed', closedAt: now, updatedAt: now }
        : 'already',
    );
    if (!closed.ok) return { ok: false, problem: 'already' };
    const survey = closed.record;
    await this.deps.scheduler.cancelGroup(`survey:${surveyId}`, 'survey closed');
    await this.cards.showClosed(survey);
    return { ok: true, survey, answered: await this.cards.answeredCount(survey) };
  }

  // ----- results ----------------------------------------------------------------------

  /** The tally of a survey's answers (also read by the dashboard tab). */
  async results(survey: Survey): Promise<SurveyResults> {
    return (await this.tallyWithDepartments(survey)).results;
  }

  /** The tally with the departments it names, reading each from the store once. */
  private async tallyWithDepartments(
    survey: Survey,
  ): Promise<{ results: SurveyResults; departments: Map<string, Department> }> {
    const departments = await this.departmentMap();
    const answers = await this.repository.answersOf(survey.id);
    return { results: tally(survey, answers, departments), departments };
  }

  csvPath(surveyId: string): string {
    return `/surveys/${encodeURIComponent(surveyId)}/results.csv`;
  }

  async resultsCard(survey: Survey, reader: Reader): Promise<Card> {
    const csv = this.deps.links.create(
      this.csvPath(survey.id),
      { locale: reader.locale },
      CSV_LINK_TTL_MS,
    );
    return resultsCard(
      { survey, ...(await this.tallyWithDepartments(survey)), csv },
      reader,
      dashboardLinkOf(this.deps.config),
    );
  }

  async csv(survey: Survey, locale: Locale): Promise<string> {
    const reader = this.reader(locale);
    const results = await this.results(survey);
    return resultsCsv(survey, results, locale, reader.t, reader.timeZone);
  }
}
