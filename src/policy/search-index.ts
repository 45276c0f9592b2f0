import MiniSearch from 'minisearch';
import { appliesTo, type PolicyEntry, type Scope } from './model.js';
import { read, subjectToken, tokensOf, type Reading } from './text.js';

export interface IndexedEntry {
  readonly entry: PolicyEntry;
  /** Every token of the entry, both languages: what it can be evidence for. */
  readonly tokens: ReadonlySet<string>;
}

interface IndexedDocument {
  readonly id: string;
  readonly title: string;
  readonly body: string;
}

const splitTokens = (text: string): string[] => text.split(' ').filter(Boolean);

/** Search weight of a query token: concepts and named subjects say most about a question. */
function termBoost(term: string): number {
  if (term.startsWith('@')) return 3;
  if (term.startsWith('~scope:')) return 0.5;
  if (term.startsWith('~')) return 2;
  return 1;
}

/**
 * Ranked retrieval over the active entries (MiniSearch, BM25+), built once per
 * revision of the policy data and then only read.
 */
export class PolicyIndex {
  private readonly search: MiniSearch<IndexedDocument>;
  private readonly byId: ReadonlyMap<string, IndexedEntry>;
  /** Every token of every active entry. */
  readonly vocabulary: ReadonlySet<string>;
  /** Subjects (tool names) the data knows, longest first so "Teams Rooms" wins over "Teams". */
  readonly subjects: readonly string[];

  private constructor(entries: readonly PolicyEntry[]) {
    const active = entries.filter((e) => e.active);
    this.subjects = [...new Set(active.flatMap((e) => e.content.subjects))].sort(
      (a, b) => b.length - a.length,
    );
    this.search = new MiniSearch<IndexedDocument>({
      fields: ['title', 'body'],
      tokenize: splitTokens,
      processTerm: (term) => term,
      searchOptions: { tokenize: splitTokens, processTerm: (term) => term },
    });
    const byId = new Map<string, IndexedEntry>();
    const vocabulary = new Set<string>();
    const documents: IndexedDocument[] = [];
    for (const entry of active) {
      const c = entry.content;
      const titleText = [c.title.ja, c.title.en, ...c.keywords.ja, ...c.keywords.en].join('\n');
      const bodyText = [
        c.answer.ja,
        c.answer.en,
        c.conditions?.ja,
        c.conditions?.en,
        c.notes?.ja,
        c.notes?.en,
      ]
        .filter(Boolean)
        .join('\n');
      const title = [...tokensOf(read(titleText, this.subjects)), ...c.subjects.map(subjectToken)];
      const body = tokensOf(read(bodyText, this.subjects));
      const tokens = new Set([...title, ...body]);
      for (const token of tokens) vocabulary.add(token);
      byId.set(entry.id, { entry, tokens });
      documents.push({ id: entry.id, title: title.join(' '), body: body.join(' ') });
    }
    this.search.addAll(documents);
    this.byId = byId;
    this.vocabulary = vocabulary;
  }

  static build(entries: readonly PolicyEntry[]): PolicyIndex {
    return new PolicyIndex(entries);
  }

  /** Reads a question with the subjects this data knows. */
  read(question: string): Reading {
    return read(question, this.subjects);
  }

  get(id: string): IndexedEntry | undefined {
    return this.byId.get(id);
  }

  entries(): IndexedEntry[] {
    return [...this.byId.values()];
  }

  /** Entries ranked by relevance to the reading; entries for the asked scope rank a little higher. */
  rank(reading: Reading, scope: Scope, limit = 5): IndexedEntry[] {
    const query = tokensOf(reading).join(' ');
    if (!query) return [];
    const results = this.search.search(query, {
      boost: { title: 2 },
      combineWith: 'OR',
      boostTerm: (term) => termBoost(term),
      boostDocument: (id) => {
        const found = this.byId.get(String(id));
        return found && found.entry.content.scope === scope ? 1.2 : 1;
      },
    });
    return results
      .slice(0, limit)
      .map((r) => this.byId.get(String(r.id)))
      .filter((e): e is IndexedEntry => e !== undefined);
  }

  /** Entries of a topic that apply to a scope. */
  ofTopic(topic: string, scope?: Scope): IndexedEntry[] {
    return this.entries().filter(
      (e) => e.entry.content.topic === topic && (!scope || appliesTo(e.entry.content.scope, scope)),
    );
  }
}
