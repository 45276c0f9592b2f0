import type { Turn } from '../app/turn.js';
import { translator } from '../i18n/translate.js';
import type { FormValues } from './entry-cards.js';
import { listCard } from './entry-cards.js';
import { contentFromValues, FIELD_ORDER, type FieldProblem } from './fields.js';
import { contextOf, editorOf, type PolicyDeps } from './deps.js';
import type { PolicyChange } from './policy-book.js';

// Adding, editing and listing entries: saving form values and saying, in the
// user's language, what went wrong.

function fieldLabel(turn: Turn, field: string): string {
  return (FIELD_ORDER as readonly string[]).includes(field)
    ? turn.t(`policy.field.${field as (typeof FIELD_ORDER)[number]}`)
    : field;
}

export function changeProblem(
  turn: Turn,
  result: Extract<PolicyChange, { ok: false }>,
  id: string,
): string {
  switch (result.reason) {
    case 'notFound':
      return turn.t('policy.idNotFound', { id });
    case 'retired':
      return turn.t('policy.alreadyRetired', { id });
    case 'exists':
      return turn.t('policy.exists', { id });
    case 'stale':
      return turn.t('policy.stale', {
        id,
        name: result.current.updatedBy.name,
        version: result.current.version,
      });
    case 'invalid':
      return turn.t('policy.invalid', {
        fields: result.fields.map((f) => fieldLabel(turn, f)),
      });
  }
}

export function fieldProblem(turn: Turn, problem: FieldProblem): string {
  switch (problem.kind) {
    case 'noFields':
      return turn.t('policy.noFields');
    case 'unknownField':
      return turn.t('policy.unknownField', {
        field: problem.field,
        fields: FIELD_ORDER.map((f) => fieldLabel(turn, f)),
      });
    case 'badScope':
    case 'badStatus':
    case 'badDate':
      return turn.t(`policy.${problem.kind}`, { value: problem.value });
  }
}

/** The source named when a form leaves it empty, in both languages. */
function defaultMeeting() {
  return {
    ja: translator('ja')('policy.defaultMeeting'),
    en: translator('en')('policy.defaultMeeting'),
  };
}

/** Saves form values as a new entry or a new version; the outcome is said in the turn's language. */
export async function save(
  deps: PolicyDeps,
  turn: Turn,
  values: FormValues,
  target?: { id: string; version?: number },
): Promise<PolicyChange> {
  const content = contentFromValues(values, defaultMeeting());
  return target
    ? deps.policies.edit(target.id, () => content, editorOf(turn), target.version)
    : deps.policies.create(content, editorOf(turn));
}

export async function listCardFor(deps: PolicyDeps, turn: Turn, filter?: string, notice?: string) {
  const all = await deps.policies.list();
  const wanted = filter?.toLowerCase();
  const entries = wanted
    ? all.filter((e) =>
        [e.id, e.content.title.ja, e.content.title.en, e.content.answer.ja, e.content.answer.en]
          .join(' ')
          .toLowerCase()
          .includes(wanted),
      )
    : all;
  return listCard(contextOf(deps, turn.t, turn.locale), entries, {
    ...(filter ? { filter } : {}),
    ...(notice ? { notice } : {}),
  });
}
