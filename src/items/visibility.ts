import { actsForDepartment, type Actor } from '../domain/directory.js';
import { allows, Audience } from '../domain/roles.js';
import type { ActionItem, Owner } from './item.js';

/**
 * Who may read what of an action item: the one rule that chat, cards and the
 * dashboard tab all apply.
 * - `full`: the owning department (its head or delegate), the owning person, the
 *   secretariat and the chair read everything: progress notes, the blocking
 *   reason, snoozes and the history.
 * - `outline`: anyone else in the directory reads what the whole committee
 *   decided: number, title, owner, status, due, the detail and the words of the
 *   minutes; not how the owner is getting on.
 * - `none`: guests read nothing.
 */
export type ItemAccess = 'none' | 'outline' | 'full';

/**
 * The owning department's head or delegate, or the owning person. A person's
 * item belongs to their department too: `personDepartmentId` is that department.
 */
function owns(actor: Actor, owner: Owner, personDepartmentId: string | undefined): boolean {
  if (owner.kind === 'department') return actsForDepartment(actor, owner.departmentId);
  if (actor.person?.id === owner.personId) return true;
  return personDepartmentId !== undefined && actsForDepartment(actor, personDepartmentId);
}

export function itemAccess(
  actor: Actor,
  item: Pick<ActionItem, 'owner'>,
  personDepartmentId?: string,
): ItemAccess {
  if (actor.role === 'guest') return 'none';
  if (allows(Audience.staff, actor.role) || owns(actor, item.owner, personDepartmentId))
    return 'full';
  return 'outline';
}

/** The item as `actor` may read it: for an outline, without notes, reason, snooze or history. */
export function itemAsSeenBy(
  actor: Actor,
  item: ActionItem,
  personDepartmentId?: string,
): ActionItem | undefined {
  const access = itemAccess(actor, item, personDepartmentId);
  if (access === 'none') return undefined;
  if (access === 'full') return item;
  const { blockedReason: _reason, snoozedUntil: _snoozed, ...outline } = item;
  return { ...outline, progress: [], history: [] };
}
