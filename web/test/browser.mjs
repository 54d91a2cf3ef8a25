// Helpers for the browser tests: a static file server on 127.0.0.1 and Debian's Chromium
// driven by playwright-core, with every request the page makes recorded.

import { createReadStream, existsSync, mkdirSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize } from "node:path";

import { chromium } from "playwright-core";

import { WEB } from "./paths.mjs";

export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
export const SCREENSHOTS = join(WEB, "..", "test-results", "screenshots");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".css": "text/css",
};

/** Serves `root` on 127.0.0.1 at a free port; `requests` lists every path asked for. */
export async function startServer(root) {
  const requests = [];
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, "http://127.0.0.1").pathname);
    requests.push(path);
    const file = normalize(join(root, path.endsWith("/") ? `${path}index.html` : path));
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end("not found");
      return;
    }
    response.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(response);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, requests, close: () => new Promise((resolve) => server.close(resolve)) };
}

/**
 * Starts headless Chromium with background networking, sync and component updates off, since
 * these machines have no network. Playwright gives each launch a new empty profile directory.
 */
export async function launchBrowser() {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  return { browser, close: () => browser.close() };
}

/**
 * Opens a page that records every request and aborts any that is not to `allowedOrigin`
 * (a loopback server or file://). `requests` lists them all, `blocked` those aborted.
 */
export async function openPage(browser, allowedOrigin, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, ...options });
  const page = await context.newPage();
  const requests = [];
  const blocked = [];
  const errors = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    requests.push(url);
    if (url.startsWith(allowedOrigin)) {
      return route.continue();
    }
    blocked.push(url);
    return route.abort("blockedbyclient");
  });
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") {
      errors.push(message.text());
    }
  });
  return { context, page, requests, blocked, errors };
}

/** Saves a screenshot, of the whole page unless `fullPage` is false, for a person to look at. */
export async function screenshot(page, name, { fullPage = true } = {}) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}
