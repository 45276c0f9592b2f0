import type { Actor } from '../domain/directory.js';
import type { Locale } from '../i18n/locale.js';
import { translator, type Translate } from '../i18n/translate.js';
import { actorId, type ItemView } from '../items/service.js';
import { itemAccess } from '../items/visibility.js';
import { dueText, statusText } from '../items/views.js';
import { when } from '../meetings/cards.js';
import type { Meeting } from '../meetings/meeting.js';
import type { Collection } from '../store/document-store.js';
import type { ExtensionDeps } from './deps.js';
import type { MeetingChat } from './meeting-chat.js';
import type { PanelItem, PanelView } from './panel-view.js';

export type PanelAnswer =
  | { readonly ok: true; readonly view: PanelView }
  | { readonly ok: false; readonly status: 403 | 404; readonly message: string };

interface ReportMark {
  /** `${meetingId}:${itemId}`. */
  readonly id: string;
  readonly by: string;
  readonly at: string;
}

/**
 * The meeting side panel: the agenda of the Honbu meeting this Teams meeting
 * chat is linked to, and the action items that come back at it, with their
 * status. The owner marks an item reported here; that is kept per meeting and
 * written as a progress note, so the item's history says so too.
 */
export class MeetingPanel {
  private readonly marks: Collection<ReportMark>;

  constructor(
    private readonly deps: ExtensionDeps,
    private readonly chat: MeetingChat,
  ) {
    this.marks = deps.store.collection<ReportMark>('extensionReportMarks');
  }

  async view(actor: Actor, locale: Locale, chatId: string, notice?: string): Promise<PanelAnswer> {
    const t = translator(locale);
    if (actor.role === 'guest') return { ok: false, status: 403, message: t('notAllowed.guest') };
    const meeting = await this.chat.meetingOf({ conversationId: chatId });
    if (!meeting) return { ok: false, status: 404, message: t('ext.panel.noMeeting') };
    const summary = await this.deps.items.summaryFor(meeting.id);
    const views = summary ? [...summary.late, ...summary.open, ...summary.done] : [];
    const items: PanelItem[] = [];
    for (const view of views) items.push(await this.itemOf(actor, t, locale, meeting, view));
    return {
      ok: true,
      view: {
        title: meeting.title,
        when: when(meeting, { locale, timeZone: this.deps.config.timeZone }),
        agendaHeading: t('ext.panel.agenda'),
        agenda: meeting.agenda.map((a) =>
          t('meeting.agendaItem', { number: a.number, title: a.title }),
        ),
        itemsHeading: t('ext.panel.items'),
        items,
        empty: t('ext.panel.noItems'),
        reportLabel: t('ext.panel.report'),
        reportedLabel: t('ext.panel.reported'),
        ...(notice ? { notice } : {}),
      },
    };
  }

  async markReported(
    actor: Actor,
    locale: Locale,
    chatId: string,
    itemId: string,
  ): Promise<PanelAnswer> {
    const t = translator(locale);
    const current = await this.view(actor, locale, chatId);
    if (!current.ok) return current;
    const item = current.view.items.find((i) => i.id === itemId);
    if (!item?.canReport) return { ok: false, status: 403, message: t('ext.panel.notYours') };
    const meeting = await this.chat.meetingOf({ conversationId: chatId });
    if (!meeting) return { ok: false, status: 404, message: t('ext.panel.noMeeting') };
    if (!item.reported) {
      const note = translator('ja')('ext.panel.reportedNote', { number: meeting.number });
      const noted = await this.deps.items.addProgress(itemId, note, actor);
      if (!noted.ok && noted.reason !== 'closed')
        return { ok: false, status: 403, message: t('ext.panel.notYours') };
      await this.marks.update(`${meeting.id}:${itemId}`, (mark) =>
        mark
          ? undefined
          : {
              id: `${meeting.id}:${itemId}`,
              by: actorId(actor),
              at: this.deps.clock.now().toISOString(),
            },
      );
    }
    return this.view(
      actor,
      locale,
      chatId,
      t('ext.panel.markedReported', { heading: item.heading }),
    );
  }

  private async itemOf(
    actor: Actor,
    t: Translate,
    locale: Locale,
    meeting: Meeting,
    view: ItemView,
  ): Promise<PanelItem> {
    const { item } = view;
    const reader = { locale, t, timeZone: this.deps.config.timeZone };
    const personDepartment =
      item.owner.kind === 'person'
        ? (await this.deps.directory.findByUpn(item.owner.personId))?.departmentId
        : undefined;
    const reported = Boolean(await this.marks.get(`${meeting.id}:${item.id}`));
    const tone =
      item.status === 'done'
        ? 'good'
        : view.overdue
          ? 'alert'
          : item.status === 'blocked'
            ? 'warning'
            : 'neutral';
    return {
      id: item.id,
      heading: `#${item.number} ${item.title}`,
      facts: `${view.ownerName[locale]} · ${dueText(view.due, view.overdue, reader)}`,
      status: statusText(item, reader),
      tone,
      reported,
      canReport: itemAccess(actor, item, personDepartment) === 'full',
    };
  }
}
