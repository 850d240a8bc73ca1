/**
 * The standalone HTML export of a report. Pure (no vscode): every value from the article or the
 * references is escaped; no scripts, inline CSS only.
 */
import type { Report } from '../shared/protocol';

export function escapeHtml(s: unknown): string {
  return String(s ?? '').replace(/[&<>"'`]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' })[c]!);
}

export function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}

export function groupByRule(r: Report): Map<string, Report['findings']> {
  const m = new Map<string, Report['findings']>();
  for (const f of r.findings) {
    const l = m.get(f.rule) ?? [];
    l.push(f);
    m.set(f.rule, l);
  }
  return m;
}

export function sourceLabel(s: { title?: string; outlet?: string; id: string }): string {
  return [s.outlet, s.title].filter(Boolean).join(' — ') || s.id;
}

export function renderReportHtml(r: Report, articleName: string, generated = new Date()): string {
  const rows = r.sources
    .map((s) => {
      const share = r.words ? s.matchedWords / r.words : 0;
      return `<tr><td>${escapeHtml(sourceLabel(s))}${s.date ? ` <small>${escapeHtml(s.date)}</small>` : ''}</td><td class="n">${s.matchedWords}</td><td class="n">${pct(share)}</td><td><div class="bar"><div style="width:${Math.max(1, Math.round(share * 100))}%"></div></div></td></tr>`;
    })
    .join('\n');
  const groups = [...groupByRule(r)]
    .map(
      ([rule, fs]) =>
        `<h3>${escapeHtml(rule)} <small>(${fs.length})</small></h3>\n<ol>${fs
          .map(
            (f) =>
              `<li><span class="sev ${escapeHtml(f.severity)}">${escapeHtml(f.severity)}</span> line ${f.range.start.line + 1}: ${escapeHtml(f.message)}<blockquote>${escapeHtml(f.text)}</blockquote>${
                f.source ? `<blockquote class="src">${escapeHtml(f.source.text)}<br><small>${escapeHtml(sourceLabel(f.source))}</small></blockquote>` : ''
              }</li>`,
          )
          .join('\n')}</ol>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Copydesk report: ${escapeHtml(articleName)}</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;max-width:960px;margin:2em auto;padding:0 1em;color:#222}
.big{font-size:2.4em;font-weight:600}.n{text-align:right}table{border-collapse:collapse;width:100%}
td,th{padding:.3em .5em;border-bottom:1px solid #ddd;text-align:left}.bar{background:#eee;height:.8em;width:200px}
.bar div{background:#c0392b;height:100%}blockquote{margin:.3em 0 .6em 1em;padding-left:.6em;border-left:3px solid #bbb}
blockquote.src{border-color:#2980b9;color:#444}.sev{font-size:.8em;padding:0 .4em;border-radius:3px;background:#eee}
.sev.error{background:#f5b7b1}.sev.warning{background:#fad7a0}
</style></head><body>
<h1>Copydesk report</h1>
<p>${escapeHtml(articleName)} · ${r.words} words · checked against ${r.references} reference documents · ${escapeHtml(generated.toISOString())}</p>
<p class="big">${pct(r.originality)} original</p>
<h2>Sources (${r.sources.length})</h2>
${r.sources.length ? `<table><tr><th>Source</th><th class="n">Words</th><th class="n">Share</th><th></th></tr>\n${rows}</table>` : '<p>No copied passages.</p>'}
<h2>Findings (${r.findings.length})</h2>
${groups || '<p>No findings.</p>'}
</body></html>
`;
}
