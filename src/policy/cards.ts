import { plainText } from '../cards/plain-text.js';
import { renderCard } from '../cards/card.js';
import { formatDateTime, formatPolicyDate } from '../i18n/dates.js';
import type { Reader } from '../i18n/reader.js';
import type { Card } from '../cards/card.js';
import { statusOf, type PolicyQuestion } from './inbox.js';
import { inLocale, SCOPES, STATUSES, type PolicySource, type Scope, type Status } from './model.js';

/** What every policy card needs to speak the reader's language. */
/** Who reads the policy cards (the shared Reader: language, translator, time zone). */
export type CardContext = Reader;

/** A rendered card with the line Teams shows in notifications. */
export interface CardMessage {
  readonly card: Card;
  readonly summary: string;
}

export const scopeName = (ctx: CardContext, scope: Scope) => ctx.t(`policy.scope.${scope}`);
export const statusName = (ctx: CardContext, status: Status) => ctx.t(`policy.status.${status}`);

export function sourceText(ctx: CardContext, source: PolicySource): string {
  const params = {
    meeting: inLocale(source.meeting, ctx.locale),
    date: formatPolicyDate(source.date, ctx.locale),
    material: inLocale(source.material, ctx.locale),
  };
  return ctx.t(source.material ? 'policy.sourceMaterial' : 'policy.sourceValue', params);
}

export function choices(ctx: CardContext) {
  return {
    scopes: SCOPES.map((value) => ({ title: scopeName(ctx, value), value })),
    statuses: STATUSES.map((value) => ({ title: statusName(ctx, value), value })),
  };
}

function askerText(ctx: CardContext, question: PolicyQuestion): string {
  const department = question.asker.departmentName
    ? ` · ${inLocale(question.asker.departmentName, ctx.locale)}`
    : ` · ${ctx.t('policy.question.guest')}`;
  const upn = question.asker.upn
    ? ctx.t('policy.question.askerUpn', { upn: question.asker.upn })
    : '';
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
