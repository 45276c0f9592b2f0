/**
 * Adaptive Card → plain text for a terminal: what a user would read on the card,
 * its inputs as fields (id and current value) and its buttons as numbered actions.
 * Pure: no I/O, so it is unit-tested on its own.
 */

type Json = Record<string, unknown>;

export interface CardChoice {
  readonly value: string;
  readonly title: string;
}

export interface CardInput {
  readonly id: string;
  readonly type: string;
  readonly label?: string;
  /** The value the card was sent with. */
  readonly initial: string;
  /** Empty when any text is accepted. */
  readonly choices: readonly CardChoice[];
  readonly multiSelect: boolean;
}

export type CardAction =
  | {
      readonly type: 'Action.Execute';
      readonly title: string;
      readonly verb: string;
      readonly data: Json;
      /** false when the action sends no input values (associatedInputs: none). */
      readonly withInputs: boolean;
    }
  | {
      readonly type: 'Action.Submit';
      readonly title: string;
      readonly data: Json;
      readonly withInputs: boolean;
    }
  | { readonly type: 'Action.OpenUrl'; readonly title: string; readonly url: string };

export interface CardText {
  readonly text: string;
  /** Numbered from `firstAction`, in reading order. */
  readonly actions: readonly CardAction[];
  readonly inputs: readonly CardInput[];
}

export interface CardTextOptions {
  /** The number the first action gets (numbers run on across cards in a session). */
  readonly firstAction?: number;
  /** Values the user set, by input id; they win over the card's own values. */
  readonly values?: Readonly<Record<string, string>>;
}

const EMPTY = '(empty)';

export function cardToText(card: unknown, options: CardTextOptions = {}): CardText {
  const renderer = new Renderer(options.firstAction ?? 1, options.values ?? {});
  const lines = renderer.card(isRecord(card) ? card : {});
  return { text: lines.join('\n'), actions: renderer.actions, inputs: renderer.inputs };
}

/** The value an input holds now: the user's, else the card's. */
export function inputValue(input: CardInput, values: Readonly<Record<string, string>>): string {
  return values[input.id] ?? input.initial;
}

class Renderer {
  readonly actions: CardAction[] = [];
  readonly inputs: CardInput[] = [];

  constructor(
    private readonly firstAction: number,
    private readonly values: Readonly<Record<string, string>>,
  ) {}

  card(card: Json): string[] {
    return [...this.elements(card['body']), ...this.actionSet(card['actions'])];
  }

  private elements(items: unknown): string[] {
    return list(items).flatMap((item) => this.element(item));
  }

  private element(element: Json): string[] {
    if (element['isVisible'] === false) return [];
    switch (element['type']) {
      case 'TextBlock':
        return text(element['text']) ? [text(element['text'])] : [];
      case 'RichTextBlock':
        return [
          list(element['inlines'])
            .map((run) => text(run['text']))
            .join(''),
        ];
      case 'FactSet':
        return list(element['facts']).map((f) => `${text(f['title'])}: ${text(f['value'])}`);
      case 'Container':
        return this.elements(element['items']);
      case 'ColumnSet':
        return side(list(element['columns']).map((column) => this.elements(column['items'])));
      case 'Table':
        return list(element['rows']).flatMap((row) =>
          side(list(row['cells']).map((cell) => this.elements(cell['items']))),
        );
      case 'Image':
        return [`[image${text(element['altText']) ? `: ${text(element['altText'])}` : ''}]`];
      case 'ImageSet':
        return this.elements(element['images']);
      case 'ActionSet':
        return this.actionSet(element['actions']);
      default:
        if (typeof element['type'] === 'string' && element['type'].startsWith('Input.'))
          return this.input(element);
        return this.unknown(element);
    }
  }

  /** Elements this renderer does not know fall back as Adaptive Cards clients do. */
  private unknown(element: Json): string[] {
    const fallback = element['fallback'];
    if (isRecord(fallback)) return this.element(fallback);
    if (fallback === 'drop') return [];
    return [`[${text(element['type']) || 'unknown element'}]`];
  }

  private input(element: Json): string[] {
    const type = text(element['type']);
    const input: CardInput = {
      id: text(element['id']),
      type,
      ...(text(element['label']) ? { label: text(element['label']) } : {}),
      initial: initialValue(element),
      choices: choicesOf(element),
      multiSelect: element['isMultiSelect'] === true,
    };
    this.inputs.push(input);
    const value = inputValue(input, this.values);
    const shown = value === '' ? EMPTY : describeValue(value, input);
    const label = input.label ?? text(element['title']);
    const head = `${label ? `${label} ` : ''}[${input.id}]: ${shown}`;
    const hint = text(element['placeholder']);
    const lines = [hint && value === '' ? `${head}  (${hint})` : head];
    if (input.choices.length > 0)
      lines.push(`  choices: ${input.choices.map((c) => `${c.value}=${c.title}`).join(' | ')}`);
    return lines;
  }

  private actionSet(actions: unknown): string[] {
    const buttons: string[] = [];
    const shown: string[] = [];
    for (const action of list(actions)) {
      const type = text(action['type']);
      const title = text(action['title']);
      if (type === 'Action.ShowCard') {
        // A card behind a button: show it at once, its inputs and actions included.
        const inner = isRecord(action['card']) ? this.card(action['card']) : [];
        shown.push(`▸ ${title}`, ...inner.map((line) => `  ${line}`));
        continue;
      }
      const known = toAction(type, title, action);
      if (!known) continue;
      this.actions.push(known);
      const number = this.firstAction + this.actions.length - 1;
      buttons.push(`[${number}] ${title}${known.type === 'Action.OpenUrl' ? ' ↗' : ''}`);
    }
    return [...(buttons.length > 0 ? [buttons.join('  ')] : []), ...shown];
  }
}

function toAction(type: string, title: string, action: Json): CardAction | undefined {
  const data = isRecord(action['data']) ? action['data'] : {};
  const withInputs = action['associatedInputs'] !== 'none';
  if (type === 'Action.Execute')
    return { type, title, verb: text(action['verb']), data, withInputs };
  if (type === 'Action.Submit') return { type, title, data, withInputs };
  if (type === 'Action.OpenUrl') return { type, title, url: text(action['url']) };
  return undefined; // Action.ToggleVisibility only changes the layout.
}

/** Columns side by side when each is one line, else one after the other. */
function side(columns: string[][]): string[] {
  const filled = columns.filter((lines) => lines.length > 0);
  if (filled.every((lines) => lines.length === 1)) {
    const row = filled.map((lines) => lines[0]).join('  ');
    return row ? [row] : [];
  }
  return filled.flat();
}

function initialValue(element: Json): string {
  const value = element['value'];
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  // An untouched toggle is off, and sends its off value.
  if (element['type'] === 'Input.Toggle') return text(element['valueOff']) || 'false';
  return '';
}

function choicesOf(element: Json): CardChoice[] {
  if (element['type'] === 'Input.Toggle') {
    return [
      { value: text(element['valueOn']) || 'true', title: 'on' },
      { value: text(element['valueOff']) || 'false', title: 'off' },
    ];
  }
  return list(element['choices']).map((c) => ({
    value: text(c['value']),
    title: text(c['title']),
  }));
}

/** A choice's value with its title, so `webmeeting` reads as `webmeeting (Web会議)`. */
function describeValue(value: string, input: CardInput): string {
  if (input.choices.length === 0) return value;
  const titles = value.split(',').map((v) => {
    const choice = input.choices.find((c) => c.value === v.trim());
    return choice ? `${choice.value} (${choice.title})` : v.trim();
  });
  return titles.join(', ');
}

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function list(value: unknown): Json[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
