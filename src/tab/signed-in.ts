import type { Request, Response } from 'restify';
import type { Actor } from '../domain/directory.js';
import type { Route } from '../http/server.js';
import type { Locale } from '../i18n/locale.js';
import type { TabAuthenticator } from './auth.js';

/** A tab API handler that runs only once the caller is known. */
export type SignedInHandler = (
  req: Request,
  res: Response,
  actor: Actor,
  locale: Locale,
) => Promise<void>;

/**
 * Every tab API call starts the same way: read the caller's language, check
 * the Authorization header, and refuse (in that language) anyone not signed in.
 * The returned wrapper does that once for each handler of a route table.
 */
export function signedInOnly(
  authenticator: TabAuthenticator,
  localeOf: (req: Request) => Locale,
  refuse: (res: Response, locale: Locale) => void,
): (handle: SignedInHandler) => Route['handle'] {
  return (handle) => async (req, res) => {
    const locale = localeOf(req);
    const auth = await authenticator.authenticate(req.header('authorization'));
    if (!auth.ok) return refuse(res, locale);
    return handle(req, res, auth.actor, locale);
  };
}
