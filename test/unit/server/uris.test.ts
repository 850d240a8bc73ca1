import assert from 'node:assert/strict';
import { languageOf } from '../../../src/server/uris';

describe('server: the language a document is checked as', () => {
  it('a generic text id on a Markdown or HTML file is that language (eglot names one language per server)', () => {
    assert.equal(languageOf({ languageId: 'text', uri: 'file:///w/a%20b/article.md' }), 'markdown');
    assert.equal(languageOf({ languageId: 'plaintext', uri: 'file:///w/Notes.MARKDOWN' }), 'markdown');
    assert.equal(languageOf({ languageId: 'text', uri: 'file:///w/page.html' }), 'html');
    assert.equal(languageOf({ languageId: 'text', uri: 'file:///w/page.htm?x=1' }), 'html');
  });

  it('any other id, a plain-text file name, or an unsaved editor keeps the client\'s id', () => {
    assert.equal(languageOf({ languageId: 'text', uri: 'file:///w/notes.txt' }), 'text');
    assert.equal(languageOf({ languageId: 'text', uri: 'file:///w/README' }), 'text');
    assert.equal(languageOf({ languageId: 'markdown', uri: 'file:///w/page.html' }), 'markdown');
    assert.equal(languageOf({ languageId: 'html', uri: 'file:///w/article.md' }), 'html');
    assert.equal(languageOf({ languageId: 'plaintext', uri: 'untitled:Untitled-1.md' }), 'plaintext');
  });
});
