import { loadConfig } from '../../src/config.js';
import { createHonbu, type Honbu, type HonbuOptions } from '../../src/app/honbu.js';
import type { DashboardView } from '../../src/tab/model.js';
import { ManualClock } from './manual-clock.js';

/**
 * The real Honbu (demo data, in-memory store) on a loopback port, for the tab
 * and its API; no bot traffic is needed for these tests.
 */
export class TabServer {
  private constructor(
    readonly honbu: Honbu,
    readonly url: string,
    readonly clock: ManualClock,
  ) {}

  static async start(
    env: Record<string, string>,
    options: Pick<HonbuOptions, 'dashboardSections'> = {},
  ): Promise<TabServer> {
    const clock = new ManualClock('2026-11-16T01:00:00Z');
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      STORE_URL: 'memory:',
      LOG_LEVEL: 'silent',
      ...env,
    });
    const honbu = await createHonbu({ config, clock, ...options });
    return new TabServer(honbu, await honbu.start(), clock);
  }

  async get(
    path: string,
    token?: string,
  ): Promise<{ status: number; body: unknown; headers: Headers }> {
    const response = await fetch(`${this.url}${path}`, {
      headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: keep the text (HTML pages)
    }
    return { status: response.status, body, headers: response.headers };
  }

  async dashboard(token: string, query = ''): Promise<{ status: number; view: DashboardView }> {
    const { status, body } = await this.get(`/api/tab/dashboard${query}`, token);
    return { status, view: body as DashboardView };
  }

  /**
   * Sends the demo survey (nobody has a chat with the bot here, so no card
   * goes out) and stores these departments' answers, as their representative.
   */
  async openDemoSurvey(
    answers: ReadonlyArray<{ departmentId: string; upn: string; ranking: string[] }>,
  ): Promise<void> {
    const { surveys, directory } = this.honbu.services;
    const [survey] = await surveys.repository.list();
    if (!survey || !(await surveys.send(survey.id))?.ok) throw new Error('demo survey not sent');
    for (const { departmentId, upn, ranking } of answers) {
      const person = await directory.findByUpn(upn);
      if (!person) throw new Error(`${upn} is not in the directory`);
      await surveys.repository.saveAnswer({
        surveyId: survey.id,
        departmentId,
        content: { ranking, comments: {}, opinion: '' },
        basedOn: 0,
        by: { personId: person.id, name: person.name },
        at: this.clock.now().toISOString(),
      });
    }
  }

  /** Closes the demo survey, as its deadline job or the secretariat would. */
  async closeDemoSurvey(): Promise<void> {
    const { surveys } = this.honbu.services;
    const [survey] = await surveys.repository.list();
    if (!survey || !(await surveys.close(survey.id))?.ok) throw new Error('demo survey not closed');
  }

  async stop(): Promise<void> {
    await this.honbu.stop();
  }
}
