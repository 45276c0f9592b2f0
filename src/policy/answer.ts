import { TOOL_QUESTION_CONCEPTS, TOOL_TOPIC } from './lexicon.js';
import { appliesTo, STATUSES, type PolicyEntry, type Scope, type Status } from './model.js';
import type { IndexedEntry, PolicyIndex } from './search-index.js';
import { requiredTokens, type Reading } from './text.js';

/** Where the scope of an answer came from: the question, the asker's department, or the default. */
export type ScopeSource = 'question' | 'department' | 'default';

/** The tool-approval answer for one scope: which tools stand where. */
export interface ToolApproval {
  readonly byStatus: ReadonlyArray<{ readonly status: Status; readonly subjects: string[] }>;
  /** Tools the question named, with their status in the scope (undefined: no entry says). */
  readonly asked: ReadonlyArray<{ readonly subject: string; readonly status?: Status }>;
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
    }
  | {
      readonly kind: 'notFound';
      /** Words of the question no entry contains (empty when nothing usable was asked). */
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
  if (missing.length > 0) return notFound(missing);

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
  };
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

function toolApproval(
  index: PolicyIndex,
  tools: readonly IndexedEntry[],
  reading: Reading,
  scope: Scope,
  scopeSource: ScopeSource,
): PolicyAnswer | undefined {
  const applying = tools.filter((e) => appliesTo(e.entry.content.scope, scope));
  const byStatus = STATUSES.map((status) => ({
    status,
    subjects: [
      ...new Set(
        applying
          .filter((e) => e.entry.content.status === status)
          .flatMap((e) => e.entry.content.subjects),
      ),
    ],
  })).filter((group) => group.subjects.length > 0);
  const statusIn = (subject: string) =>
    applying.find((e) => e.entry.content.subjects.includes(subject))?.entry.content.status;
  const asked = [
    ...reading.subjects.map((subject) => {
      const status = statusIn(subject);
      return status ? { subject, status } : { subject };
    }),
    // Named but not in the data: the card says there is no record of it.
    ...reading.products.map((subject) => ({ subject })),
  ];

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
    approval: { byStatus, asked },
    related: relatedTo(index, primary.entry, alsoShown),
  };
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
