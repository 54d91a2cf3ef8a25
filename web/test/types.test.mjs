// Checks the TypeScript declarations against the real module, so they cannot drift:
// - every key of every object the module returns for the vectors and the real cases is
//   declared, with a value of the declared type, and every required key is present;
// - every key declared in Report is present in at least one vector's report;
// - a TypeScript program written against the package's types compiles with tsc and runs.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";

import ts from "typescript";

import { load } from "../dist/byok-prereqs.js";
import { CASES, DIST, REPO, WEB } from "./paths.mjs";

const core = await load();
const program = ts.createProgram([join(DIST, "core.d.ts")], { strict: true, noEmit: true });
const checker = program.getTypeChecker();
const declarations = program.getSourceFile(join(DIST, "core.d.ts"));

const exported = checker.getExportsOfModule(checker.getSymbolAtLocation(declarations));

/** Returns the type exported with this name from core.d.ts. */
function declaredType(name) {
  const symbol = exported.find((candidate) => candidate.name === name);
  assert.ok(symbol, `core.d.ts exports no type ${name}`);
  const type = checker.getDeclaredTypeOfSymbol(symbol);
  assert.ok(!(type.flags & ts.TypeFlags.Any), `${name} resolved to any`);
  return type;
}

/**
 * Checks a value against a declared type. Returns the problems found; `seen` collects
 * `Type.property` for every declared property that was present.
 */
function validate(value, type, path, seen, problems = []) {
  if (type.flags & ts.TypeFlags.Unknown || type.flags & ts.TypeFlags.Any) {
    return problems;
  }

  if (type.isUnion()) {
    const members = type.types.filter((member) => !(member.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)));
    const fits = members.some((member) => validate(value, member, path, new Set()).length === 0);
    if (!fits) {
      problems.push(`${path}: ${JSON.stringify(value)} is not ${checker.typeToString(type)}`);
    } else {
      // Record the properties of the member that fits.
      const member = members.find((candidate) => validate(value, candidate, path, new Set()).length === 0);
      validate(value, member, path, seen, problems);
    }
    return problems;
  }

  if (type.isStringLiteral() || type.isNumberLiteral()) {
    if (value !== type.value) {
      problems.push(`${path}: ${JSON.stringify(value)} is not ${JSON.stringify(type.value)}`);
    }
    return problems;
  }
  if (type.flags & ts.TypeFlags.BooleanLiteral) {
    if (value !== (checker.typeToString(type) === "true")) {
      problems.push(`${path}: ${JSON.stringify(value)} is not ${checker.typeToString(type)}`);
    }
    return problems;
  }
  for (const [flag, name] of [
    [ts.TypeFlags.String, "string"],
    [ts.TypeFlags.Number, "number"],
    [ts.TypeFlags.Boolean, "boolean"],
  ]) {
    if (type.flags & flag) {
      if (typeof value !== name) {
        problems.push(`${path}: ${JSON.stringify(value)} is not a ${name}`);
      }
      return problems;
    }
  }
  if (checker.isArrayType(type)) {
    if (!Array.isArray(value)) {
      problems.push(`${path}: ${JSON.stringify(value)} is not an array`);
      return problems;
    }
    const [element] = checker.getTypeArguments(type);
    value.forEach((item, index) => validate(item, element, `${path}[${index}]`, seen, problems));
    return problems;
  }

  // Objects: plain, with only declared keys and every required one.
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    problems.push(`${path}: ${JSON.stringify(value)} is not an object`);
    return problems;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) {
    problems.push(`${path}: not a plain object (${Object.prototype.toString.call(value)})`);
    return problems;
  }
  const [index] = checker.getIndexInfosOfType(type);
  if (index) {
    for (const [key, item] of Object.entries(value)) {
      validate(item, index.type, `${path}.${key}`, seen, problems);
    }
    return problems;
  }
  const typeName = (type.aliasSymbol ?? type.symbol)?.name ?? checker.typeToString(type);
  for (const [key, item] of Object.entries(value)) {
    const property = type.getProperty(key);
    if (!property) {
      problems.push(`${path}.${key}: not declared in ${typeName}`);
      continue;
    }
    seen.add(`${typeName}.${key}`);
    validate(item, checker.getTypeOfSymbol(property), `${path}.${key}`, seen, problems);
  }
  for (const property of type.getProperties()) {
    const optional = property.flags & ts.SymbolFlags.Optional;
    if (!optional && !(property.name in value)) {
      problems.push(`${path}.${property.name}: required by ${typeName} but missing`);
    }
  }
  return problems;
}

/** Collects every `Type.property` declared in the types reachable from `type`. */
function declaredProperties(type, found = new Set(), visited = new Set()) {
  if (visited.has(type)) {
    return found;
  }
  visited.add(type);
  if (type.isUnion()) {
    type.types.forEach((member) => declaredProperties(member, found, visited));
    return found;
  }
  if (checker.isArrayType(type)) {
    declaredProperties(checker.getTypeArguments(type)[0], found, visited);
    return found;
  }
  if (!(type.flags & ts.TypeFlags.Object) || checker.getIndexInfosOfType(type).length > 0) {
    return found;
  }
  const typeName = (type.aliasSymbol ?? type.symbol)?.name;
  for (const property of type.getProperties()) {
    found.add(`${typeName}.${property.name}`);
    declaredProperties(checker.getTypeOfSymbol(property), found, visited);
  }
  return found;
}

const vectorsDir = join(REPO, "tests", "vectors");
const vectors = readdirSync(vectorsDir)
  .filter((name) => name.endsWith(".json"))
  .map((name) => ({ name, ...JSON.parse(readFileSync(join(vectorsDir, name), "utf8")) }));

function caseFiles() {
  const files = [];
  for (const folder of readdirSync(CASES, { withFileTypes: true })) {
    if (folder.isDirectory()) {
      for (const file of readdirSync(join(CASES, folder.name))) {
        files.push(join(folder.name, file));
      }
    }
  }
  return files.sort();
}

test("validator rejects wrong shapes", () => {
  const check = (value) => validate(value, declaredType("Evidence"), "evidence", new Set());
  assert.deepEqual(check({ fact: "hsm.firmware", source: "HSM console" }), []);
  assert.deepEqual(check({ fact: "hsm.firmware", source: "HSM console", extra: 1 }), ["evidence.extra: not declared in Evidence"]);
  assert.deepEqual(check({ fact: "hsm.firmware" }), ["evidence.source: required by Evidence but missing"]);
  assert.deepEqual(check({ fact: 5, source: "x" }), ["evidence.fact: 5 is not a string"]);
  const status = validate("maybe", declaredType("Status"), "status", new Set());
  assert.equal(status.length, 1);
});

test("vector reports match Report", () => {
  const reportType = declaredType("Report");
  const seen = new Set();
  for (const vector of vectors) {
    const report = core.evaluate(vector.facts, vector.options);
    assert.deepEqual(validate(report, reportType, vector.name, seen), [], vector.name);
  }

  // Every key Report declares occurs in some vector's report.
  const unseen = [...declaredProperties(reportType)].filter((property) => !seen.has(property));
  assert.deepEqual(unseen, [], "declared in Report but in no vector's report");
});

test("vector facts match Facts", () => {
  const factsType = declaredType("Facts");
  for (const vector of vectors) {
    assert.deepEqual(validate(vector.facts, factsType, vector.name, new Set()), [], vector.name);
    const merged = core.mergeFacts({ schema_version: 1 }, vector.facts);
    assert.deepEqual(validate(merged, declaredType("MergeResult"), vector.name, new Set()), [], vector.name);
  }
});

test("parsed cases match Parsed", () => {
  const parsedType = declaredType("Parsed");
  let read = 0;
  for (const file of caseFiles()) {
    if (file.endsWith(".json") && file.startsWith("expected")) {
      continue;
    }
    let parsed;
    try {
      parsed = core.parseText(readFileSync(join(CASES, file), "utf8"));
    } catch (error) {
      // Some cases are meant to be unreadable; their error code must still be declared.
      assert.deepEqual(validate(error.code, declaredType("ErrorCode"), file, new Set()), [], file);
      continue;
    }
    read += 1;
    assert.deepEqual(validate(parsed, parsedType, file, new Set()), [], file);
  }
  assert.ok(read > 30, `only ${read} cases were read`);
});

test("catalogue and kinds match", () => {
  const rules = core.rules();
  assert.equal(rules.length, 16);
  assert.deepEqual(validate(rules, checker.createArrayType(declaredType("Rule")), "rules", new Set()), []);
  const kinds = core.inputKinds();
  assert.deepEqual(validate(kinds, checker.createArrayType(declaredType("InputKind")), "kinds", new Set()), []);
});

test("errors carry the core's code", () => {
  const cases = [
    [() => core.parseText(""), "unrecognized-input"],
    [() => core.parseText("{}", { kind: "facts" }), "invalid-facts"],
    [() => core.parseText('{"schema_version": 9}', { kind: "facts" }), "unsupported-schema"],
    [() => core.evaluate({ schema_version: 1 }, { skip: ["no.such.check"] }), "invalid-option"],
    [() => core.evaluate({ schema_version: 1 }, { now: "yesterday" }), "invalid-option"],
    [() => core.evaluate({ schema_version: 1, azure: { vault_sku: { value: 5 } } }), "invalid-facts"],
    [() => core.evaluate({ schema_version: 1 }, { unknown_option: true }), "invalid-option"],
    [() => core.mergeFacts({ schema_version: 1 }, { schema_version: 1, azure: { no_such_fact: {} } }), "invalid-facts"],
    [() => core.render({ verdict: "ready" }, "markdown"), "invalid-input"],
    [() => core.render(core.evaluate({ schema_version: 1 }), "pdf"), "invalid-option"],
    [() => core.parseText("x".repeat(32 * 1024 * 1024 + 1)), "input-too-large"],
  ];
  const codes = declaredType("ErrorCode").types.map((member) => member.value);
  for (const [call, code] of cases) {
    let thrown;
    try {
      call();
    } catch (error) {
      thrown = error;
    }
    assert.ok(thrown instanceof Error, `${call}: expected an Error`);
    assert.equal(thrown.code, code, `${call}: ${thrown.message}`);
    assert.ok(codes.includes(thrown.code), `${thrown.code} not declared in ErrorCode`);
    assert.ok(thrown.message.length > 10, `${call}: message '${thrown.message}'`);
  }

  // The message is the core's own, with the field path.
  try {
    core.evaluate({ schema_version: 1, azure: { vault_sku: { value: 5 } } });
  } catch (error) {
    assert.match(error.message, /^azure\.vault_sku\.value: invalid type/);
  }
});

test("maps cross as plain objects", () => {
  const facts = {
    schema_version: 1,
    azure: { cli_extensions: { value: { ssh: "2.0.0" }, source: "az version" } },
    unavailable: { "hsm.firmware": "the HSM is offline" },
  };
  const merged = core.mergeFacts({ schema_version: 1 }, facts).facts;
  assert.equal(Object.getPrototypeOf(merged.azure.cli_extensions.value), Object.prototype);
  assert.deepEqual(merged.azure.cli_extensions.value, { ssh: "2.0.0" });
  assert.deepEqual(merged.unavailable, { "hsm.firmware": "the HSM is offline" });
});

test("typed program compiles and runs", () => {
  const tsc = join(WEB, "node_modules", "typescript", "bin", "tsc");
  execFileSync(process.execPath, [tsc, "--project", join(WEB, "test", "tsconfig.json")], { cwd: WEB, stdio: "pipe" });
  const output = execFileSync(process.execPath, [join(DIST, "typecheck", "typed-api.js")], { cwd: WEB, encoding: "utf8" });
  assert.deepEqual(JSON.parse(output), { verdict: "not-ready", sku: "fail", code: "unrecognized-input", rules: 16 });
});
