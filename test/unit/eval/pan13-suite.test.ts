import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { alignPan13, detectionsOf, loadPan13, scorePan13, writeDetections } from '../../../scripts/eval/pan13';
import { PAN_FOLDERS } from '../../../scripts/eval/lib/pan13-data';

// An invented miniature PAN corpus: one suspicious document that copies a passage of source A
// verbatim (listed pair, 02), one unrelated negative pair (01), and a source C that also holds the
// copied passage but is not listed for the suspicious document.
const COPIED =
  'The harbour board voted on Tuesday night to close the old fish market at Kestrel Quay after engineers found ' +
  'that the timber piles under the eastern hall had rotted through in at least eleven places.';
const FILLER_A =
  'Members of the rowing club met in the library to discuss the summer regatta, the new boathouse roof and the ' +
  'price of membership for students who travel from the islands.';
const FILLER_S =
  'Marguerite Olsen has painted lighthouses for thirty years and says the light on the northern cape is the ' +
  'hardest to capture because it changes colour with every passing squall.';
const OTHER =
  'The county orchestra will perform three new works by local composers in the cathedral during the autumn ' +
  'festival, with tickets on sale from the tourist office next month.';

describe('pan13 suite on an invented mini corpus', function () {
  this.timeout(60_000);
  let dir: string;
  let caseOffset: number;
  let srcOffset: number;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pan13-mini-'));
    const corpus = path.join(dir, 'pan13_text_alignment', 'train_corpus');
    for (const f of ['src', 'susp', ...PAN_FOLDERS]) fs.mkdirSync(path.join(corpus, f), { recursive: true });
    const srcA = `${FILLER_A}\n\n${COPIED}\n\n${FILLER_A.replace('rowing', 'sailing')}`;
    const srcC = `${OTHER}\n${COPIED}\n`;
    const susp = `${FILLER_S}\n${COPIED}\n${FILLER_S.replace('thirty', 'forty')}`;
    fs.writeFileSync(path.join(corpus, 'src', 'source-document00001.txt'), srcA);
    fs.writeFileSync(path.join(corpus, 'src', 'source-document00002.txt'), OTHER);
    fs.writeFileSync(path.join(corpus, 'src', 'source-document00003.txt'), srcC);
    fs.writeFileSync(path.join(corpus, 'susp', 'suspicious-document00001.txt'), susp);
    fs.writeFileSync(path.join(corpus, 'susp', 'suspicious-document00002.txt'), FILLER_S);
    // the case: the copied sentence up to its last word (the aligner's passages end on a word)
    caseOffset = susp.indexOf(COPIED);
    srcOffset = srcA.indexOf(COPIED);
    const len = COPIED.length - 1;
    for (const f of PAN_FOLDERS) fs.writeFileSync(path.join(corpus, f, 'pairs'), '');
    fs.writeFileSync(path.join(corpus, '02-no-obfuscation', 'pairs'), 'suspicious-document00001.txt source-document00001.txt\n');
    fs.writeFileSync(
      path.join(corpus, '02-no-obfuscation', 'suspicious-document00001-source-document00001.xml'),
      `<document reference="suspicious-document00001.txt">\n<feature name="plagiarism" obfuscation="none" source_length="${len}" ` +
        `source_offset="${srcOffset}" source_reference="source-document00001.txt" this_length="${len}" this_offset="${caseOffset}" />\n</document>\n`,
    );
    fs.writeFileSync(path.join(corpus, '01-no-plagiarism', 'pairs'), 'suspicious-document00002.txt source-document00002.txt\n');
    fs.writeFileSync(
      path.join(corpus, '01-no-plagiarism', 'suspicious-document00002-source-document00002.xml'),
      '<document reference="suspicious-document00002.txt">\n</document>\n',
    );
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('finds the verbatim case with the listed source only, and scores it per folder', () => {
    const data = loadPan13(dir, 'train');
    assert.deepEqual(data.susp, ['suspicious-document00001.txt', 'suspicious-document00002.txt']);
    assert.deepEqual(data.offsetCheck, { same: 1, total: 1, maps: 0 });
    const run = alignPan13(data, {});
    // the copied sentence is also in source 3, which is not listed: not a detection of the pair
    const all = run.passages.get('suspicious-document00001.txt')!;
    assert.ok(all.some((p) => data.index.docs[p.doc]!.id === 'source-document00003.txt'));
    const pair = data.pairs.find((p) => p.folder === '02-no-obfuscation')!;
    const dets = detectionsOf(data, pair, run.passages);
    assert.equal(dets.length, 1);
    assert.equal(dets[0]!.src, 'source-document00001.txt');
    assert.equal(dets[0]!.suspOffset, caseOffset);
    assert.equal(dets[0]!.srcOffset, srcOffset);

    const s = scorePan13(data, run.passages);
    const f02 = s.folders.find((f) => f.folder === '02-no-obfuscation')!.score;
    assert.equal(f02.cases, 1);
    assert.ok(f02.recall > 0.99 && f02.precision > 0.99 && f02.granularity === 1, JSON.stringify(f02));
    const f01 = s.folders.find((f) => f.folder === '01-no-plagiarism')!.score;
    assert.equal(f01.detections, 0);
    assert.equal(f01.plagdet, 1);

    const out = path.join(dir, 'out');
    assert.equal(writeDetections(data, run.passages, out), 2);
    const xml = fs.readFileSync(path.join(out, '02-no-obfuscation', 'suspicious-document00001-source-document00001.xml'), 'utf8');
    assert.match(xml, new RegExp(`<feature name="detected-plagiarism" this_offset="${caseOffset}" `));
  });
});
