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

/**
 * Decodes a file's bytes as text. A byte order mark chooses UTF-8, UTF-16LE or UTF-16BE, and
 * is dropped. Without one, text with a zero in every other byte is read as UTF-16, because some
 * Windows tools write it so. Anything else is read as UTF-8.
 */
export function decodeText(bytes) {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return new TextDecoder("utf-8").decode(bytes);
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return new TextDecoder("utf-16le").decode(bytes);
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return new TextDecoder("utf-16be").decode(bytes);
  }
  const encoding = guessUtf16(bytes.subarray(0, 4096));
  return new TextDecoder(encoding ?? "utf-8").decode(bytes);
}

/**
 * Returns "utf-16le" or "utf-16be" when the sample looks like mostly-ASCII UTF-16 without a
 * byte order mark (zero bytes on one side of nearly every pair, none on the other), else null.
 */
function guessUtf16(sample) {
  const pairs = Math.floor(sample.length / 2);
  if (pairs < 2) {
    return null;
  }
  let zeroHigh = 0;
  let zeroLow = 0;
  for (let index = 0; index < pairs * 2; index += 2) {
    zeroLow += sample[index] === 0 ? 1 : 0;
    zeroHigh += sample[index + 1] === 0 ? 1 : 0;
  }
  if (zeroHigh >= pairs * 0.9 && zeroLow === 0) {
    return "utf-16le";
  }
  if (zeroLow >= pairs * 0.9 && zeroHigh === 0) {
    return "utf-16be";
  }
  return null;
}

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
   * page can show the error next to it and offer to read it as another kind. A leading byte
   * order mark, which some editors copy along, is dropped because the readers do not skip it.
   */
  addInput(text, { name, kind, partition } = {}) {
    const id = this.nextId;
    this.nextId += 1;
    const input = { id, name: name || `Pasted text ${id}`, text: text.replace(/^\uFEFF/, ""), options: {}, replaced: [] };
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

  /** Returns whether an input was read but gave no facts, so it changes nothing. */
  static givesNoFacts(input) {
    return Boolean(input.parsed) && Object.keys(input.parsed.facts).every((key) => key === "schema_version");
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
