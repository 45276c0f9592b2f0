import type { Actor } from '../../domain/directory.js';
import type { Role } from '../../domain/roles.js';
import type { MessageKey } from '../../i18n/catalog.js';
import type { Reader } from '../../i18n/reader.js';
import type { Block } from '../model.js';

/** What a section provider knows about the request it answers. */
export interface SectionContext extends Reader {
  readonly viewer: Actor;
  readonly now: Date;
  /**
   * The departments whose own data (answers, items, representatives) this
   * viewer may read and asked for: every department or the one picked for the
   * chair and secretariat, their own for heads and delegates, none for guests.
   * A provider must not show department data outside this list.
   */
  readonly departmentIds: readonly string[];
}

/**
 * One section of the dashboard. It reads its feature's domain service (the
 * same one the bot's commands use, so the same rules apply) and turns what
 * the viewer may see into blocks; an empty array means "nothing to show now".
 */
export interface SectionProvider {
  readonly id: string;
  readonly title: MessageKey;
  /** Roles that see the section at all; others do not get it in the response. */
  readonly audience: readonly Role[];
  /** Shown when `load` returns no blocks. */
  readonly emptyMessage: MessageKey;
  readonly load: (context: SectionContext) => Promise<Block[]>;
}

/** Sections whose title and empty message are `tab.<id>.title` and `tab.<id>.empty`. */
type SectionId = 'directory' | 'meetings' | 'policies' | 'items' | 'surveys';

/** A section named by its id: the catalog keys follow from it. */
export function section(
  id: SectionId,
  audience: readonly Role[],
  load: SectionProvider['load'],
): SectionProvider {
  return { id, title: `tab.${id}.title`, audience, emptyMessage: `tab.${id}.empty`, load };
}
