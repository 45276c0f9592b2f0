import type { ExtensionDeps } from './deps.js';
import { ItemFromMessage } from './item-form.js';
import { LinkPreviews } from './link-preview.js';
import { MeetingChat } from './meeting-chat.js';
import { MeetingPanel } from './meeting-panel.js';
import { PolicySearch } from './policy-search.js';

export type { ExtensionDeps, ExtensionTurn } from './deps.js';
export type { SearchResult } from './policy-search.js';
export type { SourceMessage, TaskStep } from './item-form.js';
export type { LinkPreview } from './link-preview.js';
export type { TeamsMeetingEvent } from './meeting-chat.js';
export type { PanelAnswer } from './meeting-panel.js';
export type { PanelItem, PanelView } from './panel-view.js';

/** The compose-box and message-menu commands, by the ids manifest/manifest.json gives them. */
export const EXTENSION_COMMANDS = {
  policySearch: 'policySearch',
  itemFromMessage: 'itemFromMessage',
  newItem: 'newItem',
} as const;

/**
 * Honbu where the conversation already is: the policy search in every
 * compose box, "make this an action item" on any message, previews of
 * Honbu's own links, and the committee's Teams meeting chat.
 */
export interface Extensions {
  readonly policySearch: PolicySearch;
  readonly itemForm: ItemFromMessage;
  readonly linkPreviews: LinkPreviews;
  readonly meetingChat: MeetingChat;
  readonly meetingPanel: MeetingPanel;
}

export function createExtensions(deps: ExtensionDeps): Extensions {
  const meetingChat = new MeetingChat(deps);
  return {
    policySearch: new PolicySearch(deps),
    itemForm: new ItemFromMessage(deps),
    linkPreviews: new LinkPreviews(deps),
    meetingChat,
    meetingPanel: new MeetingPanel(deps, meetingChat),
  };
}
