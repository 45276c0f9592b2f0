import type { CommandSpec } from '../app/router.js';
import type { ItemUses } from './deps.js';
import { Audience } from '../domain/roles.js';
import { EVERY_DEPARTMENT, formValuesOf, readOwner } from './form.js';
import { dueSaid, yearChoiceCard } from './due-said.js';
import { isActive, type ActionItem } from './item.js';
import type { CommandTurn } from '../app/turn.js';
import type { MessageKey } from '../i18n/catalog.js';
import type { ItemResult } from './service.js';
import { undoCard } from './views.js';
import {
  allMeetings,
  meetingNamed,
  ownerName,
  problemText,
  readerOf,
  withItem,
} from './present.js';
import {
  batchCard,
  blankRows,
  blankValues,
  cancelAskCard,
  createdText,
  formCard,
  ownerChoices,
  reassignCard,
} from './secretariat-cards.js';
import { readOneLine } from './secretariat-read.js';

/** The secretariat's text commands: create, create several, edit, reassign, cancel, reopen; the cards live in secretariat-cards.ts, the card verbs in secretariat-verbs.ts. */
export function secretariatCommands(services: ItemUses): CommandSpec[] {
  const { items } = services;

  /**
   * "#N rest": finds the item, makes the change, and answers its refusal or
   * `done`; a change that answered the user itself gives undefined.
   */
  const changeItem =
    (
      usage: MessageKey,
      change: (
        turn: CommandTurn,
        item: ActionItem,
        rest: string,
      ) => Promise<ItemResult | undefined>,
      done: (turn: CommandTurn, item: ActionItem) => Promise<void>,
    ) =>
    async (turn: CommandTurn): Promise<void> => {
      const found = await withItem(services, turn, usage);
      if (!found) return;
      const result = await change(turn, found.item, found.rest);
      if (!result) return;
      if (!result.ok)
        return turn.reply(
          await problemText(services, turn, result.reason, result.item ?? found.item),
        );
      await done(turn, result.item);
    };
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
        const line = await readOneLine(services, turn, turn.args);
        if (!line.ok) return turn.reply(line.error);
        const { values, owner, read } = line;
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
        const meeting = await meetingNamed(services, turn.args, async () => {
          const [latest] = await services.meetings.recent(1);
          return latest;
        });
        if (!meeting) return turn.reply(turn.t('item.error.meetingNotFound', { ref: turn.args }));
        await turn.reply({
          card: batchCard(turn, {
            meeting,
            rows: blankRows(turn),
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
            values: formValuesOf(found.item, await allMeetings(services), turn.t),
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
      handle: changeItem(
        'item.usage.reassign',
        async (turn, item, rest) => {
          if (!rest) {
            await turn.reply({
              card: await reassignCard(services, turn, item),
              summary: item.title,
            });
            return undefined;
          }
          const owner = readOwner(
            rest,
            await services.directory.listDepartments(),
            await services.directory.listPeople(),
          );
          if (owner && owner !== EVERY_DEPARTMENT)
            return items.reassign(item.id, owner, turn.actor);
          await turn.reply(turn.t('item.error.ownerUnreadable', { input: rest }));
          return undefined;
        },
        async (turn, item) =>
          turn.reply(
            turn.t('item.reassign.recorded', {
              number: item.number,
              title: item.title,
              owner: await ownerName(services, item, turn),
            }),
          ),
      ),
    },
    {
      id: 'item.cancel',
      words: { ja: ['宿題取消', '宿題取り消し', '宿題中止'], en: ['cancel item'] },
      summary: 'item.cmd.cancel',
      allowed: Audience.staff,
      handle: changeItem(
        'item.usage.cancel',
        async (turn, item, reason) => {
          // No reason given: ask for one on the cancel card rather than cancelling at once.
          if (!reason.trim() && isActive(item)) {
            await turn.reply({ card: cancelAskCard(turn, item), summary: item.title });
            return undefined;
          }
          return items.cancel(item.id, reason, turn.actor);
        },
        async (turn, item) => {
          const text = turn.t('item.cancel.recorded', { number: item.number, title: item.title });
          await turn.reply({ card: undoCard(text, item, readerOf(services, turn)), summary: text });
        },
      ),
    },
    {
      id: 'item.reopen',
      words: { ja: ['宿題再開'], en: ['reopen item'] },
      summary: 'item.cmd.reopen',
      allowed: Audience.staff,
      handle: changeItem(
        'item.usage.reopen',
        (turn, item, reason) => items.reopen(item.id, turn.actor, reason),
        (turn, item) =>
          turn.reply(
            turn.t('item.reopen.recorded', {
              number: item.number,
              title: item.title,
              status: turn.t(`item.status.${item.status}`),
            }),
          ),
      ),
    },
  ];
}
