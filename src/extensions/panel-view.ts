/**
 * What the meeting side panel shows, already translated and formatted (types
 * only, no imports: the panel's browser bundle imports this file too).
 */

/** One action item as the side panel lists it (already translated). */
export interface PanelItem {
  readonly id: string;
  readonly heading: string;
  readonly facts: string;
  readonly status: string;
  readonly tone: 'neutral' | 'good' | 'warning' | 'alert';
  readonly reported: boolean;
  /** The owner (or the chair and secretariat) may mark it reported at this meeting. */
  readonly canReport: boolean;
}

/** What the meeting side panel shows: the agenda and the items reported at this meeting. */
export interface PanelView {
  readonly title: string;
  readonly when: string;
  readonly agendaHeading: string;
  readonly agenda: readonly string[];
  readonly itemsHeading: string;
  readonly items: readonly PanelItem[];
  readonly empty: string;
  readonly reportLabel: string;
  readonly reportedLabel: string;
  readonly notice?: string;
}
