// Sharing and saving in a real browser, driven like a user: copy a link and open it in a fresh
// browser, open a link over an autosave and restore the autosave, import broken and valid
// files (picker and drop), export the plan file and the runbook, reload and find everything
// autosaved, and storage that is missing or full. Every page checks that no request leaves the
// origin and that the Content-Security-Policy refuses nothing. Screenshots go to tests/e2e/out/.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { appUrl, out, useBrowser, seriousA11yViolations } from "./browser.mjs";

const golden = readFileSync(fileURLToPath(new URL("../fixtures/plan-v1.json", import.meta.url)), "utf8");
const AUTOSAVE = "keel.autosave.v1";
const browser = useBrowser();

/** A fresh browser profile (its own storage), 1280×720, downloads allowed. */
function freshContext(options = {}) {
  return browser().newContext({ viewport: { width: 1280, height: 720 }, acceptDownloads: true, ...options });
}

/**
 * Opens `url` in `context` and records, in `page.problems`: console errors, uncaught errors,
 * Content-Security-Policy violations and any request that leaves the app's origin.
 */
async function open(context, url = appUrl()) {
  const page = await context.newPage();
  const origin = new URL(appUrl()).origin;
  page.problems = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") page.problems.push(`console.error: ${msg.text()}`);
  });
  page.on("pageerror", (err) => page.problems.push(`uncaught: ${err.message}`));
  page.on("request", (r) => {
    const u = r.url();
    if (!u.startsWith(`${origin}/`) && !u.startsWith(`blob:${origin}/`)) page.problems.push(`request off the origin: ${u}`);
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(url);
  await page.locator(".keel-app").waitFor({ state: "visible", timeout: 15000 });
  return page;
}

const nameField = (page) => page.getByLabel("Scenario name");
const status = (page) => page.locator(".canvas-status").innerText();
const notice = (page) => page.locator(".share-message");

async function useTemplate(page, key) {
  await page.locator('select[aria-label="Start from a template"]').selectOption(key);
}

async function rename(page, name) {
  await nameField(page).fill(name);
  await nameField(page).press("Enter");
}

async function menu(page, item) {
  await page.getByRole("button", { name: "File" }).click();
  await page.getByRole("button", { name: item }).click();
}

/** Exports the plan file; returns its name and parsed content. */
async function exportPlan(page) {
  const [download] = await Promise.all([page.waitForEvent("download"), menu(page, "Export plan file")]);
  return { name: download.suggestedFilename(), file: JSON.parse(readFileSync(await download.path(), "utf8")) };
}

/** Waits until the autosave holds a scenario named `name`; returns the saved scenario. */
async function autosaved(page, name) {
  await page.waitForFunction(
    ([key, name]) => {
      try {
        return JSON.parse(localStorage.getItem(key)).scenario.name === name;
      } catch {
        return false;
      }
    },
    [AUTOSAVE, name],
    { timeout: 5000 },
  );
  return JSON.parse(await page.evaluate((key) => localStorage.getItem(key), AUTOSAVE)).scenario;
}

/** A scenario as a link carries it: positions rounded to whole pixels. */
function rounded(scenario) {
  const copy = structuredClone(scenario);
  for (const s of copy.stages) s.pos = { x: Math.round(s.pos.x), y: Math.round(s.pos.y) };
  return copy;
}

/** Builds a scenario by hand: a template, renamed, a stage added, a target changed. */
async function buildScenario(page, name) {
  await useTemplate(page, "operations");
  await rename(page, name);
  await page.locator('.palette-kind[data-kind="archive"]').press("Enter");
  await page.locator("#keel-canvas-surface").click({ position: { x: 30, y: 30 } });
  const rto = page.getByLabel("Region outage RTO");
  await rto.fill("6h");
  await rto.press("Enter");
  assert.equal(await status(page), "12 stages · 10 flows");
}

/**
 * Waits until the address's fragment is no longer `before`: the write that follows an edit
 * (debounced) has run, and the autosave was written, tried or skipped (paused) in the same step.
 */
async function addressMovedFrom(page, before) {
  await page.waitForFunction((before) => location.hash !== before, before, { timeout: 5000 });
}

function noProblems(page) {
  assert.deepEqual(page.problems, [], "no console errors, CSP violations or requests off the origin");
}

test("a copied link opens the same scenario in a fresh browser; the address stays current without new history", async () => {
  const context = await freshContext({ permissions: ["clipboard-read", "clipboard-write"] });
  const page = await open(context);
  const entries = await page.evaluate(() => history.length);
  await buildScenario(page, "Contoso <b>lake</b> & co");
  // The address follows the scenario, replacing the history entry instead of adding one.
  await page.waitForFunction(() => location.hash.startsWith("#v1."), null, { timeout: 5000 });
  assert.equal(await page.evaluate(() => history.length), entries, "no history entry per edit");

  await page.getByRole("button", { name: "Copy link" }).click();
  await notice(page).filter({ hasText: "Link copied" }).waitFor();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(link.startsWith(`${appUrl()}#v1.`), link);
  assert.ok(link.length < 2000, `an 12-stage link is short (${link.length})`);
  assert.equal(page.url(), link, "the address is the link");
  const mine = await exportPlan(page);
  assert.equal(mine.name, "contoso-b-lake-b-co.json");

  const other = await freshContext();
  const theirs = await open(other, link);
  assert.equal(await nameField(theirs).inputValue(), "Contoso <b>lake</b> & co", "user text is text, never HTML");
  assert.equal(await theirs.locator(".keel-header b").count(), 0);
  assert.equal(await status(theirs), "12 stages · 10 flows");
  assert.equal(await theirs.locator(".share-offer").count(), 0, "no autosave to offer in a fresh browser");
  const opened = await exportPlan(theirs);
  assert.deepEqual(opened.file.scenario, rounded(mine.file.scenario), "name, stages, flows and targets all arrive");
  assert.equal(opened.file.scenario.targets.region_outage.rto_minutes, 360);
  noProblems(page);
  noProblems(theirs);
  await context.close();
  await other.close();
});

test("where the clipboard is missing, the link is selected in a field to copy by hand; long links are flagged", async () => {
  const context = await freshContext();
  await context.addInitScript(() => Object.defineProperty(Navigator.prototype, "clipboard", { get: () => undefined }));
  const page = await open(context, `${appUrl()}#bench=60`);
  const size = await status(page);
  assert.match(size, /^60 stages/);
  await page.getByRole("button", { name: "Copy link" }).click();
  const field = page.getByLabel("Link to copy");
  await field.waitFor();
  const link = await field.inputValue();
  assert.ok(link.startsWith(`${appUrl()}#v1.`) && link.length > 2000, `a 60-stage link is long (${link.length})`);
  const text = await notice(page).innerText();
  assert.match(text, /Press Ctrl\+C \(⌘C on a Mac\)/);
  assert.match(text, /long \([\d,]+ characters\): some chat tools cut links over 2,000/);
  const selected = await page.evaluate(() => {
    const f = document.activeElement;
    return f?.classList.contains("share-link-field") && f.selectionStart === 0 && f.selectionEnd === f.value.length;
  });
  assert.ok(selected, "the whole link is selected and focused");
  const fresh = await open(await freshContext(), link);
  assert.equal(await status(fresh), size);
  noProblems(page);
  noProblems(fresh);
  await context.close();
});

test("a link opened over an autosave keeps the autosave and offers it back", async () => {
  const context = await freshContext();
  const page = await open(context);
  await useTemplate(page, "lusty");
  await rename(page, "My own platform");
  const mine = await autosaved(page, "My own platform");
  assert.equal(mine.stages.length, 14);
  const link = page.url();
  noProblems(page);
  await page.close();

  // A colleague's link, opened in the same browser.
  const sender = await open(await freshContext());
  await useTemplate(sender, "operations");
  await rename(sender, "Their platform");
  await sender.waitForFunction(() => location.hash.startsWith("#v1."), null, { timeout: 5000 });
  await sender.waitForTimeout(400);
  const theirLink = sender.url();

  const opened = await open(context, theirLink);
  assert.equal(await nameField(opened).inputValue(), "Their platform");
  const offer = opened.locator(".share-offer");
  assert.match(await offer.innerText(), /Your autosaved scenario “My own platform” \(14 stages\) is kept/);
  // Editing the link's scenario does not overwrite the autosave before the user chooses.
  const theirAddress = await opened.evaluate(() => location.hash);
  await rename(opened, "Their platform, edited");
  await addressMovedFrom(opened, theirAddress);
  assert.equal(JSON.parse(await opened.evaluate((k) => localStorage.getItem(k), AUTOSAVE)).scenario.name, "My own platform");
  await offer.screenshot({ path: `${out}share-offer.png` });
  assert.deepEqual(await seriousA11yViolations(opened), []);

  await opened.getByRole("button", { name: "Restore my autosaved scenario “My own platform” (14 stages)" }).click();
  assert.equal(await nameField(opened).inputValue(), "My own platform");
  assert.equal(await status(opened), "14 stages · 14 flows");
  assert.equal(await opened.locator(".share-offer").count(), 0);
  const back = await autosaved(opened, "My own platform");
  assert.deepEqual(back, mine, "restored exactly, positions and all");
  await opened.keyboard.press("Control+z");
  assert.equal(await nameField(opened).inputValue(), "Their platform, edited", "restoring is one undo step");
  await opened.keyboard.press("Control+Shift+z");
  assert.equal(await nameField(opened).inputValue(), "My own platform");

  // After a reload the address holds the autosaved scenario: nothing more to offer.
  await opened.waitForTimeout(400);
  await opened.reload();
  await opened.locator(".keel-app").waitFor();
  assert.equal(await nameField(opened).inputValue(), "My own platform");
  assert.equal(await opened.locator(".share-offer").count(), 0);
  assert.notEqual(link, theirLink);
  noProblems(opened);
  noProblems(sender);
  await context.close();
});

test("a damaged link is reported and the app starts with the autosave", async () => {
  const context = await freshContext();
  const page = await open(context);
  await rename(page, "Kept safe");
  await autosaved(page, "Kept safe");
  noProblems(page);
  const broken = await open(context, `${appUrl()}#v1.AAAAthis-is-not-a-link`);
  const text = await broken.locator(".share-error").innerText();
  assert.match(text, /The link in the address could not be opened; Keel opened your autosaved scenario “Kept safe” instead/);
  assert.match(text, /damaged or cut short/);
  assert.equal(await nameField(broken).inputValue(), "Kept safe");
  assert.equal(await broken.locator(".share-offer").count(), 0);
  noProblems(broken);
  await context.close();
});

/** Chooses a file through the File menu's picker. */
async function importByPicker(page, name, text, mimeType = "application/json") {
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), menu(page, "Import plan file…")]);
  await chooser.setFiles({ name, mimeType, buffer: Buffer.from(text) });
}

test("broken files are refused with their problems listed, and the scenario stays exactly as it was", async () => {
  const context = await freshContext();
  const page = await open(context);
  await useTemplate(page, "lusty");
  await rename(page, "Untouched");
  const before = await exportPlan(page);
  const cases = [
    ["drawing.excalidraw", JSON.stringify({ type: "excalidraw", version: 2, elements: [] }), [/it is not a Keel plan file/, /"excalidraw" file/]],
    ["cut.json", '{ "type": "keel-plan", "version": 1, "scenario": { "stages": [', [/it is not valid JSON/, /line 1/]],
    [
      "negative.json",
      JSON.stringify({ type: "keel-plan", version: 1, scenario: { stages: [{ id: "raw", kind: "raw", volume_gb: -5 }], flows: [{ from: "raw", to: "ghost" }] } }),
      [/it has problems/, /stages\[0\]\.volume_gb \(stage “raw”\): .*negative/, /flows\[0\]\.to .*"ghost", which does not exist/],
    ],
    ["future.json", JSON.stringify({ type: "keel-plan", version: 99, scenario: {} }), [/newer Keel/, /version 99/]],
  ];
  for (const [name, text, expect] of cases) {
    await importByPicker(page, name, text);
    const error = page.locator(".share-error");
    await error.filter({ hasText: name }).waitFor();
    const shown = await error.innerText();
    assert.ok(shown.startsWith(`Could not open “${name}”`) && shown.includes("Your scenario is unchanged"), shown);
    for (const e of expect) assert.match(shown, e, `${name}: ${shown}`);
    assert.equal(await nameField(page).inputValue(), "Untouched");
    assert.equal(await status(page), "14 stages · 14 flows");
  }
  await page.locator(".share-error").screenshot({ path: `${out}share-import-error.png` });
  assert.deepEqual(await seriousA11yViolations(page), []);
  const after = await exportPlan(page);
  assert.deepEqual(after.file.scenario, before.file.scenario, "the scenario is exactly as it was");
  assert.equal((await autosaved(page, "Untouched")).stages.length, 14);
  noProblems(page);
  await context.close();
});

test("valid files open by picker and by drop, one undo step each; older versions migrate", async () => {
  const context = await freshContext();
  const page = await open(context);
  await rename(page, "Before import");
  await importByPicker(page, "plan-v1.json", golden);
  await notice(page).filter({ hasText: "Opened “plan-v1.json” (3 stages)" }).waitFor();
  assert.equal(await nameField(page).inputValue(), "Golden v1");
  assert.equal(await status(page), "3 stages · 2 flows");
  await page.keyboard.press("Control+z");
  assert.equal(await nameField(page).inputValue(), "Before import");

  // Drop: the target shows while a file is dragged over the page.
  const dataTransfer = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], "dropped.json", { type: "application/json" }));
    return dt;
  }, golden);
  await page.evaluate((dt) => document.body.dispatchEvent(new DragEvent("dragover", { bubbles: true, cancelable: true, dataTransfer: dt })), dataTransfer);
  const target = page.locator(".share-drop");
  await target.waitFor();
  assert.match(await target.innerText(), /Drop a Keel plan file/);
  await page.screenshot({ path: `${out}share-drop.png` });
  await page.evaluate((dt) => document.body.dispatchEvent(new DragEvent("drop", { bubbles: true, cancelable: true, dataTransfer: dt })), dataTransfer);
  await notice(page).filter({ hasText: "Opened “dropped.json”" }).waitFor();
  assert.equal(await target.count(), 0, "the drop target goes");
  assert.equal(await nameField(page).inputValue(), "Golden v1");
  await page.keyboard.press("Control+z");
  assert.equal(await nameField(page).inputValue(), "Before import");
  noProblems(page);
  await context.close();
});

test("export and runbook download; a reload restores everything from the autosave", async () => {
  const context = await freshContext();
  const page = await open(context);
  await buildScenario(page, "Fabrikam DR");
  const { name, file } = await exportPlan(page);
  assert.equal(name, "fabrikam-dr.json");
  assert.equal(file.type, "keel-plan");
  assert.equal(file.version, 1);
  assert.match(file.source, /^keel /);
  assert.equal(file.scenario.name, "Fabrikam DR");
  assert.equal(file.scenario.stages.length, 12);
  assert.equal(file.plan.stages.length, 12, "the computed plan is in the file");
  assert.ok(file.plan.totals.monthly_total > 0);

  await page.getByRole("button", { name: "File" }).click();
  await page.screenshot({ path: `${out}share-menu.png` });
  assert.deepEqual(await seriousA11yViolations(page), []);
  await page.keyboard.press("Escape");
  assert.equal(await page.locator("#keel-file-menu").isVisible(), false, "Escape closes the menu");
  const [runbook] = await Promise.all([page.waitForEvent("download"), menu(page, "Download runbook")]);
  assert.equal(runbook.suggestedFilename(), "fabrikam-dr-runbook.md");
  const markdown = readFileSync(await runbook.path(), "utf8");
  assert.match(markdown, /^# /);
  assert.match(markdown, /Fabrikam DR/);

  const saved = await autosaved(page, "Fabrikam DR");
  await page.goto(appUrl()); // no fragment: the autosave opens
  await page.locator(".keel-app").waitFor();
  assert.equal(await nameField(page).inputValue(), "Fabrikam DR");
  assert.equal(await status(page), "12 stages · 10 flows");
  const reloaded = await exportPlan(page);
  assert.deepEqual(reloaded.file.scenario, saved, "everything restored");
  assert.deepEqual(reloaded.file.scenario, file.scenario);
  noProblems(page);
  await context.close();
});

test("storage that is blocked or full is reported once, and the app keeps working", async () => {
  const blocked = await freshContext();
  await blocked.addInitScript(() =>
    Object.defineProperty(window, "localStorage", {
      get() {
        throw new DOMException("The operation is insecure.", "SecurityError");
      },
    }),
  );
  const page = await open(blocked);
  assert.match(await notice(page).innerText(), /Autosave is off/);
  await page.getByRole("button", { name: "Close" }).click();
  const address = await page.evaluate(() => location.hash);
  await rename(page, "Still works");
  await addressMovedFrom(page, address);
  assert.equal(await notice(page).count(), 0, "reported once");
  assert.equal(await nameField(page).inputValue(), "Still works");
  noProblems(page);
  await blocked.close();

  const full = await freshContext();
  await full.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
  });
  const page2 = await open(full);
  await rename(page2, "Too big");
  await notice(page2).filter({ hasText: "Autosave stopped: this browser's storage for Keel is full" }).waitFor();
  await page2.getByRole("button", { name: "Close" }).click();
  // The report may come from the write on opening: wait for the address to hold "Too big".
  await page2.waitForFunction(() => location.hash.startsWith("#v1."), null, { timeout: 5000 });
  const address2 = await page2.evaluate(() => location.hash);
  await rename(page2, "Too big again");
  await addressMovedFrom(page2, address2);
  assert.equal(await notice(page2).count(), 0, "reported once");
  noProblems(page2);
  await full.close();
});
