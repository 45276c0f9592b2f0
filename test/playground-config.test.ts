import { strict as assert } from 'node:assert';
import { playgroundConfig } from '../scripts/playground/config.js';
import { teamsUser } from '../scripts/teams/activities.js';

describe('npm run playground: the Agents Playground mock users', () => {
  it('plays the chosen demo person, with the identity npm run chat gives them', () => {
    const config = playgroundConfig('somu-bucho@city.example.jp');
    assert.equal(config.currentUser.userPrincipleName, 'somu-bucho@city.example.jp');
    assert.equal(config.currentUser.name, '総務部長');
    assert.equal(
      config.currentUser.aadObjectId,
      teamsUser('somu-bucho@city.example.jp').aadObjectId,
    );
  });

  it('lists at least the five other users the playground requires, all distinct', () => {
    const config = playgroundConfig('kumin-bucho@city.example.jp');
    assert.ok(config.users.length >= 5);
    const ids = [config.currentUser, ...config.users].map((u) => u.id);
    assert.equal(new Set(ids).size, ids.length);
    assert.ok(config.users.every((u) => u.userPrincipleName.endsWith('@city.example.jp')));
  });
});
