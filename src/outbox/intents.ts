import type { IntentSpec } from '../app/intent.js';
import type { Routes } from '../app/router.js';
import { Audience } from '../domain/roles.js';
import { commandIntent } from '../understanding/reuse.js';

/**
 * 「これから何を送る？」 "what reminders go out this week?": the outbox card,
 * answered exactly as the 送信予定 command answers it, for the staff only.
 */
export function outboxIntents(router: Routes): IntentSpec[] {
  return [
    // The outbox's own name (送信予定 / Scheduled) is the button's label.
    commandIntent(
      router,
      { id: 'outbox.list', label: 'tab.outbox.title' },
      'outbox',
      Audience.staff,
    ),
  ];
}
