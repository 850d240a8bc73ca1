/**
 * Strict attribution evidence on real copy: which words credit a statement to someone who can speak.
 * Used by unattributed-quote and unattributed-claim to decide (1) whether the article already
 * credits a quote or claim (a reporting verb near it, a colon introduction, a speaker carried through
 * consecutive quoted paragraphs, "a court heard"), and (2) whether a reference's credit is a
 * speaker (a person, organisation, role or document) and not a misread noun phrase.
 */
import type { TextModel } from '../text';
import { ROLE_NOUNS } from './cues';
import { isKnownName, isOrdinaryWord } from '../names/words';
import { COURTESY_TITLES, POST_NOMINALS, wordTest } from '../titles';

/** Documents that can be quoted as speaking for someone: "the leaflet read", "reads an editorial in the Courier". */
const DOCUMENTS = 'statement|letter|editorial|note|post|tweet|message|sign|banner|headline|release|e-?mail|memo|ad|advert|advertisement|caption|placard|petition|notice|card|leaflet|flyer';

/**
 * Verbs that report speech or a statement (any tense), "according to", and a document that reads (the
 * statement read, reads an editorial in Friday's Courier).
 */
export const REPORTING = new RegExp(
  String.raw`\b(?:(?:${DOCUMENTS})s?\s+(?:that\s+)?reads?\b|reads?\s+(?:the|a|an|his|her|their|its|this)\s+(?:\S+\s+){0,2}(?:${DOCUMENTS})s?\b)|` +
    /\b(?:spoke|speaks|elaborated|elaborates|responded|responds|said|says|say|saying|asking|telling|adding|explaining|insisting|told|tells|tell|added|adds|asked|asks|replied|replies|answered|shouted|screamed|yelled|cried|continued|insisted|insists|stated|states|declared|explained|explains|warned|warns|wrote|writes|claimed|claims|argued|argues|recalled|recalls|ruled|heard|alleged|allegedly|according to|quoted|reported|reports|noted|notes|admitted|admits|conceded|joked|remarked|commented|announced|announces|protested|urged|urges|testified|pleaded|went on|goes on|agreed|revealed|reveals|confirmed|confirms|denied|denies|reminded|reminds|reminding|maintained|maintains|acknowledged|described|put it|concluded|suggested|predicted|estimated|whispered|sobbed|laughed|muttered|boasted|complained|observed|roared|snapped|sighed|stormed|raged|blasted|fumed|gushed|quipped|tweeted|posted|beamed|smiled|wept|confided)\b/.source,
  'i',
);

/** "a court heard", "the jury was told", "magistrates heard", "the judges upheld": the court as the source. */
export const COURT_HEARD = /\b(?:court|jury|jurors|hearing|inquest|tribunal|magistrates|judge|judges|trial|justices|lords|committee|inquiry)(?:\s+\S+){0,2}\s+(?:heard|was told|were told|has heard|had heard|ruled|upheld|has upheld|has been told|had been told)\b/i;

/** The first word of a cue that reports speech or a statement (not "described", "ordered", "accused", "called"). */
const STRICT_CUES = new Set(
  `said says say told tells added adds stated states claimed claims alleged alleges argued argues explained explains
   insisted insists maintained maintains reported reports announced announces confirmed confirms denied denies wrote
   writes warned warns noted notes revealed reveals testified according admitted admits conceded estimated predicted
   disclosed acknowledged heard asked replied continued went declared believes believe believed suggested suggests`.split(/\s+/).filter(Boolean),
);

export function strictCue(cue: string): boolean {
  const w = cue.trim().toLowerCase().split(/\s+/)[0] ?? '';
  return STRICT_CUES.has(w);
}

const DETERMINERS = /^(?:the|a|an|his|her|their|its|our|one|two|three|several|some|many|other)$/i;
const TITLES = wordTest(POST_NOMINALS, COURTESY_TITLES, ['pc']);
const PRONOUN = /^(?:i|we|you|he|she|it|they|his|her|its|their|him|them|this|that|there|who)$/i;
const PREPOSITIONS = /(?:^|\s)(?:in|at|of|from|to|near|on|by|for|into|outside|inside|with|and|as|when)\s*[,]?\s*$/i;

/**
 * Can this credit speak? A name (capitalised words, optionally after a role: "posse leader Madeley",
 * "Foreign Secretary Jack Straw"), or a determiner with a role or body noun ("the prosecution", "a
 * spokesman for the rock star", "the Foreign Office"). Not a pronoun, a bare title ("QC"), a phrase with
 * a comma or line break, a place the reference names after a preposition ("in London ruled"), nor a
 * phrase that starts with a lower-case word that is not a determiner ("court", "alongside his wife …").
 * `before`: the reference text just before the credit, when known.
 */
export function speakerLike(name: string | null | undefined, before = ''): boolean {
  if (!name) return false;
  const n = name.trim();
  if (!n || /[,;:\n\r<>()\[\]"“”]/.test(n) || /['’]s$/.test(n)) return false;
  const words = n.split(/\s+/);
  if (words.length > 8) return false;
  if (words.length === 1 && (PRONOUN.test(n) || TITLES.test(n))) return false;
  // a wire slug in capitals (COURTS Chemists Substitute), or one capitalised ordinary word opening a sentence (Criteria)
  if (words.some((w) => w.length >= 3 && /^\p{Lu}+$/u.test(w) && !ROLE_NOUNS.has(w.toLowerCase()) && !/^(?:BBC|ITV|NHS|CPS|FBI|CIA|NASA|UN|EU|PA|AP|AFP|UPI|CNN|RSPCA|NSPCC|MP|MEP|QC|PCA|IRA)$/.test(w))) return false;
  if (words.length === 1 && /^\p{Lu}\p{Ll}+$/u.test(n) && !ROLE_NOUNS.has(n.toLowerCase()) && isOrdinaryWord(n.toLowerCase()) && !isKnownName(n.toLowerCase())) return false;
  if (PREPOSITIONS.test(before)) return false;
  const first = words[0]!;
  if (DETERMINERS.test(first)) {
    // the determiner's noun phrase must hold a role or a name: "the prosecution", "a spokesman for X"
    return words.slice(1).some((w) => ROLE_NOUNS.has(w.toLowerCase()) || /^(?:prosecution|defence|defense|court|jury|crown|coroner|magistrate|magistrates|judgment|judgement|ruling|inquiry|inquest|survey|study|poll|letter|document|paper)$/i.test(w) || /^\p{Lu}/u.test(w));
  }
  if (/^\p{Ll}/u.test(first)) {
    // a body or role on its own ("police", "officials"), or a role before a name: "union organiser Tomas Reyle"
    if (ROLE_NOUNS.has(words[words.length - 1]!.toLowerCase()) && !words.some((w) => /^\p{Lu}/u.test(w))) return words.length <= 3;
    return /^\p{Lu}/u.test(words[words.length - 1]!) && words.some((w) => ROLE_NOUNS.has(w.toLowerCase()) || /^(?:organiser|organizer|leader|host|singer|actor|actress|star|player|manager|driver|boss)$/i.test(w));
  }
  return /^\p{Lu}/u.test(words[words.length - 1]!) || ROLE_NOUNS.has(words[words.length - 1]!.toLowerCase());
}

/** Is paragraph `p` led by a quotation mark (a quoted paragraph)? */
export function quoteLed(model: TextModel, p: number): boolean {
  const para = model.paragraphs[p];
  if (!para) return false;
  const c = model.text[para.start];
  return c === '"' || c === '“' || c === '‘' || c === "'" || c === '«' || c === '„' || c === '`';
}
