import type { Request, Response } from 'restify';
import type { MeetingPanel, PanelAnswer } from '../extensions/meeting-panel.js';
import type { Route } from '../http/server.js';
import { localeFrom, type Locale } from '../i18n/locale.js';
import { translator } from '../i18n/translate.js';
import { PANEL_SCRIPT_PATH } from './assets.js';
import type { TabAuthenticator } from './auth.js';
import { clientStrings, htmlDocument, scriptJson, TAB_PAGE_CSP } from './page.js';
import { signedInOnly } from './signed-in.js';
import type { PanelAnswerBody } from './panel-model.js';
import { readFile } from 'node:fs/promises';

export interface PanelRouteDependencies {
  readonly panel: MeetingPanel;
  readonly authenticator: TabAuthenticator;
}

const HTML_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-cache',
  'content-security-policy': TAB_PAGE_CSP,
};

function localeOf(req: Request): Locale {
  const value = (req.query as Record<string, unknown> | undefined)?.['locale'];
  return localeFrom(typeof value === 'string' ? value : req.header('accept-language'));
}

function sendJson(res: Response, status: number, body: PanelAnswerBody | { error: string }) {
  res.sendRaw(status, JSON.stringify(body), {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
}

function sendAnswer(res: Response, answer: PanelAnswer) {
  if (answer.ok) return sendJson(res, 200, { view: answer.view });
  sendJson(res, answer.status, { error: answer.message });
}

/** The page shell; the data comes from the API once Teams says who is asking. */
function panelPage(): string {
  const strings = clientStrings('ext.panel.client.');
  return htmlDocument({
    lang: 'ja',
    title: 'Honbu',
    script: '/tab/panel.js',
    bodyClass: 'panel',
    body: `<main id="main" tabindex="-1" aria-busy="true"><p class="status" role="status">${translator('ja')('ext.panel.client.loading')}</p></main>
<script type="application/json" id="honbu-panel-strings">${scriptJson(strings)}</script>`,
  });
}

/**
 * The meeting side panel and the configurable tab's configuration page (one
 * page, the script tells them apart), and the panel's API: every call
 * authenticated like the dashboard's, answers limited by role.
 */
export function panelRoutes(deps: PanelRouteDependencies): Route[] {
  const { panel, authenticator } = deps;
  const page = panelPage();
  const unauthorized = (res: Response, locale: Locale) =>
    sendJson(res, 401, { error: translator(locale)('tab.error.unauthorized') });
  const signedIn = signedInOnly(authenticator, localeOf, unauthorized);
  const servePage = async (_req: Request, res: Response) => res.sendRaw(200, page, HTML_HEADERS);
  return [
    { method: 'get', path: '/tab/config', handle: servePage },
    { method: 'get', path: '/tab/panel', handle: servePage },
    {
      method: 'get',
      path: '/tab/panel.js',
      handle: async (_req, res) => {
        const script = await readFile(PANEL_SCRIPT_PATH).catch(() => undefined);
        if (!script)
          return sendJson(res, 503, { error: 'panel script not built: run npm run build:tab' });
        res.sendRaw(200, script, {
          'content-type': 'text/javascript; charset=utf-8',
          'x-content-type-options': 'nosniff',
          'cache-control': 'no-cache',
        });
      },
    },
    {
      method: 'get',
      path: '/api/tab/panel',
      handle: signedIn(async (req, res, actor, locale) => {
        const chat = (req.query as Record<string, unknown> | undefined)?.['chat'];
        sendAnswer(res, await panel.view(actor, locale, typeof chat === 'string' ? chat : ''));
      }),
    },
    {
      method: 'post',
      path: '/api/tab/panel/reported',
      handle: signedIn(async (req, res, actor, locale) => {
        const body = (req.body ?? {}) as Record<string, unknown>;
        const chat = typeof body['chat'] === 'string' ? body['chat'] : '';
        const itemId = typeof body['itemId'] === 'string' ? body['itemId'] : '';
        sendAnswer(res, await panel.markReported(actor, locale, chat, itemId));
      }),
    },
  ];
}
