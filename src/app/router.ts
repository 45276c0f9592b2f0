import type { MessageKey } from '../i18n/catalog.js';
import type { Locale } from '../i18n/locale.js';
import { allows, type Role } from '../domain/roles.js';
import type { IntentSpec } from './intent.js';
import type { ActionOutcome, ActionTurn, CommandTurn, Turn } from './turn.js';

/** One text command: its words in each language, who may use it, what it does. */
export interface CommandSpec {
  readonly id: string;
  /** Synonyms per language; the first one of the user's language is shown in help. */
  readonly words: { readonly ja: readonly string[]; readonly en: readonly string[] };
  /** Extra full-text forms (matched against the normalised text), e.g. /^#(?<n>\d+) 完了$/. */
  readonly patterns?: readonly RegExp[];
  readonly summary: MessageKey;
  readonly allowed: readonly Role[];
  /** Not listed in help (e.g. word replies that only make sense after a ping). */
  readonly hidden?: boolean;
  readonly handle: (turn: CommandTurn) => Promise<void>;
}

/** One card verb (Action.Execute `verb`, or `verb` in Action.Submit data). */
export interface ActionSpec {
  readonly verb: string;
  readonly allowed: readonly Role[];
  readonly handle: (turn: ActionTurn) => Promise<ActionOutcome>;
}

export interface RouteTable {
  readonly commands: readonly CommandSpec[];
  readonly actions: readonly ActionSpec[];
  /** What free text can mean, per feature; the understanding step picks one. */
  readonly intents?: readonly IntentSpec[];
  /** Text no command matched: the understanding step. */
  readonly fallback: (turn: CommandTurn) => Promise<void>;
  /** Told after a command ran, so a follow-up can refer to what it showed. */
  readonly afterCommand?: (turn: CommandTurn, commandId: string) => Promise<void>;
}

/** NFKC folds full-width letters and digits; case and spacing are ignored. */
export function normaliseText(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

/**
 * A short hiragana question after a command word: いつ, ある？, どこ, まだ？. A kana
 * word without a question mark may be an argument (宿題一覧 すべて), so only
 * question words count without one.
 */
const TRAILING_QUESTION =
  /^(?:いつ|どこ|なに|なん|ある|どう|まだ)[ぁ-ゖ]{0,3}[?？]?$|^[ぁ-ゖー]{1,5}[?？]$/;

export type CommandMatch =
  | { kind: 'command'; spec: CommandSpec; args: string; groups: Record<string, string> }
  | { kind: 'none' };

interface Word {
  readonly word: string;
  readonly spec: CommandSpec;
}

/** Finds the command a text means; longer words win ("会議一覧" before "会議"). */
export class Router {
  private readonly words: readonly Word[];
  /** The first spec per whole word, so the common case (the text is just a command word) is one lookup. */
  private readonly wholeWords: ReadonlyMap<string, CommandSpec>;
  private readonly actionsByVerb: ReadonlyMap<string, ActionSpec>;
  private readonly commandsById: ReadonlyMap<string, CommandSpec>;
  private readonly intentsById: ReadonlyMap<string, IntentSpec>;

  constructor(readonly table: RouteTable) {
    this.words = table.commands
      .flatMap((spec) =>
        [...spec.words.ja, ...spec.words.en].map((w) => ({
          word: normaliseText(w).toLowerCase(),
          spec,
        })),
      )
      .sort((a, b) => b.word.length - a.word.length);
    const wholeWords = new Map<string, CommandSpec>();
    for (const { word, spec } of this.words) if (!wholeWords.has(word)) wholeWords.set(word, spec);
    this.wholeWords = wholeWords;
    const verbs = new Map<string, ActionSpec>();
    for (const action of table.actions) {
      if (verbs.has(action.verb)) throw new Error(`card verb ${action.verb} registered twice`);
      verbs.set(action.verb, action);
    }
    this.actionsByVerb = verbs;
    this.commandsById = new Map(table.commands.map((c) => [c.id, c]));
    const intents = new Map<string, IntentSpec>();
    for (const intent of table.intents ?? []) {
      if (intents.has(intent.id)) throw new Error(`intent ${intent.id} registered twice`);
      intents.set(intent.id, intent);
    }
    this.intentsById = intents;
  }

  /** A command by id, so an intent can reuse its handler. */
  command(id: string): CommandSpec | undefined {
    return this.commandsById.get(id);
  }

  intent(id: string): IntentSpec | undefined {
    return this.intentsById.get(id);
  }

  /** The intents this role may use. */
  intentsFor(role: Role): IntentSpec[] {
    return (this.table.intents ?? []).filter((i) => allows(i.allowed, role));
  }

  /** `normalised` is the text after normaliseText. */
  private match(normalised: string): CommandMatch {
    const lower = normalised.toLowerCase();
    for (const spec of this.table.commands) {
      for (const pattern of spec.patterns ?? []) {
        const found = pattern.exec(normalised);
        if (found) return { kind: 'command', spec, args: normalised, groups: { ...found.groups } };
      }
    }
    // A word as long as the text or longer can only match it whole.
    const whole = this.wholeWords.get(lower);
    if (whole) return { kind: 'command', spec: whole, args: '', groups: {} };
    for (const { word, spec } of this.words) {
      if (word.length < lower.length && lower.startsWith(word)) {
        const rest = normalised.slice(word.length);
        // A word must end at a separator, so "helpful" is not "help" and
        // "会議室のWi-Fiは？" is a question, not the command "会議".
        if (/^[\s:、,]/.test(rest)) {
          const args = rest.replace(/^[\s:、,]+/, '').trim();
          // 「会議 いつ？」「宿題 ある？」: a few kana are a question, not an argument
          // (arguments are numbers, names and notes), so it is free text.
          if (TRAILING_QUESTION.test(args)) return { kind: 'none' };
          return { kind: 'command', spec, args, groups: {} };
        }
        // A number straight after the word is its argument: 結果1 is 結果 1.
        if (/^#?\d+$/.test(rest)) return { kind: 'command', spec, args: rest, groups: {} };
      }
    }
    return { kind: 'none' };
  }

  action(verb: string): ActionSpec | undefined {
    return this.actionsByVerb.get(verb);
  }

  /** The commands this role may use, for help. */
  visibleTo(role: Role): CommandSpec[] {
    return this.table.commands.filter((c) => !c.hidden && allows(c.allowed, role));
  }

  async dispatchText(turn: Turn, text: string): Promise<void> {
    const normalised = normaliseText(text);
    const found = this.match(normalised);
    if (found.kind === 'none') {
      return this.table.fallback({ ...turn, text: normalised, args: normalised, groups: {} });
    }
    if (!allows(found.spec.allowed, turn.actor.role))
      return turn.reply(notAllowed(turn, found.spec.allowed));
    const commandTurn = { ...turn, text: normalised, args: found.args, groups: found.groups };
    await found.spec.handle(commandTurn);
    await this.table.afterCommand?.(commandTurn, found.spec.id);
  }

  async dispatchAction(
    turn: Turn,
    verb: string,
    data: Record<string, unknown>,
  ): Promise<ActionOutcome> {
    const spec = this.action(verb);
    if (!spec) return { message: turn.t('error.badAction') };
    if (!allows(spec.allowed, turn.actor.role)) return { message: notAllowed(turn, spec.allowed) };
    return spec.handle({ ...turn, verb, data });
  }
}

/**
 * The route table as features see it: bound once the router is built (the router
 * is made from the features), so an intent can run its feature's command by id.
 */
export type Routes = () => Router;

/** What a feature whose intents reuse its commands declares beside its own deps. */
export interface RouteUses {
  readonly routes: Routes;
}

export function notAllowed(turn: Turn, allowed: readonly Role[]): string {
  // Someone not in the directory cannot become a chair or a member by asking:
  // say what they can do now and who can add them.
  if (turn.actor.role === 'guest') return turn.t('notAllowed.guest');
  const roles = allowed.filter((r) => r !== 'guest').map((r) => turn.t(`role.${r}`));
  const list = new Intl.ListFormat(turn.locale, { type: 'disjunction' }).format(roles);
  return turn.t('notAllowed', { roles: list });
}

export function commandWord(spec: CommandSpec, locale: Locale): string {
  return spec.words[locale][0] ?? spec.words.ja[0] ?? spec.id;
}
