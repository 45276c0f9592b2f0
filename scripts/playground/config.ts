import { demoPeople } from '../../src/demo/directory.js';
import { CHANNEL, teamsUser } from '../teams/activities.js';

/** The playground refuses a config with fewer other users than this. */
const OTHER_USERS = 5;

/** A playground mock user (its schema spells it "userPrincipleName"). */
function mockUser(upn: string, name: string) {
  // The same identity npm run chat uses, so both clients are one person to the bot.
  const user = teamsUser(upn);
  return {
    id: user.id,
    name,
    userPrincipleName: upn,
    aadObjectId: user.aadObjectId,
    givenName: name,
    surname: '-',
    email: upn,
  };
}

/**
 * The playground's `.m365agentsplayground.yml`: its mock users are demo
 * directory people, so the bot's member lookup finds their UPN and role.
 */
export function playgroundConfig(upn: string) {
  const nameOf = (who: string) => demoPeople.find((p) => p.upn === who)?.name.ja ?? who;
  const others = demoPeople.filter((p) => p.upn !== upn).slice(0, OTHER_USERS);
  return {
    version: '0.1.1',
    tenantId: '00000000-0000-0000-0000-000000000001',
    bot: { id: '00000000-0000-0000-0000-000000000011', name: 'Honbu' },
    currentUser: mockUser(upn, nameOf(upn)),
    users: others.map((p) => mockUser(p.upn, p.name.ja)),
    // The same 1:1 chat and channel as npm run chat, so stored conversations carry over.
    personalChat: { id: teamsUser(upn).personalConversationId },
    groupChat: { id: '19:hq-group@thread.v2', name: '本部 グループチャット' },
    team: {
      id: CHANNEL.teamId,
      name: '行政情報化推進本部',
      aadGroupId: '00000000-0000-0000-0000-000000000031',
      channels: [{ id: CHANNEL.channelId, name: '本部' }],
    },
  };
}
