import { strict as assert } from 'node:assert';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { REFUSALS_BEFORE_UNREACHABLE } from '../src/messaging/refusals.js';
import { ManualClock } from './harness/manual-clock.js';
import { TestBot } from './harness/test-bot.js';

/** A pino logger writing into an array, one entry per log line. */
function capturingLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  return { logger: pino({ level: 'warn' }, stream), lines };
}

describe('sending to a chat client that went away', () => {
  it('logs one line per refused send, without a stack, and stops after repeated refusals', async () => {
    const { logger, lines } = capturingLogger();
    const bot = await TestBot.start({ clock: new ManualClock('2026-11-30T00:00:00Z'), logger });
    try {
      const kumin = bot.user('kumin-bucho@city.example.jp');
      await bot.install(kumin);
      await bot.connector.stop(); // the chat client was closed: connections are refused
      const results = [];
      for (let i = 0; i < 10; i++)
        results.push(
          await bot.services.sender.send({ userAadObjectId: kumin.aadObjectId }, { text: `#${i}` }),
        );

      assert.deepEqual(
        results.map((r) => (r.ok ? 'ok' : r.reason)),
        [
          ...Array<string>(REFUSALS_BEFORE_UNREACHABLE).fill('failed'),
          ...Array<string>(10 - REFUSALS_BEFORE_UNREACHABLE).fill('unreachable'),
        ],
      );
      const warnings = lines.filter((line) => line.includes(kumin.personalConversationId));
      assert.equal(warnings.length, REFUSALS_BEFORE_UNREACHABLE, lines.join('\n'));
      for (const line of warnings) {
        assert.doesNotMatch(line, /"stack"|\\n\s+at /, 'no stack trace');
        assert.match(line, /"error":"[^"]*ECONN[A-Z]+/, "the network error's code and message");
      }
      assert.match(warnings.at(-1) ?? '', /marked unreachable/);
      const chat = await bot.services.conversations.get(kumin.personalConversationId);
      assert.equal(chat?.active, false);

      // Writing again makes the chat reachable again.
      await bot.connector.start();
      await bot.say(kumin, 'ヘルプ');
      assert.equal(
        (await bot.services.conversations.get(kumin.personalConversationId))?.active,
        true,
      );
    } finally {
      await bot.stop();
    }
  });
});
