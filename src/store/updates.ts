import type { Collection, Record_ } from './document-store.js';

export type UpdateResult<T, P extends string> =
  | { readonly ok: true; readonly record: T; readonly before: T }
  | { readonly ok: false; readonly reason: P | 'notFound'; readonly record?: T };

/**
 * One atomic update that may be refused: `step` sees the record as stored and
 * answers the next one, or why the change is refused (then nothing is written).
 * The store may run `step` again when writers contend, so it must not have
 * side effects; the answer is about the run that counted.
 */
export async function updateOrRefuse<T extends Record_, P extends string>(
  records: Pick<Collection<T>, 'update'>,
  id: string,
  step: (current: T) => T | P,
): Promise<UpdateResult<T, P>> {
  let refused: P | undefined;
  let seen: T | undefined;
  const updated = await records.update(id, (current) => {
    seen = current;
    refused = undefined;
    if (!current) return undefined;
    const next = step(current);
    if (typeof next === 'string') {
      refused = next;
      return undefined;
    }
    return next;
  });
  if (!seen) return { ok: false, reason: 'notFound' };
  if (refused !== undefined || !updated)
    return { ok: false, reason: refused ?? 'notFound', record: seen };
  return { ok: true, record: updated, before: seen };
}
