import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { readFileSync } from 'node:fs';
// ajv-draft-04 and ajv-formats are CommonJS: for ESM callers their export is on `.default`.
import AjvDraft04, { type ErrorObject, type ValidateFunction } from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import JSZip from 'jszip';
import { PNG } from 'pngjs';

/**
 * Checks a Teams app package the way Teams would refuse it: the official JSON
 * schemas (shipped in @microsoft/app-manifest, so no network), then the rules
 * Teams adds on top (icon sizes and colours, GUIDs, string lengths, the zip's
 * layout, a complete localisation file). Returns one readable line per problem.
 */
export type PackageFiles = ReadonlyMap<string, Uint8Array>;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Teams' limits for bot commands (stricter than the schema's). */
const COMMAND_TITLE_MAX = 32;
const COMMAND_DESCRIPTION_MAX = 128;

interface Manifest {
  manifestVersion?: string;
  id?: string;
  name?: { short?: string; full?: string };
  description?: { short?: string; full?: string };
  icons?: { color?: string; outline?: string };
  bots?: Array<{
    botId?: string;
    commandLists?: Array<{ commands?: Array<{ title?: string; description?: string }> }>;
  }>;
  composeExtensions?: Array<{
    commands?: Array<{
      title?: string;
      description?: string;
      parameters?: Array<{ title?: string; description?: string }>;
    }>;
  }>;
  staticTabs?: Array<{
    entityId?: string;
    name?: string;
    contentUrl?: string;
    websiteUrl?: string;
  }>;
  validDomains?: string[];
  webApplicationInfo?: { id?: string; resource?: string };
  localizationInfo?: { additionalLanguages?: Array<{ languageTag?: string; file?: string }> };
}

/** Reads a zip into its files; folders are kept as names ending in '/' so the layout check sees them. */
export async function readPackage(zip: Uint8Array): Promise<Map<string, Uint8Array>> {
  const archive = await JSZip.loadAsync(zip);
  const files = new Map<string, Uint8Array>();
  for (const entry of Object.values(archive.files))
    files.set(entry.name, entry.dir ? new Uint8Array() : await entry.async('uint8array'));
  return files;
}

export async function checkPackageZip(zip: Uint8Array): Promise<string[]> {
  let files: Map<string, Uint8Array>;
  try {
    files = await readPackage(zip);
  } catch (error) {
    return [`the package is not a readable zip file (${(error as Error).message})`];
  }
  return checkPackage(files);
}

export function checkPackage(files: PackageFiles): string[] {
  const problems: string[] = [];
  for (const name of files.keys())
    if (name.includes('/'))
      problems.push(`${name}: every file must be at the root of the zip, not in a folder`);

  const manifestBytes = files.get('manifest.json');
  if (!manifestBytes) return [...problems, 'manifest.json is missing from the root of the zip'];
  const manifest = parseJson<Manifest>('manifest.json', manifestBytes, problems);
  if (!manifest) return problems;

  const version = manifest.manifestVersion ?? '';
  const schemas = officialSchemas(version);
  if (!schemas)
    return [
      ...problems,
      `manifest.json: manifestVersion "${version}" has no schema in @microsoft/app-manifest`,
    ];
  problems.push(...schemaProblems('manifest.json', schemas.manifest, manifest));

  problems.push(...guidProblems(manifest));
  problems.push(...lengthProblems(manifest));
  problems.push(...domainProblems(manifest));
  problems.push(...iconProblems(manifest, files));
  problems.push(...localisationProblems(manifest, files, schemas.localization));
  return problems;
}

function parseJson<T>(name: string, bytes: Uint8Array, problems: string[]): T | undefined {
  try {
    return JSON.parse(Buffer.from(bytes).toString('utf8')) as T;
  } catch (error) {
    problems.push(`${name}: not valid JSON (${(error as Error).message})`);
    return undefined;
  }
}

const schemaCache = new Map<
  string,
  { manifest: ValidateFunction; localization: ValidateFunction }
>();

function officialSchemas(version: string) {
  if (!/^\d+\.\d+$/.test(version)) return undefined;
  const cached = schemaCache.get(version);
  if (cached) return cached;
  const root = dirname(
    createRequire(import.meta.url).resolve('@microsoft/app-manifest/package.json'),
  );
  const folder = join(root, 'build', 'json-schemas', 'teams', `v${version}`);
  let compiled;
  try {
    // The Localization schema's patterns are not valid as Unicode regular expressions.
    const ajv = new AjvDraft04.default({
      allErrors: true,
      strictTypes: false,
      unicodeRegExp: false,
    });
    ajvFormats.default(ajv);
    const load = (file: string) => JSON.parse(readFileSync(join(folder, file), 'utf8')) as object;
    compiled = {
      manifest: ajv.compile(load('MicrosoftTeams.schema.json')),
      localization: ajv.compile(load('MicrosoftTeams.Localization.schema.json')),
    };
  } catch {
    return undefined;
  }
  schemaCache.set(version, compiled);
  return compiled;
}

function schemaProblems(file: string, validate: ValidateFunction, data: unknown): string[] {
  if (validate(data)) return [];
  return (validate.errors ?? []).map((e: ErrorObject) => {
    const where = e.instancePath || '(top level)';
    const detail = e.params && Object.keys(e.params).length ? ` ${JSON.stringify(e.params)}` : '';
    return `${file}: ${where} ${e.message ?? 'is invalid'}${detail} (official schema)`;
  });
}

function guidProblems(m: Manifest): string[] {
  const fields: Array<[string, string | undefined]> = [
    ['id', m.id],
    ...(m.bots ?? []).map((b, i): [string, string | undefined] => [`bots[${i}].botId`, b.botId]),
    ['webApplicationInfo.id', m.webApplicationInfo?.id],
  ];
  return fields
    .filter(([, value]) => value !== undefined && !GUID.test(value))
    .map(
      ([field, value]) =>
        `manifest.json: ${field} must be a GUID such as 00000000-0000-0000-0000-000000000000, got "${value}"`,
    );
}

function lengthProblems(m: Manifest): string[] {
  const problems: string[] = [];
  const limit = (field: string, value: string | undefined, max: number) => {
    if (value !== undefined && [...value].length > max)
      problems.push(
        `manifest.json: ${field} is ${[...value].length} characters, Teams allows ${max}: "${value}"`,
      );
  };
  limit('name.short', m.name?.short, 30);
  limit('name.full', m.name?.full, 100);
  limit('description.short', m.description?.short, 80);
  limit('description.full', m.description?.full, 4000);
  (m.bots ?? []).forEach((bot, b) =>
    (bot.commandLists ?? []).forEach((list, l) =>
      (list.commands ?? []).forEach((command, c) => {
        const at = `bots[${b}].commandLists[${l}].commands[${c}]`;
        limit(`${at}.title`, command.title, COMMAND_TITLE_MAX);
        limit(`${at}.description`, command.description, COMMAND_DESCRIPTION_MAX);
      }),
    ),
  );
  return problems;
}

function domainProblems(m: Manifest): string[] {
  const problems: string[] = [];
  const domains = m.validDomains ?? [];
  for (const [i, tab] of (m.staticTabs ?? []).entries()) {
    for (const url of [tab.contentUrl, tab.websiteUrl]) {
      if (!url) continue;
      const host = URL.canParse(url) ? new URL(url).host : undefined;
      if (!host) problems.push(`manifest.json: staticTabs[${i}] URL "${url}" is not a URL`);
      else if (!domains.includes(host))
        problems.push(
          `manifest.json: staticTabs[${i}] is served from ${host}, which validDomains does not list`,
        );
    }
  }
  const { id, resource } = m.webApplicationInfo ?? {};
  if (
    resource !== undefined &&
    (!resource.startsWith('api://') || (id && !resource.endsWith(`/${id}`)))
  )
    problems.push(
      `manifest.json: webApplicationInfo.resource must be api://<host>/<webApplicationInfo.id> for single sign-on, got "${resource}"`,
    );
  return problems;
}

interface Pixels {
  width: number;
  height: number;
  data: Uint8Array;
}

function readPng(
  name: string,
  bytes: Uint8Array | undefined,
  problems: string[],
): Pixels | undefined {
  if (!bytes) {
    problems.push(`${name}: the manifest names this icon but the zip does not contain it`);
    return undefined;
  }
  try {
    return PNG.sync.read(Buffer.from(bytes));
  } catch (error) {
    problems.push(`${name}: not a readable PNG image (${(error as Error).message})`);
    return undefined;
  }
}

function iconProblems(m: Manifest, files: PackageFiles): string[] {
  const problems: string[] = [];
  const sizeRule = (name: string, png: Pixels, size: number, kind: string) => {
    if (png.width !== size || png.height !== size)
      problems.push(
        `${name}: the ${kind} icon must be ${size}×${size} pixels, it is ${png.width}×${png.height}`,
      );
  };
  if (m.icons?.color) {
    const png = readPng(m.icons.color, files.get(m.icons.color), problems);
    if (png) sizeRule(m.icons.color, png, 192, 'colour');
  }
  if (m.icons?.outline) {
    const name = m.icons.outline;
    const png = readPng(name, files.get(name), problems);
    if (png) {
      sizeRule(name, png, 32, 'outline');
      let transparent = 0;
      let coloured = 0;
      for (let i = 0; i < png.data.length; i += 4) {
        if (png.data[i + 3] === 0) transparent++;
        else if (png.data[i] !== 255 || png.data[i + 1] !== 255 || png.data[i + 2] !== 255)
          coloured++;
      }
      if (transparent === 0)
        problems.push(`${name}: the outline icon must have a transparent background`);
      if (coloured > 0)
        problems.push(
          `${name}: the outline icon may only use white (with transparency); ${coloured} pixels have another colour`,
        );
    }
  }
  return problems;
}

/** Manifest strings a localisation file must translate, by their localisation key. */
function localisableStrings(m: Manifest): Map<string, string> {
  const strings = new Map<string, string>();
  const add = (key: string, value: string | undefined) =>
    value !== undefined && strings.set(key, value);
  add('name.short', m.name?.short);
  add('name.full', m.name?.full);
  add('description.short', m.description?.short);
  add('description.full', m.description?.full);
  (m.bots ?? []).forEach((bot, b) =>
    (bot.commandLists ?? []).forEach((list, l) =>
      (list.commands ?? []).forEach((command, c) => {
        add(`bots[${b}].commandLists[${l}].commands[${c}].title`, command.title);
        add(`bots[${b}].commandLists[${l}].commands[${c}].description`, command.description);
      }),
    ),
  );
  (m.composeExtensions ?? []).forEach((extension, e) =>
    (extension.commands ?? []).forEach((command, c) => {
      const key = `composeExtensions[${e}].commands[${c}]`;
      add(`${key}.title`, command.title);
      add(`${key}.description`, command.description);
      (command.parameters ?? []).forEach((parameter, p) => {
        add(`${key}.parameters[${p}].title`, parameter.title);
        add(`${key}.parameters[${p}].description`, parameter.description);
      });
    }),
  );
  (m.staticTabs ?? []).forEach((tab, i) => add(`staticTabs[${i}].name`, tab.name));
  return strings;
}

function localisationProblems(
  m: Manifest,
  files: PackageFiles,
  validate: ValidateFunction,
): string[] {
  const problems: string[] = [];
  const expected = localisableStrings(m);
  for (const language of m.localizationInfo?.additionalLanguages ?? []) {
    const file = language.file ?? '';
    const bytes = files.get(file);
    if (!bytes) {
      problems.push(
        `${file}: the manifest names this ${language.languageTag} file but the zip does not contain it`,
      );
      continue;
    }
    const strings = parseJson<Record<string, unknown>>(file, bytes, problems);
    if (!strings) continue;
    problems.push(...schemaProblems(file, validate, strings));
    const keys = Object.keys(strings).filter((k) => k !== '$schema');
    for (const key of keys)
      if (!expected.has(key))
        problems.push(`${file}: "${key}" translates nothing in manifest.json`);
    for (const key of expected.keys())
      if (!keys.includes(key))
        problems.push(`${file}: no ${language.languageTag} text for "${key}"`);
    for (const [key, value] of Object.entries(strings)) {
      const max = key.endsWith('].title')
        ? COMMAND_TITLE_MAX
        : key.endsWith('].description') && key.startsWith('bots')
          ? COMMAND_DESCRIPTION_MAX
          : undefined;
      if (max !== undefined && typeof value === 'string' && [...value].length > max)
        problems.push(`${file}: "${key}" is ${[...value].length} characters, Teams allows ${max}`);
    }
  }
  return problems;
}
