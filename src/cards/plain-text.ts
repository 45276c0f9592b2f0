/**
 * Teams reads every TextBlock as markdown: a link, emphasis, a list or a bare URL
 * typed by one person would reach another person's card as live formatting (a
 * guest's "[re-verify your sign-in](https://phish.example)" in the secretariat's
 * card). Whatever someone typed goes into a card through `plainText`, so it is
 * shown as the characters they typed.
 */

/** Markdown punctuation, escaped with a backslash wherever it appears. */
const MARKDOWN_PUNCTUATION = /[\\`*_[\]<>~|#]/g;
/** A line that markdown would read as a list item: "- x", "+ x", "1. x", "1) x". */
const LIST_MARKER = /^([ \t]*)([-+]|\d{1,9}(?=[.)]))/gm;
/** "https://", "mailto:" start autolinks; an invisible word joiner after the colon defuses them. */
const URL_SCHEME = /\b([a-z][a-z0-9+.-]*:)(?=[^\s:])/gi;
const WORD_JOINER = '\u2060';
/**
 * A dot inside a name ("phish.example", "www.evil.com", "a@b.example", "10.0.0.1/x"),
 * which linkifiers take for a domain; ONE DOT LEADER looks the same and links nothing.
 * A decimal number ("1.5") keeps its dot.
 */
const NAME_DOT = /(?<=\p{L}|\p{N}(?=\.\p{N}+\.))\.(?=\p{L}|\p{N}+\.)|(?<=\p{L})\.(?=\p{N})/gu;
const DOT_LEADER = '\u2024';

export function plainText(text: string): string {
  return text
    .replace(MARKDOWN_PUNCTUATION, (ch) => `\\${ch}`)
    .replace(LIST_MARKER, (_all, indent: string, marker: string) =>
      /^\d/.test(marker) ? `${indent}${marker}\\` : `${indent}\\${marker}`,
    )
    .replace(URL_SCHEME, `$1${WORD_JOINER}`)
    .replace(NAME_DOT, DOT_LEADER);
}
