import type { CommandSpec } from '../app/router.js';
import type { CommandTurn } from '../app/turn.js';
import type { MessageKey } from '../i18n/catalog.js';
import { Audience } from '../domain/roles.js';
import { answerPolicyQuestion } from './ask.js';
import { historyText, editCard, formValuesOf } from './entry-cards.js';
import { contextOf, editorOf, splitFirst, today, type PolicyDeps } from './deps.js';
import { changeProblem, fieldProblem, listCardFor, save } from './editing.js';
import { applyFieldText } from './fields.js';
import { adoptQuestion, questionCardFor, recordAnswer } from './question-flow.js';

// The policy feature's entry points: its chat commands here, its card verbs in
// actions.ts and the free-text answerer in ask.ts.
export { policyActions } from './actions.js';
export { answerPolicyQuestion, policyFallback } from './ask.js';
export type { PolicyDeps } from './deps.js';

const MAX_QUESTION_CARDS = 10;

/**
 * A command whose first word is a policy id ("ルール編集 P-3 …"): without one,
 * the reply shows the usage with `example`.
 */
function withPolicyId(
  example: MessageKey,
  act: (turn: CommandTurn, id: string, rest: string) => Promise<void>,
): (turn: CommandTurn) => Promise<void> {
  return async (turn) => {
    const [id, rest] = splitFirst(turn.args);
    if (!id) return turn.reply(turn.t('policy.idUsage', { example: turn.t(example) }));
    return act(turn, id, rest);
  };
}

export function policyCommands(deps: PolicyDeps): CommandSpec[] {
  return [
    {
      id: 'policyAsk',
      words: { ja: ['ルール', 'ポリシー', '規則'], en: ['policy', 'rule'] },
      summary: 'cmd.policyAsk',
      allowed: Audience.anyone,
      handle: (turn) => answerPolicyQuestion(deps, turn, turn.args),
    },
    {
      id: 'policyList',
      words: { ja: ['ルール一覧', 'ポリシー一覧'], en: ['policies', 'policy list'] },
      summary: 'cmd.policyList',
      allowed: Audience.staff,
      handle: async (turn) => turn.reply(await listCardFor(deps, turn, turn.args || undefined)),
    },
    {
      id: 'policyAdd',
      words: { ja: ['ルール追加', 'ポリシー追加'], en: ['policy add'] },
      summary: 'cmd.policyAdd',
      allowed: Audience.staff,
      handle: async (turn) => {
        const ctx = contextOf(deps, turn.t, turn.locale);
        const blank = formValuesOf(undefined, today(deps));
        if (!turn.args) return turn.reply(editCard(ctx, undefined, blank));
        const typed = applyFieldText(blank, turn.args, turn.locale);
        if (!typed.ok) return turn.reply(fieldProblem(turn, typed.problem));
        const result = await save(deps, turn, typed.values);
        await turn.reply(
          result.ok
            ? turn.t('policy.created', { id: result.entry.id })
            : changeProblem(turn, result, ''),
        );
      },
    },
    {
      id: 'policyEdit',
      words: { ja: ['ルール編集', 'ポリシー編集'], en: ['policy edit'] },
      summary: 'cmd.policyEdit',
      allowed: Audience.staff,
      handle: withPolicyId('policy.idExample', async (turn, id, fields) => {
        const entry = await deps.policies.get(id);
        if (!entry) return turn.reply(turn.t('policy.idNotFound', { id }));
        if (!entry.active) return turn.reply(turn.t('policy.alreadyRetired', { id: entry.id }));
        const ctx = contextOf(deps, turn.t, turn.locale);
        const current = formValuesOf(entry, today(deps));
        if (!fields) return turn.reply(editCard(ctx, entry, current));
        const typed = applyFieldText(current, fields, turn.locale);
        if (!typed.ok) return turn.reply(fieldProblem(turn, typed.problem));
        const result = await save(deps, turn, typed.values, {
          id: entry.id,
          version: entry.version,
        });
        await turn.reply(
          result.ok
            ? turn.t('policy.edited', { id: result.entry.id, version: result.entry.version })
            : changeProblem(turn, result, entry.id),
        );
      }),
    },
    {
      id: 'policyRetire',
      words: { ja: ['ルール廃止', 'ポリシー廃止'], en: ['policy retire'] },
      summary: 'cmd.policyRetire',
      allowed: Audience.staff,
      handle: withPolicyId('policy.retireExample', async (turn, id, reason) => {
        const result = await deps.policies.retire(id, editorOf(turn), reason || undefined);
        await turn.reply(
          result.ok
            ? turn.t('policy.retired', { id: result.entry.id })
            : changeProblem(turn, result, id),
        );
      }),
    },
    {
      id: 'policyHistory',
      words: { ja: ['ルール履歴', 'ポリシー履歴'], en: ['policy history'] },
      summary: 'cmd.policyHistory',
      allowed: Audience.staff,
      handle: withPolicyId('policy.historyExample', async (turn, id) => {
        const entry = await deps.policies.get(id);
        if (!entry) return turn.reply(turn.t('policy.idNotFound', { id }));
        await turn.reply(historyText(contextOf(deps, turn.t, turn.locale), entry));
      }),
    },
    {
      id: 'policyQuestions',
      words: { ja: ['ルール質問一覧', '質問一覧'], en: ['policy questions'] },
      summary: 'cmd.policyQuestions',
      allowed: Audience.staff,
      handle: async (turn) => {
        const open = await deps.policyInbox.open();
        if (open.length === 0) return turn.reply(turn.t('policy.questions.none'));
        await turn.reply(turn.t('policy.questions.count', { count: open.length }));
        const ctx = contextOf(deps, turn.t, turn.locale);
        for (const question of open.slice(0, MAX_QUESTION_CARDS))
          await turn.reply(await questionCardFor(deps, ctx, question));
      },
    },
    {
      id: 'policyAnswer',
      words: { ja: ['ルール回答', '質問回答'], en: ['policy answer'] },
      summary: 'cmd.policyAnswer',
      allowed: Audience.staff,
      handle: async (turn) => {
        const [id, text] = splitFirst(turn.args);
        if (!id || !text) return turn.reply(turn.t('policy.answer.usage'));
        const outcome = await recordAnswer(deps, turn, id, text);
        if (!outcome.question) return turn.reply(outcome.notice);
        const ctx = contextOf(deps, turn.t, turn.locale);
        await turn.reply(await questionCardFor(deps, ctx, outcome.question, outcome.notice));
      },
    },
    {
      id: 'policyAdopt',
      words: { ja: ['ルール化'], en: ['policy adopt'] },
      summary: 'cmd.policyAdopt',
      allowed: Audience.staff,
      handle: async (turn) => {
        const [id = '', scope, status] = turn.args.split(' ').filter(Boolean);
        if (!id) return turn.reply(turn.t('policy.adopt.usage'));
        const outcome = await adoptQuestion(deps, turn, id, {
          ...(scope ? { scope } : {}),
          ...(status ? { status } : {}),
        });
        await turn.reply(outcome.notice);
      },
    },
  ];
}
