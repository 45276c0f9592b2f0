import { readFileSync } from 'node:fs';
import type { Activity, TeamsUser } from '../../scripts/teams/activities.js';

// The activity builders live in scripts/teams/ because `npm run chat` sends the same activities.
export {
  botAdded,
  execute,
  message,
  submit,
  teamsUser,
  type Activity,
} from '../../scripts/teams/activities.js';

/** A person using Teams in a test: their connector identity and 1:1 chat. */
export type TestUser = TeamsUser;

export type Fixture =
  | 'message-personal'
  | 'message-channel-mention'
  | 'invoke-adaptive-card-action'
  | 'conversation-update-bot-added';

/** A payload recorded from Teams, as it arrived. */
export function fixture(name: Fixture): Activity {
  return JSON.parse(
    readFileSync(new URL(`../fixtures/${name}.json`, import.meta.url), 'utf-8'),
  ) as Activity;
}
