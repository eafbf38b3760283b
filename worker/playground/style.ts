/**
 * The playground's stylesheet, served as /playground.css (CSP `style-src 'self'`, no inline
 * styles). System fonts only; light and dark follow `prefers-color-scheme`; visible focus rings.
 */
export const STYLE_CSS = `
:root {
  color-scheme: light dark;
  --bg: #ffffff; --fg: #1b1f24; --muted: #57606a; --panel: #f6f8fa; --border: #d0d7de; --accent: #0969da;
  --accent-fg: #ffffff; --focus: #0969da; --error-bg: #ffebe9; --error-fg: #82071e; --error-border: #ff8182;
  --warn-bg: #fff8c5; --warn-fg: #7d4e00; --ok-bg: #dafbe1; --ok-fg: #116329; --info-bg: #ddf4ff; --info-fg: #0a3069;
  --na: #8c959f; --diagram-bg: #ffffff; --fail-strong: #cf222e; --fail-strong-fg: #ffffff;
  --mono: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --panel: #161b22; --border: #3d444d; --accent: #4493f8;
    --accent-fg: #0d1117; --focus: #4493f8; --error-bg: #3c1618; --error-fg: #ffa198; --error-border: #f85149;
    --warn-bg: #3b2e0a; --warn-fg: #e3b341; --ok-bg: #12261e; --ok-fg: #56d364; --info-bg: #0c2d6b; --info-fg: #a5d6ff;
    --na: #6e7681; --diagram-bg: #1c2128; --fail-strong: #f85149; --fail-strong-fg: #0d1117;
  }
}
* { box-sizing: border-box; }
html { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Liberation Sans", Arial, sans-serif; line-height: 1.45; }
body { margin: 0; background: var(--bg); color: var(--fg); }
header, main { max-width: 110rem; margin: 0 auto; padding: 0 1.25rem; }
header { padding-top: 1rem; }
h1 { font-size: 1.5rem; margin: 0.25rem 0; }
h2 { font-size: 1.15rem; margin: 0 0 0.6rem; }
h3 { font-size: 1rem; margin: 1rem 0 0.4rem; }
p { margin: 0.3rem 0 0.6rem; }
a { color: var(--accent); }
code, textarea, .mono { font-family: var(--mono); font-size: 0.85em; }
.hint, .sub { color: var(--muted); font-size: 0.875rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }

.layout { display: grid; grid-template-columns: minmax(20rem, 1fr) minmax(0, 2fr); gap: 1.25rem; align-items: start; }
@media (max-width: 60rem) { .layout { grid-template-columns: 1fr; } }
section { background: var(--panel); border: 1px solid var(--border); border-radius: 8px; padding: 1rem; margin: 0 0 1.25rem; min-width: 0; }

label { display: block; font-weight: 600; font-size: 0.875rem; margin: 0 0 0.2rem; }
select, input, textarea, button { font: inherit; color: inherit; }
select, input[type="text"], textarea { background: var(--bg); border: 1px solid var(--border); border-radius: 6px; padding: 0.35rem 0.5rem; max-width: 100%; }
select, input[type="text"] { width: 100%; }
textarea { width: 100%; line-height: 1.4; tab-size: 2; }
#topology { min-height: 32rem; resize: vertical; white-space: pre; overflow-wrap: normal; overflow-x: auto; }
#topology[aria-invalid="true"] { border-color: var(--error-border); }
.fields { display: grid; grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr)); gap: 0.75rem; margin-bottom: 0.75rem; }
.fields .wide { grid-column: 1 / -1; }
fieldset { border: 0; padding: 0; margin: 0; min-width: 0; }
legend { padding: 0; font-weight: 600; margin-bottom: 0.4rem; }
.view-toggle legend { font-size: 0.875rem; margin-bottom: 0.2rem; }
.segmented { display: flex; border: 1px solid var(--border); border-radius: 6px; overflow: hidden; background: var(--bg); }
.segmented input { position: absolute; opacity: 0; width: 1px; height: 1px; margin: 0; }
.segmented label { flex: 1; margin: 0; padding: 0.35rem 0.5rem; text-align: center; font-weight: 500; cursor: pointer; }
.segmented label ~ label { border-left: 1px solid var(--border); }
.segmented input:checked + label { background: var(--accent); color: var(--accent-fg); font-weight: 600; }
.segmented input:focus-visible + label { outline: 3px solid var(--focus); outline-offset: -3px; }

button { cursor: pointer; border: 1px solid var(--border); border-radius: 6px; background: var(--bg); padding: 0.3rem 0.75rem; }
button:hover { border-color: var(--accent); }
button.link { border: 0; background: none; color: var(--accent); text-decoration: underline; padding: 0; }
button.done::after { content: " \\2713"; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
select:focus-visible, input:focus-visible, textarea:focus-visible { outline-offset: 0; }

#errors { background: var(--error-bg); color: var(--error-fg); border: 1px solid var(--error-border); border-radius: 6px; padding: 0.5rem 0.75rem; margin-top: 0.6rem; }
#errors h3 { margin: 0 0 0.3rem; font-size: 0.95rem; }
#errors ul { margin: 0; padding-left: 1.1rem; }
#errors li { margin: 0.2rem 0; }
#errors code.path { font-weight: 700; }

.badge { display: inline-block; border-radius: 1rem; padding: 0 0.6rem; font-size: 0.85rem; font-weight: 600; vertical-align: middle; background: var(--info-bg); color: var(--info-fg); }
.badge:empty { display: none; }
.outcome-fail { background: var(--error-bg); color: var(--error-fg); }
.outcome-proxy, .outcome-direct { background: var(--ok-bg); color: var(--ok-fg); }
.outcome-redirect, .outcome-silent-redirect, .outcome-autodiscover-referral { background: var(--info-bg); color: var(--info-fg); }

figure { margin: 0; }
.diagram { background: var(--diagram-bg); border: 1px solid var(--border); border-radius: 6px; padding: 0.5rem; overflow: auto; min-height: 8rem; }
.diagram img { display: block; max-width: none; margin: 0 auto; }
.diagram.fit img { max-width: 100%; height: auto; }
figcaption { margin-top: 0.3rem; display: flex; flex-wrap: wrap; justify-content: space-between; gap: 0.3rem 1rem; align-items: baseline; }
figcaption .actions { white-space: nowrap; }
.stale .diagram, .stale .flow-details, .stale table { opacity: 0.45; }
[aria-busy="true"] .diagram { cursor: progress; }

table { border-collapse: collapse; width: 100%; font-size: 0.875rem; }
th, td { border: 1px solid var(--border); padding: 0.3rem 0.45rem; text-align: left; vertical-align: top; }
thead th { background: var(--bg); }
.steps td.num { text-align: right; font-variant-numeric: tabular-nums; }
.steps td.url { min-width: 12rem; }
.steps td.url code { overflow-wrap: anywhere; }
.steps td.hop, .steps td.rule { white-space: nowrap; }
.steps tr.annotation td { color: var(--muted); font-style: italic; }
.steps tr.fails td { background: var(--error-bg); color: var(--error-fg); }
.table-scroll { overflow-x: auto; }
ul.plain { padding-left: 1.1rem; margin: 0.2rem 0; }
ul.plain li { margin: 0.15rem 0; }
li.none { color: var(--muted); list-style: none; margin-left: -1.1rem; }
.tag { display: inline-block; font-size: 0.75rem; font-weight: 600; border-radius: 4px; padding: 0 0.35rem; background: var(--info-bg); color: var(--info-fg); }
.severity-error { background: var(--error-bg); color: var(--error-fg); }
.severity-warning { background: var(--warn-bg); color: var(--warn-fg); }
details summary { cursor: pointer; font-weight: 600; margin: 0.6rem 0 0.3rem; }

.share { display: grid; grid-template-columns: repeat(auto-fill, minmax(24rem, 1fr)); gap: 0.9rem; }
.share .item { min-width: 0; }
.share .head { display: flex; align-items: end; justify-content: space-between; gap: 0.5rem; margin-bottom: 0.25rem; }
.share .head label { margin: 0; }
.share textarea { min-height: 7rem; white-space: pre; overflow-wrap: normal; }
.share input { font-family: var(--mono); font-size: 0.8rem; }

.matrix { width: auto; font-size: 0.8rem; }
.matrix caption { text-align: left; color: var(--muted); padding-bottom: 0.4rem; }
.matrix th, .matrix td { padding: 0.15rem 0.25rem; text-align: center; }
.matrix tbody th { text-align: left; white-space: nowrap; }
.matrix tbody th .sub { display: block; font-weight: 400; font-size: 0.75rem; }
.matrix th.loc { font-weight: 400; color: var(--muted); }
.matrix button.cell { min-width: 1.9rem; padding: 0.1rem 0.3rem; font-weight: 700; border-color: transparent; }
.matrix button.cell[aria-current="true"] { outline: 2px solid var(--fg); outline-offset: 1px; }
.matrix td.outcome-na { color: var(--na); }
.matrix button.cell.outcome-fail, .legend .outcome-fail { background: var(--fail-strong); color: var(--fail-strong-fg); }
.matrix td.has-diagnostics button::after { content: "*"; }
.legend { display: flex; flex-wrap: wrap; gap: 0.4rem 0.9rem; font-size: 0.8rem; margin: 0.5rem 0; padding: 0; list-style: none; }
.legend .badge { min-width: 1.6rem; text-align: center; }
footer { max-width: 110rem; margin: 0 auto 2rem; padding: 0 1.25rem; }
`;
