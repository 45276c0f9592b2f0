/**
 * A feature's message catalog: Japanese is the master, English must have the
 * same keys (the compiler checks it). `{name}` marks a parameter.
 */
export function defineMessages<const J extends Record<string, string>>(messages: {
  ja: J;
  en: { [K in keyof J]: string };
}): { ja: J; en: { [K in keyof J]: string } } {
  return messages;
}
