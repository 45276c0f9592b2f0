import { strict as assert } from 'node:assert';
import {
  botAdded,
  execute,
  fixture,
  message,
  submit,
  teamsUser,
  type Activity,
  type Fixture,
} from './harness/teams.js';

/** Every property path in an activity ("conversation.tenantId", "entities[].type" ...). */
function paths(node: unknown, prefix = ''): Set<string> {
  const out = new Set<string>();
  if (Array.isArray(node)) {
    for (const item of node) for (const p of paths(item, `${prefix}[]`)) out.add(p);
  } else if (typeof node === 'object' && node !== null) {
    for (const [key, value] of Object.entries(node)) {
      const path = prefix ? `${prefix}.${key}` : key;
      out.add(path);
      for (const p of paths(value, path)) out.add(p);
    }
  }
  return out;
}

function assertShapedLike(built: Activity, name: Fixture, except: string[] = []): void {
  const recorded = fixture(name);
  const missing = [...paths(recorded)].filter((p) => !paths(built).has(p) && !except.includes(p));
  assert.deepEqual(missing, [], `built activity lacks what Teams sends in ${name}`);
  for (const key of ['type', 'name', 'channelId', 'recipient']) {
    assert.deepEqual(built[key], recorded[key], `${name}: ${key}`);
  }
  const conversation = (a: Activity) => a['conversation'] as Record<string, unknown>;
  assert.equal(conversation(built)['conversationType'], conversation(recorded)['conversationType']);
}

describe('Teams activity builders (shared by the test harness and npm run chat)', () => {
  const user = teamsUser('kumin-bucho@city.example.jp');
  const where = { serviceUrl: 'http://127.0.0.1:1/' };

  it('build messages, invokes and installs shaped like the recorded Teams payloads', () => {
    assertShapedLike(message(user, 'ヘルプ', where), 'message-personal');
    assertShapedLike(
      message(user, 'ヘルプ', { ...where, channel: true }),
      'message-channel-mention',
    );
    assertShapedLike(
      execute(user, 'noop', {}, { ...where, replyToId: '1764032400000' }),
      'invoke-adaptive-card-action',
    );
    assertShapedLike(botAdded(user, where), 'conversation-update-bot-added');
    // An Action.Submit click is a message with a value and no text.
    const click = submit(user, { verb: 'noop' }, where);
    assertShapedLike(click, 'message-personal', ['text', 'textFormat']);
    assert.equal(click['text'], undefined);
  });

  it('mentions the bot in a channel message, as Teams requires', () => {
    const built = message(user, 'ヘルプ', { ...where, channel: true });
    assert.equal(built['text'], '<at>Honbu</at> ヘルプ');
  });

  it('gives the same UPN the same identity every time, and different UPNs different ones', () => {
    assert.deepEqual(teamsUser('a@city.example.jp'), teamsUser('a@city.example.jp'));
    assert.notEqual(teamsUser('a@city.example.jp').id, teamsUser('b@city.example.jp').id);
    assert.match(
      user.aadObjectId,
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});
