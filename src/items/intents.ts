import type { IntentSpec, IntentTurn } from '../app/intent.js';
import type { Routes } from '../app/router.js';
import type { ItemUses } from './deps.js';
import { Audience } from '../domain/roles.js';
import { commandIntent, runCommand, showIntent } from '../understanding/reuse.js';

/** A snooze with no length given («延期して») asks for a week, the usual pause. */
const DEFAULT_SNOOZE_DAYS = 7;
const DAY_MS = 86_400_000;
/** The list filter word for late items (宿題一覧 期限切れ). */
const OVERDUE_WORD = '期限切れ';

/**
 * Action items in words. The word replies (完了, 進捗, 延期, 対応不可, 再開) do
 * the work; an intent only supplies the item number and the note or length
 * that the person wrote in their own way.
 */
export function itemIntents(services: ItemUses, router: Routes): IntentSpec[] {
  const groupsOf = (turn: IntentTurn, extra: Record<string, string> = {}) => {
    const n = turn.slots.itemNumber;
    return { ...(n !== undefined ? { n: String(n) } : {}), ...extra };
  };
  const reply = (
    id: 'items.done' | 'items.progress' | 'items.snooze' | 'items.blocked' | 'items.reopen',
    kind: string,
    extra: (turn: IntentTurn) => Record<string, string>,
  ): IntentSpec =>
    commandIntent(router, id, `item.reply.${kind}`, Audience.directory, {
      followsUp: 'item',
      groups: (turn) => groupsOf(turn, extra(turn)),
    });
  /** Days from today to the date read, or the length written, or a week. */
  const snoozeDays = (turn: IntentTurn): number => {
    if (turn.slots.days !== undefined) return turn.slots.days;
    if (turn.slots.date) {
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: services.config.timeZone }).format(
        services.clock.now(),
      );
      const days = Math.round((Date.parse(turn.slots.date) - Date.parse(today)) / DAY_MS);
      if (days > 0) return days;
    }
    return DEFAULT_SNOOZE_DAYS;
  };

  return [
    commandIntent(router, 'items.mine', 'item.mine', Audience.directory),
    showIntent(router, 'items.show', 'item', { show: 'item.show', otherwise: 'item.mine' }),
    reply('items.done', 'done', () => ({})),
    reply('items.progress', 'progress', (turn) => ({ text: turn.slots.note ?? turn.text })),
    reply('items.snooze', 'snooze', (turn) => ({ days: String(snoozeDays(turn)), unit: '日' })),
    reply('items.blocked', 'block', (turn) => ({ text: turn.slots.note ?? turn.text })),
    reply('items.reopen', 'reopen', (turn) => ({ text: turn.slots.note ?? '' })),
    {
      id: 'items.overdue',
      allowed: Audience.directory,
      label: 'intent.items.overdue',
      handle: async (turn) => {
        // The staff see every department's late items; a department its own.
        const staff = turn.actor.role === 'chair' || turn.actor.role === 'secretariat';
        const department = turn.slots.departmentId ?? '';
        await runCommand(
          router,
          turn,
          staff ? 'item.list' : 'item.mine',
          staff ? `${OVERDUE_WORD} ${department}`.trim() : '',
        );
      },
    },
    // A department named in the text narrows the list, as 宿題一覧 総務部 does.
    commandIntent(router, 'items.list', 'item.list', Audience.staff, {
      args: (turn) => turn.slots.departmentId ?? '',
    }),
  ];
}
