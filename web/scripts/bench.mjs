// Measures the browser build and writes the figures to the "## Browser page" section of
// docs/benchmarks.md: sizes of the .wasm and the page, raw and gzipped, and times in headless
// Chromium from load to a rendered checklist and per re-evaluation.
//
//   node scripts/bench.mjs [--runs N]    after node scripts/build.mjs

import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

import { CHROMIUM, launchBrowser, openPage, startServer } from "../test/browser.mjs";
import { CASES, DIST, REPO, WEB } from "../test/paths.mjs";

const SECTION = "## Browser page";
const BENCHMARKS = join(REPO, "docs", "benchmarks.md");
const runsIndex = process.argv.indexOf("--runs");
const RUNS = runsIndex > 0 ? Number(process.argv[runsIndex + 1]) : 15;

/** Size targets: the .wasm raw and gzipped, and the whole page gzipped. */
const TARGETS = { wasmRaw: 150 * 1024, wasmGzip: 60 * 1024, pageGzip: 100 * 1024 };

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const gzipped = (buffer) => gzipSync(buffer, { level: 9 }).length;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value) => `${value.toFixed(value < 1 ? 3 : 1)} ms`;

function sizes() {
  const wasm = readFileSync(join(WEB, "pkg", "byok_prereqs_wasm_bg.wasm"));
  const page = readFileSync(join(DIST, "index.html"));
  const bundle = readFileSync(join(DIST, "byok-prereqs-checklist.js"));
  const single = readFileSync(join(DIST, "byok-prereqs.html"));
  return {
    wasmRaw: wasm.length,
    wasmGzip: gzipped(wasm),
    pageRaw: page.length + bundle.length,
    pageGzip: gzipped(page) + gzipped(bundle),
    singleRaw: single.length,
    singleGzip: gzipped(single),
  };
}

const INPUTS = [
  "az-version-json/003-2.61.0-ml-blockquote-indented.txt",
  "keyvault-show/001-cli-create-premium-sku-no-family-leading-blank.json",
  "keyvault-key/002-rest-kek-rsa-hsm-2048-import-exp.json",
  "securosys/001-primus-tools-getdeviceinfo-rx-2.11.2-T.txt",
  "securosys/hsm-security-config-reference-v2.11.1.xml",
  "securosys/listkeyflags-sensitive-extractable.txt",
  "java-version/003-temurin-21.0.5-double-dash-version-stdout-form.txt",
].map((path) => readFileSync(join(CASES, path), "utf8"));

async function timings(browser, origin) {
  // Load to first checklist: each run in a new context, so nothing is cached.
  const loads = [];
  for (let run = 0; run < RUNS; run += 1) {
    const { context, page } = await openPage(browser, origin);
    await page.goto(`${origin}/index.html`);
    await page.locator("byok-prereqs-checklist .verdict").waitFor();
    loads.push(await page.evaluate(() => performance.getEntriesByName("byok-prereqs:first-report")[0].startTime));
    await context.close();
  }

  const { context, page } = await openPage(browser, origin);
  await page.goto(`${origin}/index.html`);
  await page.locator("byok-prereqs-checklist .verdict").waitFor();
  const measured = await page.evaluate(async ({ inputs, runs }) => {
    const element = document.querySelector("byok-prereqs-checklist");
    for (const [index, text] of inputs.entries()) {
      await element.addInput(text, { name: `input ${index + 1}` });
    }
    const root = element.shadowRoot;

    // A full update as the operator sees it: merge the inputs, evaluate, redraw the checklist.
    const radios = ["yes", "no"].map((value) => root.querySelector(`input[type="radio"][value="${value}"]`));
    const updates = [];
    for (let run = 0; run < runs * 4; run += 1) {
      const radio = radios[run % 2];
      const start = performance.now();
      radio.checked = true;
      radio.dispatchEvent(new Event("change"));
      updates.push(performance.now() - start);
    }

    // The core alone, on the merged facts of the seven inputs.
    const { load } = await import("./byok-prereqs-checklist.js");
    const core = await load();
    const facts = element.facts;
    const now = new Date().toISOString().replace(/\.\d+Z$/, "Z");
    const rounds = 500;
    let start = performance.now();
    for (let round = 0; round < rounds; round += 1) {
      core.evaluate(facts, { now });
    }
    const evaluate = (performance.now() - start) / rounds;
    start = performance.now();
    for (let round = 0; round < rounds; round += 1) {
      core.parseText(inputs[4]);
    }
    const parseXml = (performance.now() - start) / rounds;
    return { updates, evaluate, parseXml };
  }, { inputs: INPUTS, runs: RUNS });
  await context.close();
  return { loads, ...measured };
}

function machine() {
  const chromium = execFileSync(CHROMIUM, ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  return `${cpus().length} × ${cpus()[0].model.trim()}, ${chromium}, Node ${process.version}`;
}

function section(size, time) {
  const row = (name, value, target) =>
    `| ${name} | ${kib(value)} (${value} bytes) | ${target ? `at most ${kib(target)}: ${value <= target ? "met" : "missed"}` : ""} |`;
  const date = new Date().toISOString().slice(0, 10);
  return `${SECTION}

Measured by \`scripts/bench-web.sh\` on ${date}: ${machine()}. The machine is shared, so
other builds may have run at the same time. Gzip is zlib level 9; targets are read as KiB.

| What | Size | Target |
| --- | --- | --- |
${row("\`.wasm\`, after wasm-opt -Oz", size.wasmRaw, TARGETS.wasmRaw)}
${row("\`.wasm\`, gzipped", size.wasmGzip, TARGETS.wasmGzip)}
${row("Page (index.html and its script, with the WASM inlined gzipped as base64), raw", size.pageRaw)}
${row("Page, gzipped", size.pageGzip, TARGETS.pageGzip)}
${row("Single file \`byok-prereqs.html\`, gzipped", size.singleGzip)}

| What, in headless Chromium | Median | Range | Runs |
| --- | --- | --- | --- |
| Navigation start to the first rendered checklist (served from 127.0.0.1, no cache) | ${ms(median(time.loads))} | ${ms(Math.min(...time.loads))} to ${ms(Math.max(...time.loads))} | ${time.loads.length} |
| Re-evaluation as the page does it (merge 7 inputs and 1 answer, evaluate, redraw) | ${ms(median(time.updates))} | ${ms(Math.min(...time.updates))} to ${ms(Math.max(...time.updates))} | ${time.updates.length} |
| \`evaluate\` alone on the merged facts of those 7 inputs (mean) | ${ms(time.evaluate)} | | 500 |
| \`parseText\` of the security configuration XML, 10.7 KB (mean) | ${ms(time.parseXml)} | | 500 |
${missedNote(size)}`;
}

function missedNote(size) {
  const names = { wasmRaw: "the .wasm raw", wasmGzip: "the .wasm gzipped", pageGzip: "the page gzipped" };
  const missed = Object.keys(TARGETS).filter((key) => size[key] > TARGETS[key]);
  if (missed.length === 0) {
    return "";
  }
  return `\nSize targets missed: ${missed.map((key) => names[key]).join(", ")}. [web.md](web.md#size) shows where the module's bytes go.\n`;
}

function writeSection(text) {
  const current = existsSync(BENCHMARKS) ? readFileSync(BENCHMARKS, "utf8") : "# Benchmarks\n";
  const start = current.indexOf(`${SECTION}\n`);
  let updated;
  if (start < 0) {
    updated = `${current.trimEnd()}\n\n${text}`;
  } else {
    const next = current.indexOf("\n## ", start + SECTION.length);
    updated = current.slice(0, start) + text + (next < 0 ? "" : current.slice(next));
  }
  writeFileSync(BENCHMARKS, updated.endsWith("\n") ? updated : `${updated}\n`);
}

const size = sizes();
const server = await startServer(DIST);
const chromium = await launchBrowser();
try {
  const time = await timings(chromium.browser, server.origin);
  const text = section(size, time);
  writeSection(text);
  console.log(text);
} finally {
  await chromium.close();
  await server.close();
}
