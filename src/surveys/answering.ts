import type { Card } from '../cards/card.js';
import type { Actor } from '../domain/directory.js';
import type { SurveyDeps } from './deps.js';
import type { SurveyCards } from './distribution.js';
import type { SurveyRepository } from './repository.js';
import { audienceProblem, checkSubmission, readSubmission, toContent } from './submission.js';
import { answerCard, formCard, noticeCard, type Reader } from './views.js';

/** The notice shown for a survey that does not exist (any more). */
export function missingSurveyCard(reader: Reader): Card {
  return noticeCard(reader.t('survey.error.missingTitle'), reader.t('survey.error.missing'));
}

/** A department's answer sent from its card: checked, stored once, and the cards kept current. */
export class SurveyAnswering {
  constructor(
    private readonly deps: SurveyDeps,
    private readonly repository: SurveyRepository,
    private readonly cards: SurveyCards,
  ) {}

  private now(): Date {
    return this.deps.clock.now();
  }

  /**
   * `survey.submit`: checks everything on the server; a problem sends the card
   * back with the inputs as typed and the message next to the field, storing
   * nothing. A valid answer is stored once per department.
   */
  async submit(
    data: Readonly<Record<string, unknown>>,
    actor: Actor,
    reader: Reader,
  ): Promise<Card> {
    const surveyId = data['surveyId'];
    const survey = typeof surveyId === 'string' ? await this.repository.get(surveyId) : undefined;
    if (!survey) return missingSurveyCard(reader);
    const values = readSubmission(survey, data);
    const basedOn = Number.isInteger(data['basedOn']) ? Number(data['basedOn']) : 0;
    const cardDepartment =
      typeof data['departmentId'] === 'string' && data['departmentId'] !== ''
        ? await this.deps.directory.getDepartment(data['departmentId'])
        : undefined;
    const departmentId = actor.person?.departmentId;
    const problems = checkSubmission(survey, actor, values, this.now(), cardDepartment);
    if (
      problems?.form?.key === 'survey.error.closed' &&
      departmentId &&
      !audienceProblem(survey, actor)
    ) {
      // Nothing more can be sent: the card becomes the closed view of the sender's own
      // department, saying the send was not kept.
      return this.cards.departmentView(survey, departmentId, reader, 'survey.error.closed');
    }
    if (problems || !departmentId || !actor.person) {
      // The card comes back as it was: for the department it was made for.
      const shownFor =
        cardDepartment ??
        (departmentId ? await this.deps.directory.getDepartment(departmentId) : undefined);
      return formCard(
        {
          survey,
          department: shownFor,
          values,
          basedOn,
          problems: problems ?? { form: { key: 'survey.error.notRepresentative' }, fields: {} },
          refreshUserIds: shownFor ? await this.cards.refreshUserIds(shownFor.id) : [],
        },
        reader,
      );
    }
    // The card is usually the sender's own department's: read it once.
    const department =
      cardDepartment?.id === departmentId
        ? cardDepartment
        : await this.deps.directory.getDepartment(departmentId);
    const refreshUserIds = await this.cards.refreshUserIds(departmentId);
    const outcome = await this.repository.saveAnswer({
      surveyId: survey.id,
      departmentId,
      content: toContent(values),
      basedOn,
      by: { personId: actor.person.id, name: actor.person.name },
      at: this.now().toISOString(),
    });
    if (outcome.kind === 'conflict') {
      return formCard(
        {
          survey,
          department,
          values,
          basedOn: outcome.answer.current.revision,
          conflict: outcome.answer.current,
          refreshUserIds,
        },
        reader,
      );
    }
    if (outcome.kind === 'stored')
      void this.cards.answerChanged(survey.id, departmentId, actor.person.id);
    return answerCard(
      { survey, department, answer: outcome.answer, canEdit: true, refreshUserIds },
      reader,
    );
  }
}
