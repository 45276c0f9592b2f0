import { strict as assert } from 'node:assert';
import { safeCell } from '../../src/surveys/results-csv.js';

/** Cells a spreadsheet would run as a formula, however their first sign is disguised. */
const FORMULAS = [
  '=HYPERLINK("https://phish.example","click")',
  "+1+cmd|' /C calc'!A0",
  '@SUM(A1:A2)',
  '-2+3',
  '＝HYPERLINK("x")',
  '＋1',
  '－1+1',
  '＠SUM(A1)',
  '\u200b=1+1',
  '\u200e=1+1',
  '\u202e=1+1',
  '\ufeff+1',
  '\u2060@A1',
  '\u3000=1+1',
  ' =1+1',
  '-\n=1+1',
  '－\n1',
  '\t=1',
  '\r=1',
  '\n=1',
  '\u22121+1',
];

/** Text that only looks like it starts with a sign, kept exactly as typed. */
const TEXT = ['- 箇条書き', '-', '会議室のWi-Fi', 'A=B', '1+1', '', 'メール a@b.example', '－'];

describe('attack: formula injection in CSV exports', () => {
  for (const value of FORMULAS) {
    it(`prefixes ${JSON.stringify(value)}`, () => {
      assert.equal(safeCell(value), `'${value}`);
    });
  }

  it('keeps ordinary text as typed', () => {
    for (const value of TEXT) assert.equal(safeCell(value), value, JSON.stringify(value));
  });
});
