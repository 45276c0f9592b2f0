import { createHash } from 'node:crypto';
import type { Collection, DocumentStore } from '../store/document-store.js';
import type { DraftItem, DraftPolicyChange, MinutesHeader } from './model.js';

/** What the secretariat chose to create from one draft, kept so a second import updates it. */
export interface AppliedItem {
  readonly draft: number;
  /** The draft's first sentence: the same request, however the minutes were sent again. */
  readonly quote: string;
  readonly itemIds: readonly string[];
}

export interface AppliedPolicy {
  readonly draft: number;
  /** The statement applied: applying it again would only repeat it in the history. */
  readonly quote: string;
  readonly entryId: string;
}

/**
 * One set of minutes read for review. Its id comes from the meeting's name and
 * date, so the same minutes imported twice (pasted, then as a .docx) are one
 * record: the second review offers to update what the first created, never to
 * create it again. The text itself is not kept.
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

/** The same meeting gives the same id, whatever the blanks and the file it came in. */
export function importIdOf(header: Pick<MinutesHeader, 'title' | 'date'>): string {
  const canonical = `${header.title.normalize('NFKC').replace(/\s+/gu, '')}|${header.date}`;
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
