import type { ActionSpec, CommandSpec } from '../app/router.js';
import type { ItemUses } from './deps.js';
import type { ActionOutcome, Turn } from '../app/turn.js';
import { renderCard, type Card } from '../cards/card.js';
import { Audience } from '../domain/roles.js';
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
  type DueRead,
  type FormValues,
  type OwnerChoice,
} from './form.js';
import { dueSaid, yearChoiceCard, yearProblem } from './due-said.js';
import { isActive, LIMITS, type ActionItem, type ItemDraft } from './item.js';
import { undoCard, type Notice } from './views.js';
import { listCard, rowOf } from './lists.js';
import {
  allMeetings,
  detailOf,
  itemOf,
  notFound,
  ownerName,
  problemText,
  readerOf,
  withItem,
} from './present.js';

/** Empty rows of the "several at once" card. */
const BATCH_ROWS = 5;

async function ownerChoices(services: ItemUses, turn: Turn) {
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

async function formCard(
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

async function blankValues(services: ItemUses, turn: Turn): Promise<FormValues> {
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
  | {
      readonly ok: true;
      readonly draft: Omit<ItemDraft, 'owner'>;
      readonly owner?: OwnerChoice;
      /** How the due was read, to say it back or ask for the year. */
      readonly dueRead: Extract<DueRead, { ok: true }>;
    }
  | { readonly ok: false; readonly error: string };

/** Reads the form; the owner is optional when editing (edit does not reassign). */
async function readForm(
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

function createdText(turn: Turn, items: readonly ActionItem[], due = ''): string {
  const numbers = items.map((i) => `#${i.number}`).join(turn.locale === 'ja' ? '、' : ', ');
  const created = turn.t('item.created', { count: items.length, numbers });
  return due ? turn.t('item.twoSentences', { first: created, second: due }) : created;
}

/** Asks why an item is cancelled: the reason is kept in its history and told to its owner. */
function cancelAskCard(turn: Turn, item: ActionItem): Card {
  return renderCard('item-cancel', {
    question: turn.t('item.cancel.question', { number: item.number, title: item.title }),
    reasonLabel: turn.t('item.input.cancelReason'),
    reasonMax: LIMITS.reason,
    confirmLabel: turn.t('item.button.confirmCancel'),
    backLabel: turn.t('item.button.back'),
    itemId: item.id,
  });
}

async function reassignCard(services: ItemUses, turn: Turn, item: ActionItem): Promise<Card> {
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

/** The secretariat's text commands: create, create several, edit, reassign, cancel, reopen. */
export function secretariatCommands(services: ItemUses): CommandSpec[] {
  const { items } = services;
  return [
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
        const ask = yearChoiceCard(services, turn, { values, itemId: '', read: read.dueRead });
        if (ask) return turn.reply({ card: ask, summary: turn.t('item.form.newHeading') });
        const created = await items.createBatch([{ ...read.draft, owner }], turn.actor);
        if (!created.ok)
          return turn.reply(await problemText(services, turn, created.reason, undefined));
        // The source was not typed: say which meeting it is and how to change it.
        const source = (await allMeetings(services)).find(
          (m) => m.id === read.draft.source?.meetingId,
        );
        const said = createdText(turn, created.items, dueSaid(services, turn, read.dueRead));
        await turn.reply(
          source
            ? `${said}\n\n${turn.t('item.created.source', { meeting: source.title, number: created.items[0]?.number ?? '' })}`
            : said,
        );
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
        // No reason given: ask for one on the cancel card rather than cancelling at once.
        if (!found.rest.trim() && isActive(found.item))
          return turn.reply({ card: cancelAskCard(turn, found.item), summary: found.item.title });
        const result = await items.cancel(found.item.id, found.rest, turn.actor);
        if (!result.ok)
          return turn.reply(
            await problemText(services, turn, result.reason, result.item ?? found.item),
          );
        const text = turn.t('item.cancel.recorded', {
          number: result.item.number,
          title: result.item.title,
        });
        await turn.reply({
          card: undoCard(text, result.item, readerOf(services, turn)),
          summary: text,
        });
      },
    },
    {
      id: 'item.reopen',
      words: { ja: ['宿題再開'], en: ['reopen item'] },
      summary: 'item.cmd.reopen',
      allowed: Audience.staff,
      handle: async (turn) => {
        const found = await withItem(services, turn, 'item.usage.reopen');
        if (!found) return;
        const result = await items.reopen(found.item.id, turn.actor, found.rest);
        if (!result.ok)
          return turn.reply(
            await problemText(services, turn, result.reason, result.item ?? found.item),
          );
        await turn.reply(
          turn.t('item.reopen.recorded', {
            number: result.item.number,
            title: result.item.title,
            status: turn.t(`item.status.${result.item.status}`),
          }),
        );
      },
    },
  ];
}

/** The secretariat's card verbs: the forms, cancel and reassign. */
export function secretariatActions(services: ItemUses): ActionSpec[] {
  const { items } = services;
  return [
    {
      verb: 'item.edit',
      allowed: Audience.staff,
      handle: async (turn) => {
        const item = await itemOf(services, turn);
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
        const existing = await itemOf(services, turn);
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
        const ask = yearChoiceCard(services, turn, {
          values,
          itemId: existing?.id ?? '',
          read: read.dueRead,
        });
        if (ask) return { card: ask };
        const due = dueSaid(services, turn, read.dueRead);
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
              text: turn
                .t('item.twoSentences', {
                  first: turn.t('item.saved', {
                    number: result.item.number,
                    title: result.item.title,
                  }),
                  second: due,
                })
                .trim(),
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
            text: createdText(turn, created.items, due),
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
          const yearAsked = read.ok ? yearProblem(services, turn, row.due, read.dueRead) : '';
          if (yearAsked)
            return again(turn.t('item.batch.rowError', { n: index + 1, error: yearAsked }));
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
                // The subtitle already gives the count.
                heading: '',
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
        const item = await itemOf(services, turn);
        if (!item) return notFound(turn);
        return { card: cancelAskCard(turn, item) };
      },
    },
    {
      verb: 'item.cancel',
      allowed: Audience.staff,
      handle: async (turn) => {
        const item = await itemOf(services, turn);
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
          card: result.ok
            ? await detailOf(services, turn, result.item, notice, { undo: result.item.id })
            : await detailOf(services, turn, result.item ?? item, notice),
        };
      },
    },
    {
      verb: 'item.reassignAsk',
      allowed: Audience.staff,
      handle: async (turn) => {
        const item = await itemOf(services, turn);
        return item ? { card: await reassignCard(services, turn, item) } : notFound(turn);
      },
    },
    {
      verb: 'item.reassign',
      allowed: Audience.staff,
      handle: async (turn) => {
        const item = await itemOf(services, turn);
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
