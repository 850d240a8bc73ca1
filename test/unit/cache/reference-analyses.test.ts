import { strict as assert } from 'node:assert';
import { promises as fsp } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { extractAttributions, extractBoth, Extractor, extractQuotes } from '../../../src/core/attribution/extract';
import { useFastTagger } from '../../../src/core/attribution/tagger';
import { check } from '../../../src/core/engine';
import { bytesSource, CodecError, decodeIndex, encodeIndex, openIndexSource, PAGE_BYTES } from '../../../src/core/index-codec';
import { proseView } from '../../../src/core/prose';
import { decodeReferenceAnalysis, encodeReferenceAnalyses, referenceTextModel, storedAttributions, storedQuotes, storedRecord } from '../../../src/core/reference-analyses';
import { ReferenceIndex } from '../../../src/core/reference-index';
import { analyse } from '../../../src/core/text';
import type { ReferenceDoc } from '../../../src/core/types';
import { cacheFileFor, openCachedIndex } from '../../../src/node/cache';
import { DEFAULT_MAX_BYTES } from '../../../src/node/references';
import { arrayRange, rng } from './helpers';

// Invented news copy (no eval data): direct, mixed and continuing quotes, reported speech, pronoun
// sources, a stance, a headline, a dash credit and a colon introduction.
const FIRST = ['Ilse', 'Tomasz', 'Ngozi', 'Ruairi', 'Hanne', 'Marta', 'Idris', 'Oskar'];
const LAST = ['Varnholt', 'Wierzbicki', 'Okonkwo', 'Keane', 'Solberg', 'Kovalenko', 'Baptiste', 'Lindqvist'];
const ROLES = ['the harbour master', 'a union spokesperson', 'the council leader', 'the ferry operator'];
const TOPICS = ['the night-shift pay offer', 'the bridge closure', 'the new container terminal', 'the pension dispute'];

function newsStory(r: () => number, paras: number): string {
  const pick = <T>(a: T[]) => a[Math.floor(r() * a.length)]!;
  const out: string[] = [`${pick(['Dockers', 'Council', 'Ferry'])} ${pick(['Reject', 'Back', 'Delay'])} ${pick(['Pay Deal', 'Harbour Plan', 'Vote'])}`];
  for (let p = 0; p < paras; p++) {
    const who = `${pick(FIRST)} ${pick(LAST)}`;
    const last = who.split(' ')[1]!;
    const topic = pick(TOPICS);
    const forms = [
      `"We will not accept ${topic} as it stands," said ${who}, ${pick(ROLES)}. "The members voted ${Math.floor(r() * 90) + 10} per cent against it."`,
      `${who} said the talks on ${topic} had been "constructive but slow" and that a ballot would follow in ${pick(['May', 'June', 'the autumn'])}.`,
      `According to ${pick(ROLES)}, ${topic} will cost £${(r() * 9 + 1).toFixed(1)}m. ${last} told reporters that she expected a vote within weeks.`,
      `${who} opposes ${topic}. He believes the harbour board "has lost the trust of the workers", and ${pick(ROLES)} agreed.`,
      `${last} was blunt: "Nobody on the quay wants ${topic}." She added: "We have said so for a year."`,
      `“The vote is a warning,” ${last} wrote in a letter to members. ‘It is not the end,’ the letter said.`,
      `"This is the last offer" — ${who}\n\nThe board met on ${pick(['Monday', 'Tuesday', 'Friday'])} to discuss ${topic}, officials said.`,
    ];
    out.push(pick(forms));
  }
  return out.join('\n\n');
}

function newsSet(docs: number, seed = 7): ReferenceDoc[] {
  const r = rng(seed);
  const out: ReferenceDoc[] = [];
  for (let d = 0; d < docs; d++) {
    const text = newsStory(r, 4 + Math.floor(r() * 8));
    out.push({ id: `news-${d}.txt`, path: `news-${d}.txt`, text, meta: {} });
  }
  // a marked-up reference: the index reads its prose view, so its model is analysed from the text
  const md = `# Harbour vote\n\n${newsStory(r, 5)}\n\nSee [the ballot notice](https://port.example/ballot) for details.`;
  out.push({ id: 'notice.md', path: 'notice.md', text: md, matchText: proseView(md, 'markdown'), meta: {} });
  return out;
}

function fresh(text: string): { attributions: unknown; quotes: unknown } {
  const m = analyse(text);
  useFastTagger(m);
  return { attributions: extractAttributions(m), quotes: extractQuotes(m) };
}

describe('reference analyses persisted with the index (reference-analyses.ts)', () => {
  const refs = newsSet(60);
  const article =
    'Dockers Reject Pay Deal\n\nDockers voted on Tuesday. "We will not accept the night-shift pay offer as it stands," said Ilse Keane. ' +
    'The council leader said the talks had been "constructive but slow".\n\nThe new container terminal will cost £4.2m.';

  it('round-trips: every document reads back the analyses a fresh analysis gives (model, attributions, quotes)', () => {
    const built = ReferenceIndex.build(refs);
    const bytes = encodeIndex(built);
    for (const open of [() => decodeIndex(bytes).index, () => openIndexSource(bytesSource(bytes)).index]) {
      const loaded = open();
      let attributions = 0;
      let sourced = 0;
      let indirect = 0;
      let resolved = 0;
      loaded.docs.forEach((d, num) => {
        const rec = storedRecord(loaded, num);
        assert.ok(rec, `document ${num} has a stored analysis`);
        assert.equal(rec.indexTokens, d.matchText === undefined, `${d.id}: the model comes from the index's tokens unless it has a prose view`);
        const want = fresh(d.text);
        assert.deepEqual(storedAttributions(loaded, num), want.attributions, `${d.id}: attributions`);
        assert.deepEqual(storedQuotes(loaded, num), want.quotes, `${d.id}: quotes`);
        assert.deepEqual(referenceTextModel(loaded, num), analyse(d.text), `${d.id}: text model`);
        for (const a of storedAttributions(loaded, num)!) {
          attributions++;
          if (a.source) sourced++;
          if (a.kind === 'indirect') indirect++;
          if (a.source?.resolved) resolved++;
        }
      });
      // the invented copy exercises what the record holds
      assert.ok(attributions > 200 && sourced > 100 && indirect > 20 && resolved > 5, `${attributions} attributions, ${sourced} with a source, ${indirect} indirect, ${resolved} resolved`);
      assert.deepEqual(check(article, loaded), check(article, built));
    }
    // the built index (nothing stored) assembles the same models from its own tokens
    built.docs.forEach((d, num) => assert.deepEqual(referenceTextModel(built, num), analyse(d.text)));
    // re-encoding an opened index reads the records back instead of recomputing them: same bytes
    assert.deepEqual(encodeIndex(decodeIndex(bytes).index), bytes);
    const [from, to] = arrayRange(bytes, 'refAnalyses');
    assert.ok(to - from > 2 * PAGE_BYTES, `the records span several pages (${to - from} bytes)`);
  });

  it('a marked-up reference\'s model equals analyse(text) though the index holds its prose view\'s tokens', () => {
    // markup against words, inside words, at the start and end, around numbers and apostrophes
    const r = rng(11);
    const bits = ['[the notice](https://port.example/n-1)', '`crane_7`', '<b>strike</b>', 'https://port.example/x?y=1', '**pay**', '![map](m.png)', '<https://a.example>', '3.5', 'O’Neill’s', 'well-known'];
    const docs: ReferenceDoc[] = [];
    for (let d = 0; d < 12; d++) {
      const parts: string[] = [];
      for (let k = 0; k < 60; k++) {
        const x = r();
        const w = x < 0.25 ? bits[Math.floor(r() * bits.length)]! : FIRST[Math.floor(r() * FIRST.length)]!;
        parts.push(w + (r() < 0.3 ? '' : r() < 0.1 ? '.\n\n' : ' '));
      }
      const md = parts.join('');
      const view = proseView(md, 'markdown');
      if (view !== md) docs.push({ id: `m${d}.md`, path: `m${d}.md`, text: md, matchText: view, meta: {} });
    }
    assert.ok(docs.length >= 10);
    const built = ReferenceIndex.build(docs);
    const loaded = decodeIndex(encodeIndex(built)).index;
    for (const index of [built, loaded]) index.docs.forEach((d, num) => assert.deepEqual(referenceTextModel(index, num), analyse(d.text), d.id));
  });

  it('one extractor for both lists (extractBoth) gives what two fresh extractors give, in either order', () => {
    const texts = refs.map((d) => d.text);
    // no quotation mark and no cue word: both lists empty; a headline-style label with no cue word
    texts.push('Harbour Plan\n\nThe ferry leaves at nine. The bridge opens in May.', 'Pat Quill: Voters Are Worried\n\nThe harbour is quiet.');
    let quoted = 0;
    for (const text of texts) {
      const want = fresh(text);
      const m = analyse(text);
      useFastTagger(m);
      assert.deepEqual(extractBoth(m), want, text.slice(0, 40));
      // the quotes-only call first, then the full one, on the same extractor (cues kept between them)
      const m2 = analyse(text);
      useFastTagger(m2);
      const x = new Extractor(m2);
      assert.deepEqual({ quotes: x.extract(true), attributions: x.extract() }, want, text.slice(0, 40));
      assert.deepEqual(x.extract(true), want.quotes, `${text.slice(0, 40)}: a third call`);
      if ((want.quotes as unknown[]).length) quoted++;
    }
    assert.ok(quoted > 50, `${quoted} texts with quotes`);
    assert.deepEqual(fresh(texts[texts.length - 2]!), { attributions: [], quotes: [] });
  });

  it('a replaced or added document is analysed afresh, not served the stored record of its number', () => {
    const { index: loaded } = decodeIndex(encodeIndex(ReferenceIndex.build(refs)));
    const text = newsStory(rng(99), 6);
    loaded.add([{ id: 'news-3.txt', path: 'news-3.txt', text, meta: {} }]);
    assert.ok(loaded.docs[3]!.deleted);
    assert.equal(storedRecord(loaded, 3), undefined);
    const num = loaded.docs.length - 1;
    assert.equal(storedRecord(loaded, num), undefined);
    assert.deepEqual(referenceTextModel(loaded, num), analyse(text));
    // written again, the new document's record is computed and the others read back
    const again = decodeIndex(encodeIndex(loaded)).index;
    assert.deepEqual(storedAttributions(again, num), fresh(text).attributions);
    assert.deepEqual(storedAttributions(again, 5), fresh(refs[5]!.text).attributions);
  });

  it('a damaged analysis page throws CodecError where it is first read (the caller rebuilds), never gives wrong findings', () => {
    const bytes = encodeIndex(ReferenceIndex.build(refs));
    for (const name of ['refAnalyses', 'refAnalysisAt']) {
      const [from, to] = arrayRange(bytes, name);
      for (const at of [from, Math.floor((from + to) / 2), to - 1]) {
        const bad = bytes.slice();
        bad[at]! ^= 0x20;
        // read whole at once: found at open
        assert.throws(() => decodeIndex(bad), CodecError, `${name} @${at - from}: eager`);
        // read lazily: found where that record is first read (or at open, for a page shared with
        // what opening reads)
        const told: string[] = [];
        assert.throws(() => {
          const { index } = openIndexSource(bytesSource(bad), { onCorrupt: (m) => told.push(m) });
          for (let num = 0; num < index.docs.length; num++) storedAttributions(index, num);
        }, CodecError, `${name} @${at - from}: lazy`);
        assert.ok(told.some((m) => /checksum mismatch/.test(m)), `${name}: onCorrupt told (${told.join('; ')})`);
      }
    }
    // a page inside the records: the index opens, and the damage shows where a check first reads it
    const [from, to] = arrayRange(bytes, 'refAnalyses');
    const bad = bytes.slice();
    bad[Math.floor((from + to) / 2)]! ^= 0x20;
    const { index } = openIndexSource(bytesSource(bad));
    assert.throws(() => {
      for (let num = 0; num < index.docs.length; num++) referenceTextModel(index, num);
    }, CodecError);
  });

  it('a cache file with a damaged analysis page: opens, throws CodecError where the page is first read, is removed, and the next run rebuilds', async () => {
    const tmp = await fsp.mkdtemp(path.join(os.tmpdir(), 'copydesk-refan-'));
    try {
      const dir = path.join(tmp, 'refs');
      const cacheDir = path.join(tmp, 'cache');
      await fsp.mkdir(dir);
      for (const d of refs) await fsp.writeFile(path.join(dir, d.id), d.text);
      const first = await openCachedIndex([dir], { cacheDir });
      assert.equal(first.cache.status, 'built');
      const want = check(article, first.index);
      const { file } = cacheFileFor(cacheDir, [dir], process.cwd(), DEFAULT_MAX_BYTES);
      const bytes = await fsp.readFile(file);
      const [from, to] = arrayRange(bytes, 'refAnalyses');
      assert.ok(to - from > 3 * PAGE_BYTES);
      bytes[Math.floor((from + to) / 2)]! ^= 0x40;
      await fsp.writeFile(file, bytes);
      const r = await openCachedIndex([dir], { cacheDir, eagerBytes: 0 });
      assert.equal(r.cache.status, 'hit', 'the damaged page is not read at open');
      assert.throws(() => {
        for (let num = 0; num < r.index.docs.length; num++) storedQuotes(r.index, num);
      }, CodecError);
      await assert.rejects(fsp.stat(file), 'the damaged file is removed');
      const next = await openCachedIndex([dir], { cacheDir, eagerBytes: 0 });
      assert.equal(next.cache.status, 'built');
      assert.deepEqual(check(article, next.index), want);
    } finally {
      await fsp.rm(tmp, { recursive: true, force: true });
    }
  });

  it('a truncated record is rejected by its decoder (index-codec.ts reports that as CodecError)', () => {
    const index = ReferenceIndex.build(refs.slice(0, 3));
    const enc = encodeReferenceAnalyses(index);
    const text = index.docs[0]!.text;
    const tokens = index.docs[0]!.tokens.terms.length;
    const rec = decodeReferenceAnalysis(enc.bytes, 0, enc.at[1]!, text, tokens);
    assert.deepEqual(rec.attributions, fresh(text).attributions);
    assert.throws(() => decodeReferenceAnalysis(enc.bytes.slice(0, enc.at[1]! - 1), 0, enc.at[1]! - 1, text, tokens), /truncated|range|length/);
  });
});
