// Reading a policy card the way its reader does: the first line, and the
// buttons it offers.

/** The first TextBlock of a card: the direct answer. */
export function headline(card: Record<string, unknown>): string {
  const body = card['body'] as Array<{ type: string; text?: string }>;
  return body.find((b) => b.type === 'TextBlock')?.text ?? '';
}

/** The verbs of every Action.Execute on the card, in order. */
export function executeVerbs(card: unknown): string[] {
  const verbs: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const n = node as Record<string, unknown>;
    if (n['type'] === 'Action.Execute' && typeof n['verb'] === 'string') verbs.push(n['verb']);
    Object.values(n).forEach(walk);
  };
  walk(card);
  return verbs;
}
