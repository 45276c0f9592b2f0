import type { Translate } from '../i18n/translate.js';
import { disclosureText } from './cards.js';
import type { Meeting } from './meeting.js';

/**
 * A meeting as an iCalendar file (RFC 5545) that Outlook and Teams open as an
 * appointment: one VEVENT with a stable UID, a SEQUENCE that grows with each
 * change (so a re-imported file updates the appointment), times in UTC,
 * escaped text, CRLF line endings and lines folded at 75 octets.
 */
export function meetingToIcs(meeting: Meeting, options: { now: Date; t: Translate }): string {
  const { t } = options;
  const description = [
    t('meeting.agenda'),
    ...meeting.agenda.map((item) =>
      t('meeting.agendaItem', { number: item.number, title: item.title }),
    ),
    '',
    t('meeting.materials'),
    ...meeting.materials.map((m) => [m.id, m.title, m.url].filter(Boolean).join(' ')),
    '',
    `${t('meeting.disclosure.meeting')}: ${disclosureText(meeting.disclosure.meeting, t)}`,
    `${t('meeting.disclosure.minutes')}: ${disclosureText(meeting.disclosure.minutes, t)}`,
  ].join('\n');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Honbu//Meetings//JA',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${meeting.id}@honbu`,
    `SEQUENCE:${meeting.revision}`,
    `DTSTAMP:${utc(options.now)}`,
    `LAST-MODIFIED:${utc(new Date(meeting.updatedAt))}`,
    `DTSTART:${utc(new Date(meeting.startsAt))}`,
    `DTEND:${utc(new Date(meeting.endsAt))}`,
    `SUMMARY:${escapeText(meeting.title)}`,
    ...(meeting.place ? [`LOCATION:${escapeText(meeting.place)}`] : []),
    `DESCRIPTION:${escapeText(description)}`,
    `STATUS:${meeting.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'}`,
    'TRANSP:OPAQUE',
    // Outlook shows the time as busy only with its own property.
    'X-MICROSOFT-CDO-BUSYSTATUS:BUSY',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(fold).join('\r\n') + '\r\n';
}

/** 20261214T060000Z */
function utc(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/** TEXT values: backslash, semicolon, comma and newline are escaped (RFC 5545 §3.3.11). */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r?\n/g, '\\n');
}

const encoder = new TextEncoder();

/**
 * Folds a content line so no physical line exceeds 75 octets (RFC 5545 §3.1);
 * a continuation starts with one space. Multi-byte characters are never split.
 */
export function fold(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}
