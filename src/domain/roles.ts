/** Roles from the domain brief. The chair may do anything the secretariat may. */
export const ROLES = ['chair', 'secretariat', 'member', 'delegate', 'guest'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Named groups used by the command table; one place decides who is in which. */
export const Audience = {
  anyone: ROLES,
  directory: ['chair', 'secretariat', 'member', 'delegate'],
  departments: ['member', 'delegate'],
  staff: ['chair', 'secretariat'],
} as const satisfies Record<string, readonly Role[]>;

export function allows(allowed: readonly Role[], role: Role): boolean {
  return allowed.includes(role);
}

/** The chair and the secretariat: they manage meetings, surveys, items and policies. */
export function isStaffRole(role: Role): boolean {
  return allows(Audience.staff, role);
}

/** A department's head or delegate: answers and acts for that department. */
export function representsDepartment(role: Role): boolean {
  return allows(Audience.departments, role);
}
