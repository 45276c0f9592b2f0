import { UnstorableDocumentError } from './document-store.js';

/** A lone surrogate or NUL: JSON can carry them, PostgreSQL text and jsonb cannot. */
const unstorableCharacter =
  /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|\0/;

export function isStorableText(text: string): boolean {
  return !unstorableCharacter.test(text);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value !== 'object') return typeof value;
  return value.constructor?.name ?? 'object without prototype';
}

/** Why `value` cannot be stored faithfully by every backend, or undefined when it can. */
function problemWith(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return isStorableText(value) ? undefined : 'a string with a lone surrogate or NUL';
    case 'number':
      return Number.isFinite(value) ? undefined : `the number ${value}`;
    case 'boolean':
      return undefined;
    case 'object': {
      if (value === null || Array.isArray(value)) return undefined;
      const prototype: unknown = Object.getPrototypeOf(value);
      return prototype === Object.prototype || prototype === null
        ? undefined
        : `a ${describe(value)} (store dates as ISO strings, maps as plain objects)`;
    }
    default:
      return `a ${describe(value)}`;
  }
}

/**
 * Throws an UnstorableDocumentError naming the first field that some backend
 * would refuse or silently change (see Collection in document-store.ts).
 * Walks the record without recursion so that deep nesting cannot overflow the stack.
 */
export function assertStorable(collection: string, record: { readonly id: unknown }): void {
  const where = `${collection}/${String(record.id)}`;
  if (typeof record.id !== 'string' || !isStorableText(record.id)) {
    throw new UnstorableDocumentError(
      `Cannot store ${where}: the id must be a string without lone surrogates or NUL.`,
    );
  }
  const pending: { path: string; value: unknown }[] = [{ path: '', value: record }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { path, value } = next;
    const problem = problemWith(value);
    if (problem)
      throw new UnstorableDocumentError(
        `Cannot store ${where}: ${path || 'the record'} is ${problem}.`,
      );
    if (typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) {
      value.forEach((item: unknown, index) => {
        if (item === undefined) {
          throw new UnstorableDocumentError(
            `Cannot store ${where}: ${path}[${index}] is undefined.`,
          );
        }
        pending.push({ path: `${path}[${index}]`, value: item });
      });
      continue;
    }
    for (const [key, item] of Object.entries(value)) {
      if (!isStorableText(key)) {
        throw new UnstorableDocumentError(
          `Cannot store ${where}: a key in ${path || 'the record'} has a lone surrogate or NUL.`,
        );
      }
      if (item !== undefined) pending.push({ path: path ? `${path}.${key}` : key, value: item });
    }
  }
}

/** Refuses match values whose equality would differ between backends (objects, arrays). */
export function assertScalarMatch(collection: string, match: object | undefined): void {
  for (const [key, value] of Object.entries(match ?? {})) {
    if (typeof value === 'object' && value !== null) {
      throw new TypeError(
        `find in ${collection}: the value for ${key} is an object or array; match compares scalars only.`,
      );
    }
  }
}
