import { findingCounts, ruleName, severityName, TEXT_NAMES } from '../../../shared/disclosures/finding-words.ts';
import { escapeHtml, renderHtmlFragment } from '../../../shared/disclosures/render-html.ts';
import {
  checklistMark,
  formatBand,
  overrideLine,
  formatDay,
  INDICATOR_LABELS,
  STATUS_LABELS,
  SURFACE_LABELS,
  type DisclosureReport,
} from './report.ts';

const CSS = `
:root { color-scheme: light; --text:#1d1d1f; --muted:#5f6368; --border:#d5d7db; --accent:#0b57d0; --ok:#137333; --bad:#b3261e; }
* { box-sizing: border-box; }
body { margin: 0; padding: 32px; word-break: keep-all; overflow-wrap: anywhere; font: 15px/1.6 "Notice Desk Sans","Noto Sans KR","Noto Sans CJK KR","Apple SD Gothic Neo","Malgun Gothic",system-ui,sans-serif; color: var(--text); background: #fff; }
main { max-width: 760px; margin: 0 auto; }
h1 { font-size: 24px; margin: 0 0 4px; }
.meta { color: var(--muted); margin: 0 0 24px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 24px; }
th, td { border: 1px solid var(--border); padding: 6px 10px; text-align: left; vertical-align: top; }
th { background: #f4f5f7; }
.ok { color: var(--ok); font-weight: 700; }
.bad { color: var(--bad); font-weight: 700; }
section.text { border-top: 2px solid var(--border); padding-top: 12px; margin-top: 24px; }
section.text strong { font-weight: 700; }
.var { background: #eef3fd; border-radius: 3px; padding: 0 2px; }
.var.unknown { background: #fce8e6; color: var(--bad); }
a { color: var(--accent); }
ul.overrides { padding-left: 18px; margin: 0 0 24px; }
ul.overrides li.stale { color: var(--muted); }
@media print { body { padding: 0; } .var { background: none; } }
`;

function checklistTable(report: DisclosureReport): string {
  const rows = report.checklist
    .map(
      (c) =>
        `<tr><td>${escapeHtml(c.label.ko)}<br><small>${escapeHtml(c.label.en)}</small></td>` +
        (['ko', 'en'] as const)
          .map((l) => `<td class="${c.present[l] ? 'ok' : 'bad'}">${checklistMark(c, l)}</td>`)
          .join('') +
        '</tr>',
    )
    .join('');
  const table = `<table><thead><tr><th>필수 항목 / Required element</th><th>한국어</th><th>English</th></tr></thead><tbody>${rows}</tbody></table>`;
  if (!report.overrides.length) return table;
  const items = report.overrides.map((o) => `<li${o.stale ? ' class="stale"' : ''}>${escapeHtml(overrideLine(o, report.timeZone))}</li>`).join('');
  return `${table}<h3>검토자 판정 / Reviewer overrides</h3><ul class="overrides">${items}</ul>`;
}

function readabilityTable(report: DisclosureReport): string {
  const rows = report.locales
    .flatMap((l) =>
      l.check.readability.indicators.map(
        (i) =>
          `<tr><td>${TEXT_NAMES[l.locale]}</td><td>${escapeHtml(INDICATOR_LABELS[i.id]?.[l.locale] ?? i.id)}</td>` +
          `<td>${i.value === null ? '—' : escapeHtml(String(i.value))}</td><td>${escapeHtml(formatBand(i.target))}</td>` +
          `<td class="${i.ok ? 'ok' : 'bad'}">${i.ok ? '✓' : '✗'}</td></tr>`,
      ),
    )
    .join('');
  return `<table><thead><tr><th>본문 / Text</th><th>지표 / Indicator</th><th>값 / Value</th><th>목표 / Target</th><th></th></tr></thead><tbody>${rows}</tbody></table>`;
}

function findingsList(report: DisclosureReport): string {
  // Each language's findings under a heading of its own, worded in that language (no ids, no "[ko]").
  const parts = report.locales
    .filter((l) => l.check.findings.length > 0)
    .map((l) => {
      const heading = `${TEXT_NAMES[l.locale]}: ${findingCounts(l.check.findings, l.locale)}`;
      const items = l.check.findings.map((f) => {
        const name = ruleName(f.rule, l.locale, report.ruleLabels[l.locale]);
        return `<li><b>${escapeHtml(severityName(f.severity, l.locale))}</b> · ${escapeHtml(name)}: ${escapeHtml(f.message)}</li>`;
      });
      return `<h3 lang="${l.locale}">${escapeHtml(heading)}</h3><ul lang="${l.locale}">${items.join('')}</ul>`;
    });
  return parts.length ? parts.join('') : '<p class="ok">지적 사항 없음. No findings.</p>';
}

/**
 * A self-contained HTML document: inline CSS, no scripts, nothing remote (a CSP forbids it too);
 * every text escaped, the disclosure texts rendered from their AST. `fontFaces` holds @font-face
 * rules with embedded fonts (see web-fonts.ts), so the file renders the same everywhere.
 */
export function renderDisclosureHtml(report: DisclosureReport, fontFaces = ''): string {
  const d = report.disclosure;
  const texts = report.locales
    .map(
      (l) =>
        `<section class="text" lang="${l.locale}"><h2>${l.locale === 'ko' ? '한국어' : 'English'}</h2>\n` +
        renderHtmlFragment(l.doc, l.variables, 2) +
        '</section>',
    )
    .join('\n');
  return `<!doctype html>
<html lang="ko">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(d.title)}</title>
<style>${fontFaces}${CSS}</style>
</head>
<body>
<main>
<h1>${escapeHtml(d.title)}</h1>
<p class="meta">${escapeHtml(SURFACE_LABELS[d.surface]?.ko ?? d.surface)} / ${escapeHtml(SURFACE_LABELS[d.surface]?.en ?? d.surface)} ·
${escapeHtml(STATUS_LABELS[d.status]?.ko ?? d.status)} / ${escapeHtml(STATUS_LABELS[d.status]?.en ?? d.status)} · v${d.version} ·
시행일 / Effective ${escapeHtml(formatDay(d.effectiveAt, report.timeZone))} · 생성 / Generated ${escapeHtml(formatDay(report.generatedAt, report.timeZone))}</p>
<h2>점검 결과 / Checklist</h2>
${checklistTable(report)}
${findingsList(report)}
<h2>읽기 쉬움 / Readability</h2>
${readabilityTable(report)}
${texts}
</main>
</body>
</html>
`;
}
