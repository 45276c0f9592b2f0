import type { Locale } from '../i18n/locale.js';

/**
 * What a planned job is about, as the secretariat reads it ("#2 令和8年度 第3回 …",
 * a survey's title). The outbox does not know the other features: the app
 * answers from their services. Undefined when the job names nothing in particular.
 */
export interface OutboxSubjects {
  subjectOf(payload: unknown, locale: Locale): Promise<string | undefined>;
}
