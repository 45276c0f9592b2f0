/**
 * Honbu's own links read back: the dashboard page with a target
 * (`/tab?item=5`, `/tab?meeting=<id>`, `/tab?survey=2`, made in
 * src/tab/deep-link.ts), a meeting's calendar file (`/meetings/<id>.ics`) and
 * a survey's results export (`/surveys/<id>/results.csv`). A pasted link of
 * any of these unfurls into a preview.
 */
import type { HonbuTarget } from '../tab/deep-link.js';

export function baseUrlOf(config: {
  readonly publicBaseUrl: string | undefined;
  readonly port: number;
}): string {
  return (config.publicBaseUrl ?? `http://localhost:${config.port}`).replace(/\/$/, '');
}

/** What a pasted link points to, when it is one of Honbu's (same host as `base`). */
export function targetOf(link: string, base: string): HonbuTarget | undefined {
  let url: URL;
  let home: URL;
  try {
    url = new URL(link);
    home = new URL(base);
  } catch {
    return undefined;
  }
  if (url.host !== home.host) return undefined;
  const path = url.pathname.replace(/\/+$/, '');
  const ics = /^\/meetings\/([^/]+)\.ics$/.exec(path);
  if (ics?.[1]) return { kind: 'meeting', id: decodeURIComponent(ics[1]) };
  const csv = /^\/surveys\/([^/]+)\/results\.csv$/.exec(path);
  if (csv?.[1]) return { kind: 'survey', ref: decodeURIComponent(csv[1]) };
  if (path !== '/tab') return undefined;
  const item = url.searchParams.get('item');
  if (item && /^#?\d+$/.test(item)) return { kind: 'item', number: Number(item.replace('#', '')) };
  const meeting = url.searchParams.get('meeting');
  if (meeting) return { kind: 'meeting', id: meeting };
  const survey = url.searchParams.get('survey');
  if (survey) return { kind: 'survey', ref: survey };
  return undefined;
}

/** A meeting's calendar file (served by src/meetings/ics-route.ts). */
export function icsUrl(base: string, meetingId: string): string {
  return `${base}/meetings/${encodeURIComponent(meetingId)}.ics`;
}

/** The dashboard section (src/tab/sections/) that shows each kind of target. */
const SECTION_OF: Readonly<Record<HonbuTarget['kind'], string>> = {
  item: 'items',
  meeting: 'meetings',
  survey: 'surveys',
};

/**
 * The dashboard section a deep link points at: from the tab's sub-entity id
 * (`item:5`, in Teams) or the page's query (`?item=5`, in a browser).
 * The dashboard page scrolls there; this module imports only types so that
 * the page's bundle can use it.
 */
export function dashboardSectionOf(
  subEntityId: string | undefined,
  search: string,
): string | undefined {
  const fromTeams = /^(item|meeting|survey):/.exec(subEntityId ?? '')?.[1];
  const query = new URLSearchParams(search);
  const fromPage = (['item', 'meeting', 'survey'] as const).find((kind) => query.has(kind));
  const kind = (fromTeams ?? fromPage) as HonbuTarget['kind'] | undefined;
  return kind ? SECTION_OF[kind] : undefined;
}
