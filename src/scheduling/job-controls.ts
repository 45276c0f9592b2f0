import type { Clock } from '../clock.js';
import type { Job } from './job.js';
import type { JobStore } from './job-store.js';

/**
 * What the secretariat may do with work that has not gone out yet: see it,
 * hold it (it stays planned but does not run), release it, or send it now.
 * A job that already runs or ran is left alone.
 */
export class JobControls {
  constructor(
    private readonly store: JobStore,
    private readonly clock: Clock,
  ) {}

  /** Pending and held jobs due before `until`, earliest first. */
  async upcoming(until: Date): Promise<Job[]> {
    const jobs = [
      ...(await this.store.byStatus('pending')),
      ...(await this.store.byStatus('held')),
    ];
    return jobs
      .filter((job) => new Date(job.dueAt).getTime() <= until.getTime())
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.id.localeCompare(b.id));
  }

  get(id: string): Promise<Job | undefined> {
    return this.store.get(id);
  }

  hold(id: string): Promise<boolean> {
    return this.change(id, 'pending', (job) => ({ ...job, status: 'held' }));
  }

  release(id: string): Promise<boolean> {
    return this.change(id, 'held', (job) => ({ ...job, status: 'pending' }));
  }

  /** Due now (held or not); the next tick sends it. Its quiet hours still apply to 1:1 chats. */
  async sendNow(id: string): Promise<boolean> {
    const now = this.clock.now().toISOString();
    const job = await this.store.update(id, (current) =>
      current && (current.status === 'pending' || current.status === 'held')
        ? { ...current, status: 'pending', dueAt: now, updatedAt: now }
        : undefined,
    );
    return job?.status === 'pending' && job.dueAt === now;
  }

  private async change(id: string, from: Job['status'], next: (job: Job) => Job): Promise<boolean> {
    const now = this.clock.now().toISOString();
    let changed = false;
    await this.store.update(id, (current) => {
      if (current?.status !== from) return undefined;
      changed = true;
      return { ...next(current), updatedAt: now };
    });
    return changed;
  }
}
