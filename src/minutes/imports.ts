import { createHash } from 'node:crypto';
import type { Collection, DocumentStore } from '../store/document-store.js';
import type { DraftItem, DraftPolicyChange, MinutesHeader } from './model.js';

/** What the secretariat chose to create from one draft, kept so a second import updates it. */
export interface AppliedItem {
  readonly draft: number;
  readonly itemIds: readonly string[];
}

export interface AppliedPolicy {
  readonly draft: number;
  readonly entryId: string;
}

/**
 * One set of minutes read for review. Its id comes from the text, so the same
 * minutes imported twice are one record: the second review offers to update
 * what the first created, never to create it again. The text itself is not kept.
 */
export interface MinutesImport {
  readonly id: string;
  readonly readBy: string;
  readonly readAt: string;
  readonly header: MinutesHeader;
  readonly items: readonly DraftItem[];
  readonly policyChanges: readonly DraftPolicyChange[];
  /** 'applying' while a confirmation runs, so that a second click does not apply twice. */
  readonly status: 'draft' | 'applying' | 'applied';
  readonly applied?: {
    readonly at: string;
    readonly by: string;
    readonly meetingId: string;
    readonly items: readonly AppliedItem[];
    readonly policies: readonly AppliedPolicy[];
  };
}

/** The same minutes give the same id, whatever the blanks and line endings. */
export function importIdOf(text: string): string {
  const canonical = text.normalize('NFKC').replace(/\s+/gu, '');
  return `minutes_${createHash('sha256').update(canonical).digest('hex').slice(0, 24)}`;
}

export class MinutesImports {
  private readonly records: Collection<MinutesImport>;

  constructor(store: DocumentStore) {
    this.records = store.collection<MinutesImport>('minutesImports');
  }

  get(id: string): Promise<MinutesImport | undefined> {
    return this.records.get(id);
  }

  /** Keeps the new reading; what an earlier confirmation created stays linked. */
  async saveReading(
    reading: Omit<MinutesImport, 'status' | 'applied'>,
  ): Promise<MinutesImport | undefined> {
    return this.records.update(reading.id, (current) => ({
      ...reading,
      status: current?.status === 'applying' ? 'applying' : current?.applied ? 'applied' : 'draft',
      ...(current?.applied ? { applied: current.applied } : {}),
    }));
  }

  /** Marks the record as being applied; false when another confirmation is running. */
  async claim(id: string): Promise<MinutesImport | undefined> {
    let claimed = false;
    const record = await this.records.update(id, (current) => {
      if (!current || current.status === 'applying') return undefined;
      claimed = true;
      return { ...current, status: 'applying' };
    });
    return claimed ? record : undefined;
  }

  async finish(id: string, applied: NonNullable<MinutesImport['applied']>): Promise<void> {
    await this.records.update(id, (current) =>
      current ? { ...current, status: 'applied', applied } : undefined,
    );
  }

  /** Gives the record back after a confirmation that failed before changing anything. */
  async release(id: string): Promise<void> {
    await this.records.update(id, (current) =>
      current ? { ...current, status: current.applied ? 'applied' : 'draft' } : undefined,
    );
  }
}
