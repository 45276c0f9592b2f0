import * as teams from '../teams/activities.js';
import type { Activity, TeamsUser, Where } from '../teams/activities.js';
import { ChatConnector, type BotPost } from './chat-connector.js';
import { cardToText, inputValue, type CardAction, type CardText } from './card-text.js';

export type ChatLanguage = 'ja' | 'en';

export interface ChatOptions {
  /** The bot's base URL (http://localhost:3978) or its messaging endpoint. */
  readonly botUrl: string;
  readonly upn: string;
  readonly language?: ChatLanguage;
  /** Talk in a team channel (@mentioning the bot) instead of the 1:1 chat. */
  readonly channel?: boolean;
  /** Everything the user should read: bot messages, rendered cards, notices. */
  readonly onOutput: (text: string) => void;
}

const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
const LOCALES: Record<ChatLanguage, string> = { ja: 'ja-JP', en: 'en-US' };

/** A card on screen: its numbered actions stay valid until the bot replaces the card. */
interface ShownCard {
  readonly conversationId: string;
  readonly activityId: string;
  readonly card: unknown;
  readonly firstAction: number;
  rendered: CardText;
  readonly values: Record<string, string>;
}

/**
 * A Teams user talking to a running Honbu bot, with this process playing the
 * Bot Connector. Scriptable (tests drive it); `npm run chat` is a thin
 * readline shell over it.
 */
export class ChatSession {
  private readonly cards: ShownCard[] = [];
  private nextAction = 1;
  private user: TeamsUser;
  private readonly installed = new Set<string>();
  /** Conversation ids of users met in this session, to say whom a message went to. */
  private readonly recipients = new Map<string, string>();

  private readonly connector = new ChatConnector((post) => this.show(post));
  private readonly endpoint: string;
  private language: ChatLanguage;

  private constructor(private readonly options: ChatOptions) {
    this.endpoint = messagingEndpoint(options.botUrl);
    this.language = options.language ?? 'ja';
    this.user = teams.teamsUser(options.upn, LOCALES[this.language]);
  }

  /** Starts the connector and says hello to the bot as `options.upn`. */
  static async start(options: ChatOptions): Promise<ChatSession> {
    const session = new ChatSession(options);
    await session.connector.start();
    await session.greet();
    return session;
  }

  get upn(): string {
    return this.user.userPrincipalName ?? '';
  }

  get currentLanguage(): ChatLanguage {
    return this.language;
  }

  get connectorUrl(): string {
    return this.connector.url;
  }

  async stop(): Promise<void> {
    await this.connector.stop();
  }

  /** The user types `text` (in a channel: after an @mention of the bot). */
  async send(text: string): Promise<void> {
    await this.post(teams.message(this.user, text, this.where()));
  }

  /** Clicks action number `n` of a card on screen. */
  async trigger(n: number): Promise<void> {
    const shown = this.cards.find(
      (c) => n >= c.firstAction && n < c.firstAction + c.rendered.actions.length,
    );
    const action = shown?.rendered.actions[n - shown.firstAction];
    if (!shown || !action) return this.say(`No action [${n}] on screen.`);
    const where = { ...this.where(), conversationId: shown.conversationId };
    switch (action.type) {
      case 'Action.OpenUrl':
        return this.say(`${action.title}: ${action.url}`);
      case 'Action.Submit':
        await this.post(teams.submit(this.user, withInputs(action, shown), where));
        return;
      case 'Action.Execute': {
        const invoke = teams.execute(this.user, action.verb, withInputs(action, shown), {
          ...where,
          replyToId: shown.activityId,
        });
        const body = await this.post(invoke);
        if (body !== undefined) this.showInvokeResponse(body, shown);
        return;
      }
    }
  }

  /** Fills input `id` on the newest card that has it, before an action is triggered. */
  set(id: string, value: string): void {
    const shown = [...this.cards].reverse().find((c) => c.rendered.inputs.some((i) => i.id === id));
    const input = shown?.rendered.inputs.find((i) => i.id === id);
    if (!shown || !input) return this.say(`No input [${id}] on screen.`);
    // An empty value clears the input.
    const picked =
      value === '' ? [] : input.multiSelect ? value.split(',').map((v) => v.trim()) : [value];
    const unknown = picked.filter((v) => !input.choices.some((c) => c.value === v));
    if (input.choices.length > 0 && unknown.length > 0) {
      const choices = input.choices.map((c) => `${c.value}=${c.title}`).join(' | ');
      return this.say(`"${unknown.join(', ')}" is not a choice of [${id}]: ${choices}`);
    }
    shown.values[id] = picked.join(',');
    shown.rendered = cardToText(shown.card, {
      firstAction: shown.firstAction,
      values: shown.values,
    });
    const line = shown.rendered.text.split('\n').find((l) => l.includes(`[${id}]: `));
    this.say(line ?? `[${id}]: ${inputValue(input, shown.values)}`);
  }

  /** Continues as another user (the bot sees a new Teams identity). */
  async switchUser(upn: string): Promise<void> {
    this.user = teams.teamsUser(upn, LOCALES[this.language]);
    await this.greet();
  }

  setLanguage(language: ChatLanguage): void {
    this.language = language;
    this.user = teams.teamsUser(this.upn, LOCALES[language]);
    this.connector.addUser(this.user);
  }

  private where(): Where {
    return { serviceUrl: `${this.connector.url}/`, channel: this.options.channel === true };
  }

  /** Installs the bot for this user once, so proactive messages (reminders) can reach them. */
  private async greet(): Promise<void> {
    this.connector.addUser(this.user);
    this.recipients.set(this.user.personalConversationId, this.upn);
    if (this.installed.has(this.upn)) return;
    this.installed.add(this.upn);
    await this.post(teams.botAdded(this.user, this.where()));
  }

  /** Posts to the bot's endpoint; answers the response body (invokes carry one). */
  private async post(activity: Activity): Promise<unknown> {
    let response: Response;
    try {
      response = await fetch(this.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity),
      });
    } catch {
      this.say(`Cannot reach the bot at ${this.endpoint}. Is \`npm start\` running?`);
      return undefined;
    }
    const text = await response.text();
    if (response.status === 401) {
      this.say('The bot wants signed requests (an app id is set): run it without MicrosoftAppId.');
      return undefined;
    }
    if (!response.ok) {
      this.say(`The bot answered HTTP ${response.status}${text ? `: ${text}` : ''}`);
      return undefined;
    }
    try {
      return text ? (JSON.parse(text) as unknown) : undefined;
    } catch {
      return text;
    }
  }

  /** What the bot posted through the connector, as the user would see it. */
  private show(post: BotPost): void {
    const activity = post.activity;
    if (activity['type'] !== undefined && activity['type'] !== 'message') return;
    const from = this.senderLabel(post.conversationId);
    const text = typeof activity['text'] === 'string' ? activity['text'] : '';
    const blocks: string[] = text ? [text] : [];
    const attachments = Array.isArray(activity['attachments']) ? activity['attachments'] : [];
    // An update replaces the message: the old card's buttons are gone, whatever comes instead.
    if (post.kind === 'update') this.forget(post.conversationId, post.activityId);
    for (const attachment of attachments as Array<{ contentType?: string; content?: unknown }>) {
      if (attachment.contentType === CARD_CONTENT_TYPE) {
        blocks.push(this.showCard(post.conversationId, post.activityId, attachment.content));
      } else {
        blocks.push(`[${attachment.contentType ?? 'attachment'}]`);
      }
    }
    if (blocks.length === 0) return;
    const label = post.kind === 'update' ? `${from} (updated)` : from;
    this.options.onOutput(`${label}\n${indent(blocks.join('\n'))}`);
  }

  /** The card an Action.Execute returns replaces the card it was clicked on. */
  private showInvokeResponse(body: unknown, clicked: ShownCard): void {
    const response = body as { statusCode?: number; type?: string; value?: unknown };
    const from = this.senderLabel(clicked.conversationId);
    if (response.type === CARD_CONTENT_TYPE) {
      this.forget(clicked.conversationId, clicked.activityId);
      const text = this.showCard(clicked.conversationId, clicked.activityId, response.value);
      this.options.onOutput(`${from} (card updated)\n${indent(text)}`);
    } else if (typeof response.value === 'string') {
      this.options.onOutput(`${from}\n${indent(response.value)}`);
    } else if ((response.statusCode ?? 200) >= 400) {
      this.say(`The bot refused the action (status ${response.statusCode}).`);
    }
  }

  private showCard(conversationId: string, activityId: string, card: unknown): string {
    const firstAction = this.nextAction;
    const rendered = cardToText(card, { firstAction });
    this.nextAction += rendered.actions.length;
    this.cards.push({ conversationId, activityId, card, firstAction, rendered, values: {} });
    return rendered.text;
  }

  private forget(conversationId: string, activityId: string): void {
    const index = this.cards.findIndex(
      (c) => c.conversationId === conversationId && c.activityId === activityId,
    );
    if (index >= 0) this.cards.splice(index, 1);
  }

  /** "Honbu" in the current chat; otherwise whose chat the message went to. */
  private senderLabel(conversationId: string): string {
    const current = this.options.channel
      ? teams.CHANNEL.threadId
      : this.user.personalConversationId;
    if (conversationId === current) return `${teams.BOT.name}:`;
    if (conversationId.startsWith(teams.CHANNEL.channelId)) return `${teams.BOT.name} → channel:`;
    return `${teams.BOT.name} → ${this.recipients.get(conversationId) ?? conversationId}:`;
  }

  private say(text: string): void {
    this.options.onOutput(`(${text})`);
  }
}

/** The action's data with the card's current input values, as Teams sends them. */
function withInputs(
  action: Extract<CardAction, { data: unknown }>,
  shown: ShownCard,
): Record<string, unknown> {
  if (!action.withInputs) return action.data;
  const inputs = Object.fromEntries(
    shown.rendered.inputs.map((input) => [input.id, inputValue(input, shown.values)]),
  );
  return { ...action.data, ...inputs };
}

function messagingEndpoint(botUrl: string): string {
  const base = botUrl.replace(/\/+$/, '');
  return base.endsWith('/api/messages') ? base : `${base}/api/messages`;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}
