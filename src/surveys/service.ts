import type { Card } from '../cards/card.js';
import type { Clock, IdGenerator } from '../clock.js';
import type { Config } from '../config.js';
import type { Actor, Department, Person } from '../domain/directory.js';
import type { DirectoryService } from '../domain/directory-service.js';
import type { SignedLinks } from '../http/signed-links.js';
import { formatDateTime } from '../i18n/dates.js';
import { localeFrom, type Locale } from '../i18n/locale.js';
import { translator } from '../i18n/translate.js';
import type { Logger } from '../logger.js';
import type { CommitteeChannels } from '../messaging/committee-channels.js';
import type { ConversationRegistry } from '../messaging/conversations.js';
import type { OutboundMessage, Sender } from '../messaging/sender.js';
import type { WorkCalendar } from '../scheduling/calendar.js';
import type { Delivery, JobContext, Scheduler } from '../scheduling/scheduler.js';
import type { DocumentStore } from '../store/document-store.js';
import { Coalescer } from './coalescer.js';
import type { SurveyDefinition } from './editor.js';
import { SurveyRepository, type SurveyPost } from './repository.js';
import { tally, type SurveyResults } from './results.js';
import { resultsCsv } from './results-csv.js';
import {
  audienceProblem,
  checkSubmission,
  formProblem,
  readSubmission,
  toContent,
} from './submission.js';
import { acceptsAnswers, inLocale, type Survey } from './survey.js';
import {
  answerCard,
  formCard,
  noticeCard,
  progressCard,
  resultsCard,
  valuesOf,
  type Reader,
} from './views.js';

export interface SurveyDeps {
  readonly store: DocumentStore;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly logger: Logger;
  readonly config: Config;
  readonly directory: DirectoryService;
  readonly conversations: ConversationRegistry;
  /** Where the progress card goes. */
  readonly committeeChannels: CommitteeChannels;
  readonly sender: Sender;
  readonly scheduler: Scheduler;
  readonly calendar: WorkCalendar;
  readonly links: SignedLinks;
}

export const SURVEY_JOB = { nudge: 'survey.nudge', close: 'survey.close' } as const;
export interface NudgePayload {
  readonly surveyId: string;
  readonly businessDays: number;
}
export interface ClosePayload {
  readonly surveyId: string;
  readonly deadline: string;
}

/** Channel cards are written in the committee's working language. */
const CHANNEL_LOCALE: Locale = 'ja';
const CSV_LINK_TTL_MS = 15 * 60 * 1000;
/** Updates of one card in a row while other instances keep changing what it shows. */
const MAX_CARD_PASSES = 5;
/**
 * Waits before each new try of a card update after a 5xx (so 4 tries in all);
 * a 429 waits its Retry-After instead. Bounded, because shutdown waits for card updates: a
 * Retry-After longer than the longest wait here is given up on (and logged).
 */
const CARD_UPDATE_RETRY_MS = [1_000, 5_000, 15_000] as const;
const MAX_CARD_UPDATE_WAIT_MS = 15_000;
const DEFAULT_LIMITS = { comment: 500, opinion: 2000, rankCount: 3 } as const;

function sameTopicIds(a: Pick<Survey, 'topics'>, b: Pick<Survey, 'topics'>): boolean {
  return a.topics.length === b.topics.length && a.topics.every((t, i) => t.id === b.topics[i]?.id);
}

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
  private readonly coalescer: Coalescer;

  constructor(private readonly deps: SurveyDeps) {
    this.repository = new SurveyRepository(deps.store);
    this.coalescer = new Coalescer((key, err) =>
      deps.logger.error({ err, key }, 'updating survey cards failed'),
    );
  }

  reader(locale: Locale): Reader {
    return { locale, t: translator(locale), timeZone: this.deps.config.timeZone };
  }

  private now(): Date {
    return this.deps.clock.now();
  }

  // ----- definitions ------------------------------------------------------------------

  /** Departments that have a head or delegate to answer, in directory order. */
  async answeringDepartments(): Promise<Department[]> {
    const people = await this.deps.directory.listPeople();
    const answering = new Set(
      people.filter((p) => p.role === 'member' || p.role === 'delegate').map((p) => p.departmentId),
    );
    return (await this.deps.directory.listDepartments()).filter((d) => answering.has(d.id));
  }

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
      audience: (await this.answeringDepartments()).map((d) => d.id),
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
    const saved = await this.repository.update(id, (current) => {
      if (current.status === 'closed') return undefined;
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
    if (saved && reschedule) await this.scheduleJobs(saved);
    return saved?.updatedAt === now ? saved : undefined;
  }

  /** A new draft with the same questions, audience and settings, without a deadline. */
  async copy(id: string, createdBy: string): Promise<Survey | undefined> {
    const source = await this.repository.get(id);
    if (!source) return undefined;
    const ja = translator('ja')('survey.copy.suffix');
    const en = translator('en')('survey.copy.suffix');
    return this.create(
      {
        title: {
          ja: `${source.title.ja}${ja}`,
          en: source.title.en ? `${source.title.en}${en}` : '',
        },
        intro: source.intro,
        topics: source.topics,
        ranking: source.ranking,
        commentMaxLength: source.commentMaxLength,
        opinionMaxLength: source.opinionMaxLength,
        audience: source.audience,
        nudgeBusinessDays: source.nudgeBusinessDays,
      },
      createdBy,
      source.id,
    );
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

  /** Teams ids of the department's head and delegate, for the card's refresh.userIds. */
  private async refreshUserIds(departmentId: string): Promise<string[]> {
    const ids: string[] = [];
    for (const person of await this.deps.directory.representativesOf(departmentId)) {
      if (!person.aadObjectId) continue;
      const chat = await this.deps.conversations.personalChatOf(person.aadObjectId);
      if (chat?.userId) ids.push(chat.userId);
    }
    return ids;
  }

  /** The card a representative of `departmentId` should see now: the form, their answer, or closed. */
  async departmentView(survey: Survey, departmentId: string, reader: Reader): Promise<Card> {
    const department = await this.deps.directory.getDepartment(departmentId);
    const answer = await this.repository.answerOf(survey.id, departmentId);
    const refreshUserIds = await this.refreshUserIds(departmentId);
    const open = acceptsAnswers(survey, this.now());
    if (open && !answer) {
      return formCard(
        { survey, department, values: valuesOf(survey, undefined), basedOn: 0, refreshUserIds },
        reader,
      );
    }
    return answerCard({ survey, department, answer, canEdit: open, refreshUserIds }, reader);
  }

  /** `survey.refresh`: the current view for whoever opens the card. */
  async viewFor(surveyId: unknown, actor: Actor, reader: Reader): Promise<Card> {
    const survey = typeof surveyId === 'string' ? await this.repository.get(surveyId) : undefined;
    if (!survey) return this.missingCard(reader);
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
    return this.departmentView(survey, departmentId, reader);
  }

  /** `survey.answer`: the form filled with the department's current answer, to change it. */
  async editForm(surveyId: unknown, actor: Actor, reader: Reader): Promise<Card> {
    const survey = typeof surveyId === 'string' ? await this.repository.get(surveyId) : undefined;
    if (!survey) return this.missingCard(reader);
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
        refreshUserIds: await this.refreshUserIds(departmentId),
      },
      reader,
    );
  }

  missingCard(reader: Reader): Card {
    return noticeCard(reader.t('survey.error.missingTitle'), reader.t('survey.error.missing'));
  }

  /**
   * `survey.submit`: checks everything on the server; a problem sends the card
   * back with the inputs as typed and the message next to the field, storing
   * nothing. A valid answer is stored once per department.
   */
  async submit(
    data: Readonly<Record<string, unknown>>,
    actor: Actor,
    reader: Reader,
  ): Promise<Card> {
    const surveyId = data['surveyId'];
    const survey = typeof surveyId === 'string' ? await this.repository.get(surveyId) : undefined;
    if (!survey) return this.missingCard(reader);
    const values = readSubmission(survey, data);
    const basedOn = Number.isInteger(data['basedOn']) ? Number(data['basedOn']) : 0;
    const cardDepartment =
      typeof data['departmentId'] === 'string' && data['departmentId'] !== ''
        ? await this.deps.directory.getDepartment(data['departmentId'])
        : undefined;
    const departmentId = actor.person?.departmentId;
    const problems = checkSubmission(survey, actor, values, this.now(), cardDepartment);
    if (problems || !departmentId || !actor.person) {
      // The card comes back as it was: for the department it was made for.
      const shownFor =
        cardDepartment ??
        (departmentId ? await this.deps.directory.getDepartment(departmentId) : undefined);
      return formCard(
        {
          survey,
          department: shownFor,
          values,
          basedOn,
          problems: problems ?? { form: { key: 'survey.error.notRepresentative' }, fields: {} },
          refreshUserIds: shownFor ? await this.refreshUserIds(shownFor.id) : [],
        },
        reader,
      );
    }
    const department = await this.deps.directory.getDepartment(departmentId);
    const refreshUserIds = await this.refreshUserIds(departmentId);
    const outcome = await this.repository.saveAnswer({
      surveyId: survey.id,
      departmentId,
      content: toContent(values),
      basedOn,
      by: { personId: actor.person.id, name: actor.person.name },
      at: this.now().toISOString(),
    });
    if (outcome.kind === 'conflict') {
      return formCard(
        {
          survey,
          department,
          values,
          basedOn: outcome.answer.current.revision,
          conflict: outcome.answer.current,
          refreshUserIds,
        },
        reader,
      );
    }
    if (outcome.kind === 'stored')
      void this.answerChanged(survey.id, departmentId, actor.person.id);
    return answerCard(
      { survey, department, answer: outcome.answer, canEdit: true, refreshUserIds },
      reader,
    );
  }

  /**
   * After an answer is stored: the progress cards show the new count and the
   * other representatives' cards show the answer. Both run coalesced.
   */
  answerChanged(surveyId: string, departmentId: string, byPersonId: string): Promise<void> {
    const progress = this.requestProgressUpdate(surveyId);
    const cards = this.requestDepartmentUpdate(surveyId, departmentId, byPersonId);
    return Promise.all([progress, cards]).then(() => undefined);
  }

  /** Waits for card updates in flight (tests, shutdown). */
  settled(): Promise<void> {
    return this.coalescer.settled();
  }

  // ----- distribution ------------------------------------------------------------------

  private async personReader(person: Person): Promise<Reader> {
    const chat = person.aadObjectId
      ? await this.deps.conversations.personalChatOf(person.aadObjectId)
      : undefined;
    return this.reader(localeFrom(chat?.locale));
  }

  /**
   * Updates one posted card. Teams throttling it (429) or failing (5xx) is tried
   * again a few times: the answer that changed it may be the last one, and no
   * later answer would bring the card up to date.
   */
  private async update(post: SurveyPost, message: OutboundMessage): Promise<void> {
    const { conversationId, activityId } = post;
    if (post.status !== 'sent' || !conversationId || !activityId) return;
    for (let retry = 0; ; retry++) {
      const result = await this.deps.sender.update(conversationId, activityId, message);
      if (result.ok) return;
      const transient =
        result.reason === 'throttled' ||
        (result.reason === 'failed' && (result.status ?? 500) >= 500);
      const backoff = CARD_UPDATE_RETRY_MS[retry];
      const wait = result.reason === 'throttled' ? result.retryAfterMs : backoff;
      if (
        !transient ||
        backoff === undefined ||
        wait === undefined ||
        wait > MAX_CARD_UPDATE_WAIT_MS
      ) {
        this.deps.logger.warn(
          { postId: post.id, reason: result.reason, tries: retry + 1 },
          'survey card not updated',
        );
        return;
      }
      await this.deps.clock.sleep(wait);
    }
  }

  /**
   * Other instances on the same database update the same cards, and of two updates
   * the one that reaches Teams last stays, even when it was made from older data.
   * So after updating, the state the card shows is read again: if it moved on
   * meanwhile and no later run is queued here, the card is updated once more. The
   * last update to reach Teams is then one made after the last change.
   */
  private async keepCurrent(
    key: string,
    stateOf: () => Promise<string | undefined>,
    update: () => Promise<void>,
  ): Promise<void> {
    let shown = await stateOf();
    for (let pass = 1; shown !== undefined && pass <= MAX_CARD_PASSES; pass++) {
      await update();
      const now = await stateOf();
      if (now === shown || this.coalescer.hasQueued(key)) return;
      shown = now;
    }
  }

  private requestProgressUpdate(surveyId: string): Promise<void> {
    const key = `progress:${surveyId}`;
    return this.coalescer.request(key, () =>
      this.keepCurrent(
        key,
        async () => {
          const survey = await this.repository.get(surveyId);
          return survey && `${survey.updatedAt}|${await this.answeredCount(survey)}`;
        },
        () => this.updateProgressCards(surveyId),
      ),
    );
  }

  private requestDepartmentUpdate(
    surveyId: string,
    departmentId: string,
    exceptPersonId?: string,
  ): Promise<void> {
    const key = `department:${surveyId}:${departmentId}`;
    return this.coalescer.request(key, () =>
      this.keepCurrent(
        key,
        async () => {
          const survey = await this.repository.get(surveyId);
          const answer = await this.repository.answerOf(surveyId, departmentId);
          return survey && `${survey.updatedAt}|${answer?.current.revision ?? 0}`;
        },
        () => this.updateDepartmentCards(surveyId, departmentId, exceptPersonId),
      ),
    );
  }

  private async answeredCount(survey: Survey): Promise<number> {
    return (await this.repository.answersOf(survey.id)).filter((a) =>
      survey.audience.includes(a.departmentId),
    ).length;
  }

  private async updateProgressCards(surveyId: string): Promise<void> {
    const survey = await this.repository.get(surveyId);
    if (!survey) return;
    const card = progressCard(
      survey,
      await this.answeredCount(survey),
      this.reader(CHANNEL_LOCALE),
    );
    for (const post of await this.repository.postsOf(surveyId))
      if (post.kind === 'progress') await this.update(post, { card });
  }

  private async updateDepartmentCards(
    surveyId: string,
    departmentId: string,
    exceptPersonId?: string,
  ): Promise<void> {
    const survey = await this.repository.get(surveyId);
    if (!survey) return;
    const people = new Map(
      (await this.deps.directory.representativesOf(departmentId)).map((p) => [p.id, p]),
    );
    for (const post of await this.repository.postsOf(surveyId)) {
      if (post.kind !== 'form' || post.departmentId !== departmentId) continue;
      if (post.personId === exceptPersonId) continue;
      const person = post.personId ? people.get(post.personId) : undefined;
      const reader = person ? await this.personReader(person) : this.reader(CHANNEL_LOCALE);
      await this.update(post, { card: await this.departmentView(survey, departmentId, reader) });
    }
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
          ? { ...current, status: 'open', sentAt: now, updatedAt: now }
          : undefined,
      )) ?? found;
    await this.scheduleJobs(survey);

    let sent = 0;
    let already = 0;
    const unreachable: Person[] = [];
    const failed: Person[] = [];
    for (const departmentId of survey.audience) {
      for (const person of await this.deps.directory.representativesOf(departmentId)) {
        const outcome = await this.postForm(survey, departmentId, person);
        if (outcome === 'sent') sent++;
        else if (outcome === 'already') already++;
        else if (outcome === 'unreachable') unreachable.push(person);
        else failed.push(person);
      }
    }
    const channels = await this.postProgress(survey);
    return { ok: true, survey, sent, already, unreachable, failed, channels };
  }

  private async postForm(
    survey: Survey,
    departmentId: string,
    person: Person,
  ): Promise<'sent' | 'already' | 'unreachable' | 'failed'> {
    const id = `${survey.id}|form|${person.id}`;
    const at = () => this.now().toISOString();
    const claim = await this.repository.claimPost(
      { id, surveyId: survey.id, kind: 'form', personId: person.id, departmentId },
      at(),
    );
    if (!claim.claimed) return 'already';
    if (!person.aadObjectId) {
      await this.repository.finishPost(id, { status: 'unreachable' }, at());
      return 'unreachable';
    }
    const reader = await this.personReader(person);
    const card = await this.departmentView(survey, departmentId, reader);
    const result = await this.deps.sender.send(
      { userAadObjectId: person.aadObjectId },
      { card, summary: inLocale(survey.title, reader.locale) },
    );
    if (result.ok) {
      await this.repository.finishPost(
        id,
        {
          status: 'sent',
          conversationId: result.conversationId,
          ...(result.activityId ? { activityId: result.activityId } : {}),
        },
        at(),
      );
      return 'sent';
    }
    const unreachable = result.reason === 'unreachable' || result.reason === 'gone';
    await this.repository.finishPost(
      id,
      { status: unreachable ? 'unreachable' : 'failed', error: result.reason },
      at(),
    );
    return unreachable ? 'unreachable' : 'failed';
  }

  /** Posts the progress card where it is not yet; returns in how many channels it is. */
  private async postProgress(survey: Survey): Promise<number> {
    let posted = 0;
    const answered = (await this.repository.answersOf(survey.id)).length;
    for (const channel of await this.deps.committeeChannels.list()) {
      const id = `${survey.id}|progress|${channel.id}`;
      const claim = await this.repository.claimPost(
        { id, surveyId: survey.id, kind: 'progress', conversationId: channel.id },
        this.now().toISOString(),
      );
      if (!claim.claimed) {
        if (claim.post.status === 'sent') posted++;
        continue;
      }
      const card = progressCard(survey, answered, this.reader(CHANNEL_LOCALE));
      const result = await this.deps.sender.send(
        { conversationId: channel.id },
        { card, summary: inLocale(survey.title, CHANNEL_LOCALE) },
      );
      await this.repository.finishPost(
        id,
        result.ok
          ? {
              status: 'sent',
              conversationId: result.conversationId,
              ...(result.activityId ? { activityId: result.activityId } : {}),
            }
          : { status: 'failed', error: result.reason },
        this.now().toISOString(),
      );
      if (result.ok) posted++;
    }
    return posted;
  }

  // ----- reminders and closing --------------------------------------------------------

  /** Reminder jobs at the configured business days before the deadline, and the closing job. */
  async scheduleJobs(survey: Survey): Promise<void> {
    if (!survey.deadline || survey.status !== 'open') return;
    const group = `survey:${survey.id}`;
    await this.deps.scheduler.cancelGroup(group, 'survey rescheduled');
    const deadline = new Date(survey.deadline);
    const { hour, minute } = this.deps.config.surveyNudgeTime;
    const now = this.now().getTime();
    for (const businessDays of survey.nudgeBusinessDays) {
      const day = this.deps.calendar.businessDaysBefore(deadline, businessDays);
      const dueAt = this.deps.calendar.atLocalTime(day, hour, minute);
      if (dueAt.getTime() <= now || dueAt.getTime() >= deadline.getTime()) continue;
      await this.deps.scheduler.schedule<NudgePayload>({
        key: `${group}:nudge:${businessDays}:${survey.deadline}`,
        kind: SURVEY_JOB.nudge,
        group,
        payload: { surveyId: survey.id, businessDays },
        dueAt,
        notAfter: deadline,
      });
    }
    await this.deps.scheduler.schedule<ClosePayload>({
      key: `${group}:close:${survey.deadline}`,
      kind: SURVEY_JOB.close,
      group,
      payload: { surveyId: survey.id, deadline: survey.deadline },
      dueAt: deadline,
    });
  }

  /** Nudge job: the head and delegate of each department that has not answered, in their language. */
  async nudge(context: JobContext<NudgePayload>): Promise<{ drop: string } | undefined> {
    const survey = await this.repository.get(context.job.payload.surveyId);
    if (!survey || !acceptsAnswers(survey, context.now)) return { drop: 'survey not open' };
    const answered = new Set(
      (await this.repository.answersOf(survey.id)).map((a) => a.departmentId),
    );
    const deliveries: Delivery[] = [];
    for (const departmentId of survey.audience) {
      if (answered.has(departmentId)) continue;
      const department = await this.deps.directory.getDepartment(departmentId);
      for (const person of await this.deps.directory.representativesOf(departmentId)) {
        if (!person.aadObjectId) continue;
        const reader = await this.personReader(person);
        const text = reader.t('survey.nudge', {
          title: inLocale(survey.title, reader.locale),
          deadline: formatDateTime(new Date(survey.deadline ?? ''), reader.locale, reader.timeZone),
          department: department?.name[reader.locale] ?? departmentId,
        });
        deliveries.push({
          recipientKey: `person:${person.id}`,
          target: { userAadObjectId: person.aadObjectId },
          message: { text: context.late ? `${reader.t('survey.nudge.late')}${text}` : text },
        });
      }
    }
    await context.deliverMany(deliveries);
    return undefined;
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
    const survey = await this.repository.update(surveyId, (current) =>
      current.status === 'open'
        ? { ...current, status: 'closed', closedAt: now, updatedAt: now }
        : undefined,
    );
    if (!survey || survey.closedAt !== now) return { ok: false, problem: 'already' };
    await this.deps.scheduler.cancelGroup(`survey:${surveyId}`, 'survey closed');
    await this.requestProgressUpdate(surveyId);
    for (const departmentId of survey.audience)
      await this.requestDepartmentUpdate(surveyId, departmentId);
    return { ok: true, survey, answered: await this.answeredCount(survey) };
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
    return resultsCard({ survey, ...(await this.tallyWithDepartments(survey)), csv }, reader);
  }

  async csv(survey: Survey, locale: Locale): Promise<string> {
    const reader = this.reader(locale);
    const results = await this.results(survey);
    return resultsCsv(survey, results, locale, reader.t, reader.timeZone);
  }
}
