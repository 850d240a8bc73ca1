import assert from 'node:assert/strict';
import { check } from '../../../src/core/engine';
import { ReferenceIndex } from '../../../src/core/reference-index';
import type { Finding } from '../../../src/core/types';
import { applyEdits } from '../../../src/core/attribution/fixes';
import { auditFix, editMap } from '../../../scripts/eval/fixes';
import { fixProblems, outletOf } from '../../../scripts/eval/judge';

describe('eval fixes: applying a fix and judging the result', () => {
  it('editMap maps old offsets past edits given in any order', () => {
    const text = 'The mayor, Ana Brel, said the pier opens on Friday.';
    const day = text.indexOf('Friday');
    const ana = text.indexOf('Ana');
    const edits = [
      { start: day, end: day + 6, newText: 'Monday' },
      { start: ana, end: ana + 3, newText: 'Annabel' },
    ];
    const out = applyEdits(text, edits);
    const map = editMap(edits);
    assert.equal(out, 'The mayor, Annabel Brel, said the pier opens on Monday.');
    const brel = text.indexOf('Brel');
    assert.equal(out.slice(map(brel, 'start'), map(brel + 4, 'end')), 'Brel');
    // an offset inside a replaced stretch goes to the replacement's edge
    assert.equal(map(ana + 1, 'start'), ana);
    assert.equal(map(ana + 1, 'end'), ana + 7);
    // an insertion at an offset: the start stays before it, the end after it
    const insert = [{ start: 1, end: 1, newText: 'XY' }];
    assert.equal(applyEdits('ab', insert), 'aXYb');
    assert.equal(editMap(insert)(1, 'start'), 1);
    assert.equal(editMap(insert)(1, 'end'), 3);
  });

  it('fixProblems names what a fix brought and not what was there before', () => {
    assert.deepEqual(fixProblems('he said it was late.', 'he said said it was late.'), ['doubled "said"']);
    assert.deepEqual(fixProblems('had had enough.', 'had had enough.'), []);
    assert.deepEqual(fixProblems('the pier opens.', 'the pier  opens .'), ['double space', 'space before punctuation']);
    assert.deepEqual(fixProblems('she said: “No.”', 'she said: “No.'), ['unbalanced quotes']);
    assert.deepEqual(fixProblems('she said: “No.”', 'she said: “”'), ['empty quotation']);
    // a cut marked by the wire's spaced ellipsis is no stray space
    assert.deepEqual(fixProblems('attack the town.', 'attack the town ...'), []);
    assert.deepEqual(fixProblems('the pier', 'the <b>pier</b> (wire.txt)'), ['markup', 'file-name']);
  });

  it("outletOf names each judge corpus's outlet from the reference's id", () => {
    assert.equal(outletOf('bbc_news/sport/012.txt'), 'BBC News');
    assert.equal(outletOf('abc/science/40'), 'ABC');
    assert.equal(outletOf('train/wash-post_2016-05-02_some-story.txt'), 'The Washington Post');
    assert.equal(outletOf('ieer/APW19980424.0101'), 'Associated Press');
    assert.equal(outletOf('courts/10.02.00/catch/catch1.txt'), 'Press Association');
  });

  it('auditFix: the name fix is well formed and clears its finding; a fix that does not is reported', () => {
    const refs = [
      { id: 'a', path: 'a', text: 'Harbour master Ilse Varnholt said the pier would reopen. Varnholt added that repairs were done.', meta: {} },
      { id: 'b', path: 'b', text: 'The pier reopened on Friday, Ilse Varnholt confirmed. Varnholt thanked the divers.', meta: {} },
    ];
    const index = ReferenceIndex.build(refs);
    const text = 'The pier is open again. Harbour master Ilse Varnhold said the crews had worked through the night.';
    const recheck = (t: string) => check(t, index, {}).findings;
    const f = recheck(text).find((x) => x.rule === 'name-spelling')!;
    assert.ok(f, 'a name-spelling finding on Varnhold');
    const fix = f.fixes!.find((x) => x.preferred) ?? f.fixes![0]!;
    const good = auditFix(text, f, fix, recheck);
    assert.deepEqual(good.problems, []);
    assert.equal(good.cleared, true);
    assert.match(good.after, /Ilse Varnholt said/);
    // the same finding with a fix that changes nothing of the name: not cleared, and its doubled word named
    const bad: Finding = { ...f };
    const doubling = { title: 'bad', edits: [{ start: f.start, end: f.start, newText: 'master ' }] };
    const audit = auditFix(text, bad, doubling, recheck);
    assert.equal(audit.cleared, false);
    assert.deepEqual(audit.problems, []);
    const after = text.indexOf('master ') + 'master '.length;
    const doubled = auditFix(text, bad, { title: 'bad', edits: [{ start: after, end: after, newText: 'master ' }] }, recheck);
    assert.deepEqual(doubled.problems, ['doubled "master"']);
  });
});
