import type { ItemUses } from './deps.js';
import { EVERY_DEPARTMENT, readOwner } from './form.js';
import { ACTIVE_STATUSES, ITEM_STATUSES, type ItemStatus } from './item.js';
import type { ItemFilters } from './service.js';

export interface ListQuery {
  readonly departmentId?: string;
  /** '' = active ones, 'all', or one status. */
  readonly status: string;
  readonly overdue: boolean;
  readonly groupId?: string;
}

const STATUS_WORDS: ReadonlyArray<[RegExp, string]> = [
  [/^(未着手|open)$/i, 'open'],
  [/^(対応中|inprogress|in-progress)$/i, 'inProgress'],
  [/^(対応不可|blocked)$/i, 'blocked'],
  [/^(完了|done)$/i, 'done'],
  [/^(取消|取り消し|cancelled|canceled)$/i, 'cancelled'],
  [/^(全て|すべて|全件|all)$/i, 'all'],
];

/** 宿題一覧 区民部 期限切れ / items overdue done: department, status and lateness in any order. */
export async function readListQuery(
  services: ItemUses,
  args: string,
): Promise<{ ok: true; query: ListQuery } | { ok: false; word: string }> {
  let status = '';
  let overdue = false;
  let departmentId: string | undefined;
  const departments = await services.directory.listDepartments();
  const people = await services.directory.listPeople();
  // "in progress" is one status, though two words.
  const words = args
    .replace(/\bin progress\b/gi, 'inprogress')
    .split(/\s+/)
    .filter(Boolean);
  for (const word of words) {
    const statusWord = STATUS_WORDS.find(([pattern]) => pattern.test(word))?.[1];
    if (statusWord) status = statusWord;
    else if (/^(期限切れ|遅延|overdue|late)$/i.test(word)) overdue = true;
    else {
      const owner = readOwner(word, departments, people);
      if (!owner || owner === EVERY_DEPARTMENT || owner.kind !== 'department')
        return { ok: false, word };
      departmentId = owner.departmentId;
    }
  }
  return { ok: true, query: { status, overdue, ...(departmentId ? { departmentId } : {}) } };
}

export function filtersOf(query: ListQuery): ItemFilters {
  const statuses: readonly ItemStatus[] | undefined =
    query.status === 'all'
      ? undefined
      : query.status === ''
        ? ACTIVE_STATUSES
        : ITEM_STATUSES.filter((s) => s === query.status);
  return {
    ...(statuses ? { statuses } : {}),
    ...(query.departmentId ? { departmentId: query.departmentId } : {}),
    ...(query.overdue ? { overdue: true } : {}),
    ...(query.groupId ? { groupId: query.groupId } : {}),
  };
}
