import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { clearSentenceTags, sentenceTags, setTagSource, tagJobs, tagSentenceJob, type TagSource } from '../../../src/core/attribution/tagger';
import { check } from '../../../src/core/engine';
import { ReferenceIndex } from '../../../src/core/reference-index';
import { analyse } from '../../../src/core/text';
import { startTagWorker, TagWorker } from '../../../src/node/tag-worker';

// invented copy
const ARTICLE =
  'Ferry Crews Back Pay Deal\n\n"We have waited long enough," said Hanne Solberg, the union\'s harbour steward, on Tuesday. ' +
  'The port authority said the new rota would start in May.\n\nSolberg told reporters that crews were "tired but relieved". ' +
  'She added that the vote was close. According to the operator, sailings will resume at dawn.';
const REFERENCE =
  'Hanne Solberg, the union\'s harbour steward, said: "We have waited long enough." The port authority said the rota would start in June. ' +
  'Crews were tired, Solberg said.';

/** a worker file for the tests: the TypeScript worker through tsx, or `body` as plain JavaScript */
function workerFile(dir: string, body?: string): string {
  const file = path.join(dir, `w${Math.random().toString(36).slice(2)}.js`);
  const src = body ?? `require(${JSON.stringify(require.resolve('tsx/cjs'))});\nrequire(${JSON.stringify(path.resolve(__dirname, '../../../src/node/tag-worker-main.ts'))});\n`;
  fs.writeFileSync(file, src);
  return file;
}

describe('compromise in a worker thread (src/node/tag-worker.ts)', () => {
  let dir: string;
  let worker: TagWorker | undefined;
  before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-tagw-'))));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  afterEach(() => {
    setTagSource(undefined);
    worker?.close();
    worker = undefined;
    clearSentenceTags();
  });

  it('a job carries what sentenceTags reads: tagSentenceJob gives its tags for every sentence', () => {
    const m = analyse(ARTICLE);
    const jobs = tagJobs(m);
    assert.equal(jobs.length, m.sentences.length);
    clearSentenceTags();
    jobs.forEach((j, s) => assert.deepEqual(tagSentenceJob(j), sentenceTags(m, s), j.text));
  });

  it('the worker\'s tags give the same findings, and are the ones used', () => {
    const index = ReferenceIndex.build([{ id: 'r', path: 'r.txt', text: REFERENCE, meta: {} }]);
    clearSentenceTags();
    const want = check(ARTICLE, index);
    clearSentenceTags();
    worker = new TagWorker(workerFile(dir));
    worker.prefetch(tagJobs(analyse(ARTICLE)));
    let answered = 0;
    const source: TagSource = (key, job) => {
      const t = worker!.source(key, job);
      if (t) answered++;
      return t;
    };
    setTagSource(source);
    assert.deepEqual(check(ARTICLE, index), want);
    assert.ok(answered > 0, 'the worker answered');
    // a sentence it was not given is asked for and waited for
    clearSentenceTags();
    const other = analyse('The steward, Hanne Solberg, said crews would sail again.');
    answered = 0;
    assert.deepEqual(sentenceTags(other, 0), tagSentenceJob(tagJobs(other)[0]!));
    assert.equal(answered, 1);
  });

  it('a worker that does not answer in time: tagged here, and not waited for again', () => {
    worker = new TagWorker(workerFile(dir, 'setInterval(() => {}, 1000);'), 200);
    const m = analyse(ARTICLE);
    worker.prefetch(tagJobs(m));
    setTagSource(worker.source);
    clearSentenceTags();
    const t0 = Date.now();
    const got = m.sentences.map((_s, s) => sentenceTags(m, s));
    assert.ok(Date.now() - t0 >= 200, 'waited once');
    setTagSource(undefined);
    clearSentenceTags();
    assert.deepEqual(got, m.sentences.map((_s, s) => sentenceTags(m, s)));
    assert.equal(worker.source('any', () => tagJobs(m)[0]!), undefined);
  });

  it('a worker whose compromise fails (null tags): tagged here', async () => {
    const body = `const { workerData } = require('node:worker_threads');
const count = new Int32Array(workerData.counter);
workerData.port.on('message', (job) => { workerData.port.postMessage({ key: job.key, tags: null }); Atomics.add(count, 0, 1); Atomics.notify(count, 0); });`;
    worker = new TagWorker(workerFile(dir, body));
    const m = analyse(ARTICLE);
    setTagSource(worker.source);
    clearSentenceTags();
    const got = sentenceTags(m, 0);
    setTagSource(undefined);
    clearSentenceTags();
    assert.deepEqual(got, sentenceTags(m, 0));
  });

  it('no worker when its file is missing or COPYDESK_TAG_WORKER=0', () => {
    assert.equal(startTagWorker(path.join(dir, 'missing.js')), undefined);
    assert.equal(startTagWorker(workerFile(dir, ''), { COPYDESK_TAG_WORKER: '0' }), undefined);
    const w = startTagWorker(workerFile(dir, ''));
    assert.ok(w instanceof TagWorker);
    w.close();
  });
});
