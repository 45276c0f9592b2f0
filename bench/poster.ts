import { Agent, request } from 'node:http';
import type { Activity } from '../scripts/teams/activities.js';

/**
 * Posts an activity as the Teams service would: over a pool of keep-alive
 * connections (1,000 sockets at once would only measure the kernel's accept
 * queue), without reading the cards. Resolves with the status code.
 */
export function poster(baseUrl: string): (activity: Activity) => Promise<number> {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const url = new URL('/api/messages', baseUrl);
  return (activity) =>
    new Promise((resolve, reject) => {
      const body = JSON.stringify(activity);
      const req = request(
        url,
        {
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
}
