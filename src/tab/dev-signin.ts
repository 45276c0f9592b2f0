import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock.js';
import { loadJose } from './jose.js';

const ISSUER = 'honbu-dev-signin';
const LIFETIME_SECONDS = 8 * 60 * 60;

/**
 * The development sign-in for using the tab outside Teams: whoever can reach
 * the server may act as any directory person, so it exists only when
 * TAB_DEV_SIGNIN=true. Its tokens are signed with a key made at start-up and
 * never stored, so they die with the process and cannot be forged elsewhere.
 */
export class DevSignIn {
  private readonly key = new Uint8Array(randomBytes(32));

  constructor(private readonly clock: Clock) {}

  async issue(upn: string): Promise<string> {
    const { SignJWT } = await loadJose();
    const now = Math.floor(this.clock.now().getTime() / 1000);
    return new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(ISSUER)
      .setSubject(upn)
      .setIssuedAt(now)
      .setExpirationTime(now + LIFETIME_SECONDS)
      .sign(this.key);
  }

  /** The UPN a token was issued for, or undefined when it is not one of ours or expired. */
  async verify(token: string): Promise<string | undefined> {
    const { jwtVerify } = await loadJose();
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        currentDate: this.clock.now(),
      });
      return payload.sub;
    } catch {
      return undefined;
    }
  }
}
