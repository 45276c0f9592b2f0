import { DateTime } from 'luxon';
import { parseDateInput } from '../i18n/date-parser.js';
import { cellsOf, compact, tidy } from './layout.js';
import type {
  AgendaEntry,
  Attendee,
  AttendeeGroup,
  DisclosureLevel,
  DisclosureRead,
  MaterialEntry,
  MinutesHeader,
} from './model.js';
import { looksLikeList, type SectionKind } from './sections.js';

type Sections = ReadonlyMap<SectionKind, readonly string[]>;

/** The text of a one-value section (title, place …): its non-empty lines, joined. */
function valueOf(sections: Sections, kind: SectionKind): string {
  const lines = (sections.get(kind) ?? []).map((l) => tidy(cellsOf(l).join(' '))).filter(Boolean);
  return lines.join(' ');
}

export interface When {
  readonly date: string;
  readonly start: string;
  readonly end: string;
  readonly startsAt: string;
  readonly endsAt: string;
}

/**
 * 令和2年8月3日（月）午後3時03分～午後3時55分, through the project's date reader.
 * An end written without 午前/午後 takes the start's; a weekday that does not
 * match is left out rather than losing the date.
 */
export function readWhen(value: string, timeZone: string): When | undefined {
  const text = value
    .normalize('NFKC')
    .replace(/[\s]+/gu, ' ')
    // 正午 is noon; the date reader knows 午後0時.
    .replace(/正午/gu, '午後0時')
    .trim();
  const day =
    /((?:令和|平成|昭和|R|H)\s*(?:元|\d{1,2})\s*[年.]\s*\d{1,2}\s*[月.]\s*\d{1,2}\s*日?|\d{4}\s*[年/.-]\s*\d{1,2}\s*[月/.-]\s*\d{1,2}\s*日?)\s*(\([^)]*\))?/u.exec(
      text,
    );
  if (!day) return undefined;
  const after = text.slice((day.index ?? 0) + day[0].length);
  const times =
    /((?:午前|午後)?\s*\d{1,2}\s*(?:時\s*(?:\d{1,2}\s*分|半)?|:\d{2}))\s*(?:~|〜|-|–|—|から)\s*((?:午前|午後)?\s*\d{1,2}\s*(?:時\s*(?:\d{1,2}\s*分|半)?|:\d{2}))/u.exec(
      after,
    );
  const startTime =
    times?.[1] ?? /(?:午前|午後)?\s*\d{1,2}\s*(?:時\s*(?:\d{1,2}\s*分)?|:\d{2})/u.exec(after)?.[0];
  let endTime = times?.[2];
  const meridiem = /^(午前|午後)/u.exec(startTime ?? '')?.[1];
  if (endTime && meridiem && !/^(午前|午後)/u.test(endTime)) endTime = `${meridiem}${endTime}`;
  const range = `${startTime ?? ''}${endTime ? `~${endTime}` : ''}`;
  const now = new Date(0);
  for (const dayText of [`${day[1]}${day[2] ?? ''}`, day[1] ?? '']) {
    const read = parseDateInput(`${dayText} ${range}`.trim(), { now, timeZone });
    if (!read.ok) continue;
    const start = DateTime.fromJSDate(read.start, { zone: timeZone });
    const end = read.end ? DateTime.fromJSDate(read.end, { zone: timeZone }) : start;
    return {
      date: start.toISODate() ?? '',
      start: read.hasTime ? start.toFormat('HH:mm') : '',
      end: read.end ? end.toFormat('HH:mm') : '',
      startsAt: read.start.toISOString(),
      endsAt: (read.end ?? read.start).toISOString(),
    };
  }
  return undefined;
}

const NUMBER_MARK = /[（(]\s*([0-9０-９]+|[一二三四五六七八九十]+)\s*[）)]|([①-⑳])/gu;

/** 議題: （1）… （2）…, on one line or several; without numbers, one line is one item. */
export function readAgenda(lines: readonly string[]): AgendaEntry[] {
  const text = lines
    .map((l) => tidy(cellsOf(l).join(' ')))
    .filter(Boolean)
    .join('\n');
  const marks = [...text.matchAll(NUMBER_MARK)];
  const titles: string[] = [];
  if (marks.length > 0) {
    marks.forEach((mark, i) => {
      const from = (mark.index ?? 0) + mark[0].length;
      const to = marks[i + 1]?.index ?? text.length;
      titles.push(cutTrailingCategory(text.slice(from, to)));
    });
  } else {
    for (const line of text.split('\n')) {
      const title = line
        .replace(/^([0-9０-９]+(?:[.．、)）]|[\s\u3000])|[・･\-*])[\s\u3000]*/u, '')
        .trim();
      if (title) titles.push(title);
    }
  }
  return titles.filter(Boolean).map((title, i) => ({ number: i + 1, title }));
}

/** "…について 報告事項" : a category word before the next number belongs to that number. */
function cutTrailingCategory(text: string): string {
  return tidy(text.replace(/\n/gu, ' '))
    .replace(
      // Only after a title: 「（2）その他」 is an item of its own.
      /(?<=\S)[\s\u3000]+(議案|報告事項|協議事項|審議事項|その他|議題|報告|協議)[\s\u3000]*[:：]?$/u,
      '',
    )
    .replace(/[、,]$/u, '')
    .trim();
}

const LEVELS: ReadonlyArray<readonly [RegExp, DisclosureLevel]> = [
  [/一部非公開/u, 'partial'],
  [/非公開/u, 'closed'],
  [/公開/u, 'public'],
];

/** The checked box's level: ☑ 非公開, or the only level written when there are no boxes. */
function checkedLevel(text: string): DisclosureLevel | undefined {
  const checked = /[☑✔✓●◉][\s\u3000]*(一部非公開|非公開|公開)/u.exec(text);
  if (checked) return levelOf(checked[1] ?? '');
  if (/[☐○◯]/u.test(text)) return undefined;
  const bare = text.replace(/非公開・一部非公開の場合[^\n]*/gu, '').replace(/理由.*$/u, '');
  const words = bare.match(/一部非公開|非公開|公開/gu) ?? [];
  return words.length === 1 ? levelOf(words[0] ?? '') : undefined;
}

function levelOf(word: string): DisclosureLevel | undefined {
  return LEVELS.find(([pattern]) => pattern.test(word))?.[1];
}

/**
 * 公開の可否: a 会議 part and a 会議録 part, each with its boxes and, under
 * them, 「…その理由 …」. A line naming neither continues the part above it.
 */
export function readDisclosure(lines: readonly string[]): MinutesHeader['disclosure'] {
  const parts: Record<'meeting' | 'minutes', string[]> = { meeting: [], minutes: [] };
  let target: 'meeting' | 'minutes' = 'meeting';
  for (const line of lines) {
    for (const cell of cellsOf(line)) {
      const head =
        /^(会[\s\u3000]*議[\s\u3000]*録|会[\s\u3000]*議)(?:の公開)?[\s\u3000]*[：:]?[\s\u3000]*/u.exec(
          cell,
        );
      if (head) {
        target = compact(head[1] ?? '') === '会議録' ? 'minutes' : 'meeting';
        const rest = cell.slice(head[0].length);
        if (rest) parts[target].push(rest);
        continue;
      }
      parts[target].push(cell);
    }
  }
  const read = (texts: readonly string[]): DisclosureRead | undefined => {
    const text = texts.join('\n');
    const level = checkedLevel(text);
    if (!level) return undefined;
    const flat = text.replace(/\n/gu, ' ');
    // 「非公開（意思決定過程にある案件を扱うため）」: the reason in brackets after the level.
    const reason =
      /理由[\s\u3000]*[はがとして：:]*[\s\u3000]*(.+)/u.exec(flat)?.[1] ??
      /非公開[\s\u3000]*[（(]([^）)]+)[）)]/u.exec(flat)?.[1];
    const cleaned = reason ? tidy(reason).replace(/^[（(]|[）)]$/gu, '') : '';
    return level === 'public' || !cleaned ? { level } : { level, reason: cleaned };
  };
  const meeting = read(parts.meeting);
  const minutes = read(parts.minutes);
  return { ...(meeting ? { meeting } : {}), ...(minutes ? { minutes } : {}) };
}

/** 文化デザイン課長（文化商工部長代理） → the attendee and whom they stand in for. */
export function readAttendee(written: string): Attendee {
  const name = tidy(written);
  const delegate = /^(.+?)[（(]([^）)]+?)(?:の)?代理[）)]$/u.exec(name);
  if (delegate)
    return { name: (delegate[1] ?? '').trim(), standsInFor: (delegate[2] ?? '').trim() };
  return { name };
}

/** Splits at 、 and commas, never inside brackets. */
function splitNames(text: string): string[] {
  const names: string[] = [];
  let depth = 0;
  let currentName = '';
  for (const c of text) {
    if ('（(「'.includes(c)) depth += 1;
    if ('）)」'.includes(c)) depth = Math.max(0, depth - 1);
    if (depth === 0 && '、，,'.includes(c)) {
      names.push(currentName);
      currentName = '';
      continue;
    }
    currentName += c;
  }
  names.push(currentName);
  return names.map((n) => tidy(n)).filter((n) => n !== '' && !/^(なし|無し|ー|－|-)$/u.test(n));
}

/** 出席者: a group cell (部員, 事務局) and a list cell per row; rows with no group continue the last one. */
export function readAttendees(lines: readonly string[]): AttendeeGroup[] {
  const groups: Array<{ group: string; people: Attendee[] }> = [];
  for (const line of lines) {
    let cells = cellsOf(line);
    if (cells.length === 0) continue;
    const colon =
      cells.length === 1 ? /^([^：:、，,]{1,10})[：:](.+)$/u.exec(cells[0] ?? '') : null;
    // 「部員：A、B」 or 「部員 A、B」 in one cell: the group word, then the list.
    const spaced =
      cells.length === 1
        ? /^([^\s\u3000：:、，,]{1,6})[\s\u3000]+(.+[、，,].+)$/u.exec(cells[0] ?? '')
        : null;
    // 「（本部員）区長（本部長）、…」「【事務局】…」: the group in brackets before the list.
    const bracketed =
      cells.length === 1
        ? /^[（(【〔［]([^）)】〕］、，,]{1,8})[）)】〕］][\s\u3000]*(.+)$/u.exec(cells[0] ?? '')
        : null;
    const split = bracketed ?? colon ?? spaced;
    if (split) cells = [split[1] ?? '', split[2] ?? ''];
    let group: string | undefined;
    if (
      cells.length >= 2 &&
      !looksLikeList(cells[0] ?? '') &&
      compact(cells[0] ?? '').length <= 10
    ) {
      group = compact(cells.shift() ?? '');
    }
    const people = cells.flatMap((c) => splitNames(c)).map(readAttendee);
    if (group !== undefined || groups.length === 0) groups.push({ group: group ?? '', people });
    else groups[groups.length - 1]?.people.push(...people);
  }
  return groups.filter((g) => g.people.length > 0);
}

/** 提出された資料等: 資料1-1：title 資料1-2：title …, on one line or several. */
export function readMaterials(lines: readonly string[]): MaterialEntry[] {
  const text = lines.map((l) => cellsOf(l).join(' ')).join('\n');
  const marks = [
    ...text.matchAll(
      /資料[\s\u3000]*([0-9０-９]+(?:[\s\u3000]*[-－‐―−の][\s\u3000]*[0-9０-９]+)?)/gu,
    ),
  ];
  if (marks.length === 0) {
    return text
      .split('\n')
      .map((l) => tidy(l.replace(/^[・･\-*]/u, '')))
      .filter(Boolean)
      .map((title) => ({ id: '', title }));
  }
  return marks.map((mark, i) => {
    const from = (mark.index ?? 0) + mark[0].length;
    const to = marks[i + 1]?.index ?? text.length;
    const id = `資料${compact(mark[1] ?? '')
      .normalize('NFKC')
      .replace(/[－‐―−]/gu, '-')}`;
    const title = tidy(text.slice(from, to).replace(/\n/gu, ' '))
      .replace(/^[：:\s\u3000]+/u, '')
      // The next line's bullet (・資料2) is not part of this title.
      .replace(/[\s\u3000・･*、，,-]+$/u, '');
    return { id, title };
  });
}

export interface HeaderRead {
  readonly header: MinutesHeader;
  readonly missing: readonly (keyof MinutesHeader)[];
}

/** 「令和6年度第2回…本部会議 会議録」 above a form without a name row: the name it gives. */
function titleOfHeading(heading: string): string {
  const title = tidy(
    heading.replace(/[\s\u3000]*(?:会議録|議事録|会議要旨|議事要旨|要点記録)[\s\u3000]*$/u, ''),
  );
  return title === heading.trim() ? '' : title;
}

export function readHeader(sections: Sections, timeZone: string): HeaderRead {
  const when = readWhen(valueOf(sections, 'datetime'), timeZone);
  const header: MinutesHeader = {
    title: valueOf(sections, 'title') || titleOfHeading(valueOf(sections, 'heading')),
    secretariat: valueOf(sections, 'secretariat'),
    date: when?.date ?? '',
    start: when?.start ?? '',
    end: when?.end ?? '',
    startsAt: when?.startsAt ?? '',
    endsAt: when?.endsAt ?? '',
    place: valueOf(sections, 'place'),
    agenda: readAgenda(sections.get('agenda') ?? []),
    disclosure: readDisclosure(sections.get('disclosure') ?? []),
    attendees: readAttendees(sections.get('attendees') ?? []),
    absentees: readAttendees(sections.get('absentees') ?? []).flatMap((g) => g.people),
    materials: readMaterials(sections.get('materials') ?? []),
  };
  const missing: (keyof MinutesHeader)[] = [];
  if (!header.title) missing.push('title');
  if (!header.date) missing.push('date');
  return { header, missing };
}
