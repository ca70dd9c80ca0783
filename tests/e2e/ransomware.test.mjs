// Ransomware in a real browser: the results switched to the third disruption type show, row by
// row, where each stage's copies are kept out of the platform's reach (the first guide's
// reference platform, screenshot at 1280×800 for a person to look at), and a 3-2-1 warning's
// fix, applied with its button, sets the stage's vault in the properties panel, re-plans, and is
// one undo step. Screenshots go to tests/e2e/out/.
import { test } from "node:test";
import assert from "node:assert/strict";
import { deflateSync } from "node:zlib";
import { out, useBrowser, openPage, openTemplate, appUrl, seriousA11yViolations } from "./browser.mjs";

const browser = useBrowser();

const drawer = (page) => page.getByRole("complementary", { name: "Results" });

/** A share link's fragment for a scenario written with the link's short keys (docs/link-format.md). */
const link = (scenario) => `v1.${deflateSync(Buffer.from(JSON.stringify(scenario)), { level: 9 }).toString("base64url")}`;

/** Shows the results for ransomware and waits until the table is about it. */
async function showRansomware(page) {
  const option = drawer(page).locator(".disruption-switch").getByText("Ransomware");
  await option.click();
  await page.locator(".stages-table caption", { hasText: "against ransomware" }).waitFor({ state: "attached" });
}

test("the results switch to ransomware and say where each stage's copies are kept", async () => {
  const page = await openTemplate(browser(), "lusty", "raw");
  await page.setViewportSize({ width: 1280, height: 800 });
  const options = await drawer(page).locator(".disruption-switch .switch-option").allInnerTexts();
  assert.deepEqual(options.map((o) => o.trim()), ["Corruption", "Region outage", "Ransomware"]);
  assert.equal(await page.locator(".stages-table .copies-in").count(), 0, "nothing about vaults after a corruption");

  await showRansomware(page);
  const kept = page.locator(".stages-table .copies-in");
  assert.ok((await kept.count()) >= 5, `most rows keep copies in a vault (${await kept.count()})`);
  const raw = page.locator('.stage-row[data-stage="raw"] .copies-in');
  assert.match(await raw.innerText(), /^copies in .+/);
  assert.match(await raw.getAttribute("title"), /,/, "how far and how locked, in the tooltip");
  assert.match(
    await page.locator(".cost-breakdown").innerText(),
    /^Against ransomware: USD [\d,]+ a month .*The whole plan, every disruption type/,
  );
  // The totals are ransomware's: both times are figures, not "never".
  for (const what of ["first-service", "full-restore"]) {
    assert.match(await page.locator(`[data-total="${what}"]`).innerText(), /\d/, what);
  }
  await page.screenshot({ path: `${out}ransomware-1-results.png` });
  await drawer(page).getByRole("button", { name: "Give the results most of the screen" }).click();
  await page.screenshot({ path: `${out}ransomware-2-results-tall.png` });

  // The plots are ransomware's too.
  await page.locator('[data-tab="plots"]').click();
  await page.locator('figure[data-plot="timeline"] img').waitFor();
  for (const img of await page.locator("figure.plot img").all()) {
    assert.ok(await img.evaluate((i) => i.complete && i.naturalWidth > 0), "every plot image loads");
  }
  assert.match(await page.locator('figure[data-plot="timeline"] img').getAttribute("alt"), /ransomware/i);
  assert.deepEqual(await seriousA11yViolations(page), []);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test("a 3-2-1 warning's fix is applied with its button, shows in the panel and is undone", async () => {
  // A curated zone that cannot be rebuilt, on ADLS Gen2 with nothing in the paired region, its
  // ransomware copies in an immutable container in the same cloud: no copy off-site.
  const scenario = {
    n: "3-2-1",
    st: [{ i: "curated", k: "curated", l: "Curated zone", s: "adls_gen2", v: 2000, d: 20, as: false, vt: "azure_immutable_blob" }],
  };
  const page = await openPage(browser());
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${appUrl()}#${link(scenario)}`);
  await page.locator('.stage-row[data-stage="curated"]').waitFor({ state: "visible", timeout: 15000 });

  await page.locator('.stage-row[data-stage="curated"] .stage-link').click();
  const field = page.getByLabel("Ransomware copies in");
  assert.equal(await field.inputValue(), "azure_immutable_blob");
  assert.deepEqual(
    await field.locator("option").allInnerTexts(),
    ["Cheapest", "Immutable blob container", "Azure Backup vault, immutability locked", "Off-cloud copy"],
  );

  await page.locator('[data-tab="warnings"]').click();
  const warning = page.locator('li.warning[data-code="three_two_one_not_met"]');
  await warning.waitFor({ state: "visible" });
  const apply = warning.locator("button.apply-fix");
  assert.equal(await apply.count(), 1, "the plan offers one fix");
  assert.match(await apply.innerText(), /^Apply: Keep its ransomware copies in .+ \(\+USD \d+\.\d\d\/month\)$/);
  const vault = await apply.getAttribute("data-vault");
  await apply.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${out}ransomware-3-fix.png` });
  assert.deepEqual(await seriousA11yViolations(page), []);

  await apply.click();
  await warning.waitFor({ state: "detached" });
  assert.equal(await field.inputValue(), vault, "the stage's vault is the fix's");
  const name = (await field.locator("option:checked").textContent()).trim();
  await page.locator('[data-tab="stages"]').click();
  await showRansomware(page);
  assert.equal(await page.locator('.stage-row[data-stage="curated"] .copies-in').innerText(), `copies in ${name}`);
  await page.screenshot({ path: `${out}ransomware-4-fixed.png` });

  // One undo step takes it back, warning and all.
  const undo = page.getByRole("button", { name: "Undo", exact: true });
  assert.match(await undo.getAttribute("title"), /^Undo: apply the fix for Curated zone: Keep its ransomware copies in /);
  await undo.click();
  await page.waitForFunction(() => document.querySelector("#f-curated-vault")?.value === "azure_immutable_blob");
  await page.locator('[data-tab="warnings"]').click();
  await warning.waitFor({ state: "visible" });
  assert.deepEqual(page.problems, []);
  await page.close();
});
