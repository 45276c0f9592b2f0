import { AsyncLocalStorage } from 'node:async_hooks';
import type { Activity } from 'botbuilder';
import {
  AuthenticationError,
  type AuthenticateRequestResult,
  type BotFrameworkAuthentication,
} from 'botframework-connector';
import type { Logger } from '../src/logger.js';

/** A signed request's identity, or why it is refused: 401 (bad token) or 503 (keys unavailable). */
export type Verdict =
  | { readonly ok: true; readonly result: AuthenticateRequestResult }
  | { readonly ok: false; readonly status: 401 | 503; readonly body: { readonly error: string } };

/** Calls made while a request's token is checked; botframework-connector's console output is dropped there. */
const checkingToken = new AsyncLocalStorage<true>();
let consoleGuarded = false;

/**
 * botframework-connector writes `console.error` with the PEM of every published
 * key when a signature does not verify, and the whole error object for an expired
 * token. Within a token check (and only there, across awaits) that output is
 * dropped: the refusal is logged once, on one line, through our logger.
 */
function guardConsole(): void {
  if (consoleGuarded) return;
  consoleGuarded = true;
  const original = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    if (checkingToken.getStore()) return;
    original(...args);
  };
}

/**
 * Checks the request's Bot Framework token. Anything wrong with the token is a
 * 401 with a short neutral body; failing to fetch the signing keys is a 503 (the
 * sender may retry) whose body says nothing of the internal error. The library's
 * messages go to one log line, never to the caller.
 */
export async function authenticate(
  auth: BotFrameworkAuthentication,
  activity: Activity,
  authHeader: string,
  logger: Logger,
): Promise<Verdict> {
  guardConsole();
  try {
    const result = await checkingToken.run(true, () =>
      auth.authenticateRequest(activity, authHeader),
    );
    return { ok: true, result };
  } catch (error) {
    const reason = oneLine(error);
    if (keysUnavailable(error)) {
      logger.error({ reason }, 'request not checked: the token signing keys could not be fetched');
      return { ok: false, status: 503, body: { error: 'service unavailable' } };
    }
    logger.warn({ reason, signed: authHeader !== '' }, 'request refused: not authenticated');
    return { ok: false, status: 401, body: { error: 'unauthorized' } };
  }
}

/** The metadata or key fetch failed (network, HTTP status, unreadable document), not the token. */
function keysUnavailable(error: unknown): boolean {
  if (error instanceof AuthenticationError) return error.statusCode >= 500;
  const name = (error as { name?: unknown })?.name;
  return name === 'FetchError' || name === 'AbortError';
}

/** The first line of an error's message, short: enough to tell refusals apart in the log. */
function oneLine(error: unknown): string {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return (message.split('\n')[0] ?? '').slice(0, 200);
}
