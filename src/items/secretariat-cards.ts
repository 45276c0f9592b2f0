import type { ItemUses } from './deps.js';
import type { Turn } from '../app/turn.js';
import { renderCard, type Card } from '../cards/card.js';
import type { Meeting } from '../meetings/meeting.js';
import { EVERY_DEPARTMENT, NO_MEETING, ownerValue, type FormValues } from './form.js';
import { LIMITS, type ActionItem } from './item.js';
import { allMeetings } from './present.js';

/** The secretariat's cards: the item form, the several-at-once form, reassign. */

/** Empty rows of the "several at once" card. */
export const BATCH_ROWS = 5;

export async function ownerChoices(services: ItemUses, turn: Turn) {
  const departments = await services.directory.listDepartments();
  const people = (await services.directory.listPeople()).filter((p) => p.role !== 'chair');
  return [
    ...departments.map((d) => ({
      title: d.name[turn.locale],
      value: ownerValue({ kind: 'department', departmentId: d.id }),
    })),
    { title: turn.t('item.form.everyDepartment'), value: EVERY_DEPARTMENT },
    ...people.map((p) => ({
      title: turn.t('item.form.person', { name: p.name[turn.locale] }),
      value: ownerValue({ kind: 'person', personId: p.id }),
    })),
  ];
}

async function meetingChoices(services: ItemUses, turn: Turn) {
  return [
    { title: turn.t('item.form.noMeeting'), value: NO_MEETING },
    ...(await allMeetings(services)).map((m) => ({
      title: `#${m.number} ${m.title}`,
      value: m.id,
    })),
  ];
}

function formLabels(turn: Turn) {
  return {
    title: turn.t('item.form.title'),
    titleMissing: turn.t('item.error.titleMissing'),
    detail: turn.t('item.form.detail'),
    owner: turn.t('item.form.owner'),
    ownerMissing: turn.t('item.form.ownerMissing'),
    due: turn.t('item.form.due'),
    duePlaceholder: turn.t('item.form.duePlaceholder'),
    dueMissing: turn.t('item.form.dueMissing'),
    sourceMeeting: turn.t('item.form.sourceMeeting'),
    quote: turn.t('item.form.quote'),
    reportMeeting: turn.t('item.form.reportMeeting'),
    save: turn.t('item.button.save'),
  };
}

export async function formCard(
  services: ItemUses,
  turn: Turn,
  input: { item?: ActionItem; values: FormValues; error?: string },
): Promise<Card> {
  return renderCard('item-form', {
    heading: input.item
      ? turn.t('item.form.editHeading', { number: input.item.number })
      : turn.t('item.form.newHeading'),
    error: input.error ?? '',
    itemId: input.item?.id ?? '',
    editing: Boolean(input.item),
    values: input.values,
    labels: formLabels(turn),
    limits: { title: LIMITS.title, detail: LIMITS.detail, quote: LIMITS.quote },
    ownerChoices: await ownerChoices(services, turn),
    meetingChoices: await meetingChoices(services, turn),
  });
}

export async function blankValues(services: ItemUses, turn: Turn): Promise<FormValues> {
  const source = (await services.meetings.recent(1))[0];
  return {
    title: '',
    detail: '',
    owner: '',
    due: turn.t('item.form.dueBlank'),
    sourceMeetingId: source?.id ?? NO_MEETING,
    quote: '',
    reportMeetingId: NO_MEETING,
  };
}

/** One row of the several-at-once card, as typed. */
export interface BatchRow {
  readonly title: string;
  readonly owner: string;
  readonly due: string;
  readonly quote: string;
}

/** The rows a fresh several-at-once card starts with. */
export function blankRows(turn: Turn): BatchRow[] {
  const blank = { title: '', owner: '', due: turn.t('item.form.dueBlank'), quote: '' };
  return Array.from({ length: BATCH_ROWS }, () => blank);
}

export function batchCard(
  turn: Turn,
  input: {
    meeting: Meeting;
    rows: readonly BatchRow[];
    ownerChoices: ReadonlyArray<{ title: string; value: string }>;
    error?: string;
  },
): Card {
  return renderCard('item-batch', {
    heading: turn.t('item.batch.heading', { number: input.meeting.number }),
    intro: turn.t('item.batch.intro', { title: input.meeting.title }),
    error: input.error ?? '',
    meetingId: input.meeting.id,
    rowCount: input.rows.length,
    rows: input.rows.map((row, i) => ({
      ...row,
      label: turn.t('item.batch.row', { n: i + 1 }),
      titleId: `title-${i + 1}`,
      ownerId: `owner-${i + 1}`,
      dueId: `due-${i + 1}`,
      quoteId: `quote-${i + 1}`,
    })),
    labels: formLabels(turn),
    limits: { title: LIMITS.title, quote: LIMITS.quote },
    ownerChoices: input.ownerChoices,
    ownerPlaceholder: turn.t('item.form.chooseOwner'),
  });
}

export function createdText(turn: Turn, items: readonly ActionItem[], due = ''): string {
  const numbers = items.map((i) => `#${i.number}`);
  const created = turn.t('item.created', { count: items.length, numbers });
  return due ? turn.t('item.twoSentences', { first: created, second: due }) : created;
}

export async function reassignCard(
  services: ItemUses,
  turn: Turn,
  item: ActionItem,
): Promise<Card> {
  return renderCard('item-reassign', {
    question: turn.t('item.reassign.question', { number: item.number, title: item.title }),
    ownerLabel: turn.t('item.form.owner'),
    ownerMissing: turn.t('item.form.ownerMissing'),
    owner: ownerValue(item.owner),
    ownerChoices: (await ownerChoices(services, turn)).filter((c) => c.value !== EVERY_DEPARTMENT),
    confirmLabel: turn.t('item.button.reassign'),
    backLabel: turn.t('item.button.back'),
    itemId: item.id,
  });
}

/** Asks why an item is cancelled: the reason is kept in its history and told to its owner. */
export function cancelAskCard(turn: Turn, item: ActionItem): Card {
  return renderCard('item-cancel', {
    question: turn.t('item.cancel.question', { number: item.number, title: item.title }),
    reasonLabel: turn.t('item.input.cancelReason'),
    reasonMax: LIMITS.reason,
    confirmLabel: turn.t('item.button.confirmCancel'),
    backLabel: turn.t('item.button.back'),
    itemId: item.id,
  });
}
