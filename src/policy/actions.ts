import type { ActionSpec } from '../app/router.js';
import type { ActionOutcome, ActionTurn, Turn } from '../app/turn.js';
import { Audience } from '../domain/roles.js';
import { translator } from '../i18n/translate.js';
import { MAX_QUESTION_LENGTH } from './answer-card.js';
import { answerCardFor } from './ask.js';
import { contextOf, editorOf, today, type PolicyDeps } from './deps.js';
import { changeProblem, listCardFor, save } from './editing.js';
import { editCard, formValuesOf, historyText } from './entry-cards.js';
import { valuesFromData } from './fields.js';
import type { PolicyQuestion } from './inbox.js';
import type { PolicyEntry } from './model.js';
import { adoptQuestion, questionCardFor, recordAnswer } from './question-flow.js';

// The policy feature's card verbs: asking the secretariat, answering and
// adopting a question, and the list and form cards of the entries.

const stringOf = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** The version the card was made from, when it carries one (a stale card is then refused). */
function versionOf(data: ActionTurn['data']): number | undefined {
  const version = Number(data['version']);
  return Number.isInteger(version) ? version : undefined;
}

export function policyActions(deps: PolicyDeps): ActionSpec[] {
  const ctxOf = (turn: Turn) => contextOf(deps, turn.t, turn.locale);
  const questionOutcome = async (
    turn: ActionTurn,
    outcome: { question?: PolicyQuestion; notice: string },
  ): Promise<ActionOutcome> =>
    outcome.question
      ? {
          card: (await questionCardFor(deps, ctxOf(turn), outcome.question, outcome.notice)).card,
        }
      : { message: outcome.notice };
  /** A card verb on the entry the card names; a missing one is said, not shown. */
  const onEntry =
    (act: (turn: ActionTurn, entry: PolicyEntry) => Promise<ActionOutcome>) =>
    async (turn: ActionTurn): Promise<ActionOutcome> => {
      const id = stringOf(turn.data['id']);
      const entry = await deps.policies.get(id);
      if (!entry) return { message: turn.t('policy.idNotFound', { id }) };
      return act(turn, entry);
    };

  return [
    {
      verb: 'policy.ask',
      allowed: Audience.anyone,
      handle: async (turn) => {
        const text = stringOf(turn.data['question']).slice(0, MAX_QUESTION_LENGTH);
        if (!text) return { message: turn.t('policy.ask.empty') };
        const person = turn.actor.person;
        const { question, created } = await deps.policyInbox.ask({
          text,
          locale: turn.locale,
          asker: {
            aadObjectId: turn.actor.aadObjectId,
            name: turn.actor.displayName,
            ...(turn.actor.upn ? { upn: turn.actor.upn } : {}),
            ...(person?.departmentId ? { departmentId: person.departmentId } : {}),
            ...(turn.actor.department ? { departmentName: turn.actor.department.name } : {}),
          },
          conversationId: turn.conversation.id,
        });
        let asked = turn.t('policy.asked.again', { id: question.id });
        if (created) {
          const notice = await deps.policyInbox.notifySecretariat((locale) =>
            questionCardFor(deps, contextOf(deps, translator(locale), locale), question),
          );
          asked = turn.t(notice.delivered > 0 ? 'policy.asked' : 'policy.asked.unnotified', {
            id: question.id,
          });
        }
        return { card: (await answerCardFor(deps, turn, text, asked)).card };
      },
    },
    {
      verb: 'policy.answer',
      allowed: Audience.staff,
      handle: async (turn) =>
        questionOutcome(
          turn,
          await recordAnswer(
            deps,
            turn,
            stringOf(turn.data['questionId']),
            stringOf(turn.data['answer']),
          ),
        ),
    },
    {
      verb: 'policy.adopt',
      allowed: Audience.staff,
      handle: async (turn) => {
        const scope = stringOf(turn.data['scope']);
        const status = stringOf(turn.data['status']);
        return questionOutcome(
          turn,
          await adoptQuestion(deps, turn, stringOf(turn.data['questionId']), {
            ...(scope ? { scope } : {}),
            ...(status ? { status } : {}),
          }),
        );
      },
    },
    {
      verb: 'policy.new',
      allowed: Audience.staff,
      handle: async (turn) => ({
        card: editCard(ctxOf(turn), undefined, formValuesOf(undefined, today(deps))).card,
      }),
    },
    {
      verb: 'policy.edit',
      allowed: Audience.staff,
      handle: onEntry(async (turn, entry) => {
        if (!entry.active) return { message: turn.t('policy.alreadyRetired', { id: entry.id }) };
        return { card: editCard(ctxOf(turn), entry, formValuesOf(entry, today(deps))).card };
      }),
    },
    {
      verb: 'policy.save',
      allowed: Audience.staff,
      handle: async (turn) => {
        const id = stringOf(turn.data['id']);
        const version = versionOf(turn.data);
        const values = valuesFromData(turn.data);
        const result = await save(
          deps,
          turn,
          values,
          id ? { id, ...(version !== undefined ? { version } : {}) } : undefined,
        );
        if (result.ok) {
          const notice = id
            ? turn.t('policy.edited', { id: result.entry.id, version: result.entry.version })
            : turn.t('policy.created', { id: result.entry.id });
          return { card: (await listCardFor(deps, turn, undefined, notice)).card };
        }
        const entry = id ? await deps.policies.get(id) : undefined;
        const error = changeProblem(turn, result, id);
        return { card: editCard(ctxOf(turn), entry, values, { error }).card };
      },
    },
    {
      verb: 'policy.retire',
      allowed: Audience.staff,
      handle: async (turn) => {
        const id = stringOf(turn.data['id']);
        const reason = stringOf(turn.data[`reason_${id}`]) || undefined;
        const result = await deps.policies.retire(id, editorOf(turn), reason, versionOf(turn.data));
        const notice = result.ok
          ? turn.t('policy.retired', { id: result.entry.id })
          : changeProblem(turn, result, id);
        return { card: (await listCardFor(deps, turn, undefined, notice)).card };
      },
    },
    {
      verb: 'policy.history',
      allowed: Audience.staff,
      handle: onEntry(async (turn, entry) => {
        await turn.reply(historyText(ctxOf(turn), entry));
        return { message: turn.t('policy.history.title', { id: entry.id }) };
      }),
    },
  ];
}
