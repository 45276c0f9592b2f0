import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadConfig } from '../src/config.js';
import { createHonbu } from '../src/app/honbu.js';

/** The process's peak resident memory so far (Linux: VmHWM), or undefined elsewhere. */
function peakRss(): number | undefined {
  try {
    const kib = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf-8'))?.[1];
    return kib === undefined ? undefined : Number(kib) * 1024;
  } catch {
    return undefined;
  }
}

/**
 * Honbu wired exactly as src/main.ts does, plus GET /bench/memory, which collects
 * garbage (node --expose-gc) and answers the process's memory use: what the memory
 * bench reads after loading a store and after warm-up turns. V8 hands the pages a
 * collection freed back to the system on its own threads, a few milliseconds later:
 * the answer waits until the resident size stops changing, so it is not read halfway.
 */
const honbu = await createHonbu({ config: loadConfig() });
honbu.http.addRoute({
  method: 'get',
  path: '/bench/memory',
  handle: async (_req, res) => {
    globalThis.gc?.();
    let rss = process.memoryUsage.rss();
    for (let wait = 0; wait < 20; wait++) {
      await sleep(100);
      const now = process.memoryUsage.rss();
      if (now === rss) break;
      rss = now;
    }
    res.send(200, { ...process.memoryUsage(), peakRss: peakRss() });
  },
});
await honbu.start();
process.on('SIGTERM', () => {
  void honbu.stop().then(() => process.exit(0));
});
