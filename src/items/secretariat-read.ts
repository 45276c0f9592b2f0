import type { ItemUses } from './deps.js';
import type { Turn } from '../app/turn.js';
import type { Meeting } from '../meetings/meeting.js';
import {
  NO_MEETING,
  ownerFromValue,
  ownerValue,
  readDue,
  readOwner,
  textOf,
  type DueRead,
  type FormValues,
  type OwnerChoice,
} from './form.js';
import { yearProblem } from './due-said.js';
import type { ItemDraft } from './item.js';
import { allMeetings } from './present.js';
import { BATCH_ROWS, blankValues, type BatchRow } from './secretariat-cards.js';

/**
 * Reading what the secretariat typed into drafts: the item form, the one-line
 * "title | owner | due" command, and the rows of the several-at-once card.
 */

export type DraftRead =
  | {
      readonly ok: true;
      readonly draft: Omit<ItemDraft, 'owner'>;
      readonly owner?: OwnerChoice;
      /** How the due was read, to say it back or ask for the year. */
      readonly dueRead: Extract<DueRead, { ok: true }>;
    }
  | { readonly ok: false; readonly error: string };

type ReadyDraft = Extract<DraftRead, { ok: true }>;

/** A draft whose owner may be "every department" (the service fans it out). */
type OwnedDraft = Omit<ItemDraft, 'owner'> & { readonly owner: OwnerChoice };

/** Reads the form; the owner is optional when editing (edit does not reassign). */
export async function readForm(
  services: ItemUses,
  turn: Turn,
  values: FormValues,
  needOwner: boolean,
): Promise<DraftRead> {
  const meetings = await allMeetings(services);
  const sourceMeetingId = values.sourceMeetingId === NO_MEETING ? '' : values.sourceMeetingId;
  const reportMeetingId = values.reportMeetingId === NO_MEETING ? '' : values.reportMeetingId;
  const owner = values.owner ? ownerFromValue(values.owner) : undefined;
  if (needOwner && !owner) return { ok: false, error: turn.t('item.form.ownerMissing') };
  if (!values.due.trim()) return { ok: false, error: turn.t('item.form.dueMissing') };
  const due = readDue(values.due, {
    now: services.clock.now(),
    calendar: services.calendar,
    nextMeeting: await services.meetings.next(),
    meetingByNumber: (n) => meetings.find((m) => m.number === n),
  });
  if (!due.ok) return { ok: false, error: turn.t('item.error.badDue', { input: values.due }) };
  const draft: Omit<ItemDraft, 'owner'> = {
    title: values.title,
    detail: values.detail,
    due: due.due,
    ...(sourceMeetingId ? { source: { meetingId: sourceMeetingId, quote: values.quote } } : {}),
    ...(reportMeetingId ? { reportMeetingId } : {}),
  };
  return { ok: true, draft, dueRead: due, ...(owner ? { owner } : {}) };
}

type Refused = { readonly ok: false; readonly error: string };

/** Reads the one-line create, "宿題作成 title | owner | due". */
export async function readOneLine(
  services: ItemUses,
  turn: Turn,
  args: string,
): Promise<
  | {
      readonly ok: true;
      readonly values: FormValues;
      readonly owner: OwnerChoice;
      readonly read: ReadyDraft;
    }
  | Refused
> {
  const [title = '', ownerText = '', dueInput = ''] = args.split(/\s*[|｜]\s*/);
  if (!title || !ownerText || !dueInput) return { ok: false, error: turn.t('item.usage.create') };
  const owner = readOwner(
    ownerText,
    await services.directory.listDepartments(),
    await services.directory.listPeople(),
  );
  if (!owner)
    return { ok: false, error: turn.t('item.error.ownerUnreadable', { input: ownerText }) };
  const values = {
    ...(await blankValues(services, turn)),
    title,
    due: dueInput,
    owner: ownerValue(owner),
  };
  const read = await readForm(services, turn, values, true);
  return read.ok ? { ok: true, values, owner, read } : read;
}

/** The rows as typed into the several-at-once card (at most 20). */
export function batchRowsFrom(data: Readonly<Record<string, unknown>>): BatchRow[] {
  const count = Math.min(Number(textOf(data, 'rows')) || BATCH_ROWS, 20);
  return Array.from({ length: count }, (_, i) => ({
    title: textOf(data, `title-${i + 1}`),
    owner: textOf(data, `owner-${i + 1}`),
    due: textOf(data, `due-${i + 1}`),
    quote: textOf(data, `quote-${i + 1}`),
  }));
}

/**
 * Reads the rows that have a title into drafts sourced from the meeting; the
 * first unreadable row refuses them all. `rowNumbers` gives each draft's row.
 */
export async function readBatch(
  services: ItemUses,
  turn: Turn,
  meeting: Meeting,
  rows: readonly BatchRow[],
): Promise<
  { readonly ok: true; readonly drafts: OwnedDraft[]; readonly rowNumbers: number[] } | Refused
> {
  const filled = rows
    .map((row, index) => ({ row, n: index + 1 }))
    .filter(({ row }) => row.title.trim());
  if (filled.length === 0) return { ok: false, error: turn.t('item.batch.empty') };
  const drafts: OwnedDraft[] = [];
  for (const { row, n } of filled) {
    const read = await readForm(
      services,
      turn,
      {
        title: row.title,
        detail: '',
        owner: row.owner,
        due: row.due,
        sourceMeetingId: meeting.id,
        quote: row.quote,
        reportMeetingId: '',
      },
      true,
    );
    const yearAsked = read.ok ? yearProblem(services, turn, row.due, read.dueRead) : '';
    if (yearAsked)
      return { ok: false, error: turn.t('item.batch.rowError', { n, error: yearAsked }) };
    if (!read.ok || !read.owner)
      return {
        ok: false,
        error: turn.t('item.batch.rowError', {
          n,
          error: read.ok ? turn.t('item.form.ownerMissing') : read.error,
        }),
      };
    drafts.push({ ...read.draft, owner: read.owner });
  }
  return { ok: true, drafts, rowNumbers: filled.map(({ n }) => n) };
}
