import type { Clock } from '../clock.js';
import type { Collection, DocumentStore } from '../store/document-store.js';
import { answerQuestion, scopeOf, type PolicyAnswer } from './answer.js';
import {
  policyContent,
  type ChangeKind,
  type Editor,
  type PolicyContent,
  type PolicyEntry,
  type Scope,
} from './model.js';
import { PolicyIndex } from './search-index.js';
import { Numbering } from '../store/numbering.js';
import { looksLikeQuestion } from './text.js';

export type PolicyChange =
  | { readonly ok: true; readonly entry: PolicyEntry }
  | { readonly ok: false; readonly reason: 'notFound' | 'retired' | 'exists' }
  /** Someone saved another version since the editor loaded this one. */
  | { readonly ok: false; readonly reason: 'stale'; readonly current: PolicyEntry }
  /** The content failed validation; `fields` names the top-level fields at fault. */
  | { readonly ok: false; readonly reason: 'invalid'; readonly fields: readonly string[] };

/** Shown in history for changes nobody typed (demo data). */
export const SYSTEM_EDITOR: Editor = { name: 'Honbu' };

/**
 * The policy data: versioned entries, each keeping its history inside its own
 * record, and the search index over the active ones. Every change is one
 * atomic `update` of the entry followed by a bump of the data revision, which
 * tells every reader (in this process or another) to rebuild its index.
 */
export class PolicyBook {
  private readonly entries: Collection<PolicyEntry>;
  /** Entry and question numbers, and the data revision. */
  private readonly counters: Numbering;
  private cache: { readonly revision: number; readonly index: PolicyIndex } | undefined;

  constructor(
    store: DocumentStore,
    private readonly clock: Clock,
  ) {
    this.entries = store.collection<PolicyEntry>('policies');
    this.counters = new Numbering(store, 'policyCounters');
  }

  /** The index of the current data; rebuilt only when the data changed. */
  async index(): Promise<PolicyIndex> {
    // Revision first, entries second: writers do the opposite, so a cached
    // index is never older than the revision it is filed under.
    const revision = await this.counters.current('revision');
    if (this.cache && this.cache.revision === revision) return this.cache.index;
    const index = PolicyIndex.build(await this.entries.find(), this.cache?.index);
    this.cache = { revision, index };
    return index;
  }

  async answer(question: string, askerScope: Scope | undefined): Promise<PolicyAnswer> {
    return answerQuestion(await this.index(), question, askerScope);
  }

  /** The scope a question is about (named in it, or the asker's department). */
  async scopeOf(question: string, askerScope: Scope | undefined): Promise<Scope> {
    return scopeOf((await this.index()).read(question), askerScope).scope;
  }

  /**
   * Should free text (no command matched) be taken as a policy question? Yes
   * when it uses a word the policy data knows, or reads like a question about
   * something; a greeting or a mistyped command ("hlep") is left to others.
   */
  async worthAnswering(text: string): Promise<boolean> {
    const index = await this.index();
    const reading = index.read(text);
    const knowsWords =
      reading.concepts.size > 0 ||
      reading.subjects.length > 0 ||
      reading.scopes.size > 0 ||
      reading.content.some((t) => index.vocabulary.has(t));
    const saysSomething = reading.content.length > 0 || reading.generic.length > 0;
    return knowsWords || (saysSomething && looksLikeQuestion(text));
  }

  get(id: string): Promise<PolicyEntry | undefined> {
    return this.entries.get(id.trim().toLowerCase());
  }

  /** Every entry, active ones first, in a stable order. */
  async list(): Promise<PolicyEntry[]> {
    const all = await this.entries.find();
    return all.sort(
      (a, b) =>
        Number(b.active) - Number(a.active) ||
        a.content.topic.localeCompare(b.content.topic) ||
        a.id.localeCompare(b.id),
    );
  }

  /** A short number people can type ("p3", "q12"); ids of seeded entries are their data ids. */
  nextNumber(kind: 'policy' | 'question'): Promise<number> {
    return this.counters.reserve(kind);
  }

  async create(content: unknown, by: Editor, id?: string): Promise<PolicyChange> {
    const parsed = validate(content);
    if (!parsed.ok) return parsed;
    const entryId = (id ?? `p${await this.nextNumber('policy')}`).toLowerCase();
    const now = this.clock.now().toISOString();
    let created = false;
    const stored = await this.entries.update(entryId, (current) => {
      if (current) return undefined;
      created = true;
      return {
        id: entryId,
        version: 1,
        content: parsed.content,
        active: true,
        change: 'created',
        updatedAt: now,
        updatedBy: by,
        history: [],
      };
    });
    if (!created || !stored) return { ok: false, reason: 'exists' };
    await this.bumpRevision();
    return { ok: true, entry: stored };
  }

  /**
   * A new version with changed content. `expectedVersion` (from a card) makes
   * the save fail instead of silently overwriting someone else's newer version.
   */
  async edit(
    id: string,
    change: (content: PolicyContent) => unknown,
    by: Editor,
    expectedVersion?: number,
  ): Promise<PolicyChange> {
    return this.revise(id, by, expectedVersion, 'edited', undefined, (entry) => {
      const parsed = validate(change(entry.content));
      return parsed.ok ? { content: parsed.content, active: true } : parsed;
    });
  }

  async retire(
    id: string,
    by: Editor,
    reason: string | undefined,
    expectedVersion?: number,
  ): Promise<PolicyChange> {
    return this.revise(id, by, expectedVersion, 'retired', reason, (entry) => ({
      content: entry.content,
      active: false,
    }));
  }

  private async revise(
    id: string,
    by: Editor,
    expectedVersion: number | undefined,
    change: ChangeKind,
    reason: string | undefined,
    next: (
      entry: PolicyEntry,
    ) => { content: PolicyContent; active: boolean } | Extract<PolicyChange, { ok: false }>,
  ): Promise<PolicyChange> {
    type Refusal = Extract<PolicyChange, { ok: false }>;
    const refusalFor = (current: PolicyEntry | undefined): Refusal | undefined => {
      if (!current) return { ok: false, reason: 'notFound' };
      if (!current.active) return { ok: false, reason: 'retired' };
      if (expectedVersion !== undefined && current.version !== expectedVersion)
        return { ok: false, reason: 'stale', current };
      return undefined;
    };
    // The refusal is decided inside the atomic update, on the record as it is then.
    let refusal: Refusal | undefined;
    const now = this.clock.now().toISOString();
    const stored = await this.entries.update(id.trim().toLowerCase(), (current) => {
      refusal = refusalFor(current);
      if (refusal || !current) return undefined;
      const result = next(current);
      if ('ok' in result) {
        refusal = result;
        return undefined;
      }
      const { history, ...previous } = current;
      return {
        id: current.id,
        version: current.version + 1,
        content: result.content,
        active: result.active,
        change,
        ...(reason ? { reason } : {}),
        updatedAt: now,
        updatedBy: by,
        history: [
          ...history,
          {
            version: previous.version,
            content: previous.content,
            active: previous.active,
            change: previous.change,
            ...(previous.reason ? { reason: previous.reason } : {}),
            at: previous.updatedAt,
            by: previous.updatedBy,
          },
        ],
      };
    });
    if (refusal) return refusal;
    if (!stored) return { ok: false, reason: 'notFound' };
    await this.bumpRevision();
    return { ok: true, entry: stored };
  }

  private async bumpRevision(): Promise<void> {
    await this.counters.reserve('revision');
  }
}

function validate(
  content: unknown,
): { ok: true; content: PolicyContent } | Extract<PolicyChange, { reason: 'invalid' }> {
  const parsed = policyContent.safeParse(content);
  if (parsed.success) return { ok: true, content: parsed.data };
  return {
    ok: false,
    reason: 'invalid',
    fields: [...new Set(parsed.error.issues.map((i) => String(i.path[0] ?? '')))],
  };
}
