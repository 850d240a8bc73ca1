// Non-ASCII characters of a bundle written as \uXXXX escapes (esbuild.js, after each build). esbuild's
// `charset: 'ascii'` (its default) escapes strings, templates and identifiers but leaves regular-expression
// literals as raw UTF-8 (compromise has ~200 with dashes and quotes), and one such character makes Node
// decode the whole multi-megabyte file into a two-byte string and V8 scan that: the server's bundle loads in
// measurably less CPU when it is pure ASCII. In a regular expression `\u2013` matches what `–` matches, with
// or without the u flag (a surrogate pair escaped as two \u escapes is one code point under u); a character
// escaped with a backslash (`\’`, an identity escape) becomes its \u escape. A comment's text changes, which
// nothing reads. Source maps' columns after an escaped character on its line are off by 5 a character.
function asciiOnly(source) {
  return source.replace(/(\\*)([^\x00-\x7f])/g, (_m, slashes, c) => {
    const esc = `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
    // an odd run of backslashes escapes the character itself: the escape replaces that last backslash
    return (slashes.length % 2 === 1 ? slashes.slice(1) : slashes) + esc;
  });
}

module.exports = { asciiOnly };
