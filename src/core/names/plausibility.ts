/**
 * How plausible a spelling looks as an English-language word or name: a character trigram model
 * (add-one smoothing) trained on the ordinary-word list and compromise's name lexicon. Used only to
 * break thin disputes — one reference against the article — in favour of the spelling that looks
 * less like a slip (Allende over Altende, Scotland over Scotkand).
 */
import nlp from 'compromise';
import { englishWords } from './words';
import { foldDiacritics } from './similarity';

const A = 28; // '^' = 0, a-z = 1..26, '$' = 27
let model: { tri: Float64Array; bi: Float64Array } | undefined;

function codes(w: string): number[] {
  const out = [0, 0];
  for (let i = 0; i < w.length; i++) out.push(w.charCodeAt(i) - 96);
  out.push(27);
  return out;
}

function train(): NonNullable<typeof model> {
  const tri = new Float64Array(A * A * A);
  const bi = new Float64Array(A * A);
  const add = (w: string, weight: number) => {
    const c = codes(w);
    for (let i = 2; i < c.length; i++) {
      bi[c[i - 2]! * A + c[i - 1]!]! += weight;
      tri[(c[i - 2]! * A + c[i - 1]!) * A + c[i]!]! += weight;
    }
  };
  for (const w of englishWords()) if (/^[a-z]+$/.test(w)) add(w, 1);
  const lex = (nlp as unknown as { model(): { one: { lexicon: Record<string, unknown> } } }).model().one.lexicon;
  // names weigh more: they are what is being judged
  for (const w of Object.keys(lex)) if (/^[a-z]+$/.test(w)) add(w, 3);
  return { tri, bi };
}

/** Mean log-probability per character (higher = more plausible). */
export function plausibility(word: string): number {
  model ??= train();
  const w = foldDiacritics(word).replace(/[^a-z]/g, '');
  if (!w) return 0;
  const c = codes(w);
  let lp = 0;
  for (let i = 2; i < c.length; i++) {
    const h = c[i - 2]! * A + c[i - 1]!;
    lp += Math.log((model.tri[h * A + c[i]!]! + 1) / (model.bi[h]! + A));
  }
  return lp / (c.length - 2);
}
