import type { Collection, DocumentStore } from '../store/document-store.js';
import type { Job } from './job.js';

/**
 * Where jobs live. The scheduler needs claims that no two workers can share;
 * backends for several instances (PostgreSQL) implement this with row locks.
 */
export interface JobStore {
  get(id: string): Promise<Job | undefined>;
  /** Inserts or changes a job atomically (see Collection.update). */
  update(
    id: string,
    change: (current: Job | undefined) => Job | undefined,
  ): Promise<Job | undefined>;
  inGroup(group: string): Promise<Job[]>;
  /** Marks up to `limit` due jobs (pending, or claimed with an expired lease) as claimed by `owner`. */
  claimDue(now: Date, limit: number, owner: string, leaseMs: number): Promise<Job[]>;
  /** The earliest dueAt among pending jobs. */
  nextDueAt(): Promise<Date | undefined>;
  byStatus(status: Job['status']): Promise<Job[]>;
}

/**
 * The part of a JobStore that both backends answer with the ordinary document
 * API of the 'jobs' collection; claims and due times are theirs to implement.
 */
export abstract class JobCollection {
  protected readonly jobs: Collection<Job>;

  protected constructor(store: DocumentStore) {
    this.jobs = store.collection<Job>('jobs');
  }

  get(id: string): Promise<Job | undefined> {
    return this.jobs.get(id);
  }

  inGroup(group: string): Promise<Job[]> {
    return this.jobs.find({ group });
  }

  byStatus(status: Job['status']): Promise<Job[]> {
    return this.jobs.find({ status });
  }
}

/**
 * JobStore over a DocumentStore for a single process (lowdb). It keeps an
 * in-memory index of runnable jobs' due times so a tick does not read every
 * job; the index is rebuilt from the store at start-up.
 */
export class DocumentJobStore extends JobCollection implements JobStore {
  /** id → due time (ms) of jobs that are pending or claimed. */
  private readonly runnable = new Map<string, number>();

  private constructor(store: DocumentStore) {
    super(store);
  }

  /**
   * Opens the job store. Only one process uses an embedded store, so a job
   * still marked claimed belongs to a process that died: it is released now.
   */
  static async open(store: DocumentStore): Promise<DocumentJobStore> {
    const jobStore = new DocumentJobStore(store);
    for (const job of await jobStore.jobs.find({ status: 'claimed' })) {
      const { claimedBy: _owner, leaseUntil: _lease, ...rest } = job;
      await jobStore.jobs.put({ ...rest, status: 'pending' });
    }
    for (const job of await jobStore.jobs.find({ status: 'pending' })) jobStore.track(job);
    return jobStore;
  }

  async update(
    id: string,
    change: (current: Job | undefined) => Job | undefined,
  ): Promise<Job | undefined> {
    const job = await this.jobs.update(id, change);
    if (job) this.track(job);
    return job;
  }

  async claimDue(now: Date, limit: number, owner: string, leaseMs: number): Promise<Job[]> {
    const nowMs = now.getTime();
    const due = [...this.runnable.entries()]
      .filter(([, at]) => at <= nowMs)
      .sort((a, b) => a[1] - b[1])
      .slice(0, limit);
    const claimed: Job[] = [];
    for (const [id] of due) {
      const job = await this.update(id, (current) => {
        if (!current) return undefined;
        const leaseExpired =
          current.status === 'claimed' && (current.leaseUntil ?? '') <= now.toISOString();
        if (current.status !== 'pending' && !leaseExpired) return undefined;
        if (new Date(current.dueAt).getTime() > nowMs) return undefined;
        return {
          ...current,
          status: 'claimed',
          claimedBy: owner,
          leaseUntil: new Date(nowMs + leaseMs).toISOString(),
          updatedAt: now.toISOString(),
        };
      });
      if (job?.status === 'claimed' && job.claimedBy === owner) claimed.push(job);
    }
    return claimed;
  }

  async nextDueAt(): Promise<Date | undefined> {
    let earliest: number | undefined;
    for (const at of this.runnable.values())
      if (earliest === undefined || at < earliest) earliest = at;
    return earliest === undefined ? undefined : new Date(earliest);
  }

  private track(job: Job): void {
    if (job.status === 'pending') this.runnable.set(job.id, new Date(job.dueAt).getTime());
    else if (job.status === 'claimed')
      this.runnable.set(job.id, new Date(job.leaseUntil ?? job.dueAt).getTime());
    else this.runnable.delete(job.id);
  }
}
