import type { Clock } from '../clock.js';
import type { TabConfig } from '../config.js';
import type { Actor } from '../domain/directory.js';
import type { DirectoryService } from '../domain/directory-service.js';
import type { IdentityResolver } from '../domain/identity.js';
import type { Logger } from '../logger.js';
import { DevSignIn } from './dev-signin.js';
import { SsoVerifier } from './sso.js';

export type Authentication = { ok: true; actor: Actor } | { ok: false; reason: string };

/**
 * Turns the Authorization header of a tab API call into an Actor, with the
 * same directory and roles the bot uses: a Teams SSO token, or (only when
 * enabled) a development sign-in token.
 */
export class TabAuthenticator {
  readonly devSignIn: DevSignIn | undefined;
  private readonly sso: SsoVerifier | undefined;

  constructor(
    config: TabConfig,
    private readonly directory: DirectoryService,
    private readonly identity: IdentityResolver,
    clock: Clock,
    private readonly logger: Logger,
  ) {
    this.sso = config.sso ? new SsoVerifier(config.sso, clock) : undefined;
    this.devSignIn = config.devSignIn ? new DevSignIn(clock) : undefined;
  }

  async authenticate(authorization: string | undefined): Promise<Authentication> {
    const token = /^Bearer (\S+)$/i.exec(authorization ?? '')?.[1];
    if (!token) return { ok: false, reason: 'no bearer token' };

    const devUpn = this.devSignIn ? await this.devSignIn.verify(token) : undefined;
    if (devUpn) {
      const person = await this.directory.findByUpn(devUpn);
      if (!person) return { ok: false, reason: 'dev sign-in person left the directory' };
      const actor = await this.directory.actorFor(
        { aadObjectId: `dev:${person.upn}`, displayName: person.name.ja, upn: person.upn },
        person,
      );
      return { ok: true, actor };
    }

    if (!this.sso) return { ok: false, reason: 'single sign-on is not configured' };
    const verified = await this.sso.verify(token);
    if (!verified.ok) {
      this.logger.info({ reason: verified.reason }, 'tab API: token refused');
      return verified;
    }
    const { aadObjectId, displayName, upn } = verified.identity;
    const actor = await this.identity.resolve({ aadObjectId, displayName }, async () => upn);
    return { ok: true, actor };
  }
}
