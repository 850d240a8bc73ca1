import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { abcStories, bucketAt, bucketOf, header, judgedFingerprints, misquoteKind, parseHeader, sampleBuckets, type Sampled } from '../../../scripts/eval/judge';
import { rngFromString } from '../../../scripts/lib/rng';

const mq = (message: string) => misquoteKind({ rule: 'misquote', message });

function sampled(fp: string, bucket: string): Sampled {
  return { fp, bucket, corpus: 'x', file: `${fp}.txt`, text: '', finding: { rule: 'weasel-attribution', severity: 'info', message: '', start: 0, end: 1, text: '' } as Sampled['finding'] };
}

describe('eval judge: held-out samples', () => {
  it('names the misquote case from the message, and none for other rules', () => {
    assert.equal(mq('Quote not found in references: “a b c”'), 'not-found');
    assert.equal(mq('Changed speaker: this quote is attributed to Ann Vale here but to Bo Rusk in the wire'), 'changed-speaker');
    assert.equal(mq('Quote differs from the source only in spelling (colour/color); source: “x”'), 'spelling');
    assert.equal(mq('Misquote: the ellipsis hides “not”, which changes the meaning; source: “x”'), 'ellipsis-hides');
    assert.equal(mq('Quote shortened with an ellipsis; the remaining words match the source (Ann Vale)'), 'shortened');
    assert.equal(mq('Quotation marks dropped: Ann Vale is quoted saying these words in the wire; quote them or reword'), 'marks-dropped');
    assert.equal(mq('Misquote: “happy” for “glad”. Source: “x” (Ann Vale)'), 'wording');
    assert.equal(misquoteKind({ rule: 'name-spelling', message: 'Misquote: looks like one' }), '-');
  });

  it('keeps the five-field header of the older seeds and round-trips the new options', () => {
    const old = parseHeader('# seed=E per-rule=40 meter=944 polnear=84 bbc=1000');
    assert.deepEqual(old, { opts: { seed: 'E', perRule: 40, meter: 944, polnear: 84, bbc: 1000 }, excluded: undefined });
    assert.equal(header(old!.opts), '# seed=E per-rule=40 meter=944 polnear=84 bbc=1000');
    const o = { seed: 'F', perRule: 40, meter: 944, polnear: 84, bbc: 2225, bbcFolds: 5, polnearTrain: 840, polnearFolds: 5, ieer: true, abc: true, exclude: ['a.tsv', 'b.tsv'] };
    const line = header(o, new Map([['misquote/warning', 6], ['fact-mismatch', 18]]));
    assert.equal(line, '# seed=F per-rule=40 meter=944 polnear=84 bbc=2225 bbc-folds=5 polnear-train=840 polnear-folds=5 ieer=1 abc=1 exclude=a.tsv,b.tsv excluded=fact-mismatch:18,misquote/warning:6');
    const back = parseHeader(line)!;
    assert.deepEqual(back.opts, o);
    assert.deepEqual([...back.excluded!], [['fact-mismatch', 18], ['misquote/warning', 6]]);
    assert.throws(() => parseHeader('# seed=F per-rule=40 meter=1 polnear=1 bbc=1 colour=blue'), /colour=blue/);
    const l = { seed: 'L', perRule: 40, meter: 944, polnear: 84, bbc: 2225, abc: true, pa: true, story: true };
    assert.equal(header(l), '# seed=L per-rule=40 meter=944 polnear=84 bbc=2225 abc=1 pa=1 story=1');
    assert.deepEqual(parseHeader(header(l))!.opts, l);
  });

  it('reads judged fingerprints from verdict files, skipping comment lines', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'judge-'));
    const f = path.join(dir, 'judge-Z.tsv');
    fs.writeFileSync(f, '# seed=Z per-rule=2 meter=1 polnear=1 bbc=1\n# fingerprint\tbucket\naaa\tb1\tx.txt\t0\t1\twrong\tr\n\nbbb\tb2\ty.txt\t3\t4\tuseful\t\n');
    assert.deepEqual([...judgedFingerprints([f])].sort(), ['aaa', 'bbb']);
    fs.rmSync(dir, { recursive: true });
  });

  it('leaves judged findings out of the sample, counts them per bucket, and fills the bucket from the rest', () => {
    const found = [
      ...['a1', 'a2', 'a3', 'a4'].map((fp) => sampled(fp, 'alpha')),
      ...['b1', 'b2'].map((fp) => sampled(fp, 'beta')),
    ];
    const without = sampleBuckets(found, 2, rngFromString('T'));
    assert.equal(without.sampled.length, 4);
    assert.equal(without.excludedBy.size, 0);
    const held = sampleBuckets(found, 2, rngFromString('T'), new Set(['a1', 'a2', 'b1']));
    assert.deepEqual(held.sampled.map((s) => s.fp).sort(), ['a3', 'a4', 'b2']);
    assert.deepEqual([...held.excludedBy].sort(), [['alpha', 2], ['beta', 1]]);
    // the same seed and exclusions draw the same sample
    assert.deepEqual(sampleBuckets(found, 1, rngFromString('T'), new Set(['b1'])).sampled.map((s) => s.fp), sampleBuckets(found, 1, rngFromString('T'), new Set(['b1'])).sampled.map((s) => s.fp));
  });

  it('splits ABC news into stories at headline lines, not at broken sentences, bullets or a second caption line', () => {
    const text = [
      'Harbour pilots vote to strike',
      'Pilots at the port of Wendle will stop work on Monday.',
      'The union says talks broke down, according to its secretary,',
      'Tom Brack, who spoke on Friday.',
      '"We have waited long enough," he said.',
      '',
      'Talks',
      'The port says it will meet the union again?',
      '&bull; the first point of a list, and',
      '&bull; the last point.',
      'Bees prefer blue flowers',
      'A bee on a blue petal in a garden near Ormsby',
      'Bees visit blue flowers twice as often as yellow ones, a study finds. ',
      '',
    ].join('\r\n');
    const s = abcStories(text, 'rural');
    assert.deepEqual(s.map((x) => x.id), ['abc/rural/1', 'abc/rural/7', 'abc/rural/11']);
    assert.equal(s[0]!.text, 'Harbour pilots vote to strike\nPilots at the port of Wendle will stop work on Monday.\nThe union says talks broke down, according to its secretary,\nTom Brack, who spoke on Friday.\n"We have waited long enough," he said.\n');
    // a sub-heading starts a story of its own (one article cut in two)
    assert.equal(s[1]!.text, 'Talks\nThe port says it will meet the union again?\n&bull; the first point of a list, and\n&bull; the last point.\n');
    // a headline followed by a picture caption is one story
    assert.ok(s[2]!.text.startsWith('Bees prefer blue flowers\nA bee on a blue petal'));
    assert.ok(s[2]!.text.endsWith('a study finds.\n'));
  });
});

describe('eval/judge: buckets by severity', () => {
  const f = (rule: string, severity: string) => ({ rule, severity, message: '', start: 0, end: 1, text: '' }) as unknown as Sampled['finding'];

  it('name-spelling warnings and infos are buckets of their own, as misquote\'s are', () => {
    assert.equal(bucketOf(f('name-spelling', 'warning')), 'name-spelling/warning');
    assert.equal(bucketOf(f('name-spelling', 'info')), 'name-spelling/info');
    assert.equal(bucketOf(f('misquote', 'info')), 'misquote/info');
    assert.equal(bucketOf(f('weasel-attribution', 'hint')), 'weasel-attribution');
  });

  it('a verdict file that names the rule alone reads the finding\'s bucket at that level', () => {
    const old = new Set(['name-spelling', 'misquote/info']);
    assert.equal(bucketAt('name-spelling/info', old), 'name-spelling');
    assert.equal(bucketAt('misquote/info', old), 'misquote/info');
    assert.equal(bucketAt('name-spelling/warning', new Set(['name-spelling/warning'])), 'name-spelling/warning');
  });
});
