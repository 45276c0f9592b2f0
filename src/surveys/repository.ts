import type { Collection, DocumentStore } from '../store/document-store.js';
import { Numbering } from '../store/numbering.js';
import {
  answerId,
  sameContent,
  type AnswerContent,
  type AnswerVersion,
  type LocalText,
  type Survey,
  type SurveyAnswer,
} from './survey.js';

/** A card Honbu posted for a survey, remembered so it can be updated in place later. */
export interface SurveyPost {
  /** `${surveyId}|form|${personId}` or `${surveyId}|progress|${channel}`. */
  readonly id: string;
  readonly surveyId: string;
  readonly kind: 'form' | 'progress';
  readonly personId?: string;
  readonly departmentId?: string;
  readonly conversationId?: string;
  readonly activityId?: string;
  /** 'sending' is written before the card leaves, so two "send" clicks cannot post it twice. */
  readonly status: 'sending' | 'sent' | 'failed' | 'unreachable';
  readonly error?: string;
  readonly at: string;
}

export type SaveOutcome =
  | { readonly kind: 'stored'; readonly answer: SurveyAnswer }
  /** The same content again (a repeated submit of the same card): nothing written. */
  | { readonly kind: 'unchanged'; readonly answer: SurveyAnswer }
  /** Someone else changed the answer since this card was shown: nothing written. */
  | { readonly kind: 'conflict'; readonly answer: SurveyAnswer };

/** Surveys, department answers and posted cards, over the document store. */
export class SurveyRepository {
  private readonly surveys: Collection<Survey>;
  private readonly answers: Collection<SurveyAnswer>;
  private readonly posts: Collection<SurveyPost>;
  private readonly numbering: Numbering;

  constructor(store: DocumentStore) {
    this.surveys = store.collection<Survey>('surveys');
    this.answers = store.collection<SurveyAnswer>('surveyAnswers');
    this.posts = store.collection<SurveyPost>('surveyPosts');
    this.numbering = new Numbering(store);
  }

  get(id: string): Promise<Survey | undefined> {
    return this.surveys.get(id);
  }

  /** Newest first. */
  async list(): Promise<Survey[]> {
    return (await this.surveys.find()).sort((a, b) => b.number - a.number);
  }

  async byNumber(number: number): Promise<Survey | undefined> {
    const [found] = await this.surveys.find({ number });
    return found;
  }

  /** The next survey number, atomically. */
  async nextNumber(): Promise<number> {
    return this.numbering.reserve('surveyNumber');
  }

  async insert(survey: Survey): Promise<void> {
    if (!(await this.surveys.insert(survey))) throw new Error(`survey ${survey.id} exists`);
  }

  /** Atomic change of one survey; `change` returns undefined to leave it as it is. */
  update(id: string, change: (current: Survey) => Survey | undefined): Promise<Survey | undefined> {
    return this.surveys.update(id, (current) => (current ? change(current) : undefined));
  }

  answerOf(surveyId: string, departmentId: string): Promise<SurveyAnswer | undefined> {
    return this.answers.get(answerId(surveyId, departmentId));
  }

  answersOf(surveyId: string): Promise<SurveyAnswer[]> {
    return this.answers.find({ surveyId });
  }

  /**
   * The departments of the survey's audience that have answered, in audience order
   * (answers of departments taken out of the audience later do not count), read without
   * the answers themselves: every stored answer updates the progress count.
   */
  async answeredDepartments(survey: Survey): Promise<string[]> {
    const answered = new Set(await this.answers.ids({ surveyId: survey.id }));
    return survey.audience.filter((departmentId) =>
      answered.has(answerId(survey.id, departmentId)),
    );
  }

  /**
   * Stores a department's answer in one atomic update: a new version is
   * appended to its history, unless the content is what is stored already
   * (idempotent resubmit) or someone changed it since `basedOn` (conflict).
   */
  async saveAnswer(input: {
    surveyId: string;
    departmentId: string;
    content: AnswerContent;
    basedOn: number;
    by: { personId: string; name: LocalText };
    at: string;
  }): Promise<SaveOutcome> {
    let outcome: SaveOutcome['kind'] = 'stored';
    const id = answerId(input.surveyId, input.departmentId);
    const saved = await this.answers.update(id, (current) => {
      if (current && sameContent(current.current, input.content)) {
        outcome = 'unchanged';
        return undefined;
      }
      if (current && current.current.revision !== input.basedOn) {
        outcome = 'conflict';
        return undefined;
      }
      outcome = 'stored';
      const version: AnswerVersion = {
        ...input.content,
        revision: (current?.current.revision ?? 0) + 1,
        at: input.at,
        byPersonId: input.by.personId,
        byName: input.by.name,
      };
      return {
        id,
        surveyId: input.surveyId,
        departmentId: input.departmentId,
        current: version,
        history: [...(current?.history ?? []), version],
      };
    });
    if (!saved) throw new Error(`answer ${id} was not stored`);
    return { kind: outcome, answer: saved };
  }

  /** The survey's form cards posted to one department's head and delegates. */
  formPostsOf(surveyId: string, departmentId: string): Promise<SurveyPost[]> {
    return this.posts.find({ surveyId, kind: 'form', departmentId });
  }

  /** The survey's progress cards, one per committee channel. */
  progressPostsOf(surveyId: string): Promise<SurveyPost[]> {
    return this.posts.find({ surveyId, kind: 'progress' });
  }

  /**
   * Claims the right to post a card: true unless it was posted already (or is
   * being posted). A failed or unreachable post may be tried again.
   */
  async claimPost(
    post: Omit<SurveyPost, 'status' | 'at'>,
    at: string,
  ): Promise<{ claimed: boolean; post: SurveyPost }> {
    let claimed = false;
    const stored = await this.posts.update(post.id, (current) => {
      if (current && (current.status === 'sent' || current.status === 'sending')) return undefined;
      claimed = true;
      return { ...post, status: 'sending', at };
    });
    if (!stored) throw new Error(`post ${post.id} was not recorded`);
    return { claimed, post: stored };
  }

  async finishPost(
    id: string,
    result: Pick<SurveyPost, 'status'> &
      Partial<Pick<SurveyPost, 'conversationId' | 'activityId' | 'error'>>,
    at: string,
  ): Promise<void> {
    await this.posts.update(id, (current) => (current ? { ...current, ...result, at } : undefined));
  }
}
