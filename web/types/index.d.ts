// Types of the package entry point `byok-prereqs`. The value shapes come from the WebAssembly
// module's declarations (core.d.ts), which the tests check against real objects.

import type {
  EvaluateOptions,
  Facts,
  Format,
  InputKind,
  MergeResult,
  ParseOptions,
  Parsed,
  Report,
  Rule,
} from "./core.js";

export type * from "./core.js";

/** The core's functions. Each throws a `ByokError` (an `Error` with a `code`) on bad input. */
export interface ByokCore {
  /** Reads tool output into a facts fragment, recognising its kind unless `options.kind` is set. */
  parseText(text: string, options?: ParseOptions): Parsed;
  /** Evaluates every check; pass `now` so that checks against the clock can be decided. */
  evaluate(facts: Facts, options?: EvaluateOptions): Report;
  /** Merges `update` into a copy of `base`; `replaced` lists the values that changed. */
  mergeFacts(base: Facts, update: Facts): MergeResult;
  /** Writes facts as the JSON bundle that `az byok prereqs --facts` reads. */
  factsToJson(facts: Facts): string;
  /** Renders a report; `md` is accepted for `markdown`. */
  render(report: Report, format: Format | "md"): string;
  /** The catalogue of checks, in report order. */
  rules(): Rule[];
  /** The input kinds `parseText` reads. */
  inputKinds(): InputKind[];
  /** The version of the core this module was built from. */
  version(): string;
}

/** Instantiates the WebAssembly module (once) and returns the core's functions. */
export function load(): Promise<ByokCore>;
