// Renders a report as the checklist: verdict, one item per check grouped by category, and for
// each item that needs work the fix, with the HSM's two ways as tabs like the vendor's docs.

import { h, withCode } from "./dom.js";

/** Status word and symbol, so a status never depends on colour alone. */
export const STATUS_LABELS = {
  pass: { symbol: "✓", text: "Pass" },
  warn: { symbol: "!", text: "Warning" },
  fail: { symbol: "✗", text: "Fail" },
  unknown: { symbol: "?", text: "Unknown" },
  skipped: { symbol: "–", text: "Skipped" },
};

const VERDICT_LABELS = {
  ready: { symbol: "✓", text: "Ready" },
  incomplete: { symbol: "?", text: "Incomplete" },
  "not-ready": { symbol: "✗", text: "Not ready" },
};

const CATEGORY_TITLES = { azure: "Azure", hsm: "HSM", tools: "HSM client tools", byok: "BYOK file" };

/** The two ways the vendor documents for HSM settings, with the vendor's tab labels. */
export const HSM_WAYS = [
  { key: "lc_display", label: "HSM User Interface (LC Display) Primus X/S-Series" },
  { key: "console", label: "HSM Console Primus HSM, all Series" },
];

/** Steps that are commands get a code block and a copy button; the rest are prose. */
const COMMAND_PATTERN = /^(java |az |hsm_|keytool )/;

/**
 * Builds the checklist for a report. `state.way` is the selected HSM way (shared by all
 * items, like a Docusaurus tab group); `state.open` contains the ids of expanded fixes.
 */
export function renderChecklist(report, state) {
  const verdict = VERDICT_LABELS[report.verdict];
  const summary = report.summary;
  const counts = [
    `${summary.pass} passed`,
    `${summary.fail} failed`,
    `${summary.warn} ${summary.warn === 1 ? "warning" : "warnings"}`,
    `${summary.unknown} unknown`,
    `${summary.skipped} skipped`,
  ].join(", ");

  const groups = [];
  for (const [category, title] of Object.entries(CATEGORY_TITLES)) {
    const checks = report.checks.filter((check) => check.category === category);
    if (checks.length === 0) {
      continue;
    }
    groups.push(
      h("section", { class: "group", "aria-label": title },
        h("h3", {}, title),
        h("ul", { class: "checks" }, checks.map((check) => renderCheck(check, state))),
      ),
    );
  }

  return [
    h("p", { class: `verdict verdict-${report.verdict}`, "data-verdict": report.verdict },
      h("span", { class: "symbol", "aria-hidden": "true" }, verdict.symbol),
      h("strong", {}, verdict.text),
      h("span", { class: "counts" }, counts),
    ),
    groups,
  ];
}

function renderCheck(check, state) {
  const label = STATUS_LABELS[check.status];
  const details = [];
  if (check.observed !== undefined) {
    details.push(h("dt", {}, "Found"), h("dd", {}, check.observed));
  }
  if (check.required) {
    details.push(h("dt", {}, "Required"), h("dd", {}, check.required));
  }
  if (check.evidence?.length) {
    details.push(
      h("dt", {}, "From"),
      h("dd", {}, check.evidence.map((item) => `${item.source} (${item.fact})`).join("; ")),
    );
  }

  return h("li", { class: `check status-${check.status}`, "data-check": check.id, "data-status": check.status },
    h("div", { class: "check-head" },
      h("span", { class: "badge" },
        h("span", { class: "symbol", "aria-hidden": "true" }, label.symbol),
        h("span", { class: "status-text" }, label.text),
      ),
      h("h4", { class: "check-title" }, check.title),
    ),
    h("p", { class: "message" }, withCode(check.message)),
    details.length ? h("dl", { class: "facts" }, details) : null,
    check.remediation ? renderFix(check, state) : null,
  );
}

function renderFix(check, state) {
  const fix = check.remediation;
  const details = h("details", {
    class: "fix",
    open: state.open.has(check.id) || check.status === "fail",
    ontoggle: (event) => {
      if (event.currentTarget.open) {
        state.open.add(check.id);
      } else {
        state.open.delete(check.id);
      }
    },
  },
    h("summary", {}, "How to fix: ", withCode(fix.summary)),
  );

  const ways = HSM_WAYS.filter((way) => fix[way.key]?.length);
  if (ways.length === 2) {
    details.append(renderTabs(check.id, fix, state));
  } else {
    for (const way of ways) {
      details.append(h("p", { class: "way-label" }, way.label), codeBlock(fix[way.key], way.key === "console"));
    }
  }
  if (fix.az?.length) {
    details.append(h("p", { class: "way-label" }, "Azure CLI"), codeBlock(fix.az, true));
  }
  if (fix.steps?.length) {
    details.append(
      h("ul", { class: "steps" },
        fix.steps.map((step) => h("li", {}, COMMAND_PATTERN.test(step) ? codeBlock([step], true) : withCode(step))),
      ),
    );
  }
  return details;
}

/** ARIA tabs: arrow keys move between the two ways, and the choice applies to every item. */
function renderTabs(checkId, fix, state) {
  const base = `fix-${checkId.replaceAll(".", "-")}`;
  const tabs = HSM_WAYS.map((way) =>
    h("button", {
      type: "button",
      role: "tab",
      id: `${base}-${way.key}-tab`,
      "aria-controls": `${base}-${way.key}`,
      "aria-selected": String(way.key === state.way),
      tabindex: way.key === state.way ? "0" : "-1",
      "data-way": way.key,
      class: "tab",
    }, way.label),
  );
  const panels = HSM_WAYS.map((way) =>
    h("div", {
      role: "tabpanel",
      id: `${base}-${way.key}`,
      "aria-labelledby": `${base}-${way.key}-tab`,
      "data-way": way.key,
      hidden: way.key !== state.way,
      // A panel without a focusable control takes focus itself, so Tab reaches its text.
      tabindex: way.key === "console" ? undefined : "0",
      class: "tabpanel",
    }, codeBlock(fix[way.key], way.key === "console")),
  );
  return h("div", { class: "tabs" }, h("div", { role: "tablist", "aria-label": "Where to change the setting" }, tabs), panels);
}

function codeBlock(lines, copyable) {
  const text = lines.join("\n");
  return h("div", { class: "code" },
    h("pre", {}, h("code", {}, text)),
    copyable ? h("button", { type: "button", class: "copy", "data-copy": text, "aria-label": `Copy: ${text}` }, "Copy") : null,
  );
}

/** Shows one HSM way in every tab group under `root`, and moves focus when asked. */
export function selectWay(root, way, focusTab) {
  for (const tab of root.querySelectorAll('[role="tab"]')) {
    const selected = tab.dataset.way === way;
    tab.setAttribute("aria-selected", String(selected));
    tab.tabIndex = selected ? 0 : -1;
  }
  for (const panel of root.querySelectorAll('[role="tabpanel"]')) {
    panel.hidden = panel.dataset.way !== way;
  }
  focusTab?.focus();
}
