import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { defaultAppIdUri, loadConfig } from '../../src/config.js';

/** The values `manifest/manifest.json` leaves as ${{NAME}} placeholders. */
export interface PackageValues {
  readonly TEAMS_APP_ID: string;
  readonly BOT_ID: string;
  readonly BASE_URL: string;
  readonly HOST: string;
  readonly APP_ID_URI: string;
  readonly APP_VERSION: string;
}

export type ValuesResult = { ok: true; values: PackageValues } | { ok: false; problems: string[] };

/** Files of the package: the filled manifest, its icons and the Japanese strings, all at the zip root. */
export const PACKAGE_FILES = ['manifest.json', 'color.png', 'outline.png', 'ja.json'] as const;

/**
 * Reads what the package needs from the same environment the bot runs with:
 * the bot's app id, the public https address (tab URL, valid domain) and the
 * SSO application id URI. Says which variable is missing instead of guessing.
 */
export function packageValues(env: NodeJS.ProcessEnv, appVersion: string): ValuesResult {
  const problems: string[] = [];
  const config = loadConfig(env);
  const botId = config.botAuth.appId;
  if (!botId) problems.push("MicrosoftAppId is not set (the bot registration's app id, a GUID)");
  const baseUrl = config.publicBaseUrl?.replace(/\/+$/, '');
  if (!baseUrl)
    problems.push('PUBLIC_BASE_URL is not set (the https address Teams reaches the bot at)');
  else if (!baseUrl.startsWith('https://'))
    problems.push(`PUBLIC_BASE_URL must be an https address for Teams, got ${baseUrl}`);
  if (!botId || !baseUrl || problems.length) return { ok: false, problems };
  return {
    ok: true,
    values: {
      TEAMS_APP_ID: env['TEAMS_APP_ID'] || botId,
      BOT_ID: botId,
      BASE_URL: baseUrl,
      HOST: new URL(baseUrl).host,
      APP_ID_URI: env['TAB_SSO_APP_ID_URI'] || defaultAppIdUri(baseUrl, botId),
      APP_VERSION: appVersion,
    },
  };
}

/** Replaces every ${{NAME}}; a placeholder without a value is an error, not an empty string. */
export function fillPlaceholders(text: string, values: PackageValues): string {
  return text.replace(/\$\{\{(\w+)\}\}/g, (_whole, name: string) => {
    if (!Object.hasOwn(values, name))
      throw new Error(`manifest placeholder \${{${name}}} has no value`);
    return values[name as keyof PackageValues];
  });
}

/** The package's files, read from `manifest/` with the manifest filled in. */
export function packageFiles(sourceDir: string, values: PackageValues): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  for (const name of PACKAGE_FILES) {
    const bytes = readFileSync(join(sourceDir, name));
    files.set(
      name,
      name === 'manifest.json'
        ? Buffer.from(fillPlaceholders(bytes.toString('utf8'), values))
        : bytes,
    );
  }
  return files;
}

/** Zips the files at the root; fixed dates so the same input gives the same bytes. */
export async function zipPackage(files: ReadonlyMap<string, Uint8Array>): Promise<Buffer> {
  const zip = new JSZip();
  const date = new Date('2020-08-03T06:03:00Z');
  for (const [name, bytes] of files) zip.file(name, bytes, { date });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
