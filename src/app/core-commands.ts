import { frozenCard, renderCard, type Card } from '../cards/card.js';
import type { Actor } from '../domain/directory.js';
import { Audience } from '../domain/roles.js';
import type { Translate } from '../i18n/translate.js';
import { commandWord, type CommandSpec, type Router } from './router.js';
import type { CommandTurn } from './turn.js';

export interface HelpCardData {
  readonly title: string;
  readonly whoami: string;
  readonly howto: string;
  readonly commands: ReadonlyArray<{ readonly word: string; readonly summary: string }>;
}

export function describeActor(
  actor: Actor,
  t: Translate,
  locale: 'ja' | 'en',
): { role: string; department: string } {
  const role = t(`role.${actor.role}`);
  const department = actor.department ? ` · ${actor.department.name[locale]}` : '';
  return { role, department };
}

/** Distinct help cards kept; a new one past this many forgets the oldest. */
const HELP_CARDS_KEPT = 256;

/** Help is generated from the route table: a user sees only what their role allows. */
export function helpCommand(router: () => Router): CommandSpec {
  // Rendering the template is most of a help turn. The card is fixed by the route
  // table, the language and the whoami line (name, role, department as of this
  // turn), so a directory change gives a new key rather than a stale card.
  const rendered = new Map<string, Card>();
  let renderedFor: Router | undefined;
  return {
    id: 'help',
    words: { ja: ['ヘルプ', '使い方', 'へるぷ', '?'], en: ['help', 'commands'] },
    summary: 'cmd.help',
    allowed: Audience.anyone,
    handle: async (turn: CommandTurn) => {
      const { role, department } = describeActor(turn.actor, turn.t, turn.locale);
      const title = turn.t('help.title');
      const whoami = turn.t('help.whoami', { name: turn.actor.displayName, role, department });
      const routes = router();
      if (renderedFor !== routes) {
        rendered.clear();
        renderedFor = routes;
      }
      const key = `${turn.locale}\0${turn.actor.role}\0${whoami}`;
      let card = rendered.get(key);
      if (!card) {
        const data: HelpCardData = {
          title,
          whoami,
          howto: turn.t('help.howto'),
          commands: routes.visibleTo(turn.actor.role).map((spec) => ({
            word: commandWord(spec, turn.locale),
            summary: turn.t(spec.summary),
          })),
        };
        card = frozenCard(renderCard('help', data));
        if (rendered.size >= HELP_CARDS_KEPT) {
          const oldest = rendered.keys().next();
          if (!oldest.done) rendered.delete(oldest.value);
        }
        rendered.set(key, card);
      }
      await turn.reply({ card, summary: title });
    },
  };
}

export const whoamiCommand: CommandSpec = {
  id: 'whoami',
  words: { ja: ['自分', '私は誰'], en: ['whoami', 'who am i'] },
  summary: 'cmd.whoami',
  allowed: Audience.anyone,
  handle: async (turn) => {
    if (turn.actor.role === 'guest') return turn.reply(turn.t('whoami.guest'));
    const { role, department } = describeActor(turn.actor, turn.t, turn.locale);
    await turn.reply(
      turn.t('whoami', {
        name: turn.actor.displayName,
        upn: turn.actor.upn ?? '-',
        role,
        department,
      }),
    );
  },
};

/** Unknown text: suggest the closest command word, or point to help. */
export function unknownTextFallback(router: () => Router) {
  return async (turn: CommandTurn): Promise<void> => {
    const text = turn.text.length > 40 ? `${turn.text.slice(0, 40)}…` : turn.text;
    const words = router()
      .visibleTo(turn.actor.role)
      .map((spec) => commandWord(spec, turn.locale));
    const suggestion = closest(turn.text.toLowerCase(), words);
    const help = turn.t('help.word');
    await turn.reply(
      suggestion
        ? turn.t('unknown.suggest', { text, suggestion })
        : turn.t('unknown', { text, help }),
    );
  };
}

/** The command word the text is a typo of (hlep → help), if any. */
export function commandTypo(router: () => Router) {
  return (turn: CommandTurn): string | undefined => {
    const words = router()
      .visibleTo(turn.actor.role)
      .map((spec) => commandWord(spec, turn.locale));
    return closest(turn.text.toLowerCase(), words);
  };
}

/** The word within edit distance 2 (or 1 for short words) of the text, if any. */
function closest(text: string, words: readonly string[]): string | undefined {
  let best: { word: string; distance: number } | undefined;
  for (const word of words) {
    const d = editDistance(text, word.toLowerCase());
    const limit = word.length <= 4 ? 1 : 2;
    if (d <= limit && (!best || d < best.distance)) best = { word, distance: d };
  }
  return best?.word;
}

/** Optimal string alignment distance: a swapped pair of letters ("hlep") counts as one typo. */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number) => d[i]?.[j] ?? 0;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, at(i - 2, j - 2) + 1);
      const row = d[i];
      if (row) row[j] = best;
    }
  }
  return at(a.length, b.length);
}
