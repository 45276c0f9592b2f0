import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { RUNTIME_FILES } from './runtime.js';

// No container engine runs here, so the image is checked by what it says: it may only run
// commands the production-install test runs, and compose.yaml must wire what docs/deploy.md says.

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf-8');
const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;

interface Instruction {
  readonly keyword: string;
  readonly args: string;
}

interface Stage {
  readonly from: string;
  readonly instructions: Instruction[];
}

/** The Dockerfile's stages and their instructions (continuations joined, comments dropped). */
function dockerfileStages(text: string): Stage[] {
  const lines = text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const stages: Stage[] = [];
  const args = new Map<string, string>();
  for (const line of lines) {
    const [keyword = '', ...rest] = line.split(/\s+/);
    const instruction = { keyword: keyword.toUpperCase(), args: rest.join(' ') };
    if (instruction.keyword === 'ARG' && stages.length === 0) {
      const [name = '', value = ''] = instruction.args.split('=');
      args.set(name, value);
    } else if (instruction.keyword === 'FROM') {
      const image = instruction.args.replace(
        /\$\{(\w+)\}/g,
        (_, name: string) => args.get(name) ?? '',
      );
      stages.push({ from: image, instructions: [] });
    } else {
      stages.at(-1)?.instructions.push(instruction);
    }
  }
  return stages;
}

const execForm = (args: string): string[] => JSON.parse(args) as string[];
const stages = dockerfileStages(read('Dockerfile'));
const runtime = stages.at(-1);
const all = (keyword: string, stage?: Stage) =>
  (stage ? [stage] : stages).flatMap((s) => s.instructions.filter((i) => i.keyword === keyword));

describe('Dockerfile', () => {
  it('builds on Node 20 slim in two stages', () => {
    assert.equal(stages.length, 2);
    for (const stage of stages) assert.match(stage.from, /^node:20-slim AS \w+$/);
  });

  it('runs only npm ci, npm scripts that exist, and the data folder set-up', () => {
    const commands = all('RUN').flatMap((run) => run.args.split('&&').map((c) => c.trim()));
    assert.ok(commands.length > 0);
    for (const command of commands) {
      const script = /^npm run (\S+)$/.exec(command)?.[1];
      if (script !== undefined) {
        assert.ok(scripts[script], `npm run ${script} is a script in package.json`);
        continue;
      }
      assert.match(
        command,
        /^(npm ci( --[\w=-]+)*|npm cache clean --force|mkdir -p data|chown node:node data)$/,
        `unexpected command in the Dockerfile: ${command}`,
      );
    }
    assert.ok(commands.includes('npm run build'), 'the image is built by npm run build');
  });

  it('installs the runtime stage as the production-install test does, and copies what it copies', () => {
    assert.ok(runtime);
    const installs = all('RUN', runtime).filter((r) => r.args.startsWith('npm ci'));
    assert.equal(installs.length, 1);
    // The same flags as `npm run stage` (scripts/stage.mjs), but the cache preference.
    const staged = /\[\s*'ci',(.*?)\]/s.exec(read('scripts/stage.mjs'))?.[1] ?? '';
    const stageFlags = [...staged.matchAll(/'(--[\w=-]+)'/g)].map((m) => m[1]);
    const imageFlags = (installs[0]?.args.split('&&')[0] ?? '').trim().split(' ').slice(2);
    assert.ok(imageFlags.includes('--omit=dev'));
    assert.deepEqual(
      imageFlags.filter((f) => f !== '--no-audit' && f !== '--no-fund'),
      stageFlags.filter((f) => !['--prefer-offline', '--no-audit', '--no-fund'].includes(f ?? '')),
    );
    const copied = all('COPY', runtime).flatMap((copy) =>
      copy.args
        .split(' ')
        .filter((word) => !word.startsWith('--'))
        .slice(0, -1),
    );
    for (const file of RUNTIME_FILES) {
      assert.ok(
        copied.some((source) => source.replace(/^\/app\//, '') === file),
        `the runtime stage copies ${file}`,
      );
    }
  });

  it("starts with start:prod's command as a non-root user, with a health check on /healthz", () => {
    assert.ok(runtime);
    const cmd = all('CMD', runtime);
    assert.equal(cmd.length, 1);
    assert.deepEqual(execForm(cmd[0]?.args ?? '[]'), scripts['start:prod']?.split(' '));
    const user = all('USER', runtime).at(-1)?.args;
    assert.ok(user && user !== 'root' && user !== '0', 'runs as a non-root user');
    const health = all('HEALTHCHECK', runtime);
    assert.equal(health.length, 1);
    const probe = execForm((health[0]?.args ?? '').replace(/^.*?CMD\s+/, ''));
    assert.equal(probe[0], 'node', 'the probe needs no curl (not in node:20-slim)');
    assert.match(probe.join(' '), /\/healthz/);
    assert.equal(all('STOPSIGNAL', runtime)[0]?.args, 'SIGTERM');
  });

  it('sends the build only what it copies (.dockerignore lists what it lets in)', () => {
    const lines = read('.dockerignore')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '' && !l.startsWith('#'));
    assert.equal(lines[0], '*', 'everything else (node_modules, .env, data/) stays out');
    const allowed = new Set(lines.slice(1).map((l) => l.replace(/^!/, '').replace(/\/$/, '')));
    const sources = all('COPY')
      .filter((copy) => !copy.args.startsWith('--from'))
      .flatMap((copy) => copy.args.split(' ').slice(0, -1));
    for (const source of sources) assert.ok(allowed.has(source), `.dockerignore lets ${source} in`);
  });
});

interface ComposeService {
  image?: string;
  build?: unknown;
  ports?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  configs?: Array<{ source: string; target: string }>;
}

describe('compose.yaml', () => {
  const compose = parse(read('compose.yaml'), { merge: true }) as {
    services: Record<string, ComposeService>;
    configs: Record<string, { content: string }>;
  };
  const services = compose.services;
  const bots = Object.entries(services).filter(([, s]) => s.build !== undefined);

  it('runs two bot instances of this image on one PostgreSQL database', () => {
    assert.equal(bots.length, 2);
    assert.match(services['postgres']?.image ?? '', /^postgres:\d+/);
    for (const [name, bot] of bots) {
      assert.match(bot.environment?.['STORE_URL'] ?? '', /^postgres:\/\/.*@postgres:5432\//, name);
      assert.equal(bot.depends_on?.['postgres']?.condition, 'service_healthy', name);
      assert.ok(bot.environment?.['LINK_SIGNING_SECRET'], `${name} shares the link secret`);
    }
    const seeding = bots.filter(([, bot]) => bot.environment?.['SEED_DEMO'] !== 'false');
    assert.ok(seeding.length <= 1, 'at most one instance may seed the demo data');
  });

  it('publishes one port, on a proxy that shares requests between both instances', () => {
    const published = Object.entries(services).filter(([, s]) => (s.ports ?? []).length > 0);
    assert.deepEqual(
      published.map(([name]) => name),
      ['proxy'],
    );
    const proxy = services['proxy'];
    const configName = proxy?.configs?.[0]?.source ?? '';
    const upstream = compose.configs[configName]?.content ?? '';
    for (const [name] of bots) assert.match(upstream, new RegExp(`server ${name}:3978\\b`));
    assert.match(upstream, /proxy_pass http:\/\/honbu;/);
    assert.doesNotMatch(upstream, /non_idempotent/, 'a POST (a turn) is never sent twice');
  });

  it('commits no secret: passwords come from the environment', () => {
    const text = read('compose.yaml');
    assert.match(text, /POSTGRES_PASSWORD: \$\{POSTGRES_PASSWORD:\?/);
    assert.doesNotMatch(text, /MicrosoftAppPassword: [^$]/);
  });
});
