import type { ActionSpec, CommandSpec } from '../app/router.js';
import type { ItemUses } from './deps.js';
import type { ActionOutcome, ActionTurn, Turn } from '../app/turn.js';
import { renderCard, type Card } from '../cards/card.js';
import type { Actor } from '../domain/directory.js';
import { Audience } from '../domain/roles.js';
import type { MessageKey } from '../i18n/catalog.js';
import { formatMoment, formatSpokenDay } from '../i18n/dates.js';
import { explainDateProblem, parseDateInput } from '../i18n/date-parser.js';
import { planSnooze } from './snooze.js';
import { textOf } from './form.js';
import { isActive, type ActionItem } from './item.js';
import { actorId, type ItemResult } from './service.js';
import {
  itemHeading,
  noteInputId,
  reasonInputId,
  undoCard,
  type Notice,
  type Reader,
} from './views.js';
import { detailOf, itemOf, notFound, pingOf, problemText, readerOf } from './present.js';

/** What an owner does to an item, by button or in words. */
type Op =
  | { readonly kind: 'done' }
  | { readonly kind: 'progress'; readonly text: string }
  | { readonly kind: 'snooze'; readonly days: number }
  | { readonly kind: 'start' }
  | { readonly kind: 'block'; readonly reason: string }
  /** 再開 / reopen a done or cancelled item (the reason is optional). */
  | { readonly kind: 'reopen'; readonly reason: string };

const VERB_OF: Record<Op['kind'], string> = {
  done: 'item.done',
  progress: 'item.progress',
  snooze: 'item.snooze',
  start: 'item.start',
  block: 'item.block',
  reopen: 'item.reopen',
};

const SUCCESS_OF: Record<Op['kind'], MessageKey> = {
  done: 'item.done.recorded',
  progress: 'item.progress.recorded',
  snooze: 'item.snooze.recorded',
  start: 'item.start.recorded',
  block: 'item.blocked.recorded',
  reopen: 'item.reopen.recorded',
};

function run(services: ItemUses, actor: Actor, itemId: string, op: Op): Promise<ItemResult> {
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
    case 'reopen':
      return items.reopen(itemId, actor, op.reason);
  }
}

function successText(services: ItemUses, turn: Turn, op: Op, item: ActionItem): string {
  const until = item.snoozedUntil
    ? formatMoment(new Date(item.snoozedUntil), turn.locale, services.config.timeZone)
    : '';
  return turn.t(SUCCESS_OF[op.kind], {
    number: item.number,
    title: item.title,
    until,
    status: turn.t(`item.status.${item.status}`),
  });
}

/**
 * Runs an owner's change and says how it went: the notice of the redrawn card,
 * or a reply; `undo` when it just marked the item done (the answer offers to reopen it).
 */
async function perform(
  services: ItemUses,
  turn: Turn,
  item: ActionItem,
  op: Op,
): Promise<{ notice: Notice; item: ActionItem; undo?: boolean }> {
  const plan =
    op.kind === 'snooze' ? planSnooze(services.calendar, services.clock.now(), op.days) : undefined;
  const planned: Op = op.kind === 'snooze' && plan ? { ...op, days: plan.days } : op;
  const result = await run(services, turn.actor, item.id, planned);
  if (result.ok) {
    const moved = plan?.movedFrom
      ? turn.t('item.snooze.moved', {
          written: formatSpokenDay(
            plan.movedFrom,
            turn.locale,
            services.config.timeZone,
            services.clock.now(),
          ),
        })
      : '';
    const said = successText(services, turn, op, result.item);
    return {
      notice: {
        text: moved ? turn.t('item.twoSentences', { first: said, second: moved }) : said,
        tone: 'good',
      },
      item: result.item,
      undo: op.kind === 'done',
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

/** The card a button was pressed on, drawn again with the change and a notice. */
async function redraw(
  services: ItemUses,
  turn: ActionTurn,
  item: ActionItem,
  notice: Notice,
  undo = false,
): Promise<ActionOutcome> {
  const view = turn.data['view'];
  const closed = undo ? { undo: item.id } : {};
  const options = { notice, ...closed };
  if (view === 'ping') {
    const ids = textOf(turn.data, 'itemIds').split(',').filter(Boolean);
    const shown: ActionItem[] = [];
    for (const id of ids) {
      const found = id === item.id ? item : await services.items.get(id);
      if (found) shown.push(found);
    }
    return { card: await pingOf(services, turn, shown.length > 0 ? shown : [item], options) };
  }
  if (view === 'choice') return { card: await pingOf(services, turn, [item], options) };
  return { card: await detailOf(services, turn, item, notice, closed) };
}

/**
 * An optional item number first (#5 完了). Any "#…" is taken, so that a
 * mistyped number (#abc 完了) is answered "not found" instead of falling
 * through to the policy look-up.
 */
const ITEM_REF = String.raw`(?:(?:#(?<n>[^\s:：#]{1,20})|(?:宿題|item)\s*#?(?<n2>\d{1,9}))\s*)?`;
/** After a ping: 完了, 完了しました, 終わりました, 済みました, done, finished. */
const DONE_WORDS = String.raw`(?:完了(?:です|しました|済み)?|終わりました|終わった|終了(?:しました)?|済み(?:ました)?|済んだ|対応(?:済み|完了)(?:です|しました)?|done|finished|completed)`;
/** 延期, 延ばして, 延ばしてください, 延期します. */
const POSTPONE = String.raw`(?:延期(?:して(?:ください)?|します|お願いします)?|(?:延|の)ばして(?:ください)?|延長(?:して(?:ください)?)?)`;
/** An optional reason after a colon: 再開: 誤って完了にしたため. */
const REASON = String.raw`(?:\s*[:：]\s*(?<text>.*))?`;

/** Word replies in the 1:1 chat, with an optional item number first (#5 完了). */
const REPLY_PATTERNS: ReadonlyArray<{ kind: Op['kind']; patterns: readonly RegExp[] }> = [
  {
    kind: 'done',
    patterns: [new RegExp(`^${ITEM_REF}${DONE_WORDS}[。.!！]?$`, 'i')],
  },
  {
    kind: 'progress',
    // 進捗: 課長会で議論中, and without the colon: 進捗 課長会で議論中.
    patterns: [new RegExp(`^${ITEM_REF}(?:進捗|progress)(?:\\s*[:：]\\s*|\\s+)(?<text>.*)$`, 'is')],
  },
  {
    kind: 'snooze',
    patterns: [
      new RegExp(
        `^${ITEM_REF}(?:(?<days>\\d{1,3})\\s*(?<unit>日|週間)\\s*${POSTPONE}|snooze\\s*(?<edays>\\d{1,3})\\s*(?<eunit>d|days?|w|weeks?)?)$`,
        'i',
      ),
      // Until a day: #3 12月10日まで延期, 来週金曜まで延ばして, #3 snooze until Friday.
      new RegExp(`^${ITEM_REF}(?<date>[^#]+?)\\s*まで\\s*${POSTPONE}[。.!！]?$`, 'i'),
      new RegExp(`^${ITEM_REF}snooze\\s+(?:until|till|to)\\s+(?<date>.+)$`, 'i'),
      new RegExp(`^snooze\\s*#(?<n>[^\\s:：#]{1,20})\\s+(?:until|till|to)\\s+(?<date>.+)$`, 'i'),
    ],
  },
  {
    kind: 'start',
    patterns: [
      new RegExp(
        `^${ITEM_REF}(?:対応中|着手しました|working on it|in progress|started)[。.!！]?$`,
        'i',
      ),
    ],
  },
  {
    kind: 'block',
    patterns: [
      new RegExp(`^${ITEM_REF}(?:対応不可|対応できない|blocked)\\s*[:：]\\s*(?<text>.*)$`, 'is'),
    ],
  },
  {
    // #5 再開, 再開, #5 reopen, and English word order: reopen #5; a closed item comes back.
    kind: 'reopen',
    patterns: [
      new RegExp(`^${ITEM_REF}(?:再開|再開する|reopen)${REASON}$`, 'is'),
      new RegExp(`^reopen\\s*#(?<n>[^\\s:：#]{1,20})${REASON}$`, 'is'),
    ],
  },
];

function opFrom(kind: Op['kind'], groups: Readonly<Record<string, string>>): Op {
  switch (kind) {
    case 'progress':
      return { kind, text: groups['text'] ?? '' };
    case 'block':
    case 'reopen':
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

/**
 * "Until 12月10日" as days from today (the unit a snooze is counted in); the
 * item service refuses a day already past or too far ahead.
 */
function daysUntil(
  services: ItemUses,
  turn: Turn,
  text: string,
): { ok: true; days: number } | { ok: false; problem: string } {
  const { timeZone } = services.config;
  const now = services.clock.now();
  const read = parseDateInput(text.replace(/^(?:the\s+)?/i, ''), { now, timeZone });
  if (!read.ok)
    return { ok: false, problem: explainDateProblem(read, turn.t, turn.locale, timeZone) };
  const today = services.calendar.local(now).startOf('day');
  const day = services.calendar.local(read.start).startOf('day');
  return { ok: true, days: Math.round(day.diff(today, 'days').days) };
}

/** The items a bare reply may mean: those last pinged (still open, mine), else my open items. */
async function candidates(services: ItemUses, actor: Actor): Promise<ActionItem[]> {
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

/**
 * The items a bare 再開 / reopen may mean: those last pinged that are now
 * closed and the person may reopen, else the one they closed last.
 */
async function closedCandidates(services: ItemUses, actor: Actor): Promise<ActionItem[]> {
  const { items } = services;
  const mayReopen = (item: ActionItem | undefined): item is ActionItem =>
    item !== undefined && !isActive(item) && items.mayReopen(actor, item);
  const personId = actor.person?.id;
  const pinged = personId ? await items.lastPinged(personId) : undefined;
  const found: ActionItem[] = [];
  for (const id of pinged?.itemIds ?? []) {
    const item = await items.get(id);
    if (mayReopen(item)) found.push(item);
  }
  if (found.length > 0) return found;
  const who = actorId(actor);
  let last: { item: ActionItem; at: string } | undefined;
  for (const item of await items.list()) {
    if (!mayReopen(item)) continue;
    const closing = item.history.findLast(
      (h) => h.by === who && h.change.type === 'status' && h.change.to === item.status,
    );
    if (closing && (!last || closing.at > last.at)) last = { item, at: closing.at };
  }
  return last ? [last.item] : [];
}

function choiceCard(turn: Turn, op: Op, items: readonly ActionItem[], reader: Reader): Card {
  return renderCard('item-choice', {
    question: turn.t('item.reply.which'),
    verb: VERB_OF[op.kind],
    text: op.kind === 'progress' ? op.text : 'reason' in op ? op.reason : '',
    days: op.kind === 'snooze' ? op.days : 0,
    choices: items.map((item) => ({ title: itemHeading(item, reader), itemId: item.id })),
  });
}

function wordReply(services: ItemUses, kind: Op['kind'], patterns: readonly RegExp[]): CommandSpec {
  return {
    id: `item.reply.${kind}`,
    words: { ja: [], en: [] },
    patterns,
    summary: 'item.cmd.reply',
    allowed: Audience.directory,
    hidden: true,
    handle: async (turn) => {
      const until = turn.groups['date'];
      const asked = until ? daysUntil(services, turn, until) : undefined;
      if (asked && !asked.ok) return turn.reply(asked.problem);
      const op: Op = asked?.ok ? { kind: 'snooze', days: asked.days } : opFrom(kind, turn.groups);
      // 「進捗:」 with nothing after it: ask for the note before asking which item.
      if (op.kind === 'progress' && op.text.trim() === '')
        return turn.reply(await problemText(services, turn, 'noteMissing', undefined));
      if (op.kind === 'block' && op.reason.trim() === '')
        return turn.reply(await problemText(services, turn, 'reasonMissing', undefined));
      const number = turn.groups['n'] ?? turn.groups['n2'];
      let item: ActionItem | undefined;
      if (number) {
        item = await services.items.find(number);
        if (!item) return turn.reply(turn.t('item.error.notFound', { ref: `#${number}` }));
      } else {
        const possible =
          kind === 'reopen'
            ? await closedCandidates(services, turn.actor)
            : await candidates(services, turn.actor);
        if (possible.length === 0)
          return turn.reply(
            turn.t(kind === 'reopen' ? 'item.reopen.nothing' : 'item.reply.nothing'),
          );
        if (possible.length > 1) {
          return turn.reply({
            card: choiceCard(turn, op, possible, readerOf(services, turn)),
            summary: turn.t('item.reply.which'),
          });
        }
        item = possible[0];
      }
      if (!item) return;
      const done = await perform(services, turn, item, op);
      if (!done.undo) return turn.reply(done.notice.text);
      await turn.reply({
        card: undoCard(done.notice.text, done.item, readerOf(services, turn)),
        summary: done.notice.text,
      });
    },
  };
}

/** The word replies (完了, 進捗: …, 3日延期, 再開), one per thing an owner may do. */
export function wordReplies(services: ItemUses): CommandSpec[] {
  return REPLY_PATTERNS.map(({ kind, patterns }) => wordReply(services, kind, patterns));
}

/** The owner's buttons on a ping, a detail or a choice card. */
export function ownerActions(services: ItemUses): ActionSpec[] {
  const ownerVerb = (
    kind: Op['kind'],
    read: (turn: ActionTurn, item: ActionItem) => Op,
  ): ActionSpec => ({
    verb: VERB_OF[kind],
    allowed: Audience.directory,
    handle: async (turn) => {
      const item = await itemOf(services, turn);
      if (!item) return notFound(turn);
      const done = await perform(services, turn, item, read(turn, item));
      return redraw(services, turn, done.item, done.notice, done.undo);
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
    // "Undo" after Done or a cancel, and a choice after a bare 再開.
    ownerVerb('reopen', (turn) => ({ kind: 'reopen', reason: textOf(turn.data, 'text') })),
  ];
}
