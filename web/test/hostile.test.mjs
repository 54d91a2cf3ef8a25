// The page and the element against hostile and careless use, in headless Chromium. The inputs
// carry markup, shell syntax, a partition PIN or odd encodings. The host sets invalid
// attributes, moves the element or edits its report, and the screen is narrow.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";

import { launchBrowser, openPage, screenshot, startServer } from "./browser.mjs";
import { CASES, DIST, REPO } from "./paths.mjs";

const ELEMENT = "byok-prereqs-checklist";

/** Markup that runs script if any of it reaches the DOM as HTML. */
const MARKUP = `<img src=x onerror="window.executed.push('img')"></script><script>window.executed.push('script')</script><svg onload="window.executed.push('svg')">`;

/** Shell syntax that runs a command if a copied command contains it. */
const SHELL = "kv$(touch /tmp/byok-pwned)`id`;x";

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

/**
 * Opens the page with a record of script that markup ran (`window.executed`), of Content
 * Security Policy violations and of everything written to the console.
 */
async function openChecklist(path = "/index.html", options = {}) {
  const opened = await openPage(chromium.browser, server.origin, options);
  opened.console = [];
  opened.page.on("console", (message) => opened.console.push(message.text()));
  await opened.page.addInitScript(() => {
    window.executed = [];
    document.addEventListener("securitypolicyviolation", (event) => window.executed.push(`csp ${event.violatedDirective}`));
  });
  await opened.page.goto(`${server.origin}${path}`);
  await opened.page.locator(`${ELEMENT} .verdict`).first().waitFor();
  return opened;
}

async function paste(page, text) {
  const area = page.getByLabel("Tool output", { exact: true });
  await area.fill(text);
  await area.press("Control+Enter");
}

/** Drops files, given as name and bytes, onto the inputs section. */
async function drop(page, files) {
  const transfer = await page.evaluateHandle((entries) => {
    const data = new DataTransfer();
    for (const [name, bytes] of entries) {
      data.items.add(new File([new Uint8Array(bytes)], name));
    }
    return data;
  }, files.map(([name, bytes]) => [name, [...bytes]]));
  const count = await page.locator(`${ELEMENT} li.input`).count();
  await page.locator(`${ELEMENT} section.inputs`).dispatchEvent("drop", { dataTransfer: transfer });
  await page.locator(`${ELEMENT} li.input`).nth(count + files.length - 1).waitFor();
}

/** Returns the id (or tag) of the element focused inside the checklist's shadow root. */
async function focused(page) {
  return page.locator(ELEMENT).evaluate((element) => {
    const active = element.shadowRoot.activeElement;
    return active ? active.id || `${active.tagName.toLowerCase()}.${active.className}` : "";
  });
}

test("markup in inputs never runs", async () => {
  const { page, context, errors } = await openChecklist();
  await page.getByLabel("Source HSM", { exact: true }).selectOption("primus");

  const vault = JSON.parse(readCase("keyvault-show/004-arm-put-2019-09-01-standard-registeringdns.json"));
  vault.name = `kv${MARKUP}`;
  vault.properties.provisioningState = MARKUP;
  await paste(page, JSON.stringify(vault));
  const key = JSON.parse(readCase("keyvault-key/004-rest-software-rsa-all-ops-not-kek.json"));
  key.key.kid = key.key.kid.replace("key1", MARKUP);
  await paste(page, JSON.stringify(key));
  await paste(page, readCase("securosys/listkeyflags-sensitive-extractable.txt").replaceAll("myPrimusByoK", MARKUP.replaceAll(" ", "")));
  const escaped = MARKUP.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
  await paste(page, withSecondPartition(readCase("securosys/hsm-security-config-reference-v2.11.1.xml"), escaped));
  await paste(page, JSON.stringify({
    schema_version: 1,
    azure: { vault_name: { value: MARKUP, source: MARKUP }, subscription_state: { value: MARKUP, source: MARKUP } },
    hsm: { firmware: { value: MARKUP, source: MARKUP } },
  }));
  await paste(page, MARKUP);
  await drop(page, [[`${MARKUP}.json`, Buffer.from(MARKUP)]]);

  // Read the partition whose name is markup, and open every fix.
  const xmlInput = page.locator(`${ELEMENT} li.input[data-kind="hsm-security-config"]`);
  await xmlInput.getByLabel("Partition", { exact: true }).selectOption(MARKUP);
  await xmlInput.getByRole("button", { name: "Read this partition" }).click();
  await page.locator(ELEMENT).evaluate((element) => element.shadowRoot.querySelectorAll("details.fix").forEach((fix) => (fix.open = true)));

  const shown = await page.locator(ELEMENT).evaluate((element) => element.shadowRoot.textContent);
  assert.ok(shown.includes(MARKUP), "the markup is shown as text");
  const created = await page.locator(ELEMENT).evaluate((element) => element.shadowRoot.querySelectorAll("img, script, svg, iframe, object").length);
  assert.equal(created, 0, "elements created from input");
  assert.deepEqual(await page.evaluate(() => window.executed), []);
  await page.locator(`${ELEMENT} li.input`).first().scrollIntoViewIfNeeded();
  await screenshot(page, "10-markup-as-text", { fullPage: false });
  assert.deepEqual(errors, []);
  await context.close();
});

test("copy buttons leave out shell syntax", async () => {
  const { page, context } = await openChecklist();
  await page.getByLabel("Target", { exact: true }).selectOption("key-vault");
  const vault = JSON.parse(readCase("keyvault-show/004-arm-put-2019-09-01-standard-registeringdns.json"));
  vault.name = SHELL;
  await paste(page, JSON.stringify(vault));
  await paste(page, readCase("securosys/listkeyflags-sensitive-extractable.txt").replaceAll("myPrimusByoK", SHELL).replace(" sensitive ", " nonsensitive "));

  const copies = await page.locator(`${ELEMENT} button.copy`).evaluateAll((buttons) => buttons.map((button) => button.dataset.copy));
  assert.ok(copies.length >= 3, `copy buttons: ${copies.length}`);
  for (const text of copies) {
    assert.ok(!text.includes("$("), `copyable command runs a command: ${text}`);
  }
  const sku = page.locator(`${ELEMENT} li.check[data-check="azure.vault.sku"]`);
  // The core fills a placeholder only with a plain name, so the command keeps <vault-name>;
  // the page's own guard (tested in commands.test.mjs) is a second line of defence.
  assert.match(await sku.locator("button.copy").getAttribute("data-copy"), /^az keyvault update --name <vault-name> --resource-group contoso-rg /);
  const flags = page.locator(`${ELEMENT} li.check[data-check="hsm.target-key-flags"]`);
  assert.equal(await flags.getAttribute("data-status"), "fail");
  assert.match(await flags.locator("button.copy").first().getAttribute("data-copy"), /-keyname <key-name> /);

  // A plain name is kept, so the command is ready to run.
  vault.name = "contoso-kv";
  await page.locator(`${ELEMENT} li.input`).first().getByRole("button", { name: /^Remove/ }).click();
  await paste(page, JSON.stringify(vault));
  assert.match(await sku.locator("button.copy").getAttribute("data-copy"), /^az keyvault update --name contoso-kv /);
  await context.close();
});

test("partition PIN appears nowhere", async () => {
  const secret = "PinZq7x4711unique";
  const { page, context, console: messages } = await openChecklist();
  const config = readCase("securosys/hsm-security-config-reference-v2.11.1.xml").replace("PRIMUSDEV", secret);
  assert.ok(config.includes(`<pkcs_password>${secret}</pkcs_password>`));

  await page.getByLabel("Keep the facts in this browser").check();
  await page.getByLabel("Source HSM", { exact: true }).selectOption("primus");
  await paste(page, config);
  // Also with two partitions and the second chosen, and read as every other kind, so that the
  // readers' errors are shown too.
  await paste(page, withSecondPartition(config, "PART002"));
  const twoPartitions = page.locator(`${ELEMENT} li.input`).nth(1);
  await twoPartitions.getByLabel("Partition", { exact: true }).selectOption("PART002");
  await twoPartitions.getByRole("button", { name: "Read this partition" }).click();
  await paste(page, config.slice(0, config.indexOf(secret) + secret.length + 3));
  const kinds = await page.getByLabel("Kind", { exact: true }).locator("option").evaluateAll((options) => options.map((option) => option.value).filter(Boolean));
  assert.ok(kinds.length > 5, `kinds: ${kinds}`);
  for (const kind of kinds) {
    await page.locator(ELEMENT).evaluate((element, [text, kind]) => element.addInput(text, { kind }), [config, kind]);
  }
  await page.locator(ELEMENT).evaluate((element) => element.shadowRoot.querySelectorAll("details.fix").forEach((fix) => (fix.open = true)));

  const places = {};
  places.dom = await page.evaluate(() => {
    const element = document.querySelector("byok-prereqs-checklist");
    return document.documentElement.outerHTML + element.shadowRoot.innerHTML + element.shadowRoot.textContent;
  });
  places.formValues = await page.locator(ELEMENT).evaluate((element) =>
    [...element.shadowRoot.querySelectorAll("textarea, input, select")].map((control) => control.value).join("\n"),
  );
  places.storage = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  places.properties = await page.locator(ELEMENT).evaluate((element) => JSON.stringify([element.report, element.facts]));
  for (const name of ["Download report (Markdown)", "Download report (JSON)", "Download facts bundle (JSON)"]) {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name }).click()]);
    places[name] = readFileSync(await download.path(), "utf8");
  }
  places.console = messages.join("\n");

  assert.ok(places.storage.includes("security config XML"), "the kept facts are in storage");
  for (const [place, text] of Object.entries(places)) {
    assert.ok(!text.includes(secret), `the partition PIN is in ${place}`);
  }
  await context.close();
});

test("text in other encodings is read", async () => {
  const { page, context } = await openChecklist();
  const java = readCase("java-version/003-temurin-21.0.5-double-dash-version-stdout-form.txt");
  const azVersion = readCase("az-version-text/001-2.0.41-macos-parens-format.txt");
  await drop(page, [
    // Windows PowerShell 5.1 writes `>` redirections as UTF-16LE with a byte order mark.
    ["az-version-ps51.txt", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(azVersion, "utf16le")])],
    ["java-utf16le.txt", Buffer.from(java, "utf16le")],
    ["java-utf16be.txt", Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(java, "utf16le").swap16()])],
    ["az-utf8-bom.txt", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(azVersion)])],
    ["java-crlf.txt", Buffer.from(java.replace(/\r?\n/g, "\r\n"))],
  ]);
  await paste(page, `\uFEFF${azVersion}`);

  const kinds = await page.locator(`${ELEMENT} li.input`).evaluateAll((items) => items.map((item) => `${item.querySelector(".input-name").textContent} ${item.dataset.kind}`));
  assert.deepEqual(kinds, [
    "az-version-ps51.txt: az-version",
    "java-utf16le.txt: java-version",
    "java-utf16be.txt: java-version",
    "az-utf8-bom.txt: az-version",
    "java-crlf.txt: java-version",
    "Pasted text 6: az-version",
  ]);
  await context.close();
});

test("bad input gets a visible error", async () => {
  const { page, context, errors } = await openChecklist();
  const area = page.getByLabel("Tool output", { exact: true });

  // An empty paste shows an error on the page, not only to a screen reader.
  await page.getByRole("button", { name: "Add output" }).click();
  const pasteError = page.locator(`${ELEMENT} .paste-error`);
  assert.match(await pasteError.innerText(), /Nothing to add: paste the output of a tool/);
  assert.equal(await page.locator(`${ELEMENT} li.input`).count(), 0);

  // A facts bundle without schema_version is read by this core as az keyvault key show output
  // with no facts. The page shows that it gave no facts, and reading it as a bundle names the
  // missing field.
  const vector = JSON.parse(readFileSync(join(REPO, "tests", "vectors", "ready-keyvault-primus-rsa.json"), "utf8"));
  delete vector.facts.schema_version;
  await paste(page, JSON.stringify(vector.facts));
  assert.equal(await pasteError.innerText(), "");
  const bundle = page.locator(`${ELEMENT} li.input`).first();
  assert.match(await bundle.locator("p.error").innerText(), /gave no facts|schema_version/);
  await bundle.getByLabel("Read as").selectOption("facts");
  await bundle.getByRole("button", { name: "Read again" }).click();
  assert.match(await bundle.locator("p.error").innerText(), /schema_version: missing/);
  assert.equal(await focused(page), "button.read-again", "focus stays on the button");

  // Binary junk and a file that cannot be read are listed with their errors and announced.
  await page.evaluate(() => {
    const read = File.prototype.arrayBuffer;
    File.prototype.arrayBuffer = function arrayBuffer() {
      return this.name === "locked.txt" ? Promise.reject(new DOMException("The file is locked.", "NotReadableError")) : read.call(this);
    };
  });
  await drop(page, [
    ["junk.bin", Buffer.from(Array.from({ length: 4000 }, (_, index) => (index * 7919) % 256))],
    ["locked.txt", Buffer.from("az version")],
  ]);
  const junk = page.locator(`${ELEMENT} li.input`).nth(1);
  assert.match(await junk.locator("p.error").innerText(), /binary data/);
  const locked = page.locator(`${ELEMENT} li.input`).nth(2);
  assert.match(await locked.locator("p.error").innerText(), /the file could not be read \(The file is locked\.\)/);
  const announced = await page.locator(`${ELEMENT} .announcer`).textContent();
  assert.match(announced, /junk\.bin not read: the text contains binary data/);
  assert.match(announced, /locked\.txt not read/);

  // The errors are not alerts, which would be read out again on every redraw.
  await area.focus();
  assert.equal(await page.locator(`${ELEMENT} .input-list [role="alert"]`).count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test("removing an input keeps focus nearby", async () => {
  const { page, context } = await openChecklist();
  await paste(page, readCase("java-version/003-temurin-21.0.5-double-dash-version-stdout-form.txt"));
  await paste(page, readCase("az-version-json/003-2.61.0-ml-blockquote-indented.txt"));
  await paste(page, readCase("securosys/001-primus-tools-getdeviceinfo-rx-2.11.2-T.txt"));

  const inputs = page.locator(`${ELEMENT} li.input`);
  await inputs.nth(1).getByRole("button", { name: /^Remove/ }).focus();
  await page.keyboard.press("Enter");
  assert.equal(await inputs.count(), 2);
  assert.equal(await inputs.nth(1).getByRole("button", { name: /^Remove/ }).evaluate((button) => button.getRootNode().activeElement === button), true, "focus on the next input's Remove");
  assert.equal((await page.locator(ELEMENT).evaluate((element) => element.facts)).azure, undefined, "the removed input's facts are gone");

  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
  assert.equal(await inputs.count(), 0);
  assert.match(await focused(page), /-paste$/, "focus on the text area");
  assert.deepEqual(await page.locator(ELEMENT).evaluate((element) => element.facts), { schema_version: 1 });
  await context.close();
});

test("invalid attributes are named", async () => {
  const { page, context, errors } = await openChecklist("/examples/docs-page.html");
  await page.evaluate(() => {
    const element = document.createElement("byok-prereqs-checklist");
    element.id = "typo";
    element.setAttribute("target", "keyvault");
    element.setAttribute("key-size", "big");
    document.querySelector("article").append(element);
  });
  const typo = page.locator("#typo");
  await typo.locator(".verdict").waitFor();
  const messages = await typo.locator(".attribute-error").allInnerTexts();
  assert.deepEqual(messages, [
    'The attribute target="keyvault" is not valid and is ignored; expected one of key-vault, managed-hsm.',
    'The attribute key-size="big" is not valid and is ignored; expected a key size in bits, such as 4096 or 256.',
  ]);
  assert.equal((await typo.evaluate((element) => element.report.context)).target, undefined);

  // Set later, an invalid key type is named too, and a valid one applies.
  await typo.evaluate((element) => element.setAttribute("key-type", "rsa"));
  assert.match((await typo.locator(".attribute-error").allInnerTexts()).join("\n"), /key-type="rsa" is not valid and is ignored; expected one of RSA, EC, oct\./);
  await typo.evaluate((element) => {
    element.setAttribute("key-type", "RSA");
    element.setAttribute("target", "key-vault");
    element.setAttribute("key-size", "4096");
  });
  assert.equal(await typo.locator(".attribute-error").count(), 0);
  assert.deepEqual(await typo.evaluate((element) => element.report.context), { target: "key-vault", key_type: "RSA", key_size: 4096 });
  assert.deepEqual(errors, []);
  await context.close();
});

test("element keeps its state when moved", async () => {
  const { page, context, errors } = await openChecklist("/examples/docs-page.html");
  const element = page.locator(ELEMENT);
  await element.getByLabel("Target key type", { exact: true }).selectOption("EC");
  await element.getByLabel("Curve", { exact: true }).selectOption("P-256");
  await element.getByLabel("Tool output", { exact: true }).fill("a draft not added yet");

  // Frameworks move nodes by removing and inserting them; the event comes again.
  const events = await page.evaluate(async () => {
    const checklist = document.querySelector("byok-prereqs-checklist");
    const details = [];
    document.addEventListener("byok-report-change", (event) => details.push(Object.keys(event.detail).join()));
    const article = checklist.parentElement;
    checklist.remove();
    document.body.append(checklist);
    await new Promise((resolve) => setTimeout(resolve, 0));
    checklist.remove();
    article.append(checklist);
    await new Promise((resolve) => setTimeout(resolve, 0));
    return details;
  });
  assert.deepEqual(events, ["report,facts", "report,facts"]);
  assert.equal(await element.getByLabel("Tool output", { exact: true }).inputValue(), "a draft not added yet");
  assert.equal(await element.getByLabel("Curve", { exact: true }).inputValue(), "P-256");

  // A key type set by the host drops the curve chosen for the old one.
  await element.evaluate((checklist) => checklist.setAttribute("key-type", "RSA"));
  const report = await element.evaluate((checklist) => checklist.report);
  assert.equal(report.context.key_type, "RSA");
  assert.equal(report.context.curve, undefined);

  // clear() removes inputs and answers, and does not read kept facts back.
  await element.evaluate((checklist) => checklist.setAttribute("remember", ""));
  await element.getByLabel("Keep the facts in this browser").check();
  await element.evaluate((checklist, text) => checklist.addInput(text), readCase("java-version/003-temurin-21.0.5-double-dash-version-stdout-form.txt"));
  await element.evaluate((checklist) => checklist.clear());
  assert.equal(await element.locator("li.input").count(), 0);
  assert.equal(JSON.parse(await page.evaluate(() => localStorage.getItem("byok-prereqs:facts"))).tools, undefined);
  assert.deepEqual(errors, []);
  await context.close();
});

test("narrow screen needs no sideways scroll", async () => {
  const { page, context } = await openChecklist("/index.html", { viewport: { width: 360, height: 740 } });
  await page.getByLabel("Source HSM", { exact: true }).selectOption("primus");
  await paste(page, readCase("keyvault-show/004-arm-put-2019-09-01-standard-registeringdns.json"));
  await paste(page, readCase("securosys/hsm-security-config-reference-v2.11.1.xml"));
  await paste(page, readCase("az-version-json/008-2.48.0-invalid-json-lts-support-key.txt"));
  await paste(page, "not the output of any tool");

  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 360);
  const overflowing = await page.locator(ELEMENT).evaluate((element) =>
    [...element.shadowRoot.querySelectorAll("*")]
      .filter((node) => node.getClientRects().length && node.getBoundingClientRect().right > innerWidth && !node.closest("pre"))
      .map((node) => `${node.tagName.toLowerCase()}.${node.className}`),
  );
  assert.deepEqual(overflowing, []);
  await page.locator(`${ELEMENT} li.input`).first().scrollIntoViewIfNeeded();
  await screenshot(page, "11-narrow-inputs", { fullPage: false });
  await page.locator(`${ELEMENT} li.check[data-check="azure.kek"]`).scrollIntoViewIfNeeded();
  await screenshot(page, "12-narrow-checks", { fullPage: false });
  await context.close();
});

/** Returns the security configuration with a copy of its partition named `name` added. */
function withSecondPartition(config, name) {
  const start = config.indexOf('<crypto_user state="enabled">');
  const end = config.indexOf("</crypto_user>") + "</crypto_user>".length;
  const second = config.slice(start, end).replace("<user_name>PART001</user_name>", `<user_name>${name}</user_name>`);
  return config.slice(0, end) + second + config.slice(end);
}

test("host cannot change the report", async () => {
  const { page, context } = await openChecklist("/examples/docs-page.html");
  // A listener that sorts or edits the report it is given, as a host page might.
  const outcome = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const checklist = document.querySelector("byok-prereqs-checklist");
        document.addEventListener(
          "byok-report-change",
          (event) => {
            const changes = [
              () => event.detail.report.checks.reverse(),
              () => event.detail.report.checks.pop(),
              () => Object.defineProperty(event.detail.report, "verdict", { value: "ready" }),
              () => Object.defineProperty(event.detail.facts, "schema_version", { value: 2 }),
            ];
            const errors = changes.map((change) => {
              try {
                change();
                return "changed";
              } catch (error) {
                return error.name;
              }
            });
            const { report, facts } = checklist;
            resolve({ errors, verdict: report.verdict, first: report.checks[0].id, count: report.checks.length, schema: facts.schema_version });
          },
          { once: true },
        );
        checklist.setAttribute("key-type", "RSA");
      }),
  );
  assert.deepEqual(outcome.errors, ["TypeError", "TypeError", "TypeError", "TypeError"]);
  assert.equal(outcome.verdict, "incomplete");
  assert.equal(outcome.first, "azure.cli.version");
  assert.ok(outcome.count > 10, `checks: ${outcome.count}`);
  assert.equal(outcome.schema, 1);
  await context.close();
});

test("closed fix stays closed", async () => {
  const { page, context } = await openChecklist();
  await page.getByLabel("Source HSM", { exact: true }).selectOption("primus");
  await paste(page, readCase("securosys/hsm-security-config-reference-v2.11.1.xml"));
  const fix = page.locator(`${ELEMENT} li.check[data-check="hsm.key-export"] details.fix`);
  assert.equal(await fix.getAttribute("open"), "", "a failing item's fix starts open");

  await fix.locator("summary").focus();
  await page.keyboard.press("Enter");
  assert.equal(await fix.getAttribute("open"), null);
  // Any change redraws the checklist; the operator's choice to close the fix stays.
  await page
    .getByRole("group", { name: "Has Primus Tools already fetched the permanent secret for this partition?" })
    .getByLabel("Yes", { exact: true })
    .check();
  assert.equal(await fix.getAttribute("open"), null);
  await context.close();
});

test("dropped text is added", async () => {
  const { page, context } = await openChecklist();
  const dropText = async (text) => {
    const transfer = await page.evaluateHandle((value) => {
      const data = new DataTransfer();
      data.setData("text/plain", value);
      return data;
    }, text);
    await page.locator(`${ELEMENT} textarea`).dispatchEvent("drop", { dataTransfer: transfer });
  };

  await dropText(readCase("java-version/003-temurin-21.0.5-double-dash-version-stdout-form.txt"));
  assert.equal(await page.locator(`${ELEMENT} li.input[data-kind="java-version"]`).count(), 1);
  assert.match(await page.locator(`${ELEMENT} .announcer`).textContent(), /Added Pasted text 1: java -version output/);

  // A drop with neither files nor text says so.
  await dropText("");
  assert.match(await page.locator(`${ELEMENT} .paste-error`).innerText(), /Nothing readable was dropped/);
  assert.equal(await page.locator(`${ELEMENT} li.input`).count(), 1);
  await context.close();
});

test("future issue time is rejected", async () => {
  const { page, context } = await openChecklist();
  await page.getByLabel("Source HSM", { exact: true }).selectOption("primus");
  await page
    .getByRole("group", { name: "Has Primus Tools already fetched the permanent secret for this partition?" })
    .getByLabel("No", { exact: true })
    .check();
  const item = page.locator(`${ELEMENT} li.check[data-check="hsm.setup-password"]`);
  const issued = page.getByLabel("When was the setup password issued? (your local time)");
  const localTime = (offsetHours) =>
    page.evaluate((hours) => {
      const date = new Date(Date.now() + hours * 3600 * 1000);
      return new Date(date.getTime() - date.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
    }, offsetHours);

  // A year typed one too high would otherwise pass as a fresh setup password.
  const nextYear = await localTime(24 * 365);
  await issued.fill(nextYear);
  assert.equal(await item.getAttribute("data-status"), "unknown");
  assert.match(await page.locator(`${ELEMENT} #byok1-issued-error`).innerText(), /is in the future; give the time the setup password was issued/);
  assert.equal((await page.locator(ELEMENT).evaluate((element) => element.facts)).hsm?.setup_password_issued_at, undefined);

  await issued.fill(await localTime(-2));
  assert.equal(await item.getAttribute("data-status"), "pass");
  assert.equal(await page.locator(`${ELEMENT} #byok1-issued-error`).innerText(), "");
  await context.close();
});
