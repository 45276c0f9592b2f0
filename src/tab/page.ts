import { catalogs, type MessageKey } from '../i18n/catalog.js';
import { LOCALES, type Locale } from '../i18n/locale.js';
import { translator } from '../i18n/translate.js';

/** What the page script needs before it can call the API; its texts it bundles from the tab catalog. */
export interface PageSettings {
  readonly devSignIn: boolean;
}

/**
 * Hosts that may frame the tab (Teams on the web, desktop and Microsoft 365),
 * and the page itself, which is where a test host puts it.
 */
const FRAME_ANCESTORS = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.teams.microsoft.us',
  'https://*.cloud.microsoft',
  'https://*.office.com',
  'https://*.microsoft365.com',
  'https://*.skype.com',
];

export const TAB_PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  // teams-js refreshes its list of valid host origins from this CDN.
  "connect-src 'self' https://res.cdn.office.net",
  "base-uri 'none'",
  "form-action 'none'",
  `frame-ancestors ${FRAME_ANCESTORS.join(' ')}`,
].join('; ');

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

/** JSON that is safe inside a <script> element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/** The messages a page script shows, per locale: the catalog entries under `prefix`. */
export function clientStrings(prefix: string): Record<Locale, Record<string, string>> {
  return Object.fromEntries(
    LOCALES.map((locale) => {
      const catalog: Record<string, string> = catalogs[locale];
      return [
        locale,
        Object.fromEntries(Object.entries(catalog).filter(([key]) => key.startsWith(prefix))),
      ];
    }),
  ) as Record<Locale, Record<string, string>>;
}

/** The document shell every tab page shares: language, viewport, title, the tab's stylesheet. */
export function htmlDocument(page: {
  readonly lang: string;
  readonly title: string;
  /** A script loaded deferred from the head. */
  readonly script?: string;
  readonly bodyClass?: string;
  readonly body: string;
}): string {
  return `<!doctype html>
<html lang="${page.lang}" data-theme="default">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)}</title>
<link rel="stylesheet" href="/tab/app.css">
${page.script ? `<script src="${page.script}" defer></script>\n` : ''}</head>
<body${page.bodyClass ? ` class="${page.bodyClass}"` : ''}>
${page.body}
</body>
</html>
`;
}

/**
 * The tab's HTML shell. It is the same for everyone: the data comes from the
 * API once the script knows who is asking, so nothing here needs a sign-in.
 */
export function tabPage(devSignIn: boolean): string {
  const settings: PageSettings = { devSignIn };
  const t = translator('ja');
  return htmlDocument({
    lang: 'ja',
    title: t('tab.title'),
    script: '/tab/app.js',
    body: `<a class="skip-link" href="#main">${escapeHtml(t('tab.client.skip'))}</a>
<header class="top" id="top"><h1 id="title">${escapeHtml(t('tab.title'))}</h1></header>
<main id="main" tabindex="-1" aria-busy="true"><p class="status" role="status">${escapeHtml(t('tab.client.loading'))}</p></main>
<script type="application/json" id="honbu-settings">${scriptJson(settings)}</script>`,
  });
}

/** The page the manifest names as website, privacy and terms URL. */
export function aboutPage(locale: Locale): string {
  const t = translator(locale);
  const part = (id: string, title: MessageKey, body: MessageKey) =>
    `<section id="${id}"><h2>${escapeHtml(t(title))}</h2><p>${escapeHtml(t(body))}</p></section>`;
  return htmlDocument({
    lang: locale,
    title: t('about.title'),
    body: `<main id="main" class="about">
<h1>${escapeHtml(t('about.title'))}</h1>
<p>${escapeHtml(t('about.body'))}</p>
${part('privacy', 'about.privacy.title', 'about.privacy.body')}
${part('terms', 'about.terms.title', 'about.terms.body')}
</main>`,
  });
}
