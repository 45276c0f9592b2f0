// The bot compiled once for the whole test run, for the tests that start it as a process of its
// own (kill -9, SIGTERM, start-up refusals, bad bodies). Each of them used to load the sources
// through tsx, which compiles them again in every process started: about 1.5 s of CPU a start,
// a dozen starts a run. The compiled bot is also what production runs (`npm run start:prod`).
import {
  buildProduction,
  productionBuildAt,
  productionNodeArgs,
  type ProductionBuild,
} from '../../bench/production.js';

/** Where the run's build is: set by the global setup, inherited by mocha's worker processes. */
const BUILD_DIR_VARIABLE = 'HONBU_TEST_BUILD';
const PREFIX = 'honbu-test-dist-';

/** Mocha's global setup (.mocharc.cjs `require`): once, before the workers start. */
export async function mochaGlobalSetup(): Promise<void> {
  const build = await buildProduction([], PREFIX);
  process.env[BUILD_DIR_VARIABLE] = build.dir;
}

export function mochaGlobalTeardown(): void {
  const dir = process.env[BUILD_DIR_VARIABLE];
  if (dir) productionBuildAt(dir).remove();
}

let ownBuild: Promise<ProductionBuild> | undefined;

/** The run's build; a test file run on its own (without .mocharc.cjs) builds one for itself. */
export function sharedBuild(): Promise<ProductionBuild> {
  const dir = process.env[BUILD_DIR_VARIABLE];
  if (dir) return Promise.resolve(productionBuildAt(dir));
  ownBuild ??= buildProduction([], PREFIX).then((build) => {
    process.once('exit', () => build.remove());
    return build;
  });
  return ownBuild;
}

/** How `npm run start:prod` starts the bot (`node [nodeArgs] entry`), on the run's build. */
export interface BotCommand {
  readonly nodeArgs: readonly string[];
  readonly entry: string;
}

export async function builtBot(): Promise<BotCommand> {
  const build = await sharedBuild();
  return { nodeArgs: productionNodeArgs(), entry: build.entry('src/main.ts') };
}

/** The arguments of `node` for that start. */
export async function botProcessArgs(): Promise<string[]> {
  const { nodeArgs, entry } = await builtBot();
  return [...nodeArgs, entry];
}
