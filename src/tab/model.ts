/**
 * What the dashboard API returns and the tab renders. The server builds it
 * already translated and formatted; the page only lays it out, so adding a
 * section never needs new browser code. Types only: the browser bundle
 * imports this file too.
 */
export type Tone = 'neutral' | 'good' | 'warning' | 'alert';

export interface Badge {
  readonly text: string;
  readonly tone: Tone;
}

/** Label/value pairs, e.g. a meeting's date and place. */
export interface FactsBlock {
  readonly kind: 'facts';
  readonly facts: ReadonlyArray<{ readonly label: string; readonly value: string }>;
}

/** Titled entries with optional badge and detail lines, e.g. meetings with their agenda, policies. */
export interface ListBlock {
  readonly kind: 'list';
  readonly items: ReadonlyArray<{
    readonly title: string;
    readonly badge?: Badge;
    readonly lines: readonly string[];
  }>;
}

/** A data table with a caption (read out by screen readers). */
export interface TableBlock {
  readonly kind: 'table';
  readonly caption: string;
  readonly columns: readonly string[];
  readonly rows: ReadonlyArray<{
    readonly cells: ReadonlyArray<{ readonly text: string; readonly badge?: Badge }>;
  }>;
}

/** "x of y done", with who is done and who is missing, e.g. a survey's answered departments. */
export interface ProgressBlock {
  readonly kind: 'progress';
  readonly label: string;
  readonly done: number;
  readonly total: number;
  readonly groups: ReadonlyArray<{ readonly label: string; readonly values: readonly string[] }>;
}

/** A horizontal bar chart; `display` is the value as the reader sees it. */
export interface BarsBlock {
  readonly kind: 'bars';
  readonly caption: string;
  readonly bars: ReadonlyArray<{
    readonly label: string;
    readonly value: number;
    readonly display: string;
  }>;
}

/** A board: one row per lane (e.g. department), one column per stage (e.g. status), cards in cells. */
export interface BoardBlock {
  readonly kind: 'board';
  readonly caption: string;
  readonly columns: readonly string[];
  /** The columns' bare names (no totals), to label a lane's cells when the columns stack on a phone. */
  readonly stages?: readonly string[];
  readonly lanes: ReadonlyArray<{
    readonly label: string;
    readonly cells: ReadonlyArray<
      ReadonlyArray<{ readonly title: string; readonly detail?: string; readonly badge?: Badge }>
    >;
  }>;
}

export type Block = FactsBlock | ListBlock | TableBlock | ProgressBlock | BarsBlock | BoardBlock;

export interface SectionView {
  readonly id: string;
  readonly title: string;
  /** empty: nothing to show now (the message says so). */
  readonly state: 'ready' | 'empty';
  readonly blocks: readonly Block[];
  readonly message?: string;
}

export interface DashboardView {
  readonly locale: 'ja' | 'en';
  readonly title: string;
  /** "区民部長 さん（部員 · 区民部）" */
  readonly viewer: string;
  readonly updated: string;
  /** Chair and secretariat may narrow the dashboard to one department. */
  readonly departmentFilter?: {
    readonly label: string;
    readonly allLabel: string;
    readonly selected: string;
    readonly options: ReadonlyArray<{ readonly id: string; readonly label: string }>;
  };
  readonly sections: readonly SectionView[];
}

/** A person the development sign-in offers (only when TAB_DEV_SIGNIN=true). */
export interface DevSignInPerson {
  readonly upn: string;
  readonly label: string;
}
