/** The check's time budget (issue 18, case 2): past CheckEnv.deadline a check stops with TooComplexError. */
import * as assert from 'node:assert/strict';
import { check, checkYielding } from '../../../src/core/engine';
import { RULES } from '../../../src/core/rules';
import { proseView } from '../../../src/core/prose';
import { ReferenceIndex } from '../../../src/core/reference-index';
import { TooComplexError } from '../../../src/core/rule';

const REF = 'The lifeboat crew were called out twice on Sunday to yachts drifting off the headland in a strong easterly wind.';
const index = ReferenceIndex.build([{ id: 'ref', path: 'ref.txt', text: REF, meta: {} }]);
const article = `# Rescue\n\n${REF}\n\nCoxswain Ada Penhale said: "We went out twice."\n`;

describe('check budget', () => {
  it('a deadline already passed stops the check with "too complex to check"', () => {
    assert.throws(() => check(proseView(article, 'markdown'), index, {}, { deadline: performance.now() - 1 }), (e: unknown) => {
      assert.ok(e instanceof TooComplexError);
      assert.match((e as Error).message, /^document too complex to check \(stopped after \d+ ms\)$/);
      return true;
    });
  });

  it('within the budget the result is the same as without one', () => {
    const free = check(proseView(article, 'markdown'), index);
    const budgeted = check(proseView(article, 'markdown'), index, {}, { deadline: performance.now() + 3_600_000 });
    assert.ok(free.findings.length > 0);
    assert.deepEqual(JSON.parse(JSON.stringify(budgeted)), JSON.parse(JSON.stringify(free)));
  });
});

describe('checkYielding: the check in steps, the host runs between them', () => {
  it('gives the same result as check(), pausing once before each enabled rule', async () => {
    const settings = { rules: { 'weasel-attribution': 'off' as const } };
    const want = check(proseView(article, 'markdown'), index, settings);
    let pauses = 0;
    const got = await checkYielding(proseView(article, 'markdown'), index, settings, {}, async () => {
      pauses++;
    });
    assert.deepEqual(JSON.parse(JSON.stringify(got)), JSON.parse(JSON.stringify(want)));
    assert.equal(pauses, RULES.length - 1);
  });

  it('other work queued on the event loop runs before the check ends', async () => {
    const order: string[] = [];
    const pending = checkYielding(proseView(article, 'markdown'), index, {}, {}, () => new Promise<void>((r) => setImmediate(r))).then(() => order.push('check'));
    setImmediate(() => order.push('other'));
    await pending;
    assert.deepEqual(order, ['other', 'check']);
  });

  it('a deadline passed while paused stops it with TooComplexError', async () => {
    let now = true;
    await assert.rejects(
      checkYielding(proseView(article, 'markdown'), index, {}, { deadline: performance.now() + 1 }, async () => {
        if (now) await new Promise((r) => setTimeout(r, 5));
        now = false;
      }),
      TooComplexError,
    );
  });
});
