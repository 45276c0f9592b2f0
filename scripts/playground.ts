/**
 * `npm run playground -- [--as kumin-bucho@city.example.jp] [--bot http://localhost:3978]`
 * Microsoft 365 Agents Playground (a web chat that emulates Teams and plays the
 * Bot Connector, offline) against a locally running Honbu. Its mock users are
 * demo directory people, so the bot's member lookup finds a real role.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { playgroundCli } from './playground/cli.js';
import { playgroundConfig } from './playground/config.js';

const { values } = parseArgs({
  options: {
    as: { type: 'string', default: 'kumin-bucho@city.example.jp' },
    bot: { type: 'string', default: 'http://localhost:3978' },
  },
});

const dir = mkdtempSync(join(tmpdir(), 'honbu-playground-'));
const configPath = join(dir, '.m365agentsplayground.yml');
// JSON is YAML, so no YAML library is needed for the playground's config file.
writeFileSync(configPath, JSON.stringify(playgroundConfig(values.as), null, 2));

const endpoint = `${values.bot.replace(/\/+$/, '')}/api/messages`;
process.stdout.write(
  `Agents Playground as ${values.as} against ${endpoint}\n` +
    `Open http://localhost:56150 in a browser once it listens. (config: ${configPath})\n`,
);
const child = spawn(
  process.execPath,
  [playgroundCli(), '-e', endpoint, '-c', 'msteams', '--disable-telemetry'],
  {
    stdio: 'inherit',
    // Its own process group, so stopping it stops whatever it started as well.
    detached: true,
    env: {
      ...process.env,
      // Headless by default (set TEAMSAPPTESTER_BROWSER yourself to have a browser opened).
      TEAMSAPPTESTER_BROWSER: process.env['TEAMSAPPTESTER_BROWSER'] ?? 'none',
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath,
      // Its log goes beside the config, not into ./devTools of the project.
      M365_AGENTS_PLAYGROUND_LOGFILE: join(dir, 'playground.log'),
    },
  },
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (child.pid) process.kill(-child.pid, signal);
  });
}
child.on('exit', (code) => process.exit(code ?? 0));
