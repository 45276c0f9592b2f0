import type { PostgresStore } from '../store/postgres-store.js';
import type { Job } from './job.js';
import { JobCollection, type JobStore } from './job-store.js';

/**
 * JobStore for several instances on one PostgreSQL. A claim is one statement
 * that locks due rows with FOR UPDATE SKIP LOCKED and marks them claimed, so two
 * instances never take the same job; a crashed instance's claims become due
 * again when their lease ends. Everything else is the ordinary document API.
 */
export class PostgresJobStore extends JobCollection implements JobStore {
  constructor(private readonly store: PostgresStore) {
    super(store);
  }

  update(
    id: string,
    change: (current: Job | undefined) => Job | undefined,
  ): Promise<Job | undefined> {
    return this.jobs.update(id, change);
  }

  async claimDue(now: Date, limit: number, owner: string, leaseMs: number): Promise<Job[]> {
    const at = now.toISOString();
    const result = await this.store.query<{ data: Job }>(
      `UPDATE documents SET data = data || jsonb_build_object(
           'status', 'claimed', 'claimedBy', $2::text, 'leaseUntil', $3::text, 'updatedAt', $1::text)
         WHERE collection = 'jobs' AND id IN (
           SELECT id FROM documents
            WHERE collection = 'jobs' AND data->>'status' IN ('pending', 'claimed')
              AND ((data->>'status' = 'pending' AND data->>'dueAt' <= $1)
                OR (data->>'status' = 'claimed' AND data->>'leaseUntil' <= $1))
            ORDER BY data->>'dueAt'
            LIMIT $4
            FOR UPDATE SKIP LOCKED)
       RETURNING data`,
      [at, owner, new Date(now.getTime() + leaseMs).toISOString(), limit],
    );
    return result.rows.map((row) => row.data).sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  }

  async nextDueAt(): Promise<Date | undefined> {
    const result = await this.store.query<{ next: string | null }>(
      `SELECT min(CASE WHEN data->>'status' = 'pending' THEN data->>'dueAt' ELSE data->>'leaseUntil' END) AS next
         FROM documents WHERE collection = 'jobs' AND data->>'status' IN ('pending', 'claimed')`,
      [],
    );
    const next = result.rows[0]?.next;
    return next ? new Date(next) : undefined;
  }
}
