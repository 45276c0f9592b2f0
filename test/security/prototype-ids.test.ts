import { strict as assert } from 'node:assert';
import { translator } from '../../src/i18n/translate.js';
import { TestBot, textsOf, visibleText, cardsOf, type PostResult } from '../harness/test-bot.js';

/** Ids that name members of Object.prototype: a lookup in a plain object finds them. */
const PROTOTYPE_IDS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];

/** Every field a card verb reads an id from (see the verbs' handlers). */
const ID_FIELDS = [
  'id',
  'rank1',
  'rank2',
  'rank3',
  'scope',
  'status',
  'itemId',
  'meetingId',
  'surveyId',
  'policyId',
  'questionId',
  'departmentId',
  'department',
  'jobId',
  'groupId',
  'owner',
];

const chairUpn = 'fukukucho@city.example.jp';
const headUpn = 'somu-bucho@city.example.jp';

/** What the user reads from a turn: the invoke's card or message, and what was sent. */
function readText(result: PostResult): string {
  const answered = (result.body as { value?: unknown } | undefined)?.value;
  const fromInvoke = typeof answered === 'string' ? answered : visibleText(answered);
  return [fromInvoke, ...textsOf(result.sent), ...cardsOf(result.sent).map(visibleText)].join('\n');
}

describe('attack: ids named __proto__, constructor, toString…', function () {
  this.timeout(60_000);
  let bot: TestBot;
  const apology = [translator('ja')('error.apology'), translator('en')('error.apology')];

  before(async () => {
    bot = await TestBot.start({ env: { TAB_DEV_SIGNIN: 'true' } });
  });
  after(async () => {
    await bot?.stop();
  });

  afterEach(() => {
    // Nothing any request did may reach the shared prototype.
    assert.deepEqual(Object.keys(Object.prototype), []);
    assert.equal(({} as Record<string, unknown>)['admin'], undefined);
  });

  it('GET /meetings/<id>.ics answers 404, without authentication', async () => {
    for (const id of PROTOTYPE_IDS) {
      const response = await fetch(`${bot.url}/meetings/${id}.ics`);
      assert.equal(response.status, 404, id);
      assert.match(await response.text(), /no such meeting/);
    }
  });

  it('GET /surveys/<id>/results.csv with a valid signature answers 404', async () => {
    for (const id of PROTOTYPE_IDS) {
      const path = `/surveys/${id}/results.csv`;
      const link = bot.services.links.create(path, { locale: 'en' }, 60_000);
      const response = await fetch(
        link.url.startsWith('http') ? link.url : `${bot.url}${link.url}`,
      );
      assert.equal(response.status, 404, id);
      assert.equal(await response.text(), translator('en')('survey.error.missing'));
    }
  });

  it('the tab API answers 404 for a department named like a prototype member', async () => {
    const signIn = await fetch(`${bot.url}/api/tab/dev-signin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ upn: chairUpn }),
    });
    const { token } = (await signIn.json()) as { token: string };
    for (const id of PROTOTYPE_IDS) {
      const response = await fetch(`${bot.url}/api/tab/dashboard?department=${id}&locale=en`, {
        headers: { authorization: `Bearer ${token}` },
      });
      assert.equal(response.status, 404, id);
    }
  });

  it('every card verb, as the chair and as a department head, answers without a crash or nonsense', async () => {
    const verbs = bot.honbu.router.table.actions.map((a) => a.verb);
    assert.ok(verbs.length > 30, `${verbs.length} verbs`);
    const problems: string[] = [];
    for (const upn of [chairUpn, headUpn]) {
      const user = bot.user(upn);
      for (const verb of verbs) {
        for (const id of PROTOTYPE_IDS) {
          const data = Object.fromEntries(ID_FIELDS.map((field) => [field, id]));
          const result = await bot.execute(user, verb, { ...data, itemIds: id, topicIds: id });
          const text = readText(result);
          const where = `${verb} ${id} as ${upn}`;
          if (result.status !== 200) problems.push(`${where}: HTTP ${result.status}`);
          else if (apology.some((a) => text.includes(a))) problems.push(`${where}: crashed`);
          else if (/function |\[object |native code|undefined|NaN/.test(text))
            problems.push(`${where}: ${text.slice(0, 120)}`);
          else if (text.includes(id) && !/not found|見つかり|ありません|no such/i.test(text))
            problems.push(`${where}: treated as existing: ${text.slice(0, 120)}`);
        }
      }
    }
    assert.deepEqual(problems, []);
  });

  it('chat commands naming such ids answer "not found"', async () => {
    const user = bot.user(chairUpn);
    for (const text of ['item #__proto__', 'item constructor', 'survey results toString']) {
      const result = await bot.say(user, text);
      const shown = readText(result);
      assert.equal(result.status, 200, text);
      assert.ok(!apology.some((a) => shown.includes(a)), `${text}: ${shown}`);
    }
  });
});
