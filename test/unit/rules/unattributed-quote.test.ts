import { strict as assert } from 'node:assert';
import { assertSpans, fixed, only } from './helpers';

describe('rule unattributed-quote', () => {
  it('flags a quote with no speaker and inserts the reference speaker', () => {
    const t = 'The strike went into its second week.\n\n“Nobody will unload a ship until the contracts are signed.”\n\nShips queued outside.';
    const [f] = only('unattributed-quote', t);
    assert.ok(f, 'flagged');
    assert.equal(f.severity, 'info'); // info until judged ≥ 80 % right on real copy
    assert.equal(
      fixed(t, f),
      'The strike went into its second week.\n\n“Nobody will unload a ship until the contracts are signed,” union leader Marta Kosk said.\n\nShips queued outside.',
    );
  });
  it('flags without a fix when no reference has the quote', () => {
    const t = 'Rain fell all day.\n\n“We will sail when the wind drops and the pilots return.”';
    const [f] = only('unattributed-quote', t);
    assert.ok(f);
    assert.equal(f.fixes, undefined);
  });
  it('a quote no reference quotes but one holds as its own text: attributed to that source\'s outlet', () => {
    const t = 'The strike went into its second week.\n\n“The harbour lost four million euros in the first week of the strike.”\n\nShips queued outside.';
    const [f] = only('unattributed-quote', t);
    assert.ok(f, 'flagged');
    assert.match(f.message, /the words are from Coast Wire/);
    assert.equal(f.source!.text, 'The harbour lost four million euros in the first week of the strike');
    assert.equal(
      fixed(t, f),
      'The strike went into its second week.\n\n“The harbour lost four million euros in the first week of the strike,” Coast Wire said.\n\nShips queued outside.',
    );
  });
  it('does not flag a quote attributed in the previous sentence or paragraph', () => {
    assert.deepEqual(only('unattributed-quote', 'Ana Ruiz spoke first. “We waited ten years,” she said. “Ten years of promises and nothing else.”'), []);
    assert.deepEqual(only('unattributed-quote', 'Ana Ruiz said the cooperative was angry.\n\n“Ten years of promises and nothing else.”'), []);
  });
  it('a stance in the paragraph before credits no speaker', () => {
    const t = 'Fishermen oppose the new quota, and recent surveys show rising anger in the port.\n\n“Ten years of promises and nothing else.”';
    const [f] = only('unattributed-quote', t);
    assert.ok(f, 'flagged');
    assert.equal(f.text, 'Ten years of promises and nothing else.');
  });
  it('does not flag headline quotes or scare quotes', () => {
    assert.deepEqual(only('unattributed-quote', '“Ten years of broken promises”: fishermen turn on council\n\nThe so-called “blue plan” failed.'), []);
  });
  it('spans the quoted words inside the marks', () => {
    const t = 'The strike went into its second week.\n\n“Nobody will unload a ship until the contracts are signed.”\n\nShips queued outside.';
    const [f] = only('unattributed-quote', t);
    assert.ok(f, 'flagged');
    assertSpans(t, f, 'Nobody will unload a ship until the contracts are signed.');
    assert.match(f.message, /Union leader Marta Kosk/);
  });
});
