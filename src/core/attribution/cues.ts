/**
 * The cue lexicon: verbs and phrases that attribute speech, writing or belief to a source.
 */

/** Reporting verbs in their inflected forms (lower case). `weak` cues attribute only next to a quote. */
const VERBS = `say says said saying tell tells told telling add adds added adding state states stated stating
note notes noted noting warn warns warned warning claim claims claimed claiming explain explains explained explaining
insist insists insisted insisting argue argues argued arguing write writes wrote writing ask asks asked asking
reply replies replied replying declare declares declared declaring announce announces announced announcing
confirm confirms confirmed confirming deny denies denied denying acknowledge acknowledges acknowledged acknowledging
admit admits admitted admitting emphasize emphasizes emphasized emphasizing emphasise emphasises emphasised emphasising
stress stresses stressed stressing reiterate reiterates reiterated reiterating suggest suggests suggested suggesting
tweet tweets tweeted tweeting post posts posted recall recalls recalled recalling remark remarks remarked remarking
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
export const WEAK_CUES = new Set(WEAK.split(/\s+/).filter(Boolean));

/** Participles that take the subject of the main clause ("…, adding: “…”"). */
export function isParticiple(norm: string): boolean {
  return norm.endsWith('ing');
}

/** Multi-word cues, as sequences of normalised words; the source follows `according to`. */
export const PHRASE_CUES: { words: string[]; sourceAfter: boolean }[] = [
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
   just only even never not still already sharply bluntly angrily openly firmly told had been has been`.split(/\s+/).filter(Boolean),
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
   authorities authority administration white house kremlin office press pentagon military army navy`.split(/\s+/).filter(Boolean),
);

export const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'i', 'we', 'you']);
export const PERSON_PRONOUNS = new Set(['he', 'she', 'i']);
