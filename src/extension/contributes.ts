/**
 * The extension's part of package.json (contributes, activationEvents, main, icon, capabilities),
 * generated from the typed settings in src/shared/config.ts. test/unit/shared/config.test.ts checks
 * that package.json matches; after changing a setting or a command run
 *   npx tsx scripts/sync-generated.ts
 * which rewrites only these fields of package.json (and the report schema's rule enum).
 */
import { CONFIG_SCHEMA } from '../shared/config';

export function extensionManifest() {
  const langs = "resourceLangId == plaintext || resourceLangId == markdown || resourceLangId == html";
  const activationEvents = ['onLanguage:plaintext', 'onLanguage:markdown', 'onLanguage:html', 'workspaceContains:.copydesk', 'onView:copydesk.quotes'];
  const capabilities = {
    untrustedWorkspaces: {
      supported: 'limited',
      description: 'In an untrusted workspace Copydesk reads only reference files inside the workspace; copydesk.references entries that point outside it are ignored.',
      restrictedConfigurations: ['copydesk.references'],
    },
    virtualWorkspaces: { supported: false, description: 'Copydesk reads reference files from disk.' },
  };
  const contributes = {
    configuration: { title: 'Copydesk', properties: CONFIG_SCHEMA },
    commands: [
      { command: 'copydesk.checkDocument', title: 'Check Document', category: 'Copydesk', icon: '$(check)' },
      { command: 'copydesk.chooseReferenceFolder', title: 'Choose Reference Folder…', category: 'Copydesk' },
      { command: 'copydesk.compareWithSource', title: 'Compare with Source', category: 'Copydesk', icon: '$(split-horizontal)' },
      { command: 'copydesk.showReport', title: 'Show Report', category: 'Copydesk', icon: '$(graph)' },
      { command: 'copydesk.reindex', title: 'Rebuild Reference Index', category: 'Copydesk' },
      { command: 'copydesk.showOutput', title: 'Show Log', category: 'Copydesk' },
      { command: 'copydesk.quotes.refresh', title: 'Refresh Quotes', category: 'Copydesk', icon: '$(refresh)' },
      { command: 'copydesk.acceptName', title: 'Accept Spelling as House Name', category: 'Copydesk' },
      { command: 'copydesk.revealRange', title: 'Reveal Range', category: 'Copydesk' },
    ],
    menus: {
      commandPalette: [
        { command: 'copydesk.acceptName', when: 'false' },
        { command: 'copydesk.revealRange', when: 'false' },
        { command: 'copydesk.quotes.refresh', when: 'false' },
        { command: 'copydesk.compareWithSource', when: `editorIsOpen && (${langs.replace(/resourceLangId/g, 'editorLangId')})` },
      ],
      'editor/context': [
        { command: 'copydesk.compareWithSource', when: langs, group: 'copydesk@1' },
        { command: 'copydesk.showReport', when: langs, group: 'copydesk@2' },
      ],
      'editor/title': [{ command: 'copydesk.showReport', when: langs, group: 'navigation@90' }],
      'view/title': [{ command: 'copydesk.quotes.refresh', when: 'view == copydesk.quotes', group: 'navigation' }],
    },
    views: { explorer: [{ id: 'copydesk.quotes', name: 'Quotes', icon: 'media/icon.png', contextualTitle: 'Copydesk' }] },
    viewsWelcome: [{ view: 'copydesk.quotes', contents: 'Open an article to list its quotations and speakers.' }],
    walkthroughs: [
      {
        id: 'copydesk.start',
        title: 'Get started with Copydesk',
        description: 'Check an article against its sources: copied passages, attribution, quotes and names.',
        steps: [
          { id: 'references', title: 'Choose the reference set', description: 'Wire copy, releases and other versions of the story.\n[Choose Reference Folder…](command:copydesk.chooseReferenceFolder)', media: { markdown: 'media/walkthrough/references.md' }, completionEvents: ['onCommand:copydesk.chooseReferenceFolder', 'onSettingChanged:copydesk.references'] },
          { id: 'check', title: 'Open an article', description: 'Findings are underlined as you type.\n[Check Document](command:copydesk.checkDocument)', media: { markdown: 'media/walkthrough/check.md' }, completionEvents: ['onCommand:copydesk.checkDocument', 'onLanguage:markdown', 'onLanguage:plaintext'] },
          { id: 'hover', title: 'Read a finding and fix it', description: 'Hover for the source side by side; Ctrl+. for quick fixes.\n[Compare with Source](command:copydesk.compareWithSource)', media: { markdown: 'media/walkthrough/hover.md' }, completionEvents: ['onCommand:copydesk.compareWithSource'] },
          { id: 'report', title: 'Show the report', description: 'Originality, sources and every finding; export to HTML or JSON.\n[Show Report](command:copydesk.showReport)', media: { markdown: 'media/walkthrough/report.md' }, completionEvents: ['onCommand:copydesk.showReport'] },
        ],
      },
    ],
  };
  return { main: './dist/extension.js', icon: 'media/icon.png', activationEvents, capabilities, contributes };
}
