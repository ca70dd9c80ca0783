// Workshop mode in a real browser (issue 18): the results' view (disruption type, tab, sort,
// folded) surviving a reload and travelling in a copied link; presentation mode at 1280×720
// with every card label of the first guide's platform at least 12 px high (screenshot); and
// variants saved, switched, renamed and deleted from the header. Screenshots go to
// tests/e2e/out/.
import { test } from "node:test";
import assert from "node:assert/strict";
import { out, useBrowser, openPage, openTemplate, appUrl, seriousA11yViolations } from "./browser.mjs";

const browser = useBrowser();

const drawer = (page) => page.getByRole("complementary", { name: "Results" });

/** The amount in a money text: "USD 8,474" → 8474. */
const money = (text) => Number(text.replace(/[^\d.]/g, ""));

/** What the results show, as the page draws it. */
async function shown(page) {
  return page.evaluate(() => ({
    disruption: document.querySelector('.disruption-switch input:checked')?.value,
    tab: document.querySelector(".results-tab.active")?.dataset.tab,
    sorted: document.querySelector('.stages-table th:not([aria-sort="none"])')?.className.match(/col-(\w+)/)?.[1] ?? null,
    direction: document.querySelector('.stages-table th:not([aria-sort="none"])')?.getAttribute("aria-sort") ?? null,
    folded: document.querySelector(".results-drawer")?.classList.contains("open") === false,
  }));
}

/** Waits for the debounced autosave and address to catch up (300 ms, docs/link-format.md). */
const settle = (page) => page.waitForTimeout(700);

test("the results open again as they were left: after a reload, and from a copied link", async () => {
  const page = await openTemplate(browser(), "lusty", "raw");
  await drawer(page).locator(".disruption-switch").getByText("Region outage").click();
  await page.locator(".stages-table th.col-cost button").click();
  await page.locator('[data-tab="warnings"]').click();
  await settle(page);
  const before = await shown(page);
  assert.equal(before.disruption, "region_outage");
  assert.equal(before.tab, "warnings");
  assert.equal(before.sorted, "cost");
  assert.match(page.url(), /#v1\./, "the address is a link");

  await page.reload();
  await page.locator(".keel-app").waitFor();
  await page.locator('.results-tab.active[data-tab="warnings"]').waitFor({ state: "attached" });
  await page.locator("#results-warnings li").first().waitFor({ state: "attached" });
  const after = await shown(page);
  assert.deepEqual([after.disruption, after.tab, after.folded], [before.disruption, before.tab, before.folded], "the autosave keeps the view");
  // The table is drawn when its tab is shown: sorted as it was left.
  await page.locator('[data-tab="stages"]').click();
  await page.locator('.stage-row[data-stage="raw"]').waitFor({ state: "attached" });
  assert.deepEqual([(await shown(page)).sorted, (await shown(page)).direction], [before.sorted, before.direction]);
  await page.locator('[data-tab="warnings"]').click();

  // Folded too, and the address (a share link) carries all of it to a fresh browser.
  await drawer(page).getByRole("button", { name: "Fold the results down" }).click();
  await settle(page);
  const folded = await shown(page);
  assert.equal(folded.folded, true);
  const url = page.url();
  await page.close();

  const context = await browser().newContext({ viewport: { width: 1280, height: 720 } });
  const other = await context.newPage();
  other.problems = [];
  other.on("pageerror", (e) => other.problems.push(e.message));
  await other.goto(url);
  await other.locator(".keel-app").waitFor();
  await other.locator('.results-tab.active[data-tab="warnings"]').waitFor({ state: "attached" });
  const seen = await shown(other);
  assert.deepEqual([seen.disruption, seen.tab, seen.folded], [folded.disruption, folded.tab, true], "the link's view, in a browser that never saw it");
  await drawer(other).getByRole("button", { name: "Open the results" }).click();
  await other.locator("#results-warnings li").first().waitFor();
  assert.deepEqual(other.problems, []);
  await context.close();
});

test("presentation mode at 1280×720: every card label of the reference platform is at least 12 px", async () => {
  const page = await openTemplate(browser(), "lusty", "raw");
  const labelSizes = () =>
    // A detailed card's label element, or a compact card's own text.
    page.locator(".stage-card .card-label, .stage-card.compact").evaluateAll((labels) =>
      labels.map((l) => {
        const font = parseFloat(getComputedStyle(l).fontSize);
        // The canvas scales its world: the size on screen is the font size times the scale.
        const scale = l.getBoundingClientRect().height / l.offsetHeight || 1;
        return { text: l.textContent.trim(), px: font * scale };
      }),
    );
  const small = (await labelSizes()).filter((l) => l.px < 12);
  assert.ok(small.length > 0, "labels are small before (this test can fail)");
  await page.screenshot({ path: `${out}workshop-0-before-present.png` });

  await page.getByRole("button", { name: "Present", exact: true }).click();
  await page.locator(".keel-app.presenting").waitFor();
  await page.waitForTimeout(400);
  assert.equal(await page.locator(".palette").isVisible(), false, "the palette is hidden");
  assert.equal(await page.locator(".keel-panes > .side").isVisible(), false, "the properties are hidden");
  const header = await page.locator(".keel-header").boundingBox();
  assert.ok(header.height <= 48, `a slim header (${header.height} px)`);
  const sizes = await labelSizes();
  assert.equal(sizes.length, 14);
  for (const l of sizes) assert.ok(l.px >= 12, `${l.text}: ${l.px.toFixed(1)} px`);
  // Every card is on screen, inside the canvas.
  const canvas = await page.locator(".canvas").boundingBox();
  for (const card of await page.locator(".stage-card").all()) {
    const box = await card.boundingBox();
    assert.ok(box.x >= canvas.x - 1 && box.x + box.width <= canvas.x + canvas.width + 1, "inside left and right");
    assert.ok(box.y >= canvas.y - 1 && box.y + box.height <= canvas.y + canvas.height + 1, "inside top and bottom");
  }
  await page.screenshot({ path: `${out}workshop-1-presenting.png` });
  await page.locator('[data-tab="plots"]').click();
  await page.locator('figure[data-plot="timeline"] img').waitFor();
  await page.screenshot({ path: `${out}workshop-2-presenting-plots.png` });
  assert.deepEqual(await seriousA11yViolations(page), []);

  // P leaves, and P comes back; Esc leaves too.
  await page.locator(".canvas").click({ position: { x: 5, y: 5 } });
  await page.keyboard.press("p");
  await page.locator(".keel-app:not(.presenting)").waitFor();
  await page.keyboard.press("p");
  await page.locator(".keel-app.presenting").waitFor();
  await page.keyboard.press("Escape");
  await page.locator(".keel-app:not(.presenting)").waitFor();
  assert.equal(await page.locator(".palette").isVisible(), true);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test("variants: save two, switch between them (undoable), rename and delete", async () => {
  const page = await openTemplate(browser(), "lusty", "raw");
  const menu = page.locator(".variants");
  const open = async () => {
    if ((await menu.locator(".variants-button").getAttribute("aria-expanded")) !== "true") {
      await menu.locator(".variants-button").click();
    }
  };
  await open();
  await page.locator("#keel-variant-draft").fill("today");
  await menu.getByRole("button", { name: "Save" }).click();
  await menu.locator(".variant-row").first().waitFor();
  assert.equal(await menu.locator(".variants-current").innerText(), "today");

  // Ask the sales reports back within 45 minutes of a region outage (a standby upstream: dearer);
  // the variant shows a change.
  const totalBefore = await page.locator('[data-total="monthly"]').innerText();
  await page.locator('.stage-row[data-stage="report"] .stage-link').click();
  const rto = page.getByLabel("Region outage RTO");
  await rto.fill("45m");
  await rto.press("Enter");
  await page.waitForFunction((before) => document.querySelector('[data-total="monthly"]')?.innerText !== before, totalBefore);
  assert.match(await menu.locator(".variants-current").innerText(), /today •/);
  await open();
  await page.locator("#keel-variant-draft").fill("RTO 45 m");
  await menu.getByRole("button", { name: "Save" }).click();
  await menu.locator(".variant-row").nth(1).waitFor();
  assert.equal(await menu.locator(".variants-current").innerText(), "RTO 45 m");
  const loose = await page.locator('[data-total="monthly"]').innerText();
  await page.screenshot({ path: `${out}workshop-3-variants.png` });

  // Compare them: the totals side by side, both fronts on one plot, what changed per stage.
  await open();
  await menu.getByRole("button", { name: "Compare variants…" }).click();
  const dialog = page.getByRole("dialog", { name: "Compare" });
  await dialog.waitFor();
  await dialog.locator(".compare-disruption, .disruption-switch").getByText("Region outage").click();
  const picks = await dialog.locator("select.compare-pick").evaluateAll((s) => s.map((x) => x.selectedOptions[0].textContent));
  assert.deepEqual(picks, ["today", "RTO 45 m"]);
  const monthly = dialog.locator(".compare-totals tbody tr").first();
  assert.match(await monthly.innerText(), /Monthly cost\s+\S+ [\d,]+\s+\S+ [\d,]+\s+\+[\d,]+ \(\+[\d.]+%\)/);
  assert.equal(money(await monthly.locator("td").nth(0).innerText()), money(totalBefore));
  assert.equal(money(await monthly.locator("td").nth(1).innerText()), money(loose));
  await dialog.locator('figure[data-plot="compare-rpo"] img').waitFor();
  assert.match(await dialog.locator('figure[data-plot="compare-rto"] img').getAttribute("alt"), /today.*RTO 45 m|RTO 45 m.*today/s);
  const rows = await dialog.locator(".compare-stages tbody tr th").allInnerTexts();
  assert.ok(rows.some((r) => /Sales report/i.test(r)), `the report's row changes: ${rows}`);
  assert.ok((await dialog.locator(".compare-stages td.changed").count()) > 0, "changed cells are marked");
  await page.screenshot({ path: `${out}workshop-4-compare.png` });
  assert.deepEqual(await seriousA11yViolations(page), []);
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "detached" });

  // Switch back to "today": the plan is today's again; Undo returns to "RTO 45 m".
  await open();
  await menu.locator(".variant-row").first().getByRole("button", { name: "Open" }).click();
  await page.waitForFunction((t) => document.querySelector('[data-total="monthly"]')?.innerText === t, totalBefore);
  assert.equal(await menu.locator(".variants-current").innerText(), "today");
  await page.locator(".canvas").click({ position: { x: 5, y: 5 } });
  await page.keyboard.press("Control+z");
  await page.waitForFunction((t) => document.querySelector('[data-total="monthly"]')?.innerText === t, loose);
  assert.equal(await menu.locator(".variants-current").innerText(), "RTO 45 m");

  // Rename in place, then delete: the list follows; Undo brings the deleted one back.
  await open();
  const first = menu.locator(".variant-name").first();
  await first.fill("baseline");
  await first.press("Enter");
  assert.deepEqual(await menu.locator(".variant-name").evaluateAll((i) => i.map((x) => x.value)), ["baseline", "RTO 45 m"]);
  await menu.getByRole("button", { name: "Delete variant “baseline”" }).click();
  await page.waitForFunction(() => document.querySelectorAll(".variant-row").length === 1);
  await page.locator(".canvas").click({ position: { x: 5, y: 5 } });
  await page.keyboard.press("Control+z");
  await page.waitForFunction(() => document.querySelectorAll(".variant-row").length === 2);

  // Escape closes the panel and gives the focus back to its button.
  await open();
  await page.keyboard.press("Escape");
  assert.equal(await menu.locator(".variants-button").getAttribute("aria-expanded"), "false");
  assert.ok(await page.evaluate(() => document.activeElement?.classList.contains("variants-button")), "focus back on the button");

  // The variants survive a reload (the autosave).
  await settle(page);
  await page.reload();
  await page.locator(".keel-app").waitFor();
  await menu.locator(".variants-button").click();
  assert.deepEqual(await menu.locator(".variant-name").evaluateAll((i) => i.map((x) => x.value)), ["baseline", "RTO 45 m"]);
  assert.deepEqual(page.problems, []);
  await page.close();
});
