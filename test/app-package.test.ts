import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import {
  PACKAGE_FILES,
  packageFiles,
  packageValues,
  zipPackage,
  type PackageValues,
} from '../scripts/app-package/build.js';
import { checkPackage, checkPackageZip, readPackage } from '../scripts/app-package/check.js';
import { drawColorIcon, drawOutlineIcon } from '../scripts/app-package/icons.js';

const env = {
  MicrosoftAppId: '0b6f6c1e-5f0e-4b7a-9a51-6f2d3c4b5a69',
  PUBLIC_BASE_URL: 'https://honbu.city.example.jp',
};

function values(): PackageValues {
  const result = packageValues(env, '1.0.0');
  assert.ok(result.ok, 'the test environment is complete');
  return result.values;
}

function jsonOf<T = Record<string, unknown>>(files: Map<string, Uint8Array>, name: string): T {
  const bytes = files.get(name);
  assert.ok(bytes, `${name} is in the package`);
  return JSON.parse(Buffer.from(bytes).toString('utf8')) as T;
}

function manifestOf(files: Map<string, Uint8Array>): Record<string, unknown> {
  return jsonOf(files, 'manifest.json');
}

type Command = { title: string; description: string };

/** The personal scope's command list of a manifest. */
function personalCommands(manifest: Record<string, unknown>): Command[] {
  const bots = manifest['bots'] as Array<{ commandLists: Array<{ commands: Command[] }> }>;
  const list = bots[0]?.commandLists[0];
  assert.ok(list, 'the manifest has a personal command list');
  return list.commands;
}

function withManifest(
  files: Map<string, Uint8Array>,
  change: (m: Record<string, unknown>) => void,
) {
  const manifest = manifestOf(files);
  change(manifest);
  return new Map(files).set('manifest.json', Buffer.from(JSON.stringify(manifest)));
}

function blankPng(width: number, height: number, rgba: [number, number, number, number]): Buffer {
  const png = new PNG({ width, height });
  for (let i = 0; i < png.data.length; i += 4) png.data.set(rgba, i);
  return PNG.sync.write(png);
}

describe('Teams app package', () => {
  it('npm run package writes build/appPackage.zip with the four files at the root, and it passes every check', async function () {
    this.timeout(20000);
    const out = join(mkdtempSync(join(tmpdir(), 'honbu-package-')), 'appPackage.zip');
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/package-app.ts', '--out', out],
      {
        env: { ...process.env, ...env, TAB_SSO_APP_ID_URI: '' },
        encoding: 'utf8',
      },
    );
    assert.equal(run.status, 0, run.stderr);
    const zip = readFileSync(out);
    assert.deepEqual(await checkPackageZip(zip), []);
    const files = await readPackage(zip);
    assert.deepEqual([...files.keys()].sort(), [...PACKAGE_FILES].sort());

    const manifest = manifestOf(files) as {
      manifestVersion: string;
      id: string;
      bots: Array<{
        botId: string;
        scopes: string[];
        commandLists: Array<{ scopes: string[]; commands: Array<{ title: string }> }>;
      }>;
      staticTabs: Array<{ entityId: string; contentUrl?: string }>;
      validDomains: string[];
      webApplicationInfo: { id: string; resource: string };
    };
    assert.equal(manifest.manifestVersion, '1.22');
    assert.equal(manifest.id, env.MicrosoftAppId);
    assert.equal(manifest.bots[0]?.botId, env.MicrosoftAppId);
    assert.deepEqual(manifest.bots[0]?.scopes, ['personal', 'team', 'groupChat']);
    assert.deepEqual(
      manifest.bots[0]?.commandLists.map((l) => l.scopes[0]),
      ['personal', 'team', 'groupChat'],
    );
    assert.deepEqual(
      manifest.bots[0]?.commandLists[0]?.commands.map((c) => c.title),
      ['help', 'next meeting', 'my items', 'results', 'Which web meeting tools are OK?'],
    );
    const dashboard = manifest.staticTabs.find((t) => t.entityId === 'dashboard');
    assert.equal(dashboard?.contentUrl, 'https://honbu.city.example.jp/tab');
    assert.deepEqual(manifest.validDomains, ['honbu.city.example.jp']);
    assert.deepEqual(manifest.webApplicationInfo, {
      id: env.MicrosoftAppId,
      resource: `api://honbu.city.example.jp/${env.MicrosoftAppId}`,
    });
    const ja = jsonOf<Record<string, string>>(files, 'ja.json');
    assert.equal(ja['bots[0].commandLists[0].commands[1].title'], '次の会議');
    assert.equal(ja['staticTabs[1].name'], 'ダッシュボード');
  });

  it('npm run package refuses, naming the variables, when the bot id or the https address is missing', () => {
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/package-app.ts', '--out', join(tmpdir(), 'never.zip')],
      {
        env: { ...process.env, MicrosoftAppId: '', PUBLIC_BASE_URL: 'http://localhost:3978' },
        encoding: 'utf8',
      },
    );
    assert.equal(run.status, 1);
    assert.match(run.stderr, /MicrosoftAppId is not set/);
    assert.match(run.stderr, /PUBLIC_BASE_URL must be an https address/);
  });

  it('the committed icons are what npm run icons draws, and follow the Teams rules', () => {
    assert.deepEqual(readFileSync('manifest/color.png'), drawColorIcon());
    assert.deepEqual(readFileSync('manifest/outline.png'), drawOutlineIcon());
  });

  it('rejects a colour icon of the wrong size with a clear message', () => {
    const files = packageFiles('manifest', values()).set(
      'color.png',
      blankPng(100, 100, [30, 78, 140, 255]),
    );
    assert.deepEqual(checkPackage(files), [
      'color.png: the colour icon must be 192×192 pixels, it is 100×100',
    ]);
  });

  it('rejects an outline icon that is not white on transparent', () => {
    const files = packageFiles('manifest', values()).set(
      'outline.png',
      blankPng(32, 32, [30, 78, 140, 255]),
    );
    assert.deepEqual(checkPackage(files), [
      'outline.png: the outline icon must have a transparent background',
      'outline.png: the outline icon may only use white (with transparency); 1024 pixels have another colour',
    ]);
  });

  it('rejects a bad GUID, with the official schema and with a message naming the field', () => {
    const files = withManifest(packageFiles('manifest', values()), (m) => {
      m['id'] = 'honbu-app';
    });
    const problems = checkPackage(files);
    assert.ok(
      problems.some((p) =>
        /^manifest\.json: \/id must match pattern .*\(official schema\)$/.test(p),
      ),
      problems.join('\n'),
    );
    assert.ok(
      problems.includes(
        'manifest.json: id must be a GUID such as 00000000-0000-0000-0000-000000000000, got "honbu-app"',
      ),
    );
  });

  it('rejects strings over Teams limits, in the manifest and in ja.json', () => {
    let files = withManifest(packageFiles('manifest', values()), (m) => {
      const [help] = personalCommands(m);
      assert.ok(help);
      help.title = 'help me with everything I might need';
    });
    const ja = jsonOf<Record<string, string>>(files, 'ja.json');
    ja['name.short'] = '行政情報化推進本部アシスタント Honbu（本部）デジタル推進版';
    files = files.set('ja.json', Buffer.from(JSON.stringify(ja)));
    const problems = checkPackage(files);
    assert.ok(
      problems.includes(
        'manifest.json: bots[0].commandLists[0].commands[0].title is 36 characters, Teams allows 32: "help me with everything I might need"',
      ),
      problems.join('\n'),
    );
    assert.ok(
      problems.some((p) =>
        p.startsWith('ja.json: /name.short must NOT have more than 30 characters'),
      ),
      problems.join('\n'),
    );
  });

  it('rejects a package with folders, a missing localisation file, or a tab outside validDomains', () => {
    const good = packageFiles('manifest', values());
    const nested = new Map(
      [...good].map(([name, bytes]) => [name === 'color.png' ? `icons/${name}` : name, bytes]),
    );
    assert.deepEqual(checkPackage(nested), [
      'icons/color.png: every file must be at the root of the zip, not in a folder',
      'color.png: the manifest names this icon but the zip does not contain it',
    ]);
    const withoutJa = new Map(good);
    withoutJa.delete('ja.json');
    assert.deepEqual(checkPackage(withoutJa), [
      'ja.json: the manifest names this ja file but the zip does not contain it',
    ]);
    const otherHost = withManifest(good, (m) => {
      m['validDomains'] = ['elsewhere.example.jp'];
    });
    assert.ok(
      checkPackage(otherHost).includes(
        'manifest.json: staticTabs[1] is served from honbu.city.example.jp, which validDomains does not list',
      ),
    );
  });

  it('asks for a Japanese text for every string the manifest shows', () => {
    const files = withManifest(packageFiles('manifest', values()), (m) => {
      personalCommands(m).push({ title: 'meetings', description: 'Upcoming meetings' });
    });
    assert.deepEqual(checkPackage(files), [
      'ja.json: no ja text for "bots[0].commandLists[0].commands[5].title"',
      'ja.json: no ja text for "bots[0].commandLists[0].commands[5].description"',
    ]);
  });

  it('produces the same zip bytes for the same input', async () => {
    const files = packageFiles('manifest', values());
    assert.deepEqual(await zipPackage(files), await zipPackage(files));
  });
});
