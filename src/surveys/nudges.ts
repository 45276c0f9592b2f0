import { formatDateTime } from '../i18n/dates.js';
import type { Delivery, JobContext } from '../scheduling/scheduler.js';
import type { SurveyCards } from './distribution.js';
import type { SurveyRepository } from './repository.js';
import type { SurveyDeps } from './deps.js';
import { acceptsAnswers, inLocale, type Survey } from './survey.js';

export const SURVEY_JOB = { nudge: 'survey.nudge', close: 'survey.close' } as const;
export interface NudgePayload {
  readonly surveyId: string;
  readonly businessDays: number;
}
export interface ClosePayload {
  readonly surveyId: string;
  readonly deadline: string;
}

/** The reminders of an open survey to the departments that have not answered, and its close job. */
export class SurveyNudges {
  constructor(
    private readonly deps: SurveyDeps,
    private readonly repository: SurveyRepository,
    private readonly cards: SurveyCards,
  ) {}

  private now(): Date {
    return this.deps.clock.now();
  }

  /** Reminder jobs at the configured business days before the deadline, and the closing job. */
  async schedule(survey: Survey): Promise<void> {
    if (!survey.deadline || survey.status !== 'open') return;
    const group = `survey:${survey.id}`;
    await this.deps.scheduler.cancelGroup(group, 'survey rescheduled');
    const deadline = new Date(survey.deadline);
    const { hour, minute } = this.deps.config.surveyNudgeTime;
    const now = this.now().getTime();
    for (const businessDays of survey.nudgeBusinessDays) {
      const day = this.deps.calendar.businessDaysBefore(deadline, businessDays);
      const dueAt = this.deps.calendar.atLocalTime(day, hour, minute);
      if (dueAt.getTime() <= now || dueAt.getTime() >= deadline.getTime()) continue;
      await this.deps.scheduler.schedule<NudgePayload>({
        key: `${group}:nudge:${businessDays}:${survey.deadline}`,
        kind: SURVEY_JOB.nudge,
        group,
        payload: { surveyId: survey.id, businessDays },
        dueAt,
        notAfter: deadline,
      });
    }
    await this.deps.scheduler.schedule<ClosePayload>({
      key: `${group}:close:${survey.deadline}`,
      kind: SURVEY_JOB.close,
      group,
      payload: { surveyId: survey.id, deadline: survey.deadline },
      dueAt: deadline,
    });
  }

  /** Nudge job: the head and delegate of each department that has not answered, in their language. */
  async nudge(context: JobContext<NudgePayload>): Promise<{ drop: string } | undefined> {
    const survey = await this.repository.get(context.job.payload.surveyId);
    if (!survey || !acceptsAnswers(survey, context.now)) return { drop: 'survey not open' };
    const answered = new Set(await this.repository.answeredDepartments(survey));
    const deliveries: Delivery[] = [];
    for (const departmentId of survey.audience) {
      if (answered.has(departmentId)) continue;
      const department = await this.deps.directory.getDepartment(departmentId);
      for (const person of await this.deps.directory.representativesOf(departmentId)) {
        if (!person.aadObjectId) continue;
        const reader = await this.cards.personReader(person);
        const text = reader.t('survey.nudge', {
          title: inLocale(survey.title, reader.locale),
          deadline: formatDateTime(new Date(survey.deadline ?? ''), reader.locale, reader.timeZone),
          department: department?.name[reader.locale] ?? departmentId,
        });
        deliveries.push({
          recipientKey: `person:${person.id}`,
          target: { userAadObjectId: person.aadObjectId },
          message: { text: context.late ? `${reader.t('survey.nudge.late')}${text}` : text },
        });
      }
    }
    await context.deliverMany(deliveries);
    return undefined;
  }
}
