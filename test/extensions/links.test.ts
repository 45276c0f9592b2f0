import { strict as assert } from 'node:assert';
import { dashboardSectionOf, icsUrl, targetOf } from '../../src/extensions/links.js';
import { dashboardDeepLink, dashboardUrl } from '../../src/tab/deep-link.js';

const BASE = 'https://honbu.example.jp';

describe('Honbu links: made and read in one place', () => {
  it('reads every link Honbu makes back to its target', () => {
    for (const target of [
      { kind: 'item', number: 5 },
      { kind: 'meeting', id: 'mtg_1' },
      { kind: 'survey', ref: '2' },
    ] as const)
      assert.deepEqual(targetOf(dashboardUrl(BASE, target), BASE), target);
    assert.deepEqual(targetOf(icsUrl(BASE, 'mtg_1'), BASE), { kind: 'meeting', id: 'mtg_1' });
    assert.deepEqual(targetOf(`${BASE}/surveys/s1/results.csv?sig=x`, BASE), {
      kind: 'survey',
      ref: 's1',
    });
  });

  it('ignores other hosts, other paths and malformed links', () => {
    assert.equal(targetOf('https://evil.example/tab?item=5', BASE), undefined);
    assert.equal(targetOf(`${BASE}/tab/about`, BASE), undefined);
    assert.equal(targetOf(`${BASE}/tab?item=five`, BASE), undefined);
    assert.equal(targetOf('not a link', BASE), undefined);
  });

  it('a Teams deep link opens the dashboard tab on the target; without an app id, the web page', () => {
    const link = new URL(dashboardDeepLink(BASE, 'app-1', { kind: 'item', number: 5 }));
    assert.equal(
      link.origin + link.pathname,
      'https://teams.microsoft.com/l/entity/app-1/dashboard',
    );
    assert.equal(link.searchParams.get('webUrl'), `${BASE}/tab?item=5`);
    assert.deepEqual(JSON.parse(link.searchParams.get('context') ?? ''), {
      subEntityId: 'item:5',
    });
    assert.equal(dashboardDeepLink(BASE, '', { kind: 'item', number: 5 }), `${BASE}/tab?item=5`);
  });

  it('the dashboard reads a deep link back to the section that shows its target', () => {
    assert.equal(dashboardSectionOf('item:5', ''), 'items');
    assert.equal(dashboardSectionOf(undefined, '?meeting=mtg_1'), 'meetings');
    assert.equal(dashboardSectionOf('', '?survey=2'), 'surveys');
    assert.equal(dashboardSectionOf('something:else', '?department=kumin'), undefined);
  });
});
