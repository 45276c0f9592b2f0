import { draftItems } from './actions.js';
import { withSecretariatNames, type DepartmentLexicon } from './departments.js';
import { readHeader } from './header.js';
import type { MinutesReading, NotMinutes } from './model.js';
import { draftPolicyChanges, type PolicyEntryView } from './policy-changes.js';
import { layoutOf } from './sections.js';
import { readTurns } from './turns.js';

export interface ReadOptions {
  readonly timeZone: string;
  readonly lexicon: DepartmentLexicon;
  /** The current policy entries, to match statements of decisions against. */
  readonly policies?: readonly PolicyEntryView[];
}

/**
 * Reads a 会議録: its header, its speaker turns, and the drafts of action
 * items and policy changes. A text without a meeting name and date is not minutes.
 */
export function readMinutes(text: string, options: ReadOptions): MinutesReading | NotMinutes {
  const layout = layoutOf(text);
  const { header, missing } = readHeader(layout.sections, options.timeZone);
  const turns = readTurns(layout.body);
  if (missing.length > 0) return { ok: false, missing };
  const staff = header.attendees
    .filter((g) => /事務局/u.test(g.group))
    .flatMap((g) => g.people.map((p) => p.name));
  const lexicon = withSecretariatNames(options.lexicon, header.secretariat, staff);
  return {
    ok: true,
    header,
    turns,
    items: draftItems(lexicon, turns, header.date),
    policyChanges: draftPolicyChanges(turns, header.date, options.policies ?? []),
  };
}
