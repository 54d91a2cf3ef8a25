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

/** A placeholder in the catalogue's commands, such as `<vault-name>`. */
const PLACEHOLDER = /<[a-z0-9.-]+>/g;

/**
 * A value that a POSIX shell, PowerShell and cmd all pass through as one plain word: letters,
 * digits and `. _ - : /`. Vault and key names and key identifiers fit. PowerShell reads `,`
 * as an array and `@` as splatting, so they are not plain.
 */
const PLAIN_WORD = /^[\p{L}\p{N}._:/-]+$/u;

/** Characters that make a shell do more than pass an argument along. */
const SHELL_SPECIAL = /[$`;|&()\\"'!*?#~{}\[\]\r\n]/;

/**
 * Returns, for each check id, the catalogue's command templates with their placeholders, from
 * `rules()`. `guardCommand` matches a report's commands against them.
 */
export function commandTemplates(rules) {
  const templates = new Map();
  for (const rule of rules) {
    const fix = rule.remediation ?? {};
    const lines = [...(fix.az ?? []), ...(fix.steps ?? []), ...(fix.console ?? [])];
    templates.set(rule.id, lines.filter((line) => COMMAND_PATTERN.test(line)));
  }
  return templates;
}

/**
 * Checks a command of a report against its check's templates. The core fills placeholders
 * with names read from pasted text, and a name such as `kv$(curl …)` would run when the
 * operator copies the command into a shell. Such a value is put back as its placeholder.
 * Returns `{ command, withheld }`, where `withheld` lists the values taken out; a command that
 * matches no template and contains shell syntax is withheld whole (`command` is null).
 */
export function guardCommand(command, templates = []) {
  for (const template of templates) {
    const names = template.match(PLACEHOLDER) ?? [];
    const literals = template.split(PLACEHOLDER).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    const match = new RegExp(`^${literals.join("([\\s\\S]+?)")}$`).exec(command);
    if (!match) {
      continue;
    }
    const withheld = [];
    const values = names.map((name, index) => {
      const value = match[index + 1];
      if (value === name || PLAIN_WORD.test(value)) {
        return value;
      }
      withheld.push(value);
      return name;
    });
    const parts = template.split(PLACEHOLDER);
    const rebuilt = parts.map((part, index) => (index < values.length ? part + values[index] : part)).join("");
    return { command: rebuilt, withheld };
  }
  if (SHELL_SPECIAL.test(command.replace(PLACEHOLDER, ""))) {
    return { command: null, withheld: [command] };
  }
  return { command, withheld: [] };
}

/**
 * Builds the checklist for a report. `state.way` is the selected HSM way, shared by all items
 * like a Docusaurus tab group. `state.open` and `state.closed` contain the ids of fixes the
 * operator expanded and collapsed, and `state.templates` is what `commandTemplates` returns.
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
  // A failing item's fix starts open. The operator's own opening or closing wins, and lasts
  // across redraws.
  const details = h("details", {
    class: "fix",
    open: state.open.has(check.id) || (check.status === "fail" && !state.closed?.has(check.id)),
    ontoggle: (event) => {
      if (event.currentTarget.open) {
        state.open.add(check.id);
        state.closed?.delete(check.id);
      } else {
        state.open.delete(check.id);
        state.closed?.add(check.id);
      }
    },
  },
    h("summary", {}, "How to fix: ", withCode(fix.summary)),
  );

  const templates = state.templates?.get(check.id) ?? [];
  const commands = (lines) => codeBlock(lines, true, templates);
  const ways = HSM_WAYS.filter((way) => fix[way.key]?.length);
  if (ways.length === 2) {
    details.append(renderTabs(check.id, fix, state, commands));
  } else {
    for (const way of ways) {
      details.append(h("p", { class: "way-label" }, way.label), way.key === "console" ? commands(fix[way.key]) : codeBlock(fix[way.key], false));
    }
  }
  if (fix.az?.length) {
    details.append(h("p", { class: "way-label" }, "Azure CLI"), commands(fix.az));
  }
  if (fix.steps?.length) {
    details.append(
      h("ul", { class: "steps" },
        fix.steps.map((step) => h("li", {}, COMMAND_PATTERN.test(step) ? commands([step]) : withCode(step))),
      ),
    );
  }
  return details;
}

/** ARIA tabs: arrow keys move between the two ways, and the choice applies to every item. */
function renderTabs(checkId, fix, state, commands) {
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
    }, way.key === "console" ? commands(fix[way.key]) : codeBlock(fix[way.key], false)),
  );
  return h("div", { class: "tabs" }, h("div", { role: "tablist", "aria-label": "Where to change the setting" }, tabs), panels);
}

/**
 * Builds a code block, with a copy button when `copyable`. Commands are first checked with
 * `guardCommand` against `templates`, and a note shows the values that were left out.
 */
function codeBlock(lines, copyable, templates = []) {
  const withheld = [];
  let shown = lines;
  if (copyable) {
    shown = [];
    for (const line of lines) {
      const guarded = guardCommand(line, templates);
      withheld.push(...guarded.withheld);
      if (guarded.command !== null) {
        shown.push(guarded.command);
      }
    }
  }
  const text = shown.join("\n");
  return h("div", { class: "code" },
    text ? h("pre", {}, h("code", {}, text)) : null,
    copyable && text ? h("button", { type: "button", class: "copy", "data-copy": text, "aria-label": `Copy: ${text}` }, "Copy") : null,
    withheld.length
      ? h("p", { class: "withheld" },
        h("span", { "aria-hidden": "true" }, "! "),
        "Left out of this command because a shell would run part of it: ",
        withheld.map((value, index) => [index ? ", " : "", h("code", {}, value)]),
        ". Check the name in your input, and type it in yourself, quoted.",
      )
      : null,
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
