import { renderCard, type Card } from '../cards/card.js';
import { plainText } from '../cards/plain-text.js';
import type { Person } from '../domain/directory.js';
import { allows, Audience } from '../domain/roles.js';
import { LIMITS, type Due, type ItemDraft, type Owner } from '../items/item.js';
import type { ItemProblem } from '../items/service.js';
import { dayText, dueText } from '../items/views.js';
import type { ExtensionDeps, ExtensionTurn } from './deps.js';
import { firstLine } from './message-text.js';

/** The message a "make this an action item" starts from, as Teams describes it. */
export interface SourceMessage {
  readonly text: string;
  /** The message's own link (linkToMessage). */
  readonly link?: string;
  /** The author's Azure AD object id, to find their department. */
  readonly authorAadObjectId?: string;
}

/** What the dialog answers: the form (again, with what was wrong), or what was done. */
export type TaskStep =
  | { readonly kind: 'form'; readonly title: string; readonly card: Card }
  | { readonly kind: 'done'; readonly message: string };

/** Short enough that the source line still fits in the item's detail. */
const PREFILL_DETAIL = LIMITS.detail - 300;
const TITLE_PREFILL = 80;
const NEXT_MEETING = 'next:';
const BY_DATE = 'date';

interface FormValues {
  readonly title: string;
  readonly detail: string;
  readonly owner: string;
  readonly due: string;
  readonly dueDate: string;
  readonly source: string;
}

const ownerValue = (owner: Owner) =>
  owner.kind === 'department' ? `department:${owner.departmentId}` : `person:${owner.personId}`;

function ownerOf(value: string): Owner | undefined {
  const [kind, ...rest] = value.split(':');
  const id = rest.join(':');
  if (!id) return undefined;
  if (kind === 'department') return { kind: 'department', departmentId: id };
  if (kind === 'person') return { kind: 'person', personId: id };
  return undefined;
}

/**
 * "Make this an action item" (a message's ⋯ menu) and "New action item" (the
 * compose box): one form, filled from the message, that creates the item
 * through the items service, so the usual rules, numbering and pings apply.
 */
export class ItemFromMessage {
  constructor(private readonly deps: ExtensionDeps) {}

  /** Chair and secretariat create items, as in chat. */
  mayCreate(turn: ExtensionTurn): boolean {
    return allows(Audience.staff, turn.actor.role);
  }

  async open(turn: ExtensionTurn, message: SourceMessage | undefined): Promise<TaskStep> {
    const title = turn.t(message ? 'ext.item.fromMessageTitle' : 'ext.item.newTitle');
    if (!this.mayCreate(turn)) return { kind: 'form', title, card: refusal(turn) };
    const author = message?.authorAadObjectId
      ? await this.deps.directory.findByAadObjectId(message.authorAadObjectId)
      : undefined;
    const ownerDepartment = headsDepartment(author);
    const next = await this.deps.meetings.next();
    const text = message?.text ?? '';
    const values: FormValues = {
      title: firstLine(text, TITLE_PREFILL),
      detail: [...text].slice(0, PREFILL_DETAIL).join(''),
      owner: ownerDepartment
        ? ownerValue({ kind: 'department', departmentId: ownerDepartment })
        : '',
      due: next ? `${NEXT_MEETING}${next.id}` : BY_DATE,
      dueDate: '',
      source: message?.link ?? '',
    };
    const note = ownerDepartment && author ? author.name[turn.locale] : undefined;
    return { kind: 'form', title, card: await this.form(turn, values, undefined, note) };
  }

  async submit(
    turn: ExtensionTurn,
    data: Readonly<Record<string, unknown>>,
    fromMessage: boolean,
  ): Promise<TaskStep> {
    const title = turn.t(fromMessage ? 'ext.item.fromMessageTitle' : 'ext.item.newTitle');
    if (!this.mayCreate(turn)) return { kind: 'form', title, card: refusal(turn) };
    const values: FormValues = {
      title: textOf(data, 'title').trim(),
      detail: textOf(data, 'detail').trim(),
      owner: textOf(data, 'owner'),
      due: textOf(data, 'due'),
      dueDate: textOf(data, 'dueDate'),
      source: safeLink(textOf(data, 'source')),
    };
    const again = async (error: string): Promise<TaskStep> => ({
      kind: 'form',
      title,
      card: await this.form(turn, values, error),
    });
    const owner = ownerOf(values.owner);
    if (!owner) return again(turn.t('ext.item.ownerMissing'));
    const due = dueOf(values);
    if (!due) return again(turn.t('ext.item.dateMissing'));
    const sourceLine = values.source ? turn.t('ext.item.sourceLine', { link: values.source }) : '';
    const draft: ItemDraft = {
      title: values.title,
      detail: [values.detail, sourceLine].filter(Boolean).join('\n\n'),
      owner,
      due,
    };
    const created = await this.deps.items.create(draft, turn.actor);
    if (!created.ok) return again(problemText(turn, created.reason));
    const [view] = await this.deps.items.viewsOf([created.item]);
    const reader = { locale: turn.locale, t: turn.t, timeZone: this.deps.config.timeZone };
    return {
      kind: 'done',
      message: turn.t('ext.item.created', {
        number: created.item.number,
        title: created.item.title,
        owner: view?.ownerName[turn.locale] ?? '',
        due: view ? dueText(view.due, false, reader) : '',
      }),
    };
  }

  private async form(
    turn: ExtensionTurn,
    values: FormValues,
    error?: string,
    authorName?: string,
  ): Promise<Card> {
    const departments = await this.deps.directory.listDepartments();
    const people = (await this.deps.directory.listPeople()).filter((p) => p.role !== 'chair');
    const next = await this.deps.meetings.next();
    const nextDate = next ? this.deps.items.today(new Date(next.startsAt)) : undefined;
    const { t } = turn;
    return renderCard('extension-item-form', {
      hasError: error !== undefined,
      error: error ?? '',
      labels: {
        title: t('ext.item.field.title'),
        titleMissing: t('item.error.titleMissing'),
        detail: t('ext.item.field.detail'),
        owner: t('ext.item.field.owner'),
        ownerPlaceholder: t('ext.item.field.ownerPlaceholder'),
        ownerMissing: t('ext.item.ownerMissing'),
        due: t('ext.item.field.due'),
        dueMissing: t('ext.item.dueMissing'),
        date: t('ext.item.field.date'),
        source: t('ext.item.field.source'),
        submit: t('ext.item.submit'),
      },
      values,
      ownerChoices: [
        ...departments.map((d) => ({
          title: d.name[turn.locale],
          value: ownerValue({ kind: 'department', departmentId: d.id }),
        })),
        ...people.map((p) => ({
          title: t('ext.item.ownerPerson', { name: p.name[turn.locale] }),
          value: ownerValue({ kind: 'person', personId: p.id }),
        })),
      ],
      hasOwnerNote: authorName !== undefined,
      ownerNote: authorName ? t('ext.item.ownerFromAuthor', { name: authorName }) : '',
      dueChoices: [
        ...(next && nextDate
          ? [
              {
                title: t('ext.item.due.nextMeeting', { date: dayText(nextDate, turn) }),
                value: `${NEXT_MEETING}${next.id}`,
              },
            ]
          : []),
        { title: t('ext.item.due.date'), value: BY_DATE },
      ],
      hasSource: values.source !== '',
      sourceText: plainText(values.source),
    });
  }
}

/** A head or delegate's department: "the author's department as owner if they are a head". */
function headsDepartment(person: Person | undefined): string | undefined {
  if (!person || (person.role !== 'member' && person.role !== 'delegate')) return undefined;
  return person.departmentId;
}

function dueOf(values: FormValues): Due | undefined {
  if (values.due.startsWith(NEXT_MEETING))
    return { kind: 'nextMeeting', meetingId: values.due.slice(NEXT_MEETING.length) };
  if (!values.dueDate) return undefined;
  return { kind: 'date', date: values.dueDate };
}

/** Only a web link is kept as the source: the form's hidden value comes back from the client. */
function safeLink(text: string): string {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : '';
  } catch {
    return '';
  }
}

function textOf(data: Readonly<Record<string, unknown>>, key: string): string {
  const value = data[key];
  return typeof value === 'string' ? value : '';
}

function problemText(turn: ExtensionTurn, reason: ItemProblem): string {
  switch (reason) {
    case 'titleMissing':
    case 'badDate':
    case 'unknownMeeting':
    case 'unknownOwner':
      return turn.t(`item.error.${reason}`);
    case 'titleTooLong':
      return turn.t('item.error.titleTooLong', { max: LIMITS.title });
    case 'detailTooLong':
      return turn.t('item.error.detailTooLong', { max: LIMITS.detail });
    default:
      return refusalText(turn);
  }
}

/** Said to whoever may not create items: what they can do, in the words chat uses. */
export function refusalText(turn: ExtensionTurn): string {
  if (turn.actor.role === 'guest') return turn.t('notAllowed.guest');
  const roles = Audience.staff.map((r) => turn.t(`role.${r}`));
  const list = new Intl.ListFormat(turn.locale, { type: 'disjunction' }).format(roles);
  return turn.t('notAllowed', { roles: list });
}

function refusal(turn: ExtensionTurn): Card {
  return renderCard('extension-notice', {
    title: turn.t('ext.item.refused.title'),
    text: refusalText(turn),
    hasLink: false,
    link: '',
    linkLabel: '',
  });
}
