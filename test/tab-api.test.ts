import { strict as assert } from 'node:assert';
import { SignJWT } from 'jose';
import type {
  Block,
  BoardBlock,
  DashboardView,
  FactsBlock,
  ListBlock,
  TableBlock,
} from '../src/tab/model.js';
import { SYSTEM_ACTOR } from '../src/items/service.js';
import { DEFAULT_DISCLOSURE } from '../src/meetings/meeting.js';
import { Audience } from '../src/domain/roles.js';
import { DevSignIn } from '../src/tab/dev-signin.js';
import { APP_ID, FakeEntra, TENANT_ID } from './harness/sso.js';
import { TabServer } from './harness/tab-server.js';

const chair = { upn: 'fukukucho@city.example.jp', oid: 'aad-chair-0001', name: '副区長' };
const kuminHead = { upn: 'kumin-bucho@city.example.jp', oid: 'aad-kumin-0001' };
const bunkaDelegate = { upn: 'bunkadesign-kacho@city.example.jp', oid: 'aad-bunka-0002' };
const visitor = { upn: 'visitor@partner.example.com', oid: 'aad-guest-0001' };

function directoryTable(blocks: readonly Block[] | undefined): TableBlock {
  const table = blocks?.find((b): b is TableBlock => b.kind === 'table');
  assert.ok(table, 'the directory section has a table');
  return table;
}

function listOf(view: DashboardView, sectionId: string): ListBlock['items'] {
  const list = view.sections
    .find((s) => s.id === sectionId)
    ?.blocks.find((b): b is ListBlock => b.kind === 'list');
  assert.ok(list, `the ${sectionId} section has a list`);
  return list.items;
}

function departmentsIn(table: TableBlock): string[] {
  return table.rows.map((r) => r.cells[0]?.text ?? '');
}

describe('dashboard API: Teams SSO tokens and roles', () => {
  let entra: FakeEntra;
  let server: TabServer;

  before(async () => {
    entra = await FakeEntra.start();
    server = await TabServer.start(entra.env());
  });
  after(async () => {
    await server.stop();
    await entra.stop();
  });

  const token = (user: { upn: string; oid: string }, claims = {}, options = {}) =>
    entra.token(user, server.clock.now(), claims, options);

  it('gives the chair every section and every department, in Japanese, and links the AAD id', async () => {
    const { status, view } = await server.dashboard(await token(chair), '?locale=ja');
    assert.equal(status, 200);
    assert.equal(view.title, '推進本部ダッシュボード');
    assert.equal(view.viewer, '副区長（本部長） さん（本部長）');
    assert.deepEqual(
      view.sections.map((s) => s.id),
      ['meetings', 'surveys', 'items', 'policies', 'outbox', 'directory'],
    );
    for (const id of ['meetings', 'items', 'policies', 'outbox', 'directory'])
      assert.equal(view.sections.find((s) => s.id === id)?.state, 'ready', id);
    const outbox = view.sections.find((s) => s.id === 'outbox')?.blocks[0];
    if (outbox?.kind !== 'table') return assert.fail('the outbox is a table');
    assert.deepEqual(outbox.columns, ['日時', '内容', '宛先など']);
    assert.ok(
      outbox.rows.some((r) =>
        /会議のリマインダー：#2 令和8年度 第3回/.test(r.cells[1]?.text ?? ''),
      ),
      'the same list as 送信予定',
    );
    const table = directoryTable(view.sections.find((s) => s.id === 'directory')?.blocks);
    assert.equal(table.rows.length, 11);
    assert.deepEqual(table.columns, ['部署', '部長', '代理']);
    assert.deepEqual(
      table.rows.find((r) => r.cells[0]?.text === '文化商工部')?.cells.map((c) => c.text),
      ['文化商工部', '文化商工部長', '文化デザイン課長'],
    );
    assert.equal(view.departmentFilter?.options.length, 11);
    const linked = await server.honbu.services.directory.findByAadObjectId(chair.oid);
    assert.equal(linked?.upn, chair.upn);
  });

  it('lists the next meeting with date, place, agenda and materials, and not the past one', async () => {
    const { view } = await server.dashboard(await token(kuminHead));
    const meetings = listOf(view, 'meetings');
    assert.deepEqual(
      meetings.map((m) => m.title),
      ['令和8年度 第3回 行政情報化推進本部'],
    );
    const [next] = meetings;
    assert.equal(next?.lines[0], '日時: 令和8年12月7日（月）15:00–16:00');
    assert.equal(next?.lines[1], '場所: 庁議室（本庁舎5階）');
    assert.ok(next?.lines.includes('議案（1）教育委員会とのICT環境の調整状況について（報告）'));
    assert.match(next?.lines.at(-1) ?? '', /^資料: 資料1-1 /);
  });

  it('lists the policies in force with status, condition, scope and source, and leaves retired ones out', async () => {
    const before = listOf((await server.dashboard(await token(visitor))).view, 'policies');
    const tools = before.find((p) => p.title === '区長部局のWeb会議ツール');
    assert.deepEqual(tools?.badge, { text: '承認済み', tone: 'good' });
    assert.deepEqual(tools?.lines, [
      '区長部局では B と C の2つのWeb会議環境を使います（事務局が整備中）。',
      '対象: 区長部局、適用開始: 令和2年8月3日',
      '出典: 令和2年度 第2回 行政情報化推進本部（令和2年8月3日）・資料1-7 の審議（事務局の回答）',
    ]);
    const outside = before.find((p) => p.title === '外部の委員が参加するWeb会議');
    assert.match(outside?.lines[1] ?? '', /^条件: 委員がインターネットに接続できるパソコン/);
    assert.deepEqual(before.find((p) => p.title.startsWith('ツール A'))?.badge, {
      text: '検討中',
      tone: 'warning',
    });

    const retired = await server.honbu.services.policies.retire(
      'web-conference-tool-a',
      { name: 'test' },
      'superseded',
    );
    assert.ok(retired.ok);
    const after = listOf((await server.dashboard(await token(visitor))).view, 'policies');
    assert.equal(after.length, before.length - 1);
    assert.ok(!after.some((p) => p.title.startsWith('ツール A')));
  });

  it('answers in English when the Teams locale is English', async () => {
    const { view } = await server.dashboard(await token(chair), '?locale=en-US');
    assert.equal(view.title, 'Steering committee dashboard');
    assert.equal(view.viewer, 'Deputy Mayor (Chair) (Chair)');
    assert.equal(view.sections.find((s) => s.id === 'items')?.title, 'Action items');
    const meeting = listOf(view, 'meetings')[0];
    assert.equal(meeting?.lines[0], 'When: 2026-12-07 (Mon) 15:00–16:00');
    assert.deepEqual(directoryTable(view.sections.at(-1)?.blocks).columns, [
      'Department',
      'Head',
      'Delegate',
    ]);
  });

  it('accepts a v2 token whose audience is the app id and whose issuer is the v2 endpoint', async () => {
    const v2 = await token(chair, {
      aud: APP_ID,
      iss: `https://login.microsoftonline.com/${TENANT_ID}/v2.0`,
      upn: undefined,
      preferred_username: chair.upn,
    });
    assert.equal((await server.dashboard(v2)).status, 200);
  });

  for (const [name, claims, options] of [
    [
      'the wrong audience',
      { aud: 'api://elsewhere.example.jp/00000000-0000-0000-0000-000000000000' },
      {},
    ],
    ['an expired token', { exp: Math.floor(Date.parse('2026-11-16T00:00:00Z') / 1000) }, {}],
    ['a token not yet valid', { nbf: Math.floor(Date.parse('2026-11-16T02:00:00Z') / 1000) }, {}],
    [
      'another tenant',
      {
        tid: '11111111-1111-1111-1111-111111111111',
        iss: 'https://sts.windows.net/11111111-1111-1111-1111-111111111111/',
      },
      {},
    ],
    ['no access_as_user scope', { scp: 'User.Read' }, {}],
    ['a key the tenant did not publish', {}, { signedBy: 'stranger' }],
  ] as const) {
    it(`refuses ${name} with 401`, async () => {
      const { status, body, headers } = await server.get(
        '/api/tab/dashboard',
        await token(chair, claims, options),
      );
      assert.equal(status, 401);
      assert.equal(headers.get('www-authenticate'), 'Bearer');
      assert.deepEqual(Object.keys(body as object), ['error']);
    });
  }

  it('refuses a request without a token, or with a token that is not a JWT, with 401', async () => {
    assert.equal((await server.get('/api/tab/dashboard')).status, 401);
    assert.equal((await server.get('/api/tab/dashboard', 'not-a-token')).status, 401);
  });

  it('refuses a token signed with a shared secret (alg HS256) even though it names our app', async () => {
    const forged = await new SignJWT({
      tid: TENANT_ID,
      oid: chair.oid,
      upn: chair.upn,
      scp: 'access_as_user',
    })
      .setProtectedHeader({ alg: 'HS256' })
      .setAudience(`api://honbu.city.example.jp/${APP_ID}`)
      .setIssuer(`https://sts.windows.net/${TENANT_ID}/`)
      .setExpirationTime(Math.floor(server.clock.now().getTime() / 1000) + 600)
      .sign(new TextEncoder().encode('a secret anyone could guess!!!!!'));
    assert.equal((await server.dashboard(forged)).status, 401);
  });

  it('shows a department head only their own department, and refuses another department with 403', async () => {
    const member = await token(kuminHead);
    const { status, view } = await server.dashboard(member);
    assert.equal(status, 200);
    assert.equal(view.departmentFilter, undefined);
    assert.deepEqual(
      departmentsIn(directoryTable(view.sections.find((s) => s.id === 'directory')?.blocks)),
      ['区民部'],
    );
    assert.doesNotMatch(JSON.stringify(view), /総務部長|文化デザイン課長/);

    const other = await server.get('/api/tab/dashboard?department=somu&locale=ja', member);
    assert.equal(other.status, 403);
    assert.deepEqual(other.body, { error: '他の部署のデータは表示できません。' });
    assert.equal((await server.dashboard(member, '?department=kumin')).status, 200);
  });

  it('gives a delegate exactly the view of their department head', async () => {
    const { view } = await server.dashboard(await token(bunkaDelegate));
    assert.equal(view.viewer, '文化デザイン課長 さん（代理 · 文化商工部）');
    assert.deepEqual(departmentsIn(directoryTable(view.sections.at(-1)?.blocks)), ['文化商工部']);
    assert.equal(
      (await server.dashboard(await token(bunkaDelegate), '?department=kumin')).status,
      403,
    );
  });

  it('lets the chair narrow to one department, and says 404 for a department that does not exist', async () => {
    const { view } = await server.dashboard(await token(chair), '?department=kumin');
    assert.deepEqual(departmentsIn(directoryTable(view.sections.at(-1)?.blocks)), ['区民部']);
    assert.equal(view.departmentFilter?.selected, 'kumin');
    assert.equal((await server.dashboard(await token(chair), '?department=nope')).status, 404);
  });

  it('shows a guest (valid token, not in the directory) only what guests may see: policies', async () => {
    const { status, view } = await server.dashboard(await token(visitor));
    assert.equal(status, 200);
    assert.deepEqual(
      view.sections.map((s) => s.id),
      ['policies'],
    );
    assert.match(view.viewer, /ゲスト/);
  });

  it('has no development sign-in unless it is enabled: no endpoints, and its tokens mean nothing', async () => {
    assert.equal((await server.get('/api/tab/dev-signin')).status, 404);
    const post = await fetch(`${server.url}/api/tab/dev-signin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ upn: chair.upn }),
    });
    assert.equal(post.status, 404);
    const elsewhere = await new DevSignIn(server.clock).issue(chair.upn);
    assert.equal((await server.dashboard(elsewhere)).status, 401);
  });

  it('serves the page with Teams framing allowed, and the about page the manifest links to', async () => {
    const page = await server.get('/tab');
    assert.equal(page.status, 200);
    assert.match(String(page.body), /<html lang="ja"/);
    const csp = page.headers.get('content-security-policy') ?? '';
    assert.match(csp, /frame-ancestors 'self' https:\/\/teams\.microsoft\.com/);
    assert.match(csp, /script-src 'self'/);
    assert.match(String((await server.get('/tab/about')).body), /id="privacy"[\s\S]*id="terms"/);
    const css = await server.get('/tab/app.css');
    assert.equal(css.headers.get('content-type'), 'text/css; charset=utf-8');
  });
});

describe('dashboard API: development sign-in and configuration', () => {
  it('refuses every SSO token while the tenant is not configured', async () => {
    const entra = await FakeEntra.start();
    const server = await TabServer.start({ ...entra.env(), MicrosoftAppTenantId: '' });
    try {
      const { status } = await server.dashboard(await entra.token(chair, server.clock.now()));
      assert.equal(status, 401);
    } finally {
      await server.stop();
      await entra.stop();
    }
  });

  it('with TAB_DEV_SIGNIN=true, lists directory people and signs one in with their role', async () => {
    const server = await TabServer.start({ TAB_DEV_SIGNIN: 'true' });
    try {
      const people = (await server.get('/api/tab/dev-signin?locale=ja')).body as {
        people: Array<{ upn: string; label: string }>;
      };
      assert.equal(people.people.length, 19);
      assert.ok(people.people.some((p) => p.label === '子ども若者課長 — 代理 · 子ども家庭部'));

      const signIn = async (upn: string) =>
        fetch(`${server.url}/api/tab/dev-signin`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ upn }),
        });
      assert.equal((await signIn('nobody@city.example.jp')).status, 400);
      const { token } = (await (await signIn('kodomowakamono-kacho@city.example.jp')).json()) as {
        token: string;
      };
      const { status, view } = await server.dashboard(token);
      assert.equal(status, 200);
      assert.deepEqual(departmentsIn(directoryTable(view.sections.at(-1)?.blocks)), [
        '子ども家庭部',
      ]);

      server.clock.advance(9 * 60 * 60 * 1000);
      assert.equal((await server.dashboard(token)).status, 401, 'dev tokens expire after 8 hours');
    } finally {
      await server.stop();
    }
  });
});

describe('dashboard sections: the extension point', () => {
  it('shows a section added with one line, to its audience only, with "nothing" when it has no data', async () => {
    const server = await TabServer.start(
      { TAB_DEV_SIGNIN: 'true' },
      {
        dashboardSections: (sections) => [
          ...sections,
          {
            id: 'staff-note',
            title: 'tab.items.title',
            audience: Audience.staff,
            emptyMessage: 'tab.items.empty',
            load: async ({ departmentIds }) =>
              departmentIds.length === 1
                ? []
                : [
                    {
                      kind: 'facts',
                      facts: [{ label: 'departments', value: String(departmentIds.length) }],
                    },
                  ],
          },
        ],
      },
    );
    try {
      const tokenFor = async (upn: string) => {
        const response = await fetch(`${server.url}/api/tab/dev-signin`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ upn }),
        });
        return ((await response.json()) as { token: string }).token;
      };
      const secretariat = await tokenFor('johokanri-kacho@city.example.jp');
      const all = (await server.dashboard(secretariat)).view.sections.at(-1);
      assert.deepEqual(all, {
        id: 'staff-note',
        title: '宿題ボード',
        state: 'ready',
        blocks: [{ kind: 'facts', facts: [{ label: 'departments', value: '11' }] }],
      });
      const one = (await server.dashboard(secretariat, '?department=somu')).view.sections.at(-1);
      assert.equal(one?.state, 'empty');
      assert.equal(one?.message, '表示できる宿題はありません');
      const member = (await server.dashboard(await tokenFor('somu-bucho@city.example.jp'))).view;
      assert.ok(!member.sections.some((s) => s.id === 'staff-note'));
    } finally {
      await server.stop();
    }
  });
});

describe('dashboard API: many upcoming meetings', () => {
  it('lists every upcoming meeting: the next three in full, later ones with date and place', async () => {
    const entra = await FakeEntra.start();
    const server = await TabServer.start(entra.env());
    try {
      const { meetings } = server.honbu.services;
      for (const day of [14, 21, 28]) {
        const created = await meetings.create(
          {
            title: `臨時会議 12月${day}日`,
            startsAt: `2026-12-${day}T06:00:00.000Z`,
            endsAt: `2026-12-${day}T07:00:00.000Z`,
            place: '庁議室',
            agenda: [],
            materials: [],
            attendeeDepartmentIds: ['kumin'],
            disclosure: DEFAULT_DISCLOSURE,
          },
          'test',
        );
        assert.ok(created.ok);
      }
      const { view } = await server.dashboard(await entra.token(kuminHead, server.clock.now()));
      const items = listOf(view, 'meetings');
      assert.deepEqual(
        items.map((m) => m.title),
        [
          '令和8年度 第3回 行政情報化推進本部',
          '臨時会議 12月14日',
          '臨時会議 12月21日',
          '臨時会議 12月28日',
        ],
      );
      assert.deepEqual(items[3]?.lines, ['日時: 令和8年12月28日（月）15:00–16:00', '場所: 庁議室']);
    } finally {
      await server.stop();
      await entra.stop();
    }
  });
});

describe('dashboard API: survey progress and results', () => {
  let entra: FakeEntra;
  let server: TabServer;

  before(async () => {
    entra = await FakeEntra.start();
    server = await TabServer.start(entra.env());
  });
  after(async () => {
    await server.stop();
    await entra.stop();
  });

  const viewOf = async (user: { upn: string; oid: string }) =>
    (await server.dashboard(await entra.token(user, server.clock.now()))).view;
  const surveysOf = (view: DashboardView) => view.sections.find((s) => s.id === 'surveys');

  it('says no survey is open while the demo survey is still a draft', async () => {
    const section = surveysOf(await viewOf(chair));
    assert.equal(section?.state, 'empty');
    assert.equal(section?.message, '受付中のアンケートはありません');
  });

  it('shows staff the progress with every department and the results chart; a member only counts and their own department', async () => {
    await server.openDemoSurvey([
      { departmentId: 'kumin', upn: kuminHead.upn, ranking: ['rpa', 'telework', 'web-meetings'] },
      {
        departmentId: 'bunkashoko',
        upn: bunkaDelegate.upn,
        ranking: ['telework', 'rpa', 'paperless'],
      },
    ]);

    const staff = surveysOf(await viewOf(chair));
    assert.equal(staff?.state, 'ready');
    const [progress, bars] = staff?.blocks ?? [];
    assert.equal(progress?.kind, 'progress');
    if (progress?.kind !== 'progress') return;
    assert.equal(progress.label, 'デジタルガバメント検討事項アンケート');
    assert.deepEqual([progress.done, progress.total], [2, 10]);
    assert.deepEqual(progress.groups[1], {
      label: '回答済み',
      values: [
        '区民部（区民部長、令和8年11月16日（月）10:00）',
        '文化商工部（文化デザイン課長、令和8年11月16日（月）10:00）',
      ],
    });
    assert.equal(progress.groups[2]?.label, '未回答');
    assert.equal(progress.groups[2]?.values.length, 8);
    assert.equal(bars?.kind, 'bars');
    if (bars?.kind !== 'bars') return;
    assert.equal(bars.caption, '結果（1位=3点、2位=2点、3位=1点）');
    assert.deepEqual(
      bars.bars.slice(0, 3).map((b) => [b.label, b.value, b.display]),
      [
        ['テレワーク', 5, '5点'],
        ['RPA', 5, '5点'],
        ['Web会議', 1, '1点'],
      ],
    );

    const member = await viewOf(kuminHead);
    const own = surveysOf(member);
    assert.deepEqual(
      own?.blocks.map((b) => b.kind),
      ['progress'],
      'no results for members',
    );
    const [memberProgress] = own?.blocks ?? [];
    if (memberProgress?.kind !== 'progress') return assert.fail('progress expected');
    assert.deepEqual([memberProgress.done, memberProgress.total], [2, 10]);
    assert.deepEqual(
      memberProgress.groups.map((g) => g.label),
      ['回答期限', '回答済み'],
    );
    assert.doesNotMatch(JSON.stringify(own), /文化商工部|文化デザイン課長|テレワーク|RPA/);

    const notYet = surveysOf(
      await viewOf({ upn: 'somu-bucho@city.example.jp', oid: 'aad-somu-1' }),
    );
    const [somu] = notYet?.blocks ?? [];
    if (somu?.kind !== 'progress') return assert.fail('progress expected');
    assert.deepEqual(somu.groups.at(-1), { label: '未回答', values: ['総務部'] });
  });

  it('keeps showing the last closed survey, with its results for staff, instead of "none open"', async () => {
    await server.closeDemoSurvey();
    const staff = surveysOf(await viewOf(chair));
    assert.equal(staff?.state, 'ready');
    const [progress, bars] = staff?.blocks ?? [];
    if (progress?.kind !== 'progress') return assert.fail('progress expected');
    assert.equal(progress.label, 'デジタルガバメント検討事項アンケート');
    assert.equal(progress.groups[0]?.label, '締切済み');
    assert.equal(bars?.kind, 'bars', 'the results stay for the chair');

    const own = surveysOf(await viewOf(kuminHead));
    assert.deepEqual(
      own?.blocks.map((b) => b.kind),
      ['progress'],
    );
    assert.match(JSON.stringify(own), /区民部（区民部長/);
  });
});

describe('dashboard API: the action item board', () => {
  let entra: FakeEntra;
  let server: TabServer;

  before(async () => {
    entra = await FakeEntra.start();
    server = await TabServer.start(entra.env());
  });
  after(async () => {
    await server.stop();
    await entra.stop();
  });

  const itemsOf = async (user: { upn: string; oid: string }, query = '') => {
    const { status, view } = await server.dashboard(
      await entra.token(user, server.clock.now()),
      query,
    );
    assert.equal(status, 200);
    return view.sections.find((s) => s.id === 'items');
  };
  const boardOf = async (user: { upn: string; oid: string }, query = '') => {
    const blocks = (await itemsOf(user, query))?.blocks ?? [];
    const board = blocks.find((b): b is BoardBlock => b.kind === 'board');
    const facts = blocks.find((b): b is FactsBlock => b.kind === 'facts');
    assert.ok(board && facts, 'the items section has counts and a board');
    return { board, facts: facts.facts.map((f) => `${f.label} ${f.value}`) };
  };
  const lane = (board: BoardBlock, label: string) => {
    const found = board.lanes.find((l) => l.label === label);
    assert.ok(found, `lane ${label} in ${board.lanes.map((l) => l.label).join(', ')}`);
    return found;
  };
  const titles = (cards: BoardBlock['lanes'][number]['cells'][number] | undefined) =>
    (cards ?? []).map((c) => c.title);

  it("shows the chair every department's items by status, with the due as read and 早急に marked", async () => {
    const { board, facts } = await boardOf(chair);
    assert.equal(board.caption, '部署と状況ごとの宿題（完了は直近14日の分）');
    assert.deepEqual(board.columns, ['未着手（25）', '対応中（0）', '対応不可（0）', '完了（1）']);
    assert.deepEqual(facts, ['未完了 25件', '期限切れ 0件', '完了（直近14日） 1件']);
    assert.equal(board.lanes.length, 11, 'one lane per department, directory order');
    assert.equal(board.lanes[0]?.label, '政策経営部');
    const secretariat = lane(board, '政策経営部');
    assert.deepEqual(secretariat.cells[0]?.[0], {
      title: '#1 教育委員会とICT環境について調整する',
      detail: '期限: 早急に（3日ごとに確認）',
      badge: { text: '早急', tone: 'warning' },
    });
    assert.deepEqual(secretariat.cells[0]?.[1], {
      title: '#2 教育委員会職員と学校の先生のICT機器ですり合わせる事項を明確にし、調整に入る',
      detail: '期限: 次回の本部（令和8年12月7日（月））',
    });
    assert.deepEqual(secretariat.cells[3], [
      { title: '#3 アンケートの各項目にコメント欄を設ける', detail: '完了: 令和8年11月16日（月）' },
    ]);
    const kumin = lane(board, '区民部');
    assert.deepEqual(kumin.cells[0]?.[0], {
      title: '#5 H所のRPAの取組内容と成果を事務局に報告する',
      detail: '期限: 令和8年11月23日（月）',
    });
    for (const l of board.lanes.slice(1))
      assert.ok(
        titles(l.cells[0]).some((t) => t.endsWith('テレワークできる業務とできない業務を整理する')),
        `${l.label} has the telework item`,
      );
  });

  it('shows a department head and a delegate only their own department, and a guest no board at all', async () => {
    const member = await boardOf(kuminHead);
    assert.deepEqual(
      member.board.lanes.map((l) => l.label),
      ['区民部'],
    );
    assert.deepEqual(
      titles(member.board.lanes[0]?.cells[0]).map((t) => t.replace(/^#\d+ /, '')),
      [
        'H所のRPAの取組内容と成果を事務局に報告する',
        'テレワークできる業務とできない業務を整理する',
        '部内でICT化のニーズをヒアリングし、事務局に伝える',
      ],
    );
    assert.deepEqual(member.facts, ['未完了 3件', '期限切れ 0件', '完了（直近14日） 0件']);
    assert.doesNotMatch(JSON.stringify(member), /総務部|政策経営部|教育委員会とICT|無線LAN/);

    const delegate = await boardOf(bunkaDelegate);
    assert.deepEqual(
      delegate.board.lanes.map((l) => l.label),
      ['文化商工部'],
    );
    assert.equal(await itemsOf(visitor), undefined, 'guests do not get the section');
  });

  it('flags an item overdue from the day after its due, with how late in words, in the lane, cell and counts', async () => {
    // 2026-11-24 10:00 in Tokyo: #5 was due on 11-23.
    server.clock.set('2026-11-24T01:00:00Z');
    const { board, facts } = await boardOf(chair);
    assert.deepEqual(facts, ['未完了 25件', '期限切れ 1件', '完了（直近14日） 1件']);
    const kumin = lane(board, '区民部（期限切れ 1件）');
    assert.deepEqual(kumin.cells[0]?.[0], {
      title: '#5 H所のRPAの取組内容と成果を事務局に報告する',
      detail: '期限: 令和8年11月23日（月）',
      badge: { text: '期限切れ（1日超過）', tone: 'alert' },
    });
    assert.equal(
      board.lanes.filter((l) => l.label.includes('期限切れ')).length,
      1,
      '早急に and next-meeting items are not late',
    );
    const member = await boardOf(kuminHead);
    assert.equal(member.board.lanes[0]?.label, '区民部（期限切れ 1件）');

    server.clock.set('2026-11-27T01:00:00Z');
    const later = lane((await boardOf(chair)).board, '区民部（期限切れ 1件）');
    assert.equal(later.cells[0]?.[0]?.badge?.text, '期限切れ（4日超過）');
  });

  it('moves items between columns as they change, shows who owns a personal item and why one is blocked', async () => {
    server.clock.set('2026-11-24T01:00:00Z');
    const { items, meetings } = server.honbu.services;
    const rpa = await items.find('#5');
    assert.ok(rpa);
    assert.ok((await items.block(rpa.id, 'H所の担当者が異動のため', SYSTEM_ACTOR)).ok);
    const wifi = await items.find('#26');
    assert.ok(wifi);
    assert.ok((await items.addProgress(wifi.id, '見積もりを依頼しました', SYSTEM_ACTOR)).ok);
    const next = await meetings.next();
    assert.ok(next);
    const personal = await items.create(
      {
        title: 'セキュリティポリシーの改定案を作る',
        detail: '',
        owner: { kind: 'person', personId: 'joho-security@city.example.jp' },
        due: { kind: 'date', date: '2026-12-01' },
      },
      SYSTEM_ACTOR,
    );
    const chairs = await items.create(
      {
        title: '区長に検討状況を説明する',
        detail: '',
        owner: { kind: 'person', personId: chair.upn },
        due: { kind: 'nextMeeting', meetingId: next.id },
      },
      SYSTEM_ACTOR,
    );
    assert.ok(personal.ok && chairs.ok);

    const { board } = await boardOf(chair);
    assert.deepEqual(board.columns, ['未着手（25）', '対応中（1）', '対応不可（1）', '完了（1）']);
    assert.deepEqual(lane(board, '区民部（期限切れ 1件）').cells[2], [
      {
        title: '#5 H所のRPAの取組内容と成果を事務局に報告する',
        detail: '期限: 令和8年11月23日（月）\n理由: H所の担当者が異動のため',
        badge: { text: '期限切れ（1日超過）', tone: 'alert' },
      },
    ]);
    const secretariat = lane(board, '政策経営部');
    assert.deepEqual(titles(secretariat.cells[1]), [
      '#26 会議室の無線LAN（Wi-Fi）環境の強化を検討する',
    ]);
    assert.deepEqual(
      secretariat.cells[0]?.find((c) => c.title.endsWith('セキュリティポリシーの改定案を作る')),
      {
        title: `#${personal.ok ? personal.item.number : 0} セキュリティポリシーの改定案を作る`,
        detail: '期限: 令和8年12月1日（火）\n担当: 情報担当係長（セキュリティ）',
      },
    );
    const noDepartment = lane(board, '部署のない担当者');
    assert.deepEqual(titles(noDepartment.cells[0]), [
      `#${chairs.ok ? chairs.item.number : 0} 区長に検討状況を説明する`,
    ]);

    const narrowed = await boardOf(chair, '?department=seisakukeiei');
    assert.deepEqual(
      narrowed.board.lanes.map((l) => l.label),
      ['政策経営部'],
    );
    assert.doesNotMatch(
      JSON.stringify(await boardOf(kuminHead)),
      /区長に検討状況|セキュリティポリシー/,
    );
  });

  it('drops done items after 14 days and says so when a department has nothing to show', async () => {
    server.clock.set('2026-12-01T01:00:00Z');
    const { board } = await boardOf(chair);
    assert.deepEqual(lane(board, '政策経営部').cells[3], [], '#3 was done on 11-16');

    const { items } = server.honbu.services;
    for (const item of await items.listOpenFor('kaikei'))
      assert.ok((await items.cancel(item.item.id, '', SYSTEM_ACTOR)).ok);
    const kaikei = await itemsOf(
      { upn: 'kaikei-kanrishitsucho@city.example.jp', oid: 'aad-kaikei-1' },
      '?locale=en',
    );
    assert.equal(kaikei?.state, 'empty');
    assert.equal(kaikei?.message, 'No action item to show');
  });

  it('answers in English: statuses, dues, ASAP and lateness', async () => {
    server.clock.set('2026-12-01T01:00:00Z');
    const { board, facts } = await boardOf(chair, '?locale=en');
    assert.equal(board.caption, 'Action items by department and status (done: the last 14 days)');
    assert.deepEqual(
      board.columns.map((c) => c.replace(/ \(\d+\)$/, '')),
      ['Open', 'In progress', 'Blocked', 'Done'],
    );
    assert.equal(facts[1], 'Overdue 1');
    const secretariat = lane(board, 'Policy and Management');
    assert.deepEqual(secretariat.cells[0]?.[0]?.badge, { text: 'ASAP', tone: 'warning' });
    assert.equal(
      secretariat.cells[0]?.[0]?.detail,
      'Due: As soon as possible (follow-up every 3 days)',
    );
    const kumin = board.lanes.find((l) => l.label.endsWith('(1 overdue)'));
    assert.equal(kumin?.cells[2]?.[0]?.badge?.text, 'Overdue by 8 days');
    assert.match(
      board.lanes.at(-1)?.cells[0]?.[0]?.detail ?? '',
      /^Due: Next HQ meeting \(2026-12-07 \(Mon\)\)\nOwner: /,
    );
  });

  // Last: the cancelled meeting stays cancelled for the tests after it.
  it('marks the items due at a cancelled meeting as having no due date', async () => {
    const { meetings } = server.honbu.services;
    const next = await meetings.next();
    assert.ok(next);
    assert.ok((await meetings.cancel(next.id, '', 'system')).ok);
    const secretariat = lane((await boardOf(chair)).board, '政策経営部');
    assert.deepEqual(
      secretariat.cells[0]?.find((c) => c.title.startsWith('#2 ')),
      {
        title: '#2 教育委員会職員と学校の先生のICT機器ですり合わせる事項を明確にし、調整に入る',
        detail: '期限: 未定（予定していた会議が中止されました）',
        badge: { text: '期限未定', tone: 'warning' },
      },
    );
    const english = lane((await boardOf(chair, '?locale=en')).board, 'Policy and Management');
    assert.deepEqual(english.cells[0]?.find((c) => c.title.startsWith('#2 '))?.badge, {
      text: 'No due date',
      tone: 'warning',
    });
  });
});
