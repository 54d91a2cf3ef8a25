// <byok-prereqs-checklist>: the whole checklist in one custom element, for the page, a static
// docs site or a customer portal. The element only wires events. Session keeps the state, and
// checklist-view.js draws the report.
//
// Attributes: target, hsm-service, key-type, key-size, curve (the context), lock-context
// (the page may not change those), remember (offer to keep facts in this browser).
// Event: `byok-report-change` (bubbles, composed) with detail { report, facts }.

import { h, withCode, copyText, download } from "./dom.js";
import { renderChecklist, selectWay, commandTemplates, HSM_WAYS } from "./checklist-view.js";
import { load } from "./index.js";
import { Session, MAX_INPUT_BYTES, CONTEXT_FIELDS, decodeText } from "./session.js";
import { STYLES } from "./styles.js";

export { load };

const TAG = "byok-prereqs-checklist";
const STORAGE_KEY = "byok-prereqs:facts";

/** How often the clock-based checks (setup password, KEK expiry) are re-evaluated, in ms. */
const CLOCK_INTERVAL_MS = 60 * 1000;

const ATTRIBUTE_FIELDS = {
  target: "target",
  "hsm-service": "hsm_service",
  "key-type": "key_type",
  "key-size": "key_size",
  curve: "curve",
};

const CHOICES = {
  target: [
    ["key-vault", "Azure Key Vault (Premium SKU)"],
    ["managed-hsm", "Azure Managed HSM"],
  ],
  hsm_service: [
    ["primus", "Primus HSM (on premises)"],
    ["cloudhsm", "Securosys CloudHSM"],
  ],
  key_type: [
    ["RSA", "RSA"],
    ["EC", "EC"],
    ["oct", "oct (AES)"],
  ],
};

const KEY_SIZES = { RSA: [2048, 3072, 4096], oct: [128, 192, 256] };
const CURVES = ["P-256", "P-384", "P-521", "P-256K"];

/**
 * Values each context attribute takes. Any other value is shown as an error and ignored, since
 * the core rejects the whole facts document when one context value is invalid.
 */
const ATTRIBUTE_VALUES = {
  target: CHOICES.target.map(([value]) => value),
  hsm_service: CHOICES.hsm_service.map(([value]) => value),
  key_type: CHOICES.key_type.map(([value]) => value),
  curve: CURVES,
};

const KIND_LABELS = {
  "az-version": "az version",
  "keyvault-show": "az keyvault show",
  "keyvault-key": "az keyvault key show",
  "primus-device-info": "Primus device information (GetDeviceInfo, LC display)",
  "primus-key-flags": "Primus Tools ListKeyFlags",
  "primus-command-help": "Primus Tools AzureByokExport -help",
  "hsm-security-config": "HSM security configuration XML",
  "java-version": "java -version",
  "byok-file": ".byok file",
  facts: "Facts bundle (az byok prereqs --export-facts)",
};

const YES_NO = [
  ["yes", "Yes"],
  ["no", "No"],
  ["", "Not sure"],
];

const SUBSCRIPTION_STATES = ["Enabled", "Warned", "PastDue", "Disabled", "Deleted"];

let instances = 0;

export class ByokPrereqsChecklist extends HTMLElement {
  static observedAttributes = [...Object.keys(ATTRIBUTE_FIELDS), "lock-context", "remember"];

  constructor() {
    super();
    instances += 1;
    this.idPrefix = `byok${instances}`;
    this.attachShadow({ mode: "open" });
    this.session = null;
    this.lastReport = null;
    this.lastFacts = null;
    this.view = { way: "lc_display", open: new Set(), closed: new Set() };
    this.ready = load().then((core) => {
      this.core = core;
      this.kinds = core.inputKinds();
      this.view.templates = commandTemplates(core.rules());
      this.startSession();
    });
  }

  /** The last report, or null before the module has loaded. */
  get report() {
    return this.lastReport;
  }

  /** The merged facts the last report was evaluated from. */
  get facts() {
    return this.lastFacts;
  }

  connectedCallback() {
    this.clock = setInterval(() => this.recheckClock(), CLOCK_INTERVAL_MS);
    if (!this.shadowRoot.firstChild) {
      this.shadowRoot.adoptedStyleSheets = [sheet()];
      this.shadowRoot.append(h("p", { class: "loading", role: "status" }, "Loading the checks…"));
    }
    this.ready.then(
      // Moving the element in the document disconnects and connects it again. Drawing anew
      // then would drop a draft in the text area, so a drawn element only re-evaluates.
      () => (this.shadowRoot.querySelector(".layout") ? this.update() : this.renderAll()),
      (error) => {
        this.shadowRoot.replaceChildren(
          h("p", { class: "error", role: "alert" },
            `The checks could not start: ${error.message}. `,
            "A page that sets a Content Security Policy must allow 'wasm-unsafe-eval' in script-src.",
          ),
        );
      },
    );
  }

  disconnectedCallback() {
    clearInterval(this.clock);
  }

  /**
   * Evaluates again at the current time and redraws only when a status changed, so a setup
   * password that expires while the page is open is shown as expired.
   */
  recheckClock() {
    if (!this.session || !this.lastReport) {
      return;
    }
    const statuses = (report) => report.checks.map((check) => check.status).join();
    const { report } = this.session.evaluate();
    if (statuses(report) !== statuses(this.lastReport)) {
      this.update();
    }
  }

  attributeChangedCallback(name, oldValue, newValue) {
    // Before the module loads, the attributes are read once when the session starts.
    if (!this.session) {
      return;
    }
    const field = ATTRIBUTE_FIELDS[name];
    if (field) {
      this.session.setContext(field, this.attributeContext()[field] ?? "");
      // A size or curve chosen on the page belongs to the old key type, as when the key type
      // is chosen on the page.
      if (field === "key_type" && oldValue !== newValue) {
        for (const dependent of ["key_size", "curve"]) {
          if (!(dependent in this.attributeContext())) {
            this.session.setContext(dependent, "");
          }
        }
      }
    }
    const exportGroup = this.shadowRoot.querySelector(".export");
    if (name === "remember" && exportGroup) {
      exportGroup.replaceWith(this.renderExport((part) => `${this.idPrefix}-${part}`));
    }
    if (this.shadowRoot.querySelector(".context")) {
      this.refreshContext();
    }
  }

  /** Adds a text as if pasted, and returns the input with what was read from it. */
  async addInput(text, { name, kind } = {}) {
    await this.ready;
    const input = this.session.addInput(text, { name, kind });
    this.update();
    return input;
  }

  /**
   * Removes every input and answer; the context attributes stay. Facts kept in this browser are
   * not read back, and when the operator keeps facts, the kept facts are replaced.
   */
  async clear() {
    await this.ready;
    this.startSession({ restore: false });
    this.renderAll();
  }

  /**
   * Returns the valid context fields set by attributes; with lock-context the page cannot
   * change them. `attributeErrors` describes the ones left out.
   */
  attributeContext() {
    const context = {};
    for (const [attribute, field] of Object.entries(ATTRIBUTE_FIELDS)) {
      const value = this.getAttribute(attribute);
      if (value && !attributeError(field, value)) {
        context[field] = value;
      }
    }
    return context;
  }

  /** Returns a message for each context attribute whose value is not one the core reads. */
  attributeErrors() {
    const errors = [];
    for (const [attribute, field] of Object.entries(ATTRIBUTE_FIELDS)) {
      const value = this.getAttribute(attribute);
      const expected = value ? attributeError(field, value) : null;
      if (expected) {
        errors.push(`The attribute ${attribute}="${value}" is not valid and is ignored; expected ${expected}.`);
      }
    }
    return errors;
  }

  applyAttributes() {
    for (const [field, value] of Object.entries(this.attributeContext())) {
      this.session.setContext(field, value);
    }
  }

  renderAll() {
    const id = (name) => `${this.idPrefix}-${name}`;
    this.shadowRoot.replaceChildren(
      h("div", { class: "layout" },
        h("div", { class: "work" },
          this.renderContextSection(id),
          this.renderInputSection(id),
          this.renderQuestionSection(id),
        ),
        h("section", { class: "results", "aria-labelledby": id("checklist") },
          h("h2", { id: id("checklist") }, "Checklist"),
          h("div", { class: "report", role: "region", "aria-label": "Checklist results" }),
          this.renderExport(id),
        ),
      ),
      h("div", { class: "announcer offscreen", role: "status", "aria-live": "polite" }),
    );
    this.update();
  }

  /** Redraws the context fields, keeping whatever else the operator has typed. */
  refreshContext() {
    const id = (name) => `${this.idPrefix}-${name}`;
    this.shadowRoot.querySelector(".context").replaceWith(this.renderContextSection(id));
    this.update();
  }

  renderContextSection(id) {
    const locked = this.hasAttribute("lock-context");
    const fromAttributes = this.attributeContext();
    const select = (field, label, options) =>
      h("div", { class: "field" },
        h("label", { for: id(field) }, label),
        h("select", {
          id: id(field),
          name: field,
          disabled: locked && field in fromAttributes,
          onchange: (event) => {
            this.session.setContext(field, event.target.value);
            if (field === "key_type") {
              // The size or curve choices depend on the key type.
              this.session.setContext("key_size", "");
              this.session.setContext("curve", "");
              this.refreshContext();
              this.shadowRoot.getElementById(id("key_type")).focus();
              return;
            }
            this.update();
          },
        },
          h("option", { value: "" }, "Not chosen"),
          options.map(([value, text]) => h("option", { value, selected: String(this.session.context[field] ?? "") === String(value) }, text)),
        ),
        h("p", { class: "hint", id: id(`${field}-hint`), "data-hint": field }),
      );

    const keyType = this.session.context.key_type;
    const fields = [
      select("target", "Target", CHOICES.target),
      select("hsm_service", "Source HSM", CHOICES.hsm_service),
      select("key_type", "Target key type", CHOICES.key_type),
    ];
    if (keyType === "EC") {
      fields.push(select("curve", "Curve", CURVES.map((curve) => [curve, curve])));
    } else if (keyType) {
      fields.push(select("key_size", "Key size (bits)", KEY_SIZES[keyType].map((size) => [size, String(size)])));
    }
    return h("section", { class: "step context", "aria-labelledby": id("context") },
      h("h2", { id: id("context") }, "1. What are you moving where?"),
      this.attributeErrors().map((message) => h("p", { class: "error attribute-error" }, withCode(message))),
      h("div", { class: "fields" }, fields),
      h("ul", { class: "conflicts", "data-conflicts": "context" }),
    );
  }

  renderInputSection(id) {
    const paste = h("textarea", {
      id: id("paste"),
      rows: "7",
      spellcheck: "false",
      autocomplete: "off",
      "aria-describedby": `${id("paste-hint")} ${id("paste-error")}`,
      onkeydown: (event) => {
        if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          addPasted();
        }
      },
    });
    const kind = h("select", { id: id("kind") },
      h("option", { value: "" }, "Recognise automatically"),
      this.kinds.map((name) => h("option", { value: name }, KIND_LABELS[name] ?? name)),
    );
    // The announcement alone would leave a sighted operator wondering why nothing happened.
    const pasteError = h("p", { class: "error paste-error", id: id("paste-error") });
    const addPasted = () => {
      if (!paste.value.trim()) {
        pasteError.textContent = "Nothing to add: paste the output of a tool into the text area first.";
        this.announce("Paste the output of a tool first.");
        paste.focus();
        return;
      }
      pasteError.textContent = "";
      const input = this.session.addInput(paste.value, { kind: kind.value || undefined });
      paste.value = "";
      this.update();
      this.announceInput(input);
    };
    const files = h("input", {
      type: "file",
      id: id("files"),
      multiple: true,
      class: "offscreen",
      onchange: (event) => {
        this.addFiles(event.target.files);
        event.target.value = "";
      },
    });

    const zone = h("section", { class: "step inputs", "aria-labelledby": id("inputs") },
      h("h2", { id: id("inputs") }, "2. Add what your tools print"),
      h("p", { class: "hint", id: id("paste-hint") },
        "Paste or drop the output of ", withCode("`az version`, `az keyvault show`, `az keyvault key show`, Primus Tools (GetDeviceInfo, ListKeyFlags), `java -version`"),
        ", the HSM security configuration XML, a .byok file, or a facts bundle from ", withCode("`az byok prereqs --export-facts`"),
        ". Everything is read in this page; nothing is sent anywhere.",
      ),
      h("label", { for: id("paste") }, "Tool output"),
      paste,
      pasteError,
      h("div", { class: "row" },
        h("div", { class: "field" }, h("label", { for: id("kind") }, "Kind"), kind),
        h("button", { type: "button", class: "primary", onclick: addPasted }, "Add output"),
        files,
        h("label", { for: id("files"), class: "button" }, "Choose files…"),
      ),
      h("ol", { class: "input-list", "aria-label": "Inputs" }),
    );
    zone.addEventListener("dragover", (event) => {
      event.preventDefault();
      zone.classList.add("dragging");
    });
    zone.addEventListener("dragleave", () => zone.classList.remove("dragging"));
    // The handler cancels the browser's own drop, so text dragged from another window is added
    // here like a paste; it would otherwise vanish.
    zone.addEventListener("drop", (event) => {
      event.preventDefault();
      zone.classList.remove("dragging");
      if (event.dataTransfer?.files?.length) {
        pasteError.textContent = "";
        this.addFiles(event.dataTransfer.files);
        return;
      }
      const text = event.dataTransfer?.getData("text/plain") ?? "";
      if (!text.trim()) {
        pasteError.textContent = "Nothing readable was dropped: drop a file or selected text, or paste the text.";
        this.announce(pasteError.textContent);
        return;
      }
      pasteError.textContent = "";
      const input = this.session.addInput(text, { kind: kind.value || undefined });
      this.update();
      this.announceInput(input);
    });
    return zone;
  }

  async addFiles(fileList) {
    const added = [];
    for (const file of Array.from(fileList ?? [])) {
      if (file.size > MAX_INPUT_BYTES) {
        added.push(this.session.addFailedInput(file.name, {
          code: "input-too-large",
          message: `the file is ${file.size} bytes; the limit is ${MAX_INPUT_BYTES} bytes. Give only the output of one command`,
        }));
        continue;
      }
      let text;
      try {
        text = decodeText(new Uint8Array(await file.arrayBuffer()));
      } catch (error) {
        // A dropped folder, or a file removed or locked since it was chosen.
        added.push(this.session.addFailedInput(file.name, {
          code: "invalid-input",
          message: `the file could not be read (${error.message}); drop a text file, or paste its contents`,
        }));
        continue;
      }
      added.push(this.session.addInput(text, { name: file.name }));
    }
    this.update();
    for (const input of added) {
      this.announceInput(input);
    }
  }

  /** Announces what was read from a new input, or why it was not read. */
  announceInput(input) {
    if (input.error) {
      this.announce(`${input.name} not read: ${input.error.message}`);
    } else if (Session.givesNoFacts(input)) {
      this.announce(`${input.name} read as ${input.parsed.label}, but it gave no facts.`);
    } else {
      this.announce(`Added ${input.name}: ${input.parsed.label}.`);
    }
  }

  renderQuestionSection(id) {
    const radios = (field, legend, choices) =>
      h("fieldset", { class: "question" },
        h("legend", {}, withCode(legend)),
        choices.map(([value, text]) => {
          const inputId = id(`${field}-${value || "unsure"}`);
          return h("span", { class: "choice" },
            h("input", {
              type: "radio",
              id: inputId,
              name: id(field),
              value,
              checked: (this.session.answers[field] ?? "") === value,
              onchange: () => {
                this.session.setAnswer(field, value);
                this.update();
              },
            }),
            h("label", { for: inputId }, text),
          );
        }),
      );

    const issued = this.session.answers.setup_password_issued_at;
    const issuedError = h("p", { class: "error", id: id("issued-error") });
    return h("section", { class: "step questions", "aria-labelledby": id("questions") },
      h("h2", { id: id("questions") }, "3. Questions no tool answers"),
      radios("permanent_secret_fetched", "Has Primus Tools already fetched the permanent secret for this partition?", YES_NO),
      h("div", { class: "field" },
        h("label", { for: id("issued") }, "When was the setup password issued? (your local time)"),
        h("input", {
          type: "datetime-local",
          id: id("issued"),
          value: issued ? toLocalInput(issued) : undefined,
          "aria-describedby": id("issued-error"),
          onchange: (event) => {
            const value = event.target.value;
            const time = value ? new Date(value) : null;
            // The core counts a time after now as a setup password with all its lifespan left,
            // so a mistyped year would pass. Up to 5 minutes ahead allows for clock skew.
            const future = time && time.getTime() > Date.now() + 5 * 60 * 1000;
            issuedError.textContent = future
              ? `${value.replace("T", " ")} is in the future; give the time the setup password was issued, in your local time.`
              : "";
            this.session.setAnswer("setup_password_issued_at", time && !future ? time.toISOString().replace(/\.\d+Z$/, "Z") : "");
            this.update();
          },
        }),
        issuedError,
      ),
      radios("logged_in", "Are you signed in to Azure (`az login`) on the computer that will import the key?", YES_NO),
      h("div", { class: "field" },
        h("label", { for: id("subscription") }, withCode("Subscription state (`az account show --query state`)")),
        h("select", {
          id: id("subscription"),
          onchange: (event) => {
            this.session.setAnswer("subscription_state", event.target.value);
            this.update();
          },
        },
          h("option", { value: "" }, "Not known"),
          SUBSCRIPTION_STATES.map((state) => h("option", { value: state, selected: this.session.answers.subscription_state === state }, state)),
        ),
      ),
      radios("azure_byok_export_available", "Does `java -jar primus-tools.jar AzureByokExport -help` print the command's usage?", YES_NO),
      h("ul", { class: "conflicts", "data-conflicts": "questions" }),
    );
  }

  renderExport(id) {
    const remember = this.hasAttribute("remember");
    return h("div", { class: "export", role: "group", "aria-label": "Export" },
      h("button", { type: "button", onclick: () => this.exportReport("markdown") }, "Download report (Markdown)"),
      h("button", { type: "button", onclick: () => this.exportReport("json") }, "Download report (JSON)"),
      h("button", { type: "button", onclick: () => this.exportFacts() }, "Download facts bundle (JSON)"),
      remember
        ? h("span", { class: "choice" },
          h("input", {
            type: "checkbox",
            id: id("remember"),
            checked: localStorageHas(STORAGE_KEY),
            onchange: (event) => {
              if (event.target.checked) {
                this.save();
              } else {
                localStorageRemove(STORAGE_KEY);
              }
            },
          }),
          h("label", { for: id("remember") }, "Keep the facts in this browser"),
        )
        : null,
    );
  }

  exportReport(format) {
    const extension = format === "markdown" ? "md" : "json";
    const type = format === "markdown" ? "text/markdown" : "application/json";
    download(`byok-prereqs-report.${extension}`, type, this.core.render(this.lastReport, format), this.shadowRoot);
  }

  exportFacts() {
    download("byok-prereqs-facts.json", "application/json", this.core.factsToJson(this.lastFacts), this.shadowRoot);
  }

  /** Re-evaluates and redraws what depends on the facts: inputs, hints, the checklist. */
  update() {
    const root = this.shadowRoot;
    const { facts, report } = this.session.evaluate();
    // The event's listeners and the `report` and `facts` properties share these objects with
    // the exports, so a host that changed them would change what the operator downloads.
    this.lastFacts = deepFreeze(facts);
    this.lastReport = deepFreeze(report);

    // Before the element is connected there is nothing to draw; connecting draws everything.
    if (!root.querySelector(".layout")) {
      return;
    }

    this.renderInputs(root.querySelector(".input-list"));
    this.renderHints(facts);
    // The operator's own choices win over inputs; mark each where it was made.
    for (const section of ["context", "questions"]) {
      const replaced = this.session.userReplaced.filter((item) => item.path.startsWith("context.") === (section === "context"));
      root
        .querySelector(`[data-conflicts="${section}"]`)
        .replaceChildren(...replaced.map((item) => h("li", {}, describeReplaced(item, "Your choice replaces"))));
    }

    const reportArea = root.querySelector(".report");
    reportArea.replaceChildren(...renderChecklist(report, this.view).flat());
    this.wireChecklist(reportArea);

    // Announce the verdict when it changes, not the whole list on every redraw.
    const verdict = `${reportArea.querySelector(".verdict strong").textContent}: ${reportArea.querySelector(".verdict .counts").textContent}`;
    if (this.lastVerdict !== undefined && verdict !== this.lastVerdict) {
      this.announce(`Checklist: ${verdict}`);
    }
    this.lastVerdict = verdict;

    if (this.hasAttribute("remember") && localStorageHas(STORAGE_KEY)) {
      this.save();
    }
    if (!this.firstReportMarked) {
      this.firstReportMarked = true;
      performance.mark("byok-prereqs:first-report");
    }
    this.dispatchEvent(new CustomEvent("byok-report-change", { bubbles: true, composed: true, detail: { report, facts } }));
  }

  renderInputs(list) {
    list.replaceChildren(...this.session.inputs.map((input) => this.renderInput(input)));
  }

  /**
   * Moves focus into the redrawn item of an input, because redrawing the list removed the
   * control that had it: to `selector` in the item if it is there, else to the item itself.
   */
  focusInput(inputId, selector) {
    const item = this.shadowRoot.querySelector(`li.input[data-input="${inputId}"]`);
    (item?.querySelector(selector) ?? item)?.focus();
  }

  renderInput(input) {
    const idBase = `${this.idPrefix}-input-${input.id}`;
    const parsed = input.parsed;
    const heading = parsed ? parsed.label : "Not read";
    // tabindex -1 lets focusInput land on the item when the control that had focus is gone.
    const item = h("li", { class: `input ${parsed ? "read" : "failed"}`, "data-input": input.id, "data-kind": parsed?.kind ?? "", tabindex: "-1" },
      h("div", { class: "input-head" },
        h("span", { class: "symbol", "aria-hidden": "true" }, parsed ? "✓" : "✗"),
        h("span", { class: "input-name" }, `${input.name}:`),
        h("span", { class: "input-label" }, heading),
        h("button", {
          type: "button",
          class: "remove",
          "aria-label": `Remove ${input.name}`,
          onclick: () => {
            const index = this.session.inputs.indexOf(input);
            this.session.removeInput(input.id);
            this.update();
            this.announce(`Removed ${input.name}.`);
            // Focus goes to the input that took this one's place, else the one before, else
            // the text area, so a keyboard user is not sent back to the top of the page.
            const next = this.session.inputs[Math.min(index, this.session.inputs.length - 1)];
            if (next) {
              this.focusInput(next.id, "button.remove");
            } else {
              this.shadowRoot.getElementById(`${this.idPrefix}-paste`).focus();
            }
          },
        }, "Remove"),
      ),
    );
    // No role="alert" here: the list is redrawn on every change, and an alert is read out each
    // time it is inserted. announceInput reads it out once, when the input is added.
    if (input.error) {
      item.append(h("p", { class: "error" }, withCode(input.error.message)));
    }
    const givesNoFacts = Session.givesNoFacts(input);
    if (givesNoFacts) {
      item.append(h("p", { class: "error" },
        "This input gave no facts, so it changes nothing in the checklist. A facts bundle needs ",
        h("code", {}, '"schema_version": 1'),
        "; for tool output, choose its kind below and read it again.",
      ));
    }
    if (input.error || givesNoFacts) {
      if (input.text) {
        const retryKind = h("select", { id: `${idBase}-kind` },
          this.kinds.map((name) => h("option", { value: name, selected: input.options.kind === name }, KIND_LABELS[name] ?? name)),
        );
        item.append(h("div", { class: "row" },
          h("div", { class: "field" }, h("label", { for: `${idBase}-kind` }, "Read as"), retryKind),
          h("button", {
            type: "button",
            onclick: () => {
              this.session.reparse(input.id, { kind: retryKind.value });
              this.update();
              this.announceInput(input);
              this.focusInput(input.id, "button.read-again");
            },
            class: "read-again",
          }, "Read again"),
        ));
      }
    }
    const choices = parsed?.facts?.hsm?.partition_choices?.value;
    if (choices?.length) {
      const partition = h("select", { id: `${idBase}-partition` },
        h("option", { value: "" }, "Choose a partition"),
        choices.map((name) => h("option", { value: name }, name)),
      );
      item.append(h("div", { class: "row" },
        h("div", { class: "field" }, h("label", { for: `${idBase}-partition` }, "Partition"), partition),
        h("button", {
          type: "button",
          onclick: () => {
            this.session.reparse(input.id, { kind: input.options.kind, partition: partition.value });
            this.update();
            this.announceInput(input);
            this.focusInput(input.id, "button.read-partition");
          },
          class: "read-partition",
        }, "Read this partition"),
      ));
    }
    const notes = [
      ...(parsed?.warnings ?? []).map((warning) => h("li", { class: "warning" }, h("span", { "aria-hidden": "true" }, "! "), "Warning: ", withCode(warning))),
      ...input.replaced.map((item) => h("li", { class: "conflict" }, h("span", { "aria-hidden": "true" }, "⇄ "), describeReplaced(item, "Replaces"))),
    ];
    if (notes.length) {
      item.append(h("ul", { class: "notes" }, notes));
    }
    return item;
  }

  /**
   * Shows a context value that an input set, when the operator chose none: the empty option
   * names it and the hint gives its source.
   */
  renderHints(facts) {
    for (const field of CONTEXT_FIELDS) {
      const hint = this.shadowRoot.querySelector(`[data-hint="${field}"]`);
      const select = this.shadowRoot.getElementById(`${this.idPrefix}-${field}`);
      if (!hint || !select) {
        continue;
      }
      const fact = field in this.session.context ? undefined : facts.context?.[field];
      const label = fact ? (CHOICES[field]?.find(([value]) => String(value) === String(fact.value))?.[1] ?? String(fact.value)) : "";
      select.options[0].textContent = fact ? `As read: ${label}` : "Not chosen";
      hint.textContent = fact ? `Source: ${fact.source}` : "";
    }
  }

  wireChecklist(area) {
    for (const tab of area.querySelectorAll('[role="tab"]')) {
      tab.addEventListener("click", () => {
        this.view.way = tab.dataset.way;
        selectWay(area, this.view.way, tab);
      });
      tab.addEventListener("keydown", (event) => {
        const keys = { ArrowRight: 1, ArrowLeft: -1, Home: "first", End: "last" };
        if (!(event.key in keys)) {
          return;
        }
        event.preventDefault();
        const ways = HSM_WAYS.map((way) => way.key);
        const step = keys[event.key];
        const index = ways.indexOf(tab.dataset.way);
        let next;
        if (step === "first") {
          next = 0;
        } else if (step === "last") {
          next = ways.length - 1;
        } else {
          next = (index + step + ways.length) % ways.length;
        }
        this.view.way = ways[next];
        selectWay(area, this.view.way, tab.parentElement.querySelector(`[data-way="${ways[next]}"]`));
      });
    }
    for (const button of area.querySelectorAll("button.copy")) {
      button.addEventListener("click", async () => {
        const copied = await copyText(button.dataset.copy, this.shadowRoot);
        button.textContent = copied ? "Copied" : "Copy failed";
        this.announce(copied ? "Copied to the clipboard." : "Copying failed; select the text and copy it.");
        setTimeout(() => (button.textContent = "Copy"), 1500);
      });
    }
  }

  /** Says something through the live region; messages of one task are joined. */
  announce(text) {
    this.pendingAnnouncement = this.pendingAnnouncement ? `${this.pendingAnnouncement} ${text}` : text;
    queueMicrotask(() => {
      const announcer = this.shadowRoot.querySelector(".announcer");
      if (announcer && this.pendingAnnouncement) {
        announcer.textContent = this.pendingAnnouncement;
        this.pendingAnnouncement = "";
      }
    });
  }

  /** Saves the merged facts, never the pasted texts, which may hold more than the facts. */
  save() {
    try {
      localStorage.setItem(STORAGE_KEY, this.core.factsToJson(this.lastFacts));
    } catch {
      this.announce("The facts could not be kept: this browser does not allow local storage here.");
    }
  }

  startSession({ restore = true } = {}) {
    this.session = new Session(this.core);
    this.applyAttributes();
    if (restore) {
      this.restoreSaved();
    }
  }

  restoreSaved() {
    if (!this.hasAttribute("remember")) {
      return;
    }
    const saved = localStorageGet(STORAGE_KEY);
    if (saved) {
      this.session.addInput(saved, { name: "Facts kept in this browser", kind: "facts" });
    }
  }
}

/** Freezes an object and every object and array in it, and returns it. */
function deepFreeze(value) {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) {
      deepFreeze(child);
    }
  }
  return value;
}

/** Returns what a context attribute expects when `value` is not valid for `field`, else null. */
function attributeError(field, value) {
  if (field === "key_size") {
    return /^[1-9][0-9]{0,5}$/.test(value) ? null : "a key size in bits, such as 4096 or 256";
  }
  const values = ATTRIBUTE_VALUES[field];
  return values.includes(value) ? null : `one of ${values.join(", ")}`;
}

function describeReplaced(item, verb) {
  const show = (fact) => (fact && typeof fact === "object" && "value" in fact ? `${JSON.stringify(fact.value)} (from ${fact.source})` : JSON.stringify(fact));
  return `${verb} ${item.path}: ${show(item.old)} with ${show(item.new)}`;
}

function toLocalInput(rfc3339) {
  const date = new Date(rfc3339);
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60000);
  return local.toISOString().slice(0, 16);
}

// Local storage throws where the browser forbids it (some file:// and sandboxed frames).
function localStorageGet(key) {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function localStorageHas(key) {
  return localStorageGet(key) !== null;
}

function localStorageRemove(key) {
  try {
    localStorage.removeItem(key);
  } catch {
    // Nothing was kept.
  }
}

let styleSheet = null;

/**
 * Returns the one constructed style sheet that all instances share. A page's CSP style-src
 * does not apply to constructed sheets, so the element needs no 'unsafe-inline'.
 */
function sheet() {
  if (!styleSheet) {
    styleSheet = new CSSStyleSheet();
    styleSheet.replaceSync(STYLES);
  }
  return styleSheet;
}

if (!customElements.get(TAG)) {
  customElements.define(TAG, ByokPrereqsChecklist);
}
