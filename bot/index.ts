import { randomUUID } from 'node:crypto';
import { ActivityTypes, type Activity, type TurnContext } from 'botbuilder';
import type { Config } from '../src/config.js';
import type { SeenActivities } from '../src/http/seen-activities.js';
import type { MessageEndpoint } from '../src/http/server.js';
import { localeFrom } from '../src/i18n/locale.js';
import { translator } from '../src/i18n/translate.js';
import type { Logger } from '../src/logger.js';
import type { ConversationRegistry } from '../src/messaging/conversations.js';
import type { Sender } from '../src/messaging/sender.js';
import { localeOf } from './activities.js';
import { activityProblem } from './activity-shape.js';
import { createBotFramework } from './adapter.js';
import { authenticate } from './authenticate.js';
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
  seen: SeenActivities,
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
        const activity = asActivity(req.body as Record<string, unknown>);
        const authHeader = req.headers.authorization ?? '';
        const verdict = await authenticate(auth, activity, authHeader, logger);
        if (!verdict.ok) {
          res.send(verdict.status, verdict.body);
          return;
        }
        if (await isRedelivery(activity, seen)) {
          logger.info(
            { activityId: activity.id, type: activity.type },
            'redelivered activity ignored: it was handled already',
          );
          res.send(200);
          return;
        }
        try {
          const invokeResponse = await adapter.runAuthenticated(
            verdict.result,
            activity,
            (context) => bot.run(context),
          );
          res.send(invokeResponse?.status ?? 200, invokeResponse?.body);
        } catch (error) {
          // A 500 makes Teams deliver the activity again: that delivery must not be ignored.
          if (activity.type !== ActivityTypes.Invoke && typeof activity.id === 'string')
            await seen.forget(activity.conversation.id, activity.id).catch(() => undefined);
          throw error;
        }
      };
    },
  };
}

/**
 * Teams posts an activity again when the bot was slow to answer; handling it twice
 * would store a progress note twice. Invokes are not deduplicated: their answer
 * is the response body, which a redelivered one needs as much as the first.
 */
async function isRedelivery(activity: Activity, seen: SeenActivities): Promise<boolean> {
  if (activity.type === ActivityTypes.Invoke) return false;
  const id = activity.id;
  if (typeof id !== 'string' || id === '') return false;
  return !(await seen.firstSighting(activity.conversation.id, id));
}

/** The wire JSON as the SDK expects it: dates as Date, the original strings kept (as CloudAdapter.process does). */
function asActivity(body: Record<string, unknown>): Activity {
  const activity = { ...body };
  for (const [field, raw] of [
    ['timestamp', 'rawTimestamp'],
    ['localTimestamp', 'rawLocalTimestamp'],
    ['expiration', 'rawExpiration'],
  ] as const) {
    const value = activity[field];
    if (typeof value === 'string') {
      activity[raw] = value;
      activity[field] = new Date(value);
    }
  }
  return activity as unknown as Activity;
}

/** A failed turn is logged with its activity id; the user gets an apology in their language. */
async function apologise(context: TurnContext, error: Error, logger: Logger): Promise<void> {
  const ref = randomUUID().slice(0, 8);
  logger.error(
    { err: error, activityId: context.activity.id, type: context.activity.type, ref },
    'turn failed',
  );
  const text = translator(localeFrom(localeOf(context.activity)))('error.apology', { ref });
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
