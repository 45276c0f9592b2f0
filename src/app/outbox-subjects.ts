import type { Locale } from '../i18n/locale.js';
import type { MeetingService } from '../meetings/meeting-service.js';
import type { OutboxSubjects } from '../outbox/ports.js';
import type { SurveyService } from '../surveys/service.js';
import { inLocale } from '../surveys/survey.js';

/** The meeting or survey a planned job names in its payload, for the outbox. */
export function outboxSubjects(meetings: MeetingService, surveys: SurveyService): OutboxSubjects {
  return {
    subjectOf: async (payload: unknown, locale: Locale) => {
      const fields = (payload ?? {}) as { meetingId?: unknown; surveyId?: unknown };
      if (typeof fields.meetingId === 'string') {
        const meeting = await meetings.get(fields.meetingId);
        return meeting ? `#${meeting.number} ${meeting.title}` : undefined;
      }
      if (typeof fields.surveyId === 'string') {
        const survey = await surveys.repository.get(fields.surveyId);
        return survey ? `#${survey.number} ${inLocale(survey.title, locale)}` : undefined;
      }
      return undefined;
    },
  };
}
