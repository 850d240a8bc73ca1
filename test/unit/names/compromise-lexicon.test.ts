import { strict as assert } from 'node:assert';
import { sentenceTags } from '../../../src/core/attribution/tagger';
import { compromiseLexicon } from '../../../src/core/names/compromise-lexicon';
import { analyse } from '../../../src/core/text';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { compromiseLexiconModule } = require('../../../scripts/compromise-lexicon.js') as { compromiseLexiconModule(): string };

describe('compromise lexicon written out for the bundles (scripts/compromise-lexicon.js)', () => {
  it('is the lexicon of the compromise the program loads, also after tagging', () => {
    const m = analyse('Harbour master Ilse Varnholt said the ferry would sail on Friday. "We are ready," she told Kestrel Bay council.');
    for (let s = 0; s < m.sentences.length; s++) sentenceTags(m, s);
    const mod = { exports: {} as { compromiseLexicon?: () => unknown } };
    new Function('exports', 'module', compromiseLexiconModule())(mod.exports, mod);
    const written = mod.exports.compromiseLexicon!();
    assert.deepStrictEqual(written, compromiseLexicon());
    // parsed once
    assert.equal(mod.exports.compromiseLexicon!(), written);
  });
});
