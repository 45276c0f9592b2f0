import type { Clock } from '../clock.js';
import type { Actor } from './directory.js';
import type { DirectoryService } from './directory-service.js';

/** Looks up the sign-in name of the user in this turn (Teams member lookup). */
export type UpnLookup = () => Promise<string | undefined>;

const KNOWN_UPN_TTL_MS = 60 * 60 * 1000;
const FAILED_LOOKUP_TTL_MS = 5 * 60 * 1000;

/**
 * Turns a Teams user into an Actor. People already linked by AAD object id are
 * found directly; otherwise Teams is asked for the UPN once and the answer is
 * cached, so a guest's every message does not cost a member lookup.
 */
export class IdentityResolver {
  private readonly upnCache = new Map<string, { upn: string | undefined; until: number }>();

  constructor(
    private readonly directory: DirectoryService,
    private readonly clock: Clock,
  ) {}

  async resolve(
    user: { aadObjectId: string; displayName: string },
    lookupUpn: UpnLookup,
  ): Promise<Actor> {
    const linked = await this.directory.findByAadObjectId(user.aadObjectId);
    if (linked) return this.directory.actorFor({ ...user, upn: linked.upn }, linked);

    const upn = await this.upnOf(user.aadObjectId, lookupUpn);
    const person = upn ? await this.directory.findByUpn(upn) : undefined;
    if (!person) return this.directory.actorFor({ ...user, ...(upn ? { upn } : {}) }, undefined);
    const linkedNow = await this.directory.link(user.aadObjectId, person);
    return this.directory.actorFor({ ...user, upn: linkedNow.upn }, linkedNow);
  }

  private async upnOf(aadObjectId: string, lookupUpn: UpnLookup): Promise<string | undefined> {
    const now = this.clock.now().getTime();
    const cached = this.upnCache.get(aadObjectId);
    if (cached && cached.until > now) return cached.upn;
    let upn: string | undefined;
    let ttl = KNOWN_UPN_TTL_MS;
    try {
      upn = await lookupUpn();
    } catch {
      ttl = FAILED_LOOKUP_TTL_MS;
    }
    this.upnCache.set(aadObjectId, { upn, until: now + ttl });
    return upn;
  }
}
