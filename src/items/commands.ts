import type { ActionSpec, CommandSpec } from '../app/router.js';
import type { Services } from '../app/services.js';
import type { ActionOutcome, ActionTurn, CommandTurn, Turn } from '../app/turn.js';
import { renderCard, type Card } from '../cards/card.js';
import type { Actor } from '../domain/directory.js';
import { Audience } from '../domain/roles.js';
import type { MessageKey } from '../i18n/catalog.js';
import { formatMoment } from '../i18n/dates.js';
import type { Meeting } from '../meetings/meeting.js';
import {
  EVERY_DEPARTMENT,
  NO_MEETING,
  formValuesFrom,
  formValuesOf,
  ownerFromValue,
  ownerValue,
  readDue,
  readOwner,
  textOf,
  type FormValues,
  type OwnerChoice,
} from './form.js';
import {
  ACTIVE_STATUSES,
  isActive,
  ITEM_STATUSES,
  LIMITS,
  type ActionItem,
  type ItemDraft,
  type ItemStatus,
} from './item.js';
import type { ItemFilters, ItemProblem, ItemResult, ItemView, MeetingSummary } from './service.js';
import {
  detailCard,
  dueText,
  itemHeading,
  noteInputId,
  pingCard,
  reasonInputId,
  statusText,
  type NameOf,
  type Notice,
  type Reader,
} from './views.js';

/** What an owner does to an item, by button or in words. */
type Op =
  | { readonly kind: 'done' }
  | { readonly kind: 'progress'; readonly text: string }
  | { readonly kind: 'snooze'; readonly days: number }
  | { readonly kind: 'start' }
  | { readonly kind: 'block'; readonly reason: string };

const VERB_OF: Record<Op['kind'], string> = {
  done: 'item.done',
  progress: 'item.progress',
  snooze: 'item.snooze',
  start: 'item.start',
  block: 'item.block',
};

const SUCCESS_OF: Record<Op['kind'], MessageKey> = {
  done: 'item.done.recorded',
  progress: 'item.progress.recorded',
  snooze: 'item.snooze.recorded',
  start: 'item.start.recorded',
  block: 'item.blocked.recorded',
};

/** Choice values meaning "no filter" and "no meeting" (a choice's value cannot be empty). */
const ALL_DEPARTMENTS = 'all';
const ACTIVE = 'active';

/**
 * Teams refuses cards over about 28 KB: "my items" shows the most urgent
 * items with their buttons, lists the first rows (filters narrow them).
 */
const MAX_CARD_ITEMS = 10;
const MAX_LIST_ROWS = 50;

/** Empty rows of the "several at once" card. */
const BATCH_ROWS = 5;

function readerOf(services: Services, turn: Pick<Turn, 'locale' | 't'>): Reader {
  return { locale: turn.locale, t: turn.t, timeZone: services.config.timeZone };
}

async function namesOf(services: Services): Promise<NameOf> {
  const names = new Map<string, { ja: string; en: string }>();
  for (const d of await services.directory.listDepartments()) names.set(d.id, d.name);
  for (const p of await services.directory.listPeople()) names.set(p.id, p.name);
  for (const m of await allMeetings(services))
    names.set(m.id, { ja: `会議 #${m.number}`, en: `meeting #${m.number}` });
  return (id) => names.get(id);
}

async function ownerName(services: Services, item: ActionItem, turn: Turn): Promise<string> {
  const [view] = await services.items.viewsOf([item]);
  return view?.ownerName[turn.locale] ?? '';
}

/** A refusal or problem in the user's words. */
async function problemText(
  services: Services,
  turn: Turn,
  reason: ItemProblem,
  item: ActionItem | undefined,
  ref = '',
): Promise<string> {
  const number = item?.number ?? '';
  switch (reason) {
    case 'notFound':
      return turn.t('item.error.notFound', { ref });
    case 'notAllowed':
      return item
        ? turn.t('item.error.notAllowed', { number, owner: await ownerName(services, item, turn) })
        : turn.t('item.error.notAllowed', { number: '', owner: '' });
    case 'closed':
      return turn.t('item.error.closed', {
        number,
        status: item ? turn.t(`item.status.${item.status}`) : '',
      });
    case 'unchanged':
      return turn.t('item.error.unchanged', { number });
    case 'noteTooLong':
      return turn.t('item.error.noteTooLong', { max: LIMITS.note });
    case 'reasonTooLong':
      return turn.t('item.error.reasonTooLong', { max: LIMITS.reason });
    case 'badSnooze':
      return turn.t('item.error.badSnooze', { max: LIMITS.snoozeDays });
    case 'titleTooLong':
      return turn.t('item.error.titleTooLong', { max: LIMITS.title });
    case 'detailTooLong':
      return turn.t('item.error.detailTooLong', { max: LIMITS.detail });
    case 'quoteTooLong':
      return turn.t('item.error.quoteTooLong', { max: LIMITS.quote });
    case 'badFollowUp':
      return turn.t('item.error.badFollowUp', { max: LIMITS.followUpDays });
    default:
      return turn.t(`item.error.${reason}`);
  }
}

function run(services: Services, actor: Actor, itemId: string, op: Op): Promise<ItemResult> {
  const { items } = services;
  switch (op.kind) {
    case 'done':
      return items.markDone(itemId, actor);
    case 'progress':
      return items.addProgress(itemId, op.text, actor);
    case 'snooze':
      return items.snooze(itemId, op.days, actor);
    case 'start':
      return items.startWork(itemId, actor);
    case 'block':
      return items.block(itemId, op.reason, actor);
  }
}

function successText(services: Services, turn: Turn, op: Op, item: ActionItem): string {
  const until = item.snoozedUntil
    ? formatMoment(new Date(item.snoozedUntil), turn.locale, services.config.timeZone)
    : '';
  return turn.t(SUCCESS_OF[op.kind], { number: item.number, title: item.title, until });
}

/** Runs an owner's change and says how it went: the notice of the redrawn card, or a reply. */
async function perform(
  services: Services,
  turn: Turn,
  item: ActionItem,
  op: Op,
): Promise<{ notice: Notice; item: ActionItem }> {
  const result = await run(services, turn.actor, item.id, op);
  if (result.ok) {
    return {
      notice: { text: successText(services, turn, op, result.item), tone: 'good' },
      item: result.item,
    };
  }
  return {
    notice: {
      text: await problemText(services, turn, result.reason, result.item ?? item),
      tone: 'warning',
    },
    item: result.item ?? item,
  };
}

function permissionsFor(services: Services, actor: Actor) {
  return {
    canAct: (item: ActionItem) => services.items.canChange(actor, item),
    canManage: services.items.canManage(actor),
  };
}

async function groupLine(
  services: Services,
  turn: Turn,
  item: ActionItem,
): Promise<string | undefined> {
  if (!item.groupId) return undefined;
  const group = await services.items.list({ groupId: item.groupId });
  return turn.t('item.groupOf', {
    count: group.length,
    done: group.filter((i) => i.status === 'done').length,
  });
}

async function detailOf(
  services: Services,
  turn: Turn,
  item: ActionItem,
  notice?: Notice,
): Promise<Card> {
  const [view] = await services.items.viewsOf([item]);
  if (!view) throw new Error(`no view for ${item.id}`);
  const group = await groupLine(services, turn, item);
  return detailCard(view, readerOf(services, turn), {
    notice,
    names: await namesOf(services),
    permissions: permissionsFor(services, turn.actor),
    ...(group ? { groupLine: group } : {}),
  });
}

async function pingOf(
  services: Services,
  turn: Turn,
  items: readonly ActionItem[],
  options: { notice?: Notice; title?: string } = {},
): Promise<Card> {
  return pingCard(await services.items.viewsOf(items), readerOf(services, turn), {
    ...options,
    names: await namesOf(services),
    canAct: (item) => services.items.canChange(turn.actor, item),
  });
}

/** The card a button was pressed on, drawn again with the change and a notice. */
async function redraw(
  services: Services,
  turn: ActionTurn,
  item: ActionItem,
  notice: Notice,
): Promise<ActionOutcome> {
  const view = turn.data['view'];
  if (view === 'ping') {
    const ids = textOf(turn.data, 'itemIds').split(',').filter(Boolean);
    const shown: ActionItem[] = [];
    for (const id of ids) {
      const found = id === item.id ? item : await services.items.get(id);
      if (found) shown.push(found);
    }
    return { card: await pingOf(services, turn, shown.length > 0 ? shown : [item], { notice }) };
  }
  if (view === 'choice') return { card: await pingOf(services, turn, [item], { notice }) };
  return { card: await detailOf(services, turn, item, notice) };
}

// ----- lists -----------------------------------------------------------------------------

interface Row {
  readonly heading: string;
  readonly line: string;
  /** item.show for one item, item.list for a group ("every department"). */
  readonly verb: 'item.show' | 'item.list';
  readonly itemId: string;
  readonly groupId: string;
}

interface Section {
  readonly heading: string;
  readonly color: 'Default' | 'Good' | 'Attention' | 'Warning';
  readonly empty: string;
  readonly rows: readonly Row[];
}

function rowOf(view: ItemView, reader: Reader, extra: string[] = []): Row {
  const { item } = view;
  const parts = [
    view.ownerName[reader.locale],
    dueText(view.due, view.overdue, reader),
    statusText(item, reader),
    ...extra,
  ];
  return {
    heading: itemHeading(item, reader),
    line: parts.join(' · '),
    verb: 'item.show',
    itemId: item.id,
    groupId: '',
  };
}

/**
 * Rows of a list, one per "every department" request instead of one per
 * department: the group sits where its most urgent item would, and opens as
 * its own list.
 */
async function groupedRows(
  services: Services,
  views: readonly ItemView[],
  reader: Reader,
): Promise<Row[]> {
  const rows: Row[] = [];
  const shown = new Set<string>();
  const byGroup = new Map<string, ActionItem[]>();
  if (views.some((v) => v.item.groupId)) {
    for (const item of await services.items.repository.all()) {
      if (item.groupId) byGroup.set(item.groupId, [...(byGroup.get(item.groupId) ?? []), item]);
    }
  }
  for (const view of views) {
    const groupId = view.item.groupId;
    if (!groupId) {
      rows.push(rowOf(view, reader));
      continue;
    }
    if (shown.has(groupId)) continue;
    shown.add(groupId);
    const members = await services.items.viewsOf(byGroup.get(groupId) ?? [view.item]);
    const numbers = members.map((m) => m.item.number).sort((a, b) => a - b);
    const late = members.filter((m) => m.overdue).length;
    rows.push({
      heading: reader.t('item.list.groupHeading', {
        from: numbers[0] ?? '',
        to: numbers.at(-1) ?? '',
        title: view.item.title,
      }),
      line: [
        reader.t('item.list.groupOwners', { count: members.length }),
        dueText(view.due, false, reader),
        reader.t('item.list.groupDone', {
          done: members.filter((m) => m.item.status === 'done').length,
          count: members.length,
        }),
        ...(late > 0 ? [reader.t('item.list.groupLate', { count: late })] : []),
      ].join(' · '),
      verb: 'item.list',
      itemId: '',
      groupId,
    });
  }
  return rows;
}

function listCard(
  reader: Reader,
  input: {
    title: string;
    subtitle?: string;
    sections: readonly Section[];
    filters?: {
      values: { department: string; status: string; overdue: string };
      departmentChoices: ReadonlyArray<{ title: string; value: string }>;
    };
  },
): Card {
  const { t } = reader;
  return renderCard('item-list', {
    title: input.title,
    subtitle: input.subtitle ?? '',
    sections: input.sections,
    filters: Boolean(input.filters),
    values: input.filters?.values ?? {
      department: ALL_DEPARTMENTS,
      status: ACTIVE,
      overdue: 'false',
    },
    departmentChoices: [
      { title: t('item.list.allDepartments'), value: ALL_DEPARTMENTS },
      ...(input.filters?.departmentChoices ?? []),
    ],
    statusChoices: [
      { title: t('item.list.active'), value: ACTIVE },
      ...ITEM_STATUSES.map((s) => ({ title: t(`item.status.${s}`), value: s })),
      { title: t('item.list.allStatuses'), value: 'all' },
    ],
    labels: {
      department: t('item.list.department'),
      status: t('item.list.status'),
      overdue: t('item.list.overdueOnly'),
      apply: t('item.list.apply'),
    },
  });
}

interface ListQuery {
  readonly departmentId?: string;
  /** '' = active ones, 'all', or one status. */
  readonly status: string;
  readonly overdue: boolean;
  readonly groupId?: string;
}

const STATUS_WORDS: ReadonlyArray<[RegExp, string]> = [
  [/^(未着手|open)$/i, 'open'],
  [/^(対応中|inprogress|in-progress)$/i, 'inProgress'],
  [/^(対応不可|blocked)$/i, 'blocked'],
  [/^(完了|done)$/i, 'done'],
  [/^(取消|取り消し|cancelled|canceled)$/i, 'cancelled'],
  [/^(全て|すべて|全件|all)$/i, 'all'],
];

/** 宿題一覧 区民部 期限切れ / items overdue done: department, status and lateness in any order. */
async function readListQuery(
  services: Services,
  args: string,
): Promise<{ ok: true; query: ListQuery } | { ok: false; word: string }> {
  let status = '';
  let overdue = false;
  let departmentId: string | undefined;
  const departments = await services.directory.listDepartments();
  const people = await services.directory.listPeople();
  // "in progress" is one status, though two words.
  const words = args
    .replace(/\bin progress\b/gi, 'inprogress')
    .split(/\s+/)
    .filter(Boolean);
  for (const word of words) {
    const statusWord = STATUS_WORDS.find(([pattern]) => pattern.test(word))?.[1];
    if (statusWord) status = statusWord;
    else if (/^(期限切れ|遅延|overdue|late)$/i.test(word)) overdue = true;
    else {
      const owner = readOwner(word, departments, people);
      if (!owner || owner === EVERY_DEPARTMENT || owner.kind !== 'department')
        return { ok: false, word };
      departmentId = owner.departmentId;
    }
  }
  return { ok: true, query: { status, overdue, ...(departmentId ? { departmentId } : {}) } };
}

function filtersOf(query: ListQuery): ItemFilters {
  const statuses: readonly ItemStatus[] | undefined =
    query.status === 'all'
      ? undefined
      : query.status === ''
        ? ACTIVE_STATUSES
        : ITEM_STATUSES.filter((s) => s === query.status);
  return {
    ...(statuses ? { statuses } : {}),
    ...(query.departmentId ? { departmentId: query.departmentId } : {}),
    ...(query.overdue ? { overdue: true } : {}),
    ...(query.groupId ? { groupId: query.groupId } : {}),
  };
}

async function listFor(services: Services, turn: Turn, query: ListQuery): Promise<Card> {
  const reader = readerOf(services, turn);
  const views = await services.items.listViews(filtersOf(query));
  const allRows =
    query.departmentId || query.groupId
      ? views.map((v) => rowOf(v, reader))
      : await groupedRows(services, views, reader);
  const rows = allRows.slice(0, MAX_LIST_ROWS);
  const departments = await services.directory.listDepartments();
  const parts: string[] = [];
  const department = departments.find((d) => d.id === query.departmentId);
  if (department) parts.push(department.name[turn.locale]);
  parts.push(
    query.status === ''
      ? turn.t('item.list.active')
      : query.status === 'all'
        ? turn.t('item.list.allStatuses')
        : turn.t(`item.status.${query.status as ItemStatus}`),
  );
  if (query.overdue) parts.push(turn.t('item.list.overdueOnly'));
  return listCard(reader, {
    title: turn.t('item.list.title'),
    subtitle: [
      turn.t('item.list.subtitle', { count: views.length, filters: parts.join(' · ') }),
      ...(allRows.length > rows.length ? [turn.t('item.list.more', { shown: rows.length })] : []),
    ].join('\n'),
    sections: [
      {
        heading: turn.t('item.list.count', { count: views.length }),
        color: 'Default',
        empty: turn.t('item.list.empty'),
        rows,
      },
    ],
    filters: {
      values: {
        department: query.departmentId ?? ALL_DEPARTMENTS,
        status: query.status || ACTIVE,
        overdue: String(query.overdue),
      },
      departmentChoices: departments.map((d) => ({ title: d.name[turn.locale], value: d.id })),
    },
  });
}

/** What a meeting's agenda reports: done, late, still open, cancelled. */
export function summaryCard(summary: MeetingSummary, reader: Reader): Card {
  const { t } = reader;
  const latest = (view: ItemView) => {
    const note = view.item.progress.at(-1);
    return note ? [t('item.summary.latest', { text: note.text })] : [];
  };
  const section = (
    heading: MessageKey,
    color: Section['color'],
    views: readonly ItemView[],
  ): Section => ({
    heading: t(heading, { count: views.length }),
    color,
    empty: t('item.summary.none'),
    rows: views.map((v) => rowOf(v, reader, latest(v))),
  });
  return listCard(reader, {
    title: t('item.summary.title', { number: summary.meeting.number }),
    subtitle: `${summary.meeting.title} · ${formatMoment(new Date(summary.meeting.startsAt), reader.locale, reader.timeZone)}`,
    sections: [
      section('item.summary.done', 'Good', summary.done),
      section('item.summary.late', 'Attention', summary.late),
      section('item.summary.open', 'Default', summary.open),
      ...(summary.cancelled.length > 0
        ? [section('item.summary.cancelled', 'Default', summary.cancelled)]
        : []),
    ],
  });
}

// ----- forms ---------------------------------------------------------------------------------

async function ownerChoices(services: Services, turn: Turn) {
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

async function allMeetings(services: Services): Promise<Meeting[]> {
  return [...(await services.meetings.upcoming()), ...(await services.meetings.recent(10))].sort(
    (a, b) => a.number - b.number,
  );
}

async function meetingChoices(services: Services, turn: Turn) {
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

async function formCard(
  services: Services,
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

async function blankValues(services: Services, turn: Turn): Promise<FormValues> {
  const source = (await services.meetings.recent(1))[0];
  return {
    title: '',
    detail: '',
    owner: '',
    due: turn.locale === 'ja' ? '次回' : 'next meeting',
    sourceMeetingId: source?.id ?? NO_MEETING,
    quote: '',
    reportMeetingId: NO_MEETING,
  };
}

type DraftRead =
  | { readonly ok: true; readonly draft: Omit<ItemDraft, 'owner'>; readonly owner?: OwnerChoice }
  | { readonly ok: false; readonly error: string };

/** Reads the form; the owner is optional when editing (edit does not reassign). */
async function readForm(
  services: Services,
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
    timeZone: services.config.timeZone,
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
  return { ok: true, draft, ...(owner ? { owner } : {}) };
}

function batchCard(
  turn: Turn,
  input: {
    meeting: Meeting;
    rows: ReadonlyArray<{ title: string; owner: string; due: string; quote: string }>;
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

// ----- word replies --------------------------------------------------------------------------

const ITEM_REF = String.raw`(?:#(?<n>\d{1,9})\s*)?`;

/** Word replies in the 1:1 chat, with an optional item number first (#5 完了). */
const REPLY_PATTERNS: ReadonlyArray<{ kind: Op['kind']; pattern: RegExp }> = [
  {
    kind: 'done',
    pattern: new RegExp(`^${ITEM_REF}(?:完了|完了しました|済み|done|finished)[。.!！]?$`, 'i'),
  },
  {
    kind: 'progress',
    pattern: new RegExp(`^${ITEM_REF}(?:進捗|progress)\\s*[:：]\\s*(?<text>.*)$`, 'is'),
  },
  {
    kind: 'snooze',
    pattern: new RegExp(
      `^${ITEM_REF}(?:(?<days>\\d{1,3})\\s*(?<unit>日|週間)\\s*延期|snooze\\s*(?<edays>\\d{1,3})\\s*(?<eunit>d|days?|w|weeks?)?)$`,
      'i',
    ),
  },
  {
    kind: 'start',
    pattern: new RegExp(
      `^${ITEM_REF}(?:対応中|着手しました|working on it|in progress|started)[。.!！]?$`,
      'i',
    ),
  },
  {
    kind: 'block',
    pattern: new RegExp(
      `^${ITEM_REF}(?:対応不可|対応できない|blocked)\\s*[:：]\\s*(?<text>.*)$`,
      'is',
    ),
  },
];

function opFrom(kind: Op['kind'], groups: Readonly<Record<string, string>>): Op {
  switch (kind) {
    case 'progress':
      return { kind, text: groups['text'] ?? '' };
    case 'block':
      return { kind, reason: groups['text'] ?? '' };
    case 'snooze': {
      const weeks = /^(週間|w|weeks?)$/i.test(groups['unit'] ?? groups['eunit'] ?? '');
      const amount = Number(groups['days'] ?? groups['edays'] ?? 0);
      return { kind, days: weeks ? amount * 7 : amount };
    }
    default:
      return { kind };
  }
}

/** The items a bare reply may mean: those last pinged (still open, mine), else my open items. */
async function candidates(services: Services, actor: Actor): Promise<ActionItem[]> {
  const personId = actor.person?.id;
  const pinged = personId ? await services.items.lastPinged(personId) : undefined;
  const found: ActionItem[] = [];
  for (const id of pinged?.itemIds ?? []) {
    const item = await services.items.get(id);
    if (item && isActive(item) && services.items.canChange(actor, item)) found.push(item);
  }
  if (found.length > 0) return found;
  return (await services.items.listOpenForActor(actor)).map((v) => v.item);
}

function choiceCard(turn: Turn, op: Op, items: readonly ActionItem[], reader: Reader): Card {
  return renderCard('item-choice', {
    question: turn.t('item.reply.which'),
    verb: VERB_OF[op.kind],
    text: op.kind === 'progress' ? op.text : op.kind === 'block' ? op.reason : '',
    days: op.kind === 'snooze' ? op.days : 0,
    choices: items.map((item) => ({ title: itemHeading(item, reader), itemId: item.id })),
  });
}

function wordReply(services: Services, kind: Op['kind'], pattern: RegExp): CommandSpec {
  return {
    id: `item.reply.${kind}`,
    words: { ja: [], en: [] },
    patterns: [pattern],
    summary: 'item.cmd.reply',
    allowed: Audience.directory,
    hidden: true,
    handle: async (turn) => {
      const op = opFrom(kind, turn.groups);
      const number = turn.groups['n'];
      let item: ActionItem | undefined;
      if (number) {
        item = await services.items.find(number);
        if (!item) return turn.reply(turn.t('item.error.notFound', { ref: `#${number}` }));
      } else {
        const possible = await candidates(services, turn.actor);
        if (possible.length === 0) return turn.reply(turn.t('item.reply.nothing'));
        if (possible.length > 1) {
          return turn.reply({
            card: choiceCard(turn, op, possible, readerOf(services, turn)),
            summary: turn.t('item.reply.which'),
          });
        }
        item = possible[0];
      }
      if (!item) return;
      const { notice } = await perform(services, turn, item, op);
      await turn.reply(notice.text);
    },
  };
}

// ----- commands ------------------------------------------------------------------------------

/** "#5 rest" → the item and the rest, or a reply saying what is missing. */
async function withItem(
  services: Services,
  turn: CommandTurn,
  usage: MessageKey,
): Promise<{ item: ActionItem; rest: string } | undefined> {
  const [ref = '', ...rest] = turn.args.split(' ');
  if (!ref) {
    await turn.reply(turn.t(usage));
    return undefined;
  }
  const item = await services.items.find(ref);
  if (!item) {
    await turn.reply(turn.t('item.error.notFound', { ref }));
    return undefined;
  }
  return { item, rest: rest.join(' ').trim() };
}

async function showMine(services: Services, turn: Turn): Promise<void> {
  const views = await services.items.listOpenForActor(turn.actor);
  if (views.length === 0) return turn.reply(turn.t('item.mine.none'));
  const shown = views.slice(0, MAX_CARD_ITEMS);
  if (turn.actor.person) {
    await services.items.rememberPinged(
      turn.actor.person.id,
      shown.map((v) => v.item.id),
    );
  }
  const more =
    views.length > shown.length
      ? {
          notice: {
            text: turn.t('item.mine.more', { shown: shown.length }),
            tone: 'good' as const,
          },
        }
      : {};
  await turn.reply({
    card: await pingOf(
      services,
      turn,
      shown.map((v) => v.item),
      { title: turn.t('item.mine.title', { count: views.length }), ...more },
    ),
    summary: turn.t('item.mine.title', { count: views.length }),
  });
}

function createdText(turn: Turn, items: readonly ActionItem[]): string {
  const numbers = items.map((i) => `#${i.number}`).join(turn.locale === 'ja' ? '、' : ', ');
  return turn.t('item.created', { count: items.length, numbers });
}

/**
 * Text commands for action items. Everyone in the directory: 自分の宿題 / my items,
 * 宿題 #5 / item #5, and the word replies (完了, 進捗: …, 3日延期, 対応中, 対応不可: …).
 * Chair and secretariat: 宿題一覧 / items (filters), 宿題作成, 宿題一括作成, 宿題編集,
 * 担当変更, 宿題取消, 宿題報告 (the summary for a meeting's agenda).
 */
export function itemCommands(services: Services): CommandSpec[] {
  const { items } = services;
  return [
    {
      id: 'item.mine',
      words: {
        ja: ['自分の宿題', '私の宿題', 'わたしの宿題'],
        en: ['my items', 'my action items', 'my tasks'],
      },
      summary: 'item.cmd.mine',
      allowed: Audience.directory,
      handle: (turn) => showMine(services, turn),
    },
    {
      id: 'item.list',
      words: { ja: ['宿題一覧', '宿題の一覧'], en: ['items', 'action items', 'item list'] },
      summary: 'item.cmd.list',
      allowed: Audience.staff,
      handle: async (turn) => {
        const read = await readListQuery(services, turn.args);
        if (!read.ok) return turn.reply(turn.t('item.list.badFilter', { word: read.word }));
        await turn.reply({
          card: await listFor(services, turn, read.query),
          summary: turn.t('item.list.title'),
        });
      },
    },
    {
      id: 'item.show',
      words: { ja: ['宿題'], en: ['item'] },
      summary: 'item.cmd.show',
      allowed: Audience.directory,
      handle: async (turn) => {
        if (!turn.args) return showMine(services, turn);
        const found = await withItem(services, turn, 'item.usage.ref');
        if (!found) return;
        await turn.reply({
          card: await detailOf(services, turn, found.item),
          summary: found.item.title,
        });
      },
    },
    {
      id: 'item.create',
      words: { ja: ['宿題作成', '宿題登録'], en: ['new item', 'create item'] },
      summary: 'item.cmd.create',
      allowed: Audience.staff,
      handle: async (turn) => {
        if (!turn.args) {
          return turn.reply({
            card: await formCard(services, turn, { values: await blankValues(services, turn) }),
            summary: turn.t('item.form.newHeading'),
          });
        }
        const [title = '', ownerText = '', dueInput = ''] = turn.args.split(/\s*[|｜]\s*/);
        if (!title || !ownerText || !dueInput) return turn.reply(turn.t('item.usage.create'));
        const owner = readOwner(
          ownerText,
          await services.directory.listDepartments(),
          await services.directory.listPeople(),
        );
        if (!owner) return turn.reply(turn.t('item.error.ownerUnreadable', { input: ownerText }));
        const values = {
          ...(await blankValues(services, turn)),
          title,
          due: dueInput,
          owner: ownerValue(owner),
        };
        const read = await readForm(services, turn, values, true);
        if (!read.ok) return turn.reply(read.error);
        const created = await items.createBatch([{ ...read.draft, owner }], turn.actor);
        if (!created.ok)
          return turn.reply(await problemText(services, turn, created.reason, undefined));
        await turn.reply(createdText(turn, created.items));
      },
    },
    {
      id: 'item.batch',
      words: { ja: ['宿題一括作成', '宿題一括登録'], en: ['new items', 'items from meeting'] },
      summary: 'item.cmd.batch',
      allowed: Audience.staff,
      handle: async (turn) => {
        const meeting = turn.args
          ? await services.meetings.find(turn.args)
          : (await services.meetings.recent(1))[0];
        if (!meeting) return turn.reply(turn.t('item.error.meetingNotFound', { ref: turn.args }));
        const blank = {
          title: '',
          owner: '',
          due: turn.locale === 'ja' ? '次回' : 'next meeting',
          quote: '',
        };
        await turn.reply({
          card: batchCard(turn, {
            meeting,
            rows: Array.from({ length: BATCH_ROWS }, () => blank),
            ownerChoices: await ownerChoices(services, turn),
          }),
          summary: turn.t('item.batch.heading', { number: meeting.number }),
        });
      },
    },
    {
      id: 'item.edit',
      words: { ja: ['宿題編集'], en: ['edit item'] },
      summary: 'item.cmd.edit',
      allowed: Audience.staff,
      handle: async (turn) => {
        const found = await withItem(services, turn, 'item.usage.ref');
        if (!found) return;
        if (!isActive(found.item))
          return turn.reply(await problemText(services, turn, 'closed', found.item));
        await turn.reply({
          card: await formCard(services, turn, {
            item: found.item,
            values: formValuesOf(found.item, await allMeetings(services), turn.locale),
          }),
          summary: found.item.title,
        });
      },
    },
    {
      id: 'item.reassign',
      words: { ja: ['担当変更'], en: ['reassign', 'reassign item'] },
      summary: 'item.cmd.reassign',
      allowed: Audience.staff,
      handle: async (turn) => {
        const found = await withItem(services, turn, 'item.usage.reassign');
        if (!found) return;
        if (!found.rest) {
          return turn.reply({
            card: await reassignCard(services, turn, found.item),
            summary: found.item.title,
          });
        }
        const owner = readOwner(
          found.rest,
          await services.directory.listDepartments(),
          await services.directory.listPeople(),
        );
        if (!owner || owner === EVERY_DEPARTMENT)
          return turn.reply(turn.t('item.error.ownerUnreadable', { input: found.rest }));
        const result = await items.reassign(found.item.id, owner, turn.actor);
        if (!result.ok)
          return turn.reply(
            await problemText(services, turn, result.reason, result.item ?? found.item),
          );
        await turn.reply(
          turn.t('item.reassign.recorded', {
            number: result.item.number,
            title: result.item.title,
            owner: await ownerName(services, result.item, turn),
          }),
        );
      },
    },
    {
      id: 'item.cancel',
      words: { ja: ['宿題取消', '宿題取り消し', '宿題中止'], en: ['cancel item'] },
      summary: 'item.cmd.cancel',
      allowed: Audience.staff,
      handle: async (turn) => {
        const found = await withItem(services, turn, 'item.usage.cancel');
        if (!found) return;
        const result = await items.cancel(found.item.id, found.rest, turn.actor);
        if (!result.ok)
          return turn.reply(
            await problemText(services, turn, result.reason, result.item ?? found.item),
          );
        await turn.reply(
          turn.t('item.cancel.recorded', { number: result.item.number, title: result.item.title }),
        );
      },
    },
    {
      id: 'item.report',
      words: { ja: ['宿題報告', '宿題の報告'], en: ['items report', 'item report'] },
      summary: 'item.cmd.report',
      allowed: Audience.staff,
      handle: async (turn) => {
        const meeting = turn.args
          ? await services.meetings.find(turn.args)
          : await services.meetings.next();
        if (!meeting)
          return turn.reply(
            turn.args
              ? turn.t('item.error.meetingNotFound', { ref: turn.args })
              : turn.t('item.summary.noMeeting'),
          );
        const summary = await items.summaryFor(meeting.id);
        if (!summary) return turn.reply(turn.t('item.error.meetingNotFound', { ref: turn.args }));
        await turn.reply({
          card: summaryCard(summary, readerOf(services, turn)),
          summary: turn.t('item.summary.title', { number: meeting.number }),
        });
      },
    },
    ...REPLY_PATTERNS.map(({ kind, pattern }) => wordReply(services, kind, pattern)),
  ];
}

async function reassignCard(services: Services, turn: Turn, item: ActionItem): Promise<Card> {
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

// ----- card verbs ----------------------------------------------------------------------------

/** Card verbs: the owner's buttons, detail, list filters, and the secretariat's forms. */
export function itemActions(services: Services): ActionSpec[] {
  const { items } = services;

  const itemOf = async (turn: ActionTurn): Promise<ActionItem | undefined> => {
    const id = textOf(turn.data, 'itemId');
    return id ? items.get(id) : undefined;
  };
  const notFound = (turn: Turn): ActionOutcome => ({
    message: turn.t('item.error.notFound', { ref: '' }),
  });

  const ownerVerb = (
    kind: Op['kind'],
    read: (turn: ActionTurn, item: ActionItem) => Op,
  ): ActionSpec => ({
    verb: VERB_OF[kind],
    allowed: Audience.directory,
    handle: async (turn) => {
      const item = await itemOf(turn);
      if (!item) return notFound(turn);
      const done = await perform(services, turn, item, read(turn, item));
      return redraw(services, turn, done.item, done.notice);
    },
  });

  const noteOf = (turn: ActionTurn, inputId: string) =>
    textOf(turn.data, inputId) || textOf(turn.data, 'text');

  return [
    ownerVerb('done', () => ({ kind: 'done' })),
    ownerVerb('progress', (turn, item) => ({
      kind: 'progress',
      text: noteOf(turn, noteInputId(item)),
    })),
    ownerVerb('snooze', (turn) => ({ kind: 'snooze', days: Number(textOf(turn.data, 'days')) })),
    ownerVerb('start', () => ({ kind: 'start' })),
    ownerVerb('block', (turn, item) => ({
      kind: 'block',
      reason: noteOf(turn, reasonInputId(item)),
    })),
    {
      verb: 'item.show',
      allowed: Audience.directory,
      handle: async (turn) => {
        const item = await itemOf(turn);
        return item ? { card: await detailOf(services, turn, item) } : notFound(turn);
      },
    },
    {
      verb: 'item.list',
      allowed: Audience.staff,
      handle: async (turn) => {
        const status = textOf(turn.data, 'status');
        const department = textOf(turn.data, 'department');
        const departmentId = department === ALL_DEPARTMENTS ? '' : department;
        const groupId = textOf(turn.data, 'groupId');
        const query: ListQuery = {
          // A group opens with every status: which departments are done is the point.
          status:
            status === 'all' || (ITEM_STATUSES as readonly string[]).includes(status)
              ? status
              : groupId && !status
                ? 'all'
                : '',
          overdue: textOf(turn.data, 'overdue') === 'true',
          ...(departmentId ? { departmentId } : {}),
          ...(groupId ? { groupId } : {}),
        };
        return { card: await listFor(services, turn, query) };
      },
    },
    {
      verb: 'item.edit',
      allowed: Audience.staff,
      handle: async (turn) => {
        const item = await itemOf(turn);
        if (!item) return notFound(turn);
        return {
          card: await formCard(services, turn, {
            item,
            values: formValuesOf(item, await allMeetings(services), turn.locale),
          }),
        };
      },
    },
    {
      verb: 'item.save',
      allowed: Audience.staff,
      handle: async (turn) => {
        const existing = await itemOf(turn);
        if (textOf(turn.data, 'itemId') && !existing) return notFound(turn);
        const values = formValuesFrom(turn.data);
        const again = async (error: string): Promise<ActionOutcome> => ({
          card: await formCard(services, turn, {
            ...(existing ? { item: existing } : {}),
            values,
            error,
          }),
        });
        const read = await readForm(services, turn, values, !existing);
        if (!read.ok) return again(read.error);
        if (existing) {
          const result = await items.edit(
            existing.id,
            {
              title: read.draft.title,
              detail: read.draft.detail,
              due: read.draft.due,
              source: read.draft.source,
              reportMeetingId: read.draft.reportMeetingId,
            },
            turn.actor,
          );
          if (!result.ok) {
            if (result.reason === 'unchanged')
              return {
                card: await detailOf(services, turn, existing, {
                  text: turn.t('item.error.unchanged', { number: existing.number }),
                  tone: 'good',
                }),
              };
            return again(await problemText(services, turn, result.reason, existing));
          }
          return {
            card: await detailOf(services, turn, result.item, {
              text: turn.t('item.saved', { number: result.item.number, title: result.item.title }),
              tone: 'good',
            }),
          };
        }
        if (!read.owner) return again(turn.t('item.form.ownerMissing'));
        const created = await items.createBatch([{ ...read.draft, owner: read.owner }], turn.actor);
        if (!created.ok) return again(await problemText(services, turn, created.reason, undefined));
        const [first] = created.items;
        if (!first) return again(turn.t('item.form.ownerMissing'));
        return {
          card: await detailOf(services, turn, first, {
            text: createdText(turn, created.items),
            tone: 'good',
          }),
        };
      },
    },
    {
      verb: 'item.saveMany',
      allowed: Audience.staff,
      handle: async (turn) => {
        const meeting = await services.meetings.get(textOf(turn.data, 'meetingId'));
        if (!meeting) return { message: turn.t('item.error.meetingNotFound', { ref: '' }) };
        const count = Math.min(Number(textOf(turn.data, 'rows')) || BATCH_ROWS, 20);
        const rows = Array.from({ length: count }, (_, i) => ({
          title: textOf(turn.data, `title-${i + 1}`),
          owner: textOf(turn.data, `owner-${i + 1}`),
          due: textOf(turn.data, `due-${i + 1}`),
          quote: textOf(turn.data, `quote-${i + 1}`),
        }));
        const choices = await ownerChoices(services, turn);
        const again = (error: string): ActionOutcome => ({
          card: batchCard(turn, { meeting, rows, ownerChoices: choices, error }),
        });
        const filled = rows
          .map((row, index) => ({ row, index }))
          .filter(({ row }) => row.title.trim());
        if (filled.length === 0) return again(turn.t('item.batch.empty'));
        const drafts = [];
        for (const { row, index } of filled) {
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
          if (!read.ok || !read.owner)
            return again(
              turn.t('item.batch.rowError', {
                n: index + 1,
                error: read.ok ? turn.t('item.form.ownerMissing') : read.error,
              }),
            );
          drafts.push({ ...read.draft, owner: read.owner });
        }
        const created = await items.createBatch(drafts, turn.actor);
        if (!created.ok) {
          const n = (filled[created.index]?.index ?? 0) + 1;
          return again(
            turn.t('item.batch.rowError', {
              n,
              error: await problemText(services, turn, created.reason, undefined),
            }),
          );
        }
        const reader = readerOf(services, turn);
        const views = await items.viewsOf(created.items);
        return {
          card: listCard(reader, {
            title: turn.t('item.batch.done', { number: meeting.number }),
            subtitle: createdText(turn, created.items),
            sections: [
              {
                heading: turn.t('item.list.count', { count: views.length }),
                color: 'Good',
                empty: '',
                rows: views.map((v) => rowOf(v, reader)),
              },
            ],
          }),
        };
      },
    },
    {
      verb: 'item.cancelAsk',
      allowed: Audience.staff,
      handle: async (turn) => {
        const item = await itemOf(turn);
        if (!item) return notFound(turn);
        return {
          card: renderCard('item-cancel', {
            question: turn.t('item.cancel.question', { number: item.number, title: item.title }),
            reasonLabel: turn.t('item.input.cancelReason'),
            reasonMax: LIMITS.reason,
            confirmLabel: turn.t('item.button.confirmCancel'),
            backLabel: turn.t('item.button.back'),
            itemId: item.id,
          }),
        };
      },
    },
    {
      verb: 'item.cancel',
      allowed: Audience.staff,
      handle: async (turn) => {
        const item = await itemOf(turn);
        if (!item) return notFound(turn);
        const result = await items.cancel(item.id, textOf(turn.data, 'reason'), turn.actor);
        const notice: Notice = result.ok
          ? {
              text: turn.t('item.cancel.recorded', { number: item.number, title: item.title }),
              tone: 'good',
            }
          : {
              text: await problemText(services, turn, result.reason, result.item ?? item),
              tone: 'warning',
            };
        return {
          card: await detailOf(
            services,
            turn,
            result.ok ? result.item : (result.item ?? item),
            notice,
          ),
        };
      },
    },
    {
      verb: 'item.reassignAsk',
      allowed: Audience.staff,
      handle: async (turn) => {
        const item = await itemOf(turn);
        return item ? { card: await reassignCard(services, turn, item) } : notFound(turn);
      },
    },
    {
      verb: 'item.reassign',
      allowed: Audience.staff,
      handle: async (turn) => {
        const item = await itemOf(turn);
        if (!item) return notFound(turn);
        const owner = ownerFromValue(textOf(turn.data, 'owner'));
        if (!owner || owner === EVERY_DEPARTMENT)
          return {
            card: await detailOf(services, turn, item, {
              text: turn.t('item.form.ownerMissing'),
              tone: 'warning',
            }),
          };
        const result = await items.reassign(item.id, owner, turn.actor);
        const after = result.ok ? result.item : (result.item ?? item);
        const notice: Notice = result.ok
          ? {
              text: turn.t('item.reassign.recorded', {
                number: after.number,
                title: after.title,
                owner: await ownerName(services, after, turn),
              }),
              tone: 'good',
            }
          : { text: await problemText(services, turn, result.reason, after), tone: 'warning' };
        return { card: await detailOf(services, turn, after, notice) };
      },
    },
  ];
}
