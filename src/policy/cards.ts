import { plainText } from '../cards/plain-text.js';
import { renderCard } from '../cards/card.js';
import { formatDateTime } from '../i18n/dates.js';
import type { Locale } from '../i18n/locale.js';
import type { Translate } from '../i18n/translate.js';
import type { Card } from '../cards/card.js';
import type { PolicyAnswer } from './answer.js';
import { statusOf, type PolicyQuestion } from './inbox.js';
import {
  inLocale,
  SCOPES,
  STATUSES,
  type PolicyEntry,
  type PolicySource,
  type Scope,
  type Status,
} from './model.js';

/** What every policy card needs to speak the reader's language. */
export interface CardContext {
  readonly t: Translate;
  readonly locale: Locale;
  readonly timeZone: string;
}

/** A rendered card with the line Teams shows in notifications. */
export interface CardMessage {
  readonly card: Card;
  readonly summary: string;
}

interface Fact {
  readonly title: string;
  readonly value: string;
}

/** "2020-08-03" → 2020年8月3日 / 3 Aug 2020; "2020-08" → 2020年8月 / Aug 2020. */
export function formatDay(iso: string, locale: Locale): string {
  const [year, month, day] = iso.split('-').map(Number);
  if (!year || !month) return iso;
  if (locale === 'ja') return day ? `${year}年${month}月${day}日` : `${year}年${month}月`;
  const date = new Date(Date.UTC(year, month - 1, day ?? 1));
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'UTC',
    ...(day ? { day: 'numeric' } : {}),
    month: 'short',
    year: 'numeric',
  }).format(date);
}

const scopeName = (ctx: CardContext, scope: Scope) => ctx.t(`policy.scope.${scope}`);
const statusName = (ctx: CardContext, status: Status) => ctx.t(`policy.status.${status}`);

export function sourceText(ctx: CardContext, source: PolicySource): string {
  const params = {
    meeting: inLocale(source.meeting, ctx.locale),
    date: formatDay(source.date, ctx.locale),
    material: inLocale(source.material, ctx.locale),
  };
  return ctx.t(source.material ? 'policy.sourceMaterial' : 'policy.sourceValue', params);
}

function entryFacts(ctx: CardContext, entry: PolicyEntry): Fact[] {
  const c = entry.content;
  const facts: Fact[] = [];
  if (c.conditions)
    facts.push({
      title: ctx.t('policy.fact.condition'),
      value: inLocale(c.conditions, ctx.locale),
    });
  facts.push({ title: ctx.t('policy.fact.scope'), value: scopeName(ctx, c.scope) });
  facts.push({ title: ctx.t('policy.fact.status'), value: statusName(ctx, c.status) });
  if (c.since)
    facts.push({ title: ctx.t('policy.fact.since'), value: formatDay(c.since, ctx.locale) });
  facts.push({ title: ctx.t('policy.fact.source'), value: sourceText(ctx, c.source) });
  facts.push({
    title: ctx.t('policy.fact.updated'),
    value: ctx.t('policy.fact.updatedValue', {
      version: entry.version,
      date: formatDateTime(new Date(entry.updatedAt), ctx.locale, ctx.timeZone),
      name: entry.updatedBy.name,
    }),
  });
  facts.push({ title: ctx.t('policy.fact.id'), value: entry.id });
  return facts;
}

/** The direct answer of a tool-approval question, most specific line first. */
function toolLines(ctx: CardContext, answer: Extract<PolicyAnswer, { kind: 'answer' }>): string[] {
  const approval = answer.approval;
  if (!approval) return [];
  const scope = scopeName(ctx, answer.scope);
  const lines = approval.asked.map(({ subject, status }) =>
    status
      ? ctx.t('policy.direct.subjectStatus', { scope, subject, status: statusName(ctx, status) })
      : ctx.t('policy.direct.subjectNoRecord', { scope, subject }),
  );
  if (!approval.byStatus.some((g) => g.status === 'approved'))
    lines.push(ctx.t('policy.direct.noneApproved', { scope }));
  for (const { status, subjects } of approval.byStatus) {
    const params = { scope, subjects: subjects.join(', '), status: statusName(ctx, status) };
    if (status === 'approved') lines.push(ctx.t('policy.direct.approved', params));
    else if (status === 'conditional') lines.push(ctx.t('policy.direct.conditional', params));
    else if (status === 'underReview') lines.push(ctx.t('policy.direct.underReview', params));
    else if (status === 'notAllowed') lines.push(ctx.t('policy.direct.notAllowed', params));
    else lines.push(ctx.t('policy.direct.other', params));
  }
  return lines;
}

/**
 * The answer card: the direct answer first, then condition, scope, status,
 * since, source, related entries and "Ask the secretariat". `asked` replaces
 * the button once the question went to the secretariat.
 */
export function answerCard(
  ctx: CardContext,
  answer: PolicyAnswer,
  question: string,
  asked?: string,
): CardMessage {
  if (answer.kind === 'notFound') return notFoundCard(ctx, answer, question, asked);
  const entry = answer.primary;
  const answerText = inLocale(entry.content.answer, ctx.locale);
  const lines = answer.intent === 'toolApproval' ? toolLines(ctx, answer) : [answerText];
  const [headline = answerText, ...rest] = lines;
  const scope = scopeName(ctx, answer.scope);
  const scopeNote =
    answer.intent !== 'toolApproval' || answer.scopeSource === 'question'
      ? ''
      : answer.scopeSource === 'department'
        ? ctx.t('policy.direct.scopeFromDepartment', { scope })
        : ctx.t('policy.direct.scopeDefault', { scope });
  const shownAnswer = answer.intent === 'toolApproval' ? answerText : '';
  const notes = inLocale(entry.content.notes, ctx.locale);
  const related = answer.related.map((e) => ({
    text: `${inLocale(e.content.title, ctx.locale)}（${statusName(ctx, e.content.status)}・${scopeName(ctx, e.content.scope)}）: ${inLocale(e.content.answer, ctx.locale)}`,
  }));
  const card = renderCard('policy-answer', {
    headline,
    lines: rest.map((text) => ({ text })),
    hasLines: rest.length > 0,
    answer: shownAnswer,
    hasAnswer: shownAnswer !== '',
    scopeNote,
    hasScopeNote: scopeNote !== '',
    facts: entryFacts(ctx, entry),
    notes,
    hasNotes: notes !== '',
    relatedTitle: ctx.t('policy.related'),
    related,
    hasRelated: related.length > 0,
    askLabel: ctx.t('policy.askButton'),
    question,
    showAsk: asked === undefined,
    asked: asked ?? '',
    isAsked: asked !== undefined,
  });
  return { card, summary: ctx.t('policy.answerSummary', { headline }) };
}

function notFoundCard(
  ctx: CardContext,
  answer: Extract<PolicyAnswer, { kind: 'notFound' }>,
  question: string,
  asked: string | undefined,
): CardMessage {
  // Internal concept tokens (~quantity) are not words the asker wrote.
  const words = answer.missing.filter((w) => !w.startsWith('~') && !w.startsWith('@'));
  const title = ctx.t('policy.notFound.title');
  const card = renderCard('policy-not-found', {
    title,
    text: ctx.t('policy.notFound.text', { question }),
    missing: ctx.t('policy.notFound.missing', { words: words.join(', ') }),
    hasMissing: words.length > 0,
    askLabel: ctx.t('policy.askButton'),
    question,
    showAsk: asked === undefined,
    asked: asked ?? '',
    isAsked: asked !== undefined,
  });
  return { card, summary: title };
}

function choices(ctx: CardContext) {
  return {
    scopes: SCOPES.map((value) => ({ title: scopeName(ctx, value), value })),
    statuses: STATUSES.map((value) => ({ title: statusName(ctx, value), value })),
  };
}

function askerText(ctx: CardContext, question: PolicyQuestion): string {
  const department = question.asker.departmentName
    ? ` · ${inLocale(question.asker.departmentName, ctx.locale)}`
    : ` · ${ctx.t('policy.question.guest')}`;
  const upn = question.asker.upn ? `（${question.asker.upn}）` : '';
  return `${plainText(question.asker.name)}${upn}${department}`;
}

/** A question as the secretariat sees it: answer it, then (optionally) make it an entry. */
export function questionCard(
  ctx: CardContext,
  question: PolicyQuestion,
  options: { defaultScope: Scope; notice?: string },
): CardMessage {
  const state = statusOf(question);
  const title = ctx.t('policy.question.title', { id: question.id });
  const card = renderCard('policy-question', {
    id: question.id,
    title,
    question: plainText(question.text),
    facts: [
      { title: ctx.t('policy.question.asker'), value: askerText(ctx, question) },
      {
        title: ctx.t('policy.question.askedAt'),
        value: formatDateTime(new Date(question.askedAt), ctx.locale, ctx.timeZone),
      },
      {
        title: ctx.t('policy.question.state'),
        value: ctx.t(`policy.question.state.${state}`),
      },
    ],
    isOpen: state === 'open',
    answerLabel: ctx.t('policy.question.answerLabel'),
    answerPlaceholder: ctx.t('policy.question.answerPlaceholder'),
    answerRequired: ctx.t('policy.answer.empty'),
    sendLabel: ctx.t('policy.question.send'),
    hasAnswer: question.answer !== undefined,
    answeredBy: question.answer
      ? ctx.t('policy.question.answeredBy', {
          name: question.answer.by.name,
          date: formatDateTime(new Date(question.answer.at), ctx.locale, ctx.timeZone),
        })
      : '',
    answer: question.answer?.text ?? '',
    canAdopt: state === 'answered',
    adoptHint: ctx.t('policy.question.adoptHint'),
    adoptLabel: ctx.t('policy.question.adopt'),
    scopeLabel: ctx.t('policy.field.scope'),
    scope: options.defaultScope,
    statusLabel: ctx.t('policy.field.status'),
    status: 'guidance',
    ...choices(ctx),
    isAdopted: state === 'adopted',
    adopted: ctx.t('policy.question.adopted', { entryId: question.entryId ?? '' }),
    notice: options.notice ?? '',
    hasNotice: options.notice !== undefined,
  });
  return {
    card,
    summary: ctx.t('policy.question.notify', { id: question.id, question: question.text }),
  };
}

/** The secretariat's answer, as the asker receives it. */
export function replyCard(ctx: CardContext, question: PolicyQuestion): CardMessage {
  const answer = question.answer;
  const title = ctx.t('policy.reply.title');
  const card = renderCard('policy-reply', {
    title,
    facts: [
      { title: ctx.t('policy.reply.question'), value: question.text },
      {
        title: ctx.t('policy.question.answerLabel'),
        value: answer
          ? ctx.t('policy.reply.by', {
              name: answer.by.name,
              date: formatDateTime(new Date(answer.at), ctx.locale, ctx.timeZone),
            })
          : '',
      },
    ],
    answer: answer?.text ?? '',
  });
  return { card, summary: `${title}: ${answer?.text ?? ''}` };
}

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
