import type { ActionSpec, CommandSpec } from '../app/router.js';
import type { PolicyUses } from './feature.js';
import type { ActionOutcome, ActionTurn, CommandTurn, Turn } from '../app/turn.js';
import { Audience } from '../domain/roles.js';
import type { Locale } from '../i18n/locale.js';
import { translator } from '../i18n/translate.js';
import {
  answerCard,
  editCard,
  formValuesOf,
  historyText,
  listCard,
  questionCard,
  replyCard,
  type CardContext,
  type FormValues,
} from './cards.js';
import {
  applyFieldText,
  contentFromValues,
  FIELD_ORDER,
  parseScope,
  parseStatus,
  valuesFromData,
  type FieldProblem,
} from './fields.js';
import type { PolicyQuestion } from './inbox.js';
import { scopeOfDepartment, type Editor, type PolicyContent } from './model.js';
import type { PolicyChange } from './policy-book.js';
import { read } from './text.js';

const MAX_QUESTION_LENGTH = 1000;
const MAX_QUESTION_CARDS = 10;

const contextOf = (services: PolicyUses, t: Turn['t'], locale: Locale): CardContext => ({
  t,
  locale,
  timeZone: services.config.timeZone,
});

const editorOf = (turn: Turn): Editor => ({
  name: turn.actor.displayName,
  ...(turn.actor.upn ? { upn: turn.actor.upn } : {}),
});

/** The calendar day in the committee's time zone, as YYYY-MM-DD. */
function dayIn(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(date);
}

function today(services: PolicyUses): string {
  return dayIn(services.clock.now(), services.config.timeZone);
}

async function answerCardFor(services: PolicyUses, turn: Turn, question: string, asked?: string) {
  const answer = await services.policies.answer(
    question,
    scopeOfDepartment(turn.actor.person?.departmentId),
  );
  return answerCard(contextOf(services, turn.t, turn.locale), answer, question, asked);
}

async function answerText(services: PolicyUses, turn: Turn, question: string): Promise<void> {
  if (!question) return turn.reply(turn.t('policy.ask.usage'));
  await turn.reply(await answerCardFor(services, turn, question));
}

/** Free text no command matched: a policy question if it looks like one, else `otherwise`. */
export function policyFallback(
  services: PolicyUses,
  otherwise: (turn: CommandTurn) => Promise<void>,
): (turn: CommandTurn) => Promise<void> {
  return async (turn) => {
    if (await services.policies.worthAnswering(turn.text))
      return answerText(services, turn, turn.text);
    return otherwise(turn);
  };
}

function fieldLabel(turn: Turn, field: string): string {
  return (FIELD_ORDER as readonly string[]).includes(field)
    ? turn.t(`policy.field.${field as (typeof FIELD_ORDER)[number]}`)
    : field;
}

function changeProblem(
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
        fields: result.fields.map((f) => fieldLabel(turn, f)).join(', '),
      });
  }
}

function fieldProblem(turn: Turn, problem: FieldProblem): string {
  switch (problem.kind) {
    case 'noFields':
      return turn.t('policy.noFields');
    case 'unknownField':
      return turn.t('policy.unknownField', {
        field: problem.field,
        fields: FIELD_ORDER.map((f) => fieldLabel(turn, f)).join(', '),
      });
    case 'badScope':
      return turn.t('policy.badScope', { value: problem.value });
    case 'badStatus':
      return turn.t('policy.badStatus', { value: problem.value });
    case 'badDate':
      return turn.t('policy.badDate', { value: problem.value });
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
async function save(
  services: PolicyUses,
  turn: Turn,
  values: FormValues,
  target?: { id: string; version?: number },
): Promise<PolicyChange> {
  const content = contentFromValues(values, defaultMeeting());
  return target
    ? services.policies.edit(target.id, () => content, editorOf(turn), target.version)
    : services.policies.create(content, editorOf(turn));
}

/** A question's scope as the look-up would read it: named in it, or the asker's department. */
function scopeOfQuestion(services: PolicyUses, question: PolicyQuestion) {
  return services.policies.scopeOf(question.text, scopeOfDepartment(question.asker.departmentId));
}

async function questionCardFor(
  services: PolicyUses,
  ctx: CardContext,
  question: PolicyQuestion,
  notice?: string,
) {
  const defaultScope = await scopeOfQuestion(services, question);
  return questionCard(ctx, question, { defaultScope, ...(notice ? { notice } : {}) });
}

/** Records the answer and brings it to the asker; says what happened in the answerer's language. */
async function answerQuestion(
  services: PolicyUses,
  turn: Turn,
  id: string,
  text: string,
): Promise<{ question?: PolicyQuestion; notice: string }> {
  const result = await services.policyInbox.answer(id, text, editorOf(turn));
  if (!result.ok) {
    if (result.reason === 'alreadyAnswered')
      return {
        question: result.question,
        notice: turn.t('policy.answer.already', { name: result.question.answer?.by.name ?? '' }),
      };
    if (result.reason === 'empty') return { notice: turn.t('policy.answer.empty') };
    return { notice: turn.t('policy.questionNotFound', { id }) };
  }
  const asker = translator(result.question.locale);
  const delivery = await services.policyInbox.deliverToAsker(
    result.question,
    replyCard(contextOf(services, asker, result.question.locale), result.question),
  );
  return {
    question: result.question,
    notice: delivery.ok
      ? turn.t('policy.answer.sent', { id: result.question.id })
      : turn.t('policy.answer.notDelivered'),
  };
}

/** Makes a policy entry of an answered question, with the scope and status the secretariat chose. */
async function adoptQuestion(
  services: PolicyUses,
  turn: Turn,
  id: string,
  choice: { scope?: string; status?: string },
): Promise<{ question?: PolicyQuestion; notice: string }> {
  const question = await services.policyInbox.get(id);
  if (!question) return { notice: turn.t('policy.questionNotFound', { id }) };
  const scope = choice.scope ? parseScope(choice.scope) : await scopeOfQuestion(services, question);
  if (!scope) return { question, notice: turn.t('policy.badScope', { value: choice.scope ?? '' }) };
  const status = parseStatus(choice.status ?? 'guidance');
  if (!status)
    return { question, notice: turn.t('policy.badStatus', { value: choice.status ?? '' }) };
  const subjects = read(question.text, (await services.policies.index()).subjects).subjects;
  const timeZone = services.config.timeZone;
  const ja = translator('ja');
  const en = translator('en');
  const content = (q: PolicyQuestion): PolicyContent => {
    const day = dayIn(new Date(q.answer?.at ?? q.askedAt), timeZone);
    const answer = q.answer?.text ?? '';
    return {
      // Its own topic: an answer to one question is not related to every other one.
      topic: `answer-${q.id}`,
      subjects: [...subjects],
      scope,
      status,
      title: { ja: q.text, en: q.text },
      answer: { ja: answer, en: answer },
      since: day,
      source: {
        meeting: { ja: ja('policy.adopt.meeting'), en: en('policy.adopt.meeting') },
        date: day,
        material: {
          ja: ja('policy.adopt.material', { id: q.id, asker: q.asker.name }),
          en: en('policy.adopt.material', { id: q.id, asker: q.asker.name }),
        },
      },
      keywords: { ja: [], en: [] },
      related: [],
    };
  };
  const result = await services.policyInbox.adopt(question.id, content, editorOf(turn));
  if (result.ok)
    return {
      question: result.question,
      notice: turn.t('policy.adopt.done', { id: question.id, entryId: result.entry.id }),
    };
  switch (result.reason) {
    case 'notFound':
      return { notice: turn.t('policy.questionNotFound', { id }) };
    case 'notAnswered':
      return { question, notice: turn.t('policy.adopt.notAnswered', { id: question.id }) };
    case 'alreadyAdopted':
      return {
        question: result.question,
        notice: turn.t('policy.adopt.already', {
          id: question.id,
          entryId: result.question.entryId ?? '',
        }),
      };
    default:
      return { question, notice: changeProblem(turn, result, question.id) };
  }
}

async function listCardFor(services: PolicyUses, turn: Turn, filter?: string, notice?: string) {
  const all = await services.policies.list();
  const wanted = filter?.toLowerCase();
  const entries = wanted
    ? all.filter((e) =>
        [e.id, e.content.title.ja, e.content.title.en, e.content.answer.ja, e.content.answer.en]
          .join(' ')
          .toLowerCase()
          .includes(wanted),
      )
    : all;
  return listCard(contextOf(services, turn.t, turn.locale), entries, {
    ...(filter ? { filter } : {}),
    ...(notice ? { notice } : {}),
  });
}

const splitFirst = (text: string): [string, string] => {
  const [first = '', ...rest] = text.trim().split(' ');
  return [first, rest.join(' ').trim()];
};

export function policyCommands(services: PolicyUses): CommandSpec[] {
  return [
    {
      id: 'policyAsk',
      words: { ja: ['ルール', 'ポリシー', '規則'], en: ['policy', 'rule'] },
      summary: 'cmd.policyAsk',
      allowed: Audience.anyone,
      handle: (turn) => answerText(services, turn, turn.args),
    },
    {
      id: 'policyList',
      words: { ja: ['ルール一覧', 'ポリシー一覧'], en: ['policies', 'policy list'] },
      summary: 'cmd.policyList',
      allowed: Audience.staff,
      handle: async (turn) => turn.reply(await listCardFor(services, turn, turn.args || undefined)),
    },
    {
      id: 'policyAdd',
      words: { ja: ['ルール追加', 'ポリシー追加'], en: ['policy add'] },
      summary: 'cmd.policyAdd',
      allowed: Audience.staff,
      handle: async (turn) => {
        const ctx = contextOf(services, turn.t, turn.locale);
        const blank = formValuesOf(undefined, today(services));
        if (!turn.args) return turn.reply(editCard(ctx, undefined, blank));
        const typed = applyFieldText(blank, turn.args, turn.locale);
        if (!typed.ok) return turn.reply(fieldProblem(turn, typed.problem));
        const result = await save(services, turn, typed.values);
        await turn.reply(
          result.ok
            ? turn.t('policy.created', { id: result.entry.id })
            : changeProblem(turn, result, ''),
        );
      },
    },
    {
      id: 'policyEdit',
      words: { ja: ['ルール編集', 'ポリシー編集'], en: ['policy edit'] },
      summary: 'cmd.policyEdit',
      allowed: Audience.staff,
      handle: async (turn) => {
        const [id, fields] = splitFirst(turn.args);
        if (!id)
          return turn.reply(turn.t('policy.idUsage', { example: turn.t('policy.idExample') }));
        const entry = await services.policies.get(id);
        if (!entry) return turn.reply(turn.t('policy.idNotFound', { id }));
        if (!entry.active) return turn.reply(turn.t('policy.alreadyRetired', { id: entry.id }));
        const ctx = contextOf(services, turn.t, turn.locale);
        const current = formValuesOf(entry, today(services));
        if (!fields) return turn.reply(editCard(ctx, entry, current));
        const typed = applyFieldText(current, fields, turn.locale);
        if (!typed.ok) return turn.reply(fieldProblem(turn, typed.problem));
        const result = await save(services, turn, typed.values, {
          id: entry.id,
          version: entry.version,
        });
        await turn.reply(
          result.ok
            ? turn.t('policy.edited', { id: result.entry.id, version: result.entry.version })
            : changeProblem(turn, result, entry.id),
        );
      },
    },
    {
      id: 'policyRetire',
      words: { ja: ['ルール廃止', 'ポリシー廃止'], en: ['policy retire'] },
      summary: 'cmd.policyRetire',
      allowed: Audience.staff,
      handle: async (turn) => {
        const [id, reason] = splitFirst(turn.args);
        if (!id)
          return turn.reply(turn.t('policy.idUsage', { example: turn.t('policy.retireExample') }));
        const result = await services.policies.retire(id, editorOf(turn), reason || undefined);
        await turn.reply(
          result.ok
            ? turn.t('policy.retired', { id: result.entry.id })
            : changeProblem(turn, result, id),
        );
      },
    },
    {
      id: 'policyHistory',
      words: { ja: ['ルール履歴', 'ポリシー履歴'], en: ['policy history'] },
      summary: 'cmd.policyHistory',
      allowed: Audience.staff,
      handle: async (turn) => {
        const [id] = splitFirst(turn.args);
        if (!id)
          return turn.reply(turn.t('policy.idUsage', { example: turn.t('policy.historyExample') }));
        const entry = await services.policies.get(id);
        if (!entry) return turn.reply(turn.t('policy.idNotFound', { id }));
        await turn.reply(historyText(contextOf(services, turn.t, turn.locale), entry));
      },
    },
    {
      id: 'policyQuestions',
      words: { ja: ['ルール質問一覧', '質問一覧'], en: ['policy questions'] },
      summary: 'cmd.policyQuestions',
      allowed: Audience.staff,
      handle: async (turn) => {
        const open = await services.policyInbox.open();
        if (open.length === 0) return turn.reply(turn.t('policy.questions.none'));
        await turn.reply(turn.t('policy.questions.count', { count: open.length }));
        const ctx = contextOf(services, turn.t, turn.locale);
        for (const question of open.slice(0, MAX_QUESTION_CARDS))
          await turn.reply(await questionCardFor(services, ctx, question));
      },
    },
    {
      id: 'policyAnswer',
      words: { ja: ['ルール回答', '質問回答'], en: ['policy answer'] },
      summary: 'cmd.policyAnswer',
      allowed: Audience.staff,
      handle: async (turn) => {
        const [id, text] = splitFirst(turn.args);
        if (!id || !text) return turn.reply(turn.t('policy.answer.usage'));
        const outcome = await answerQuestion(services, turn, id, text);
        if (!outcome.question) return turn.reply(outcome.notice);
        const ctx = contextOf(services, turn.t, turn.locale);
        await turn.reply(await questionCardFor(services, ctx, outcome.question, outcome.notice));
      },
    },
    {
      id: 'policyAdopt',
      words: { ja: ['ルール化'], en: ['policy adopt'] },
      summary: 'cmd.policyAdopt',
      allowed: Audience.staff,
      handle: async (turn) => {
        const [id = '', scope, status] = turn.args.split(' ').filter(Boolean);
        if (!id) return turn.reply(turn.t('policy.adopt.usage'));
        const outcome = await adoptQuestion(services, turn, id, {
          ...(scope ? { scope } : {}),
          ...(status ? { status } : {}),
        });
        await turn.reply(outcome.notice);
      },
    },
  ];
}

const stringOf = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

export function policyActions(services: PolicyUses): ActionSpec[] {
  const ctxOf = (turn: Turn) => contextOf(services, turn.t, turn.locale);
  const questionOutcome = async (
    turn: ActionTurn,
    outcome: { question?: PolicyQuestion; notice: string },
  ): Promise<ActionOutcome> =>
    outcome.question
      ? {
          card: (await questionCardFor(services, ctxOf(turn), outcome.question, outcome.notice))
            .card,
        }
      : { message: outcome.notice };

  return [
    {
      verb: 'policy.ask',
      allowed: Audience.anyone,
      handle: async (turn) => {
        const text = stringOf(turn.data['question']).slice(0, MAX_QUESTION_LENGTH);
        if (!text) return { message: turn.t('policy.ask.empty') };
        const person = turn.actor.person;
        const { question, created } = await services.policyInbox.ask({
          text,
          locale: turn.locale,
          asker: {
            aadObjectId: turn.actor.aadObjectId,
            name: turn.actor.displayName,
            ...(turn.actor.upn ? { upn: turn.actor.upn } : {}),
            ...(person?.departmentId ? { departmentId: person.departmentId } : {}),
            ...(turn.actor.department ? { departmentName: turn.actor.department.name } : {}),
          },
          conversationId: turn.conversation.id,
        });
        let asked = turn.t('policy.asked.again', { id: question.id });
        if (created) {
          const notice = await services.policyInbox.notifySecretariat((locale) =>
            questionCardFor(services, contextOf(services, translator(locale), locale), question),
          );
          asked = turn.t(notice.delivered > 0 ? 'policy.asked' : 'policy.asked.unnotified', {
            id: question.id,
          });
        }
        return { card: (await answerCardFor(services, turn, text, asked)).card };
      },
    },
    {
      verb: 'policy.answer',
      allowed: Audience.staff,
      handle: async (turn) =>
        questionOutcome(
          turn,
          await answerQuestion(
            services,
            turn,
            stringOf(turn.data['questionId']),
            stringOf(turn.data['answer']),
          ),
        ),
    },
    {
      verb: 'policy.adopt',
      allowed: Audience.staff,
      handle: async (turn) => {
        const scope = stringOf(turn.data['scope']);
        const status = stringOf(turn.data['status']);
        return questionOutcome(
          turn,
          await adoptQuestion(services, turn, stringOf(turn.data['questionId']), {
            ...(scope ? { scope } : {}),
            ...(status ? { status } : {}),
          }),
        );
      },
    },
    {
      verb: 'policy.new',
      allowed: Audience.staff,
      handle: async (turn) => ({
        card: editCard(ctxOf(turn), undefined, formValuesOf(undefined, today(services))).card,
      }),
    },
    {
      verb: 'policy.edit',
      allowed: Audience.staff,
      handle: async (turn) => {
        const id = stringOf(turn.data['id']);
        const entry = await services.policies.get(id);
        if (!entry) return { message: turn.t('policy.idNotFound', { id }) };
        if (!entry.active) return { message: turn.t('policy.alreadyRetired', { id }) };
        return { card: editCard(ctxOf(turn), entry, formValuesOf(entry, today(services))).card };
      },
    },
    {
      verb: 'policy.save',
      allowed: Audience.staff,
      handle: async (turn) => {
        const id = stringOf(turn.data['id']);
        const version = Number(turn.data['version']);
        const values = valuesFromData(turn.data);
        const result = await save(
          services,
          turn,
          values,
          id ? { id, ...(Number.isInteger(version) ? { version } : {}) } : undefined,
        );
        if (result.ok) {
          const notice = id
            ? turn.t('policy.edited', { id: result.entry.id, version: result.entry.version })
            : turn.t('policy.created', { id: result.entry.id });
          return { card: (await listCardFor(services, turn, undefined, notice)).card };
        }
        const entry = id ? await services.policies.get(id) : undefined;
        const error = changeProblem(turn, result, id);
        return { card: editCard(ctxOf(turn), entry, values, { error }).card };
      },
    },
    {
      verb: 'policy.retire',
      allowed: Audience.staff,
      handle: async (turn) => {
        const id = stringOf(turn.data['id']);
        const version = Number(turn.data['version']);
        const reason = stringOf(turn.data[`reason_${id}`]) || undefined;
        const result = await services.policies.retire(
          id,
          editorOf(turn),
          reason,
          Number.isInteger(version) ? version : undefined,
        );
        const notice = result.ok
          ? turn.t('policy.retired', { id: result.entry.id })
          : changeProblem(turn, result, id);
        return { card: (await listCardFor(services, turn, undefined, notice)).card };
      },
    },
    {
      verb: 'policy.history',
      allowed: Audience.staff,
      handle: async (turn) => {
        const id = stringOf(turn.data['id']);
        const entry = await services.policies.get(id);
        if (!entry) return { message: turn.t('policy.idNotFound', { id }) };
        await turn.reply(historyText(ctxOf(turn), entry));
        return { message: turn.t('policy.history.title', { id: entry.id }) };
      },
    },
  ];
}
