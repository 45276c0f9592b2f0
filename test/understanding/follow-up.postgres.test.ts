import { strict as assert } from 'node:assert';
import { FakeConnector } from '../harness/fake-connector.js';
import { ManualClock } from '../harness/manual-clock.js';
import { createTestSchema, type TestSchema } from '../harness/postgres.js';
import { TestBot, textsOf } from '../harness/test-bot.js';

const START = '2026-11-02T00:00:00Z';
const HEAD = 'kumin-bucho@city.example.jp';
const OTHER_HEAD = 'somu-bucho@city.example.jp';

describe('understanding on PostgreSQL: a follow-up reaches whichever instance answers it', () => {
  let schema: TestSchema;
  let connector: FakeConnector;
  let a: TestBot;
  let b: TestBot;

  before(async () => {
    schema = await createTestSchema();
    connector = new FakeConnector();
    await connector.start();
    const env = { STORE_URL: schema.url, STORE_POOL_SIZE: '3' };
    // One after the other: the first fills the empty database with the demo data.
    a = await TestBot.start({ clock: new ManualClock(START), env, connector });
    b = await TestBot.start({ clock: new ManualClock(START), env, connector });
  });
  after(async () => {
    await a?.honbu.stop();
    await b?.honbu.stop();
    await connector?.stop();
    await schema?.drop();
  });

  it('「場所は？」 on instance B answers for the meeting instance A just showed, for that user only', async () => {
    await a.say(a.user(HEAD), '会議 #1');
    const [place] = textsOf((await b.say(b.user(HEAD), '場所は？')).sent);
    assert.match(place ?? '', /^令和2年度 第2回 .*の場所: 庁議室/);
    const [other] = textsOf((await b.say(b.user(OTHER_HEAD), '場所は？')).sent);
    assert.match(other ?? '', /^令和8年度 第3回 /);
  });
});
