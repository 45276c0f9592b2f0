import { DateTime } from 'luxon';
import type { MinutesUses } from './deps.js';
import type { Actor } from '../domain/directory.js';
import type { Translate } from '../i18n/translate.js';
import type { Due, ItemDraft, Owner } from '../items/item.js';
import { LIMITS } from '../items/item.js';
import { actorId, EVERY_DEPARTMENT } from '../items/service.js';
import type { Disclosure, Meeting, MeetingDraft } from '../meetings/meeting.js';
import type { Editor, PolicyContent } from '../policy/model.js';
import { departmentOfName, type DepartmentLexicon } from './departments.js';
import type { AppliedItem, AppliedPolicy, MinutesImport } from './imports.js';
import type { DisclosureRead, DraftItem, DraftPolicyChange, MinutesHeader } from './model.js';

/** What the secretariat confirmed on the review card for one draft item. */
export interface ItemChoice {
  readonly draft: number;
  readonly title: string;
  readonly owner: Owner | typeof EVERY_DEPARTMENT;
  readonly due: Due;
}

export interface Choices {
  readonly items: readonly ItemChoice[];
  /** Indices of the policy changes to apply. */
  readonly policies: readonly number[];
}

export interface ApplyResult {
  readonly meeting: Meeting;
  readonly meetingCreated: boolean;
  readonly itemsCreated: number;
  readonly itemsUpdated: number;
  readonly policiesChanged: number;
  readonly problems: readonly string[];
  readonly items: readonly AppliedItem[];
  readonly policies: readonly AppliedPolicy[];
}

/** The meeting of the minutes' date, if the committee has one. */
export async function meetingOnDate(
  services: MinutesUses,
  date: string,
): Promise<Meeting | undefined> {
  const all = [...(await services.meetings.upcoming()), ...(await services.meetings.recent(500))];
  return all.find(
    (m) =>
      m.status === 'scheduled' &&
      services.calendar.local(new Date(m.startsAt)).toISODate() === date,
  );
}

function disclosureOf(read: DisclosureRead | undefined, noReason: string): Disclosure {
  if (!read) return { level: 'public' };
  if (read.level === 'public') return { level: 'public' };
  return { level: read.level, reason: read.reason ?? noReason };
}

/** Departments present, from the attendance list (delegates count for the department they stand in for). */
export function attendingDepartments(
  header: MinutesHeader,
  lexicon: DepartmentLexicon,
): Array<{ departmentId: string; attendee: 'head' | 'delegate' }> {
  const found = new Map<string, 'head' | 'delegate'>();
  for (const group of header.attendees) {
    for (const person of group.people) {
      const id = departmentOfName(lexicon, person.standsInFor ?? person.name);
      if (!id || id === lexicon.secretariatDepartmentId) continue;
      found.set(id, person.standsInFor ? 'delegate' : 'head');
    }
  }
  return [...found.entries()].map(([departmentId, attendee]) => ({ departmentId, attendee }));
}

function meetingDraftOf(
  header: MinutesHeader,
  departmentIds: readonly string[],
  noReason: string,
  timeZone: string,
): MeetingDraft {
  // Minutes without a time still say the day: the record starts that day, for an hour.
  const startsAt =
    header.startsAt || (DateTime.fromISO(header.date, { zone: timeZone }).toUTC().toISO() ?? '');
  const endsAt =
    header.endsAt > startsAt
      ? header.endsAt
      : new Date(new Date(startsAt).getTime() + 60 * 60 * 1000).toISOString();
  return {
    title: header.title,
    startsAt,
    endsAt,
    place: header.place,
    agenda: header.agenda,
    materials: header.materials.map((m, i) => ({ id: m.id || `${i + 1}`, title: m.title })),
    attendeeDepartmentIds: departmentIds,
    disclosure: {
      meeting: disclosureOf(header.disclosure.meeting, noReason),
      minutes: disclosureOf(header.disclosure.minutes, noReason),
    },
  };
}

function quoteOf(item: DraftItem): string {
  return item.quotes
    .map((q) => `${q.speaker}：${q.text}`)
    .join('／')
    .slice(0, LIMITS.quote);
}

/**
 * Applies a confirmed review: the meeting record (the one of that date, or a
 * new one), the chosen items (created, or updated when these minutes were
 * confirmed before) and the chosen policy changes, each through its service.
 */
export async function applyImport(
  services: MinutesUses,
  record: MinutesImport,
  choices: Choices,
  actor: Actor,
  context: { readonly lexicon: DepartmentLexicon; readonly t: Translate },
): Promise<ApplyResult | { readonly problem: string }> {
  const by = actorId(actor);
  const noReason = context.t('minutes.noReasonGiven');
  const present = attendingDepartments(record.header, context.lexicon);
  const linked = record.applied ? await services.meetings.get(record.applied.meetingId) : undefined;
  const existing = linked ?? (await meetingOnDate(services, record.header.date));
  let meeting: Meeting;
  let meetingCreated = false;
  if (existing) {
    const draft = meetingDraftOf(
      record.header,
      existing.attendeeDepartmentIds,
      noReason,
      services.config.timeZone,
    );
    const changed = await services.meetings.change(
      existing.id,
      { agenda: draft.agenda, materials: draft.materials, disclosure: draft.disclosure },
      by,
    );
    meeting = changed.ok ? changed.meeting : existing;
  } else {
    const invited =
      present.length > 0
        ? present.map((p) => p.departmentId)
        : (await services.directory.answeringDepartments()).map((d) => d.id);
    const created = await services.meetings.create(
      meetingDraftOf(record.header, invited, noReason, services.config.timeZone),
      by,
    );
    if (!created.ok)
      return { problem: context.t('minutes.meetingProblem', { reason: created.reason }) };
    meeting = created.meeting;
    meetingCreated = true;
  }
  for (const { departmentId, attendee } of present) {
    const already = meeting.attendance.find((a) => a.departmentId === departmentId);
    if (already?.attendee === attendee) continue;
    await services.meetings.recordAttendance(meeting.id, departmentId, attendee, by);
  }

  const items = await applyItems(services, record, choices, actor, meeting);
  if ('problem' in items) return { problem: items.problem };
  const policies = await applyPolicies(services, record, choices, actor);
  return {
    meeting,
    meetingCreated,
    itemsCreated: items.created,
    itemsUpdated: items.updated,
    policiesChanged: policies.applied.length,
    problems: [...items.problems, ...policies.problems],
    items: items.applied,
    policies: policies.applied,
  };
}

async function applyItems(
  services: MinutesUses,
  record: MinutesImport,
  choices: Choices,
  actor: Actor,
  meeting: Meeting,
): Promise<
  | { created: number; updated: number; applied: AppliedItem[]; problems: string[] }
  | { problem: string }
> {
  const next = await services.meetings.next();
  const before = new Map((record.applied?.items ?? []).map((a) => [a.quote, a.itemIds]));
  const applied: AppliedItem[] = [];
  const problems: string[] = [];
  const fresh: Array<{ choice: ItemChoice; draft: Omit<ItemDraft, 'owner'> }> = [];
  let updated = 0;
  for (const choice of choices.items) {
    const source = record.items[choice.draft];
    if (!source) continue;
    const draft: Omit<ItemDraft, 'owner'> = {
      title: choice.title.slice(0, LIMITS.title),
      detail: source.quotes
        .map((q) => `${q.speaker}：${q.text}`)
        .join('\n')
        .slice(0, LIMITS.detail),
      due: choice.due,
      source: { meetingId: meeting.id, quote: quoteOf(source) },
      ...(source.reportAtNextMeeting &&
      choice.due.kind !== 'nextMeeting' &&
      next &&
      next.id !== meeting.id
        ? { reportMeetingId: next.id }
        : {}),
    };
    const quote = source.quotes[0]?.text ?? '';
    const known = before.get(quote);
    if (!known) {
      fresh.push({ choice, draft });
      continue;
    }
    for (const id of known) {
      const edited = await services.items.edit(
        id,
        { title: draft.title, detail: draft.detail, due: draft.due, source: draft.source },
        actor,
      );
      if (edited.ok || edited.reason === 'unchanged') updated += 1;
      else problems.push(`${id}: ${edited.reason}`);
    }
    applied.push({ draft: choice.draft, quote, itemIds: known });
  }
  if (fresh.length > 0) {
    const created = await services.items.createBatch(
      fresh.map(({ choice, draft }) => ({ ...draft, owner: choice.owner })),
      actor,
    );
    if (!created.ok) {
      const at = fresh[created.reason === 'notAllowed' ? 0 : created.index]?.choice.draft ?? 0;
      return { problem: `${at + 1}: ${created.reason}` };
    }
    // A request to every department became one item per department, sharing a group id.
    let cursor = 0;
    for (const { choice } of fresh) {
      const first = created.items[cursor];
      if (!first) break;
      let end = cursor + 1;
      while (first.groupId && created.items[end]?.groupId === first.groupId) end += 1;
      applied.push({
        draft: choice.draft,
        quote: record.items[choice.draft]?.quotes[0]?.text ?? '',
        itemIds: created.items.slice(cursor, end).map((i) => i.id),
      });
      cursor = end;
    }
    return {
      created: created.items.length,
      updated,
      applied: mergeApplied(record, applied),
      problems,
    };
  }
  return { created: 0, updated, applied: mergeApplied(record, applied), problems };
}

/** Items confirmed earlier and left unticked now stay linked, so a third import still updates them. */
function mergeApplied(record: MinutesImport, now: readonly AppliedItem[]): AppliedItem[] {
  const quotes = new Set(now.map((a) => a.quote));
  return [...(record.applied?.items ?? []).filter((a) => !quotes.has(a.quote)), ...now];
}

async function applyPolicies(
  services: MinutesUses,
  record: MinutesImport,
  choices: Choices,
  actor: Actor,
): Promise<{ applied: AppliedPolicy[]; problems: string[] }> {
  const editor: Editor = { name: actor.displayName, ...(actor.upn ? { upn: actor.upn } : {}) };
  const source = {
    meeting: { ja: record.header.title, en: record.header.title },
    date: record.header.date,
  };
  const done = new Set((record.applied?.policies ?? []).map((p) => p.quote));
  const applied: AppliedPolicy[] = [...(record.applied?.policies ?? [])];
  const problems: string[] = [];
  for (const index of choices.policies) {
    const change = record.policyChanges[index];
    // A decision applied once is in the entry's history; applying it again would only repeat it.
    if (!change || done.has(change.quote.text)) continue;
    const result = change.entryId
      ? await services.policies.edit(
          change.entryId,
          (content) => editedContent(content, change, source),
          editor,
        )
      : await services.policies.create(newContent(change, source), editor);
    if (result.ok)
      applied.push({ draft: index, quote: change.quote.text, entryId: result.entry.id });
    else problems.push(`${change.entryId ?? change.about}: ${result.reason}`);
  }
  return { applied, problems };
}

function editedContent(
  content: PolicyContent,
  change: DraftPolicyChange,
  source: PolicyContent['source'],
): PolicyContent {
  return {
    ...content,
    status: change.status,
    ...(change.scope ? { scope: change.scope } : {}),
    ...(change.since ? { since: change.since } : {}),
    subjects:
      change.subjects.length > 0
        ? [...new Set([...content.subjects, ...change.subjects])]
        : content.subjects,
    notes: { ja: change.quote.text, en: content.notes?.en ?? '' },
    source,
  };
}

function newContent(change: DraftPolicyChange, source: PolicyContent['source']): unknown {
  return {
    topic: 'minutes',
    subjects: change.subjects,
    scope: change.scope ?? 'all',
    status: change.status,
    title: { ja: change.about, en: '' },
    answer: { ja: change.quote.text, en: '' },
    ...(change.since ? { since: change.since } : {}),
    source,
    keywords: { ja: [], en: [] },
    related: [],
  };
}
