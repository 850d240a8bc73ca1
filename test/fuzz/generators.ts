/**
 * fast-check generators for hostile article and reference text: random Unicode (astral, combining
 * marks, RTL, zero-width, NUL), mixed line ends, long lines, unbalanced and nested quotes, and
 * news-like text with reused passages so that the rules actually fire.
 */
import fc from 'fast-check';

const NEWS_WORDS = (
  'the mayor said council harbour strike workers union police minister told reporters on Monday according to ' +
  'officials sources “ ” " \' ‘ ’ — – - . , ; : ? ! ( ) Ms Mr Dr Varga Okafor Marrowby Kyiv Zelensky observers say ' +
  'critics argue it is believed added warned claimed 400 1,200 3.5 % £ € é ü ñ ß'
).split(' ');

const ODD = [
  '\u0000', '\u200b', '\u200d', '\u202e', '\u2066', '\ufeff', '\ud83d\ude00', '\ud83d', '\ude00', '\u0301', '\u0308',
  'ع', 'ש', '\r', '\n', '\r\n', '\u2028', '\u2029', '\t', ' ', '  ', '\u00a0', '“', '”', '"', '«', '»', '…', '...',
];

const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...NEWS_WORDS).map((w) => w + ' ') },
  { weight: 2, arbitrary: fc.constantFrom(...ODD) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
);

/** Random text of up to `max` pieces. */
export const hostileText = (max = 200) => fc.array(piece, { maxLength: max }).map((a) => a.join(''));

/** A very long line (tens of thousands of characters). */
export const longLine = fc
  .tuple(fc.constantFrom(...NEWS_WORDS), fc.integer({ min: 5_000, max: 25_000 }))
  .map(([w, n]) => (w + ' ').repeat(n).slice(0, 100_000));

/** An article and references where the article reuses pieces of the references. */
export const articleAndRefs = fc
  .tuple(fc.array(hostileText(120), { minLength: 0, maxLength: 4 }), hostileText(80), fc.array(fc.nat(), { maxLength: 6 }))
  .map(([refs, own, picks]) => {
    let article = own;
    for (const [k, p] of picks.entries()) {
      const r = refs.length ? refs[p % refs.length]! : '';
      const from = r.length ? p % r.length : 0;
      article = k % 2 ? article + r.slice(from, from + 300) : r.slice(from, from + 300) + article;
    }
    return { article, refs };
  });

/** Markup fragments (markdown and HTML), half-open and nested on purpose. */
const MARKUP = [
  '---\n', '---\r\n', '```', '~~~', '`', '[', ']', '](', ')', '![x](http://127.0.0.1:9/beacon)', '<script>', '</script>',
  '<style>', '</style>', '<!--', '-->', '<a href="javascript:alert(1)">', '</a>', '<p>', '</p>', '<br/>', '<div class=">">',
  '&amp;', '&rsquo;', '&#8217;', '&#x1F600;', '&#0;', '&#xD800;', '&#99999999;', '&bogus;', '&', '<', '>', '<![CDATA[',
  ']]>', '<?xml ?>', '<!DOCTYPE html>', 'http://example.com/a_(b)', 'https://x.y/z?q=1&r=2', '[ref]: http://e.x',
  '# ', '> ', '* ', '1. ', '|', '\\', 'title: "x"\n', 'command:copydesk.reindex',
];

/** Documents mixing markup fragments with hostile text, for proseView and the LineIndex. */
export const markupText = (max = 150) =>
  fc
    .array(fc.oneof({ weight: 3, arbitrary: piece }, { weight: 2, arbitrary: fc.constantFrom(...MARKUP) }), { maxLength: max })
    .map((a) => a.join(''));

/**
 * articleAndRefs at full size: fast-check's default size keeps arrays short (articles average ~46
 * characters, too short for most rules to fire), so this variant draws lengths over the whole range
 * (articles of hundreds of characters, references of up to 200 pieces, up to 6 of them).
 */
export const articleAndRefsFull = fc
  .tuple(
    fc.array(fc.array(piece, { maxLength: 200, size: 'max' }).map((a) => a.join('')), { minLength: 1, maxLength: 6, size: 'max' }),
    fc.array(piece, { maxLength: 120, size: 'max' }).map((a) => a.join('')),
    fc.array(fc.nat(), { minLength: 1, maxLength: 8, size: 'max' }),
  )
  .map(([refs, own, picks]) => {
    let article = own;
    for (const [k, p] of picks.entries()) {
      const r = refs[p % refs.length]!;
      const from = r.length ? p % r.length : 0;
      article = k % 2 ? article + r.slice(from, from + 400) : r.slice(from, from + 400) + article;
    }
    return { article, refs };
  });
