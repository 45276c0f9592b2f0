import type { ActionSpec } from '../app/router.js';
import type { ItemUses } from './deps.js';
import type { ActionOutcome } from '../app/turn.js';
import { Audience } from '../domain/roles.js';
import { EVERY_DEPARTMENT, formValuesFrom, formValuesOf, ownerFromValue, textOf } from './form.js';
import { dueSaid, yearChoiceCard } from './due-said.js';
import type { Notice } from './views.js';
import { listCard, rowOf } from './list-cards.js';
import {
  allMeetings,
  detailOf,
  itemOf,
  itemVerb,
  notFound,
  ownerName,
  problemText,
  readerOf,
} from './present.js';
import {
  batchCard,
  createdText,
  formCard,
  ownerChoices,
  reassignCard,
  cancelAskCard,
} from './secretariat-cards.js';
import { batchRowsFrom, readBatch, readForm } from './secretariat-read.js';

/** The secretariat's card verbs: the forms, cancel and reassign. */
export function secretariatActions(services: ItemUses): ActionSpec[] {
  const { items } = services;
  return [
    itemVerb(services, 'item.edit', Audience.staff, async (turn, item) => {
      return {
        card: await formCard(services, turn, {
          item,
          values: formValuesOf(item, await allMeetings(services), turn.t),
        }),
      };
    }),
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
        const rows = batchRowsFrom(turn.data);
        const choices = await ownerChoices(services, turn);
        const again = (error: string): ActionOutcome => ({
          card: batchCard(turn, { meeting, rows, ownerChoices: choices, error }),
        });
        const batch = await readBatch(services, turn, meeting, rows);
        if (!batch.ok) return again(batch.error);
        const created = await items.createBatch(batch.drafts, turn.actor);
        if (!created.ok) {
          return again(
            turn.t('item.batch.rowError', {
              n: batch.rowNumbers[created.index] ?? 1,
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
    itemVerb(services, 'item.cancelAsk', Audience.staff, async (turn, item) => {
      return { card: cancelAskCard(turn, item) };
    }),
    itemVerb(services, 'item.cancel', Audience.staff, async (turn, item) => {
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
    }),
    itemVerb(services, 'item.reassignAsk', Audience.staff, async (turn, item) => ({
      card: await reassignCard(services, turn, item),
    })),
    itemVerb(services, 'item.reassign', Audience.staff, async (turn, item) => {
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
    }),
  ];
}
