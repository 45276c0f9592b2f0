/** The chat client's default bot address (scripts/chat.ts): no `--bot` needed for it. */
const CHAT_DEFAULT_BOT = 'http://localhost:3978';

/**
 * What a developer reads when Honbu starts without an app id: where it listens
 * (all interfaces when the host is 0.0.0.0 or ::) and the chat command that
 * reaches this very process, with `--bot` whenever the port is not the default.
 */
export function localStartMessage(url: string, host: string): string {
  const { port } = new URL(url);
  const everywhere = host === '0.0.0.0' || host === '::';
  const where = everywhere
    ? `Honbu listens on every network interface (${host}), port ${port}: ${url}/api/messages from this machine`
    : `Honbu listens on ${url}/api/messages`;
  const target = everywhere ? `http://localhost:${port}` : url;
  const { hostname } = new URL(target);
  const isDefault =
    port === new URL(CHAT_DEFAULT_BOT).port && ['localhost', '127.0.0.1'].includes(hostname);
  const bot = isDefault ? '' : ` --bot ${target}`;
  return (
    `\n${where} (no app id: local mode, unsigned requests accepted).\n` +
    `Talk to it from another terminal:  npm run chat -- --as kumin-bucho@city.example.jp${bot}\n\n`
  );
}
