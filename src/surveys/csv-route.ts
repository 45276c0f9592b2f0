import type { SurveyUses } from './deps.js';
import type { Route } from '../http/server.js';
import { localeFrom } from '../i18n/locale.js';
import { translator } from '../i18n/translate.js';

/**
 * GET /surveys/:id/results.csv?locale&expires&sig — the results as CSV, for
 * whoever holds a link the bot signed (the results card gives it to the
 * secretariat and the chair only; it expires after 15 minutes).
 */
export function surveyCsvRoute(services: SurveyUses): Route {
  return {
    method: 'get',
    path: '/surveys/:surveyId/results.csv',
    handle: async (req, res) => {
      const url = new URL(req.url ?? '', 'http://honbu.invalid');
      const locale = localeFrom(url.searchParams.get('locale') ?? undefined);
      const t = translator(locale);
      const plain = (status: number, text: string) => {
        res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(text);
      };
      const check = services.links.check(url.pathname, url.search);
      if (check !== 'valid')
        return plain(403, t(check === 'expired' ? 'survey.csv.expired' : 'survey.csv.invalid'));
      const surveyId = decodeURIComponent(url.pathname.split('/')[2] ?? '');
      const survey = await services.surveys.repository.get(surveyId);
      if (!survey) return plain(404, t('survey.error.missing'));
      const body = Buffer.from(await services.surveys.csv(survey, locale), 'utf-8');
      const filename = `survey-${survey.number}-results.csv`;
      res.writeHead(200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${filename}"`,
        'content-length': String(body.length),
        'cache-control': 'no-store',
      });
      res.end(body);
    },
  };
}
