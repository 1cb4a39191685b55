// isStaffTalk reads a message only when one of its lead regexes (LEADS) matches: a gate for speed that must change
// no answer. Every labelled message (corpus and held-out sets), as normalised, is asked both ways; a new test in
// staffTalkOf whose regex is missing from LEADS shows here as soon as a message it answers is labelled.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus, loadSet, setFiles } from '../../../scripts/corpus.js';
import { normalise, stripMentions } from '../../../src/core/parse/normalise.js';
import { isStaffTalk, staffTalkOf } from '../../../src/core/parse/staff-talk.js';

const HELDOUT = path.join(import.meta.dirname, '..', '..', 'fixtures', 'heldout');

describe('isStaffTalk', () => {
  it('answers as without its gate on every labelled message', () => {
    const texts = [...loadCorpus(), ...setFiles(HELDOUT).flatMap((f) => loadSet(path.join(HELDOUT, f)))].map(
      (c) => stripMentions(normalise(c.text)).trim(),
    );
    const differ = texts.filter((t) => isStaffTalk(t) !== staffTalkOf(t));
    expect(differ).toEqual([]);
    // (the set holds staff talk, so the test can fail)
    expect(texts.filter(staffTalkOf).length).toBeGreaterThan(20);
  });
});
