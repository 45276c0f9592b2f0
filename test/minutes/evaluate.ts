import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoDepartments, demoPeople } from '../../src/demo/directory.js';
import { loadDemoPolicies } from '../../src/policy/seed.js';
import { lexiconOf } from '../../src/minutes/departments.js';
import type {
  DraftDue,
  DraftItem,
  MinutesHeader,
  MinutesReading,
} from '../../src/minutes/model.js';
import { readMinutes } from '../../src/minutes/read-minutes.js';

/**
 * Scores the minutes reader on the labelled minutes of test/minutes/fixtures:
 * each `<name>.labels.json` names its minutes file and gives the header, the
 * action items (owner, due, and words of the minutes the item must quote) and
 * the policy changes a secretariat would draft from it.
 */

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const TIME_ZONE = 'Asia/Tokyo';

export interface LabelledItem {
  /** A department id, or "every". */
  readonly owner: string;
  /** "YYYY-MM-DD", "asap", "nextMeeting" or "unstated". */
  readonly due: string;
  /** Words the item's quotes must contain (any of them). */
  readonly what: readonly string[];
  readonly note?: string;
}

export interface LabelledPolicyChange {
  /** null: a decision on something the policy data has no entry for yet. */
  readonly entryId: string | null;
  readonly status: string;
  readonly since?: string;
  readonly scope?: string;
}

export interface LabelledMinutes {
  readonly file: string;
  readonly about: string;
  readonly header: Omit<MinutesHeader, 'startsAt' | 'endsAt' | 'agenda'> & {
    readonly agenda: readonly string[];
  };
  readonly items: readonly LabelledItem[];
  readonly policyChanges: readonly LabelledPolicyChange[];
}

export function loadLabelledMinutes(): Array<{ labels: LabelledMinutes; text: string }> {
  return readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.labels.json'))
    .sort()
    .map((f) => {
      const labels = JSON.parse(readFileSync(join(FIXTURES, f), 'utf8')) as LabelledMinutes;
      return { labels, text: readFileSync(join(FIXTURES, labels.file), 'utf8') };
    });
}

export const demoLexicon = lexiconOf({
  departments: demoDepartments,
  people: demoPeople,
  secretariatDepartmentId: 'seisakukeiei',
});

export function ownerLabel(item: DraftItem): string {
  if (item.owner.kind === 'department') return item.owner.departmentId;
  return item.owner.kind;
}

export function dueLabel(due: DraftDue): string {
  return due.kind === 'date' ? due.date : due.kind;
}

const squeeze = (text: string) => text.replace(/[\s\u3000]+/gu, '');

function matches(item: DraftItem, label: LabelledItem): boolean {
  const quoted = squeeze(item.quotes.map((q) => q.text).join('\n'));
  return (
    ownerLabel(item) === label.owner &&
    dueLabel(item.due) === label.due &&
    label.what.some((w) => quoted.includes(squeeze(w)))
  );
}

const HEADER_FIELDS = [
  'title',
  'secretariat',
  'date',
  'start',
  'end',
  'place',
  'agenda',
  'disclosure.meeting',
  'disclosure.minutes',
  'attendees',
  'absentees',
  'materials',
] as const;

function headerValue(header: LabelledMinutes['header'] | MinutesHeader, field: string): unknown {
  if (field === 'agenda') {
    return header.agenda.map((a) => (typeof a === 'string' ? a : a.title));
  }
  if (field.startsWith('disclosure.')) {
    return header.disclosure[field.slice('disclosure.'.length) as 'meeting' | 'minutes'];
  }
  return header[field as keyof typeof header];
}

export interface MinutesReport {
  readonly itemsPredicted: number;
  readonly itemsCorrect: number;
  readonly itemsLabelled: number;
  readonly itemsFound: number;
  readonly precision: number;
  readonly recall: number;
  readonly headerFields: number;
  readonly headerCorrect: number;
  readonly headerAccuracy: number;
  readonly policyLabelled: number;
  readonly policyFound: number;
  /** Every policy change drafted: more than found means drafts nobody asked for. */
  readonly policyDrafted: number;
  readonly failures: readonly string[];
}

export function evaluateMinutes(): MinutesReport {
  const policies = loadDemoPolicies().map(({ id, ...content }) => ({ id, active: true, content }));
  let predicted = 0;
  let correct = 0;
  let labelled = 0;
  let found = 0;
  let fields = 0;
  let fieldsRight = 0;
  let policyLabelled = 0;
  let policyFound = 0;
  let policyDrafted = 0;
  const failures: string[] = [];
  for (const { labels, text } of loadLabelledMinutes()) {
    const read = readMinutes(text, { timeZone: TIME_ZONE, lexicon: demoLexicon, policies });
    if (!read.ok) {
      failures.push(`${labels.file}: not read as minutes (missing ${read.missing.join(', ')})`);
      labelled += labels.items.length;
      fields += HEADER_FIELDS.length;
      continue;
    }
    for (const field of HEADER_FIELDS) {
      fields += 1;
      const want = JSON.stringify(headerValue(labels.header, field));
      const got = JSON.stringify(headerValue(read.header, field));
      if (want === got) fieldsRight += 1;
      else failures.push(`${labels.file}: header ${field}: expected ${want}, got ${got}`);
    }
    const scored = scoreItems(read, labels, failures);
    predicted += read.items.length;
    correct += scored.correct;
    labelled += labels.items.length;
    found += scored.found;
    policyDrafted += read.policyChanges.length;
    if (read.policyChanges.length > labels.policyChanges.length) {
      failures.push(
        `${labels.file}: ${read.policyChanges.length} policy changes drafted, ${labels.policyChanges.length} labelled`,
      );
    }
    for (const change of labels.policyChanges) {
      policyLabelled += 1;
      const hit = read.policyChanges.some(
        (c) =>
          (c.entryId ?? null) === change.entryId &&
          c.status === change.status &&
          c.since === change.since &&
          (change.scope === undefined || c.scope === change.scope),
      );
      if (hit) policyFound += 1;
      else failures.push(`${labels.file}: policy change ${JSON.stringify(change)} not drafted`);
    }
  }
  return {
    itemsPredicted: predicted,
    itemsCorrect: correct,
    itemsLabelled: labelled,
    itemsFound: found,
    precision: predicted === 0 ? 1 : correct / predicted,
    recall: labelled === 0 ? 1 : found / labelled,
    headerFields: fields,
    headerCorrect: fieldsRight,
    headerAccuracy: fields === 0 ? 1 : fieldsRight / fields,
    policyLabelled,
    policyFound,
    policyDrafted,
    failures,
  };
}

/** Each label is matched by at most one draft; a second draft of the same item is a wrong one. */
function scoreItems(
  read: MinutesReading,
  labels: LabelledMinutes,
  failures: string[],
): { correct: number; found: number } {
  const used = new Set<number>();
  let correct = 0;
  for (const item of read.items) {
    const index = labels.items.findIndex((label, i) => !used.has(i) && matches(item, label));
    if (index >= 0) {
      used.add(index);
      correct += 1;
      continue;
    }
    failures.push(
      `${labels.file}: wrong draft ${ownerLabel(item)} / ${dueLabel(item.due)} / 「${item.quotes[0]?.text ?? ''}」`,
    );
  }
  labels.items.forEach((label, i) => {
    if (!used.has(i)) {
      failures.push(
        `${labels.file}: missed ${label.owner} / ${label.due} / 「${label.what[0] ?? ''}」`,
      );
    }
  });
  return { correct, found: used.size };
}
