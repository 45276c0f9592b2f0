import { strict as assert } from 'node:assert';
import type { Feature } from '../src/app/feature.js';
import { sectionsOf } from '../src/app/feature.js';
import { registerJobs } from '../src/app/jobs.js';
import type { IntentSpec } from '../src/app/intent.js';
import type { CommandSpec } from '../src/app/router.js';
import { createRouter } from '../src/app/routes.js';
import type { CommandTurn } from '../src/app/turn.js';
import { seedDemoIfEmpty } from '../src/demo/seed.js';
import { Audience } from '../src/domain/roles.js';
import { translator } from '../src/i18n/translate.js';
import { openStore } from '../src/store/open-store.js';
import type { SectionProvider } from '../src/tab/sections/section.js';

const command = (id: string, word: string): CommandSpec => ({
  id,
  words: { ja: [word], en: [word] },
  summary: 'cmd.help',
  allowed: Audience.anyone,
  handle: async () => undefined,
});

const section = (id: string): SectionProvider => ({
  id,
  title: 'tab.items.title',
  audience: Audience.anyone,
  emptyMessage: 'tab.items.empty',
  load: async () => [],
});

/** What a turn of free text needs here: the text. */
const textTurn = (text: string) => ({ text }) as CommandTurn;

describe('features: everything shared is derived from the feature list', () => {
  it('routes every feature’s commands after help, in list order', () => {
    const router = createRouter([
      { id: 'a', commands: [command('first', 'いち')] },
      { id: 'b', commands: [command('second', 'に')] },
    ]);
    assert.deepEqual(
      router.table.commands.map((c) => c.id),
      ['help', 'first', 'second'],
    );
  });

  it('routes every feature’s intents, and sends text no command matched to the suggestion without understanding', async () => {
    const intent = (id: string): IntentSpec => ({
      id,
      allowed: Audience.anyone,
      label: 'intent.core.help',
      handle: async () => undefined,
    });
    const router = createRouter([
      { id: 'a', intents: [intent('a.one')] },
      { id: 'b' },
      { id: 'c', intents: [intent('c.one'), intent('c.two')] },
    ]);
    assert.deepEqual(
      router.intentsFor('guest').map((i) => i.id),
      ['a.one', 'c.one', 'c.two'],
    );
    const replies: string[] = [];
    await router.table.fallback({
      ...textTurn('zzz'),
      locale: 'en',
      t: translator('en'),
      actor: { role: 'guest', displayName: 'Guest' },
      reply: async (message: unknown) => void replies.push(String(message)),
    } as unknown as CommandTurn);
    assert.equal(replies.length, 1);
    assert.match(replies[0] ?? '', /zzz/);
  });

  it('registers every feature’s jobs before any plans its recurring runs', async () => {
    const calls: string[] = [];
    const jobs = (id: string): Feature['jobs'] => ({
      register: () => calls.push(`register ${id}`),
      plan: async () => {
        calls.push(`plan ${id}`);
      },
    });
    await registerJobs([{ id: 'a', jobs: jobs('a') }, { id: 'b' }, { id: 'c', jobs: jobs('c') }]);
    assert.deepEqual(calls, ['register a', 'register c', 'plan a', 'plan c']);
  });

  it('puts the dashboard sections in page order, whatever the list order', () => {
    const sections = sectionsOf([
      { id: 'late', tab: { order: 20, section: section('late') } },
      { id: 'none' },
      { id: 'early', tab: { order: 10, section: section('early') } },
    ]);
    assert.deepEqual(
      sections.map((s) => s.id),
      ['early', 'late'],
    );
  });

  it('seeds demo data feature by feature into an empty store only', async () => {
    const store = await openStore('memory:');
    try {
      const seeded: string[] = [];
      const features: Feature[] = [
        {
          id: 'directory',
          seedDemo: async () => {
            seeded.push('directory');
            await store.collection('people').put({ id: 'someone@city.example.jp' });
          },
        },
        { id: 'items', seedDemo: async () => void seeded.push('items') },
      ];
      assert.equal(await seedDemoIfEmpty(store, features), true);
      assert.deepEqual(seeded, ['directory', 'items']);
      assert.equal(await seedDemoIfEmpty(store, features), false, 'a directory exists now');
      assert.deepEqual(seeded, ['directory', 'items']);
    } finally {
      await store.close();
    }
  });
});
