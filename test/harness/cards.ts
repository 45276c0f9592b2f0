import { AssertionError } from 'node:assert';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as AdaptiveCards from 'adaptivecards';
import type * as AjvModule from 'ajv';
import type { AnySchemaObject, ErrorObject, ValidateFunction } from 'ajv';
import type * as AjvFormatsModule from 'ajv-formats';
import { JSDOM, type DOMWindow } from 'jsdom';

/**
 * Checks Adaptive Cards the way Teams will see them: against the official
 * Adaptive Cards 1.5 schema (test/schemas/adaptive-card-1.5.json) and through
 * the real `adaptivecards` renderer running in jsdom.
 */

// The project is ESM; ajv, ajv-formats, the renderer bundle and the schema are CommonJS/JSON.
const require = createRequire(import.meta.url);

const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';
/** Teams renders Adaptive Cards up to this version (desktop, web and mobile). */
const HIGHEST_TEAMS_VERSION = { major: 1, minor: 5 };
const DIAGNOSTIC_SCHEMA_ID = 'urn:honbu:adaptive-card-1.5:diagnostics';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function definitionsOf(schema: Json): Record<string, Json> {
  return schema['definitions'] as Record<string, Json>;
}

/**
 * The published 1.5 schema, adjusted in memory only (the file stays byte-identical
 * to upstream):
 * - ajv reads a draft-06 schema's identity from `$id`, the file has the older `id`;
 * - Teams cards may carry the root `msteams` extension (e.g. `{ width: 'Full' }`), which
 *   the schema forbids through `additionalProperties: false` on AdaptiveCard;
 * - Container and TableCell declare `"rtl?"` (a typo upstream) where the renderer and
 *   Teams read `rtl`, so a correct `rtl` would be rejected.
 */
function loadTeamsSchema(): Json {
  const schema = structuredClone(require('../schemas/adaptive-card-1.5.json')) as Json;
  schema['$id'] = schema['id'];
  delete schema['id'];
  const definitions = definitionsOf(schema);
  const cardProperties = definitions['AdaptiveCard']?.['properties'] as Json;
  cardProperties['msteams'] = {
    type: 'object',
    description: 'Teams extension of the card (width, mentions).',
  };
  for (const definition of Object.values(definitions)) {
    const properties = definition['properties'];
    if (isObject(properties) && 'rtl?' in properties) {
      properties['rtl'] = properties['rtl?'];
      delete properties['rtl?'];
    }
  }
  return schema;
}

/**
 * Same language as the Teams schema, but each `ImplementationsOf.*` union (anyOf over
 * every element or action type) becomes a switch on `type`. ajv then reports the
 * errors of the one type the card meant, instead of one error per possible type.
 * Only used to explain a card the Teams schema already rejected.
 */
function toDiagnosticSchema(teamsSchema: Json): Json {
  const schema = structuredClone(teamsSchema);
  schema['$id'] = DIAGNOSTIC_SCHEMA_ID;
  const definitions = definitionsOf(schema);
  for (const [name, definition] of Object.entries(definitions)) {
    const branches = definition['anyOf'];
    if (!name.startsWith('ImplementationsOf.') || !Array.isArray(branches)) continue;
    const refs = branches.map(
      (branch: { allOf: Array<{ $ref: string }> }) => branch.allOf[0]?.$ref,
    );
    // A single-type union (inlines: TextRun may also be a plain string) needs no switch.
    if (refs.length < 2) continue;
    const types = refs.map((ref) => typeNameOf(definitions, ref));
    definitions[name] = {
      type: 'object',
      required: ['type'],
      properties: { type: { enum: types } },
      allOf: refs.map((ref, i) => ({
        if: { required: ['type'], properties: { type: { const: types[i] } } },
        then: { $ref: ref },
      })),
    };
  }
  return schema;
}

function typeNameOf(definitions: Record<string, Json>, ref: string | undefined): string {
  const name = ref?.replace('#/definitions/', '') ?? '';
  const typeProperty = (definitions[name]?.['properties'] as Json | undefined)?.['type'];
  const value =
    isObject(typeProperty) && Array.isArray(typeProperty['enum']) && typeProperty['enum'][0];
  if (typeof value !== 'string') throw new Error(`schema: no type name for ${String(ref)}`);
  return value;
}

interface SchemaCheck {
  readonly validate: ValidateFunction;
  /** Compiled on the first failure only: it costs as much as the schema itself. */
  diagnose(): ValidateFunction;
}

let schemaCheck: SchemaCheck | undefined;

function schemaChecker(): SchemaCheck {
  if (schemaCheck) return schemaCheck;
  const Ajv = (require('ajv') as typeof AjvModule.default).default;
  const addFormats = (require('ajv-formats') as typeof AjvFormatsModule.default).default;
  // strict:false: the schema carries annotation keywords ajv does not know (version, features, example).
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json') as AnySchemaObject);
  const teamsSchema = loadTeamsSchema();
  let diagnostic: ValidateFunction | undefined;
  schemaCheck = {
    validate: ajv.compile(teamsSchema),
    diagnose: () => (diagnostic ??= ajv.compile(toDiagnosticSchema(teamsSchema))),
  };
  return schemaCheck;
}

function schemaProblems(card: unknown): string[] {
  const check = schemaChecker();
  if (check.validate(card)) return [];
  const diagnose = check.diagnose();
  const errors = diagnose(card) ? (check.validate.errors ?? []) : (diagnose.errors ?? []);
  return readableSchemaErrors(card, errors);
}

/** One line per real problem: drops union bookkeeping and repeats, names the element. */
function readableSchemaErrors(card: unknown, errors: readonly ErrorObject[]): string[] {
  const pathsWithEnum = new Set(
    errors.filter((e) => e.keyword === 'enum').map((e) => e.instancePath),
  );
  const pathsWithOther = new Set(
    errors.filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'if').map((e) => e.instancePath),
  );
  const lines = new Set<string>();
  for (const error of errors) {
    const path = error.instancePath;
    if (error.keyword === 'if') continue;
    if (error.keyword === 'anyOf' && hasProblemAtOrBelow(pathsWithOther, path)) continue;
    // enum-like properties are "one of these values, or a case-insensitive pattern, or null":
    // the list of values says it all.
    if (pathsWithEnum.has(path) && error.keyword !== 'enum') continue;
    // "must be string" from the other side of a string-or-object union (TextRun) is noise
    // when the object side says what is wrong inside it.
    if (
      error.keyword === 'type' &&
      hasProblemAtOrBelow(pathsWithOther, path, { strictlyBelow: true })
    )
      continue;
    lines.add(`${describePath(card, path)}: ${describeError(card, error)}`);
  }
  return [...lines];
}

function hasProblemAtOrBelow(
  paths: ReadonlySet<string>,
  path: string,
  options: { strictlyBelow?: boolean } = {},
): boolean {
  for (const other of paths) {
    if (other === path && !options.strictlyBelow) return true;
    if (other.startsWith(`${path}/`)) return true;
  }
  return false;
}

function describeError(card: unknown, error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return `unknown property "${String(params['additionalProperty'])}"`;
    case 'required':
      return `missing required property "${String(params['missingProperty'])}"`;
    case 'enum': {
      const allowed = (params['allowedValues'] as unknown[]).map(String).join(', ');
      const got = JSON.stringify(valueAt(card, error.instancePath));
      return error.instancePath.endsWith('/type')
        ? `unknown type ${got}; allowed here in Adaptive Cards 1.5: ${allowed}`
        : `${got} is not one of ${allowed}`;
    }
    case 'anyOf':
      return 'matches none of the allowed forms';
    default:
      return error.message ?? error.keyword;
  }
}

/** `/body/0/items/1 (TextBlock)`, `/body/0/size (in TextBlock)`: where, and in which element. */
function describePath(card: unknown, pointer: string): string {
  const at = pointer === '' ? '(card)' : pointer;
  const segments = pointer.split('/').slice(1);
  for (let end = segments.length; end >= 0; end--) {
    const owner = valueAt(card, ['', ...segments.slice(0, end)].join('/'));
    if (isObject(owner) && typeof owner['type'] === 'string')
      return `${at} (${end === segments.length ? '' : 'in '}${owner['type']})`;
  }
  return at;
}

function valueAt(root: unknown, pointer: string): unknown {
  let node = root;
  for (const raw of pointer.split('/').slice(1)) {
    if (raw === '') continue;
    const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    node =
      isObject(node) || Array.isArray(node) ? (node as Record<string, unknown>)[key] : undefined;
  }
  return node;
}

// ---------------------------------------------------------------------------------------
// The real renderer. Its browser bundle is evaluated inside a jsdom window, so that its
// `window`/`document` are jsdom's and nothing leaks into Node's globals (the bot under test
// runs in this same process, and HTTP libraries change behaviour when they see a `window`).

interface Renderer {
  readonly ac: typeof AdaptiveCards;
  readonly window: DOMWindow;
}

let loadedRenderer: Renderer | undefined;

function renderer(): Renderer {
  if (loadedRenderer) return loadedRenderer;
  const dom = new JSDOM('<!doctype html><html><body></body></html>', {
    url: 'https://honbu.test/',
    runScripts: 'outside-only',
    pretendToBeVisual: true,
  });
  const bundle = readFileSync(require.resolve('adaptivecards/dist/adaptivecards.js'), 'utf-8');
  dom.window.eval(bundle);
  const ac = (dom.window as unknown as { AdaptiveCards: typeof AdaptiveCards }).AdaptiveCards;
  // Teams renders markdown itself; here text is shown as is (and the renderer stops warning
  // on the console that no markdown processor is set).
  ac.AdaptiveCard.onProcessMarkdown = (text, result) => {
    const holder = dom.window.document.createElement('span');
    holder.textContent = text;
    result.outputHtml = holder.innerHTML;
    result.didProcess = true;
  };
  loadedRenderer = { ac, window: dom.window };
  return loadedRenderer;
}

interface ParsedCard {
  readonly card: AdaptiveCards.AdaptiveCard;
  readonly problems: string[];
}

/** Parses as a 1.5 host would, and collects what the renderer objects to. */
function parseWithRenderer(json: unknown): ParsedCard {
  const { ac } = renderer();
  const card = new ac.AdaptiveCard();
  const context = new ac.SerializationContext(ac.Versions.v1_5);
  card.parse(json, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) {
    const event = context.getEventAt(i);
    problems.push(`${ac.ValidationEvent[event.event]}: ${event.message}`);
  }
  for (const event of card.validateProperties().validationEvents) {
    // Hints are layout advice ("don't mix weighted and stretched columns"), not errors.
    if (event.event === ac.ValidationEvent.Hint) continue;
    problems.push(
      `${describeSource(event.source)}${ac.ValidationEvent[event.event]}: ${event.message}`,
    );
  }
  return { card, problems };
}

function describeSource(source: unknown): string {
  if (!isObject(source) || typeof source['getJsonTypeName'] !== 'function') return '';
  const type = (source['getJsonTypeName'] as () => string).call(source);
  const id = source['id'];
  return typeof id === 'string' && id ? `${type} "${id}": ` : `${type}: `;
}

// ---------------------------------------------------------------------------------------
// Rules Teams and Honbu add on top of the schema and the renderer.

function versionProblems(card: unknown): string[] {
  if (!isObject(card)) return ['(card): an Adaptive Card must be a JSON object'];
  const version = card['version'];
  const match = typeof version === 'string' ? /^(\d+)\.(\d+)$/.exec(version) : null;
  const major = Number(match?.[1]);
  const minor = Number(match?.[2]);
  const supported =
    match !== null &&
    (major < HIGHEST_TEAMS_VERSION.major ||
      (major === HIGHEST_TEAMS_VERSION.major && minor <= HIGHEST_TEAMS_VERSION.minor));
  return supported
    ? []
    : [
        `(card): version must be "1.5" or lower, since Teams renders Adaptive Cards up to 1.5 (got ${JSON.stringify(version)})`,
      ];
}

/** Honbu's router dispatches Action.Execute by `verb`: a button without one goes nowhere. */
function verbProblems(card: unknown): string[] {
  const problems: string[] = [];
  const walk = (node: unknown, pointer: string): void => {
    if (Array.isArray(node)) return node.forEach((item, i) => walk(item, `${pointer}/${i}`));
    if (!isObject(node)) return;
    if (node['type'] === 'Action.Execute') {
      const verb = node['verb'];
      if (typeof verb !== 'string' || verb.trim() === '')
        problems.push(`${pointer} (Action.Execute): needs a "verb" (the router dispatches on it)`);
    }
    // `data` is the bot's own payload, not card structure.
    for (const [key, value] of Object.entries(node))
      if (key !== 'data') walk(value, `${pointer}/${key}`);
  };
  walk(card, '');
  return problems;
}

// ---------------------------------------------------------------------------------------

/** Cards already found valid (by their JSON): the bot sends the same help card many times. */
const validCards = new Set<string>();

/**
 * Fails (AssertionError) unless `card` is an Adaptive Card Teams can show: valid against
 * the Adaptive Cards 1.5 schema, accepted by the real renderer (no unknown element or
 * action types, unique ids, choice sets with choices, ...), version 1.5 or lower, and
 * every Action.Execute has a verb. The message lists every problem with its JSON path.
 */
export function assertValidCard(card: unknown, label = 'Adaptive Card'): void {
  const key = JSON.stringify(card);
  if (key !== undefined && validCards.has(key)) return;
  const problems = [
    ...versionProblems(card),
    ...verbProblems(card),
    ...schemaProblems(card).map((p) => `schema ${p}`),
    ...parseWithRenderer(card).problems.map((p) => `renderer ${p}`),
  ];
  if (problems.length > 0) {
    throw new AssertionError({
      message: `${label} is not a valid Teams Adaptive Card (1.5):\n  - ${problems.join('\n  - ')}`,
      actual: card,
      operator: 'assertValidCard',
    });
  }
  if (key !== undefined) validCards.add(key);
}

export interface RenderedInput {
  readonly id: string;
  /** The element type, e.g. `Input.Text`, `Input.ChoiceSet`. */
  readonly type: string;
  /** What the rendered control currently holds (a ChoiceSet's choice value, not its title). */
  readonly value?: string;
}

/** Renders `card` with the real renderer in jsdom and lists the inputs it actually drew. */
export function renderedInputs(card: unknown): RenderedInput[] {
  const { window } = renderer();
  const { card: parsed } = parseWithRenderer(card);
  const root = parsed.render();
  if (!root) throw new AssertionError({ message: 'the renderer drew nothing for this card' });
  window.document.body.replaceChildren(root);
  // Array.from: the renderer's arrays belong to the jsdom realm, and deepStrictEqual in a
  // test would see their foreign Array prototype.
  return Array.from(parsed.getAllInputs())
    .filter((input) => input.renderedElement !== undefined && root.contains(input.renderedElement))
    .map((input) => {
      const value: unknown = input.value;
      return {
        id: input.id ?? '',
        type: input.getJsonTypeName(),
        ...(value === undefined || value === null ? {} : { value: String(value) }),
      };
    });
}

/**
 * Every Adaptive Card inside an outgoing activity or an invoke response: attachments
 * (`{contentType, content}`, also in task modules) and `adaptiveCard/action` answers
 * (`{type, value}`).
 */
export function adaptiveCardsIn(payload: unknown): unknown[] {
  const found: unknown[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!isObject(node)) return;
    if (node['contentType'] === ADAPTIVE_CARD && 'content' in node)
      return void found.push(node['content']);
    if (node['type'] === ADAPTIVE_CARD && 'value' in node) return void found.push(node['value']);
    Object.values(node).forEach(walk);
  };
  walk(payload);
  return found;
}
