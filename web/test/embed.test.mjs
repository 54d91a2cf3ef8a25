// The element inside a static docs page, and the single-file build opened from file:// with
// every request outside the file blocked, as on a computer with no network.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { after, before, test } from "node:test";

import { launchBrowser, openPage, screenshot, startServer } from "./browser.mjs";
import { CASES, DIST } from "./paths.mjs";

const ELEMENT = "byok-prereqs-checklist";

let server;
let chromium;

before(async () => {
  server = await startServer(DIST);
  chromium = await launchBrowser();
});

after(async () => {
  await chromium?.close();
  await server?.close();
});

function readCase(path) {
  return readFileSync(join(CASES, path), "utf8");
}

test("element in a docs page", async () => {
  const { page, context, requests, blocked, errors } = await openPage(chromium.browser, server.origin);
  await page.goto(`${server.origin}/examples/docs-page.html`);
  await page.locator(`${ELEMENT} .verdict`).waitFor();

  // The host page hears the bubbling event from inside the shadow root.
  await page.waitForFunction(() => document.getElementById("verdict").value !== "not evaluated yet");
  assert.equal(await page.locator("#verdict").innerText(), "incomplete");

  // Attributes set the context, and lock-context keeps the page from changing it.
  const report = await page.locator(ELEMENT).evaluate((element) => element.report);
  assert.equal(report.context.target, "key-vault");
  assert.equal(report.context.hsm_service, "cloudhsm");
  assert.equal(await page.getByLabel("Source HSM", { exact: true }).isDisabled(), true);
  assert.equal(await page.getByLabel("Target key type", { exact: true }).isDisabled(), false);

  // Changing an attribute re-evaluates and sends the event again.
  const changed = page.evaluate(
    () =>
      new Promise((resolve) => {
        document.addEventListener("byok-report-change", (event) => resolve(event.detail.report.context), { once: true });
        document.querySelector("byok-prereqs-checklist").setAttribute("target", "managed-hsm");
      }),
  );
  assert.equal((await changed).target, "managed-hsm");

  // The storage choice appears only when the host page offers it.
  const remember = page.getByLabel("Keep the facts in this browser");
  assert.equal(await remember.count(), 0);
  await page.locator(ELEMENT).evaluate((element) => element.setAttribute("remember", ""));
  assert.equal(await remember.count(), 1);

  // The element's API adds input the way pasting does.
  const input = await page.locator(ELEMENT).evaluate(async (element, text) => {
    const added = await element.addInput(text, { name: "mhsm.json" });
    return { kind: added.parsed?.kind, label: added.parsed?.label };
  }, readCase("mhsm-show/001-arm-get-2020-preview-standard-b1.json"));
  assert.equal(input.kind, "keyvault-show");
  assert.equal(await page.locator("#verdict").innerText(), await page.locator(ELEMENT).evaluate((element) => element.report.verdict));

  // Site styles stay outside the shadow root; the site's custom properties theme it.
  const siteHeading = await page.locator("article > h4").evaluate((heading) => getComputedStyle(heading).color);
  assert.equal(siteHeading, "rgb(208, 0, 0)");
  const checkTitle = await page.locator(`${ELEMENT} h4.check-title`).first().evaluate((heading) => getComputedStyle(heading).color);
  assert.notEqual(checkTitle, "rgb(208, 0, 0)");
  const addButton = await page.locator(`${ELEMENT} button.primary`).evaluate((button) => getComputedStyle(button).backgroundColor);
  assert.equal(addButton, "rgb(11, 110, 79)", "--byok-accent from --ifm-color-primary");
  const font = await page.locator(`${ELEMENT} h2`).first().evaluate((heading) => getComputedStyle(heading).fontFamily);
  assert.match(font, /Georgia/);

  // An element given input before it is connected draws it once connected.
  const early = await page.evaluate(async (text) => {
    const element = document.createElement("byok-prereqs-checklist");
    await element.addInput(text, { name: "java.txt" });
    document.querySelector("article").append(element);
    await element.ready;
    await new Promise((resolve) => setTimeout(resolve, 0));
    return [...element.shadowRoot.querySelectorAll("li.input")].map((item) => item.dataset.kind);
  }, readCase("java-version/003-temurin-21.0.5-double-dash-version-stdout-form.txt"));
  assert.deepEqual(early, ["java-version"]);
  await page.evaluate(() => document.querySelector("article").lastElementChild.remove());

  await screenshot(page, "06-docs-page");
  assert.deepEqual(blocked, []);
  assert.deepEqual(
    requests.map((url) => new URL(url).pathname),
    ["/examples/docs-page.html", "/byok-prereqs-checklist.js", "/examples/docs-page.js"],
  );
  assert.deepEqual(errors, []);
  await context.close();
});

test("single file works from file://", async () => {
  const file = pathToFileURL(join(DIST, "byok-prereqs.html")).href;
  const { page, context, requests, blocked, errors } = await openPage(chromium.browser, file);
  await page.goto(file);
  await page.locator(`${ELEMENT} .verdict`).waitFor();

  await page.getByLabel("Target", { exact: true }).selectOption("key-vault");
  const area = page.getByLabel("Tool output", { exact: true });
  await area.fill(readCase("keyvault-show/004-arm-put-2019-09-01-standard-registeringdns.json"));
  await page.getByRole("button", { name: "Add output" }).click();

  const sku = page.locator(`${ELEMENT} li.check[data-check="azure.vault.sku"]`);
  assert.equal(await sku.getAttribute("data-status"), "fail", "standard SKU");
  const ready = page.locator(`${ELEMENT} li.check[data-check="azure.vault.ready"]`);
  assert.equal(await ready.getAttribute("data-status"), "fail", "provisioning state RegisteringDns");

  await screenshot(page, "07-single-file");
  assert.deepEqual(requests, [file], "the single file loads nothing else");
  assert.deepEqual(blocked, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test("page without wasm-unsafe-eval says why", async () => {
  const { page, context } = await openPage(chromium.browser, server.origin);
  // A host page whose CSP forgets 'wasm-unsafe-eval', served from the test server's origin.
  await page.route(`${server.origin}/strict.html`, (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'">
<byok-prereqs-checklist></byok-prereqs-checklist>
<script type="module" src="/byok-prereqs-checklist.js"></script>`,
    }),
  );
  await page.goto(`${server.origin}/strict.html`);
  const alert = page.locator(`${ELEMENT} [role="alert"]`);
  await alert.waitFor();
  assert.match(await alert.innerText(), /could not start: .*'wasm-unsafe-eval'/s);
  await context.close();
});
