import { z } from 'zod';
import type { Locale } from '../i18n/locale.js';

/** Who a policy applies to: the mayor's departments, the board of education, or both. */
export const SCOPES = ['mayor', 'education', 'all'] as const;
export type Scope = (typeof SCOPES)[number];

/** What the committee decided: a rule (approved … not allowed) or a recorded fact / guidance. */
export const STATUSES = [
  'approved',
  'conditional',
  'underReview',
  'notAllowed',
  'fact',
  'guidance',
] as const;
export type Status = (typeof STATUSES)[number];

/** Text in both languages; an entry typed in one language carries it in both. */
export const bilingual = z.object({ ja: z.string(), en: z.string() });
export type Bilingual = z.infer<typeof bilingual>;
/** Bilingual text that must say something in at least one language. */
const requiredText = bilingual.refine((t) => t.ja.trim() !== '' || t.en.trim() !== '', {
  message: 'is empty',
});

/** "2020-08-03" or "2020-08" (the minutes sometimes give only a month). */
export const isoDay = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, 'must be YYYY-MM-DD or YYYY-MM');

export const policySource = z.object({
  meeting: bilingual,
  date: isoDay,
  /** The material or discussion the answer was given in, e.g. 資料1-7. */
  material: bilingual.optional(),
});
export type PolicySource = z.infer<typeof policySource>;

/** What one version of a policy says. */
export const policyContent = z.object({
  /**
   * Groups entries that answer the same kind of question. Entries of the topic
   * `web-conference` with subjects are the tool approvals the intent layer lists.
   */
  topic: z.string().min(1),
  /** Products or things the rule is about (display names are data: "A", "B", "C"). */
  subjects: z.array(z.string().min(1)).default([]),
  scope: z.enum(SCOPES),
  status: z.enum(STATUSES),
  title: requiredText,
  /** The answer itself, one or two sentences. */
  answer: requiredText,
  conditions: bilingual.optional(),
  notes: bilingual.optional(),
  since: isoDay.optional(),
  source: policySource,
  /** Extra words people use for this entry (searched, never shown). */
  keywords: z.object({ ja: z.array(z.string()), en: z.array(z.string()) }).default({
    ja: [],
    en: [],
  }),
  /** Ids of entries worth showing next to this one. */
  related: z.array(z.string()).default([]),
});
export type PolicyContent = z.infer<typeof policyContent>;

export interface Editor {
  readonly name: string;
  readonly upn?: string;
}

export type ChangeKind = 'created' | 'edited' | 'retired';

/** One past state of an entry; the newest state lives on the entry itself. */
export interface PolicyRevision {
  readonly version: number;
  readonly content: PolicyContent;
  readonly active: boolean;
  readonly change: ChangeKind;
  readonly reason?: string;
  readonly at: string;
  readonly by: Editor;
}

/**
 * A policy entry with its whole history inside the record, so that one store
 * `update` is one atomic change (a new version and its history together).
 */
export interface PolicyEntry {
  readonly id: string;
  readonly version: number;
  readonly content: PolicyContent;
  /** False once retired: kept for history, never used to answer. */
  readonly active: boolean;
  readonly change: ChangeKind;
  readonly reason?: string;
  readonly updatedAt: string;
  readonly updatedBy: Editor;
  /** Earlier versions, oldest first. */
  readonly history: readonly PolicyRevision[];
}

export function inLocale(text: Bilingual | undefined, locale: Locale): string {
  if (!text) return '';
  return text[locale] || text[locale === 'ja' ? 'en' : 'ja'];
}

/** Departments that belong to the board of education; everyone else works for the mayor. */
const EDUCATION_DEPARTMENTS: ReadonlySet<string> = new Set(['kyoiku']);

export function scopeOfDepartment(departmentId: string | undefined): Scope | undefined {
  if (!departmentId) return undefined;
  return EDUCATION_DEPARTMENTS.has(departmentId) ? 'education' : 'mayor';
}

/** Does a rule for `entryScope` apply to someone asking about `asked`? */
export function appliesTo(entryScope: Scope, asked: Scope): boolean {
  return entryScope === 'all' || asked === 'all' || entryScope === asked;
}
