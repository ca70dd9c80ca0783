// The SLA statement in a real browser, on the first guide's reference platform: the results'
// SLA tab says, for the disruption type shown, the same times and recovery points as the stages
// table and the totals, says which targets are missed, follows the disruption switch (after
// ransomware, with the triage every time includes), shows every disruption type on request,
// copies itself as Markdown (or, where the clipboard is refused, puts the Markdown in a field,
// selected, to copy by hand) and downloads as .md from the tab and the File menu. Screenshots at
// 1280×800 go to tests/e2e/out/ for a person to look at.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { appUrl, out, recordProblems, useBrowser, seriousA11yViolations } from "./browser.mjs";

const browser = useBrowser();

/**
 * A fresh browser profile at 1280×800 (clipboard allowed unless `clipboard` is false, in which
 * case the page has none) with the first guide's platform open and its SLA tab shown.
 */
async function openSla({ clipboard = true } = {}) {
  const context = await browser().newContext({
    viewport: { width: 1280, height: 800 },
    acceptDownloads: true,
    permissions: clipboard ? ["clipboard-read", "clipboard-write"] : [],
  });
  if (!clipboard) {
    await context.addInitScript(() => Object.defineProperty(Navigator.prototype, "clipboard", { get: () => undefined }));
  }
  const page = recordProblems(await context.newPage());
  await page.goto(appUrl());
  await page.locator(".keel-app").waitFor({ state: "visible", timeout: 15000 });
  await page.getByLabel("Start from a template").selectOption("lusty");
  await page.locator('.stage-row[data-stage="raw"]').waitFor({ state: "visible" });
  await page.locator('[data-tab="sla"]').click();
  await page.locator(".sla-statement").waitFor({ state: "visible" });
  return { context, page };
}

const total = (page, what) => page.locator(`[data-total="${what}"]`).innerText();
const levels = (page) => page.locator(".sla-level");

/** The stages table's figures for stage `id`: the recovery point achieved, when it is back, and both targets. */
async function tableRow(page, id) {
  const cells = page.locator(`.stage-row[data-stage="${id}"] td.against`);
  const figures = async (i) => {
    const m = (await cells.nth(i).textContent()).match(/^(.+?) \/ (\S+)/);
    assert.ok(m, `a figure and a target in ${id}'s cell ${i}`);
    return { got: m[1], target: m[2] };
  };
  return { rpo: await figures(0), rto: await figures(1) };
}

/** Checks every line of the statement shown against the stages table and the totals. */
async function checkAgainstTheTable(page) {
  const first = await total(page, "first-service");
  const full = await total(page, "full-restore");
  const overall = await page.locator(".sla-overall").innerText();
  assert.ok(overall.startsWith(`First service within ${first}`), `${overall} ~ ${first}`);
  assert.ok(overall.includes(`the whole platform back within ${full}.`), `${overall} ~ ${full}`);
  const count = await levels(page).count();
  assert.equal(count, 3, "the reports, the semantic model and the warehouse");
  let missed = 0;
  for (let i = 0; i < count; i++) {
    const level = levels(page).nth(i);
    const id = await level.getAttribute("data-stage");
    const text = await level.innerText();
    const { rpo, rto } = await tableRow(page, id);
    // When its full history is back is the table's "Back after"; how much data may be missing, its RPO achieved.
    const whole = text.includes("full history included")
      ? text.match(/back within (.+?), full history included/)[1]
      : text.match(/the full history within (.+?)[;—]/)[1].trim();
    assert.equal(whole, rto.got, `${id}: ${text}`);
    assert.ok(text.includes(`up to the last ${rpo.got} of data may be missing`), `${id} ~ ${rpo.got}: ${text}`);
    // A missed target is said, with the target.
    const rtoMissed = (await page.locator(`.stage-row[data-stage="${id}"] td.against`).nth(1).getAttribute("class")).includes("missed");
    const rpoMissed = (await page.locator(`.stage-row[data-stage="${id}"] td.against`).nth(0).getAttribute("class")).includes("missed");
    if (rpoMissed) assert.ok(text.includes(`may be missing — the target is ${rpo.target}`), `${id}: ${text}`);
    if (rtoMissed) assert.ok(text.includes(`— the target is ${rto.target}`), `${id}: ${text}`);
    const lineMissed = (await level.getAttribute("class")).includes("missed");
    assert.equal(lineMissed, text.includes("— the target"), `${id}: marked as it reads`);
    if (lineMissed) missed++;
  }
  return missed;
}

test("the SLA tab says the plan's figures, the missed targets and the triage, per disruption type", async () => {
  const { context, page } = await openSla();
  // After a corruption: the reports' data is a day old against a 1 h RPO.
  assert.equal(await checkAgainstTheTable(page), 1);
  assert.match(
    await levels(page).first().innerText(),
    /^Sales reports \(Power BI\): back within \S+( \S+)?, full history included; up to the last 1d of data may be missing — the target is 1h\.$/,
  );
  await page.screenshot({ path: `${out}sla-1-corruption.png` });

  // The disruption switch moves the statement with the table and the totals.
  await page.locator(".disruption-switch").getByText("Ransomware").click();
  await page.locator('.sla-section[data-disruption="ransomware"]').waitFor();
  assert.equal(await page.locator(".sla-section").count(), 1, "only the disruption shown");
  assert.match(await page.locator(".sla-triage").innerText(), /the plan allows 8h for that, and every time below includes it/);
  assert.equal(await checkAgainstTheTable(page), 3, "after ransomware every one of them misses a target");
  await page.screenshot({ path: `${out}sla-2-ransomware.png` });

  // Every disruption type at once, in the results grown to most of the screen.
  await page.getByLabel("Every disruption type").check();
  assert.deepEqual(
    await page.locator(".sla-section").evaluateAll((s) => s.map((e) => e.dataset.disruption)),
    ["data_corruption", "region_outage", "ransomware"],
  );
  await page.getByRole("button", { name: "Give the results most of the screen" }).click();
  await page.screenshot({ path: `${out}sla-3-every-disruption.png` });
  assert.deepEqual(await seriousA11yViolations(page), []);

  // Copy: the Markdown of what is shown, on the clipboard.
  await page.getByRole("button", { name: "Copy", exact: true }).click();
  await page.locator(".share-message").filter({ hasText: "SLA statement copied as Markdown" }).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(copied.startsWith("# Service levels: The Data Platform \\(Lusty reference\\)\n"), copied);
  assert.equal(copied.match(/^## After /gm).length, 3);
  for (const line of await levels(page).allInnerTexts()) {
    const body = line.slice(line.indexOf(": ") + 2);
    assert.ok(copied.includes(`**: ${body}\n`), `the copy says what the tab says: ${body}`);
  }
  assert.match(copied, /they are not a contract/);

  // Download .md: the same text, named after the platform.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download .md" }).click()]);
  assert.equal(download.suggestedFilename(), "the-data-platform-lusty-reference-sla.md");
  assert.equal(readFileSync(await download.path(), "utf8"), copied);

  // The File menu's: every disruption type, whatever the tab shows.
  await page.getByLabel("Every disruption type").uncheck();
  await page.getByRole("button", { name: "File" }).click();
  const [fromMenu] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download SLA statement" }).click()]);
  assert.equal(fromMenu.suggestedFilename(), "the-data-platform-lusty-reference-sla.md");
  assert.equal(readFileSync(await fromMenu.path(), "utf8"), copied);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test("where the clipboard is refused, the statement is selected in a field to copy by hand", async () => {
  const { context, page } = await openSla({ clipboard: false });
  await page.getByRole("button", { name: "Copy", exact: true }).click();
  const field = page.getByLabel("SLA statement to copy");
  await field.waitFor();
  const text = await field.inputValue();
  assert.ok(text.startsWith("# Service levels: ") && text.includes("## After data corruption or a bad change"), text);
  assert.equal(text.match(/^## After /gm).length, 1, "what is shown: one disruption type");
  const selected = await page.evaluate(() => {
    const f = document.activeElement;
    return f?.classList.contains("sla-copy-field") && f.selectionStart === 0 && f.selectionEnd === f.value.length;
  });
  assert.ok(selected, "the whole statement is selected and focused");
  assert.match(await page.locator(".share-message").innerText(), /Press Ctrl\+C \(⌘C on a Mac\) to copy the selected SLA statement/);
  await page.screenshot({ path: `${out}sla-4-copy-by-hand.png` });
  // Another disruption type shown: the field, about the one before, goes.
  await page.locator(".disruption-switch").getByText("Region outage").click();
  await page.locator('.sla-section[data-disruption="region_outage"]').waitFor();
  assert.equal(await page.locator(".sla-copy-field").count(), 0);
  assert.deepEqual(page.problems, []);
  await context.close();
});
