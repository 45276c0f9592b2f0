import type { MinutesUses } from './deps.js';
import type { Turn } from '../app/turn.js';
import { renderCard, type Card } from '../cards/card.js';
import { formatTimeRange, formatMoment } from '../i18n/dates.js';
import { EVERY_DEPARTMENT } from '../items/service.js';
import { ownerValue } from '../items/form.js';
import type { Meeting } from '../meetings/meeting.js';
import { inLocale, type PolicyEntry } from '../policy/model.js';
import { formatPolicyDate } from '../i18n/dates.js';
import type { MinutesImport } from './imports.js';
import type { DraftDue, DraftItem, DraftOwner, DraftPolicyChange, MinutesHeader } from './model.js';

/**
 * Teams refuses a message over about 28 KB: the drafts go on cards of eight
 * (each card saves its own), and past six cards the rest are added by hand.
 */
export const ITEMS_PER_CARD = 8;
export const MAX_CARDS = 6;
const QUOTE_SHOWN = 160;

export const inputIds = {
  on: (i: number) => `minutes.item.${i}.on`,
  title: (i: number) => `minutes.item.${i}.title`,
  owner: (i: number) => `minutes.item.${i}.owner`,
  due: (i: number) => `minutes.item.${i}.due`,
  policy: (i: number) => `minutes.policy.${i}.on`,
};

interface Fact {
  readonly title: string;
  readonly value: string;
}

function ownerChoiceOf(owner: DraftOwner): string {
  if (owner.kind === 'every') return ownerValue(EVERY_DEPARTMENT);
  if (owner.kind === 'department')
    return ownerValue({ kind: 'department', departmentId: owner.departmentId });
  return '';
}

/** The due as the field shows it; a due the minutes do not state is the next meeting (the chair's rule). */
function dueText(due: DraftDue, turn: Pick<Turn, 't'>): string {
  if (due.kind === 'date') return due.date;
  if (due.kind === 'asap') return turn.t('minutes.due.asap');
  return turn.t('minutes.due.next');
}

function shorten(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

function headerFacts(
  header: MinutesHeader,
  meeting: Meeting | undefined,
  turn: Pick<Turn, 't' | 'locale'>,
  timeZone: string,
): Fact[] {
  const t = turn.t;
  const none = t('minutes.review.none');
  const level = (d: { level: string; reason?: string } | undefined) =>
    d
      ? d.reason
        ? t('meeting.disclosure.withReason', {
            level: t(`meeting.disclosure.${d.level as 'public' | 'closed' | 'partial'}`),
            reason: d.reason,
          })
        : t(`meeting.disclosure.${d.level as 'public' | 'closed' | 'partial'}`)
      : t('minutes.review.notRead');
  const people = header.attendees.flatMap((g) => g.people);
  const names = (list: typeof people) =>
    list.map((p) => (p.standsInFor ? `${p.name}（${p.standsInFor}代理）` : p.name)).join('、');
  return [
    { title: t('minutes.review.meeting'), value: header.title },
    {
      title: '',
      value: meeting
        ? t('minutes.review.meetingExisting', { number: meeting.number, title: meeting.title })
        : t('minutes.review.meetingNew'),
    },
    {
      title: t('minutes.review.when'),
      value: header.startsAt
        ? formatTimeRange(new Date(header.startsAt), new Date(header.endsAt), turn.locale, timeZone)
        : header.date,
    },
    { title: t('minutes.review.place'), value: header.place || t('minutes.review.notRead') },
    {
      title: t('minutes.review.secretariat'),
      value: header.secretariat || t('minutes.review.notRead'),
    },
    {
      title: t('minutes.review.agenda'),
      value: header.agenda.map((a) => `（${a.number}）${a.title}`).join(' ') || none,
    },
    {
      title: `${t('minutes.review.disclosure')}（${t('meeting.disclosure.meeting')}）`,
      value: level(header.disclosure.meeting),
    },
    {
      title: `${t('minutes.review.disclosure')}（${t('meeting.disclosure.minutes')}）`,
      value: level(header.disclosure.minutes),
    },
    { title: t('minutes.review.attendees'), value: names(people) || none },
    { title: t('minutes.review.absentees'), value: names([...header.absentees]) || none },
    {
      title: t('minutes.review.materials'),
      value:
        header.materials.map((m) => `${m.id}${m.id ? '：' : ''}${m.title}`).join(' / ') || none,
    },
  ];
}

function itemRow(item: DraftItem, index: number, turn: Pick<Turn, 't'>) {
  const first = item.quotes[0];
  return {
    toggleId: inputIds.on(index),
    toggleTitle: turn.t('minutes.review.include', { number: index + 1 }),
    on: 'true',
    titleId: inputIds.title(index),
    title: item.title,
    ownerId: inputIds.owner(index),
    owner: ownerChoiceOf(item.owner),
    dueId: inputIds.due(index),
    due: dueText(item.due, turn),
    source: turn.t('minutes.review.source', {
      speaker: first?.speaker ?? '',
      quote: shorten(item.quotes.map((q) => q.text).join('／'), QUOTE_SHOWN),
    }),
    report: item.reportAtNextMeeting ? turn.t('minutes.review.report') : '',
  };
}

function policyRow(
  change: DraftPolicyChange,
  index: number,
  current: PolicyEntry | undefined,
  turn: Pick<Turn, 't' | 'locale'>,
) {
  const t = turn.t;
  const state = (status: string, scope: string | undefined, since: string | undefined) =>
    [
      t(`policy.status.${status as 'approved'}`),
      scope ? t(`policy.scope.${scope as 'all'}`) : '',
      since ? t('minutes.review.since', { date: formatPolicyDate(since, turn.locale) }) : '',
    ]
      .filter(Boolean)
      .join(' · ');
  return {
    toggleId: inputIds.policy(index),
    toggleTitle: t(current ? 'minutes.review.policyInclude' : 'minutes.review.policyNewInclude', {
      number: index + 1,
    }),
    on: 'true',
    current: current
      ? `${inLocale(current.content.title, turn.locale)}：${state(current.content.status, current.content.scope, current.content.since)}`
      : t('minutes.review.noCurrent'),
    draft: `${change.about}：${state(change.status, change.scope ?? current?.content.scope, change.since)}`,
    source: t('minutes.review.source', {
      speaker: change.quote.speaker,
      quote: shorten(change.quote.text, QUOTE_SHOWN),
    }),
  };
}

/** The drafts a card shows: those from `from`, at most ITEMS_PER_CARD. */
export function pageOf(items: readonly DraftItem[], from: number): number[] {
  return items.map((_, i) => i).slice(from, from + ITEMS_PER_CARD);
}

/**
 * The review cards: the header, each draft item and policy change, nothing
 * saved yet. Long minutes give several cards; the first has the policy changes.
 */
export async function reviewCards(
  services: MinutesUses,
  record: MinutesImport,
  meeting: Meeting | undefined,
  turn: Pick<Turn, 't' | 'locale'>,
): Promise<Card[]> {
  const t = turn.t;
  const timeZone = services.config.timeZone;
  const departments = await services.directory.listDepartments();
  const pages = Math.min(MAX_CARDS, Math.max(1, Math.ceil(record.items.length / ITEMS_PER_CARD)));
  const hidden = record.items.length - pages * ITEMS_PER_CARD;
  const entries = await Promise.all(
    record.policyChanges.map((c) => (c.entryId ? services.policies.get(c.entryId) : undefined)),
  );
  const facts = headerFacts(record.header, meeting, turn, timeZone);
  const ownerChoices = [
    { title: t('minutes.owner.every'), value: ownerValue(EVERY_DEPARTMENT) },
    ...departments.map((d) => ({
      title: d.name[turn.locale],
      value: ownerValue({ kind: 'department', departmentId: d.id }),
    })),
  ];
  return Array.from({ length: pages }, (_, page) => {
    const from = page * ITEMS_PER_CARD;
    const last = page === pages - 1;
    return renderCard('minutes-review', {
      heading: `${t('minutes.review.heading')}${pages > 1 ? t('minutes.review.page', { page: page + 1, pages }) : ''}`,
      intro: page === 0 ? t('minutes.review.intro') : '',
      notice:
        page === 0 && record.applied
          ? t('minutes.review.again', {
              date: formatMoment(new Date(record.applied.at), turn.locale, timeZone),
            })
          : '',
      facts: page === 0 ? facts : facts.slice(0, 1),
      itemsHeading: t('minutes.review.items', { count: record.items.length }),
      noItems:
        record.items.length === 0
          ? t('minutes.review.noItems')
          : last && hidden > 0
            ? t('minutes.review.more', { count: hidden })
            : '',
      items: pageOf(record.items, from).map((i) => itemRow(record.items[i] as DraftItem, i, turn)),
      ownerChoices,
      labels: {
        title: t('minutes.review.title'),
        owner: t('minutes.review.owner'),
        due: t('minutes.review.due'),
        duePlaceholder: t('minutes.review.duePlaceholder'),
        current: t('minutes.review.current'),
        draft: t('minutes.review.draft'),
      },
      policiesHeading: t('minutes.review.policies', { count: record.policyChanges.length }),
      policies:
        page === 0
          ? record.policyChanges.map((change, i) => policyRow(change, i, entries[i], turn))
          : [],
      confirm: t('minutes.review.confirm'),
      discard: t('minutes.review.discard'),
      importId: record.id,
      from,
    });
  });
}
