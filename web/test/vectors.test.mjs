// Runs every shared vector in tests/vectors through the WebAssembly module in Node, from the
// bundle the package ships, and compares with the report the core wrote for it.

import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";

import { load } from "../dist/byok-prereqs.js";
import { REPO } from "./paths.mjs";

const VECTORS = join(REPO, "tests", "vectors");

const vectorFiles = readdirSync(VECTORS)
  .filter((name) => name.endsWith(".json"))
  .sort();

test("vectors folder has vectors", () => {
  assert.ok(vectorFiles.length > 0, `no *.json vectors in ${VECTORS}`);
});

const core = await load();

for (const file of vectorFiles) {
  const name = file.replace(/\.json$/, "");
  const vector = JSON.parse(readFileSync(join(VECTORS, file), "utf8"));

  test(`vector ${name}`, () => {
    const report = core.evaluate(vector.facts, vector.options);

    assert.equal(report.verdict, vector.expected.verdict, "verdict");
    const statuses = Object.fromEntries(report.checks.map((check) => [check.id, check.status]));
    assert.deepEqual(statuses, vector.expected.checks, "statuses");

    const reportFile = join(VECTORS, "reports", `${name}.report.json`);
    assert.ok(existsSync(reportFile), `missing ${reportFile}`);
    const expected = JSON.parse(readFileSync(reportFile, "utf8"));
    assert.deepEqual(report, expected, "whole report");

    // The JSON renderer in the module writes the same report as the object it returned.
    assert.deepEqual(JSON.parse(core.render(report, "json")), expected, "render json");
  });
}

test("facts bundle round trip keeps every vector's facts", () => {
  for (const file of vectorFiles) {
    const vector = JSON.parse(readFileSync(join(VECTORS, file), "utf8"));
    const text = core.factsToJson(vector.facts);
    // NOTE: a bundle with nothing but schema_version carries no mark of its kind. The readers
    // do not recognise it, so it is read with the kind given.
    const empty = Object.keys(vector.facts).length === 1;
    const parsed = core.parseText(text, empty ? { kind: "facts" } : undefined);
    assert.equal(parsed.kind, "facts", file);
    const normalised = core.mergeFacts({ schema_version: 1 }, vector.facts).facts;
    assert.deepEqual(parsed.facts, normalised, file);
  }
});
