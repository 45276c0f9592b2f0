import type { ActionSpec, CommandSpec } from '../app/router.js';
import type { ItemUses } from './deps.js';
import { browseActions, browseCommands, reportCommand } from './lists.js';
import { ownerActions, wordReplies } from './replies.js';
import { secretariatCommands } from './secretariat.js';
import { secretariatActions } from './secretariat-verbs.js';

/**
 * Text commands for action items. Everyone in the directory: 自分の宿題 / my items,
 * 宿題 #5 / item #5, and the word replies (完了, 進捗: …, 3日延期, 対応中, 対応不可: …, 再開).
 * Chair and secretariat: 宿題一覧 / items (filters), 宿題作成, 宿題一括作成, 宿題編集,
 * 担当変更, 宿題取消, 宿題再開, 宿題報告 (the summary for a meeting's agenda).
 */
export function itemCommands(services: ItemUses): CommandSpec[] {
  return [
    ...browseCommands(services),
    ...secretariatCommands(services),
    reportCommand(services),
    ...wordReplies(services),
  ];
}

/** Card verbs: the owner's buttons, detail, list filters, and the secretariat's forms. */
export function itemActions(services: ItemUses): ActionSpec[] {
  return [...ownerActions(services), ...browseActions(services), ...secretariatActions(services)];
}
