import { strict as assert } from 'node:assert';
import { align, articleTerms, clusterSeeds, DEFAULT_ALIGN, ngramSeeds, PassageMemo, rankCandidates, SentencePairMemo, takeCandidates, type AlignOptions, type Seed } from '../../../src/core/align';

/** rankCandidates' score of one document, as a memo-less PassageMemo gives it */
const rankCandidatesScore = (seeds: Seed[], near: number) => new PassageMemo().score(0, seeds, near);
import { check } from '../../../src/core/engine';
import { IncrementalAligner, mergeSeeds } from '../../../src/core/incremental';
import { ReferenceIndex } from '../../../src/core/reference-index';
import { analyse } from '../../../src/core/text';
import { articleFrom, referenceSet, rng, sentence, story } from '../cache/helpers';

/** One random edit of the kind an editor makes: a word, a sentence, a paragraph added, removed, split or joined. */
function edit(text: string, r: () => number): string {
  const paras = text.split('\n\n');
  const p = Math.floor(r() * paras.length);
  const x = r();
  if (x < 0.3) {
    const words = paras[p]!.split(' ');
    const w = Math.floor(r() * words.length);
    words[w] = r() < 0.5 ? 'quayside' : '';
    paras[p] = words.filter(Boolean).join(' ') || 'Harbour.';
  } else if (x < 0.45) paras.splice(p, 0, sentence(r, 10));
  else if (x < 0.6 && paras.length > 1) paras.splice(p, 1);
  else if (x < 0.75 && p + 1 < paras.length) paras.splice(p, 2, `${paras[p]} ${paras[p + 1]}`);
  else if (x < 0.9) {
    const s = paras[p]!.split('. ');
    if (s.length > 1) paras.splice(p, 1, s.slice(0, 1).join('. ') + '.', s.slice(1).join('. '));
    else paras[p] += ' ' + sentence(r, 6);
  } else paras.push(story(r, 1));
  return paras.join('\n\n');
}

describe('incremental alignment', function () {
  this.timeout(120_000);
  const refs = referenceSet(21, 30);
  const index = ReferenceIndex.build(refs);

  it('gives exactly what a fresh align() gives, after random edits', () => {
    const r = rng(5);
    const inc = new IncrementalAligner(index);
    let text = articleFrom(refs, 9);
    let reused = 0;
    let found = 0;
    for (let step = 0; step < 25; step++) {
      const doc = analyse(text);
      const got = inc.align(doc);
      const want = align(analyse(text), index);
      assert.deepEqual(got, want, `step ${step}`);
      found += want.length;
      if (step > 0) reused += inc.stats.reused;
      text = edit(text, r);
    }
    assert.ok(found > 0, 'the articles have copied passages');
    assert.ok(reused > 0, 'unchanged paragraphs were reused');
  });

  it('keeps the sentence stages\' results between edits and still gives what a fresh align() gives', () => {
    const r = rng(11);
    const inc = new IncrementalAligner(index);
    let text = articleFrom(refs, 6);
    for (let step = 0; step < 40; step++) {
      assert.deepEqual(inc.align(analyse(text)), align(analyse(text), index), `step ${step}`);
      text = edit(text, r);
    }
    const s = inc.sentenceMemo.stats;
    const p = inc.pairMemo.stats;
    assert.ok(s.reused > 0 && s.partial > 0, JSON.stringify(s));
    assert.ok(p.compared > 0 && p.pairs > 0, JSON.stringify(p));
  });

  it('places the kept seeds where their paragraphs stand now: moved, repeated and unmoved paragraphs', () => {
    const r = rng(17);
    const inc = new IncrementalAligner(index);
    const o = { ...DEFAULT_ALIGN };
    const sorted = (m: Map<number, Seed[]>) =>
      [...m].filter(([, l]) => l.length).map(([d, l]) => [d, l.map((s) => [s.i, s.j, s.li, s.lj, s.kind].join()).sort()] as const).sort((x, y) => x[0] - y[0]);
    // one paragraph written twice: one kept entry placed at two positions in one check
    let text = articleFrom(refs, 2);
    const first = text.split('\n\n')[0]!;
    text = `${first}\n\n${text}`;
    let placed = 0;
    for (let step = 0; step < 30; step++) {
      const doc = analyse(text);
      const terms = articleTerms(doc, index);
      const got = (inc as unknown as { seeds(d: typeof doc, t: Int32Array, o: AlignOptions): Map<number, Seed[]> }).seeds(doc, terms, o);
      assert.deepEqual(sorted(got), sorted(ngramSeeds(terms, index, o)), `step ${step}`);
      placed += [...got.values()].reduce((n, l) => n + l.length, 0);
      text = edit(text, r);
    }
    assert.ok(placed > 0, 'the article has seeds');
  });

  it('the paraphrase stage\'s pairs kept by sentence-key numbers equal a fresh align(), also when the numbers are dropped and made again', () => {
    const r = rng(43);
    // at most 12 keys: dropped and numbered afresh every few edits
    const pairs = new SentencePairMemo(3, 12);
    let text = articleFrom(refs, 5);
    for (let step = 0; step < 30; step++) {
      const doc = analyse(text);
      assert.deepEqual(align(doc, index, {}, undefined, { pairs }), align(analyse(text), index), `step ${step}`);
      text = edit(text, r);
    }
    assert.ok(pairs.stats.pairs > 0, JSON.stringify(pairs.stats));
  });

  it('re-seeds only the edited paragraph', () => {
    const inc = new IncrementalAligner(index);
    const text = articleFrom(refs, 3);
    inc.align(analyse(text));
    const first = inc.stats;
    assert.equal(first.reused, 0);
    const paras = text.split('\n\n');
    paras[2] = paras[2]!.replace(/\w+/, 'Quayside');
    const edited = paras.join('\n\n');
    const got = inc.align(analyse(edited));
    assert.deepEqual(got, align(analyse(edited), index));
    // the edited paragraph, and the one before it (its last n-grams run into the edited one)
    assert.ok(inc.stats.seeded <= 2, `seeded ${inc.stats.seeded}`);
    assert.equal(inc.stats.reused, inc.stats.paragraphs - inc.stats.seeded);
  });

  it('merges paragraph seeds per document, giving an unchanged document the same array as the last call', () => {
    const r = rng(17);
    /** a paragraph's seeds: a few documents of 0..11, a few seeds each */
    const para = (at: number): Map<number, Seed[]> => {
      const m = new Map<number, Seed[]>();
      const docs = 1 + Math.floor(r() * 4);
      for (let d = 0; d < docs; d++) {
        const doc = Math.floor(r() * 12);
        const list = m.get(doc) ?? [];
        for (let k = Math.floor(r() * 3); k >= 0; k--) list.push({ i: at + Math.floor(r() * 20), j: Math.floor(r() * 500), li: 3, lj: 3, kind: r() < 0.8 ? 0 : 1 });
        m.set(doc, list);
      }
      return m;
    };
    /** the merge as the aligner made it before: every document's list built anew */
    const fresh = (seq: Map<number, Seed[]>[]) => {
      const out = new Map<number, Seed[]>();
      for (const m of seq) for (const [d, list] of m) out.set(d, [...(out.get(d) ?? []), ...list]);
      return out;
    };
    let seq = Array.from({ length: 8 }, (_, k) => para(20 * k));
    let out = mergeSeeds(seq, [], new Map(), 12);
    let shared = 0;
    for (let step = 0; step < 300; step++) {
      const next = seq.slice();
      const k = Math.floor(r() * next.length);
      const x = r();
      if (x < 0.5) next[k] = para(20 * k); // an edited paragraph
      else if (x < 0.65) next.splice(k, 0, para(20 * k)); // one added
      else if (x < 0.8 && next.length > 2) next.splice(k, 1); // one removed
      else if (x < 0.9) next[k] = new Map(next[k]!); // moved: the same seeds in a new map
      // else: nothing changed
      const got = mergeSeeds(next, seq, out, 12);
      const want = fresh(next);
      assert.deepEqual([...got.keys()], [...want.keys()], `step ${step}: documents in the order first met`);
      for (const [d, list] of want) {
        assert.deepEqual(got.get(d), list, `step ${step}, document ${d}`);
        // a document none of whose paragraphs changed keeps its array
        const same = out.get(d) !== undefined && next.every((m, i) => !m.has(d) || seq.includes(m)) && seq.every((m) => !m.has(d) || next.includes(m));
        if (same && next.filter((m) => m.has(d)).length === seq.filter((m) => m.has(d)).length && got.get(d) === out.get(d)) shared++;
      }
      seq = next;
      out = got;
    }
    assert.ok(shared > 300, `unchanged documents' arrays given again: ${shared}`);
  });

  it('takes the candidates a fully sorted ranking gives, reading the documents under the minimum only to fill the floor', () => {
    const r = rng(23);
    /** takeCandidates over the whole ranking sorted at once */
    const naive = (ranked: [number, number][], floor: number, min: number, cap: number, skip: (d: number) => boolean) => {
      const out: number[] = [];
      for (const [d, score] of ranked) {
        if (out.length >= Math.max(floor, cap)) break;
        if (out.length >= floor && !(score >= min)) break;
        if (!skip(d)) out.push(d);
      }
      return out;
    };
    let restRead = 0;
    for (let trial = 0; trial < 400; trial++) {
      const seeded = new Map<number, Seed[]>();
      const docs = 1 + Math.floor(r() * 60);
      for (let d = 0; d < docs; d++) {
        const list: Seed[] = [];
        let i = 0;
        for (let k = Math.floor(r() * 12); k >= 0; k--) list.push({ i: (i += Math.floor(r() * 40)), j: Math.floor(r() * 300), li: 3, lj: 3, kind: r() < 0.7 ? 0 : 1 });
        seeded.set(Math.floor(r() * 1000), list);
      }
      const near = r() < 0.5 ? 0 : 100;
      const min = [0.5, 1, 3, 6][Math.floor(r() * 4)]!;
      const floor = Math.floor(r() * 12);
      const cap = Math.floor(r() * 30);
      const skipped = new Set([...seeded.keys()].filter(() => r() < 0.3));
      const skip = (d: number) => skipped.has(d);
      const ranking = rankCandidates(seeded, near, min);
      const full = [...ranking.head, ...ranking.rest()];
      const want = [...seeded].map(([d, seeds]) => [d, new PassageMemo().score(d, seeds, near)] as [number, number]).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
      assert.deepEqual(full, want, `trial ${trial}: head then rest is the full ranking`);
      const fresh = rankCandidates(seeded, near, min);
      const got = takeCandidates(fresh, floor, cap, skip);
      assert.deepEqual(got, naive(want, floor, min, cap, skip), `trial ${trial}`);
      if ((fresh as unknown as { restSorted: boolean }).restSorted) restRead++;
      else assert.ok(got.length >= floor || fresh.rest().length === 0 || got.length >= Math.max(floor, cap), `trial ${trial}: the rest was needed`);
    }
    assert.ok(restRead > 0 && restRead < 400, `rankings whose rest was read: ${restRead}`);
  });

  it('drops its cache when the index changes', () => {
    const idx = ReferenceIndex.build(refs.slice(0, 20));
    const inc = new IncrementalAligner(idx);
    const text = articleFrom(refs, 4);
    inc.align(analyse(text));
    idx.add(refs.slice(20));
    const got = inc.align(analyse(text));
    assert.equal(inc.stats.reused, 0);
    assert.deepEqual(got, align(analyse(text), idx));
  });

  it('one text model aligned again after the index gained words: its term ids and paragraph keys are read again', () => {
    const idx = ReferenceIndex.build(refs.slice(0, 10));
    const inc = new IncrementalAligner(idx);
    const text = articleFrom(refs.slice(10), 4);
    const doc = analyse(text);
    const before = articleTerms(doc, idx);
    inc.align(doc);
    idx.add(refs.slice(10));
    const after = articleTerms(doc, idx);
    assert.notDeepEqual(after, before, 'the added documents hold words of the article');
    assert.deepEqual(after, articleTerms(analyse(text), idx));
    const got = inc.align(doc);
    assert.ok(got.length > 0);
    assert.deepEqual(got, align(analyse(text), idx));
  });

  it('evicts paragraphs no longer in the document', () => {
    const inc = new IncrementalAligner(index, {}, 2);
    inc.align(analyse(articleFrom(refs, 1)));
    const small = 'A short note about the harbour.';
    inc.align(analyse(small));
    inc.align(analyse(small));
    assert.equal(inc.stats.entries, 1);
  });

  it('check() with the aligner (as the language server runs it) equals a fresh check, also when sources are ignored', () => {
    // every story also carried by a second outlet: ignoring the originals must bring the copies forward
    const syndicated = refs.map((d) => ({ ...d, id: `syndicated/${d.id}`, path: `refs/syndicated/${d.id}`, meta: { ...d.meta, outlet: 'Syndicate' } }));
    const both = ReferenceIndex.build([...refs, ...syndicated]);
    const r = rng(11);
    const inc = new IncrementalAligner(both);
    let text = articleFrom(refs, 6);
    let fromCopies = 0;
    for (let step = 0; step < 12; step++) {
      const ignored = step % 3 === 1 ? refs.map((d) => d.id) : [];
      const settings = { ignore: { findings: [], sources: ignored } };
      const got = check(text, both, settings, { aligner: inc });
      const want = check(text, both, settings);
      assert.deepEqual(got, want, `step ${step}`);
      if (step > 0 && (step % 3 === 1 || step % 3 === 2)) assert.equal(inc.stats.reused, 0, `step ${step}: the ignore list changed, nothing reused`);
      else if (step > 0) assert.ok(inc.stats.reused > 0, `step ${step}: unchanged paragraphs reused`);
      if (ignored.length) fromCopies += want.findings.filter((f) => f.rule === 'copied-passage' && f.source!.id.startsWith('syndicated/')).length;
      // every other step the text is unchanged, so seeds cached under one ignore list meet the other
      if (step % 2) text = edit(text, r);
    }
    assert.ok(fromCopies > 0, 'ignoring the originals shows the syndicated copies');
  });

  it('keeps graded n-gram clusters between edits: full stops, quotation marks and unknown words next to copied passages', () => {
    // edits that move where sentences start, what is quoted, and put words no reference has into a
    // passage's span, while the cluster's seeds keep their shape
    const r = rng(23);
    const inc = new IncrementalAligner(index);
    let text = articleFrom(refs, 8);
    const marks = ['.', ',', '"', 'zzyqx', 'qwvvk', 'harbour', 'said.', '"We', 'moved,"'];
    for (let step = 0; step < 60; step++) {
      if (step % 4 === 3) text = edit(text, r);
      else {
        const words = text.split(' ');
        const w = Math.floor(r() * words.length);
        const m = marks[Math.floor(r() * marks.length)]!;
        words[w] = m === '.' || m === ',' ? words[w]!.replace(/[.,]?$/, m) : r() < 0.5 ? `${words[w]} ${m}` : m;
        text = words.join(' ');
      }
      assert.deepEqual(check(text, index, {}, { aligner: inc }), check(text, index), `step ${step}`);
      assert.deepEqual(inc.align(analyse(text)), align(analyse(text), index), `step ${step}, align`);
    }
    const s = inc.passageMemo.stats;
    assert.ok(s.kept > s.graded && s.graded > 0 && s.clustersKept > 0, JSON.stringify(s));
  });

  it('a kept cluster is not given for the same words under another quoted mask or other sentence starts', () => {
    const r = rng(31);
    const inc = new IncrementalAligner(index);
    const base = articleFrom(refs, 9);
    const doc = analyse(base);
    const n = doc.tokens.length;
    let differ = 0;
    for (let step = 0; step < 40; step++) {
      // the same words, quoted from a random token on for a while (as an attributed quotation would be)
      const quoted = new Uint8Array(n);
      const from = Math.floor(r() * n);
      quoted.fill(1, from, Math.min(n, from + 3 + Math.floor(r() * 12)));
      const plain = inc.align(doc, {});
      const got = inc.align(doc, { quoted });
      const want = align(doc, index, { quoted });
      assert.deepEqual(got, want, `step ${step}, quoted`);
      assert.deepEqual(plain, align(doc, index, {}), `step ${step}, plain`);
      if (JSON.stringify(want) !== JSON.stringify(plain)) differ++;
      // the same words with a full stop after a random word (a sentence starts there)
      const words = base.split(' ');
      const w = Math.floor(r() * (words.length - 1));
      words[w] = words[w]!.replace(/[.,;:!?"]*$/, '.');
      const stopped = analyse(words.join(' '));
      const got2 = inc.align(stopped, {});
      const want2 = align(stopped, index, {});
      assert.deepEqual(got2, want2, `step ${step}, full stop after word ${w}`);
      if (JSON.stringify(want2) !== JSON.stringify(plain)) differ++;
    }
    assert.ok(differ > 10, `masks and full stops that change the passages: ${differ}`);
    assert.ok(inc.passageMemo.stats.kept > 0, JSON.stringify(inc.passageMemo.stats));
  });

  it('a kept cluster is not given for the same words when a sentence now starts inside it', () => {
    // a copied run whose first two words end a sentence in one version of the article: the passage
    // starts after them there (snapToSentences), at them in the other
    const inc = new IncrementalAligner(index, { paraphrase: false, sentenceAlign: false });
    let differ = 0;
    for (let d = 0; d < 12; d++) {
      const words = refs[d]!.text.split('\n\n')[0]!.split(' ').slice(0, 16).map((w) => w.replace(/[.,;:!?"]/g, ''));
      const own = 'Tolvenstra quimbark oselvo darrun plessik';
      const run = analyse(`${own} ${words.join(' ')} onwards.`);
      const cut = [...words];
      cut[1] += '.';
      cut[2] = cut[2]![0]!.toUpperCase() + cut[2]!.slice(1);
      const split = analyse(`${own} ${cut.join(' ')} onwards.`);
      // n-gram seeds only (sentence pairs would make the two clusters differ in their seeds)
      const o = { paraphrase: false, sentenceAlign: false };
      for (const doc of [run, split, run, split]) assert.deepEqual(inc.align(doc), align(doc, index, o), `document ${d}`);
      if (JSON.stringify(align(run, index, o).map((p) => p.aTok)) !== JSON.stringify(align(split, index, o).map((p) => p.aTok))) differ++;
    }
    assert.ok(differ > 0, 'a full stop moved a passage start');
  });

  it('a document\'s clusters are kept only for the same seed values', () => {
    const memo = new PassageMemo();
    const doc = analyse('One two three four five six seven eight nine ten.');
    const base: Seed[] = [];
    for (let k = 0; k < 12; k++) base.push({ i: k * 3, j: 100 + k * 3, li: 3, lj: 3, kind: 0 });
    const variants: ((s: Seed, k: number) => Seed)[] = [
      (s) => s,
      (s, k) => (k === 6 ? { ...s, j: s.j + 40 } : s),
      (s, k) => (k === 6 ? { ...s, i: s.i + 40 } : s),
      (s, k) => (k === 6 ? { ...s, lj: 50 } : s),
      (s, k) => (k === 6 ? { ...s, li: 50 } : s),
      (s, k) => (k === 6 ? { ...s, kind: 1 } : s),
    ];
    for (const v of variants.flatMap((x) => [x, x])) {
      memo.next(doc);
      const seeds = base.map(v);
      assert.deepEqual(memo.clusters(7, seeds, 10), clusterSeeds(seeds, 10));
      assert.equal(memo.score(7, seeds, 20), rankCandidatesScore(seeds, 20));
    }
    assert.ok(memo.stats.clustersKept > 0);
  });

  it('an aligner built for another index is not used', () => {
    const other = new IncrementalAligner(ReferenceIndex.build(refs.slice(0, 3)));
    const text = articleFrom(refs, 7);
    assert.deepEqual(check(text, index, {}, { aligner: other }), check(text, index));
    assert.equal(other.stats.paragraphs, 0);
  });
});
