import type * as Jose from 'jose';
import type { Clock } from '../clock.js';
import type { TabSsoConfig } from '../config.js';
import { loadJose } from './jose.js';

/** Who a valid Teams SSO token says the caller is. */
export interface SsoIdentity {
  readonly aadObjectId: string;
  readonly upn: string | undefined;
  readonly displayName: string;
}

export type SsoResult = { ok: true; identity: SsoIdentity } | { ok: false; reason: string };

/** Tokens are accepted up to this much past expiry, for clock skew between hosts. */
const CLOCK_TOLERANCE_SECONDS = 60;
/** The scope the tab's Entra app exposes for Teams SSO. */
const TEAMS_SSO_SCOPE = 'access_as_user';

/**
 * Verifies the access tokens Teams hands the tab (authentication.getAuthToken):
 * RS256 signature against the tenant's published keys, issuer of our tenant
 * (v1 or v2 endpoint), audience = our app (its api:// URI or its client id),
 * not expired by our clock, and the access_as_user scope.
 */
export class SsoVerifier {
  /** The tenant's published keys, fetched and cached by jose from the first token on. */
  private keys: ReturnType<typeof Jose.createRemoteJWKSet> | undefined;

  constructor(
    private readonly config: TabSsoConfig,
    private readonly clock: Clock,
  ) {}

  async verify(token: string): Promise<SsoResult> {
    const { tenantId, appId, appIdUri, keysUrl } = this.config;
    const jose = await loadJose();
    this.keys ??= jose.createRemoteJWKSet(new URL(keysUrl), { timeoutDuration: 5000 });
    let payload: Jose.JWTPayload;
    try {
      ({ payload } = await jose.jwtVerify(token, this.keys, {
        algorithms: ['RS256'],
        issuer: [
          `https://login.microsoftonline.com/${tenantId}/v2.0`,
          `https://sts.windows.net/${tenantId}/`,
        ],
        audience: [appIdUri, appId],
        requiredClaims: ['exp', 'oid', 'tid'],
        currentDate: this.clock.now(),
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
      }));
    } catch (error) {
      return { ok: false, reason: describe(error, jose.errors) };
    }
    if (payload['tid'] !== tenantId) return { ok: false, reason: 'token of another tenant' };
    const scopes = typeof payload['scp'] === 'string' ? payload['scp'].split(' ') : [];
    if (!scopes.includes(TEAMS_SSO_SCOPE))
      return { ok: false, reason: `token lacks the ${TEAMS_SSO_SCOPE} scope` };
    const upn = [payload['preferred_username'], payload['upn'], payload['unique_name']].find(
      (v): v is string => typeof v === 'string' && v.includes('@'),
    );
    return {
      ok: true,
      identity: {
        aadObjectId: String(payload['oid']),
        upn,
        displayName: typeof payload['name'] === 'string' ? payload['name'] : (upn ?? ''),
      },
    };
  }
}

function describe(error: unknown, errors: typeof Jose.errors): string {
  if (error instanceof errors.JWTExpired) return 'token expired';
  if (error instanceof errors.JWTClaimValidationFailed)
    return `claim ${error.claim} is not accepted`;
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'bad signature';
  if (error instanceof errors.JWKSNoMatchingKey) return 'signed with an unknown key';
  if (error instanceof errors.JOSEError) return `${error.code}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}
