/**
 * Quantities in a run of fact tokens, normalised for comparison: digits and words ("forty" = 40),
 * thousands separators, multipliers ("£1.2m" = "£1.2 million"), per cent ("per cent", "percent",
 * "%"; "half" = 50 %), currencies, years, days of the month and clock times. Pure functions over
 * lower-cased token texts.
 */

export type QuantityKind = 'number' | 'percent' | 'money' | 'year' | 'time' | 'fraction';

export interface Quantity {
  /** token range [from, to) of the phrase in the token list it was read from */
  from: number;
  to: number;
  /** the value: a fraction for percentages and fractions (40 % = 0.4), minutes after midnight for times */
  value: number;
  kind: QuantityKind;
  currency?: string;
  /** token range of the number core (digits or number words), for fixes that keep the article's style */
  coreFrom: number;
  coreTo: number;
  /** the core is written in words */
  words: boolean;
  /** significant decimal places of a digit core (0 for integers), for rounding */
  decimals: number;
}

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const SCALES: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
const SHORT_SCALES: Record<string, number> = { k: 1e3, m: 1e6, mn: 1e6, bn: 1e9, tn: 1e12 };
const FRACTIONS: Record<string, number> = { half: 0.5, halves: 0.5, quarter: 0.25, quarters: 0.25, third: 1 / 3, thirds: 1 / 3 };
const CURRENCY_SYMBOLS: Record<string, string> = { '£': 'GBP', $: 'USD', '€': 'EUR' };
const CURRENCY_WORDS: Record<string, string> = {
  pound: 'GBP', pounds: 'GBP', sterling: 'GBP', pence: 'GBP-p', p: 'GBP-p', dollar: 'USD', dollars: 'USD', euro: 'EUR', euros: 'EUR',
};
/** words naming whose currency an amount is in ("US dollars", "Hong Kong dollars") */
const CURRENCY_COUNTRY: Record<string, string> = {
  us: 'US', american: 'US', australian: 'AU', canadian: 'CA', singapore: 'SG', hong: 'HK', kong: '', new: 'NZ', zealand: '', irish: 'IE', egyptian: 'EG',
};
/** words that only make sense after a number: a phrase reaching one is extended over it */
export const QUANTITY_SUFFIX = new Set(['per', 'cent', 'percent', '%', 'pc', ...Object.keys(SCALES), ...Object.keys(SHORT_SCALES), ...Object.keys(CURRENCY_WORDS), 'am', 'pm']);

export const NUMBER_WORDS = new Set([...Object.keys(UNITS), ...Object.keys(TENS), ...Object.keys(SCALES), ...Object.keys(FRACTIONS), 'dozen', 'a', 'and']);

const DIGITS_RE = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(st|nd|rd|th|k|m|mn|bn|tn|s|am|pm)?$/;
const TIME_RE = /^(\d{1,2})(?:[.:](\d{2}))?(am|pm)$/;

/** A digit token's value and decimals, or null. "1,000" → 1000; "1.2m" → 1.2e6; "21st" → 21. */
function digitToken(t: string): { value: number; decimals: number; suffix: string } | null {
  const m = DIGITS_RE.exec(t);
  if (!m) return null;
  const base = Number(m[1]!.replace(/,/g, '') + (m[2] ? '.' + m[2] : ''));
  const suffix = m[3] ?? '';
  const scale = SHORT_SCALES[suffix] ?? 1;
  return { value: base * scale, decimals: m[2]?.length ?? 0, suffix };
}

/** Value of number words starting at `k` ("forty five", "two hundred and ten", "a dozen"); tokens used. */
function wordNumber(toks: readonly string[], k: number): { value: number; used: number } | null {
  let total = 0;
  let current = 0;
  let used = 0;
  let any = false;
  let j = k;
  while (j < toks.length) {
    const w = toks[j]!;
    if (w in UNITS) current += UNITS[w]!;
    else if (w in TENS) current += TENS[w]!;
    else if (w === 'dozen') current = (current || 1) * 12;
    else if (w in SCALES && any) {
      const s = SCALES[w]!;
      if (s === 100) current *= 100;
      else {
        total += current * s;
        current = 0;
      }
    } else if (w === 'and' && any && j + 1 < toks.length && (toks[j + 1]! in UNITS || toks[j + 1]! in TENS)) {
      j++;
      continue;
    } else if (w === 'a' && !any && j + 1 < toks.length && (toks[j + 1] === 'dozen' || toks[j + 1] === 'hundred' || toks[j + 1] === 'thousand' || toks[j + 1] === 'million')) {
      current = 1;
      j++;
      any = true;
      continue;
    } else break;
    any = true;
    j++;
    used = j - k;
  }
  return any && used > 0 ? { value: total + current, used } : null;
}

/**
 * Every quantity phrase in `toks` (lower-cased fact token texts), left to right, non-overlapping.
 * `monthAt(k)` says whether token k is a month name (a number beside one is a day of the month).
 */
export function quantities(toks: readonly string[], monthAt: (k: number) => boolean = () => false): Quantity[] {
  const out: Quantity[] = [];
  let k = 0;
  while (k < toks.length) {
    const q = quantityAt(toks, k, monthAt);
    if (q) {
      out.push(q);
      k = q.to;
    } else k++;
  }
  return out;
}

function quantityAt(toks: readonly string[], k: number, monthAt: (k: number) => boolean): Quantity | null {
  let from = k;
  let j = k;
  let currency: string | undefined;
  if (CURRENCY_SYMBOLS[toks[j]!]) {
    currency = CURRENCY_SYMBOLS[toks[j]!];
    j++;
  }
  const t = toks[j];
  if (t === undefined) return null;
  let value: number;
  let decimals = 0;
  let words = false;
  const coreFrom = j;
  const time = TIME_RE.exec(t);
  if (time && !currency) {
    const h = (Number(time[1]) % 12) + (time[3] === 'pm' ? 12 : 0);
    return { from, to: j + 1, value: h * 60 + Number(time[2] ?? 0), kind: 'time', coreFrom, coreTo: j + 1, words: false, decimals: 0 };
  }
  const d = digitToken(t);
  if (d) {
    value = d.value;
    decimals = d.decimals;
    j++;
    if (d.suffix === 'am' || d.suffix === 'pm') return null;
    if (d.suffix === 's') return null; // the 1990s, 30s: a period, not a count
  } else if (t in FRACTIONS && !currency) {
    // "half" / "a third": a share (= 50 %, 33 %); "one and a half" is read below as a number
    j++;
    return { from: toks[from - 1] === 'a' || toks[from - 1] === 'one' ? from : from, to: j, value: FRACTIONS[t]!, kind: 'fraction', coreFrom, coreTo: j, words: true, decimals: 0 };
  } else {
    const w = wordNumber(toks, j);
    if (!w) return null;
    value = w.value;
    words = true;
    j += w.used;
  }
  const coreTo = j;
  // time written "10.30 am" or "10 pm"
  if ((toks[j] === 'am' || toks[j] === 'pm') && !currency && value < 13) {
    const h = Math.floor(value);
    const mins = Math.round((value - h) * 100);
    return { from, to: j + 1, value: ((h % 12) + (toks[j] === 'pm' ? 12 : 0)) * 60 + mins, kind: 'time', coreFrom, coreTo, words, decimals: 0 };
  }
  // multipliers: "1.2 million", "two thousand"
  while (toks[j] !== undefined && (SCALES[toks[j]!] !== undefined || SHORT_SCALES[toks[j]!] !== undefined) && toks[j] !== 'hundred') {
    value *= SCALES[toks[j]!] ?? SHORT_SCALES[toks[j]!]!;
    j++;
  }
  let kind: QuantityKind = 'number';
  if (toks[j] === '%' || toks[j] === 'percent' || toks[j] === 'pc') {
    kind = 'percent';
    j++;
  } else if (toks[j] === 'per' && toks[j + 1] === 'cent') {
    kind = 'percent';
    j += 2;
  } else if (toks[j] !== undefined && CURRENCY_WORDS[toks[j]!] && !currency) {
    currency = CURRENCY_WORDS[toks[j]!];
    j++;
  } else if (!currency && toks[j] !== undefined && CURRENCY_COUNTRY[toks[j]!] !== undefined) {
    // "5,000 US dollars", "2m Hong Kong dollars": the country names the currency
    let m = j;
    const country: string[] = [];
    while (m < j + 2 && toks[m] !== undefined && CURRENCY_COUNTRY[toks[m]!] !== undefined) country.push(toks[m++]!);
    const w = toks[m];
    if (w !== undefined && CURRENCY_WORDS[w]) {
      const code = country.map((c) => CURRENCY_COUNTRY[c]).join('');
      currency = code === 'US' && CURRENCY_WORDS[w] === 'USD' ? 'USD' : `${code}-${CURRENCY_WORDS[w]}`;
      j = m + 1;
    }
  }
  if (currency) kind = 'money';
  if (kind === 'percent') value /= 100;
  else if (kind === 'number' && !words && decimals === 0 && value >= 1800 && value <= 2099 && coreTo - coreFrom === 1 && !/,/.test(toks[coreFrom]!)) kind = 'year';
  // a day of the month beside a month name is a date: compared as a year-like slot
  if (kind === 'number' && !words && (monthAt(from - 1) || monthAt(j) || (toks[j] === 'of' && monthAt(j + 1)))) kind = 'year';
  return { from, to: j, value, kind, ...(currency ? { currency } : {}), coreFrom, coreTo, words, decimals };
}

/** Same quantity: equal values (a share written as a fraction or a percentage compares as a share). */
export function sameQuantity(a: Quantity, b: Quantity): boolean {
  const share = (q: Quantity) => q.kind === 'percent' || q.kind === 'fraction';
  if (share(a) !== share(b) && !(a.kind === 'number' || b.kind === 'number')) return false;
  if (a.currency && b.currency && a.currency !== b.currency) return false;
  const x = share(a) && b.kind === 'number' && !share(b) ? a.value * 100 : a.value;
  const y = share(b) && a.kind === 'number' && !share(a) ? b.value * 100 : b.value;
  return Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x), Math.abs(y));
}

/**
 * Rounding that keeps the meaning: the article's figure is the source's rounded to the article's
 * last significant digit (39.6 → 40, £1.23m → £1.2m) and within 5 %, or hedged ("nearly",
 * "about") and within 10 %.
 */
export function isRounding(source: Quantity, article: Quantity, hedged: boolean): boolean {
  if (source.kind !== article.kind || source.currency !== article.currency || source.kind === 'year' || source.kind === 'time') return false;
  const s = source.value;
  const a = article.value;
  if (a === 0 || s === 0 || Math.sign(a) !== Math.sign(s)) return false;
  const rel = Math.abs(s - a) / Math.abs(s);
  if (hedged) return rel <= 0.1;
  if (rel > 0.05) return false;
  const exp = Math.floor(Math.log10(Math.abs(a)));
  const mantissa = String(Math.round((Math.abs(a) / Math.pow(10, exp)) * 1e6) / 1e6).replace('.', '').replace(/0+$/, '');
  const step = Math.pow(10, exp - (Math.max(1, mantissa.length) - 1));
  return Math.abs(Math.round(s / step) * step - a) <= 1e-9 * Math.abs(a);
}

const SMALL = Object.keys(UNITS);
const TENS_NAMES = Object.keys(TENS);

/** A whole number 0..999 in words ("forty-five"); null when it has no short word form. */
export function numberInWords(n: number): string | null {
  if (!Number.isInteger(n) || n < 0 || n > 999) return null;
  if (n < 20) return SMALL[n]!;
  if (n < 100) return TENS_NAMES[Math.floor(n / 10) - 2]! + (n % 10 ? '-' + SMALL[n % 10]! : '');
  const rest = n % 100;
  return SMALL[Math.floor(n / 100)]! + ' hundred' + (rest ? ' and ' + numberInWords(rest)! : '');
}
