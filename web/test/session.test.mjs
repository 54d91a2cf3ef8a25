// The page's state without a browser: merge order, the operator's choices winning, re-reading
// an input, and the facts that answers become.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";

import { load } from "../dist/byok-prereqs.js";
import { Session, USER_SOURCE, decodeText } from "../src/session.js";
import { CASES } from "./paths.mjs";

const core = await load();

function readCase(path) {
  return readFileSync(join(CASES, path), "utf8");
}

test("inputs merge in order added", () => {
  const session = new Session(core);
  session.addInput(readCase("securosys/001-primus-tools-getdeviceinfo-rx-2.11.2-T.txt"), { name: "first" });
  const second = session.addInput(readCase("securosys/004-jce-sample-device-info-RX-2.20.0-T.txt"), { name: "second" });

  const facts = session.facts();
  assert.equal(facts.hsm.firmware.value, "RX-2.20.0-T");
  assert.deepEqual(
    second.replaced.map((item) => item.path),
    ["hsm.device_name", "hsm.firmware"],
  );
  assert.deepEqual(session.inputs[0].replaced, []);

  session.removeInput(second.id);
  assert.equal(session.facts().hsm.firmware.value, "RX-2.11.2-T");
});

test("operator choices win over inputs", () => {
  const session = new Session(core);
  const bundle = { schema_version: 1, context: { target: { value: "managed-hsm", source: "az byok prereqs" } } };
  session.addInput(JSON.stringify(bundle), { name: "bundle.json" });
  session.setContext("target", "key-vault");

  const facts = session.facts();
  assert.deepEqual(facts.context.target, { value: "key-vault", source: USER_SOURCE });
  assert.equal(session.userReplaced.length, 1);
  assert.equal(session.userReplaced[0].path, "context.target");

  // Clearing the choice brings the bundle's value back.
  session.setContext("target", "");
  assert.equal(session.facts().context.target.value, "managed-hsm");
});

test("answers become typed facts", () => {
  const session = new Session(core);
  session.setAnswer("permanent_secret_fetched", "no");
  session.setAnswer("setup_password_issued_at", "2026-01-30T12:00:00Z");
  session.setAnswer("logged_in", "yes");
  session.setAnswer("subscription_state", "Enabled");
  session.setContext("key_size", "4096");

  const facts = session.userFacts();
  assert.deepEqual(facts.hsm.permanent_secret_fetched, { value: false, source: USER_SOURCE });
  assert.deepEqual(facts.hsm.setup_password_issued_at, { value: "2026-01-30T12:00:00Z", source: USER_SOURCE });
  assert.deepEqual(facts.azure.logged_in, { value: true, source: USER_SOURCE });
  assert.deepEqual(facts.azure.subscription_state, { value: "Enabled", source: USER_SOURCE });
  assert.deepEqual(facts.context.key_size, { value: 4096, source: USER_SOURCE });

  session.setAnswer("logged_in", "");
  assert.equal(session.userFacts().azure.logged_in, undefined);
  assert.throws(() => session.setAnswer("partition_pin", "x"), /unknown question 'partition_pin'/);
  assert.throws(() => session.setContext("vault", "x"), /unknown context field 'vault'/);
});

test("unreadable input keeps its error", () => {
  const session = new Session(core);
  const input = session.addInput("nothing a tool prints");
  assert.equal(input.parsed, undefined);
  assert.equal(input.error.code, "unrecognized-input");

  // Read again as a kind, then as the right text's kind.
  session.reparse(input.id, { kind: "java-version" });
  assert.equal(input.error.code, "invalid-input");
  input.text = readCase("java-version/003-temurin-21.0.5-double-dash-version-stdout-form.txt");
  session.reparse(input.id, { kind: "java-version" });
  assert.equal(input.error, undefined);
  assert.equal(input.parsed.kind, "java-version");
});

test("evaluate uses the current time", () => {
  const session = new Session(core);
  session.setContext("hsm_service", "primus");
  session.setAnswer("permanent_secret_fetched", "no");
  session.setAnswer("setup_password_issued_at", new Date(Date.now() - 3600 * 1000).toISOString());

  const { report } = session.evaluate();
  const check = report.checks.find((item) => item.id === "hsm.setup-password");
  assert.equal(check.status, "pass", check.message);

  // At a time four days later, the 72-hour setup password has expired.
  const later = new Date(Date.now() + 4 * 24 * 3600 * 1000).toISOString().replace(/\.\d+Z$/, "Z");
  const expired = session.evaluate(later).report.checks.find((item) => item.id === "hsm.setup-password");
  assert.equal(expired.status, "fail", expired.message);
});

test("file bytes decode by encoding", () => {
  const text = "openjdk version \"21.0.5\" 2024-10-15\r\nÄ Java runtime\n";
  const utf16le = Buffer.from(text, "utf16le");
  const utf16be = Buffer.from(text, "utf16le").swap16();
  const cases = {
    "UTF-8": Buffer.from(text),
    "UTF-8 with BOM": Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
    "UTF-16LE with BOM": Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le]),
    "UTF-16BE with BOM": Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be]),
    "UTF-16LE without BOM": utf16le,
    "UTF-16BE without BOM": utf16be,
  };
  for (const [name, bytes] of Object.entries(cases)) {
    assert.equal(decodeText(new Uint8Array(bytes)), text, name);
  }

  // Binary data stays as it is, so the core reports it as binary.
  const binary = new Uint8Array([0, 1, 2, 0, 0, 255, 7, 0]);
  assert.ok(decodeText(binary).includes("\u0000"));
  assert.equal(decodeText(new Uint8Array([])), "");
});

test("leading byte order mark is dropped", () => {
  const session = new Session(core);
  const input = session.addInput(`\uFEFF${readCase("az-version-text/001-2.0.41-macos-parens-format.txt")}`);
  assert.equal(input.error, undefined);
  assert.equal(input.parsed.kind, "az-version");
});

test("input that gives no facts is flagged", () => {
  // The shape the core returns when it recognises a text but reads nothing from it.
  const empty = { id: 1, name: "bundle.json", parsed: { kind: "keyvault-key", label: "az keyvault key show output", facts: { schema_version: 1 }, warnings: [] } };
  assert.equal(Session.givesNoFacts(empty), true);

  const session = new Session(core);
  const java = session.addInput(readCase("java-version/003-temurin-21.0.5-double-dash-version-stdout-form.txt"));
  assert.equal(Session.givesNoFacts(java), false);
  const failed = session.addInput("nothing a tool prints");
  assert.equal(Session.givesNoFacts(failed), false);
});
