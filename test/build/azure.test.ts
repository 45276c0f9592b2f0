import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';

// No Azure, Agents Toolkit or Bicep compiler here: the deployment files are checked for what
// can be checked offline — they parse, refer to files, scripts and variables that exist, and the
// Bicep declares the resource types and API versions docs/deploy.md describes.

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf-8');
const exists = (path: string) => existsSync(new URL(path.replace(/^\.\//, ''), root));
const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;

interface Action {
  uses: string;
  with?: Record<string, unknown>;
  writeToEnvironmentFile?: Record<string, string>;
}
const project = parse(read('m365agents.yml')) as {
  version: string;
  environmentFolderPath: string;
  provision: Action[];
  deploy: Action[];
};
const actions = [...project.provision, ...project.deploy];
const bicep = read('infra/azure.bicep');

/** KEY=value lines of an env file (comments and blank lines skipped). */
function envFile(path: string): Map<string, string> {
  return new Map(
    read(path)
      .split('\n')
      .filter((line) => /^[A-Z_][A-Z0-9_]*=/.test(line))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}

/** Every ${{NAME}} placeholder in a text. */
const placeholders = (text: string) => [...text.matchAll(/\$\{\{ *(\w+) *\}\}/g)].map((m) => m[1]);

/** The Bicep text with comments and string contents blanked, so brackets can be counted. */
function bicepCode(text: string): string {
  // One pass, since `//` may sit inside a string ('https://…') and `'` inside a comment.
  return text.replace(/\/\/[^\n]*|'(?:[^'\\\n]|\\.)*'/g, (token) =>
    token.startsWith('//') ? '' : `'${' '.repeat(token.length - 2)}'`,
  );
}

const bicepOutputs = [...bicep.matchAll(/^output (\w+) /gm)].map((m) => m[1]);

describe('Azure deployment: m365agents.yml', () => {
  it('is an Agents Toolkit v1.9 project with provision and deploy', () => {
    assert.equal(project.version, 'v1.9');
    assert.ok(exists(project.environmentFolderPath));
    assert.ok(project.provision.length > 0 && project.deploy.length > 0);
    const known = new Set([
      'teamsApp/create',
      'aadApp/create',
      'aadApp/update',
      'arm/deploy',
      'teamsApp/validateManifest',
      'teamsApp/zipAppPackage',
      'teamsApp/validateAppPackage',
      'teamsApp/update',
      'cli/runNpmCommand',
      'azureAppService/zipDeploy',
    ]);
    for (const action of actions) assert.ok(known.has(action.uses), action.uses);
  });

  it('points at files that exist and runs npm scripts that exist', () => {
    const arm = actions.find((a) => a.uses === 'arm/deploy');
    const templates = (arm?.with?.['templates'] ?? []) as Array<Record<string, string>>;
    assert.deepEqual(
      templates.map((t) => [t['path'], t['parameters']]),
      [['./infra/azure.bicep', './infra/azure.parameters.json']],
    );
    for (const action of actions) {
      const path = action.with?.['manifestPath'];
      if (typeof path === 'string') assert.ok(exists(path), path);
      const args = action.with?.['args'];
      const script = typeof args === 'string' ? /^run (\S+)/.exec(args)?.[1] : undefined;
      if (script) assert.ok(scripts[script], `npm run ${script}`);
    }
  });

  it('deploys the staged runtime folder that `npm run stage` makes (as the tests do)', () => {
    const npm = project.deploy
      .filter((a) => a.uses === 'cli/runNpmCommand')
      .map((a) => a.with?.['args']);
    assert.deepEqual(npm, ['ci --no-audit --no-fund', 'run build', 'run stage']);
    const zip = project.deploy.find((a) => a.uses === 'azureAppService/zipDeploy');
    assert.equal(zip?.with?.['artifactFolder'], './build/deploy');
    assert.match(read('scripts/stage.mjs'), /'build\/deploy'/);
  });

  it('knows every variable its files use: from env/.env.dev, a provision step or a Bicep output', () => {
    const env = envFile('env/.env.dev');
    const secrets = envFile('env/.env.dev.user.example');
    const written = actions.flatMap((a) => Object.values(a.writeToEnvironmentFile ?? {}));
    const known = new Set([...env.keys(), ...secrets.keys(), ...written, ...bicepOutputs]);
    const files = [
      'm365agents.yml',
      'infra/azure.parameters.json',
      'infra/entra-app.manifest.json',
      'manifest/manifest.json',
    ];
    for (const file of files) {
      for (const name of placeholders(read(file)))
        assert.ok(known.has(name ?? ''), `${file}: ${name}`);
    }
  });

  it('commits no secret: env/.env.dev holds names and placeholders, secrets stay out of git', () => {
    const env = envFile('env/.env.dev');
    for (const [name, value] of env) {
      assert.ok(!name.startsWith('SECRET_'), `${name} belongs in env/.env.dev.user`);
      assert.doesNotMatch(value, /^[A-Za-z0-9+/=_~.-]{32,}$/, `${name} looks like a secret`);
    }
    assert.match(read('.gitignore'), /^env\/\.env\.\*\.user$/m);
  });
});

describe('Azure deployment: infra/', () => {
  it('azure.bicep has balanced blocks, and multi-line objects as Bicep v0.9 (arm/deploy) needs', () => {
    const code = bicepCode(bicep);
    for (const [open, close] of [
      ['{', '}'],
      ['[', ']'],
      ['(', ')'],
    ] as const) {
      let depth = 0;
      for (const char of code) {
        if (char === open) depth++;
        if (char === close) depth--;
        assert.ok(depth >= 0, `${close} before its ${open}`);
      }
      assert.equal(depth, 0, `unbalanced ${open}${close}`);
    }
    assert.doesNotMatch(code, /\{[^\n]*\S[^\n]*\}/, 'an object on one line');
    assert.doesNotMatch(code, /^\s*func /m, 'user-defined functions need Bicep 0.26');
  });

  it('declares the bot registration, Teams channel, App Service, Key Vault and PostgreSQL', () => {
    const resources = [...bicep.matchAll(/^resource \w+ '([^']+)'/gm)].map((m) => m[1]).sort();
    assert.deepEqual(resources, [
      'Microsoft.Authorization/roleAssignments@2022-04-01',
      'Microsoft.BotService/botServices/channels@2022-09-15',
      'Microsoft.BotService/botServices@2022-09-15',
      'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01',
      'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2024-08-01',
      'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01',
      'Microsoft.KeyVault/vaults/secrets@2023-07-01',
      'Microsoft.KeyVault/vaults@2023-07-01',
      'Microsoft.Web/serverfarms@2023-12-01',
      'Microsoft.Web/sites@2023-12-01',
    ]);
    assert.match(bicep, /channelName: 'MsTeamsChannel'/);
    assert.match(bicep, /endpoint: 'https:\/\/\$\{host\}\/api\/messages'/);
  });

  it("runs start:prod's command on Node 20, checks /readyz, and reads secrets from Key Vault", () => {
    assert.match(bicep, /linuxFxVersion: 'NODE\|20-lts'/);
    assert.equal(/appCommandLine: '([^']+)'/.exec(bicep)?.[1], scripts['start:prod']);
    assert.match(bicep, /healthCheckPath: '\/readyz'/);
    for (const setting of ['MicrosoftAppPassword', 'STORE_URL', 'LINK_SIGNING_SECRET']) {
      const value = new RegExp(`name: '${setting}'\\n\\s*value: '([^']*)'`).exec(bicep)?.[1];
      assert.match(
        value ?? '',
        /^\$\{secretRefPrefix\}[a-z-]+\)$/,
        `${setting} is a Key Vault reference`,
      );
    }
    assert.match(bicep, /secretRefPrefix = '@Microsoft\.KeyVault\(VaultName=/);
  });

  it('azure.parameters.json gives every required parameter, and only parameters that exist', () => {
    const given = Object.keys(
      (JSON.parse(read('infra/azure.parameters.json')) as { parameters: object }).parameters,
    );
    const declared = [...bicep.matchAll(/^param (\w+) \w+( = )?/gm)];
    const names = declared.map((m) => m[1]);
    for (const name of given) assert.ok(names.includes(name), `${name} is a parameter`);
    for (const [, name, hasDefault] of declared) {
      if (!hasDefault) assert.ok(given.includes(name ?? ''), `${name} is given`);
    }
  });

  it('entra-app.manifest.json exposes the tab SSO scope to the Teams clients', () => {
    const manifest = JSON.parse(read('infra/entra-app.manifest.json')) as {
      signInAudience: string;
      identifierUris: string[];
      oauth2Permissions: Array<{ value: string; id: string }>;
      preAuthorizedApplications: Array<{ appId: string; permissionIds: string[] }>;
    };
    assert.equal(manifest.signInAudience, 'AzureADMyOrg');
    assert.deepEqual(manifest.identifierUris, ['${{APP_ID_URI}}']);
    const scope = manifest.oauth2Permissions.find((p) => p.value === 'access_as_user');
    assert.ok(scope, 'the scope the tab API requires (src/tab/sso.ts)');
    // Teams desktop and mobile; Teams on the web.
    for (const client of [
      '1fec8e78-bce4-4aaf-ab1b-5451cc387264',
      '5e3ce6c0-2b1f-4285-8d4b-75ee78787346',
    ]) {
      const entry = manifest.preAuthorizedApplications.find((a) => a.appId === client);
      assert.deepEqual(entry?.permissionIds, [scope.id], client);
    }
  });
});
