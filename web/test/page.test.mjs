// The checklist page in headless Chromium: real tool outputs from tests/cases pasted in, the
// statuses they give, fixes, exports, keyboard use, and proof that no request leaves the page.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";

import { load } from "../dist/byok-prereqs.js";
import { launchBrowser, openPage, screenshot, startServer } from "./browser.mjs";
import { CASES, DIST, REPO } from "./paths.mjs";

const ELEMENT = "byok-prereqs-checklist";

let server;
let chromium;
let core;

before(async () => {
  server = await startServer(DIST);
  chromium = await launchBrowser();
  core = await load();
});

after(async () => {
  await chromium?.close();
  await server?.close();
});

function readCase(path) {
  return readFileSync(join(CASES, path), "utf8");
}

/** Opens the page and waits for the first checklist. */
async function openChecklist(options) {
  const opened = await openPage(chromium.browser, server.origin, options);
  await opened.page.goto(`${server.origin}/index.html`);
  await opened.page.locator(`${ELEMENT} .verdict`).waitFor();
  return opened;
}

async function choose(page, label, value) {
  await page.getByLabel(label, { exact: true }).selectOption(value);
}

/** Pastes a text and adds it, as an operator does with the keyboard: Ctrl+Enter. */
async function paste(page, text) {
  const area = page.getByLabel("Tool output", { exact: true });
  await area.fill(text);
  await area.press("Control+Enter");
}

async function statuses(page) {
  return page.locator(`${ELEMENT} li.check`).evaluateAll((items) =>
    Object.fromEntries(items.map((item) => [item.dataset.check, item.dataset.status])),
  );
}

async function inputKinds(page) {
  return page.locator(`${ELEMENT} li.input`).evaluateAll((items) => items.map((item) => item.dataset.kind));
}

test("empty page shows every check", async () => {
  const { page, context, blocked, errors } = await openChecklist();

  const checks = await statuses(page);
  assert.equal(Object.keys(checks).length, core.rules().length);
  assert.equal(await page.locator(`${ELEMENT} .verdict`).getAttribute("data-verdict"), "incomplete");
  assert.match(await page.locator(`${ELEMENT} .verdict`).innerText(), /Incomplete/);
  assert.equal(await page.locator('input[type="password"]').count(), 0, "no password field");

  await screenshot(page, "01-empty");
  assert.deepEqual(blocked, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test("real cases give their statuses", async () => {
  const { page, context, requests, blocked, errors } = await openChecklist();
  const loaded = requests.length;

  await choose(page, "Target", "key-vault");
  await choose(page, "Source HSM", "primus");
  await choose(page, "Target key type", "RSA");
  await choose(page, "Key size (bits)", "4096");

  await paste(page, readCase("az-version-json/003-2.61.0-ml-blockquote-indented.txt"));
  await paste(page, readCase("keyvault-show/001-cli-create-premium-sku-no-family-leading-blank.json"));
  await paste(page, readCase("keyvault-key/002-rest-kek-rsa-hsm-2048-import-exp.json"));
  await paste(page, readCase("securosys/001-primus-tools-getdeviceinfo-rx-2.11.2-T.txt"));
  await paste(page, readCase("securosys/hsm-security-config-reference-v2.11.1.xml"));
  await paste(page, readCase("securosys/listkeyflags-sensitive-extractable.txt"));
  await paste(page, readCase("java-version/003-temurin-21.0.5-double-dash-version-stdout-form.txt"));

  // Each input is recognised and labelled.
  assert.deepEqual(await inputKinds(page), [
    "az-version",
    "keyvault-show",
    "keyvault-key",
    "primus-device-info",
    "hsm-security-config",
    "primus-key-flags",
    "java-version",
  ]);
  const labels = await page.locator(`${ELEMENT} li.input .input-label`).allInnerTexts();
  for (const label of labels) {
    assert.ok(label.trim().length > 2, `input label '${label}'`);
  }

  const checks = await statuses(page);
  assert.equal(checks["azure.cli.version"], "pass", "az version 2.61.0");
  assert.equal(checks["azure.vault.sku"], "pass", "premium vault");
  assert.equal(checks["azure.vault.ready"], "pass", "provisioned vault");
  assert.equal(checks["azure.kek"], "fail", "KEK expired in 2020");
  assert.equal(checks["azure.key-type"], "pass", "RSA 4096");
  assert.equal(checks["hsm.firmware"], "skipped", "no firmware minimum for RSA");
  assert.equal(checks["hsm.jce.device"], "pass", "reference config enables JCE");
  assert.equal(checks["hsm.jce.partition"], "pass", "reference config enables JCE for PART001");
  assert.equal(checks["hsm.key-export"], "fail", "reference config disables Key Export");
  assert.equal(checks["hsm.key-extract"], "fail", "reference config disables Key Extract");
  assert.equal(checks["hsm.target-key-flags"], "pass", "sensitive and extractable");
  assert.equal(checks["tools.java"], "pass", "Java 21");
  assert.equal(checks["byok.file"], "skipped", "no .byok file");
  assert.equal(await page.locator(`${ELEMENT} .verdict`).getAttribute("data-verdict"), "not-ready");

  // Each item says what was found and what is required.
  const kek = page.locator(`${ELEMENT} li.check[data-check="azure.kek"]`);
  assert.match(await kek.locator("dl.facts").innerText(), /Required/);
  const sku = page.locator(`${ELEMENT} li.check[data-check="azure.vault.sku"]`);
  assert.match(await sku.locator("dl.facts").innerText(), /Found\s+Key Vault, SKU premium/);

  // The partition PIN in the security configuration appears nowhere on the page.
  const shown = await page.locator(ELEMENT).evaluate((element) => element.shadowRoot.textContent);
  assert.ok(!shown.includes("PRIMUSDEV"), "partition PIN shown on the page");
  assert.ok(!JSON.stringify(await page.locator(ELEMENT).evaluate((element) => element.facts)).includes("PRIMUSDEV"));

  await screenshot(page, "02-not-ready");
  assert.equal(requests.length, loaded, "a request was made after the page loaded");
  assert.deepEqual(blocked, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test("failing item shows vendor tabs", async () => {
  const { page, context } = await openChecklist({ permissions: ["clipboard-read", "clipboard-write"] });
  await choose(page, "Source HSM", "primus");
  await paste(page, readCase("securosys/hsm-security-config-reference-v2.11.1.xml"));

  const item = page.locator(`${ELEMENT} li.check[data-check="hsm.key-export"]`);
  assert.equal(await item.getAttribute("data-status"), "fail");
  const lcTab = item.getByRole("tab", { name: "HSM User Interface (LC Display) Primus X/S-Series" });
  const consoleTab = item.getByRole("tab", { name: "HSM Console Primus HSM, all Series" });
  assert.equal(await lcTab.getAttribute("aria-selected"), "true");
  assert.match(await item.getByRole("tabpanel").innerText(), /SETUP → CONFIGURATION → SECURITY → USER SECURITY → KEY EXPORT/);

  // Arrow keys move between the tabs, and the choice applies to every item like the vendor's
  // tab group.
  await lcTab.focus();
  await page.keyboard.press("ArrowRight");
  assert.equal(await consoleTab.getAttribute("aria-selected"), "true");
  assert.equal(await consoleTab.evaluate((tab) => tab.getRootNode().activeElement === tab), true, "focus on the console tab");
  assert.match(await item.getByRole("tabpanel").innerText(), /hsm_sec_enter_user_config\nhsm_user_set_config key_export=true/);
  const extract = page.locator(`${ELEMENT} li.check[data-check="hsm.key-extract"]`);
  assert.match(await extract.getByRole("tabpanel").innerText(), /hsm_user_set_config key_extract=true/);

  // The copy button puts the commands on the clipboard.
  await item.getByRole("tabpanel").getByRole("button", { name: /^Copy/ }).click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, "hsm_sec_enter_user_config\nhsm_user_set_config key_export=true");

  await consoleTab.focus();
  await page.keyboard.press("ArrowLeft");
  assert.equal(await lcTab.getAttribute("aria-selected"), "true");
  await item.scrollIntoViewIfNeeded();
  await item.screenshot({ path: join(REPO, "test-results", "screenshots", "03-fix-tabs.png") });
  await context.close();
});

test("questions become user facts", async () => {
  const { page, context } = await openChecklist();
  await choose(page, "Source HSM", "primus");

  const item = page.locator(`${ELEMENT} li.check[data-check="hsm.setup-password"]`);
  assert.equal(await item.getAttribute("data-status"), "unknown");
  await page
    .getByRole("group", { name: "Has Primus Tools already fetched the permanent secret for this partition?" })
    .getByLabel("Yes", { exact: true })
    .check();
  assert.equal(await item.getAttribute("data-status"), "pass");

  // The new verdict is announced to screen readers.
  const announced = await page.locator(`${ELEMENT} .announcer`).textContent();
  assert.match(announced, /^Checklist: Incomplete: 1 passed, 0 failed/);

  const facts = await page.locator(ELEMENT).evaluate((element) => element.facts);
  assert.deepEqual(facts.hsm.permanent_secret_fetched, { value: true, source: "entered by user" });
  assert.deepEqual(facts.context.hsm_service, { value: "primus", source: "entered by user" });

  // A setup password issued two hours ago is still valid when the secret was not fetched.
  await page
    .getByRole("group", { name: "Has Primus Tools already fetched the permanent secret for this partition?" })
    .getByLabel("No", { exact: true })
    .check();
  const twoHoursAgo = await page.evaluate(() => {
    const date = new Date(Date.now() - 2 * 3600 * 1000);
    return new Date(date.getTime() - date.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
  });
  await page.getByLabel("When was the setup password issued? (your local time)").fill(twoHoursAgo);
  assert.equal(await item.getAttribute("data-status"), "pass");
  await context.close();
});

test("clock-based checks follow the time", async () => {
  const opened = await openPage(chromium.browser, server.origin);
  const { page, context } = opened;
  await page.clock.install({ time: new Date("2026-03-01T12:00:00Z") });
  await page.goto(`${server.origin}/index.html`);
  await page.locator(`${ELEMENT} .verdict`).waitFor();

  // A setup password issued 70 hours ago on a Primus HSM has 2 of its 72 hours left.
  await choose(page, "Source HSM", "primus");
  await page
    .getByRole("group", { name: "Has Primus Tools already fetched the permanent secret for this partition?" })
    .getByLabel("No", { exact: true })
    .check();
  const issued = await page.evaluate(() => {
    const date = new Date(Date.now() - 70 * 3600 * 1000);
    return new Date(date.getTime() - date.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
  });
  await page.getByLabel("When was the setup password issued? (your local time)").fill(issued);
  const item = page.locator(`${ELEMENT} li.check[data-check="hsm.setup-password"]`);
  assert.equal(await item.getAttribute("data-status"), "warn");

  // Three hours later, with the page left open, it has expired.
  await page.clock.fastForward("03:00:00");
  await page.waitForFunction(
    () => document.querySelector("byok-prereqs-checklist").report.checks.find((check) => check.id === "hsm.setup-password").status === "fail",
  );
  assert.equal(await item.getAttribute("data-status"), "fail");
  await context.close();
});

test("unrecognised text shows its error", async () => {
  const { page, context } = await openChecklist();
  await paste(page, "hello, this is not the output of any tool");

  const input = page.locator(`${ELEMENT} li.input`);
  assert.equal(await input.count(), 1);
  const error = input.locator("p.error");
  assert.match(await error.innerText(), /not recognised/);

  // Reading it as another kind gives that reader's error.
  await input.getByLabel("Read as").selectOption("java-version");
  await input.getByRole("button", { name: "Read again" }).click();
  assert.ok((await input.locator("p.error").innerText()).length > 10);
  await context.close();
});

test("several partitions offer a choice", async () => {
  const { page, context } = await openChecklist();
  await choose(page, "Source HSM", "primus");

  // The reference configuration with a second partition that allows Key Export.
  const reference = readCase("securosys/hsm-security-config-reference-v2.11.1.xml");
  const start = reference.indexOf('<crypto_user state="enabled">');
  const end = reference.indexOf("</crypto_user>") + "</crypto_user>".length;
  const second = reference
    .slice(start, end)
    .replace("<user_name>PART001</user_name>", "<user_name>PART002</user_name>")
    .replace("<export_keys>disabled</export_keys>", "<export_keys>enabled</export_keys>");
  await paste(page, reference.slice(0, end) + second + reference.slice(end));

  const input = page.locator(`${ELEMENT} li.input`);
  const partition = input.getByLabel("Partition", { exact: true });
  assert.deepEqual(await partition.locator("option").allInnerTexts(), ["Choose a partition", "PART001", "PART002"]);
  const exportCheck = page.locator(`${ELEMENT} li.check[data-check="hsm.key-export"]`);
  assert.equal(await exportCheck.getAttribute("data-status"), "unknown", "no partition chosen");

  await partition.selectOption("PART002");
  await input.getByRole("button", { name: "Read this partition" }).click();
  assert.equal(await exportCheck.getAttribute("data-status"), "pass", "PART002 allows Key Export");
  const facts = await page.locator(ELEMENT).evaluate((element) => element.facts);
  assert.equal(facts.hsm.partition.value, "PART002");
  await context.close();
});

test("disagreeing inputs show the conflict", async () => {
  const { page, context } = await openChecklist();
  await paste(page, readCase("securosys/001-primus-tools-getdeviceinfo-rx-2.11.2-T.txt"));
  await paste(page, readCase("securosys/004-jce-sample-device-info-RX-2.20.0-T.txt"));

  const second = page.locator(`${ELEMENT} li.input`).nth(1);
  assert.match(await second.locator(".notes").innerText(), /Replaces hsm\.firmware: "RX-2\.11\.2-T".*"RX-2\.20\.0-T"/);

  // Removing the second input brings the first value back.
  await second.getByRole("button", { name: /^Remove/ }).click();
  const facts = await page.locator(ELEMENT).evaluate((element) => element.facts);
  assert.equal(facts.hsm.firmware.value, "RX-2.11.2-T");
  await context.close();
});

test("dropped facts bundle matches Node", async () => {
  const { page, context, errors } = await openChecklist();
  const vector = JSON.parse(readFileSync(join(REPO, "tests", "vectors", "ready-keyvault-primus-rsa.json"), "utf8"));
  const bundle = JSON.stringify(vector.facts, null, 2);

  // Drop the bundle as a file onto the inputs section.
  const zone = page.locator(`${ELEMENT} section.inputs`);
  const transfer = await page.evaluateHandle((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], "facts.json", { type: "application/json" }));
    return data;
  }, bundle);
  await zone.dispatchEvent("drop", { dataTransfer: transfer });
  await page.locator(`${ELEMENT} li.input[data-kind="facts"]`).waitFor();

  // The page evaluates at the current time; so does this comparison.
  const now = new Date().toISOString().replace(/\.\d+Z$/, "Z");
  const expected = core.evaluate(vector.facts, { now });
  const shown = await statuses(page);
  assert.deepEqual(shown, Object.fromEntries(expected.checks.map((check) => [check.id, check.status])));
  assert.equal(await page.locator(`${ELEMENT} .verdict`).getAttribute("data-verdict"), expected.verdict);
  await screenshot(page, "04-facts-bundle");

  // The bundle's setup password expired long ago; the operator's answer that the permanent
  // secret has been fetched replaces the bundle's value and completes the checklist.
  await page
    .getByRole("group", { name: "Has Primus Tools already fetched the permanent secret for this partition?" })
    .getByLabel("Yes", { exact: true })
    .check();
  assert.equal(await page.locator(`${ELEMENT} .verdict`).getAttribute("data-verdict"), "ready");
  assert.match(await page.locator(`${ELEMENT} [data-conflicts="questions"]`).innerText(), /Your choice replaces hsm\.permanent_secret_fetched: false/);
  await screenshot(page, "08-ready");
  assert.deepEqual(errors, []);
  await context.close();
});

test("exports report and facts bundle", async () => {
  const { page, context, requests } = await openChecklist();
  const loaded = requests.length;
  await choose(page, "Target", "managed-hsm");
  await paste(page, readCase("mhsm-show/003-powershell-invoke-azrestmethod-notactivated.txt"));

  const saved = async (name) => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name }).click()]);
    return { filename: download.suggestedFilename(), text: readFileSync(await download.path(), "utf8") };
  };

  const markdown = await saved("Download report (Markdown)");
  assert.equal(markdown.filename, "byok-prereqs-report.md");
  assert.match(markdown.text, /Vault exists and is ready/);

  const report = await saved("Download report (JSON)");
  assert.equal(report.filename, "byok-prereqs-report.json");
  const parsedReport = JSON.parse(report.text);
  assert.equal(parsedReport.checks.find((check) => check.id === "azure.vault.ready").status, "fail");

  // The facts bundle is what `az byok prereqs --facts` reads; the core reads it back.
  const facts = await saved("Download facts bundle (JSON)");
  assert.equal(facts.filename, "byok-prereqs-facts.json");
  const parsed = core.parseText(facts.text);
  assert.equal(parsed.kind, "facts");
  assert.equal(parsed.facts.context.target.value, "managed-hsm");
  assert.equal(parsed.facts.context.target.source, "entered by user");
  assert.equal(parsed.facts.azure.mhsm_activation_status.value, "NotActivated");

  assert.equal(requests.length, loaded, "a download made a request");
  await context.close();
});

test("facts kept only when asked", async () => {
  const { page, context } = await openChecklist();
  await choose(page, "Target", "key-vault");
  assert.equal(await page.evaluate(() => localStorage.length), 0, "stored without being asked");

  await page.getByLabel("Keep the facts in this browser").check();
  const kept = JSON.parse(await page.evaluate(() => localStorage.getItem("byok-prereqs:facts")));
  assert.equal(kept.context.target.value, "key-vault");

  // A reload reads the kept facts back as an input.
  await page.reload();
  await page.locator(`${ELEMENT} li.input[data-kind="facts"]`).waitFor();
  await page.getByLabel("Keep the facts in this browser").uncheck();
  assert.equal(await page.evaluate(() => localStorage.length), 0, "kept after unchecking");
  await context.close();
});

test("controls are labelled and keyboard operable", async () => {
  const { page, context } = await openChecklist();

  const unlabelled = await page.locator(ELEMENT).evaluate((element) => {
    const missing = [];
    for (const control of element.shadowRoot.querySelectorAll("input, select, textarea, button")) {
      const name =
        control.getAttribute("aria-label") ||
        [...(control.labels ?? [])].map((label) => label.textContent).join(" ") ||
        (control.tagName === "BUTTON" ? control.textContent : "");
      if (!name.trim()) {
        missing.push(control.outerHTML.slice(0, 80));
      }
    }
    return missing;
  });
  assert.deepEqual(unlabelled, []);

  // Tab from the top reaches the target, then the other context fields, then the text area.
  await page.locator("body").focus();
  const focusOrder = [];
  for (let step = 0; step < 6; step += 1) {
    await page.keyboard.press("Tab");
    focusOrder.push(await page.locator(ELEMENT).evaluate((element) => element.shadowRoot.activeElement?.id ?? ""));
  }
  assert.ok(focusOrder[0].endsWith("-target"), `first stop ${focusOrder[0]}`);
  assert.ok(focusOrder.some((id) => id.endsWith("-paste")), `stops ${focusOrder.join(", ")}`);

  // Choose a target with the keyboard alone.
  await page.getByLabel("Target", { exact: true }).focus();
  await page.keyboard.press("ArrowDown");
  const target = await page.locator(ELEMENT).evaluate((element) => element.facts.context?.target?.value);
  assert.equal(target, "key-vault");

  // Status is text and symbol as well as colour.
  const badge = await page.locator(`${ELEMENT} li.check .badge`).first().innerText();
  assert.match(badge, /^\S+\s*(Pass|Warning|Fail|Unknown|Skipped)$/);

  // A narrow screen stacks the sections.
  await page.setViewportSize({ width: 420, height: 900 });
  await screenshot(page, "05-narrow", { fullPage: false });
  await context.close();
});

test("no request leaves the page", async () => {
  const { page, context, requests, blocked } = await openChecklist();
  assert.deepEqual(
    requests.map((url) => new URL(url).pathname),
    ["/index.html", "/byok-prereqs-checklist.js"],
    "the page loads only itself and its script",
  );
  const before = server.requests.length;

  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  assert.match(policy, /default-src 'none'/);
  assert.match(policy, /connect-src 'none'/);
  assert.doesNotMatch(policy, /unsafe-inline/);

  // The Content Security Policy stops script from sending anything, even to its own origin.
  const attempts = await page.evaluate(async (origin) => {
    const results = {};
    results.fetch = await fetch(`${origin}/probe-fetch`).then(
      () => "sent",
      () => "blocked",
    );
    // sendBeacon returns true before CSP blocks the request, so only the server can tell.
    navigator.sendBeacon(`${origin}/probe-beacon`, "x");
    results.image = await new Promise((resolve) => {
      const image = new Image();
      image.onload = () => resolve("sent");
      image.onerror = () => resolve("blocked");
      image.src = `${origin}/probe-image.png`;
    });
    return results;
  }, server.origin);
  assert.deepEqual(attempts, { fetch: "blocked", image: "blocked" });

  // The same holds for an address off this machine: the interception records it if sent.
  await page.evaluate(() => fetch("https://example.invalid/collect").catch(() => null));
  await page.waitForTimeout(200);
  assert.equal(server.requests.length, before, `server saw ${server.requests.slice(before).join(", ")}`);
  assert.deepEqual(blocked, []);
  await context.close();
});
