import { loadConfig } from '../src/config.js';
import { createHonbu } from '../src/app/honbu.js';

/**
 * Honbu wired exactly as src/main.ts does, plus GET /bench/memory, which collects
 * garbage (node --expose-gc) and answers the process's memory use: what the memory
 * bench reads after loading a store and after warm-up turns.
 */
const honbu = await createHonbu({ config: loadConfig() });
honbu.http.addRoute({
  method: 'get',
  path: '/bench/memory',
  handle: async (_req, res) => {
    globalThis.gc?.();
    res.send(200, process.memoryUsage());
  },
});
await honbu.start();
process.on('SIGTERM', () => {
  void honbu.stop().then(() => process.exit(0));
});
