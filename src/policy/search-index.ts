import MiniSearch from 'minisearch';
import { appliesTo, type PolicyEntry, type Scope } from './model.js';
import { TOOL_CONCEPT, TOOL_TOPIC } from './lexicon.js';
import {
  conceptToken,
  read,
  requiredTokens,
  scopeToken,
  subjectToken,
  tokensOf,
  type Reading,
} from './text.js';

export interface IndexedEntry {
  readonly entry: PolicyEntry;
  /** Every token of the entry, both languages: what it can be evidence for. */
  readonly tokens: ReadonlySet<string>;
  readonly document: IndexedDocument;
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

/** Reads one entry (the costly part of indexing). */
function indexEntry(entry: PolicyEntry, subjects: readonly string[]): IndexedEntry {
  const c = entry.content;
  const titleText = [c.title.ja, c.title.en, ...c.keywords.ja, ...c.keywords.en].join('\n');
  const bodyText = [c.answer, c.conditions, c.notes]
    .flatMap((text) => (text ? [text.ja, text.en] : []))
    .join('\n');
  // A tool entry is about web conferences even where its text only names the tool.
  const topicConcepts = c.topic === TOOL_TOPIC ? [conceptToken(TOOL_CONCEPT)] : [];
  const title = [
    ...tokensOf(read(titleText, subjects)),
    ...c.subjects.map(subjectToken),
    ...topicConcepts,
  ];
  const body = tokensOf(read(bodyText, subjects));
  return {
    entry,
    tokens: new Set([...title, ...body]),
    document: { id: entry.id, title: title.join(' '), body: body.join(' ') },
  };
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Ranked retrieval over the active entries (MiniSearch, BM25+), built once per
 * revision of the policy data and then only read.
 */
export class PolicyIndex {
  private readonly search: MiniSearch<IndexedDocument>;
  private readonly byId: ReadonlyMap<string, IndexedEntry>;
  private readonly byTopic: ReadonlyMap<string, readonly IndexedEntry[]>;
  /** Every token of every active entry. */
  readonly vocabulary: ReadonlySet<string>;
  /** Subjects (tool names) the data knows, longest first so "Teams Rooms" wins over "Teams". */
  readonly subjects: readonly string[];

  private constructor(entries: readonly PolicyEntry[], previous: PolicyIndex | undefined) {
    const active = entries.filter((e) => e.active);
    this.subjects = [...new Set(active.flatMap((e) => e.content.subjects))].sort(
      (a, b) => b.length - a.length,
    );
    // An unchanged entry keeps its reading, unless the known subjects changed
    // (they decide how every text is read).
    const reusable = previous && sameList(previous.subjects, this.subjects) ? previous : undefined;
    const byId = new Map<string, IndexedEntry>();
    const byTopic = new Map<string, IndexedEntry[]>();
    const vocabulary = new Set<string>();
    for (const entry of active) {
      const earlier = reusable?.byId.get(entry.id);
      const indexed =
        earlier && earlier.entry.version === entry.version
          ? { ...earlier, entry }
          : indexEntry(entry, this.subjects);
      byId.set(entry.id, indexed);
      byTopic.set(entry.content.topic, [...(byTopic.get(entry.content.topic) ?? []), indexed]);
      for (const token of indexed.tokens) vocabulary.add(token);
    }
    this.search = new MiniSearch<IndexedDocument>({
      fields: ['title', 'body'],
      tokenize: splitTokens,
      processTerm: (term) => term,
      searchOptions: { tokenize: splitTokens, processTerm: (term) => term },
    });
    this.search.addAll([...byId.values()].map((e) => e.document));
    this.byId = byId;
    this.byTopic = byTopic;
    this.vocabulary = vocabulary;
  }

  /** Indexes the active entries; `previous` lends the readings of entries that did not change. */
  static build(entries: readonly PolicyEntry[], previous?: PolicyIndex): PolicyIndex {
    return new PolicyIndex(entries, previous);
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

  /**
   * Entries ranked by relevance to the reading; entries for the asked scope
   * rank a little higher. Generic words ("use", "rule") are left out of the
   * query: they occur everywhere and only slow the ranking down.
   */
  rank(reading: Reading, scope: Scope, limit = 5): IndexedEntry[] {
    const query = [...requiredTokens(reading), ...[...reading.scopes].map(scopeToken)].join(' ');
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
    const entries = this.byTopic.get(topic) ?? [];
    return scope ? entries.filter((e) => appliesTo(e.entry.content.scope, scope)) : [...entries];
  }
}
