// The labelled corpus as a test: every message fully right (a corpus line is a promise kept), every fever found, no false fever, and no
// number that is not a temperature read as one. Failing messages are printed to help debugging.
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../scripts/corpus.js';
import { type Failure, score, TARGETS } from '../../../scripts/eval-parse.js';

function show(title: string, fs: readonly Failure[]): string {
  return [
    title,
    ...fs.map(
      (f) =>
        `  ${f.where} ${JSON.stringify(f.text)}\n    expect ${JSON.stringify(f.expect)}\n    actual ${JSON.stringify(f.actual)}`,
    ),
  ].join('\n');
}

describe('parse corpus', () => {
  const cases = loadCorpus();
  const report = score(cases);

  it('has at least 400 labelled messages', () => {
    expect(cases.length).toBeGreaterThanOrEqual(400);
  });

  it('gets every message fully right', () => {
    if (report.failures.length > 0) console.log(show('messages not fully right:', report.failures));
    expect(report.failures.map((f) => f.where)).toEqual([]);
    expect(report.fullyRight).toBeGreaterThanOrEqual(TARGETS.fullyRight);
  });

  it('finds every fever and reports no false fever', () => {
    if (report.missedFeverCases.length > 0) console.log(show('missed fevers:', report.missedFeverCases));
    expect(report.fever.found).toBe(report.fever.expected);
    expect(report.fever.falseFevers).toBe(0);
  });

  it('flags unsure exactly where the labels do', () => {
    if (report.flagMismatchCases.length > 0)
      console.log(show('unsure unlike the label:', report.flagMismatchCases));
    expect(report.flagMismatches).toBe(0);
  });

  it('never reads a number that is not a temperature as one', () => {
    if (report.falseTemperatureCases.length > 0) {
      console.log(show('false temperatures:', report.falseTemperatureCases));
    }
    expect(report.falseTemperatures).toBe(0);
  });
});
