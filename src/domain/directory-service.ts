import type { Clock } from '../clock.js';
import type { Collection, DocumentStore } from '../store/document-store.js';
import { normaliseUpn, personId, type Actor, type Department, type Person } from './directory.js';
import { representsDepartment, type Role } from './roles.js';

export interface TeamsIdentity {
  readonly aadObjectId: string;
  readonly displayName: string;
  readonly upn?: string;
}

interface AadLink {
  readonly id: string; // aad object id
  readonly personId: string;
}

export type DirectoryChange =
  | { ok: true; person: Person; created: boolean }
  | { ok: false; reason: 'unknownDepartment' | 'departmentRequired' | 'invalidUpn' };

/**
 * The directory: who is who, in which role and department. People are found by
 * their Azure AD object id once it is known, otherwise by UPN.
 */
export class DirectoryService {
  private readonly people: Collection<Person>;
  private readonly departments: Collection<Department>;
  private readonly aadLinks: Collection<AadLink>;

  constructor(
    store: DocumentStore,
    private readonly clock: Clock,
  ) {
    this.people = store.collection<Person>('people');
    this.departments = store.collection<Department>('departments');
    this.aadLinks = store.collection<AadLink>('aadLinks');
  }

  async findByAadObjectId(aadObjectId: string): Promise<Person | undefined> {
    const link = await this.aadLinks.get(aadObjectId);
    return link ? this.people.get(link.personId) : undefined;
  }

  async findByUpn(upn: string): Promise<Person | undefined> {
    return this.people.get(personId(upn));
  }

  /** Records that this AAD object id belongs to the person with this UPN. */
  async link(aadObjectId: string, person: Person): Promise<Person> {
    await this.aadLinks.put({ id: aadObjectId, personId: person.id });
    const updated = await this.people.update(person.id, (p) =>
      p && p.aadObjectId !== aadObjectId
        ? { ...p, aadObjectId, updatedAt: this.clock.now().toISOString() }
        : undefined,
    );
    return updated ?? person;
  }

  async actorFor(identity: TeamsIdentity, person: Person | undefined): Promise<Actor> {
    const department = person?.departmentId
      ? await this.departments.get(person.departmentId)
      : undefined;
    const role: Role = person?.role ?? 'guest';
    return {
      aadObjectId: identity.aadObjectId,
      displayName: person ? person.name.ja : identity.displayName,
      ...(identity.upn ? { upn: identity.upn } : {}),
      role,
      ...(person ? { person } : {}),
      ...(department ? { department } : {}),
    };
  }

  listPeople(): Promise<Person[]> {
    return this.people.find();
  }

  listDepartments(): Promise<Department[]> {
    return this.departments.find();
  }

  getDepartment(id: string): Promise<Department | undefined> {
    return this.departments.get(id);
  }

  /** People who answer for a department: its head(s) and delegate(s). */
  async representativesOf(departmentId: string): Promise<Person[]> {
    const people = await this.people.find({ departmentId });
    return people.filter((p) => representsDepartment(p.role));
  }

  /** Departments that have a head or delegate (who answer surveys and own items), in directory order. */
  async answeringDepartments(): Promise<Department[]> {
    const answering = new Set(
      (await this.listPeople())
        .filter((p) => representsDepartment(p.role))
        .map((p) => p.departmentId),
    );
    return (await this.listDepartments()).filter((d) => answering.has(d.id));
  }

  async findDepartment(nameOrId: string): Promise<Department | undefined> {
    const wanted = nameOrId.trim().toLowerCase();
    const all = await this.departments.find();
    return all.find(
      (d) => d.id === wanted || d.name.ja === nameOrId.trim() || d.name.en.toLowerCase() === wanted,
    );
  }

  /** Adds or changes a directory entry (secretariat command). */
  async upsertPerson(input: {
    upn: string;
    role: Exclude<Role, 'guest'>;
    department?: string;
    name?: string;
  }): Promise<DirectoryChange> {
    const upn = normaliseUpn(input.upn);
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(upn)) return { ok: false, reason: 'invalidUpn' };
    let departmentId: string | undefined;
    if (input.department) {
      const department = await this.findDepartment(input.department);
      if (!department) return { ok: false, reason: 'unknownDepartment' };
      departmentId = department.id;
    } else if (representsDepartment(input.role)) {
      return { ok: false, reason: 'departmentRequired' };
    }
    let created = false;
    const now = this.clock.now().toISOString();
    const person = await this.people.update(personId(upn), (current) => {
      created = current === undefined;
      const name = input.name ?? current?.name.ja ?? upn;
      return {
        id: personId(upn),
        upn,
        name: input.name ? { ja: name, en: name } : (current?.name ?? { ja: name, en: name }),
        role: input.role,
        ...(departmentId ? { departmentId } : {}),
        ...(current?.aadObjectId ? { aadObjectId: current.aadObjectId } : {}),
        updatedAt: now,
      };
    });
    if (!person) throw new Error('directory update returned nothing');
    return { ok: true, person, created };
  }

  async putDepartment(department: Department): Promise<void> {
    await this.departments.put(department);
  }

  async putPerson(person: Person): Promise<void> {
    await this.people.put(person);
  }
}
