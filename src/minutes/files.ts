import type { IncomingAttachment } from '../app/turn.js';

/** Fetches a file the user sent; tests give one that reads from a local server. */
export type Downloader = (url: string) => Promise<Uint8Array>;

/** What Teams attaches when a file is sent in the personal chat (manifest: supportsFiles). */
export const FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';

/** Minutes are text; anything bigger than this is not minutes. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
const DOWNLOAD_TIMEOUT_MS = 20_000;

export interface SentFile {
  readonly name: string;
  readonly kind: 'txt' | 'docx' | 'other';
  readonly url: string;
}

/** The file of a Teams file message, with the kind its name says. */
export function sentFileOf(attachments: readonly IncomingAttachment[]): SentFile | undefined {
  for (const attachment of attachments) {
    if (attachment.contentType !== FILE_DOWNLOAD_INFO) continue;
    const content = attachment.content as { downloadUrl?: unknown; fileType?: unknown } | undefined;
    const url = typeof content?.downloadUrl === 'string' ? content.downloadUrl : undefined;
    if (!url) continue;
    const name = attachment.name ?? '';
    const type = (
      typeof content?.fileType === 'string' ? content.fileType : (name.split('.').pop() ?? '')
    ).toLowerCase();
    return { name, url, kind: type === 'txt' ? 'txt' : type === 'docx' ? 'docx' : 'other' };
  }
  return undefined;
}

/**
 * Downloads with fetch: Teams gives a short-lived pre-authorised https link;
 * plain http is accepted only from this machine (a local test server).
 */
export const fetchDownloader: Downloader = async (url) => {
  const parsed = new URL(url);
  const local = ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname);
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && local)) {
    throw new Error(`refusing to download from ${parsed.protocol}//${parsed.hostname}`);
  }
  const response = await fetch(url, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
  if (!response.ok) throw new Error(`download failed: HTTP ${response.status}`);
  const length = Number(response.headers.get('content-length') ?? '0');
  if (length > MAX_FILE_BYTES) throw new Error('file too large');
  const body = new Uint8Array(await response.arrayBuffer());
  if (body.byteLength > MAX_FILE_BYTES) throw new Error('file too large');
  return body;
};

/** A .txt in UTF-8 (with or without BOM) or, failing that, Shift_JIS as Japanese offices save it. */
export function textOfTxt(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/u, '');
  } catch {
    return new TextDecoder('shift_jis').decode(bytes);
  }
}

/**
 * A .docx as the reader wants it: paragraphs as lines, table rows as lines of
 * tab-separated cells (the 会議録 form is a table). mammoth does the Word part.
 */
export async function textOfDocx(bytes: Uint8Array): Promise<string> {
  // Loaded with the first Word file rather than at start: its module tree is
  // larger than the rest of the minutes feature, and no other turn needs it.
  const { default: mammoth } = await import('mammoth');
  const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
  return htmlToLines(html);
}

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  '#39': "'",
  nbsp: ' ',
};

function decode(text: string): string {
  return text.replace(/&(#\d+|#x[0-9a-f]+|\w+);/giu, (whole, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#') && name !== '#39') return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name] ?? whole;
  });
}

export function htmlToLines(html: string): string {
  const cellText = (inner: string) =>
    inner
      .replace(/<\/p>\s*<p[^>]*>/gu, ' ')
      .replace(/<br\s*\/?>/gu, ' ')
      .replace(/<[^>]+>/gu, '')
      .replace(/\t/gu, ' ')
      .trim();
  const withCells = html.replace(
    /<t([dh])[^>]*>([\s\S]*?)<\/t\1>/gu,
    (_, _tag, inner: string) => `${cellText(inner)}\t`,
  );
  return decode(
    withCells
      .replace(/<\/tr>/gu, '\n')
      .replace(/<\/(p|h\d|li)>|<br\s*\/?>/gu, '\n')
      .replace(/<[^>]+>/gu, ''),
  );
}
