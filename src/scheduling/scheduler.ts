import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { OutboundMessage, Sender, Target } from '../messaging/sender.js';
import type { WorkCalendar } from './calendar.js';
import { DeliveryLog } from './delivery-log.js';
import { jobIdFor, type Job, type NewJob } from './job.js';
import type { JobStore } from './job-store.js';

export type DeliveryStatus = 'sent' | 'alreadySent' | 'deferred' | 'retry' | 'gone' | 'unreachable';

export interface JobContext<P> {
  readonly job: Job<P>;
  readonly now: Date;
  /** The job runs well after its original time (after downtime): say so in the message. */
  readonly late: boolean;
  /**
   * Sends one message to one recipient at most once per job. `recipientKey`
   * names the recipient within the job (e.g. a person id or 'channel:<id>').
   * 1:1 targets wait for the end of quiet hours unless told otherwise.
   */
  deliver(
    recipientKey: string,
    target: Target,
    message: OutboundMessage,
    options?: { readonly respectQuietHours?: boolean },
  ): Promise<DeliveryStatus>;
  /**
   * `deliver` for many recipients, several at a time: sends overlap their network
   * round trips and their delivery-log writes (which the store coalesces), while
   * the Sender still paces them to the rate limits. Results are in input order.
   */
  deliverMany(deliveries: readonly Delivery[]): Promise<DeliveryStatus[]>;
}

export interface Delivery {
  readonly recipientKey: string;
  readonly target: Target;
  readonly message: OutboundMessage;
  readonly respectQuietHours?: boolean;
}

/** How many deliveries of one job are in flight at once. */
const DELIVERY_CONCURRENCY = 16;

/** Runs a job. Return `{ drop }` when the job turned out to be pointless (logged, not retried). */
export type JobHandler<P> = (
  context: JobContext<P>,
  // Most handlers return nothing; `void` keeps them free of `return undefined`.
  // eslint-disable-next-line @typescript-eslint/no-invalid-void-type
) => Promise<void | { readonly drop: string }>;

export interface SchedulerOptions {
  readonly store: JobStore;
  readonly deliveries: DeliveryLog;
  readonly sender: Sender;
  readonly clock: Clock;
  readonly calendar: WorkCalendar;
  readonly logger: Logger;
  /** Identifies this process in claims. */
  readonly owner: string;
  readonly batchSize?: number;
  readonly leaseMs?: number;
  readonly maxAttempts?: number;
}

export interface TickReport {
  readonly ran: number;
  readonly done: number;
  readonly retried: number;
  readonly dropped: number;
  readonly dead: number;
}

/** A job is "late" when it runs this long after it was first due. */
const LATE_AFTER_MS = 5 * 60 * 1000;
const BASE_BACKOFF_MS = 30 * 1000;
const MAX_BACKOFF_MS = 60 * 60 * 1000;

/**
 * The durable scheduler shared by reminders, survey nudges and action-item pings.
 * Jobs live in the store; each tick claims the due ones and runs their handlers;
 * every send goes through the delivery log so nothing is sent twice.
 */
export class Scheduler {
  private readonly handlers = new Map<string, JobHandler<never>>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<TickReport> | undefined;
  private readonly batchSize: number;
  private readonly leaseMs: number;
  private readonly maxAttempts: number;

  constructor(private readonly options: SchedulerOptions) {
    this.batchSize = options.batchSize ?? 200;
    this.leaseMs = options.leaseMs ?? 5 * 60 * 1000;
    this.maxAttempts = options.maxAttempts ?? 8;
  }

  get calendar(): WorkCalendar {
    return this.options.calendar;
  }

  register<P>(kind: string, handler: JobHandler<P>): void {
    if (this.handlers.has(kind)) throw new Error(`job kind ${kind} registered twice`);
    this.handlers.set(kind, handler as JobHandler<never>);
  }

  /**
   * Schedules (or moves) the job with this key. A job that already ran is left
   * alone: to run again, use a new key.
   */
  async schedule<P>(input: NewJob<P>): Promise<Job<P>> {
    const now = this.options.clock.now().toISOString();
    const id = jobIdFor(input.key);
    const job = await this.options.store.update(id, (current) => {
      if (current && !['pending', 'held', 'cancelled'].includes(current.status)) return undefined;
      const { notAfter: _previous, ...base } = current ?? {};
      return {
        ...base,
        id,
        kind: input.kind,
        ...(input.group ? { group: input.group } : {}),
        payload: input.payload,
        dueAt: input.dueAt.toISOString(),
        originalDueAt: input.dueAt.toISOString(),
        ...(input.notAfter ? { notAfter: input.notAfter.toISOString() } : {}),
        // Planning a held job again (a restart, a replan) keeps it held.
        status: current?.status === 'held' ? 'held' : 'pending',
        attempts: 0,
        createdAt: current?.createdAt ?? now,
        updatedAt: now,
      };
    });
    if (!job) throw new Error(`could not schedule ${id}`);
    return job as Job<P>;
  }

  /** Cancels every job of the group that has not run yet; returns how many. */
  async cancelGroup(group: string, reason: string): Promise<number> {
    let cancelled = 0;
    for (const job of await this.options.store.inGroup(group)) {
      if (job.status !== 'pending' && job.status !== 'held' && job.status !== 'claimed') continue;
      if (await this.cancel(job.id, reason)) cancelled++;
    }
    return cancelled;
  }

  async cancel(id: string, reason: string): Promise<boolean> {
    const now = this.options.clock.now().toISOString();
    const job = await this.options.store.update(id, (current) =>
      current && (current.status === 'pending' || current.status === 'held')
        ? { ...current, status: 'cancelled', outcome: reason, updatedAt: now }
        : undefined,
    );
    return job?.status === 'cancelled';
  }

  jobsInGroup(group: string): Promise<Job[]> {
    return this.options.store.inGroup(group);
  }

  nextDueAt(): Promise<Date | undefined> {
    return this.options.store.nextDueAt();
  }

  /** Jobs that failed too often: the secretariat can see them. */
  deadLetters(): Promise<Job[]> {
    return this.options.store.byStatus('dead');
  }

  /**
   * Puts a dead job back in the queue, due now, with a fresh attempt count. One that
   * expired undelivered is sent although late: the secretariat asked for it.
   */
  async resend(id: string): Promise<boolean> {
    const now = this.options.clock.now().toISOString();
    const job = await this.options.store.update(id, (current) => {
      if (!current || current.status !== 'dead') return undefined;
      const { notAfter: _n, expiredAt: _e, ...rest } = current;
      return { ...rest, status: 'pending', attempts: 0, dueAt: now, updatedAt: now };
    });
    return job?.status === 'pending';
  }

  /** Runs every due job once. Concurrent calls share one run. */
  tick(): Promise<TickReport> {
    this.running ??= this.runDue().finally(() => (this.running = undefined));
    return this.running;
  }

  /** Ticks every `intervalMs` of real time until stopped. */
  start(intervalMs: number): void {
    if (this.timer || intervalMs <= 0) return;
    this.timer = setInterval(() => {
      this.tick().catch((err: unknown) =>
        this.options.logger.error({ err }, 'scheduler tick failed'),
      );
    }, intervalMs);
    this.timer.unref();
  }

  /** Stops ticking and waits for a tick in progress. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }

  private async runDue(): Promise<TickReport> {
    const report = { ran: 0, done: 0, retried: 0, dropped: 0, dead: 0 };
    const now = this.options.clock.now();
    const jobs = await this.options.store.claimDue(
      now,
      this.batchSize,
      this.options.owner,
      this.leaseMs,
    );
    for (const job of jobs) {
      report.ran++;
      const status = await this.run(job, now);
      if (status === 'done') report.done++;
      else if (status === 'pending') report.retried++;
      else if (status === 'dropped') report.dropped++;
      else if (status === 'dead') report.dead++;
    }
    return report;
  }

  private async run(job: Job, now: Date): Promise<Job['status']> {
    const { logger } = this.options;
    if (job.notAfter && now.toISOString() > job.notAfter) return this.expire(job, job.notAfter);
    const handler = this.handlers.get(job.kind);
    if (!handler) return this.finish(job, 'dead', `no handler for ${job.kind}`);

    let resumeAt: number | undefined;
    let failed = false;
    const later = (at: number) => (resumeAt = Math.max(resumeAt ?? 0, at));
    const late = now.getTime() - new Date(job.originalDueAt).getTime() > LATE_AFTER_MS;
    const deliver: JobContext<never>['deliver'] = async (
      recipientKey,
      target,
      message,
      options,
    ) => {
      const quiet = options?.respectQuietHours ?? 'userAadObjectId' in target;
      if (quiet && this.options.calendar.isQuiet(now)) {
        later(this.options.calendar.endOfQuiet(now).getTime());
        return 'deferred';
      }
      return this.deliver(job, recipientKey, target, message, late, (retryAt) => {
        failed = true;
        later(retryAt);
      });
    };
    const context: JobContext<never> = {
      job: job as Job<never>,
      now,
      late,
      deliver,
      deliverMany: async (deliveries) => {
        const results: DeliveryStatus[] = new Array<DeliveryStatus>(deliveries.length);
        let next = 0;
        const worker = async () => {
          while (next < deliveries.length) {
            const index = next++;
            const d = deliveries[index];
            if (!d) continue;
            const options =
              d.respectQuietHours === undefined
                ? undefined
                : { respectQuietHours: d.respectQuietHours };
            results[index] = await deliver(d.recipientKey, d.target, d.message, options);
          }
        };
        await Promise.all(
          Array.from({ length: Math.min(DELIVERY_CONCURRENCY, deliveries.length) }, worker),
        );
        return results;
      },
    };

    try {
      const result = await handler(context);
      if (result && 'drop' in result) {
        logger.info({ jobId: job.id, reason: result.drop }, 'job dropped by its handler');
        return this.finish(job, 'dropped', result.drop);
      }
    } catch (err) {
      logger.error({ err, jobId: job.id, kind: job.kind }, 'job handler failed');
      failed = true;
      later(now.getTime() + this.backoff(job.attempts));
    }
    if (resumeAt === undefined) return this.finish(job, 'done', 'ran');
    const attempts = job.attempts + (failed ? 1 : 0);
    if (attempts >= this.maxAttempts) {
      return this.finish(job, 'dead', `gave up after ${attempts} attempts`, attempts);
    }
    await this.options.store.update(job.id, (current) => {
      if (!current || current.claimedBy !== this.options.owner) return undefined;
      const { claimedBy: _c, leaseUntil: _l, ...rest } = current;
      return {
        ...rest,
        status: 'pending',
        attempts,
        dueAt: new Date(resumeAt ?? now.getTime()).toISOString(),
        updatedAt: now.toISOString(),
      };
    });
    return 'pending';
  }

  private async deliver(
    job: Job,
    recipientKey: string,
    target: Target,
    message: OutboundMessage,
    late: boolean,
    retryAt: (at: number) => void,
  ): Promise<DeliveryStatus> {
    const { deliveries, sender, clock } = this.options;
    const sending = await deliveries.begin(job.id, recipientKey, late);
    if (!sending) return 'alreadySent';
    const result = await sender.send(target, message);
    if (result.ok) {
      await deliveries.finish(sending, {
        status: 'sent',
        conversationId: result.conversationId,
        ...(result.activityId ? { activityId: result.activityId } : {}),
      });
      return 'sent';
    }
    if (result.reason === 'gone' || result.reason === 'unreachable') {
      await deliveries.finish(sending, { status: result.reason });
      return result.reason;
    }
    const error =
      result.reason === 'throttled' ? `throttled ${result.retryAfterMs} ms` : result.message;
    await deliveries.finish(sending, { status: 'failed', error });
    const wait = result.reason === 'throttled' ? result.retryAfterMs : this.backoff(job.attempts);
    retryAt(clock.now().getTime() + wait);
    return 'retry';
  }

  /**
   * A job past its notAfter is not run. If it never tried (the bot was down), it is
   * dropped quietly; if its sends had been failing, its recipients never got it:
   * that is a dead letter, which the secretariat sees and may send again.
   */
  private async expire(job: Job, notAfter: string): Promise<Job['status']> {
    const { logger, deliveries } = this.options;
    const failed = (await deliveries.forJob(job.id)).filter((d) => d.status === 'failed');
    if (job.attempts === 0 && failed.length === 0) {
      logger.info(
        { jobId: job.id, kind: job.kind, dueAt: job.originalDueAt },
        'job no longer useful: dropped',
      );
      return this.finish(job, 'dropped', 'expired before it could run');
    }
    const lastError = failed.at(-1)?.error;
    logger.warn(
      { jobId: job.id, kind: job.kind, attempts: job.attempts, undelivered: failed.length },
      'job expired before its sends succeeded: dead letter',
    );
    const outcome =
      `expired undelivered: ${failed.length} recipient(s) not reached` +
      (lastError ? ` (last error: ${lastError})` : '');
    return this.finish(job, 'dead', outcome, job.attempts, { expiredAt: notAfter });
  }

  private backoff(attempts: number): number {
    return Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** attempts);
  }

  private async finish(
    job: Job,
    status: Job['status'],
    outcome: string,
    attempts = job.attempts,
    extra: Pick<Job, 'expiredAt'> = {},
  ): Promise<Job['status']> {
    const now = this.options.clock.now().toISOString();
    await this.options.store.update(job.id, (current) => {
      if (!current) return undefined;
      const { claimedBy: _c, leaseUntil: _l, ...rest } = current;
      return { ...rest, ...extra, status, outcome, attempts, updatedAt: now };
    });
    return status;
  }
}
