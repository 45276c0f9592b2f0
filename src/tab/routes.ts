import { readFile } from 'node:fs/promises';
import type { Request, Response } from 'restify';
import { describeActor } from '../app/core-commands.js';
import type { DirectoryService } from '../domain/directory-service.js';
import type { Route } from '../http/server.js';
import { localeFrom, type Locale } from '../i18n/locale.js';
import { translator } from '../i18n/translate.js';
import type { Logger } from '../logger.js';
import { TAB_SCRIPT_PATH, TAB_STYLE_PATH } from './assets.js';
import type { TabAuthenticator } from './auth.js';
import type { Dashboard } from './dashboard.js';
import type { DevSignInPerson } from './model.js';
import { aboutPage, TAB_PAGE_CSP, tabPage } from './page.js';
import { signedInOnly } from './signed-in.js';

export interface TabRouteDependencies {
  readonly dashboard: Dashboard;
  readonly authenticator: TabAuthenticator;
  readonly directory: DirectoryService;
  readonly logger: Logger;
}

function query(req: Request, name: string): string | undefined {
  const value = (req.query as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function localeOf(req: Request): Locale {
  return localeFrom(query(req, 'locale') ?? req.header('accept-language'));
}

function sendJson(
  res: Response,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  res.sendRaw(status, JSON.stringify(body), {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...headers,
  });
}

function sendFile(
  res: Response,
  contentType: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
) {
  res.sendRaw(200, body, {
    'content-type': contentType,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-cache',
    ...headers,
  });
}

async function readAsset(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch {
    return undefined;
  }
}

/**
 * The dashboard tab: its page and assets (public; they hold no data) and the
 * JSON API behind it (every call authenticated, answers limited by role).
 */
export function tabRoutes(deps: TabRouteDependencies): Route[] {
  const { dashboard, authenticator, directory, logger } = deps;
  const devSignIn = authenticator.devSignIn;

  const unauthorized = (res: Response, locale: Locale) =>
    sendJson(
      res,
      401,
      { error: translator(locale)('tab.error.unauthorized') },
      {
        'www-authenticate': 'Bearer',
      },
    );

  const signedIn = signedInOnly(authenticator, localeOf, unauthorized);

  const routes: Route[] = [
    {
      method: 'get',
      path: '/tab',
      handle: async (_req, res) =>
        sendFile(res, 'text/html; charset=utf-8', tabPage(devSignIn !== undefined), {
          'content-security-policy': TAB_PAGE_CSP,
        }),
    },
    {
      method: 'get',
      path: '/tab/about',
      handle: async (req, res) =>
        sendFile(res, 'text/html; charset=utf-8', aboutPage(localeOf(req)), {
          'content-security-policy': TAB_PAGE_CSP,
        }),
    },
    {
      method: 'get',
      path: '/tab/app.js',
      handle: async (_req, res) => {
        const script = await readAsset(TAB_SCRIPT_PATH);
        if (!script) {
          logger.error({ path: TAB_SCRIPT_PATH }, 'tab script not built: run npm run build:tab');
          return sendJson(res, 503, { error: 'tab script not built: run npm run build:tab' });
        }
        sendFile(res, 'text/javascript; charset=utf-8', script);
      },
    },
    {
      method: 'get',
      path: '/tab/app.css',
      handle: async (_req, res) => {
        const style = await readAsset(TAB_STYLE_PATH);
        if (!style) return sendJson(res, 404, { error: 'not found' });
        sendFile(res, 'text/css; charset=utf-8', style);
      },
    },
    {
      method: 'get',
      path: '/api/tab/dashboard',
      handle: signedIn(async (req, res, viewer, locale) => {
        const result = await dashboard.build({
          viewer,
          locale,
          department: query(req, 'department'),
        });
        if (result.ok) return sendJson(res, 200, result.view);
        const t = translator(locale);
        if (result.reason === 'otherDepartment') {
          logger.info({ upn: viewer.upn }, 'tab API: another department refused');
          return sendJson(res, 403, { error: t('tab.error.otherDepartment') });
        }
        return sendJson(res, 404, { error: t('tab.error.unknownDepartment') });
      }),
    },
  ];

  if (devSignIn) {
    routes.push(
      {
        method: 'get',
        path: '/api/tab/dev-signin',
        handle: async (req, res) => {
          const locale = localeOf(req);
          const t = translator(locale);
          const people: DevSignInPerson[] = [];
          for (const person of await directory.listPeople()) {
            const actor = await directory.actorFor(
              {
                aadObjectId: `dev:${person.upn}`,
                displayName: person.name[locale],
                upn: person.upn,
              },
              person,
            );
            const { role, department } = describeActor(actor, t, locale);
            const label = t('tab.signin.option', { name: person.name[locale], role, department });
            people.push({ upn: person.upn, label });
          }
          sendJson(res, 200, { people });
        },
      },
      {
        method: 'post',
        path: '/api/tab/dev-signin',
        handle: async (req, res) => {
          const upn: unknown = (req.body as Record<string, unknown> | undefined)?.['upn'];
          const person = typeof upn === 'string' ? await directory.findByUpn(upn) : undefined;
          if (!person)
            return sendJson(res, 400, {
              error: translator(localeOf(req))('tab.error.devSignInUnknown'),
            });
          logger.warn({ upn: person.upn }, 'tab: development sign-in used');
          sendJson(res, 200, { token: await devSignIn.issue(person.upn) });
        },
      },
    );
  }
  return routes;
}
