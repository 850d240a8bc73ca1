// The module that replaces src/core/names/compromise-lexicon.ts in the bundles (esbuild.js): compromise's
// lexicon as a JSON string, parsed on first use. test/unit/names/compromise-lexicon.test.ts holds it equal
// to the lexicon of the compromise the program loads.
function compromiseLexiconModule(nlp = require('compromise/two')) {
  const lexicon = nlp.model().one.lexicon;
  return `let lexicon;\nexports.compromiseLexicon = () => lexicon || (lexicon = JSON.parse(${JSON.stringify(JSON.stringify(lexicon))}));\n`;
}

module.exports = { compromiseLexiconModule };
