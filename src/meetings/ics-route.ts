import type { MeetingUses } from './deps.js';
import type { Route } from '../http/server.js';
import { localeFrom } from '../i18n/locale.js';
import { translator } from '../i18n/translate.js';
import { meetingToIcs } from './ics.js';

/**
 * GET /meetings/:id.ics — the meeting as a calendar file, for the card's
 * "add to calendar" button. The id is a random, unguessable token, which is
 * what protects the link (Teams opens it in a browser without the bot's sign-in).
 */
export function meetingIcsRoute(services: MeetingUses): Route {
  return {
    method: 'get',
    path: '/meetings/:id.ics',
    handle: async (req, res) => {
      const id = String(req.params['id'] ?? '');
      const meeting = id ? await services.meetings.get(id) : undefined;
      if (!meeting) {
        res.send(404, { error: 'no such meeting' });
        return;
      }
      const lang = typeof req.query?.['lang'] === 'string' ? req.query['lang'] : undefined;
      const body = meetingToIcs(meeting, {
        now: services.clock.now(),
        t: translator(localeFrom(lang ?? 'ja')),
      });
      res.writeHead(200, {
        'content-type': 'text/calendar; charset=utf-8',
        'content-disposition': `attachment; filename="meeting-${meeting.number}.ics"`,
        'cache-control': 'no-store',
      });
      res.end(body);
    },
  };
}
