// Shared helpers for the end-to-end tests: headless chromium from Debian driven by
// playwright-core, against the release build that scripts/test serves on loopback.
import { chromium } from "playwright-core";
import { createRequire } from "node:module";
import { mkdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { before, after } from "node:test";

/** Where the tests leave screenshots for a person to look at (tests/e2e/out/, not committed). */
export const out = fileURLToPath(new URL("./out/", import.meta.url));

/**
 * One headless chromium for the calling test file: launched before its tests (with the
 * screenshot folder made), closed after them. Returns a function that gives the browser.
 */
export function useBrowser() {
  let browser;
  before(async () => {
    mkdirSync(out, { recursive: true });
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });
  return () => browser;
}

/** The served app, e.g. http://127.0.0.1:43121/ (set by scripts/test). */
export function appUrl() {
  const url = process.env.KEEL_URL;
  if (!url) {
    throw new Error("KEEL_URL is not set: run the end-to-end tests through scripts/test, which serves the release build");
  }
  return url;
}

/** Launches headless chromium with the flags this kind of machine needs. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.KEEL_CHROMIUM || "/usr/bin/chromium",
    chromiumSandbox: false,
    args: [
      "--headless=new",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/**
 * Opens a page at 1280×720 (a projector) and records every console error and uncaught
 * exception in `page.problems`.
 */
export async function openPage(browser) {
  return recordProblems(await browser.newPage({ viewport: { width: 1280, height: 720 } }));
}

/**
 * Opens the app on one of the guides' platforms (`lusty`, `operations`) picked from the header's
 * template list, and waits until the stages table shows the row of stage `waitFor`.
 */
export async function openTemplate(browser, template, waitFor) {
  const page = await openPage(browser);
  await page.goto(appUrl());
  await page.locator(".keel-app").waitFor({ state: "visible", timeout: 15000 });
  await page.getByLabel("Start from a template").selectOption(template);
  await page.locator(`.stage-row[data-stage="${waitFor}"]`).waitFor({ state: "visible" });
  return page;
}

/** Records every console error and uncaught exception of `page` in `page.problems`; returns the page. */
export function recordProblems(page) {
  page.problems = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") page.problems.push(`console.error: ${msg.text()}`);
  });
  page.on("pageerror", (err) => page.problems.push(`uncaught: ${err.message}`));
  return page;
}

/** The serious and critical axe-core violations on the page, as readable lines (empty = none). */
export async function seriousA11yViolations(page) {
  if (!(await page.evaluate(() => Boolean(globalThis.axe)))) {
    // Evaluated, not added as a <script>: the page's Content-Security-Policy refuses scripts
    // it does not know, and that is what the tests must see.
    await page.evaluate(readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8"));
  }
  return page.evaluate(async () => {
    const result = await globalThis.axe.run(document, { resultTypes: ["violations"] });
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  });
}
