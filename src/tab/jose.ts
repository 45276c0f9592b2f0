import type * as Jose from 'jose';

let loading: Promise<typeof Jose> | undefined;

/**
 * The JOSE library, loaded with the tab's first sign-in rather than at start:
 * only the tab verifies tokens this way (the bot's own are checked in bot/),
 * so chat turns and start-up never need it.
 */
export function loadJose(): Promise<typeof Jose> {
  loading ??= import('jose');
  return loading;
}
