// The state of one checklist: the context the operator chose, the inputs they added and their
// answers to questions no tool answers. It merges all of them into one facts document with the
// core's merge and evaluates it. No DOM here, so Node tests can drive it.

/** Source of every fact the operator chose or answered on the page. */
export const USER_SOURCE = "entered by user";

/** Largest text or file read, in bytes: the core's limit for `parseText`. */
export const MAX_INPUT_BYTES = 32 * 1024 * 1024;

/** Context fields, as the facts model names them under `context`. */
export const CONTEXT_FIELDS = ["target", "hsm_service", "key_type", "key_size", "curve"];

/** Questions whose answers become facts: fact path and value type. */
export const ANSWER_FIELDS = {
  permanent_secret_fetched: { path: ["hsm", "permanent_secret_fetched"], type: "boolean" },
  setup_password_issued_at: { path: ["hsm", "setup_password_issued_at"], type: "time" },
  logged_in: { path: ["azure", "logged_in"], type: "boolean" },
  subscription_state: { path: ["azure", "subscription_state"], type: "string" },
  azure_byok_export_available: { path: ["tools", "azure_byok_export_available"], type: "boolean" },
};

/** Returns the current time as RFC 3339 in UTC, in whole seconds. */
export function currentTime() {
  return new Date().toISOString().replace(/\.\d+Z$/, "Z");
}

export class Session {
  /** @param core the object `load()` returns */
  constructor(core) {
    this.core = core;
    this.context = {};
    this.answers = {};
    this.inputs = [];
    /** Facts that the operator's own choices replaced, from the last `evaluate`. */
    this.userReplaced = [];
    this.nextId = 1;
  }

  /**
   * Reads a text and adds it as an input. An unreadable text is kept with its error, so the
   * page can show the error next to it and offer to read it as another kind.
   */
  addInput(text, { name, kind, partition } = {}) {
    const id = this.nextId;
    this.nextId += 1;
    const input = { id, name: name || `Pasted text ${id}`, text, options: {}, replaced: [] };
    this.inputs.push(input);
    this.reparse(id, { kind, partition });
    return input;
  }

  /** Adds an input that could not be read at all, such as a file over the size limit. */
  addFailedInput(name, error) {
    const id = this.nextId;
    this.nextId += 1;
    const input = { id, name, text: "", options: {}, replaced: [], error };
    this.inputs.push(input);
    return input;
  }

  /** Reads an input again with other options, for example a partition or a kind. */
  reparse(id, { kind, partition } = {}) {
    const input = this.input(id);
    input.options = {};
    if (kind) {
      input.options.kind = kind;
    }
    if (partition) {
      input.options.partition = partition;
    }
    try {
      input.parsed = this.core.parseText(input.text, input.options);
      input.error = undefined;
    } catch (error) {
      input.parsed = undefined;
      input.error = { message: error.message, code: error.code ?? "invalid-input" };
    }
    return input;
  }

  removeInput(id) {
    this.inputs = this.inputs.filter((input) => input.id !== id);
  }

  input(id) {
    const input = this.inputs.find((candidate) => candidate.id === id);
    if (!input) {
      throw new Error(`no input with id ${id}`);
    }
    return input;
  }

  /** Sets a context field; an empty value clears it. */
  setContext(field, value) {
    if (!CONTEXT_FIELDS.includes(field)) {
      throw new Error(`unknown context field '${field}'; expected one of ${CONTEXT_FIELDS.join(", ")}`);
    }
    if (value === "" || value === undefined || value === null) {
      delete this.context[field];
    } else {
      this.context[field] = field === "key_size" ? Number(value) : value;
    }
  }

  /** Sets the answer to a question; an empty value clears it. */
  setAnswer(field, value) {
    if (!(field in ANSWER_FIELDS)) {
      throw new Error(`unknown question '${field}'; expected one of ${Object.keys(ANSWER_FIELDS).join(", ")}`);
    }
    if (value === "" || value === undefined || value === null) {
      delete this.answers[field];
    } else {
      this.answers[field] = value;
    }
  }

  /** The operator's choices and answers as a facts fragment. */
  userFacts() {
    const facts = { schema_version: 1 };
    const context = {};
    for (const field of CONTEXT_FIELDS) {
      if (this.context[field] !== undefined) {
        context[field] = { value: this.context[field], source: USER_SOURCE };
      }
    }
    if (Object.keys(context).length > 0) {
      facts.context = context;
    }
    for (const [field, { path, type }] of Object.entries(ANSWER_FIELDS)) {
      const answer = this.answers[field];
      if (answer === undefined) {
        continue;
      }
      const value = type === "boolean" ? answer === true || answer === "yes" : answer;
      const [group, name] = path;
      facts[group] ??= {};
      facts[group][name] = { value, source: USER_SOURCE };
    }
    return facts;
  }

  /**
   * Merges the inputs in the order they were added, then the operator's choices, which win.
   * Each input records the facts its merge replaced.
   */
  facts() {
    let facts = { schema_version: 1 };
    for (const input of this.inputs) {
      input.replaced = [];
      if (!input.parsed) {
        continue;
      }
      const merged = this.core.mergeFacts(facts, input.parsed.facts);
      facts = merged.facts;
      input.replaced = merged.replaced;
    }
    const merged = this.core.mergeFacts(facts, this.userFacts());
    this.userReplaced = merged.replaced;
    return merged.facts;
  }

  /** Merges everything and evaluates it at `now` (RFC 3339, the current time by default). */
  evaluate(now = currentTime()) {
    const facts = this.facts();
    const report = this.core.evaluate(facts, { now });
    return { facts, report };
  }
}
