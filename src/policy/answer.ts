import { ASPECT_EVIDENCE, type Aspect } from './aspects.js';
import { TOOL_QUESTION_CONCEPTS, TOOL_TOPIC } from './lexicon.js';
import { appliesTo, STATUSES, type PolicyEntry, type Scope, type Status } from './model.js';
import type { IndexedEntry, PolicyIndex } from './search-index.js';
import { requiredTokens, type Reading } from './text.js';

/** Where the scope of an answer came from: the question, the asker's department, or the default. */
export type ScopeSource = 'question' | 'department' | 'default';

/** Which tools stand where, for the entries of one scope. */
export interface ScopeApproval {
  readonly scope: Scope;
  readonly byStatus: ReadonlyArray<{ readonly status: Status; readonly subjects: string[] }>;
  /**
   * Tools the question named, with their status here (undefined: no entry of
   * this scope says); `inData` is false for a product no entry names at all.
   */
  readonly asked: ReadonlyArray<{
    readonly subject: string;
    readonly status?: Status;
    readonly inData: boolean;
  }>;
  /** No entry of this scope, nor a citywide one, approves any tool. */
  readonly noneApproved: boolean;
}

/**
 * The tool-approval answer: one group per scope asked about. A question about
 * both the mayor's departments and the board of education gets each from its
 * own entries; only entries that say 全庁 make a citywide group.
 */
export interface ToolApproval {
  readonly groups: readonly ScopeApproval[];
}

export type PolicyAnswer =
  | {
      readonly kind: 'answer';
      readonly intent: 'toolApproval' | 'lookup';
      readonly scope: Scope;
      readonly scopeSource: ScopeSource;
      readonly primary: PolicyEntry;
      readonly approval?: ToolApproval;
      readonly related: readonly PolicyEntry[];
      /** What the question asked for that the answer does not state (a date, a cost …). */
      readonly unanswered: readonly Aspect[];
      /**
       * Scopes the question named that the answering entry is not about (a
       * question on 区長部局 answered by a 教育委員会 entry): said, not implied.
       */
      readonly uncoveredScopes: readonly Scope[];
    }
  | {
      readonly kind: 'notFound';
      /**
       * Words of the question no entry contains, as the asker wrote them, each
       * once (empty when nothing usable was asked).
       */
      readonly missing: readonly string[];
      readonly scope: Scope;
      readonly scopeSource: ScopeSource;
    };

const RELATED_LIMIT = 3;
/** How deep in the ranking an entry may be and still be the answer (when the ones above miss words). */
const CANDIDATES = 5;

/** The scope a question is about: named in it, else the asker's department, else 区長部局. */
export function scopeOf(
  reading: Reading,
  askerScope: Scope | undefined,
): { scope: Scope; scopeSource: ScopeSource } {
  const named = [...reading.scopes];
  if (named.length === 1 && named[0]) return { scope: named[0], scopeSource: 'question' };
  if (named.length > 1) return { scope: 'all', scopeSource: 'question' };
  if (askerScope) return { scope: askerScope, scopeSource: 'department' };
  return { scope: 'mayor', scopeSource: 'default' };
}

/**
 * Answers a question from the index, or abstains. An answer must contain every
 * word of the question that carries meaning (concepts, named tools, other
 * content words); a question with a word no entry knows is not answered from
 * whatever else it shares with an entry.
 */
export function answerQuestion(
  index: PolicyIndex,
  question: string,
  askerScope: Scope | undefined,
): PolicyAnswer {
  const reading = index.read(question);
  const { scope, scopeSource } = scopeOf(reading, askerScope);
  const required = requiredTokens(reading);
  const notFound = (missing: readonly string[]): PolicyAnswer => ({
    kind: 'notFound',
    missing,
    scope,
    scopeSource,
  });
  if (required.length === 0) return notFound([]);
  const missing = required.filter((t) => !index.vocabulary.has(t));
  if (missing.length > 0) return notFound(wordsAsWritten(reading, missing));

  const tools = toolQuestion(index, reading);
  if (tools) return toolApproval(index, tools, reading, scope, scopeSource) ?? notFound([]);

  const covering = index
    .rank(reading, scope, CANDIDATES)
    .find((candidate) => required.every((t) => candidate.tokens.has(t)));
  if (!covering) return notFound([]);
  return {
    kind: 'answer',
    intent: 'lookup',
    scope,
    scopeSource,
    primary: covering.entry,
    related: relatedTo(index, covering.entry, []),
    unanswered: unansweredAspects(reading, covering.entry),
    uncoveredScopes:
      scopeSource === 'question' ? uncovered(covering.entry.content.scope, scope) : [],
  };
}

/** The scopes asked about (both, for 全庁) that an entry of `entryScope` says nothing about. */
function uncovered(entryScope: Scope, asked: Scope): Scope[] {
  if (entryScope === 'all') return [];
  const concrete: Scope[] = asked === 'all' ? ['mayor', 'education'] : [asked];
  return concrete.filter((s) => s !== entryScope);
}

/** The unknown words a person can recognise: whole words as written, each once, no internal tokens. */
function wordsAsWritten(reading: Reading, terms: readonly string[]): string[] {
  const words = terms
    .filter((t) => !t.startsWith('~') && !t.startsWith('@'))
    .map((t) => reading.surfaces.get(t) ?? t);
  return [...new Set(words)];
}

/** Does the entry state what the aspect asks for (a date for "when", an amount for "how much" …)? */
function states(entry: PolicyEntry, aspect: Aspect): boolean {
  const c = entry.content;
  if (aspect === 'since' && c.since) return true;
  const text = [c.answer, c.conditions, c.notes].flatMap((t) => (t ? [t.ja, t.en] : [])).join('\n');
  return ASPECT_EVIDENCE[aspect].test(text);
}

function unansweredAspects(reading: Reading, entry: PolicyEntry): Aspect[] {
  return [...reading.aspects].filter((aspect) => !states(entry, aspect));
}

/**
 * The tool entries when the question is a tool-approval question: it is about
 * web conferences or names a tool, mentions nothing else (outside members,
 * Wi-Fi …), and every other word it uses appears in some tool entry.
 */
function toolQuestion(index: PolicyIndex, reading: Reading): IndexedEntry[] | undefined {
  const tools = index.ofTopic(TOOL_TOPIC).filter((e) => e.entry.content.subjects.length > 0);
  if (tools.length === 0) return undefined;
  const toolSubjects = new Set(tools.flatMap((e) => e.entry.content.subjects));
  const aboutTools =
    [...reading.concepts].some((c) => TOOL_QUESTION_CONCEPTS.has(c)) ||
    reading.subjects.some((s) => toolSubjects.has(s));
  if (!aboutTools) return undefined;
  if (![...reading.concepts].every((c) => TOOL_QUESTION_CONCEPTS.has(c))) return undefined;
  if (!reading.subjects.every((s) => toolSubjects.has(s))) return undefined;
  if (!reading.content.every((t) => tools.some((e) => e.tokens.has(t)))) return undefined;
  return tools;
}

/** The groups a tool answer is split into: the asked scope, or each scope when asked about several. */
function groupScopes(scope: Scope, entries: readonly IndexedEntry[]): Scope[] {
  if (scope !== 'all') return [scope];
  const citywide = entries.some((e) => e.entry.content.scope === 'all');
  return citywide ? ['all', 'mayor', 'education'] : ['mayor', 'education'];
}

function statusGroups(entries: readonly IndexedEntry[]): ScopeApproval['byStatus'] {
  return STATUSES.map((status) => ({
    status,
    subjects: [
      ...new Set(
        entries
          .filter((e) => e.entry.content.status === status)
          .flatMap((e) => e.entry.content.subjects),
      ),
    ],
  })).filter((group) => group.subjects.length > 0);
}

function toolApproval(
  index: PolicyIndex,
  tools: readonly IndexedEntry[],
  reading: Reading,
  scope: Scope,
  scopeSource: ScopeSource,
): PolicyAnswer | undefined {
  const applying = tools.filter((e) => appliesTo(e.entry.content.scope, scope));
  const split = scope === 'all';
  const groups = groupScopes(scope, applying).map((groupScope): ScopeApproval => {
    // Asked about several scopes, each group holds only the entries that say
    // that scope; asked about one, the citywide entries count for it too.
    const own = applying.filter((e) =>
      split ? e.entry.content.scope === groupScope : appliesTo(e.entry.content.scope, groupScope),
    );
    const holding = split
      ? [...own, ...applying.filter((e) => e.entry.content.scope === 'all')]
      : own;
    const statusIn = (subject: string) =>
      holding.find((e) => e.entry.content.subjects.includes(subject))?.entry.content.status;
    return {
      scope: groupScope,
      byStatus: statusGroups(own),
      asked: [
        ...reading.subjects.map((subject) => {
          const status = statusIn(subject);
          return status ? { subject, status, inData: true } : { subject, inData: true };
        }),
        // Named but not in the data: the card says there is no record of it.
        ...reading.products.map((subject) => ({ subject, inData: false })),
      ],
      noneApproved:
        groupScope !== 'all' && !holding.some((e) => e.entry.content.status === 'approved'),
    };
  });

  const firstAsked = reading.subjects[0];
  const primary = firstAsked
    ? (applying.find((e) => e.entry.content.subjects.includes(firstAsked)) ??
      tools.find((e) => e.entry.content.subjects.includes(firstAsked)))
    : (applying.find((e) => e.entry.content.status === 'approved') ?? applying[0]);
  if (!primary) return undefined;
  const alsoShown = applying.filter((e) => e !== primary).map((e) => e.entry);
  return {
    kind: 'answer',
    intent: 'toolApproval',
    scope,
    scopeSource,
    primary: primary.entry,
    approval: { groups },
    related: relatedTo(index, primary.entry, alsoShown),
    unanswered: toolUnanswered(reading, primary.entry, groups),
    // The groups already answer scope by scope.
    uncoveredScopes: [],
  };
}

/**
 * A tool entry's `since` is when the committee decided; for a named tool that
 * is not approved in the asked scope it does not say from when it may be used.
 */
function toolUnanswered(
  reading: Reading,
  primary: PolicyEntry,
  groups: readonly ScopeApproval[],
): Aspect[] {
  const unanswered = unansweredAspects(reading, primary);
  const notApproved = groups.some((g) =>
    g.asked.some((a) => a.status !== 'approved' && a.status !== 'conditional'),
  );
  if (reading.aspects.has('since') && notApproved && !unanswered.includes('since'))
    unanswered.push('since');
  return unanswered;
}

/** Entries worth a look next to the answer: named as related, then the same topic. */
function relatedTo(
  index: PolicyIndex,
  primary: PolicyEntry,
  first: readonly PolicyEntry[],
): PolicyEntry[] {
  const out: PolicyEntry[] = [];
  const add = (entry: PolicyEntry | undefined) => {
    if (entry && entry.id !== primary.id && !out.some((e) => e.id === entry.id)) out.push(entry);
  };
  first.forEach(add);
  primary.content.related.forEach((id) => add(index.get(id)?.entry));
  index.ofTopic(primary.content.topic).forEach((e) => add(e.entry));
  return out.slice(0, RELATED_LIMIT);
}
