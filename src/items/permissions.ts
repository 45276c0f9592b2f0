import { actsForDepartment, type Actor } from '../domain/directory.js';
import { isStaffRole } from '../domain/roles.js';
import type { ActionItem, Owner } from './item.js';

// Who may do what with an action item; the service checks these inside each atomic update.

/** Demo data and scheduled jobs act as this actor: allowed everything, recorded as 'system'. */
export const SYSTEM_ACTOR: Actor = {
  aadObjectId: 'system',
  displayName: 'Honbu',
  role: 'secretariat',
};

/** Who is written in history: the person id (UPN), or the AAD id of someone not in the directory. */
export function actorId(actor: Actor): string {
  return actor.person?.id ?? actor.aadObjectId;
}

/** Chair and secretariat create, edit, reassign and cancel. */
export function isStaff(actor: Actor): boolean {
  return isStaffRole(actor.role);
}

/** The owning department's head or delegate, the owning person, the secretariat and the chair. */
export function canChange(actor: Actor, item: Pick<ActionItem, 'owner'>): boolean {
  if (isStaff(actor)) return true;
  return owns(actor, item.owner);
}

/** A done item: whoever may change it; a cancelled one: chair and secretariat (who cancel). */
export function mayReopen(actor: Actor, item: Pick<ActionItem, 'owner' | 'status'>): boolean {
  if (item.status === 'cancelled') return isStaff(actor);
  return canChange(actor, item);
}

/** The actor is the owner: a head or delegate of the owning department, or the owning person. */
export function owns(actor: Actor, owner: Owner): boolean {
  if (owner.kind === 'person') return actor.person?.id === owner.personId;
  return actsForDepartment(actor, owner.departmentId);
}
