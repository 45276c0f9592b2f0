import type { Slots } from '../app/intent.js';
import type { Department } from '../domain/directory.js';
import { parseDateInput } from '../i18n/date-parser.js';

export interface SlotContext {
  readonly now: Date;
  readonly timeZone: string;
  readonly departments: readonly Department[];
}

const KANJI_DIGITS: Readonly<Record<string, number>> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
};

function number(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const n = KANJI_DIGITS[text] ?? Number(text);
  return Number.isInteger(n) && n > 0 && n < 100_000 ? n : undefined;
}

const ITEM = [
  /(?:宿題|しゅくだい|タスク|アクションアイテム|item|task|homework|to-?do|action item|no\.?)\s*(?:の\s*)?(?:#|番号)?\s*(\d+)/i,
  /#\s*(\d+)/,
  /(\d+)\s*番(?:の宿題)?/,
];
const MEETING = [
  /第\s*(\d+)\s*回/,
  /(?:会議|meeting)\s*#?\s*(\d+)/i,
  /(\d+)(?:st|nd|rd|th)\s+(?:hq\s+)?meeting/i,
];
const SURVEY = [
  /(?:アンケート|アンケ|結果|集計|survey|results?)\s*#?\s*(\d+)/i,
  /(\d+)\s*(?:の結果)/,
];
const DAYS = /(\d+|[一二三四五六七八九十])\s*(日間?|days?|d|週間|weeks?|w)(?![a-z])/i;
const A_WEEK = /(?:^|\s|[^a-z])(?:a|one)\s+week(?![a-z])/i;
/** "two weeks", "five days": English writes small numbers as words. */
const EN_NUMBERS: Readonly<Record<string, number>> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
};
const WORDED_DAYS =
  /(?<![a-z])(two|three|four|five|six|seven|eight|nine|ten)\s+(days?|weeks?)(?![a-z])/i;
/** Someone else attends: 代理, 代わり, proxy, deputy, instead, in my place. */
const DELEGATING =
  /代理|だいり|代わり|delegate|deputy|proxy|instead|in my place|stand in|for me|sending/i;
const PERSON = [
  // A title, in Japanese even inside English text: 文化デザイン課長, 総務課長, 危機管理監.
  /([^\s、。,.:：のがをにはでと]*?[一-龯ァ-ヶー][^\s、。,.:：のがをにはでと]*?(?:課長|部長|室長|係長|次長|所長|監))/,
  // An English title: the Culture Design Division head, Kodomo Wakamono kacho.
  /((?:[A-Z][A-Za-z-]*\s+)+(?:Division|Department|Section)\s+head)/,
  /((?:[A-Z][a-z]+\s+)+(?:kacho|bucho))/,
  /(?:delegate|deputy)\s*(?:is|will be)?\s*[:：]\s*(?:the\s+)?(.+?)$/i,
];
/**
 * What a note follows: a progress word (進捗, 途中経過, progress) or a reason for
 * not going on (理由, 対応できません, blocked). The note is the rest of the text.
 */
const NOTE_CUES = [
  /(?:理由は?|reason(?: is)?|because)/i,
  /(?:進捗報告|進捗メモ|進捗|しんちょく|途中経過|経過報告|進み具合)(?:です|を報告します|は)?/,
  /(?:ブロック中|詰まってます|無理です|対応困難です|対応できません|対応不可|進められない|着手できない状況です|止まってる|止まってます)/,
  /(?:progress(?: note| report)?(?: on)?|update(?: on)?|blocked|stuck|can't be done|unable to [a-z ]+|can't do this)(?:\s*(?:item\s*)?#?\d+)?/i,
];
/** Leading marks and words between the cue and the note. */
const NOTE_LEAD = /^(?:\s|[:：、。,.\-—]|の|を報告します|です|は)+/;
/** Words that say when, handed to the date parser as they stand. */
const DATE_PHRASES = [
  /(再来週|来週|今週|今月|来月)\s*(?:の\s*)?(?:[月火水木金土日](?:曜日?)?|中|末)?/,
  /月末|週末|明日|明後日|あさって|あした|\d+\s*日後/,
  /\d{1,2}\s*月\s*\d{1,2}\s*日|\d{1,2}\/\d{1,2}|\d{4}-\d{2}-\d{2}/,
  /(?:next|this)\s+(?:week|month|monday|tuesday|wednesday|thursday|friday)|tomorrow|end of (?:the )?month|in \d+ days/i,
  /(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+\d{1,2}/i,
];

function first(patterns: readonly RegExp[], text: string): string | undefined {
  for (const p of patterns) {
    const found = p.exec(text)?.[1];
    if (found) return found.trim();
  }
  return undefined;
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** YYYY-MM-DD in a zone; formatters are costly to build, so one per zone is kept. */
function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dayFormats.get(timeZone);
  if (!format) dayFormats.set(timeZone, (format = new Intl.DateTimeFormat('en-CA', { timeZone })));
  return format;
}

function readDate(text: string, context: SlotContext): string | undefined {
  for (const pattern of DATE_PHRASES) {
    const phrase = pattern.exec(text)?.[0];
    if (!phrase) continue;
    const read = parseDateInput(phrase, { now: context.now, timeZone: context.timeZone });
    if (read.ok) {
      return dayFormat(context.timeZone).format(read.start);
    }
  }
  return undefined;
}

function readDays(text: string): number | undefined {
  const found = DAYS.exec(text);
  if (found) {
    const amount = number(found[1]);
    if (amount === undefined) return undefined;
    return /^(週間|weeks?|w)$/i.test(found[2] ?? '') ? amount * 7 : amount;
  }
  const worded = WORDED_DAYS.exec(text);
  if (worded) {
    const amount = EN_NUMBERS[(worded[1] ?? '').toLowerCase()] ?? 0;
    return /^weeks?$/i.test(worded[2] ?? '') ? amount * 7 : amount;
  }
  return A_WEEK.test(text) ? 7 : undefined;
}

function readDepartment(text: string, departments: readonly Department[]): string | undefined {
  const lower = text.toLowerCase();
  let best: { id: string; length: number } | undefined;
  for (const d of departments) {
    for (const name of [d.name.ja, d.name.en.toLowerCase()]) {
      if (name.length > 1 && lower.includes(name) && (!best || name.length > best.length))
        best = { id: d.id, length: name.length };
    }
  }
  return best?.id;
}

function readNote(text: string): string | undefined {
  for (const cue of NOTE_CUES) {
    const found = cue.exec(text);
    if (!found) continue;
    const rest = text
      .slice(found.index + found[0].length)
      .replace(/^\s*(?:宿題|item)?\s*#?\d+/i, '')
      .replace(NOTE_LEAD, '')
      .trim();
    if (rest) return rest;
  }
  return undefined;
}

/** The number of the item a text names (宿題3, item 3, #3), if it names one. */
export function itemNumberIn(input: string): number | undefined {
  return number(first(ITEM, input.normalize('NFKC')));
}

/** Reads every slot a text carries (full-width digits read as digits). Absent slots stay absent. */
export function readSlots(input: string, context: SlotContext): Slots {
  const text = input.normalize('NFKC');
  const days = readDays(text);
  const slots: { -readonly [K in keyof Slots]: Slots[K] } = {};
  const item = itemNumberIn(text);
  if (item !== undefined) slots.itemNumber = item;
  const meeting = number(first(MEETING, text));
  if (meeting !== undefined) slots.meetingNumber = meeting;
  const survey = number(first(SURVEY, text));
  if (survey !== undefined) slots.surveyNumber = survey;
  if (days !== undefined) slots.days = days;
  const date = readDate(text, context);
  if (date) slots.date = date;
  const department = readDepartment(text, context.departments);
  if (department) slots.departmentId = department;
  const person = DELEGATING.test(text) ? first(PERSON, text) : undefined;
  if (person) slots.person = person;
  const note = readNote(text);
  if (note) slots.note = note;
  return slots;
}
