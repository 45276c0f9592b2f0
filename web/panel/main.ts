import { app, pages } from '@microsoft/teams-js';
import type { PanelAnswerBody, PanelView } from '../../src/tab/panel-model.js';
import { h } from '../tab/dom.js';
import { asTheme, connectToTeams } from '../tab/teams.js';

/**
 * The meeting side panel (and the configuration page of Honbu's configurable
 * tab). In a meeting: the agenda and the action items reported at it, each
 * with a "mark reported" button for its owner. On the configuration page: the
 * tab is saved as this panel in a meeting, as the dashboard in a channel.
 */
type Locale = 'ja' | 'en';

const TEAMS_TIMEOUT_MS = 3000;
const strings = JSON.parse(
  document.getElementById('honbu-panel-strings')?.textContent ?? '{}',
) as Record<Locale, Record<string, string>>;
const state: { locale: Locale; token: string; chat: string } = {
  locale: 'ja',
  token: '',
  chat: '',
};

const text = (key: string) => strings[state.locale]?.[`ext.panel.client.${key}`] ?? key;

function show(...children: Node[]): void {
  const main = document.getElementById('main');
  main?.replaceChildren(...children);
  main?.setAttribute('aria-busy', 'false');
}

function message(body: string, tone: 'info' | 'alert'): void {
  show(
    h(
      'p',
      { class: `status tone-${tone === 'alert' ? 'alert' : 'neutral'}`, role: 'status' },
      body,
    ),
  );
}

function render(view: PanelView): void {
  const items = view.items.map((item) => {
    const button = item.reported
      ? h('span', { class: 'badge tone-good' }, view.reportedLabel)
      : item.canReport
        ? h('button', { type: 'button', class: 'button', 'data-item': item.id }, view.reportLabel)
        : undefined;
    button?.addEventListener('click', () => void post(item.id));
    return h(
      'li',
      { class: 'panel-item' },
      h('p', { class: 'panel-heading' }, item.heading),
      h('p', { class: 'note' }, item.facts),
      h('p', {}, h('span', { class: `badge tone-${item.tone}` }, item.status), ' ', button),
    );
  });
  show(
    ...(view.notice ? [h('p', { class: 'status tone-good', role: 'status' }, view.notice)] : []),
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'panel-title' },
      h('h2', { id: 'panel-title' }, view.title),
      h('p', { class: 'note' }, view.when),
      h('h3', {}, view.agendaHeading),
      // Each line already says 議案（1）: a numbered list would number it twice.
      ...view.agenda.map((line) => h('p', {}, line)),
    ),
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'panel-items' },
      h('h2', { id: 'panel-items' }, view.itemsHeading),
      view.items.length > 0 ? h('ul', { class: 'panel-items' }, ...items) : h('p', {}, view.empty),
    ),
  );
}

async function answer(response: Response): Promise<void> {
  const body = (await response.json()) as PanelAnswerBody;
  if ('view' in body) return render(body.view);
  message(body.error, 'alert');
}

async function load(): Promise<void> {
  const params = new URLSearchParams({ locale: state.locale, chat: state.chat });
  await answer(
    await fetch(`/api/tab/panel?${params}`, {
      headers: { authorization: `Bearer ${state.token}` },
    }),
  );
}

async function post(itemId: string): Promise<void> {
  const params = new URLSearchParams({ locale: state.locale });
  await answer(
    await fetch(`/api/tab/panel/reported?${params}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${state.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ chat: state.chat, itemId }),
    }),
  );
}

/** The configuration page: a meeting gets the panel, a channel or chat the dashboard. */
function configure(inMeeting: boolean): void {
  const origin = window.location.origin;
  pages.config.registerOnSaveHandler((save) => {
    pages.config
      .setConfig({
        entityId: inMeeting ? 'meeting-panel' : 'dashboard',
        contentUrl: `${origin}${inMeeting ? '/tab/panel' : '/tab'}`,
        websiteUrl: `${origin}/tab`,
        suggestedDisplayName: 'Honbu',
      })
      .then(
        () => save.notifySuccess(),
        (error: unknown) => save.notifyFailure(String(error)),
      );
  });
  pages.config.setValidityState(true);
  message(text(inMeeting ? 'configureMeeting' : 'configureChannel'), 'info');
}

async function start(): Promise<void> {
  const teams = await connectToTeams(TEAMS_TIMEOUT_MS);
  if (!teams) return message(text('outside'), 'info');
  state.locale = teams.locale.toLowerCase().startsWith('en') ? 'en' : 'ja';
  document.documentElement.lang = state.locale;
  document.documentElement.dataset['theme'] = teams.theme;
  teams.onThemeChange((theme) => (document.documentElement.dataset['theme'] = asTheme(theme)));
  const context = await app.getContext();
  const inMeeting = Boolean(context.meeting?.id);
  if (context.page.frameContext === 'settings') return configure(inMeeting);
  state.chat = context.chat?.id ?? '';
  state.token = await teams.getAuthToken();
  await load();
}

start().catch((error: unknown) =>
  message(error instanceof Error ? error.message : String(error), 'alert'),
);
