/**
 * The cue lexicon: verbs and phrases that attribute speech, writing or belief to a source.
 */
import { WORDNET_ALSO_NOUNS, WORDNET_COGNITION, WORDNET_COMMUNICATION } from './wordnet-cues';

/** Reporting verbs in their inflected forms (lower case). `weak` cues attribute only next to a quote. */
const VERBS = `say says said saying tell tells told telling add adds added adding state states stated stating
note notes noted noting warn warns warned warning claim claims claimed claiming explain explains explained explaining
insist insists insisted insisting argue argues argued arguing write writes wrote writing ask asks asked asking
reply replies replied replying declare declares declared declaring announce announces announced announcing
confirm confirms confirmed confirming deny denies denied denying acknowledge acknowledges acknowledged acknowledging
admit admits admitted admitting emphasize emphasizes emphasized emphasizing emphasise emphasises emphasised emphasising
stress stresses stressed stressing reiterate reiterates reiterated reiterating suggest suggests suggested suggesting
tweet tweets tweeted tweeting retweet retweets retweeted retweeting post posts posted recall recalls recalled recalling remark remarks remarked remarking
observe observes observed observing comment comments commented commenting predict predicts predicted predicting
caution cautions cautioned cautioning urge urges urged urging vow vows vowed vowing promise promises promised promising
pledge pledges pledged pledging concede concedes conceded conceding maintain maintains maintained maintaining
contend contends contended contending assert asserts asserted asserting allege alleges alleged alleging
indicate indicates indicated indicating report reports reported reporting testify testifies testified testifying
estimate estimates estimated estimating conclude concludes concluded concluding respond responds responded responding
insist insists insisted shout shouts shouted whisper whispers whispered complain complains complained complaining
believe believes believed think thinks thought charge charges charged boast boasts boasted joke jokes joked
acknowledge predicted lament laments lamented quip quips quipped reveal reveals revealed revealing disclose discloses disclosed
mention mentions mentioned explain recount recounts recounted
signal signals signaled signalled hint hints hinted accuse accuses accused acccused blast blasts blasted slam slams slammed
counter counters countered agree agrees agreed reckon reckons reckoned announce assure assures assured assuring
email emails emailed texted gush gushes gushed fume fumes fumed wonder wonders wondered wondering exclaim exclaims exclaimed
tout touts touted muse muses mused scoff scoffs scoffed snap snaps snapped retort retorts retorted quip sigh sighed
boasting declares acknowledging predicting testifying explaining insisting arguing recalling reiterating emphasizing stressing`;

const WEAK = `continue continues continued describe describes described describing call calls called calling characterize characterizes characterized
characterise characterises characterised dub dubs dubbed term terms termed label labels labelled labeled`;

/**
 * Attributions of belief, knowledge, intention and evidence (PolNeAR annotates these as attributions
 * too): "polls show", "Smith wants", "the study found".
 */
const BELIEF = `find finds found show shows showed shown showing cite cites cited citing want wants wanted plan plans planned
support supports supported know knows knew see sees saw feel feels fear fears feared hope hopes hoped expect expects
demand demands demanded demanding propose proposes proposed question questions questioned criticize criticizes criticized
criticise criticises criticised attack attacks attacked defend defends defended echo echoes echoed identify identifies identified
learn learns learned learnt decline declines declined refuse refuses refused doubt doubts doubted recommend recommends recommended
oppose opposes opposed threaten threatens threatened assume assumes assumed understand understands consider considers
suspect suspects suspected praise praises praised blame blames blamed mock mocks mocked worry worries worried
insist acknowledges promises argued demonstrates demonstrated confirm warns`;

export const CUE_VERBS = new Set([...VERBS.split(/\s+/), ...BELIEF.split(/\s+/)].filter(Boolean));
const SPEECH_VERBS = new Set(VERBS.split(/\s+/).filter(Boolean));
/** Cue verbs of belief, intention and evidence only (not speech): they need a subject that can hold a view. */
export const BELIEF_VERBS = new Set(BELIEF.split(/\s+/).filter((w) => w && !SPEECH_VERBS.has(w)));
export const WEAK_CUES = new Set(WEAK.split(/\s+/).filter(Boolean));

/** Participles that take the subject of the main clause ("…, adding: “…”"). */
export function isParticiple(norm: string): boolean {
  return norm.endsWith('ing');
}

/** Multi-word cues, as sequences of normalised words; the source follows `according to`. */
export const PHRASE_CUES: { words: string[]; sourceAfter: boolean; stance?: boolean }[] = [
  { words: ['according', 'to'], sourceAfter: true },
  { words: ['pointed', 'out'], sourceAfter: false },
  { words: ['called', 'for'], sourceAfter: false },
  { words: ['calls', 'for'], sourceAfter: false },
  { words: ['calling', 'for'], sourceAfter: false },
  { words: ['called', 'on'], sourceAfter: false },
  { words: ['calls', 'on'], sourceAfter: false },
  { words: ['put', 'it'], sourceAfter: false },
  { words: ['pointed', 'to'], sourceAfter: false },
  { words: ['spoke', 'of'], sourceAfter: false },
  { words: ['points', 'out'], sourceAfter: false },
  { words: ['went', 'on'], sourceAfter: false },
  { words: ['goes', 'on'], sourceAfter: false },
];

/** Words that stand between a subject and its cue without ending the subject ("Smith also said"). */
export const CUE_MODIFIERS = new Set(
  `also later previously recently then has had have was is were are will would could may might further again once
   separately publicly privately flatly repeatedly reportedly earlier subsequently promptly quickly simply
   just only even never not still already sharply bluntly angrily openly firmly told had been has been
   did does do can should must cannot didn't doesn't don't won't can't haven't hasn't hadn't didn’t doesn’t don’t won’t can’t
   haven’t hasn’t hadn’t long first now ever always largely effectively immediately`.split(/\s+/).filter(Boolean),
);

/** Person and role nouns that can head a source phrase written in lower case. */
export const ROLE_NOUNS = new Set(
  `spokesman spokeswoman spokesperson spokespeople president secretary minister chief envoy official officials
   adviser advisor aide aides director executive ceo chairman chairwoman chair leader leaders senator senators
   governor mayor lawmaker lawmakers representative congressman congresswoman diplomat diplomats analyst analysts
   expert experts economist economists professor researcher researchers scientist scientists lawyer lawyers attorney
   prosecutor prosecutors judge police officer officers source sources witness witnesses resident residents
   spokesmen negotiator negotiators ambassador general commander manager founder ministry agency department
   government company firm group campaign statement report newspaper magazine agency union council committee
   critics critic observers observer supporters opponents people voters members member staff team doctor doctors
   authorities authority administration white house kremlin office press pentagon military army navy
   republicans democrats republican democrat conservatives liberals progressives independents americans activists advocates
   protesters demonstrators citizens parents families workers employees investors economists historians scholars candidates
   nominee candidate regulators investigators officials legislators delegates allies rivals master captain owner boss head
   inspector commissioner councillor councilor treasurer auditor editor reporter journalist writer author chancellor premier
   king queen prince pope bishop priest coach partner administrator trustee`.split(/\s+/).filter(Boolean),
);

export const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'i', 'we', 'you', 'who']);
export const PERSON_PRONOUNS = new Set(['he', 'she', 'i', 'who']);

/**
 * Inflected forms of a regular verb lemma: "criticize" → criticize criticizes criticized criticizing.
 * A trailing "+" doubles the final consonant ("slam+" → slammed, slamming).
 */
export function inflect(lemma: string): string[] {
  const dbl = lemma.endsWith('+');
  const l = dbl ? lemma.slice(0, -1) : lemma;
  if (dbl) {
    const c = l[l.length - 1]!;
    return [l, l + 's', l + c + 'ed', l + c + 'ing'];
  }
  if (/[^aeiou]y$/.test(l)) return [l, l.slice(0, -1) + 'ies', l.slice(0, -1) + 'ied', l + 'ing'];
  if (/ee$/.test(l)) return [l, l + 's', l + 'd', l + 'ing'];
  if (/e$/.test(l)) return [l, l + 's', l + 'd', l.slice(0, -1) + 'ing'];
  if (/(s|sh|ch|x|z)$/.test(l)) return [l, l + 'es', l + 'ed', l + 'ing'];
  return [l, l + 's', l + 'ed', l + 'ing'];
}

/**
 * Verbs of stance, judgement, intention, cognition and evidence (lemmas; irregular forms listed
 * whole). They attribute a position to their subject ("Smith opposes the plan", "the senator
 * rejected the deal", "polls suggest …") but are ordinary verbs too, so they count as cues only
 * with a subject that can hold a view: a name, a pronoun, a role noun or an evidence noun.
 */
const STANCE_LEMMAS = `condemn reject endorse back favor favour welcome applaud commend hail laud celebrate salute tout champion
advocate promote push urge press lobby petition appeal plead beg implore
criticize criticise denounce decry deplore lambaste castigate chastise scold rebuke reprimand berate assail excoriate fault
dismiss disparage belittle ridicule deride downplay minimize minimise dispute contest challenge refute rebut debunk contradict
disagree object protest resist defy rally campaign vote veto
accuse blame credit thank
praise compliment congratulate defend justify excuse
intend aim seek+ strive wish desire prefer choose decide resolve vow promise pledge commit+ swear
insist maintain contend assert reassert repeat reiterate emphasize emphasise underscore highlight
predict forecast anticipate project estimate calculate gauge
hope expect fear dread worry trust doubt suspect imagine suppose presume assume guess figure reckon
believe think consider deem judge reason conclude determine realize realise recognize recognise
acknowledge admit concede confess grant allow
deny disavow dispute reject refuse decline
warn caution alert threaten
demand require insist request call invite summon
propose suggest recommend advise counsel offer
describe portray depict characterize characterise paint cast brand frame dub label liken compare equate
label refer mention cite quote invoke reference discuss
announce declare proclaim unveil publish
reveal disclose divulge confirm verify affirm certify report document detail outline chronicle
show demonstrate prove indicate suggest imply signal reflect illustrate underline confirm estimate
find discover uncover identify
argue claim allege charge complain grumble lament mourn regret apologize apologise
explain clarify elaborate specify
question query doubt wonder ask inquire enquire
agree concur accept embrace adopt endorse
oppose resist fight combat counter rebuff spurn shun snub
attack slam+ blast hit+ target+ rip+ bash knock pan+ trash mock taunt tease jab+ needle
love like hate dislike loathe despise admire respect resent enjoy appreciate value cherish
want plan+ expect intend
predict bet+ wager gamble
rule order sentence+ approve authorize authorise sanction permit ban+ prohibit forbid
insinuate hint+ intimate
boast brag+ gloat crow
bemoan exhort herald hammer grill chide needle pepper+ confront envision envisage foresee contemplate mull ponder weigh
sponsor veto champion spearhead pioneer tout trumpet acclaim extol
demand`;

const STANCE_IRREGULAR = `thought see sees saw seen seeing know knows knew known knowing feel feels felt feeling understand understands understood
understanding find finds found finding show shows showed shown showing tell tells told telling
forbid forbids forbade forbidden swear swears swore sworn
foresee foresees foresaw foreseen sought`;

const STANCE_STOP = new Set(['like', 'likes', 'hit', 'hits', 'cast', 'casts', 'frame', 'project', 'projects', 'value', 'values', 'need', 'needs', 'want', 'figure', 'figures', 'raise', 'raises', 'grant', 'grants', 'order', 'orders', 'file', 'files', 'issue', 'issues', 'release', 'releases', 'counter', 'object', 'objects', 'judge', 'judges', 'plan', 'plans', 'vote', 'votes', 'campaign', 'campaigns', 'rally', 'rallies', 'fight', 'fights', 'back', 'backs', 'press', 'push', 'pushes', 'target', 'targets', 'knock', 'knocks', 'pan', 'pans', 'bet', 'bets', 'rule', 'rules', 'sentence', 'sentences', 'mean', 'means', 'hold', 'holds', 'holding', 'call', 'calls', 'reference', 'references', 'address', 'addresses', 'offer', 'offers', 'report', 'reports', 'detail', 'details', 'document', 'documents', 'outline', 'outlines', 'guess', 'trust', 'fear', 'fears', 'hope', 'hopes', 'doubt', 'doubts', 'respect', 'respects', 'love', 'loves', 'wish', 'wishes']);

/**
 * Verbs of communication and cognition from WordNet (generated, see wordnet-cues.ts), inflected by rule:
 * a broader, general lexicon under the hand-made lists ("debated", "marvelled", "examined"). A lemma
 * that is a noun too has no -s form here ("talks", "answers").
 */
const WN_NOUNS = new Set(WORDNET_ALSO_NOUNS.split(/\s+/));
export const WORDNET_VERBS = new Set(
  [...WORDNET_COMMUNICATION.split(/\s+/), ...WORDNET_COGNITION.split(/\s+/)]
    .filter(Boolean)
    // a lemma that is a noun too keeps no -s form: "peace talks", "the answers"
    .flatMap((l) => inflect(l).filter((f, i) => !(i === 1 && WN_NOUNS.has(l)))),
);

/**
 * Stance verbs (inflected) — the lists above and the WordNet verbs — apart from the reporting verbs
 * already in CUE_VERBS. Like them, a WordNet verb is a cue only with a subject that can hold a view.
 */
export const STANCE_VERBS = new Set(
  [...STANCE_LEMMAS.split(/\s+/).filter(Boolean).flatMap(inflect), ...STANCE_IRREGULAR.split(/\s+/).filter(Boolean), ...WORDNET_VERBS].filter(
    (w) => !CUE_VERBS.has(w) && !STANCE_STOP.has(w) && !WEAK_CUES.has(w),
  ),
);

/** Nouns for evidence that can "show", "find" or "suggest" things: polls, studies, reports. */
export const EVIDENCE_NOUNS = new Set(
  `poll polls survey surveys study studies report reports data analysis analyses research review reviews audit audits
   investigation investigations inquiry probe records record documents document filings filing figures numbers statistics
   estimates estimate findings evidence results test tests census memo memos letter letters emails email ruling decision
   opinion verdict paper papers article articles editorial editorials book letter index model models forecast forecasts
   projections average averages ad ads video videos footage recording recordings photo photos image images polling transcript transcripts tweet tweets post posts statement statements`.split(/\s+/).filter(Boolean),
);

/**
 * Adjectives of stance after a form of "be" ("Smith has been critical of", "they are confident
 * that"), with the word that must follow them.
 */
const STANCE_ADJ: Record<string, string[]> = {
  critical: ['of'], skeptical: ['of', 'about', 'that'], sceptical: ['of', 'about', 'that'], opposed: ['to'], supportive: ['of'],
  confident: ['that', 'of', 'about'], convinced: ['that', 'of'], sure: ['that'], certain: ['that'], adamant: ['that', 'about'],
  concerned: ['that', 'about', 'by', 'over'], worried: ['that', 'about', 'by', 'over'], afraid: ['that', 'of'], fearful: ['that', 'of'],
  hopeful: ['that', 'about', 'of'], optimistic: ['that', 'about'], pessimistic: ['that', 'about'], wary: ['of', 'about'],
  aware: ['that', 'of'], unaware: ['that', 'of'], proud: ['of', 'that'], angry: ['at', 'about', 'over', 'that'], furious: ['at', 'about', 'over', 'that'],
  upset: ['at', 'about', 'over', 'that', 'with'], unhappy: ['with', 'about', 'that'], happy: ['with', 'that'], pleased: ['with', 'that', 'by'],
  disappointed: ['in', 'with', 'by', 'that'], frustrated: ['with', 'by', 'that'], dismissive: ['of'], contemptuous: ['of'],
  eager: ['to'], determined: ['to'], reluctant: ['to'], unwilling: ['to'], willing: ['to'], keen: ['to', 'on'], intent: ['on'],
  committed: ['to'], open: ['to'], vocal: ['about', 'in'], outspoken: ['about', 'in'], clear: ['that', 'about'], unequivocal: ['that', 'about'],
  doubtful: ['that', 'about'], uncertain: ['about', 'whether'], unsure: ['about', 'whether'], satisfied: ['that', 'with'], grateful: ['for', 'to'],
};
export const STANCE_ADJECTIVES = new Map(Object.entries(STANCE_ADJ));

/** Phrasal stance cues: verb lemma + particle ("calls for", "railed against", "pushed back on"). */
const PHRASALS = `call:for push:for push:back press:for lobby:for argue:for argue:against rail:against speak:out speak:about speak:of
lash:out weigh:in point:to point:out go:after come:out double:down back:away back:off sign:off take:aim take:issue
stand:by side:with talk:about warn:against warn:of caution:against vote:against vote:for advocate:for fight:for fight:against
cry:out crack:down`;

const IRREGULAR_PHRASAL: Record<string, string[]> = { speak: ['speak', 'speaks', 'spoke', 'speaking'], go: ['go', 'goes', 'went', 'going'], come: ['come', 'comes', 'came', 'coming'], take: ['take', 'takes', 'took', 'taking'], stand: ['stand', 'stands', 'stood', 'standing'], fight: ['fight', 'fights', 'fought', 'fighting'], cry: ['cry', 'cries', 'cried', 'crying'], crack: ['crack', 'cracks', 'cracked', 'cracking'] };

for (const p of PHRASALS.split(/\s+/).filter(Boolean)) {
  const [verb, particle] = p.split(':') as [string, string];
  const forms = IRREGULAR_PHRASAL[verb] ?? inflect(verb);
  for (const f of forms) {
    if (PHRASE_CUES.some((c) => c.words[0] === f && c.words[1] === particle)) continue;
    PHRASE_CUES.push({ words: [f, particle], sourceAfter: false, stance: true });
  }
}

/** Light verbs that report a view through a noun: "expressed concern", "voiced deep doubts", "raised questions". */
export const LIGHT_VERBS = new Set(
  ['express', 'voice', 'raise', 'register', 'air', 'share', 'lend', 'throw', 'make', 'offer', 'have', 'pose'].flatMap((l) =>
    l === 'make' ? ['make', 'makes', 'made', 'making'] : l === 'have' ? ['has', 'have', 'had'] : l === 'throw' ? ['throw', 'throws', 'threw', 'throwing'] : l === 'lend' ? ['lend', 'lends', 'lent', 'lending'] : inflect(l),
  ),
);
/** Nouns of view after a light verb; "have" takes only the doubt-like ones ("has no illusions about"). */
export const STANCE_NOUNS = new Set(
  `concern concerns doubt doubts misgivings reservations support opposition outrage frustration anger skepticism scepticism
   optimism pessimism confidence alarm dismay disappointment regret sympathy condolences gratitude approval disapproval
   objections objection questions criticism praise hope hopes fears fear worries worry illusions case`.split(/\s+/).filter(Boolean),
);
export const HAVE_NOUNS = new Set(['doubts', 'misgivings', 'reservations', 'illusions', 'questions', 'concerns', 'qualms', 'confidence', 'faith', 'hopes', 'fears']);
/** Agent nouns of stance after a copula: "is a staunch opponent of", "has been a vocal critic of". */
export const STANCE_AGENTS = new Set(
  `opponent opponents critic critics supporter supporters advocate advocates proponent proponents champion champions backer
   backers foe foes fan fans skeptic skeptics sceptic sceptics defender defenders ally allies admirer admirers`.split(/\s+/).filter(Boolean),
);

/** Nouns of view after a possessive: "his claim that", "Voss's view", "their call for". */
export const STANCE_POSS_NOUNS = new Set(
  `claim claims view views position stance argument arguments assertion assertions allegation allegations proposal proposals
   promise promises pledge pledges vow warning warnings criticism call calls demand demands decision belief beliefs suggestion
   insistence denial denials admission acknowledgment acknowledgement comments remarks statement statements testimony
   announcement theory intention opposition support contention assessment prediction predictions accusation accusations
   complaint complaints charge charges insinuation suspicion fear fears hope hopes concern concerns doubts`.split(/\s+/).filter(Boolean),
);
/** Possessive pronouns and the pronoun they resolve like. */
export const POSSESSIVES = new Map([['his', 'he'], ['her', 'she'], ['their', 'they'], ['my', 'i'], ['our', 'we']]);

/** Auxiliaries and light words that are no cue verb of their own ("is", "has", "means", "ensure"). */
export const AUX_WORDS = new Set(['is', 'was', 'were', 'are', 'be', 'been', 'being', 'has', 'have', 'had', 'do', 'does', 'did', 'so', 'such', 'means', 'meant', 'mean', 'ensure', 'ensured', 'ensures']);

/** Conjunctions that open a new main clause after a comma or dash. */
export const CLAUSE_CONJ = new Set(['but', 'and', 'though', 'although', 'while', 'yet', 'so', 'whereas']);
/** Cue forms that are also ordinary nouns: only cues when tagged as verbs. */
export const ALWAYS_VERB = new Set(['said', 'told', 'says', 'added', 'adding', 'saying', 'stated', 'warned', 'noted', 'wrote', 'insisted', 'argued', 'explained', 'acknowledged', 'emphasized', 'emphasised', 'stressed', 'reiterated', 'declared', 'announced', 'confirmed', 'denied', 'admitted', 'claimed', 'asked', 'replied']);
/** Report verbs that stay cues in a Title Case headline ("Senator Says …"). */
export const HEADLINE_CUES = new Set(['says', 'say', 'said', 'warns', 'claims', 'tells', 'urges', 'shows', 'show', 'finds', 'find', 'insists', 'denies', 'admits', 'predicts', 'vows', 'slams', 'blasts', 'calls', 'wants', 'believes', 'thinks', 'accuses', 'blames', 'defends', 'endorses', 'rejects', 'backs', 'praises', 'criticizes', 'suggests', 'hopes', 'fears', 'expects', 'doubts']);
export const PASSIVE_AUX = new Set(['is', 'was', 'were', 'are', 'been', 'be', 'being']);
/** Words before a cue word that make it a noun ("the claim", "his report"). */
export const NOUN_DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'his', 'her', 'its', 'their']);
/** Words that open a reduced passive cue ("when pressed by the host"). */
export const SUBORDINATORS = new Set(['when', 'if', 'as', 'once', 'unless', 'after', 'though', 'although']);
/** Where words were said ("in a statement"), skipped before the reported clause. */
export const STATEMENT_NOUNS = new Set(['statement', 'interview', 'letter', 'post', 'email', 'tweet']);
/** Cues that may name an addressee before the reported clause ("told reporters that …"). */
export const ADDRESSEE_CUES = new Set(['told', 'tells', 'tell', 'asked', 'urged', 'warned', 'reminded', 'assured', 'informed']);
/** Of those, the ones whose following noun phrase is the addressee with no "that" or "to" after it. */
export const TELL_CUES = new Set(['told', 'tells', 'tell', 'informed', 'assured']);
/** Words after a noun of view that open what the view is ("his claim that", "her doubts about"). */
export const VIEW_NOUN_LINKS = new Set(['that', 'to', 'of', 'about', 'for', 'on']);
/** Forms of "be" that make a cue's -ing form a progressive verb ("is promising"). */
export const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'am']);
/** Prepositions that make a year a date between a subject and its cue ("who in 2010 said"). */
export const YEAR_PREPOSITIONS = new Set(['in', 'since', 'during', 'by']);
/** Periods that, after a time determiner, are a date between a subject and its cue ("last week said"). */
export const TIME_NOUNS = new Set(['week', 'month', 'year', 'morning', 'afternoon', 'evening', 'night', 'weekend', 'spring', 'summer', 'fall', 'autumn', 'winter']);
export const TIME_DETERMINERS = new Set(['this', 'last', 'next', 'that', 'each', 'every']);
/** Auxiliaries: after a quote and a name ("“…,” she was …") not the verb of a credit. */
export const AUXILIARIES = new Set(['is', 'was', 'were', 'are', 'has', 'have', 'had', 'will', 'would', 'can', 'could']);
