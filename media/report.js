// Copydesk report webview. Builds the DOM from the posted report with textContent only:
// nothing from the article or the references is ever parsed as HTML.
// @ts-check
(function () {
  'use strict';
  // eslint-disable-next-line no-undef
  const vscode = acquireVsCodeApi();
  const app = document.getElementById('app');

  /** @param {string} tag @param {Record<string,string>} [attrs] @param {(Node|string)[]} [kids] */
  function el(tag, attrs, kids) {
    const e = document.createElement(tag);
    if (attrs) for (const k of Object.keys(attrs)) {
      if (k === 'text') e.textContent = attrs[k];
      else e.setAttribute(k, attrs[k]);
    }
    if (kids) for (const c of kids) e.append(typeof c === 'string' ? document.createTextNode(c) : c);
    return e;
  }
  const pct = (x) => `${Math.round(x * 100)}%`;
  const label = (s) => [s.outlet, s.title].filter(Boolean).join(' — ') || s.id;

  function render(report, name) {
    app.replaceChildren();
    if (!report) {
      app.append(el('p', { class: 'muted', text: 'This document is not checked (not a checked language, too large, or the server is starting).' }));
      return;
    }
    const head = el('header', {}, [
      el('div', { class: 'orig', id: 'originality', text: `${pct(report.originality)} original` }),
      el('div', { class: 'muted', text: `${name} · ${report.words} words · ${report.references} reference documents · ${report.findings.length} findings` }),
      el('div', { class: 'actions' }, [
        el('button', { id: 'export-html', text: 'Export HTML' }),
        el('button', { id: 'export-json', text: 'Export JSON' }),
      ]),
    ]);
    app.append(head);

    app.append(el('h2', { text: `Sources (${report.sources.length})` }));
    if (!report.sources.length) app.append(el('p', { class: 'muted', text: 'No copied passages.' }));
    const list = el('div', { class: 'sources' });
    report.sources.forEach((s, i) => {
      const share = report.words ? s.matchedWords / report.words : 0;
      const bar = el('div', { class: 'bar' }, [el('div', { class: 'fill' })]);
      /** @type {HTMLElement} */ (bar.firstChild).style.width = `${Math.max(1, Math.round(share * 100))}%`;
      const row = el('div', { class: 'source', 'data-index': String(i) }, [
        el('a', { href: '#', class: 'source-name', text: label(s) }),
        el('span', { class: 'muted', text: s.date ? ` ${s.date}` : '' }),
        bar,
        el('span', { class: 'figure', text: `${s.matchedWords} words · ${pct(share)}` }),
      ]);
      row.querySelector('a').addEventListener('click', (ev) => { ev.preventDefault(); vscode.postMessage({ type: 'openSource', index: i }); });
      list.append(row);
    });
    app.append(list);

    app.append(el('h2', { text: `Findings (${report.findings.length})` }));
    const groups = new Map();
    report.findings.forEach((f, i) => {
      if (!groups.has(f.rule)) groups.set(f.rule, []);
      groups.get(f.rule).push([f, i]);
    });
    if (!groups.size) app.append(el('p', { class: 'muted', text: 'No findings.' }));
    for (const [rule, items] of groups) {
      const det = el('details', { open: '', class: 'rule', 'data-rule': rule }, [el('summary', { text: `${rule} (${items.length})` })]);
      for (const [f, i] of items) {
        const a = el('a', { href: '#', class: 'finding', text: `line ${f.range.start.line + 1}: ${f.message}` });
        a.addEventListener('click', (ev) => { ev.preventDefault(); vscode.postMessage({ type: 'reveal', index: i }); });
        const li = el('div', { class: `item ${f.severity}` }, [a, el('blockquote', { text: f.text })]);
        if (f.source) li.append(el('blockquote', { class: 'src', text: `${f.source.text}  — ${label(f.source)}` }));
        det.append(li);
      }
      app.append(det);
    }
    document.getElementById('export-html').addEventListener('click', () => vscode.postMessage({ type: 'export', format: 'html' }));
    document.getElementById('export-json').addEventListener('click', () => vscode.postMessage({ type: 'export', format: 'json' }));
  }

  window.addEventListener('message', (ev) => {
    const m = ev.data;
    if (m && m.type === 'report') render(m.report, String(m.name || ''));
  });
  vscode.postMessage({ type: 'ready' });
})();
