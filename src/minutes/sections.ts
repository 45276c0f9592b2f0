import { BLANK, cellsOf, cleanLine, compact, normaliseBoxes, spaced } from './layout.js';
import { speakerLine } from './speakers.js';

/** The parts of a 会議録 the reader knows, in the order the city's form has them. */
export type SectionKind =
  /** The line above the form: 「令和6年度第2回…本部会議 会議録」. */
  | 'heading'
  | 'title'
  | 'secretariat'
  | 'datetime'
  | 'place'
  | 'agenda'
  | 'disclosure'
  | 'attendees'
  | 'absentees'
  | 'proceedings'
  | 'materials';

/** Labels as secretariats write them; the longest wins, so 会議体の名称 beats 名称. */
const LABELS: ReadonlyArray<readonly [SectionKind, readonly string[]]> = [
  [
    'title',
    [
      '附属機関又は会議体の名称',
      '会議体の名称',
      '会議の名称',
      '会議名称',
      '会議名',
      '件名',
      '名称',
    ],
  ],
  ['secretariat', ['事務局（担当課）', '担当課', '所管課', '事務局']],
  ['datetime', ['開催日時', '日時', '開催日']],
  ['place', ['開催場所', '場所', '会場']],
  ['agenda', ['議題', '議事', '案件', '次第']],
  [
    'disclosure',
    [
      '公開の可否',
      '会議の公開',
      '公開・非公開',
      '会議の公開・非公開',
      '公開・非公開の別',
      '公開の別',
    ],
  ],
  ['attendees', ['出席者', '出席委員', '出席部員']],
  ['absentees', ['欠席者', '欠席委員', '欠席部員']],
  [
    'proceedings',
    [
      '審議経過',
      '議事経過',
      '会議経過',
      '審議の経過',
      '議事の経過',
      '審議内容',
      '会議の経過',
      '審議概要',
      '審議の概要',
      '議事概要',
      '議事要旨',
      '会議内容',
      '会議の内容',
    ],
  ],
  ['materials', ['提出された資料等', '提出された資料', '提出資料', '配付資料', '配布資料']],
];

const LABEL_PATTERNS = LABELS.map(([kind, labels]) => {
  const alternatives = [...labels]
    .map((l) => compact(l))
    .sort((a, b) => b.length - a.length)
    .map(spaced)
    .join('|');
  // A label stands alone in its cell: blanks, a colon, a bracket or the end follow it.
  return [
    kind,
    new RegExp(`^${BLANK}*(?:${alternatives})(?=$|${BLANK}|[：:（(【［\\t])`, 'u'),
  ] as const;
});

const ROW_NUMBER =
  /^[\s\u3000]*(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,2}|[（(][0-9０-９]{1,2}[）)])[\s\u3000.．、)）]+/u;

export interface LabelledLine {
  readonly kind: SectionKind;
  /** What follows the label on the same line, without the separator. */
  readonly rest: string;
}

/** The section label a line opens with, if any. */
export function labelOf(raw: string): LabelledLine | undefined {
  // 「１ 会議名称」「（２）日時」: forms that number their rows.
  const line = raw.replace(ROW_NUMBER, '');
  let best: { kind: SectionKind; length: number } | undefined;
  for (const [kind, pattern] of LABEL_PATTERNS) {
    const found = pattern.exec(line);
    if (found && (!best || found[0].length > best.length)) best = { kind, length: found[0].length };
  }
  if (!best) return bareMaterials(line);
  const rest = line.slice(best.length).replace(/^[\s\u3000]*[：:]?[\s\u3000]*/u, '');
  return { kind: best.kind, rest };
}

/** 「資料」「資料等：」 alone on a line heads the list of materials; 「資料1により説明」 does not. */
function bareMaterials(line: string): LabelledLine | undefined {
  return new RegExp(`^${BLANK}*(?:会議)?資料(?:等|一覧)?${BLANK}*[：:]?${BLANK}*$`, 'u').test(line)
    ? { kind: 'materials', rest: '' }
    : undefined;
}

export interface Layout {
  /** Lines of each header section: the rest of the label's line first, then the lines under it. */
  readonly sections: ReadonlyMap<SectionKind, readonly string[]>;
  /** The lines of the 審議経過, in order, page headings left out. */
  readonly body: readonly string[];
}

/** Groups of attendees inside 出席者 are not the 事務局 label of the header. */
const GROUP_SECTIONS: ReadonlySet<SectionKind> = new Set(['attendees', 'absentees']);

/** A "部員：A、B、C" row of an attendance list, not somebody speaking. */
export function looksLikeList(text: string): boolean {
  const parts = text.split(/[、，,]/u).map((p) => p.trim());
  return (
    parts.length >= 2 && parts.every((p) => p.length > 0 && p.length <= 30 && !/[。？?]/u.test(p))
  );
}

/**
 * Splits the minutes into header sections and the body. The body begins at the
 * 審議経過 label, the first speaker turn or the 〔開会〕 note; from then on only
 * the materials label opens a section (header labels repeated on every page are dropped).
 */
export function layoutOf(text: string): Layout {
  const sections = new Map<SectionKind, string[]>();
  const body: string[] = [];
  let current: SectionKind | undefined;
  let inBody = false;
  // A table cell broken with <br> holds several lines (議題 (1)…<br>(2)…, 本部員：…<br>事務局：…).
  const lines = normaliseBoxes(text.replace(/\r\n?/gu, '\n'))
    .split('\n')
    .flatMap((raw) => cleanLine(raw).split(/<br[\s\u3000]*\/?>/iu));
  for (const line of lines) {
    const label = labelOf(line);
    const groupRow =
      current !== undefined && GROUP_SECTIONS.has(current) && label?.kind === 'secretariat';
    if (label && label.kind === 'materials') {
      current = 'materials';
      sections.set('materials', [label.rest]);
      continue;
    }
    if (label && label.kind === 'proceedings') {
      inBody = true;
      current = 'proceedings';
      if (label.rest.trim() !== '') body.push(label.rest);
      continue;
    }
    if (!inBody && label && !groupRow) {
      current = label.kind;
      sections.set(label.kind, [...(sections.get(label.kind) ?? []), label.rest]);
      continue;
    }
    if (current === 'materials') {
      sections.get('materials')?.push(line);
      continue;
    }
    if (!inBody && opensBody(line, current)) inBody = true;
    if (inBody) {
      body.push(line);
      continue;
    }
    if (current) sections.get(current)?.push(line);
    else if (line.trim() !== '' && !sections.has('heading')) sections.set('heading', [line]);
  }
  return { sections, body };
}

function opensBody(line: string, current: SectionKind | undefined): boolean {
  const cells = cellsOf(line);
  if (/^[〔［[（(][^〕\]）)]*(開会|開始|開催)[^〕\]）)]*[〕\]）)]/u.test(cells[0] ?? ''))
    return true;
  const turn = speakerLine(cells.join(' '));
  if (!turn) return false;
  const inList = current !== undefined && GROUP_SECTIONS.has(current);
  // 「事務局：情報管理課長」: a group of one in the attendance list, not a sentence.
  const groupRow =
    looksLikeList(turn.text) || (turn.text.length <= 40 && !/[。？！]/u.test(turn.text));
  return !(inList && groupRow);
}
