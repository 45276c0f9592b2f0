/** Reading survey cards in tests: inputs, the error shown under an input, the submit data. */

type Node = Record<string, unknown>;

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every element of the card body in reading order (containers, columns, items). */
export function elementsOf(card: unknown): Node[] {
  const out: Node[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!isNode(node)) return;
    if (typeof node['type'] === 'string' && !String(node['type']).startsWith('Action.'))
      out.push(node);
    for (const key of ['body', 'items', 'columns']) if (key in node) walk(node[key]);
  };
  walk(isNode(card) ? card['body'] : undefined);
  return out;
}

export function inputOf(card: unknown, id: string): Node | undefined {
  return elementsOf(card).find((e) => String(e['type']).startsWith('Input.') && e['id'] === id);
}

export function inputValue(card: unknown, id: string): unknown {
  return inputOf(card, id)?.['value'];
}

/** The error text shown right under an input (an Attention TextBlock before the next input). */
export function errorUnder(card: unknown, id: string): string | undefined {
  const elements = elementsOf(card);
  const at = elements.findIndex((e) => String(e['type']).startsWith('Input.') && e['id'] === id);
  if (at < 0) throw new Error(`no input ${id} in the card`);
  for (const element of elements.slice(at + 1)) {
    if (String(element['type']).startsWith('Input.')) return undefined;
    if (element['type'] === 'TextBlock' && element['color'] === 'Attention')
      return String(element['text']);
  }
  return undefined;
}

/** Every Attention text in the card (form-level and field errors). */
export function attentionTexts(card: unknown): string[] {
  return elementsOf(card)
    .filter((e) => e['type'] === 'TextBlock' && e['color'] === 'Attention')
    .map((e) => String(e['text']));
}

export function actionsOf(card: unknown): Node[] {
  const out: Node[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!isNode(node)) return;
    if (typeof node['type'] === 'string' && String(node['type']).startsWith('Action.'))
      out.push(node);
    for (const [key, value] of Object.entries(node)) if (key !== 'data') walk(value);
  };
  walk(card);
  return out;
}

/** The buttons a user sees (not the card's automatic refresh action). */
export function buttonsOf(card: unknown): Node[] {
  return isNode(card) ? actionsOf({ body: card['body'], actions: card['actions'] }) : [];
}

/**
 * What Teams sends when the user presses the button with `verb`: the action's
 * data merged with the card's inputs (their current values, overridden by `inputs`).
 */
export function pressed(
  card: unknown,
  verb: string,
  inputs: Record<string, unknown> = {},
): Record<string, unknown> {
  const action = actionsOf(card).find((a) => a['verb'] === verb);
  if (!action) throw new Error(`no ${verb} button on the card`);
  const values: Record<string, unknown> = {};
  for (const element of elementsOf(card)) {
    if (!String(element['type']).startsWith('Input.') || typeof element['id'] !== 'string')
      continue;
    const value = element['value'];
    values[element['id']] = value === undefined ? '' : String(value);
  }
  return { ...values, ...inputs, ...(isNode(action['data']) ? action['data'] : {}) };
}

/** The card an invoke answered with (adaptiveCard/action response). */
export function invokeCard(body: unknown): Node {
  const value = isNode(body) ? body['value'] : undefined;
  if (!isNode(body) || body['type'] !== 'application/vnd.microsoft.card.adaptive' || !isNode(value))
    throw new Error(`the invoke did not answer with a card: ${JSON.stringify(body)}`);
  return value;
}
