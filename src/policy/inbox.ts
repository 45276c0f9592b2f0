import type { Clock } from '../clock.js';
import type { DirectoryService } from '../domain/directory-service.js';
import { localeFrom, type Locale } from '../i18n/locale.js';
import type { ConversationRegistry } from '../messaging/conversations.js';
import type { OutboundMessage, Sender, SendResult } from '../messaging/sender.js';
import type { Collection, DocumentStore } from '../store/document-store.js';
import type { Bilingual, Editor, PolicyContent, PolicyEntry } from './model.js';
import type { PolicyBook, PolicyChange } from './policy-book.js';

/** A question someone sent to the secretariat because the policy data did not answer it. */
export interface PolicyQuestion {
  readonly id: string;
  readonly text: string;
  readonly locale: Locale;
  readonly asker: {
    readonly aadObjectId: string;
    readonly name: string;
    readonly upn?: string;
    readonly departmentId?: string;
    readonly departmentName?: Bilingual;
  };
  /** Where it was asked: the answer goes there when the asker has no 1:1 chat with the bot. */
  readonly conversationId: string;
  readonly askedAt: string;
  readonly answer?: { readonly text: string; readonly by: Editor; readonly at: string };
  /** The policy entry made from the answer. */
  readonly entryId?: string;
}

export type QuestionStatus = 'open' | 'answered' | 'adopted';

export function statusOf(question: PolicyQuestion): QuestionStatus {
  if (question.entryId) return 'adopted';
  return question.answer ? 'answered' : 'open';
}

export interface Delivery {
  /** Secretariat people (or the asker) the message reached. */
  readonly delivered: number;
  readonly of: number;
}

export type AnswerResult =
  | { readonly ok: true; readonly question: PolicyQuestion }
  | { readonly ok: false; readonly reason: 'notFound' | 'empty' }
  | { readonly ok: false; readonly reason: 'alreadyAnswered'; readonly question: PolicyQuestion };

export type AdoptResult =
  | { readonly ok: true; readonly question: PolicyQuestion; readonly entry: PolicyEntry }
  | { readonly ok: false; readonly reason: 'notFound' | 'notAnswered' }
  | { readonly ok: false; readonly reason: 'alreadyAdopted'; readonly question: PolicyQuestion }
  | Extract<PolicyChange, { ok: false }>;

/**
 * The round trip of questions to the secretariat: record, notify every
 * secretariat person in their 1:1 chat, take one answer, bring it back to the
 * asker, and turn it into a policy entry on request.
 */
export class PolicyInbox {
  private readonly questions: Collection<PolicyQuestion>;

  constructor(
    store: DocumentStore,
    private readonly clock: Clock,
    private readonly book: PolicyBook,
    private readonly directory: DirectoryService,
    private readonly conversations: ConversationRegistry,
    private readonly sender: Sender,
  ) {
    this.questions = store.collection<PolicyQuestion>('policyQuestions');
  }

  get(id: string): Promise<PolicyQuestion | undefined> {
    return this.questions.get(id.trim().toLowerCase());
  }

  async open(): Promise<PolicyQuestion[]> {
    const all = await this.questions.find();
    return all
      .filter((q) => statusOf(q) === 'open')
      .sort((a, b) => a.askedAt.localeCompare(b.askedAt));
  }

  /**
   * Records a question. The same asker sending the same open question again
   * (a double click) gets the recorded one back instead of a duplicate.
   */
  async ask(
    input: Omit<PolicyQuestion, 'id' | 'askedAt' | 'answer' | 'entryId'>,
  ): Promise<{ question: PolicyQuestion; created: boolean }> {
    const duplicate = (await this.questions.find({ text: input.text })).find(
      (q) => q.asker.aadObjectId === input.asker.aadObjectId && statusOf(q) === 'open',
    );
    if (duplicate) return { question: duplicate, created: false };
    const id = `q${await this.book.nextNumber('question')}`;
    const question: PolicyQuestion = { ...input, id, askedAt: this.clock.now().toISOString() };
    await this.questions.put(question);
    return { question, created: true };
  }

  /**
   * Sends a message to every secretariat person who has a 1:1 chat with the
   * bot, each in the language they last wrote in.
   */
  async notifySecretariat(
    messageIn: (locale: Locale) => Promise<OutboundMessage>,
  ): Promise<Delivery> {
    const people = (await this.directory.listPeople()).filter((p) => p.role === 'secretariat');
    let delivered = 0;
    for (const person of people) {
      if (!person.aadObjectId) continue;
      const chat = await this.conversations.personalChatOf(person.aadObjectId);
      const message = await messageIn(localeFrom(chat?.locale));
      const result = await this.sender.send({ userAadObjectId: person.aadObjectId }, message);
      if (result.ok) delivered++;
    }
    return { delivered, of: people.length };
  }

  /** Records the first answer; a second answer is refused and shows the first. */
  async answer(id: string, text: string, by: Editor): Promise<AnswerResult> {
    const answer = text.trim();
    if (!answer) return { ok: false, reason: 'empty' };
    let earlier: PolicyQuestion | undefined;
    const at = this.clock.now().toISOString();
    const stored = await this.questions.update(id.trim().toLowerCase(), (current) => {
      if (!current) return undefined;
      if (current.answer) {
        earlier = current;
        return undefined;
      }
      return { ...current, answer: { text: answer, by, at } };
    });
    if (earlier) return { ok: false, reason: 'alreadyAnswered', question: earlier };
    if (!stored) return { ok: false, reason: 'notFound' };
    return { ok: true, question: stored };
  }

  /** Brings the answer to the asker: their 1:1 chat, or where they asked. */
  async deliverToAsker(question: PolicyQuestion, message: OutboundMessage): Promise<SendResult> {
    const personal = await this.sender.send(
      { userAadObjectId: question.asker.aadObjectId },
      message,
    );
    if (personal.ok || personal.reason !== 'unreachable') return personal;
    return this.sender.send({ conversationId: question.conversationId }, message);
  }

  /** Makes a policy entry of an answered question (once). */
  async adopt(
    id: string,
    content: (question: PolicyQuestion) => PolicyContent,
    by: Editor,
  ): Promise<AdoptResult> {
    const question = await this.get(id);
    if (!question) return { ok: false, reason: 'notFound' };
    if (question.entryId) return { ok: false, reason: 'alreadyAdopted', question };
    if (!question.answer) return { ok: false, reason: 'notAnswered' };
    const created = await this.book.create(content(question), by);
    if (!created.ok) return created;
    let adoptedMeanwhile: PolicyQuestion | undefined;
    const stored = await this.questions.update(question.id, (current) => {
      if (!current) return undefined;
      if (current.entryId) {
        adoptedMeanwhile = current;
        return undefined;
      }
      return { ...current, entryId: created.entry.id };
    });
    if (adoptedMeanwhile) {
      // Two clicks at once: keep the first entry, retire the duplicate just made.
      await this.book.retire(created.entry.id, by, 'duplicate');
      return { ok: false, reason: 'alreadyAdopted', question: adoptedMeanwhile };
    }
    if (!stored) return { ok: false, reason: 'notFound' };
    return { ok: true, question: stored, entry: created.entry };
  }
}
