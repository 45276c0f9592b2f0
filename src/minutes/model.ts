/**
 * What the reader finds in a 会議録 (minutes): the header, the speaker turns of
 * the 審議経過, and the drafts the secretariat reviews before anything is stored.
 * Plain data only: the reader never touches a store.
 */

export type DisclosureLevel = 'public' | 'closed' | 'partial';

export interface DisclosureRead {
  readonly level: DisclosureLevel;
  /** The reason written under the boxes, when the level is not public. */
  readonly reason?: string;
}

export interface Attendee {
  /** As written, without a 代理 note: 文化デザイン課長, 副区長（本部長）. */
  readonly name: string;
  /** Whom the attendee stands in for (代理): 文化商工部長. */
  readonly standsInFor?: string;
}

export interface AttendeeGroup {
  /** 部員, 事務局, 委員 … ('' when the minutes give no group). */
  readonly group: string;
  readonly people: readonly Attendee[];
}

export interface AgendaEntry {
  readonly number: number;
  readonly title: string;
}

export interface MaterialEntry {
  /** 資料1-1, as printed ('' when the minutes give no number). */
  readonly id: string;
  readonly title: string;
}

export interface MinutesHeader {
  readonly title: string;
  readonly secretariat: string;
  /** YYYY-MM-DD in the committee's time zone. */
  readonly date: string;
  /** HH:MM, local. */
  readonly start: string;
  readonly end: string;
  /** UTC instants of start and end. */
  readonly startsAt: string;
  readonly endsAt: string;
  readonly place: string;
  readonly agenda: readonly AgendaEntry[];
  readonly disclosure: {
    readonly meeting?: DisclosureRead;
    readonly minutes?: DisclosureRead;
  };
  readonly attendees: readonly AttendeeGroup[];
  readonly absentees: readonly Attendee[];
  readonly materials: readonly MaterialEntry[];
}

/** One speaker's turn of the 審議経過, page breaks and line wraps joined. */
export interface SpeakerTurn {
  readonly index: number;
  /** As written before the colon: 本部長, 事務局, 部員, 区民部長. */
  readonly speaker: string;
  readonly text: string;
}

/** Who owns a draft: a department id of the directory, or every department (各部). */
export type DraftOwner =
  | { readonly kind: 'department'; readonly departmentId: string }
  | { readonly kind: 'every' }
  | { readonly kind: 'unknown' };

/** A due as the sentence states it; 'unstated' is left for the secretariat to fill in. */
export type DraftDue =
  | { readonly kind: 'date'; readonly date: string }
  | { readonly kind: 'asap' }
  | { readonly kind: 'nextMeeting' }
  | { readonly kind: 'unstated' };

export interface DraftQuote {
  readonly speaker: string;
  readonly text: string;
  readonly turn: number;
}

export interface DraftItem {
  readonly owner: DraftOwner;
  /** A short title made from the request. */
  readonly title: string;
  readonly due: DraftDue;
  /** 「次回の本部で報告」 was asked besides the due. */
  readonly reportAtNextMeeting: boolean;
  /** The sentences the item comes from, in order (the first one is the request). */
  readonly quotes: readonly DraftQuote[];
}

export type PolicyStatusRead = 'approved' | 'conditional' | 'underReview' | 'notAllowed';
export type PolicyScopeRead = 'mayor' | 'education' | 'all';

export interface DraftPolicyChange {
  /** The current entry the statement is about; undefined when none matches. */
  readonly entryId?: string;
  readonly status: PolicyStatusRead;
  /** What the statement is about, as said: 「タブレット端末の庁内会議での利用」. */
  readonly about: string;
  readonly subjects: readonly string[];
  readonly scope?: PolicyScopeRead;
  /** YYYY-MM-DD the decision applies from, when stated. */
  readonly since?: string;
  readonly quote: DraftQuote;
}

export interface MinutesReading {
  readonly ok: true;
  readonly header: MinutesHeader;
  readonly turns: readonly SpeakerTurn[];
  readonly items: readonly DraftItem[];
  readonly policyChanges: readonly DraftPolicyChange[];
}

/** Why a text could not be read as minutes: which header fields were missing or unreadable. */
export interface NotMinutes {
  readonly ok: false;
  readonly missing: readonly (keyof MinutesHeader | 'proceedings')[];
}
