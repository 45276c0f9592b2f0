import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import {
  RateLimiter,
  TEAMS_PER_BOT,
  TEAMS_PER_CONVERSATION,
  type Reservation,
} from '../src/messaging/rate-limit.js';
import { RateLimitedSender } from '../src/messaging/rate-limited-sender.js';
import type { OutboundMessage, PreparedSend, SendResult, Target } from '../src/messaging/sender.js';
import { ManualClock } from './harness/manual-clock.js';
import { RecordingSender } from './harness/recording-sender.js';
import { maxInAnyWindow } from './harness/windows.js';

describe('pacing to Teams rate limits', () => {
  it('keeps one conversation within 7/1s, 8/2s and 60/30s', async () => {
    const clock = new ManualClock('2026-12-01T00:00:00Z');
    const inner = new RecordingSender(() => clock.now());
    const sender = new RateLimitedSender(inner, clock);
    for (let i = 0; i < 120; i++)
      await sender.send({ conversationId: 'channel' }, { text: `#${i}` });
    const times = inner.sent.map((s) => s.at.getTime());
    for (const window of TEAMS_PER_CONVERSATION.slice(0, 3)) {
      assert.ok(
        maxInAnyWindow(times, window.ms) <= window.count,
        `${window.count} per ${window.ms} ms`,
      );
    }
    // The floor the limits force: 8 per 2 s lets the first 60 go by 14 s, 60 per 30 s holds
    // the 61st until 30 s, and the last 60 again take 14 s. Waiting longer would be waste.
    const span = (times.at(-1) ?? 0) - (times[0] ?? 0);
    assert.equal(span, 44_000);
  });

  it('keeps the whole bot within 50 per second across conversations, without waiting more than needed', async () => {
    const clock = new ManualClock('2026-12-01T00:00:00Z');
    const inner = new RecordingSender(() => clock.now());
    const sender = new RateLimitedSender(
      inner,
      clock,
      new RateLimiter(TEAMS_PER_CONVERSATION, TEAMS_PER_BOT),
    );
    for (let i = 0; i < 500; i++)
      await sender.send({ userAadObjectId: `user-${i}` }, { text: 'x' });
    const times = inner.sent.map((s) => s.at.getTime());
    assert.ok(maxInAnyWindow(times, 1000) <= 50);
    const span = (times.at(-1) ?? 0) - (times[0] ?? 0);
    assert.equal(span, 9_000, `500 sends at 50/s took ${span} ms`);
  });

  it('stays within the limits where Teams counts them, whatever the network delay', () => {
    // Teams counts a send when it arrives: anywhere between leaving here and the
    // answer coming back. Simulated millisecond by millisecond: 16 sends in flight
    // to different people, each with its own round trip and arrival point.
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            roundTrip: fc.integer({ min: 1, max: 400 }),
            arrival: fc.double({ min: 0, max: 1, noNaN: true }),
          }),
          { minLength: 50, maxLength: 50 },
        ),
        (network) => {
          const limiter = new RateLimiter(TEAMS_PER_CONVERSATION, TEAMS_PER_BOT);
          const inFlight: Array<{ place: Reservation; endsAt: number }> = [];
          const arrivals: number[] = [];
          let sent = 0;
          for (let now = 0; sent < 300; now++) {
            for (const send of inFlight.filter((s) => s.endsAt === now)) send.place.finish(now);
            inFlight.splice(0, inFlight.length, ...inFlight.filter((s) => s.endsAt > now));
            while (inFlight.length < 16) {
              const place = limiter.tryAcquire(`user-${sent}`, now);
              if ('waitMs' in place) break;
              const { roundTrip, arrival } = network[sent % network.length] ?? {
                roundTrip: 1,
                arrival: 0,
              };
              arrivals.push(now + Math.floor(arrival * roundTrip));
              inFlight.push({ place, endsAt: now + roundTrip });
              sent++;
            }
          }
          arrivals.sort((a, b) => a - b);
          assert.ok(maxInAnyWindow(arrivals, 1000) <= 50);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('looks the target up before its turn: no turn for nowhere to send, one thread for a chat however named', async () => {
    const clock = new ManualClock('2026-12-01T00:00:00Z');
    const inner = new PreparingSender(() => clock.now());
    const sender = new RateLimitedSender(inner, clock);
    for (let i = 0; i < 20; i++)
      assert.deepEqual(await sender.send({ userAadObjectId: 'left' }, { text: 'x' }), {
        ok: false,
        reason: 'unreachable',
      });
    assert.equal(clock.now().getTime(), Date.parse('2026-12-01T00:00:00Z'), 'no turn waited for');
    // The 1:1 chat by person and by conversation id is one thread: 7 per second in all.
    for (let i = 0; i < 8; i++)
      await sender.send(i % 2 ? { conversationId: 'a:u1' } : { userAadObjectId: 'u1' }, {
        text: `#${i}`,
      });
    const times = inner.sent.map((s) => s.at.getTime() - Date.parse('2026-12-01T00:00:00Z'));
    assert.deepEqual(times, [0, 0, 0, 0, 0, 0, 0, 1000]);
    assert.ok(
      inner.sent.every((s) => 'conversationId' in s.target && s.target.conversationId === 'a:u1'),
    );
  });

  it('forgets a conversation once its longest window has passed', () => {
    const limiter = new RateLimiter(TEAMS_PER_CONVERSATION, TEAMS_PER_BOT);
    let now = 0;
    for (let i = 0; i < 3000; i++) {
      const place = limiter.tryAcquire(`user-${i}`, now);
      assert.ok(!('waitMs' in place));
      place.finish(now);
      now += 20; // 50 per second
    }
    // 3,000 sends in 60 s: every conversation is still inside its one-hour window.
    assert.equal(limiter.trackedConversations, 3000);
    now += 3_600_000;
    for (let i = 0; i < 1000; i++) {
      const place = limiter.tryAcquire(`later-${i}`, now);
      assert.ok(!('waitMs' in place));
      place.finish(now);
      now += 20;
    }
    assert.ok(limiter.trackedConversations <= 1000, `${limiter.trackedConversations} kept`);
  });
});

/** A transport that reads the stored conversation first, as the bot's does. */
class PreparingSender extends RecordingSender {
  async prepare(target: Target, message: OutboundMessage): Promise<PreparedSend | SendResult> {
    const conversationId =
      'conversationId' in target ? target.conversationId : `a:${target.userAadObjectId}`;
    if (conversationId === 'a:left') return { ok: false, reason: 'unreachable' };
    return { conversationId, send: () => this.send({ conversationId }, message) };
  }
}
