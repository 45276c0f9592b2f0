import type { Clock } from '../clock.js';
import type { DocumentStore } from '../store/document-store.js';
import { StampedRecords } from '../store/stamped-records.js';

/**
 * One record per (job, recipient): the idempotency key of every scheduled send.
 * "sending" is written before the message leaves and "sent" after, so a crash
 * in between leaves "sending" — and such a delivery is never attempted again:
 * a reminder may be lost in a crash, but is never sent twice.
 */
export interface DeliveryRecord {
  readonly id: string;
  readonly jobId: string;
  readonly recipientKey: string;
  readonly status: 'sending' | 'sent' | 'failed' | 'gone' | 'unreachable';
  readonly late: boolean;
  readonly at: string;
  readonly attempts: number;
  readonly conversationId?: string;
  readonly activityId?: string;
  readonly error?: string;
}

export type Finish = Pick<DeliveryRecord, 'status'> &
  Partial<Pick<DeliveryRecord, 'conversationId' | 'activityId' | 'error'>>;

export class DeliveryLog extends StampedRecords<DeliveryRecord> {
  constructor(store: DocumentStore, clock: Clock) {
    super(store, 'deliveries', clock);
  }

  static idOf(jobId: string, recipientKey: string): string {
    return `${jobId}|${recipientKey}`;
  }

  /**
   * Claims the right to send: returns the "sending" record, or undefined when this
   * delivery was already made (or may have been). The first attempt is a single
   * insert, the common case on a busy fan-out; only a retry reads and updates.
   */
  async begin(
    jobId: string,
    recipientKey: string,
    late: boolean,
  ): Promise<DeliveryRecord | undefined> {
    const id = DeliveryLog.idOf(jobId, recipientKey);
    const at = this.now().toISOString();
    const first: DeliveryRecord = {
      id,
      jobId,
      recipientKey,
      status: 'sending',
      late,
      at,
      attempts: 1,
    };
    if (await this.records.insert(first)) return first;
    let claimed: DeliveryRecord | undefined;
    await this.records.update(id, (current) => {
      if (current && current.status !== 'failed') return undefined;
      claimed = { ...first, attempts: (current?.attempts ?? 0) + 1 };
      return claimed;
    });
    return claimed;
  }

  /** Records how a delivery ended; only the holder of its "sending" record calls this. */
  async finish(sending: DeliveryRecord, finish: Finish): Promise<void> {
    await this.records.put({ ...sending, ...finish, at: this.now().toISOString() });
  }

  forJob(jobId: string): Promise<DeliveryRecord[]> {
    return this.records.find({ jobId });
  }

  all(): Promise<DeliveryRecord[]> {
    return this.records.find();
  }
}
