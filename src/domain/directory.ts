import { representsDepartment, type Role } from './roles.js';

export interface Department {
  readonly id: string;
  readonly name: { readonly ja: string; readonly en: string };
}

/** A person in the committee's directory, keyed by sign-in name (UPN), lower case. */
export interface Person {
  readonly id: string;
  readonly upn: string;
  readonly name: { readonly ja: string; readonly en: string };
  readonly role: Exclude<Role, 'guest'>;
  /** Department id; the chair has none. */
  readonly departmentId?: string;
  /** Azure AD object id, learnt from Teams the first time the person writes. */
  readonly aadObjectId?: string;
  readonly updatedAt: string;
}

/** Who is talking to the bot in this turn, as the domain sees it. */
export interface Actor {
  readonly aadObjectId: string;
  readonly displayName: string;
  readonly upn?: string;
  readonly role: Role;
  readonly person?: Person;
  readonly department?: Department;
}

export function normaliseUpn(upn: string): string {
  return upn.trim().toLowerCase();
}

export function personId(upn: string): string {
  return normaliseUpn(upn);
}

/** Heads and delegates act for their department; everyone else for none. */
export function actsForDepartment(actor: Actor, departmentId: string): boolean {
  return representsDepartment(actor.role) && actor.person?.departmentId === departmentId;
}
