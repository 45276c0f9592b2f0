/**
 * Links into the dashboard tab, built in one place: extensions' link previews
 * and the feature cards' "Open in dashboard" buttons use them. No imports, so
 * that the features and the page's bundle can use it.
 */
export type HonbuTarget =
  | { readonly kind: 'item'; readonly number: number }
  | { readonly kind: 'meeting'; readonly id: string }
  | { readonly kind: 'survey'; readonly ref: string };

/** The manifest's dashboard tab (staticTabs[].entityId). */
export const DASHBOARD_ENTITY_ID = 'dashboard';

/** The dashboard page showing one target, as a web address. */
export function dashboardUrl(base: string, target: HonbuTarget): string {
  const [key, value] = queryOf(target);
  return `${base}/tab?${key}=${encodeURIComponent(value)}`;
}

/**
 * The Teams deep link that opens the dashboard tab on the target (its
 * sub-entity id is read by the tab). Without a Teams app id (local runs) the
 * web address is the link.
 */
export function dashboardDeepLink(base: string, appId: string, target: HonbuTarget): string {
  const webUrl = dashboardUrl(base, target);
  if (!appId) return webUrl;
  const [key, value] = queryOf(target);
  const context = JSON.stringify({ subEntityId: `${key}:${value}` });
  return (
    `https://teams.microsoft.com/l/entity/${encodeURIComponent(appId)}/${DASHBOARD_ENTITY_ID}` +
    `?webUrl=${encodeURIComponent(webUrl)}&context=${encodeURIComponent(context)}`
  );
}

/** A card's link to the dashboard on a target, or none when the tab cannot be reached. */
export type DashboardLink = (target: HonbuTarget) => string | undefined;

/**
 * Cards link to the tab only when there is one in Teams to open: an app id
 * and a public address. Local and demo runs have neither, and get no button.
 */
export function dashboardLinkOf(config: {
  readonly publicBaseUrl: string | undefined;
  readonly botAuth: { readonly appId: string };
}): DashboardLink {
  const { publicBaseUrl } = config;
  const { appId } = config.botAuth;
  if (!publicBaseUrl || !appId) return () => undefined;
  const base = publicBaseUrl.replace(/\/$/, '');
  return (target) => dashboardDeepLink(base, appId, target);
}

function queryOf(target: HonbuTarget): [string, string] {
  if (target.kind === 'item') return ['item', String(target.number)];
  if (target.kind === 'meeting') return ['meeting', target.id];
  return ['survey', target.ref];
}
