import { renderCard } from '../cards/card.js';
import { formatDateTime, formatPolicyDate } from '../i18n/dates.js';
import type { PolicyAnswer, ScopeApproval } from './answer.js';
import type { Aspect } from './aspects.js';
import { scopeName, sourceText, statusName, type CardContext, type CardMessage } from './cards.js';
import { inLocale, type PolicyEntry } from './model.js';

/** The longest question the bot keeps (and sends to the secretariat). */
export const MAX_QUESTION_LENGTH = 1000;
/** How much of a question a card quotes back. */
const QUOTE_LENGTH = 80;
/** How many unknown words a card lists. */
const MISSING_WORDS_SHOWN = 5;

type Answered = Extract<PolicyAnswer, { kind: 'answer' }>;

/** The question as a card quotes it: whole when short, its first 80 characters otherwise. */
export function quoteOf(question: string): string {
  const text = question.replace(/\s+/g, ' ').trim();
  const characters = [...text];
  return characters.length <= QUOTE_LENGTH
    ? text
    : `${characters.slice(0, QUOTE_LENGTH).join('')}…`;
}

function entryFacts(ctx: CardContext, entry: PolicyEntry): Array<{ title: string; value: string }> {
  const c = entry.content;
  const facts: Array<{ title: string; value: string }> = [];
  if (c.conditions)
    facts.push({
      title: ctx.t('policy.fact.condition'),
      value: inLocale(c.conditions, ctx.locale),
    });
  facts.push({ title: ctx.t('policy.fact.scope'), value: scopeName(ctx, c.scope) });
  facts.push({ title: ctx.t('policy.fact.status'), value: statusName(ctx, c.status) });
  if (c.since)
    facts.push({ title: ctx.t('policy.fact.since'), value: formatPolicyDate(c.since, ctx.locale) });
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

function askedLines(ctx: CardContext, group: ScopeApproval): string[] {
  const scope = scopeName(ctx, group.scope);
  return group.asked.map(({ subject, status }) =>
    status
      ? ctx.t('policy.direct.subjectStatus', { scope, subject, status: statusName(ctx, status) })
      : ctx.t('policy.direct.subjectNoRecord', { scope, subject }),
  );
}

function statusLines(ctx: CardContext, group: ScopeApproval): string[] {
  const scope = scopeName(ctx, group.scope);
  const lines = group.noneApproved ? [ctx.t('policy.direct.noneApproved', { scope })] : [];
  for (const { status, subjects } of group.byStatus) {
    const params = { scope, subjects: subjects.join(', '), status: statusName(ctx, status) };
    if (status === 'approved') lines.push(ctx.t('policy.direct.approved', params));
    else if (status === 'conditional') lines.push(ctx.t('policy.direct.conditional', params));
    else if (status === 'underReview') lines.push(ctx.t('policy.direct.underReview', params));
    else if (status === 'notAllowed') lines.push(ctx.t('policy.direct.notAllowed', params));
    else lines.push(ctx.t('policy.direct.other', params));
  }
  return lines;
}

/** The direct answer of a tool-approval question, most specific line first, scope by scope. */
function toolLines(ctx: CardContext, answer: Answered): string[] {
  const groups = answer.approval?.groups ?? [];
  return [
    ...groups.flatMap((group) => askedLines(ctx, group)),
    ...groups.flatMap((group) => statusLines(ctx, group)),
  ];
}

/** "Its budget or cost is not in the rules": said first when the question asked for it. */
function unansweredLine(ctx: CardContext, aspects: readonly Aspect[]): string {
  const asked = new Intl.ListFormat(ctx.locale, { type: 'conjunction' }).format(
    aspects.map((aspect) => ctx.t(`policy.aspect.${aspect}`)),
  );
  return ctx.t('policy.partial.missing', { asked });
}

/** "Nothing on this for 区長部局; what the data has is about 教育委員会". */
function uncoveredLine(ctx: CardContext, answer: Answered): string {
  const scopes = new Intl.ListFormat(ctx.locale, { type: 'conjunction' }).format(
    answer.uncoveredScopes.map((scope) => scopeName(ctx, scope)),
  );
  return ctx.t('policy.partial.scope', {
    scopes,
    entryScope: scopeName(ctx, answer.primary.content.scope),
  });
}

function relatedLine(ctx: CardContext, entry: PolicyEntry): string {
  return ctx.t('policy.relatedLine', {
    title: inLocale(entry.content.title, ctx.locale),
    status: statusName(ctx, entry.content.status),
    scope: scopeName(ctx, entry.content.scope),
    answer: inLocale(entry.content.answer, ctx.locale),
  });
}

/**
 * The answer card: the direct answer first (or, when the question asked for
 * something the entry does not state, that sentence and then what it does
 * state), then condition, scope, status, since, source, related entries and
 * "Ask the secretariat". `asked` replaces the button once the question went
 * to the secretariat.
 */
export function answerCard(
  ctx: CardContext,
  answer: PolicyAnswer,
  question: string,
  asked?: string,
): CardMessage {
  if (answer.kind === 'notFound') return notFoundCard(ctx, answer, question, asked);
  const entry = answer.primary;
  const isTool = answer.intent === 'toolApproval';
  const answerText = inLocale(entry.content.answer, ctx.locale);
  const direct = isTool ? toolLines(ctx, answer) : [answerText];
  const notInData = [
    ...(answer.uncoveredScopes.length > 0 ? [uncoveredLine(ctx, answer)] : []),
    ...(answer.unanswered.length > 0 ? [unansweredLine(ctx, answer.unanswered)] : []),
  ];
  const lines =
    notInData.length > 0 ? [...notInData, ctx.t('policy.partial.held'), ...direct] : direct;
  const [headline = answerText, ...rest] = lines;
  const scope = scopeName(ctx, answer.scope);
  const scopeNote =
    !isTool || answer.scopeSource === 'question'
      ? ''
      : answer.scopeSource === 'department'
        ? ctx.t('policy.direct.scopeFromDepartment', { scope })
        : ctx.t('policy.direct.scopeDefault', { scope });
  const shownAnswer = isTool ? answerText : '';
  const notes = inLocale(entry.content.notes, ctx.locale);
  const related = answer.related.map((e) => ({ text: relatedLine(ctx, e) }));
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
    ...askFields(ctx, question, asked),
  });
  return { card, summary: ctx.t('policy.answerSummary', { headline }) };
}

/** The "ask the secretariat" button, or the note that the question was sent. */
function askFields(ctx: CardContext, question: string, asked: string | undefined) {
  return {
    askLabel: ctx.t('policy.askButton'),
    question: question.slice(0, MAX_QUESTION_LENGTH),
    showAsk: asked === undefined,
    asked: asked ?? '',
    isAsked: asked !== undefined,
  };
}

function notFoundCard(
  ctx: CardContext,
  answer: Extract<PolicyAnswer, { kind: 'notFound' }>,
  question: string,
  asked: string | undefined,
): CardMessage {
  const words = answer.missing.slice(0, MISSING_WORDS_SHOWN);
  const title = ctx.t('policy.notFound.title');
  const card = renderCard('policy-not-found', {
    title,
    text: ctx.t('policy.notFound.text', { question: quoteOf(question) }),
    missing: ctx.t('policy.notFound.missing', {
      words: new Intl.ListFormat(ctx.locale, { type: 'conjunction', style: 'narrow' }).format(
        words,
      ),
    }),
    hasMissing: words.length > 0,
    ...askFields(ctx, question, asked),
  });
  return { card, summary: title };
}
