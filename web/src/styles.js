// Styles of <byok-prereqs-checklist>, kept inside its shadow root. A host themes it through the
// --byok-* custom properties on the element; docs/web.md lists them.

export const STYLES = `
:host {
  --_font: var(--byok-font-family, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif);
  --_mono: var(--byok-mono-font-family, ui-monospace, SFMono-Regular, Menlo, Consolas, monospace);
  --_text: var(--byok-text-color, #1c1e21);
  --_muted: var(--byok-muted-color, #525860);
  --_background: var(--byok-background, #ffffff);
  --_surface: var(--byok-surface, #f5f6f7);
  --_border: var(--byok-border-color, #c9ccd1);
  --_radius: var(--byok-radius, 6px);
  --_accent: var(--byok-accent, #2e5aac);
  --_accent-text: var(--byok-accent-text, #ffffff);
  --_code: var(--byok-code-background, #f0f2f5);
  --_pass: var(--byok-pass-color, #1e7b34);
  --_warn: var(--byok-warn-color, #8a5a00);
  --_fail: var(--byok-fail-color, #b3261e);
  --_unknown: var(--byok-unknown-color, #4a5360);
  --_skipped: var(--byok-skipped-color, #6b7280);
  display: block;
  container-type: inline-size;
  font-family: var(--_font);
  font-size: var(--byok-font-size, 1rem);
  line-height: 1.5;
  color: var(--_text);
  background: var(--_background);
}
*, *::before, *::after { box-sizing: border-box; }
h2 { font-size: 1.25em; margin: 0 0 0.5em; }
h3 { font-size: 1.05em; margin: 1em 0 0.4em; }
h4 { font-size: 1em; margin: 0; }
p { margin: 0.4em 0; }
code, pre { font-family: var(--_mono); font-size: 0.9em; }
:not(pre) > code { background: var(--_code); padding: 0.05em 0.3em; border-radius: 3px; overflow-wrap: anywhere; }
.offscreen { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.loading { color: var(--_muted); }
.layout { display: grid; gap: 1.5em; grid-template-columns: minmax(0, 1fr); }
@container (min-width: 960px) {
  .layout { grid-template-columns: minmax(0, 5fr) minmax(0, 6fr); align-items: start; }
}
.step { padding: 1em; border: 1px solid var(--_border); border-radius: var(--_radius); margin-bottom: 1em; }
.results { padding: 1em; border: 1px solid var(--_border); border-radius: var(--_radius); }
.fields { display: flex; flex-wrap: wrap; gap: 0.75em 1.25em; }
.field { display: flex; flex-direction: column; gap: 0.2em; min-width: 12em; }
label, legend { font-weight: 600; }
.hint { color: var(--_muted); font-size: 0.9em; min-height: 0; }
.hint:empty { display: none; }
select, textarea, input[type="datetime-local"] {
  font: inherit; color: inherit; background: var(--_background);
  border: 1px solid var(--_border); border-radius: var(--_radius); padding: 0.35em 0.5em;
}
textarea { width: 100%; font-family: var(--_mono); font-size: 0.85em; resize: vertical; margin-top: 0.3em; }
button, .button {
  font: inherit; font-size: 0.95em; cursor: pointer; color: var(--_text); background: var(--_surface);
  border: 1px solid var(--_border); border-radius: var(--_radius); padding: 0.35em 0.8em; display: inline-block;
}
button.primary { background: var(--_accent); color: var(--_accent-text); border-color: var(--_accent); }
button:hover, .button:hover { filter: brightness(0.95); }
:focus-visible, input[type="file"]:focus-visible + .button { outline: 3px solid var(--_accent); outline-offset: 2px; }
.row { display: flex; flex-wrap: wrap; align-items: end; gap: 0.75em; margin-top: 0.6em; }
.inputs.dragging { outline: 3px dashed var(--_accent); outline-offset: -6px; }
.input-list { list-style: none; padding: 0; margin: 0.8em 0 0; display: grid; grid-template-columns: minmax(0, 1fr); gap: 0.5em; }
.input { border: 1px solid var(--_border); border-left-width: 4px; border-radius: var(--_radius); padding: 0.5em 0.7em; }
.input.read { border-left-color: var(--_pass); }
.input.failed { border-left-color: var(--_fail); }
.input-head { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.4em; }
.input-name { font-weight: 600; flex: none; max-width: 50%; overflow-wrap: anywhere; }
.input-label { flex: 1 1 12em; color: var(--_muted); overflow-wrap: anywhere; }
.input .remove { margin-left: auto; }
.error:empty { display: none; }
.input .symbol { font-weight: 700; }
.input.read .symbol { color: var(--_pass); }
.input.failed .symbol, .error { color: var(--_fail); }
.notes, .conflicts { margin: 0.4em 0 0; padding-left: 1.2em; font-size: 0.9em; }
.notes .warning { color: var(--_warn); }
.conflicts:empty { display: none; }
.question { border: none; padding: 0; margin: 0 0 0.9em; }
.question legend { padding: 0; margin-bottom: 0.2em; }
.choice { display: inline-flex; align-items: center; gap: 0.3em; margin-right: 1em; }
.choice label { font-weight: 400; }
.questions .field { margin-bottom: 0.9em; }
.verdict {
  display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.2em 0.6em; padding: 0.6em 0.8em; border-radius: var(--_radius);
  border: 2px solid currentColor; font-size: 1.05em;
}
.verdict-ready { color: var(--_pass); }
.verdict-incomplete { color: var(--_unknown); }
.verdict-not-ready { color: var(--_fail); }
.verdict .counts { color: var(--_text); font-size: 0.9em; }
.verdict .symbol { font-weight: 700; }
.checks { list-style: none; padding: 0; margin: 0; display: grid; grid-template-columns: minmax(0, 1fr); gap: 0.6em; }
.check { border: 1px solid var(--_border); border-left: 5px solid var(--_status); border-radius: var(--_radius); padding: 0.55em 0.75em; }
.status-pass { --_status: var(--_pass); }
.status-warn { --_status: var(--_warn); }
.status-fail { --_status: var(--_fail); }
.status-unknown { --_status: var(--_unknown); }
.status-skipped { --_status: var(--_skipped); }
.check-head { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.1em 0.6em; }
.check-title { flex: 1 1 12em; }
.badge { display: inline-flex; gap: 0.25em; align-items: baseline; min-width: 6.5em; font-weight: 700; color: var(--_status); white-space: nowrap; }
.badge .symbol { display: inline-block; width: 1.2em; text-align: center; border-radius: 50%; }
.message { margin-top: 0.3em; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.1em 0.8em; margin: 0.3em 0; font-size: 0.92em; }
.facts dt { color: var(--_muted); }
.facts dd { margin: 0; overflow-wrap: anywhere; }
.message { overflow-wrap: anywhere; }
@container (max-width: 420px) {
  .step, .results { padding: 0.7em; }
  .input-name { max-width: 100%; }
  .facts { grid-template-columns: minmax(0, 1fr); }
  .facts dd { margin-bottom: 0.2em; }
  /* The copy button would cover the start of long commands; it goes below them instead. */
  .code pre { padding-right: 0.7em; }
  .code .copy { position: static; margin-top: 0.3em; }
}
.fix { margin-top: 0.4em; }
.fix summary { cursor: pointer; font-weight: 600; }
.way-label { font-weight: 600; font-size: 0.9em; margin-top: 0.6em; }
.code { position: relative; margin: 0.3em 0; }
.code pre { margin: 0; padding: 0.6em 4.8em 0.6em 0.7em; background: var(--_code); border-radius: var(--_radius); overflow-x: auto; white-space: pre; }
.code .copy { position: absolute; top: 0.3em; right: 0.3em; font-size: 0.8em; padding: 0.15em 0.6em; }
.steps { padding-left: 1.2em; margin: 0.4em 0; }
.withheld { color: var(--_warn); font-size: 0.9em; overflow-wrap: anywhere; }
.tabs { margin-top: 0.5em; }
[role="tablist"] { display: flex; flex-wrap: wrap; gap: 0.2em; border-bottom: 1px solid var(--_border); }
[role="tab"] { border: none; border-bottom: 3px solid transparent; border-radius: var(--_radius) var(--_radius) 0 0; background: transparent; padding: 0.35em 0.7em; font-size: 0.9em; }
[role="tab"][aria-selected="true"] { border-bottom-color: var(--_accent); color: var(--_accent); font-weight: 600; }
.tabpanel { padding-top: 0.3em; }
.export { display: flex; flex-wrap: wrap; gap: 0.5em; align-items: center; margin-top: 1em; padding-top: 0.8em; border-top: 1px solid var(--_border); }
`;
