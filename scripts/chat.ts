/**
 * `npm run chat -- --as kumin-bucho@city.example.jp [--lang en] [--bot URL] [--channel]`
 * Talk to a locally running Honbu (`npm start`) as a demo user, without a Teams tenant.
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { ChatSession, type ChatLanguage } from './chat/chat-session.js';

const HELP = `Type a message to send it to Honbu. Commands:
  /1, /2 …          trigger the numbered action of a card
  /set <id> <value>  fill the card input [id] first (choices: their value; several: a,b)
  /as <upn>          continue as another user (e.g. johokanri-kacho@city.example.jp)
  /lang ja|en        write in Japanese or English
  /help              this text
  /quit              leave (Ctrl+D too)`;

function parseOptions() {
  const { values } = parseArgs({
    options: {
      as: { type: 'string', default: 'kumin-bucho@city.example.jp' },
      lang: { type: 'string', default: 'ja' },
      bot: { type: 'string', default: 'http://localhost:3978' },
      channel: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(
      'npm run chat -- --as <upn> [--lang ja|en] [--bot http://localhost:3978] [--channel]\n',
    );
    process.exit(0);
  }
  const language = asLanguage(values.lang);
  if (!language) {
    process.stderr.write(`--lang must be ja or en, not "${values.lang}"\n`);
    process.exit(2);
  }
  return { upn: values.as, language, botUrl: values.bot, channel: values.channel };
}

function asLanguage(value: string): ChatLanguage | undefined {
  return value === 'ja' || value === 'en' ? value : undefined;
}

async function main(): Promise<void> {
  const options = parseOptions();
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  // Take lines from the start: those typed (or piped) while connecting must not be lost.
  const lines = rl[Symbol.asyncIterator]();
  const interactive = process.stdout.isTTY === true;
  const print = (text: string) => {
    if (!interactive) return void process.stdout.write(`${text}\n`);
    // Messages can arrive while the user is typing (reminders): keep the prompt below them.
    process.stdout.write(`\r\x1b[K${text}\n`);
    rl.prompt(true);
  };
  const setPrompt = (session?: ChatSession) =>
    rl.setPrompt(
      `${session?.upn ?? options.upn} [${session?.currentLanguage ?? options.language}]> `,
    );
  setPrompt();
  print(
    `Talking to ${options.botUrl} as ${options.upn}${options.channel ? ' in a channel' : ''}. /help for commands.`,
  );
  const session = await ChatSession.start({ ...options, onOutput: print });
  setPrompt(session);
  if (interactive) rl.prompt();
  for await (const line of { [Symbol.asyncIterator]: () => lines }) {
    // Piped input is not echoed by the terminal: show it, so a transcript reads as a dialogue.
    if (!interactive) process.stdout.write(`${rl.getPrompt()}${line}\n`);
    await handle(session, line.trim(), print, () => rl.close());
    setPrompt(session);
    if (interactive) rl.prompt();
  }
  await session.stop();
  process.exit(0);
}

async function handle(
  session: ChatSession,
  line: string,
  print: (text: string) => void,
  quit: () => void,
): Promise<void> {
  if (line === '') return;
  if (!line.startsWith('/')) return session.send(line);
  const [command = '', ...rest] = line.slice(1).split(/\s+/);
  const argument = rest.join(' ');
  if (/^\d+$/.test(command)) return session.trigger(Number(command));
  switch (command) {
    case 'set': {
      const [id, ...value] = rest;
      if (!id) return print('(usage: /set <id> <value>)');
      return session.set(id, value.join(' '));
    }
    case 'as':
      if (!argument.includes('@'))
        return print('(usage: /as <upn>, e.g. /as somu-bucho@city.example.jp)');
      return session.switchUser(argument);
    case 'lang': {
      const language = asLanguage(argument);
      if (!language) return print('(usage: /lang ja|en)');
      return session.setLanguage(language);
    }
    case 'help':
      return print(HELP);
    case 'quit':
    case 'exit':
      return quit();
    default:
      return print(`(unknown command /${command}: /help lists them)`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`chat: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
