import { renderCard, type Card } from '../cards/card.js';
import { plainText } from '../cards/plain-text.js';
import { allows, Audience, type Role } from '../domain/roles.js';
import type { MessageKey } from '../i18n/catalog.js';
import { formatMoment } from '../i18n/dates.js';
import type { ActionItem } from '../items/item.js';
import { itemAsSeenBy } from '../items/visibility.js';
import { dueText, statusText } from '../items/views.js';
import { when } from '../meetings/cards.js';
import type { Meeting } from '../meetings/meeting.js';
import { inLocale, type Survey } from '../surveys/survey.js';
import type { ExtensionDeps, ExtensionTurn } from './deps.js';
import { dashboardDeepLink, type HonbuTarget } from '../tab/deep-link.js';
import { baseUrlOf, targetOf } from './links.js';

/** A pasted link's card, and the line Teams shows while composing. */
export interface LinkPreview {
  readonly card: Card;
  readonly preview: { readonly title: string; readonly text: string };
}

interface Shown {
  readonly title: string;
  readonly facts?: ReadonlyArray<{ readonly label: string; readonly value: string }>;
  readonly lines?: readonly string[];
  /** Only what the reader may open gets the button. */
  readonly target?: HonbuTarget;
}

/**
 * Honbu's own links, pasted into any conversation, unfurl into a card. What
 * the card says follows the same rules as chat: an item through the items
 * visibility rule, a meeting for the directory, survey results for the chair
 * and the secretariat. Whoever may not see the thing gets a card saying so,
 * and nothing of its content.
 */
export class LinkPreviews {
  constructor(private readonly deps: ExtensionDeps) {}

  /** undefined: not a Honbu link (Teams then shows its own preview). */
  async preview(turn: ExtensionTurn, link: string): Promise<LinkPreview | undefined> {
    const base = baseUrlOf(this.deps.config);
    const target = targetOf(link, base);
    if (!target) return undefined;
    const shown = await this.show(turn, target);
    return this.render(turn, shown ?? missing(turn), base);
  }

  private async show(turn: ExtensionTurn, target: HonbuTarget): Promise<Shown | undefined> {
    if (target.kind === 'item') {
      const item = await this.deps.items.find(`#${target.number}`);
      return item ? this.item(turn, item) : undefined;
    }
    if (target.kind === 'meeting') {
      const meeting = await this.deps.meetings.get(target.id);
      if (!meeting) return undefined;
      return seenBy(turn, Audience.directory, 'ext.link.hidden.meeting', () =>
        this.meeting(turn, meeting, target),
      );
    }
    const survey = await this.deps.surveys.find(target.ref);
    if (!survey) return undefined;
    return seenBy(turn, Audience.staff, 'ext.link.hidden.survey', () => this.survey(turn, survey));
  }

  private async item(turn: ExtensionTurn, stored: ActionItem): Promise<Shown> {
    const personDepartment =
      stored.owner.kind === 'person'
        ? (await this.deps.directory.findByUpn(stored.owner.personId))?.departmentId
        : undefined;
    const item = itemAsSeenBy(turn.actor, stored, personDepartment);
    if (!item) return hidden(turn, turn.t('ext.link.hidden.item', { number: stored.number }));
    const [view] = await this.deps.items.viewsOf([item]);
    const reader = { locale: turn.locale, t: turn.t, timeZone: this.deps.config.timeZone };
    return {
      title: turn.t('ext.link.item.title', { number: item.number, title: plainText(item.title) }),
      facts: [
        { label: turn.t('ext.link.item.owner'), value: view?.ownerName[turn.locale] ?? '' },
        { label: turn.t('ext.link.item.status'), value: statusText(item, reader) },
        ...(view
          ? [{ label: turn.t('ext.link.item.due'), value: dueText(view.due, view.overdue, reader) }]
          : []),
      ],
      lines: item.detail ? [plainText(item.detail)] : [],
      target: { kind: 'item', number: item.number },
    };
  }

  private meeting(turn: ExtensionTurn, meeting: Meeting, target: HonbuTarget): Shown {
    const context = { locale: turn.locale, timeZone: this.deps.config.timeZone };
    return {
      title: plainText(meeting.title),
      facts: [
        { label: turn.t('ext.link.meeting.when'), value: when(meeting, context) },
        ...(meeting.place
          ? [{ label: turn.t('ext.link.meeting.place'), value: plainText(meeting.place) }]
          : []),
      ],
      lines: meeting.agenda.map((a) =>
        turn.t('meeting.agendaItem', { number: a.number, title: plainText(a.title) }),
      ),
      target,
    };
  }

  private async survey(turn: ExtensionTurn, survey: Survey): Promise<Shown> {
    const answered = (await this.deps.surveys.repository.answeredDepartments(survey)).length;
    return {
      title: turn.t('ext.link.survey.title', {
        number: survey.number,
        title: plainText(inLocale(survey.title, turn.locale)),
      }),
      facts: [
        {
          label: turn.t('ext.link.survey.answered'),
          value: turn.t('ext.link.survey.answeredValue', {
            answered,
            total: survey.audience.length,
          }),
        },
        ...(survey.deadline
          ? [
              {
                label: turn.t('ext.link.survey.deadline'),
                value: formatMoment(
                  new Date(survey.deadline),
                  turn.locale,
                  this.deps.config.timeZone,
                ),
              },
            ]
          : []),
      ],
      target: { kind: 'survey', ref: String(survey.number) },
    };
  }

  private render(turn: ExtensionTurn, shown: Shown, base: string): LinkPreview {
    const facts = shown.facts ?? [];
    const lines = shown.lines ?? [];
    const link = shown.target
      ? dashboardDeepLink(base, this.deps.config.botAuth.appId, shown.target)
      : '';
    const card = renderCard('extension-link', {
      title: shown.title,
      hasFacts: facts.length > 0,
      facts,
      hasLines: lines.length > 0,
      lines: lines.map((text) => ({ text })),
      hasLink: link !== '',
      link,
      linkLabel: turn.t('ext.link.open'),
    });
    const text = facts.map((f) => `${f.label}: ${f.value}`).join(' · ') || lines[0] || '';
    return { card, preview: { title: shown.title, text } };
  }
}

/** What the thing shows to those its audience includes; to anyone else, that it is hidden. */
function seenBy(
  turn: ExtensionTurn,
  audience: readonly Role[],
  hiddenText: MessageKey,
  show: () => Shown | Promise<Shown>,
): Shown | Promise<Shown> {
  return allows(audience, turn.actor.role) ? show() : hidden(turn, turn.t(hiddenText));
}

function hidden(turn: ExtensionTurn, text: string): Shown {
  return { title: turn.t('ext.link.hidden.title'), lines: [text] };
}

function missing(turn: ExtensionTurn): Shown {
  return { title: turn.t('ext.link.missing.title'), lines: [turn.t('ext.link.missing.text')] };
}
