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
  /(?:宿題|しゅくだい|タスク|item|task|no\.?)\s*(?:の\s*)?(?:#|番号)?\s*(\d+)/i,
  /#\s*(\d+)/,
  /(\d+)\s*番(?:の宿題)?/,
];
const MEETING = [/第\s*(\d+)\s*回/, /(?:会議|meeting)\s*#?\s*(\d+)/i];
const SURVEY = [
  /(?:アンケート|アンケ|結果|集計|survey|results?)\s*#?\s*(\d+)/i,
  /(\d+)\s*(?:の結果)/,
];
const DAYS = /(\d+|[一二三四五六七八九十])\s*(日間?|days?|d|週間|weeks?|w)(?![a-z])/i;
const A_WEEK = /(?:^|\s|[^a-z])(?:a|one)\s+week(?![a-z])/i;
const PERSON = [
  /代理(?:は|で|として|に)?\s*[:：]?\s*(.+?)(?:さん)?(?:が|で|に)?(?:出ます|出席|参加|行きます|お願い|です|。|$)/,
  /(?:delegate(?: is| will be)?|deputy(?: is)?)\s*[:：]?\s*(?:the\s+)?(.+?)(?:\s+will\b.*)?$/i,
];
const NOTE =
  /(?:進捗報告|進捗|しんちょく|progress(?: note| report)?|update|理由|reason|because)\s*(?:on\s+(?:item\s*)?#?\d+\s*)?[:：\-は]?\s*(.+)$/is;
/** Words that say when, handed to the date parser as they stand. */
const DATE_PHRASES = [
  /(再来週|来週|今週|今月|来月)\s*(?:の\s*)?(?:[月火水木金土日](?:曜日?)?|中|末)?/,
  /月末|週末|明日|明後日|あさって|あした|\d+\s*日後/,
  /\d{1,2}\s*月\s*\d{1,2}\s*日|\d{1,2}\/\d{1,2}|\d{4}-\d{2}-\d{2}/,
  /(?:next|this)\s+(?:week|month|monday|tuesday|wednesday|thursday|friday)|tomorrow|end of (?:the )?month|in \d+ days/i,
];

function first(patterns: readonly RegExp[], text: string): string | undefined {
  for (const p of patterns) {
    const found = p.exec(text)?.[1];
    if (found) return found.trim();
  }
  return undefined;
}

function readDate(text: string, context: SlotContext): string | undefined {
  for (const pattern of DATE_PHRASES) {
    const phrase = pattern.exec(text)?.[0];
    if (!phrase) continue;
    const read = parseDateInput(phrase, { now: context.now, timeZone: context.timeZone });
    if (read.ok) {
      return new Intl.DateTimeFormat('en-CA', { timeZone: context.timeZone }).format(read.start);
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

/** Reads every slot a cleaned (NFKC) text carries. Absent slots stay absent. */
export function readSlots(text: string, context: SlotContext): Slots {
  const days = readDays(text);
  const slots: { -readonly [K in keyof Slots]: Slots[K] } = {};
  const item = number(first(ITEM, text));
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
  const person = first(PERSON, text);
  if (person && !/^(出席|参加|出ます|が出ます)$/.test(person)) slots.person = person;
  const note = NOTE.exec(text)?.[1]?.trim();
  if (note) slots.note = note;
  return slots;
}
