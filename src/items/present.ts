import type { ActionSpec } from '../app/router.js';
import type { Role } from '../domain/roles.js';
import type { ItemUses } from './deps.js';
import type { ActionOutcome, ActionTurn, CommandTurn, Turn } from '../app/turn.js';
import type { Card } from '../cards/card.js';
import type { Actor } from '../domain/directory.js';
import type { MessageKey } from '../i18n/catalog.js';
import type { Meeting } from '../meetings/meeting.js';
import { dashboardLinkOf } from '../tab/deep-link.js';
import { textOf } from './form.js';
import { LIMITS, type ActionItem } from './item.js';
import type { ItemProblem } from './service.js';
import { itemAsSeenBy } from './visibility.js';
import { detailCard, pingCard, type NameOf, type Notice, type Reader } from './views.js';

// How items and refusals are put to the person in a turn: shared by the owner's replies,
// the lists and the secretariat's commands.

export function readerOf(services: ItemUses, turn: Pick<Turn, 'locale' | 't'>): Reader {
  return { locale: turn.locale, t: turn.t, timeZone: services.config.timeZone };
}

export async function namesOf(services: ItemUses): Promise<NameOf> {
  const names = new Map<string, { ja: string; en: string }>();
  for (const d of await services.directory.listDepartments()) names.set(d.id, d.name);
  for (const p of await services.directory.listPeople()) names.set(p.id, p.name);
  for (const m of await allMeetings(services))
    names.set(m.id, { ja: `会議 #${m.number}`, en: `meeting #${m.number}` });
  return (id) => names.get(id);
}

export async function allMeetings(services: ItemUses): Promise<Meeting[]> {
  return [...(await services.meetings.upcoming()), ...(await services.meetings.recent(10))].sort(
    (a, b) => a.number - b.number,
  );
}

export async function ownerName(services: ItemUses, item: ActionItem, turn: Turn): Promise<string> {
  const [view] = await services.items.viewsOf([item]);
  return view?.ownerName[turn.locale] ?? '';
}

/** The limit each "too long / too many" problem names. */
const LIMIT_OF: Partial<Record<ItemProblem, number>> = {
  noteTooLong: LIMITS.note,
  reasonTooLong: LIMITS.reason,
  badSnooze: LIMITS.snoozeDays,
  titleTooLong: LIMITS.title,
  detailTooLong: LIMITS.detail,
  quoteTooLong: LIMITS.quote,
  badFollowUp: LIMITS.followUpDays,
};

/** A refusal or problem in the user's words. */
export async function problemText(
  services: ItemUses,
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
      return turn.t(item ? closedKey(services, turn.actor, item) : 'item.error.closed', {
        number,
        status: item ? turn.t(`item.status.${item.status}`) : '',
      });
    case 'notClosed':
      return turn.t('item.error.notClosed', {
        number,
        status: item ? turn.t(`item.status.${item.status}`) : '',
      });
    case 'reopenStaffOnly':
      return turn.t('item.error.reopenStaffOnly', { number });
    case 'unchanged':
      return turn.t('item.error.unchanged', { number });
    default: {
      const max = LIMIT_OF[reason];
      return turn.t(`item.error.${reason}`, max === undefined ? undefined : { max });
    }
  }
}

/** A closed item's refusal says how to reopen it, but only to someone who may. */
function closedKey(services: ItemUses, actor: Actor, item: ActionItem): MessageKey {
  if (!services.items.canChange(actor, item)) return 'item.error.closed';
  return services.items.mayReopen(actor, item)
    ? 'item.error.closedReopen'
    : 'item.error.closedAskSecretariat';
}

function permissionsFor(services: ItemUses, actor: Actor) {
  return {
    canAct: (item: ActionItem) => services.items.canChange(actor, item),
    canManage: services.items.canManage(actor),
  };
}

async function groupLine(
  services: ItemUses,
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

/** The department of the person who owns `item`, if a person does (see visibility.ts). */
async function personDepartmentOf(
  services: ItemUses,
  item: ActionItem,
): Promise<string | undefined> {
  if (item.owner.kind !== 'person') return undefined;
  return (await services.directory.findByUpn(item.owner.personId))?.departmentId;
}

/** `undo`: the item was just closed here, so its card offers to reopen it. */
export async function detailOf(
  services: ItemUses,
  turn: Turn,
  item: ActionItem,
  notice?: Notice,
  options: { undo?: string } = {},
): Promise<Card> {
  const shown = itemAsSeenBy(turn.actor, item, await personDepartmentOf(services, item));
  const [view] = await services.items.viewsOf(shown ? [shown] : []);
  if (!view) throw new Error(`no view of ${item.id} for ${turn.actor.role}`);
  const group = await groupLine(services, turn, item);
  return detailCard(view, readerOf(services, turn), {
    notice,
    ...(shown === item ? {} : { intro: turn.t('item.detail.outlineOnly') }),
    names: await namesOf(services),
    permissions: permissionsFor(services, turn.actor),
    ...(group ? { groupLine: group } : {}),
    undo: options.undo,
    dashboardLink: dashboardLinkOf(services.config),
  });
}

export async function pingOf(
  services: ItemUses,
  turn: Turn,
  items: readonly ActionItem[],
  options: { notice?: Notice; title?: string; undo?: string } = {},
): Promise<Card> {
  const shown: ActionItem[] = [];
  for (const item of items) {
    const seen = itemAsSeenBy(turn.actor, item, await personDepartmentOf(services, item));
    if (seen) shown.push(seen);
  }
  return pingCard(await services.items.viewsOf(shown), readerOf(services, turn), {
    ...options,
    names: await namesOf(services),
    canAct: (item) => services.items.canChange(turn.actor, item),
    dashboardLink: dashboardLinkOf(services.config),
  });
}

/** "#5 rest" → the item and the rest, or a reply saying what is missing. */
export async function withItem(
  services: ItemUses,
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

/** The item a card verb names, if it still exists. */
export async function itemOf(
  services: ItemUses,
  turn: ActionTurn,
): Promise<ActionItem | undefined> {
  const id = textOf(turn.data, 'itemId');
  return id ? services.items.get(id) : undefined;
}

export function notFound(turn: Turn): ActionOutcome {
  return { message: turn.t('item.error.notFound', { ref: '' }) };
}

/** A card verb about one item: the item the card names, or the answer that it is gone. */
export function itemVerb(
  services: ItemUses,
  verb: string,
  allowed: readonly Role[],
  act: (turn: ActionTurn, item: ActionItem) => Promise<ActionOutcome>,
): ActionSpec {
  return {
    verb,
    allowed,
    handle: async (turn) => {
      const item = await itemOf(services, turn);
      return item ? act(turn, item) : notFound(turn);
    },
  };
}

/** The meeting the arguments name ("#3", "3"), or `otherwise` when they name none. */
export function meetingNamed(
  services: ItemUses,
  args: string,
  otherwise: () => Promise<Meeting | undefined>,
): Promise<Meeting | undefined> {
  return args ? services.meetings.find(args) : otherwise();
}
