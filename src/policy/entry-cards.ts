import { renderCard } from '../cards/card.js';
import { formatDateTime } from '../i18n/dates.js';
import { choices, scopeName, statusName, type CardContext, type CardMessage } from './cards.js';
import { inLocale, type PolicyEntry } from './model.js';

// The secretariat's cards for the entries themselves: the list, the add/edit
// form and the history.

const LIST_LIMIT = 30;

/** The secretariat's list of entries with edit, history and retire on each. */
export function listCard(
  ctx: CardContext,
  entries: readonly PolicyEntry[],
  options: { filter?: string; notice?: string } = {},
): CardMessage {
  const active = entries.filter((e) => e.active);
  const retired = entries.filter((e) => !e.active);
  const shown = active.slice(0, LIST_LIMIT);
  const notes: string[] = [];
  if (options.filter)
    notes.push(ctx.t('policy.list.filtered', { filter: options.filter, count: active.length }));
  if (active.length > shown.length)
    notes.push(ctx.t('policy.list.truncated', { shown: LIST_LIMIT }));
  if (entries.length === 0) notes.push(ctx.t('policy.list.empty'));
  const title = ctx.t('policy.list.title', { count: active.length });
  const card = renderCard('policy-list', {
    title,
    note: notes.join(' '),
    hasNote: notes.length > 0,
    notice: options.notice ?? '',
    hasNotice: options.notice !== undefined,
    entries: shown.map((e) => ({
      id: e.id,
      version: e.version,
      title: inLocale(e.content.title, ctx.locale),
      summary: ctx.t('policy.list.summary', {
        id: e.id,
        status: statusName(ctx, e.content.status),
        scope: scopeName(ctx, e.content.scope),
        version: e.version,
      }),
      answer: inLocale(e.content.answer, ctx.locale),
      editLabel: ctx.t('policy.list.edit'),
      historyLabel: ctx.t('policy.list.history'),
      retireLabel: ctx.t('policy.list.retire'),
      reasonInput: `reason_${e.id}`,
      reasonLabel: ctx.t('policy.list.retireReason'),
      retireConfirm: ctx.t('policy.list.retireConfirm'),
    })),
    retiredTitle: ctx.t('policy.list.retiredTitle'),
    retired: retired.slice(0, LIST_LIMIT).map((e) => ({
      text: `${e.id}: ${inLocale(e.content.title, ctx.locale)}`,
    })),
    hasRetired: retired.length > 0,
    newLabel: ctx.t('policy.list.new'),
  });
  return { card, summary: title };
}

/** The values of the edit form, by input id. */
export type FormValues = Readonly<Record<string, string>>;

/** The form values an entry starts from. */
export function formValuesOf(entry: PolicyEntry | undefined, today: string): FormValues {
  const c = entry?.content;
  return {
    title_ja: c?.title.ja ?? '',
    title_en: c?.title.en ?? '',
    answer_ja: c?.answer.ja ?? '',
    answer_en: c?.answer.en ?? '',
    conditions_ja: c?.conditions?.ja ?? '',
    conditions_en: c?.conditions?.en ?? '',
    notes_ja: c?.notes?.ja ?? '',
    notes_en: c?.notes?.en ?? '',
    scope: c?.scope ?? 'all',
    status: c?.status ?? 'guidance',
    subjects: c?.subjects.join(', ') ?? '',
    since: c?.since ?? '',
    topic: c?.topic ?? 'general',
    meeting_ja: c?.source.meeting.ja ?? '',
    meeting_en: c?.source.meeting.en ?? '',
    date: c?.source.date ?? today,
    material_ja: c?.source.material?.ja ?? '',
    material_en: c?.source.material?.en ?? '',
    keywords_ja: c?.keywords.ja.join(', ') ?? '',
    keywords_en: c?.keywords.en.join(', ') ?? '',
    related: c?.related.join(', ') ?? '',
  };
}

const MAIN_INPUTS = [
  ['title_ja', 'title', 'ja', false],
  ['title_en', 'title', 'en', false],
  ['answer_ja', 'answer', 'ja', true],
  ['answer_en', 'answer', 'en', true],
  ['conditions_ja', 'conditions', 'ja', true],
  ['conditions_en', 'conditions', 'en', true],
] as const;

const MORE_INPUTS = [
  ['notes_ja', 'notes', 'ja', true],
  ['notes_en', 'notes', 'en', true],
  ['subjects', 'subjects', undefined, false],
  ['since', 'since', undefined, false],
  ['topic', 'topic', undefined, false],
  ['meeting_ja', 'meeting', 'ja', false],
  ['meeting_en', 'meeting', 'en', false],
  ['date', 'date', undefined, false],
  ['material_ja', 'material', 'ja', false],
  ['material_en', 'material', 'en', false],
  ['keywords_ja', 'keywords', 'ja', false],
  ['keywords_en', 'keywords', 'en', false],
  ['related', 'related', undefined, false],
] as const;

type FormInput = (typeof MAIN_INPUTS)[number] | (typeof MORE_INPUTS)[number];

/** The add/edit form; after a failed save it comes back with the typed values and the problem. */
export function editCard(
  ctx: CardContext,
  entry: PolicyEntry | undefined,
  values: FormValues,
  messages: { error?: string; notice?: string } = {},
): CardMessage {
  const input = ([id, field, lang, multiline]: FormInput) => ({
    id,
    label: `${ctx.t(`policy.field.${field}`)}${lang ? ctx.t(`policy.lang.${lang}`) : ''}`,
    value: values[id] ?? '',
    multiline,
  });
  const title = entry
    ? ctx.t('policy.edit.titleEdit', { id: entry.id, version: entry.version })
    : ctx.t('policy.edit.titleNew');
  const card = renderCard('policy-edit', {
    title,
    error: messages.error ?? '',
    hasError: messages.error !== undefined,
    notice: messages.notice ?? '',
    hasNotice: messages.notice !== undefined,
    mainInputs: MAIN_INPUTS.map(input),
    moreInputs: MORE_INPUTS.map(input),
    scopeLabel: ctx.t('policy.field.scope'),
    scope: values['scope'] ?? 'all',
    statusLabel: ctx.t('policy.field.status'),
    status: values['status'] ?? 'guidance',
    ...choices(ctx),
    saveLabel: ctx.t('policy.edit.save'),
    entryId: entry?.id ?? '',
    version: entry?.version ?? 0,
  });
  return { card, summary: title };
}

/** An entry's versions, newest first, as a chat message. */
export function historyText(ctx: CardContext, entry: PolicyEntry): string {
  const versions = [
    ...entry.history.map((h) => ({ ...h })),
    {
      version: entry.version,
      content: entry.content,
      change: entry.change,
      reason: entry.reason,
      at: entry.updatedAt,
      by: entry.updatedBy,
    },
  ].reverse();
  const rows = versions.map(
    (v) =>
      `- ${ctx.t('policy.history.row', {
        version: v.version,
        date: formatDateTime(new Date(v.at), ctx.locale, ctx.timeZone),
        name: v.by.name,
        change: ctx.t(`policy.change.${v.change}`),
        reason: v.reason ? ctx.t('policy.history.reason', { reason: v.reason }) : '',
        title: inLocale(v.content.title, ctx.locale),
        answer: inLocale(v.content.answer, ctx.locale),
      })}`,
  );
  return `**${ctx.t('policy.history.title', { id: entry.id })}**\n\n${rows.join('\n')}`;
}
