import type { Role } from '../domain/roles.js';
import type { MessageKey } from '../i18n/catalog.js';
import type { CommandTurn } from './turn.js';

/**
 * What the understanding step reads out of free text, beside the intent. Each
 * slot comes from the parser that already reads it for commands (dates, item
 * numbers, departments), so a slot means the same in words and in commands.
 */
export interface Slots {
  /** 宿題１, #5, item 5 */
  readonly itemNumber?: number;
  /** 第3回, meeting #2 */
  readonly meetingNumber?: number;
  /** アンケート2, survey 2, 結果１ */
  readonly surveyNumber?: number;
  /** A day in the committee's zone, YYYY-MM-DD (来週金曜, 12月1日). */
  readonly date?: string;
  /** A length of time in days (3日, 1週間, a week). */
  readonly days?: number;
  /** A department id from the directory (総務部, 区民部). */
  readonly departmentId?: string;
  /** A person's name as written (代理は文化デザイン課長). */
  readonly person?: string;
  /** Free text the intent carries (a progress note, a blocking reason). */
  readonly note?: string;
}

export interface IntentTurn extends CommandTurn {
  readonly slots: Slots;
}

/**
 * One thing a person can mean in free text ("when is the next meeting?", "item 1
 * is done"). A feature declares its intents beside its commands; the example
 * utterances that teach the understanding step live in the feature's folder too.
 */
export interface IntentSpec {
  /** `<feature>.<what>`, e.g. `meetings.next`, `items.done`, `policy.question`. */
  readonly id: string;
  readonly allowed: readonly Role[];
  /** The button label when Honbu asks which of two close intents was meant. */
  readonly label: MessageKey;
  /**
   * Without a number in the text, the meeting or item just shown in this 1:1
   * chat is meant (「場所は？」 after the agenda card, 「それ完了」 after 宿題 #5).
   */
  readonly followsUp?: 'meeting' | 'item';
  readonly handle: (turn: IntentTurn) => Promise<void>;
}

/** Labelled example utterances per intent id, in both languages. */
export type Utterances = Readonly<
  Record<string, { readonly ja: readonly string[]; readonly en: readonly string[] }>
>;
