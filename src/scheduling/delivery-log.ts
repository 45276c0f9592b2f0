import type { Clock } from '../clock.js';
import type { Collection, DocumentStore } from '../store/document-store.js';

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

export class DeliveryLog {
  private readonly records: Collection<DeliveryRecord>;

  constructor(
    store: DocumentStore,
    private readonly clock: Clock,
  ) {
    this.records = store.collection<DeliveryRecord>('deliveries');
  }

  static idOf(jobId: string, recipientKey: string): string {
    return `${jobId}|${recipientKey}`;
  }

  /** Claims the right to send; false when this delivery was already made (or may have been). */
  async begin(jobId: string, recipientKey: string, late: boolean): Promise<boolean> {
    const id = DeliveryLog.idOf(jobId, recipientKey);
    let mayGo = false;
    await this.records.update(id, (current) => {
      if (current && current.status !== 'failed') return undefined;
      mayGo = true;
      return {
        id,
        jobId,
        recipientKey,
        status: 'sending',
        late,
        at: this.clock.now().toISOString(),
        attempts: (current?.attempts ?? 0) + 1,
      };
    });
    return mayGo;
  }

  async finish(jobId: string, recipientKey: string, finish: Finish): Promise<void> {
    await this.records.update(DeliveryLog.idOf(jobId, recipientKey), (current) =>
      current ? { ...current, ...finish, at: this.clock.now().toISOString() } : undefined,
    );
  }

  forJob(jobId: string): Promise<DeliveryRecord[]> {
    return this.records.find({ jobId });
  }

  all(): Promise<DeliveryRecord[]> {
    return this.records.find();
  }
}
