import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { build } from 'esbuild';
import { DIST, moduleOptions } from '../../scripts/build.js';
import { sharedBuild } from '../harness/shared-build.js';

const root = join(DIST, '..');
// The run's build (what `npm run build` writes, in a folder of its own), so it never races a
// test that runs the repository's dist/.
let out = '';
const sourceModules = ['src', 'bot'].flatMap((dir) =>
  readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts'))
    .map((name) => join(dir, name)),
);

describe('npm run build: dist/', function () {
  this.slow(5000);
  this.timeout(60_000);

  before(async () => {
    out = (await sharedBuild()).dir;
  });

  it('holds every module of src/ and bot/ as JavaScript with its source map', () => {
    assert.ok(sourceModules.includes(join('src', 'main.ts')));
    for (const module of sourceModules) {
      const compiled = join(out, module.replace(/\.ts$/, '.js'));
      assert.ok(existsSync(compiled), compiled);
      assert.ok(existsSync(`${compiled}.map`), `${compiled}.map`);
    }
  });

  it("finds every file a module reads by `new URL('…', import.meta.url)` where the sources do", () => {
    // Source-only targets (the tab's TypeScript entry, read by the tab build) are skipped.
    let checked = 0;
    for (const module of sourceModules) {
      const text = readFileSync(join(root, module), 'utf-8');
      for (const [, target] of text.matchAll(/new URL\(\s*'([^']+)',\s*import\.meta\.url\)/g)) {
        if (!target || target.endsWith('.ts')) continue;
        const fromDist = join(dirname(join(out, module)), target);
        assert.ok(existsSync(fromDist), `${module}: ${target} → ${relative(out, fromDist)}`);
        checked++;
      }
    }
    assert.ok(checked >= 4, 'cards/, demo-policies.json and the tab assets at least');
    assert.ok(existsSync(join(out, 'cards', 'help.json')));
  });

  it('keeps JSON import attributes, which Node 20 requires, and the result runs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'honbu-build-'));
    try {
      writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
      writeFileSync(join(dir, 'phrases.json'), '{"greeting":"こんにちは"}');
      writeFileSync(
        join(dir, 'main.ts'),
        "import phrases from './phrases.json' with { type: 'json' };\n" +
          'const greeting: string = phrases.greeting;\nconsole.log(greeting);\n',
      );
      await build({ entryPoints: [join(dir, 'main.ts')], outdir: dir, ...moduleOptions() });
      const run = spawnSync(process.execPath, [join(dir, 'main.js')], { encoding: 'utf-8' });
      assert.equal(run.stderr, '');
      assert.equal(run.stdout.trim(), 'こんにちは');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
