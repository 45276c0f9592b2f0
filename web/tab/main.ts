import type { DashboardView, DevSignInPerson } from '../../src/tab/model.js';
import { tab } from '../../src/i18n/catalogs/tab.js';
import { formatMessage, type MessageParams } from '../../src/i18n/format.js';
import { h } from './dom.js';
import { renderDashboard, renderMessage } from './render.js';
import { dashboardSectionOf } from '../../src/extensions/links.js';
import { asTheme, connectToTeams, type Theme } from './teams.js';

/**
 * The dashboard tab. In Teams: locale and theme from the Teams context, an SSO
 * token for the API. Outside Teams: a development sign-in when the server
 * enables it, otherwise a note to open the tab in Teams.
 */
type Locale = 'ja' | 'en';

interface Settings {
  readonly devSignIn: boolean;
}

/** The page's own texts: the 'tab.client.*' keys of the tab catalog, without the prefix. */
type ClientKey = keyof typeof tab.ja extends infer Key
  ? Key extends `tab.client.${infer Rest}`
    ? Rest
    : never
  : never;

/** teams-js answers within a few ms in Teams; a frame of another page never answers. */
const TEAMS_TIMEOUT_MS = 3000;

const settings = JSON.parse(
  document.getElementById('honbu-settings')?.textContent ?? '{}',
) as Settings;

const state: {
  locale: Locale;
  token: string | undefined;
  department: string;
  /** The section a deep link points at, shown once after the first load. */
  target: string | undefined;
} = {
  locale: 'ja',
  token: undefined,
  department: '',
  target: dashboardSectionOf(undefined, window.location.search),
};

function text(key: ClientKey, params?: MessageParams): string {
  return formatMessage(state.locale, tab[state.locale][`tab.client.${key}`], params);
}

function localeOf(tag: string | undefined): Locale {
  return tag?.toLowerCase().startsWith('en') ? 'en' : 'ja';
}

function applyLocale(locale: Locale): void {
  state.locale = locale;
  document.documentElement.lang = locale;
  const skip = document.querySelector('.skip-link');
  if (skip) skip.textContent = text('skip');
}

function applyTheme(theme: Theme): void {
  document.documentElement.dataset['theme'] = theme;
}

async function errorOf(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: string };
    return body.error ?? `HTTP ${response.status}`;
  } catch {
    return `HTTP ${response.status}`;
  }
}

async function load(): Promise<void> {
  const params = new URLSearchParams({ locale: state.locale });
  if (state.department) params.set('department', state.department);
  let response: Response;
  try {
    response = await fetch(`/api/tab/dashboard?${params}`, {
      headers: { authorization: `Bearer ${state.token ?? ''}` },
    });
  } catch (error) {
    return renderMessage(text('error.load', { reason: String(error) }), 'alert');
  }
  if (!response.ok)
    return renderMessage(text('error.load', { reason: await errorOf(response) }), 'alert');
  const view = (await response.json()) as DashboardView;
  renderDashboard(view, {
    refreshLabel: text('refresh'),
    onDepartment: (id) => {
      state.department = id;
      void load();
    },
    onRefresh: () => void load(),
  });
  showTarget();
}

/** A deep link's section: brought into view and focused (its heading), once. */
function showTarget(): void {
  const heading = state.target ? document.getElementById(`section-${state.target}`) : null;
  state.target = undefined;
  if (!heading) return;
  heading.setAttribute('tabindex', '-1');
  heading.scrollIntoView({ block: 'start' });
  heading.focus();
}

async function showDevSignIn(): Promise<void> {
  const response = await fetch(`/api/tab/dev-signin?locale=${state.locale}`);
  if (!response.ok) return renderMessage(text('outside'), 'info');
  const { people } = (await response.json()) as { people: DevSignInPerson[] };
  const select = h(
    'select',
    { id: 'dev-person', name: 'upn' },
    ...people.map((p) => h('option', { value: p.upn }, p.label)),
  );
  const form = h(
    'form',
    { class: 'card signin', 'aria-labelledby': 'signin-title' },
    h('h2', { id: 'signin-title' }, text('signin.title')),
    h('p', { class: 'note' }, text('signin.note')),
    h('label', { for: 'dev-person' }, text('signin.person')),
    select,
    h('button', { type: 'submit', class: 'button' }, text('signin.submit')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void (async () => {
      const signIn = await fetch('/api/tab/dev-signin', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ upn: select.value }),
      });
      if (!signIn.ok)
        return renderMessage(text('error.auth', { reason: await errorOf(signIn) }), 'alert');
      state.token = ((await signIn.json()) as { token: string }).token;
      renderMessage(text('loading'), 'loading');
      await load();
    })();
  });
  const main = document.getElementById('main');
  main?.replaceChildren(form);
  main?.setAttribute('aria-busy', 'false');
}

async function start(): Promise<void> {
  const teams = await connectToTeams(TEAMS_TIMEOUT_MS);
  if (!teams) {
    applyLocale(localeOf(navigator.language));
    applyTheme(matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'default');
    if (settings.devSignIn) return showDevSignIn();
    return renderMessage(text('outside'), 'info');
  }
  applyLocale(localeOf(teams.locale));
  applyTheme(asTheme(teams.theme));
  state.target = dashboardSectionOf(teams.subPageId, window.location.search);
  teams.onThemeChange(applyTheme);
  renderMessage(text('loading'), 'loading');
  try {
    state.token = await teams.getAuthToken();
  } catch (error) {
    return renderMessage(
      text('error.auth', { reason: error instanceof Error ? error.message : String(error) }),
      'alert',
    );
  }
  await load();
}

start().catch((error: unknown) =>
  renderMessage(
    text('error.load', { reason: error instanceof Error ? error.message : String(error) }),
    'alert',
  ),
);
