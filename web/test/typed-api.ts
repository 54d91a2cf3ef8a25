// A program written against the package's types, as a consumer writes it. tsc must compile it
// with strict checks, and it must run against the real module (types.test.mjs does both).

import {
  load,
  type ByokCore,
  type ByokError,
  type CheckResult,
  type ErrorCode,
  type Facts,
  type Report,
  type Status,
} from "byok-prereqs";
import type { ByokPrereqsChecklist, ReportChangeDetail } from "byok-prereqs/element";
import type * as Generated from "../pkg/byok_prereqs_wasm.js";

// The functions wasm-bindgen declares fit the package's ByokCore.
const signatures: Pick<ByokCore, "parseText" | "evaluate" | "mergeFacts" | "render" | "rules" | "inputKinds" | "factsToJson"> =
  {} as typeof Generated;
void signatures;

// The element's event detail and properties are typed.
function onReport(element: ByokPrereqsChecklist): void {
  element.addEventListener("byok-report-change", (event) => {
    const detail: ReportChangeDetail = event.detail;
    const verdict: Report["verdict"] = detail.report.verdict;
    void verdict;
  });
}
void onReport;

const core: ByokCore = await load();

const facts: Facts = {
  schema_version: 1,
  context: { target: { value: "key-vault", source: "entered by user" } },
  azure: { vault_sku: { value: "standard", source: "az keyvault show" } },
};

// @ts-expect-error: a target outside the declared values does not compile.
const wrongTarget: Facts = { schema_version: 1, context: { target: { value: "vault", source: "x" } } };
void wrongTarget;

const report: Report = core.evaluate(facts, { now: "2026-01-31T12:00:00Z" });
const sku: CheckResult | undefined = report.checks.find((check) => check.id === "azure.vault.sku");
const status: Status | undefined = sku?.status;

let code: ErrorCode | undefined;
try {
  core.parseText("not the output of any tool");
} catch (error) {
  code = (error as ByokError).code;
}

console.log(JSON.stringify({ verdict: report.verdict, sku: status, code, rules: core.rules().length }));
