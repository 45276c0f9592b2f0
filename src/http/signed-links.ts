import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../clock.js';

export type LinkCheck = 'valid' | 'expired' | 'invalid';

export interface SignedLink {
  readonly url: string;
  readonly expiresAt: Date;
}

/**
 * Short-lived links for downloads served by the bot (CSV exports): the path,
 * its parameters and the expiry are signed with HMAC-SHA256, so a link cannot
 * be changed to point at another survey or live longer. With a generated
 * secret (LINK_SIGNING_SECRET unset) links stop working when the process ends.
 */
export class SignedLinks {
  private baseUrl: string | undefined;

  constructor(
    private readonly secret: string,
    private readonly clock: Clock,
    publicBaseUrl: string | undefined,
  ) {
    this.baseUrl = publicBaseUrl?.replace(/\/+$/, '');
  }

  /** Where the server listens, used when no PUBLIC_BASE_URL is configured. */
  useListeningUrl(url: string): void {
    this.baseUrl ??= url.replace(/\/+$/, '');
  }

  create(path: string, params: Readonly<Record<string, string>>, ttlMs: number): SignedLink {
    const expiresAt = new Date(this.clock.now().getTime() + ttlMs);
    const query = new URLSearchParams({ ...params, expires: String(expiresAt.getTime()) });
    query.set('sig', this.signature(path, query));
    return { url: `${this.baseUrl ?? ''}${path}?${query.toString()}`, expiresAt };
  }

  /** Checks a request's path and query string (as received) against its signature. */
  check(path: string, search: string): LinkCheck {
    const query = new URLSearchParams(search);
    const given = query.get('sig') ?? '';
    query.delete('sig');
    const expected = this.signature(path, query);
    const a = Buffer.from(given);
    const b = Buffer.from(expected);
    if (a.length !== b.length || !timingSafeEqual(a, b)) return 'invalid';
    const expires = Number(query.get('expires'));
    return Number.isFinite(expires) && expires > this.clock.now().getTime() ? 'valid' : 'expired';
  }

  private signature(path: string, query: URLSearchParams): string {
    const canonical = [...query.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
      .join('&');
    return createHmac('sha256', this.secret).update(`${path}\n${canonical}`).digest('base64url');
  }
}
