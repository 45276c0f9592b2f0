import type { IntentTurn } from '../app/intent.js';
import type { Routes } from '../app/router.js';

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

/** `#5` for an item or meeting number, or '' without one. */
export function ref(n: number | undefined): string {
  return n === undefined ? '' : `#${n}`;
}
