import type { IntentSpec, IntentTurn } from '../app/intent.js';
import type { Routes } from '../app/router.js';
import { Audience, type Role } from '../domain/roles.js';
import type { MessageKey } from '../i18n/catalog.js';

/**
 * Runs an existing command's handler for an intent, with the arguments the
 * slots give, so a feature is answered the same in words and in commands.
 * False when that command does not exist in this build.
 */
export async function runCommand(
  router: Routes,
  turn: IntentTurn,
  commandId: string,
  args = '',
  groups: Readonly<Record<string, string>> = {},
): Promise<boolean> {
  const spec = router().command(commandId);
  if (!spec) return false;
  await spec.handle({ ...turn, args, groups });
  return true;
}

/** The intent ids whose button label is the catalog's `intent.<id>`. */
type LabelledIntentId<K = MessageKey> = K extends `intent.${infer Id}` ? Id : never;

/** An intent id, with its button label when that is not `intent.<id>`. */
export type CommandIntentId =
  LabelledIntentId | { readonly id: string; readonly label: MessageKey };

/** What an intent that only runs a command may add to the id, command and audience. */
export interface CommandIntentOptions {
  /** The command's arguments from the slots; none when left out. */
  readonly args?: (turn: IntentTurn) => string;
  /** The named groups a word reply's pattern would have caught. */
  readonly groups?: (turn: IntentTurn) => Readonly<Record<string, string>>;
  readonly followsUp?: IntentSpec['followsUp'];
}

/**
 * An intent answered by running a command (or the command the turn picks), so
 * the words and the command give the same answer.
 */
export function commandIntent(
  router: Routes,
  intent: CommandIntentId,
  commandId: string | ((turn: IntentTurn) => string),
  allowed: readonly Role[],
  options: CommandIntentOptions = {},
): IntentSpec {
  const { id, label } =
    typeof intent === 'string' ? { id: intent, label: `intent.${intent}` as const } : intent;
  const { args, groups, followsUp } = options;
  return {
    id,
    allowed,
    label,
    ...(followsUp ? { followsUp } : {}),
    handle: async (turn) => {
      const command = typeof commandId === 'string' ? commandId : commandId(turn);
      await runCommand(router, turn, command, args?.(turn) ?? '', groups?.(turn));
    },
  };
}

/**
 * 「#5を見せて」 / 「次の会議」: the numbered item or meeting's card by `show`,
 * or without a number the `otherwise` command (mine, next); it follows up on
 * the one just shown.
 */
export function showIntent(
  router: Routes,
  id: LabelledIntentId,
  follows: 'item' | 'meeting',
  commands: { readonly show: string; readonly otherwise: string },
): IntentSpec {
  const numberOf = (turn: IntentTurn) =>
    follows === 'item' ? turn.slots.itemNumber : turn.slots.meetingNumber;
  return commandIntent(
    router,
    id,
    (turn) => (numberOf(turn) === undefined ? commands.otherwise : commands.show),
    Audience.directory,
    { followsUp: follows, args: (turn) => ref(numberOf(turn)) },
  );
}

/** `#5` for an item or meeting number, or '' without one. */
export function ref(n: number | undefined): string {
  return n === undefined ? '' : `#${n}`;
}
