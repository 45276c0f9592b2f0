import type { PanelView } from '../extensions/panel-view.js';

export type { PanelItem, PanelView } from '../extensions/panel-view.js';

/** The side panel API's answer body (types only: the browser bundle imports this file). */
export type PanelAnswerBody = { readonly view: PanelView } | { readonly error: string };
