import { strict as assert } from 'node:assert';
import { evaluateMinutes, loadLabelledMinutes } from './evaluate.js';

/**
 * The floors the minutes reader must not fall below on the labelled minutes of
 * test/minutes/fixtures (the seed minutes and minutes written in other layouts):
 * drafts are right at least 95 % of the time, at least 85 % of the labelled
 * items are found, and every header field is read.
 */
const PRECISION_FLOOR = 0.95;
const RECALL_FLOOR = 0.85;
const HEADER_FLOOR = 1.0;

describe('minutes reader: labelled evaluation set', () => {
  it('has the seed minutes and at least two minutes in other layouts', () => {
    const sets = loadLabelledMinutes();
    assert.ok(sets.length >= 3, `${sets.length} labelled minutes`);
    assert.ok(sets.some((s) => s.labels.file === 'minutes-r2-hq-2.txt'));
    assert.equal(sets.find((s) => s.labels.file === 'minutes-r2-hq-2.txt')?.labels.items.length, 8);
  });

  it(`drafts items with precision ≥ ${PRECISION_FLOOR}, recall ≥ ${RECALL_FLOOR}, header fields ${HEADER_FLOOR * 100} %`, () => {
    const report = evaluateMinutes();
    const why = report.failures.join('\n');
    assert.ok(report.precision >= PRECISION_FLOOR, `precision ${report.precision}\n${why}`);
    assert.ok(report.recall >= RECALL_FLOOR, `recall ${report.recall}\n${why}`);
    assert.ok(report.headerAccuracy >= HEADER_FLOOR, `header ${report.headerAccuracy}\n${why}`);
  });
});
