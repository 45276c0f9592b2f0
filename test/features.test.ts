import { strict as assert } from 'node:assert';
import type { Feature } from '../src/app/feature.js';
import { sectionsOf } from '../src/app/feature.js';
import { registerJobs } from '../src/app/jobs.js';
import type { CommandSpec } from '../src/app/router.js';
import { createRouter } from '../src/app/routes.js';
import type { CommandTurn } from '../src/app/turn.js';
import { seedDemoIfEmpty } from '../src/demo/seed.js';
import { Audience } from '../src/domain/roles.js';
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

/** What a turn of free text needs here: the fallbacks read only the text. */
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

  it('offers free text to the features’ fallbacks in list order, ending in the suggestion', async () => {
    const seen: string[] = [];
    const wrap =
      (name: string): Feature['fallback'] =>
      (next) =>
      async (turn) => {
        seen.push(name);
        if (turn.text !== name) await next(turn);
      };
    const router = createRouter([
      { id: 'a', fallback: wrap('a') },
      { id: 'b' },
      { id: 'c', fallback: wrap('c') },
    ]);
    await router.table.fallback(textTurn('c'));
    assert.deepEqual(seen, ['a', 'c'], 'c took it; the suggestion was not reached');
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
