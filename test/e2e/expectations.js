// What the e2e tests expect Copydesk to report for the fixture workspace (test/fixtures/e2e).
// One entry per rule. A rule that lands later needs only its entry here: both the UI test and the
// extension-host suite iterate this table for every rule the built server registers
// (copydesk/report → rules). Diagnostics of a registered rule without an entry are listed as
// "unchecked" and fail the run (so a new rule cannot slip in untested).
'use strict';

/** @type {Record<string, { file: string, severity?: string, texts: string[], fix?: { on: string, title: RegExp, after: string[] , gone?: boolean } }>} */
const RULES = {
  'copied-passage': {
    file: 'article.md',
    texts: [
      'Ferry crews on the Lantern Bay crossing walked off the job on Thursday morning after the regional council voted to cut the winter sailing subsidy by a third',
      'Forty per cent of sailings were cancelled in March because of staff shortages',
      // not the union organiser's words: both texts quote them, so they are a shared quotation (the
      // article's fault is the missing speaker, unattributed-quote below), not copied writing
    ],
    fix: { on: 'Ferry crews on the Lantern Bay crossing', title: /^Quote it and credit Coastline Wire$/, after: ['“Ferry crews on the Lantern Bay crossing', 'by a third,” according to Coastline Wire.'] },
  },
  'name-spelling': {
    file: 'article.md',
    texts: ['Odouya'],
    fix: { on: 'Odouya', title: /^Replace with "Oduya"$/, after: ['Councillor Maren Oduya, who chairs'], gone: true },
  },
  misquote: {
    file: 'article.md',
    texts: ['We will not let the crossings close this winter.'],
    fix: { on: 'We will not let the crossings close this winter.', title: /^Restore the source wording/, after: ['"We will not let the crossings close for a single winter."'], gone: true },
  },
  'unattributed-claim': {
    file: 'article.md',
    texts: ['Forty per cent of sailings were cancelled in March because of staff shortages.'],
    fix: { on: 'Forty per cent of sailings', title: /^Add “according to the port authority”$/, after: ['staff shortages, according to the port authority.'] },
  },
  'weasel-attribution': {
    file: 'article.md',
    severity: 'hint',
    texts: ['Experts say'],
  },
  'unattributed-quote': {
    file: 'article.md',
    texts: ['Nobody asked the crews what a winter timetable would look like.'],
    fix: { on: 'Nobody asked the crews', title: /^Attribute to union organiser Tomas Reyle$/, after: ['look like," union organiser Tomas Reyle said.'], gone: true },
  },
  'name-inconsistency': {
    file: 'article.md',
    texts: ['Halvorson'],
    fix: { on: 'Halvorson', title: /^Replace with "Halvorsen"$/, after: ['parents thanked Annika Halvorsen for'], gone: true },
  },
  'fact-mismatch': {
    file: 'article.md',
    texts: ['£14,000'],
    fix: { on: '£14,000', title: /^Use the source's value: “£40,000”$/, after: ['Repairs to the slipway will cost £40,000.'], gone: true },
  },
};

/** notes.txt: a verbatim passage from the council release (plain text document). */
const NOTES = {
  file: 'notes.txt',
  rule: 'copied-passage',
  text: 'the revised transport budget protects school bus routes for the next three years while the ferry service is reviewed by an independent panel',
  source: 'council-release.txt',
};

/** Rules whose presence is required whatever the server registers (guards against a rule vanishing). */
const REQUIRED = ['copied-passage'];

module.exports = { RULES, NOTES, REQUIRED };
