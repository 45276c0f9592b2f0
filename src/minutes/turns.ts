import { cellsOf, tidy } from './layout.js';
import type { SpeakerTurn } from './model.js';
import { labelOf } from './sections.js';
import { speakerLine } from './speakers.js';

/** 〔午後3時03分 開会〕, [事務局：「資料…」を説明], —了承—: notes of the clerk, not words of anyone. */
function isClerkNote(line: string): boolean {
  return (
    /^[〔［[（(【<＜].*[〕］\])）】>＞]$/u.test(line) || /^[—―ー－-]+.+[—―ー－-]+$/u.test(line)
  );
}

/** 「１ 開会」「（1）令和4年度の取組について」: headings of the proceedings, not words of anyone. */
function isHeading(line: string): boolean {
  return (
    line.length <= 40 &&
    !/[。？！]/u.test(line) &&
    /^(?:[0-9０-９]{1,2}[\s\u3000.．、]|[（(][0-9０-９]{1,2}[）)]|[①-⑳]|[一二三四五六七八九十]{1,2}[\s\u3000、．])/u.test(
      line,
    )
  );
}

/** A paragraph is finished when it ends a sentence; otherwise the page broke inside it. */
function endsSentence(text: string): boolean {
  return /[。．.！!？?」』）)]$/u.test(text);
}

/**
 * The speaker turns of the body. A line without a speaker continues the turn
 * above it (a new paragraph of the same speaker, or a sentence the page broke);
 * clerk's notes and agenda headings end the turn.
 */
export function readTurns(body: readonly string[]): SpeakerTurn[] {
  const turns: Array<{ index: number; speaker: string; text: string }> = [];
  let open = false;
  for (const raw of body) {
    const line = tidy(cellsOf(raw).join(' '));
    if (line === '') continue;
    if (isClerkNote(line) || isHeading(line) || labelOf(line)?.kind === 'agenda') {
      open = false;
      continue;
    }
    const turn = speakerLine(line);
    if (turn) {
      turns.push({ index: turns.length, speaker: turn.speaker, text: turn.text });
      open = true;
      continue;
    }
    const last = turns[turns.length - 1];
    if (!open || !last) continue;
    last.text =
      endsSentence(last.text) || last.text === '' ? `${last.text}\n${line}` : `${last.text}${line}`;
    last.text = last.text.replace(/^\n/u, '');
  }
  return turns;
}

/** Sentences of a turn: split after 。！？ and at paragraph breaks, brackets kept whole. */
export function sentencesOf(text: string): string[] {
  const sentences: string[] = [];
  let current = '';
  let depth = 0;
  for (const c of text) {
    if ('「『'.includes(c)) depth += 1;
    if ('」』'.includes(c)) depth = Math.max(0, depth - 1);
    if (c === '\n') {
      if (current.trim()) sentences.push(current.trim());
      current = '';
      continue;
    }
    current += c;
    if (depth === 0 && '。！？!?'.includes(c)) {
      sentences.push(current.trim());
      current = '';
    }
  }
  if (current.trim()) sentences.push(current.trim());
  return sentences;
}
