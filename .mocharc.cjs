// Mocha's settings for `npm test`. Test files run side by side, one file per worker
// process, as many as there are cores. (More workers would also fill the time the heavy
// files wait on a spawned bot, npm, Chromium or PostgreSQL, but their tests then slow.)
// The slowest files start first, so that they overlap the many short ones instead
// of running alone at the end. (Each file must keep to its own ports, temp folders
// and PostgreSQL schema, which the harness gives it.)
const { readdirSync } = require('node:fs');
const { availableParallelism } = require('node:os');

/** Longest first, as measured; any other file follows in path order. */
const SLOWEST = [
  'test/build/production-install.test.ts',
  'test/crash.test.ts',
  'test/tab.browser.test.ts',
  'test/cards-phone.browser.test.ts',
  'test/robustness.test.ts',
  'test/security/startup.test.ts',
  'test/extensions/meeting-panel.browser.test.ts',
  'test/surveys.http.test.ts',
  'test/scheduler.postgres.test.ts',
  'test/meetings/reminders.test.ts',
  'test/items/pings.test.ts',
  'test/store.postgres.test.ts',
];

const all = readdirSync('test', { recursive: true, encoding: 'utf8' })
  .filter((name) => name.endsWith('.test.ts'))
  .map((name) => `test/${name.split('\\').join('/')}`)
  .sort();

module.exports = {
  spec: [
    ...SLOWEST.filter((file) => all.includes(file)),
    ...all.filter((f) => !SLOWEST.includes(f)),
  ],
  // A young generation of 32 MiB per semi-space (Node 20 starts at 1 and grows to 16): the tests
  // allocate in bursts (stores, cards, parsed bodies), and each scavenge copies what is alive.
  'node-option': ['import=tsx', 'max-semi-space-size=32'],
  // Before the workers start: a scratch folder for the run (test/harness/scratch.ts), then the bot
  // compiled once for the tests that start it as a process (test/harness/shared-build.ts).
  require: ['test/harness/scratch.ts', 'test/harness/shared-build.ts'],
  timeout: 10000,
  reporter: 'spec',
  parallel: true,
  jobs: availableParallelism(),
};
