// `npm run package`: fills manifest/ from the environment (.env too) and writes
// build/appPackage.zip, refusing to write a package Teams would reject.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError } from '../src/config.js';
import { packageFiles, packageValues, zipPackage } from './app-package/build.js';
import { checkPackageZip } from './app-package/check.js';

const { values: args } = parseArgs({
  options: { out: { type: 'string', default: 'build/appPackage.zip' } },
});
const out = args.out ?? 'build/appPackage.zip';

async function main(): Promise<number> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
  const result = packageValues(process.env, version);
  if (!result.ok) {
    process.stderr.write(
      `Cannot build the app package:\n${result.problems.map((p) => `  ${p}`).join('\n')}\n`,
    );
    return 1;
  }
  const zip = await zipPackage(packageFiles('manifest', result.values));
  const problems = await checkPackageZip(zip);
  if (problems.length) {
    process.stderr.write(
      `The app package would be rejected:\n${problems.map((p) => `  ${p}`).join('\n')}\n`,
    );
    return 1;
  }
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, zip);
  process.stdout.write(
    `wrote ${out} for ${result.values.BASE_URL} (bot ${result.values.BOT_ID})\n`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message =
      error instanceof ConfigError || error instanceof Error ? error.message : String(error);
    process.stderr.write(`Cannot build the app package: ${message}\n`);
    process.exit(1);
  },
);
