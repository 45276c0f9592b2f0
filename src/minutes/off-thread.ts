import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { MinutesReading, NotMinutes } from './model.js';
import { readMinutes, type ReadOptions } from './read-minutes.js';

/** Below this size reading takes a few milliseconds: a thread would cost more than it saves. */
const INLINE_BYTES = 16 * 1024;

/**
 * The worker's entry. Run from TypeScript source (npm start runs tsx), the
 * worker does not inherit tsx's hooks, so a one-line module registers them first.
 */
function workerScript(): URL {
  if (!import.meta.url.endsWith('.ts')) return new URL('./reading-worker.js', import.meta.url);
  // tsx's ESM API, found through its package.json (the only file every tsx build exports).
  const tsxRoot = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsx = pathToFileURL(join(tsxRoot, 'dist/esm/api/index.mjs')).href;
  const entry = new URL('./reading-worker.ts', import.meta.url).href;
  const code = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(entry)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}

/**
 * Reads minutes without holding up other turns: a long paste (a year of
 * minutes, 200 KB) is read on a worker thread while the bot keeps answering.
 */
export async function readMinutesOffThread(
  text: string,
  options: ReadOptions,
): Promise<MinutesReading | NotMinutes> {
  if (Buffer.byteLength(text) < INLINE_BYTES) return readMinutes(text, options);
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerScript(), { workerData: { text, options } });
    worker.once('message', (reading: MinutesReading | NotMinutes) => {
      resolve(reading);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`minutes reader stopped with code ${code}`));
    });
  });
}
