// Types of `byok-prereqs/element`, which defines <byok-prereqs-checklist> when imported.

import type { Facts, InputKind, Parsed, ErrorCode, Report } from "./byok-prereqs.js";

export { load } from "./byok-prereqs.js";

/** Detail of the `byok-report-change` event, sent after every evaluation. */
export interface ReportChangeDetail {
  report: Report;
  /** The merged facts the report was evaluated from. */
  facts: Facts;
}

/** One input on the checklist: what was read from it, or why it could not be read. */
export interface ChecklistInput {
  id: number;
  name: string;
  parsed?: Parsed;
  error?: { message: string; code: ErrorCode };
}

export class ByokPrereqsChecklist extends HTMLElement {
  /** Resolves when the WebAssembly module has loaded. */
  readonly ready: Promise<void>;
  /** The last report, or null before the module has loaded. */
  readonly report: Report | null;
  /** The merged facts of the last report, or null before the module has loaded. */
  readonly facts: Facts | null;
  /** Adds a text as if pasted; the returned input describes what was read from it. */
  addInput(text: string, options?: { name?: string; kind?: InputKind }): Promise<ChecklistInput>;
  /** Removes every input and answer; the context attributes stay. */
  clear(): Promise<void>;
}

declare global {
  interface HTMLElementTagNameMap {
    "byok-prereqs-checklist": ByokPrereqsChecklist;
  }
  interface HTMLElementEventMap {
    "byok-report-change": CustomEvent<ReportChangeDetail>;
  }
}
