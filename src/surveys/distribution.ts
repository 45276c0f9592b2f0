import type { MessageKey } from '../i18n/catalog.js';
import type { Card } from '../cards/card.js';
import type { Person } from '../domain/directory.js';
import { localeFrom, type Locale } from '../i18n/locale.js';
import { readerIn } from '../i18n/reader.js';
import type { OutboundMessage } from '../messaging/sender.js';
import { dashboardLinkOf } from '../tab/deep-link.js';
import { Coalescer } from './coalescer.js';
import type { SurveyRepository, SurveyPost } from './repository.js';
import type { SurveyDeps } from './deps.js';
import { acceptsAnswers, inLocale, type Survey } from './survey.js';
import { answerCard, formCard, progressCard, valuesOf, type Reader } from './views.js';

/** Channel cards are written in the committee's working language. */
const CHANNEL_LOCALE: Locale = 'ja';
/** Updates of one card in a row while other instances keep changing what it shows. */
const MAX_CARD_PASSES = 5;
/**
 * Waits before each new try of a card update after a 5xx (so 4 tries in all);
 * a 429 waits its Retry-After instead. Bounded, because shutdown waits for card updates: a
 * Retry-After longer than the longest wait here is given up on (and logged).
 */
const CARD_UPDATE_RETRY_MS = [1_000, 5_000, 15_000] as const;
const MAX_CARD_UPDATE_WAIT_MS = 15_000;
/** Who a survey reached when it was sent (again). */
export interface Reach {
  readonly sent: number;
  readonly already: number;
  readonly unreachable: Person[];
  readonly failed: Person[];
  /** Channels that show the progress card. */
  readonly channels: number;
}

/**
 * The survey's cards in Teams: the form or answer each representative sees,
 * posted once to each 1:1 chat with a progress card in each channel, and kept
 * current (coalesced, across instances) as answers come in and when it closes.
 */
export class SurveyCards {
  private readonly coalescer: Coalescer;

  constructor(
    private readonly deps: SurveyDeps,
    private readonly repository: SurveyRepository,
  ) {
    this.coalescer = new Coalescer((key, err) =>
      deps.logger.error({ err, key }, 'updating survey cards failed'),
    );
  }

  reader(locale: Locale): Reader {
    return readerIn(locale, this.deps.config.timeZone);
  }

  private now(): Date {
    return this.deps.clock.now();
  }

  /** Teams ids of the department's head and delegate, for the card's refresh.userIds. */
  async refreshUserIds(departmentId: string): Promise<string[]> {
    const ids: string[] = [];
    for (const person of await this.deps.directory.representativesOf(departmentId)) {
      if (!person.aadObjectId) continue;
      const chat = await this.deps.conversations.personalChatOf(person.aadObjectId);
      if (chat?.userId) ids.push(chat.userId);
    }
    return ids;
  }

  /** The card a representative of `departmentId` should see now: the form, their answer, or closed. */
  async departmentView(
    survey: Survey,
    departmentId: string,
    reader: Reader,
    notice?: MessageKey,
  ): Promise<Card> {
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
    return answerCard(
      {
        survey,
        department,
        answer,
        canEdit: open,
        refreshUserIds,
        ...(notice ? { notice: reader.t(notice) } : {}),
      },
      reader,
    );
  }

  /** Posts the form to each audience department's head and delegate not reached yet, and the progress card. */
  async distribute(survey: Survey): Promise<Reach> {
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
    return { sent, already, unreachable, failed, channels };
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

  /** Every card of a closed survey turns into its closed view. */
  async showClosed(survey: Survey): Promise<void> {
    await this.requestProgressUpdate(survey.id);
    for (const departmentId of survey.audience)
      await this.requestDepartmentUpdate(survey.id, departmentId);
  }

  /** Waits for card updates in flight (tests, shutdown). */
  settled(): Promise<void> {
    return this.coalescer.settled();
  }

  async personReader(person: Person): Promise<Reader> {
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

  async answeredCount(survey: Survey): Promise<number> {
    return (await this.repository.answeredDepartments(survey)).length;
  }

  private async updateProgressCards(surveyId: string): Promise<void> {
    const survey = await this.repository.get(surveyId);
    if (!survey) return;
    const card = progressCard(
      survey,
      await this.answeredCount(survey),
      this.reader(CHANNEL_LOCALE),
      dashboardLinkOf(this.deps.config),
    );
    for (const post of await this.repository.progressPostsOf(surveyId))
      await this.update(post, { card });
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
    for (const post of await this.repository.formPostsOf(surveyId, departmentId)) {
      if (post.personId === exceptPersonId) continue;
      const person = post.personId ? people.get(post.personId) : undefined;
      const reader = person ? await this.personReader(person) : this.reader(CHANNEL_LOCALE);
      await this.update(post, { card: await this.departmentView(survey, departmentId, reader) });
    }
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
    const answered = await this.answeredCount(survey);
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
      const card = progressCard(
        survey,
        answered,
        this.reader(CHANNEL_LOCALE),
        dashboardLinkOf(this.deps.config),
      );
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
}
