import { randomUUID } from 'node:crypto';
import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { Config } from '../src/config.js';
import type { MessageEndpoint } from '../src/http/server.js';
import { localeFrom } from '../src/i18n/locale.js';
import { translator } from '../src/i18n/translate.js';
import type { Logger } from '../src/logger.js';
import type { ConversationRegistry } from '../src/messaging/conversations.js';
import type { Sender } from '../src/messaging/sender.js';
import { activityProblem } from './activity-shape.js';
import { createBotFramework } from './adapter.js';
import { BotSender } from './bot-sender.js';
import { HonbuTeamsBot, type ExtensionBotDependencies } from './extensions.js';

export interface BotTransport {
  readonly sender: Sender;
  /** Builds the bot over the domain and returns the handler for POST /api/messages. */
  attach(deps: ExtensionBotDependencies): MessageEndpoint;
}

/** Everything Bot Framework-specific starts here; the rest of Honbu never imports botbuilder. */
export function createBotTransport(
  config: Config,
  conversations: ConversationRegistry,
  logger: Logger,
): BotTransport {
  const { adapter, auth } = createBotFramework(config.botAuth);
  const sender = new BotSender(auth, config.botAuth.appId, conversations, logger);
  adapter.onTurnError = async (context, error) => apologise(context, error, logger);
  return {
    sender,
    attach(deps) {
      const bot = new HonbuTeamsBot(deps);
      return async (req, res) => {
        const problem = activityProblem(req.body);
        if (problem) {
          res.send(400, { error: 'not a Bot Framework activity', detail: problem });
          return;
        }
        await adapter.process(req, res, (context) => bot.run(context));
      };
    },
  };
}

/** A failed turn is logged with its activity id; the user gets an apology in their language. */
async function apologise(context: TurnContext, error: Error, logger: Logger): Promise<void> {
  const ref = randomUUID().slice(0, 8);
  logger.error(
    { err: error, activityId: context.activity.id, type: context.activity.type, ref },
    'turn failed',
  );
  const text = translator(localeFrom(context.activity.locale))('error.apology', { ref });
  try {
    if (context.activity.type === ActivityTypes.Invoke) {
      await context.sendActivity({
        type: ActivityTypes.InvokeResponse,
        value: {
          status: 200,
          body: {
            statusCode: 200,
            type: 'application/vnd.microsoft.activity.message',
            value: text,
          },
        },
      });
    } else {
      await context.sendActivity(text);
    }
  } catch (sendError) {
    logger.error(
      { err: sendError, activityId: context.activity.id, ref },
      'could not send the apology',
    );
  }
}
