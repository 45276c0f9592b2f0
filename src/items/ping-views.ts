import { plainText } from '../cards/plain-text.js';
import { renderCard, type Card } from '../cards/card.js';
import { formatMoment } from '../i18n/dates.js';
import type { Meeting } from '../meetings/meeting.js';
import type { DashboardLink } from '../tab/deep-link.js';
import type { DailyPlan } from './ping-plans.js';
import type { ItemView } from './queries.js';
import { dueText, itemHeading, statusText, type Reader } from './views.js';

// The secretariat's cards of the pings; the owners' ping card is pingCard in views.ts.

/** "Planned for …": said on a card whose run went out well after it was planned. */
export function lateText(planned: Date, reader: Reader): string {
  return reader.t('pings.late', {
    planned: formatMoment(planned, reader.locale, reader.timeZone),
  });
}

/** Most items the escalation card lists; the secretariat's item list has the rest. */
const MAX_ESCALATED_PER_CARD = 15;

/** The first rows a card has room for, and how many are left out. */
function capped<T>(rows: readonly T[]): { shown: readonly T[]; more: number } {
  const shown = rows.slice(0, MAX_ESCALATED_PER_CARD);
  return { shown, more: rows.length - shown.length };
}

/** The secretariat's daily list of items overdue by the threshold or more. */
export function escalationCard(
  escalated: DailyPlan['escalated'],
  reader: Reader,
  threshold: number,
  at: Date,
  late?: Date,
  /** Each item's "Open in dashboard" link (none without one). */
  dashboardLink?: DashboardLink,
): Card {
  const { t } = reader;
  const { shown, more } = capped(escalated);
  return renderCard('items-escalation', {
    title: t('pings.escalation.title', { days: threshold }),
    intro: t('pings.escalation.intro', { count: escalated.length, days: threshold }),
    late: late ? lateText(late, reader) : '',
    items: shown.map(({ view, businessDaysLate }) => {
      const { item } = view;
      const facts = [
        { title: t('item.fact.owner'), value: view.ownerName[reader.locale] },
        { title: t('item.fact.due'), value: dueText(view.due, view.overdue, reader) },
        {
          title: t('pings.fact.late'),
          value: t('pings.escalation.late', { days: businessDaysLate }),
        },
        { title: t('item.fact.status'), value: statusText(item, reader) },
      ];
      if (item.blockedReason)
        facts.push({ title: t('item.fact.blocked'), value: plainText(item.blockedReason) });
      const last = item.progress.at(-1);
      if (last) facts.push({ title: t('pings.fact.lastProgress'), value: plainText(last.text) });
      if (item.snoozedUntil && new Date(item.snoozedUntil) > at)
        facts.push({
          title: t('item.fact.snoozed'),
          value: formatMoment(new Date(item.snoozedUntil), reader.locale, reader.timeZone),
        });
      return {
        id: item.id,
        heading: itemHeading(item, reader),
        facts,
        dashboardUrl: dashboardLink?.({ kind: 'item', number: item.number }),
      };
    }),
    more: more > 0 ? t('pings.escalation.more', { count: more }) : '',
    labels: { show: t('item.button.show'), dashboard: t('tab.open') },
  });
}

/**
 * The secretariat's one notice about a cancelled meeting: the open items that
 * were due at it, which now have no due, each with the command that sets one.
 */
export function meetingCancelledCard(
  views: readonly ItemView[],
  meeting: Meeting,
  reader: Reader,
  late?: Date,
): Card {
  const { shown, more } = capped(views);
  const { t } = reader;
  return renderCard('items-escalation', {
    title: t('pings.cancelled.title'),
    intro: t('pings.cancelled.intro', {
      meeting: meeting.title,
      when: formatMoment(new Date(meeting.startsAt), reader.locale, reader.timeZone),
      count: views.length,
    }),
    late: late ? lateText(late, reader) : '',
    items: shown.map((view) => {
      const { item } = view;
      return {
        id: item.id,
        heading: itemHeading(item, reader),
        facts: [
          { title: t('item.fact.owner'), value: view.ownerName[reader.locale] },
          { title: t('item.fact.due'), value: dueText(view.due, view.overdue, reader) },
          { title: t('item.fact.status'), value: statusText(item, reader) },
          {
            title: t('pings.cancelled.fact'),
            value: t('pings.cancelled.edit', { number: item.number }),
          },
        ],
      };
    }),
    more: more > 0 ? t('pings.escalation.more', { count: more }) : '',
    labels: { show: t('item.button.show') },
  });
}
