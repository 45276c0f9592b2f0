import { renderCard } from '../cards/card.js';
import type { Clock } from '../clock.js';
import type { DirectoryService } from '../domain/directory-service.js';
import { allows, Audience } from '../domain/roles.js';
import type { IntentSpec, IntentTurn, Slots } from '../app/intent.js';
import { notAllowed, type ActionSpec, type Router } from '../app/router.js';
import type { ActionOutcome, CommandTurn, Turn } from '../app/turn.js';
import type { ConversationMemory, Referent } from './memory.js';
import { readSlots, type SlotContext } from './slots.js';
import { cleanText } from './normalise.js';
import type { PolicyTerms } from './policy-terms.js';
import type { Understanding } from './understand.js';

export interface StepDeps {
  readonly understanding: Understanding;
  readonly memory: ConversationMemory;
  readonly directory: DirectoryService;
  readonly clock: Clock;
  readonly timeZone: string;
  readonly router: () => Router;
  readonly policyTerms: PolicyTerms;
  /** A near-miss of a command word (hlep → help) is answered with that word. */
  readonly typo: (turn: CommandTurn) => string | undefined;
}

/** Intents offered when nothing was understood: the things people ask most. */
const SUGGESTED = ['meetings.next', 'items.mine', 'core.help'] as const;
const QUOTE_LENGTH = 40;
export const CHOOSE_VERB = 'intent.choose';

/**
 * The understanding step as the router uses it: free text no command matched
 * becomes an intent of some feature (dispatched like a command, role-checked),
 * a question back with a button per candidate, or "not understood" with
 * suggestions. It also remembers what a command or intent just showed, for
 * follow-ups in a 1:1 chat.
 */
export function understandingStep(deps: StepDeps) {
  const slotContext = async (): Promise<SlotContext> => ({
    now: deps.clock.now(),
    timeZone: deps.timeZone,
    departments: await deps.directory.listDepartments(),
  });

  /** Fills a follow-up's missing meeting or item from what was just shown. */
  const withFollowUp = async (turn: Turn, spec: IntentSpec, slots: Slots): Promise<Slots> => {
    const slot = spec.followsUp === 'meeting' ? 'meetingNumber' : 'itemNumber';
    if (!spec.followsUp || slots[slot] !== undefined) return slots;
    const recalled = (await deps.memory.recall(turn))[slot];
    return recalled === undefined ? slots : { ...slots, [slot]: recalled };
  };

  const dispatch = async (turn: CommandTurn, intentId: string, slots: Slots): Promise<void> => {
    const spec = deps.router().intent(intentId);
    if (!spec) return unknown(turn);
    if (!allows(spec.allowed, turn.actor.role)) return turn.reply(notAllowed(turn, spec.allowed));
    const filled = await withFollowUp(turn, spec, slots);
    const intentTurn: IntentTurn = { ...turn, slots: filled };
    await spec.handle(intentTurn);
    const referent: Referent = {
      ...(filled.meetingNumber !== undefined ? { meetingNumber: filled.meetingNumber } : {}),
      ...(filled.itemNumber !== undefined ? { itemNumber: filled.itemNumber } : {}),
    };
    // Only what points at a meeting or an item changes what a follow-up refers to.
    if (referent.meetingNumber !== undefined || referent.itemNumber !== undefined)
      await deps.memory.remember(turn, referent);
  };

  const choiceCard = (turn: Turn, question: string, ids: readonly string[], text: string) => {
    const router = deps.router();
    return renderCard('intent-choice', {
      question,
      text,
      // Candidates come from the route table's intents, so each has its label.
      choices: ids.flatMap((id) => {
        const spec = router.intent(id);
        return spec ? [{ intent: id, title: turn.t(spec.label) }] : [];
      }),
    });
  };

  const quote = (text: string) =>
    text.length > QUOTE_LENGTH ? `${text.slice(0, QUOTE_LENGTH)}…` : text;

  const unknown = async (turn: CommandTurn): Promise<void> => {
    const router = deps.router();
    const offered = SUGGESTED.filter((id) => {
      const spec = router.intent(id);
      return spec && allows(spec.allowed, turn.actor.role);
    });
    const text = quote(turn.text);
    if (offered.length === 0) return turn.reply(turn.t('understanding.unknown.help', { text }));
    const question = turn.t('understanding.unknown', { text });
    await turn.reply({ card: choiceCard(turn, question, offered, turn.text), summary: question });
  };

  const fallback = async (turn: CommandTurn): Promise<void> => {
    const router = deps.router();
    const permitted = new Set(router.intentsFor(turn.actor.role).map((i) => i.id));
    // A one-word Latin typo (hlep) is a mistyped command; a short Japanese text
    // near a command word (宿題は) is a question the classifier reads better.
    const suggestion = /^[a-z]+$/i.test(turn.text) ? deps.typo(turn) : undefined;
    if (suggestion)
      return turn.reply(turn.t('unknown.suggest', { text: quote(turn.text), suggestion }));
    const understood = deps.understanding.understand(
      turn.text,
      await slotContext(),
      await deps.policyTerms.current(),
    );
    if (understood.kind === 'unknown') return unknown(turn);
    if (understood.kind === 'intent') return dispatch(turn, understood.intent, understood.slots);
    const candidates = understood.candidates.filter((id) => permitted.has(id));
    const [only] = candidates;
    if (candidates.length === 0)
      return dispatch(turn, understood.candidates[0] ?? '', understood.slots);
    if (candidates.length === 1 && only) return dispatch(turn, only, understood.slots);
    const question = turn.t('understanding.ask');
    await turn.reply({
      card: choiceCard(turn, question, candidates, cleanText(turn.text).slice(0, 500)),
      summary: question,
    });
  };

  /** The button of a question back: run the chosen intent on the original text. */
  const choose: ActionSpec = {
    verb: CHOOSE_VERB,
    allowed: Audience.anyone,
    handle: async (turn): Promise<ActionOutcome> => {
      const intent = typeof turn.data['intent'] === 'string' ? turn.data['intent'] : '';
      const text = typeof turn.data['text'] === 'string' ? cleanText(turn.data['text']) : '';
      // The intent answers with turn.reply; the last answer becomes the outcome, so
      // the chooser sees it in place of a bare "done".
      const replies: Array<Parameters<Turn['reply']>[0]> = [];
      const collecting: CommandTurn = {
        ...turn,
        text,
        args: text,
        groups: {},
        reply: async (message) => {
          replies.push(message);
        },
      };
      await dispatch(collecting, intent, readSlots(text, await slotContext()));
      const last = replies.pop();
      for (const earlier of replies) await turn.reply(earlier);
      if (last === undefined) return {};
      if (typeof last === 'string') return { message: last };
      return 'card' in last ? { card: last.card } : { message: last.text };
    },
  };

  /** After 会議 #1 or 宿題 #5, a follow-up refers to that meeting or item. */
  const afterCommand = async (turn: CommandTurn, commandId: string): Promise<void> => {
    const number = /^#?(\d+)$/.exec(turn.args.trim())?.[1];
    if (commandId === 'meeting.show' && number)
      await deps.memory.remember(turn, { meetingNumber: Number(number) });
    if (commandId === 'item.show' && number)
      await deps.memory.remember(turn, { itemNumber: Number(number) });
    if (commandId === 'meeting.next') await deps.memory.remember(turn, {});
  };

  return { fallback, afterCommand, actions: [choose] };
}
