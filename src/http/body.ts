import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Request, Response } from 'restify';

const gunzip = promisify(zlib.gunzip);
const inflate = promisify(zlib.inflate);
const brotli = promisify(zlib.brotliDecompress);

/** A request body Honbu will not read, with the status and neutral message it gets. */
export class BodyRefused extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    readonly code: string,
  ) {
    super(code);
  }
}

type Inflater = (data: Buffer, options: zlib.ZlibOptions) => Promise<Buffer>;

const INFLATERS: Readonly<Record<string, Inflater>> = {
  gzip: gunzip,
  'x-gzip': gunzip,
  deflate: inflate,
  br: (data, options) => brotli(data, { maxOutputLength: options.maxOutputLength }),
};

/**
 * Reads and parses a request body ourselves instead of restify's body parser,
 * which creates its Gunzip stream without an error listener (one bad gzip body
 * killed the process) and counts only compressed bytes (a small gzip bomb was
 * inflated and JSON-parsed before authentication). Here the limit holds twice:
 * on the bytes received and on the bytes after inflating, and every failure is
 * a 4xx, never a thrown stream error.
 */
export async function readBody(req: Request, maxBytes: number): Promise<unknown> {
  const received = await receive(req, maxBytes);
  if (received.length === 0) return undefined;
  if (!isJson(req.headers['content-type'])) throw new BodyRefused(415, 'unsupported media type');
  const decoded = await decode(received, req.headers['content-encoding'], maxBytes);
  const text = decoded.toString('utf-8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BodyRefused(400, 'invalid JSON');
  }
}

/** restify middleware: `req.body` is the parsed JSON (or undefined); refusals are answered here. */
export function bodyReader(maxBytes: number) {
  return (req: Request, res: Response, next: (err?: false) => void): void => {
    readBody(req, maxBytes).then(
      (body) => {
        req.body = body;
        next();
      },
      (error: unknown) => {
        const refusal = error instanceof BodyRefused ? error : new BodyRefused(400, 'unreadable');
        res.send(refusal.status, { error: refusal.code });
        next(false);
      },
    );
  };
}

/**
 * The raw bytes, refused once more than `maxBytes` have arrived. The rest is
 * read and dropped (nothing more is kept), so the answer reaches a client that
 * is still sending instead of a reset connection.
 */
function receive(req: Request, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
      else chunks.length = 0;
    });
    req.once('end', () =>
      size > maxBytes ? reject(new BodyRefused(413, 'too large')) : resolve(Buffer.concat(chunks)),
    );
    req.once('error', () => reject(new BodyRefused(400, 'unreadable')));
    req.once('aborted', () => reject(new BodyRefused(400, 'unreadable')));
  });
}

/** Undoes Content-Encoding, counting the INFLATED bytes against the same limit. */
async function decode(
  data: Buffer,
  encodingHeader: string | undefined,
  maxBytes: number,
): Promise<Buffer> {
  const encodings = (encodingHeader ?? '')
    .split(',')
    .map((e) => e.trim().toLowerCase())
    .filter((e) => e !== '' && e !== 'identity');
  if (encodings.length === 0) return data;
  // One layer is what clients send; nested encodings only serve to multiply a bomb.
  const inflater = encodings.length === 1 ? INFLATERS[encodings[0] ?? ''] : undefined;
  if (!inflater) throw new BodyRefused(415, 'unsupported content encoding');
  try {
    return await inflater(data, { maxOutputLength: maxBytes });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
      throw new BodyRefused(413, 'too large');
    throw new BodyRefused(400, 'invalid content encoding');
  }
}

/** application/json and the +json types; a body with no type is read as JSON too (curl -d). */
function isJson(contentType: string | undefined): boolean {
  if (!contentType) return true;
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'application/json' || type.endsWith('+json');
}
