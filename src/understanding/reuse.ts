import type { IntentSpec, IntentTurn } from '../app/intent.js';
import type { Routes } from '../app/router.js';
import type { Role } from '../domain/roles.js';
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

/** What an intent that only runs a command may add to the id, command and audience. */
export interface CommandIntentOptions {
  /** The command's arguments from the slots; none when left out. */
  readonly args?: (turn: IntentTurn) => string;
  /** The button label, when it is not `intent.<id>`. */
  readonly label?: MessageKey;
  readonly followsUp?: IntentSpec['followsUp'];
}

/**
 * An intent answered by running a command (or the command the turn picks), so
 * the words and the command give the same answer.
 */
export function commandIntent(
  router: Routes,
  id: LabelledIntentId,
  commandId: string | ((turn: IntentTurn) => string),
  allowed: readonly Role[],
  options?: CommandIntentOptions,
): IntentSpec;
export function commandIntent(
  router: Routes,
  id: string,
  commandId: string | ((turn: IntentTurn) => string),
  allowed: readonly Role[],
  options: CommandIntentOptions & { readonly label: MessageKey },
): IntentSpec;
export function commandIntent(
  router: Routes,
  id: string,
  commandId: string | ((turn: IntentTurn) => string),
  allowed: readonly Role[],
  options: CommandIntentOptions = {},
): IntentSpec {
  const { args, label, followsUp } = options;
  return {
    id,
    allowed,
    // The overloads let an id go without a label only when `intent.<id>` is a key.
    label: label ?? (`intent.${id}` as MessageKey),
    ...(followsUp ? { followsUp } : {}),
    handle: async (turn) => {
      const command = typeof commandId === 'string' ? commandId : commandId(turn);
      await runCommand(router, turn, command, args?.(turn) ?? '');
    },
  };
}

/** `#5` for an item or meeting number, or '' without one. */
export function ref(n: number | undefined): string {
  return n === undefined ? '' : `#${n}`;
}
