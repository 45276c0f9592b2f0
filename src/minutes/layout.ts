/**
 * The layout of a 会議録, whatever tool produced it: tab- or pipe-separated
 * table rows, markdown headings, HTML checkboxes, labels spelled with spaces
 * between their characters (開 催 日 時, 開 催 日 時). Everything here turns a
 * raw line into plain cells the reader can look at.
 */

/** Blanks of every kind, including the full-width space. */
export const BLANK = '[\\s\\u3000]';

/** Checked and unchecked boxes as written in minutes, made into ☑ and ☐. */
export function normaliseBoxes(text: string): string {
  return text
    .replace(/<input\b[^>]*>/giu, (tag) => (/\bchecked\b/iu.test(tag) ? '☑' : '☐'))
    .replace(/\[[xX✓✔]\]/gu, '☑')
    .replace(/\[ \]/gu, '☐')
    .replace(/[■☒✅]/gu, '☑')
    .replace(/□/gu, '☐')
    .replace(/&nbsp;/gu, ' ');
}

/**
 * One line without its markup: no heading hashes, bold marks, block quotes or
 * list bullets; table pipes become tabs (the cell separator of the rest of the reader).
 */
export function cleanLine(raw: string): string {
  let line = raw.replace(/\r$/u, '');
  if (/^[\s\u3000]*\|?[\s\u3000]*:?-{2,}/u.test(line) && /^[\s|:\-\u3000]+$/u.test(line)) return '';
  if (/^[\s\u3000]*[-=_—─━]{3,}[\s\u3000\t-]*$/u.test(line)) return '';
  line = line.replace(/\*\*|__/gu, '');
  line = line.replace(/^[\s\u3000]*#{1,6}[\s\u3000]*/u, '');
  line = line.replace(/^[\s\u3000]*>[\s\u3000]?/u, '');
  // Markdown bullets (- item, * item); 「・資料1」 keeps its dot for the materials reader.
  line = line.replace(/^[\s\u3000]*[-*+][\s\u3000]+/u, '');
  if (line.includes('|')) {
    line = line.replace(/^[\s\u3000]*\|/u, '').replace(/\|[\s\u3000]*$/u, '');
    line = line.split('|').join('\t');
  }
  return line;
}

/** A label's regular expression: any blanks between its characters. */
export function spaced(label: string): string {
  return [...label]
    .map((c) =>
      c === '（' || c === '('
        ? '[（(]'
        : c === '）' || c === ')'
          ? '[）)]'
          : c.replace(/[.*+?^${}|[\]\\]/gu, '\\$&'),
    )
    .join(`${BLANK}*`);
}

/** Splits a cleaned line into cells (tabs, or two blanks or more). */
export function cellsOf(line: string): string[] {
  return line
    .split(/\t|[ \u3000]{2,}/u)
    .map((c) => c.replace(/^[\s\u3000]+|[\s\u3000]+$/gu, ''))
    .filter((c) => c !== '');
}

/** Trims blanks, including full-width ones, and collapses runs of them to one space. */
export function tidy(text: string): string {
  return text
    .replace(/[\s\u3000]+/gu, ' ')
    .replace(/^ | $/gu, '')
    .trim();
}

/** Without any blank at all: for comparing labels and names. */
export function compact(text: string): string {
  return text.replace(/[\s\u3000]+/gu, '');
}
