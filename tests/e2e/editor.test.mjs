// The canvas editor in a real browser, driven like a user: stages dragged from the palette,
// connected by dragging between handles, an RTO edited in the properties panel, undo, redo and
// delete with the keyboard; the page and the plan are checked after every step. Screenshots go
// to tests/e2e/out/ (not committed) for a person to look at.
import { test } from "node:test";
import assert from "node:assert/strict";
import { appUrl, out, useBrowser, openPage, recordProblems, seriousA11yViolations } from "./browser.mjs";

const browser = useBrowser();

async function open() {
  const page = await openPage(browser());
  await page.goto(appUrl());
  await page.locator(".keel-app").waitFor({ state: "visible", timeout: 15000 });
  return page;
}

/** Drags with the mouse from one point to another in small steps, as a hand does. */
async function drag(page, from, to, steps = 12) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps });
  await page.mouse.up();
}

async function centre(locator) {
  const b = await locator.boundingBox();
  assert.ok(b, "the element is laid out");
  return { x: b.x + b.width / 2, y: b.y + b.height / 2, box: b };
}

/** Drags a palette kind onto the canvas at (x, y) in page coordinates. */
async function dragFromPalette(page, kind, to) {
  const item = await centre(page.locator(`.palette-kind[data-kind="${kind}"]`));
  await drag(page, { x: item.box.x + 24, y: item.y }, to);
}

const card = (page, id) => page.locator(`.stage-card[data-stage="${id}"]`);
const status = (page) => page.locator(".canvas-status").innerText();
// Flows drawn: the flows of one look share a path, one curve (`M…`) each, and their heads
// another, one triangle (`…z`) each: both counts must agree.
const flowsDrawn = (page) =>
  page.evaluate(() => {
    const count = (selector, mark) =>
      [...document.querySelectorAll(selector)].reduce((n, p) => n + (p.getAttribute("d").match(mark) || []).length, 0);
    const curves = count("path.flow:not(.preview)", /M/g);
    const heads = count("path.flow-head", /z/g);
    if (curves !== heads) throw new Error(`${curves} flow curves but ${heads} arrow heads`);
    return curves;
  });
const notice = (page) => page.locator(".canvas-notice").innerText();
const verdict = (page) => page.locator('[data-total="meeting"]').innerText();

/** The screen position of a card's output handle (right edge, middle). */
async function outputHandle(page, id) {
  const b = await card(page, id).boundingBox();
  return { x: b.x + b.width - 1, y: b.y + b.height / 2 };
}

/** The screen position of a card's input handle (left edge, middle). */
async function inputHandle(page, id) {
  const b = await card(page, id).boundingBox();
  return { x: b.x + 2, y: b.y + b.height / 2 };
}

test("drag two stages in, connect them, edit an RTO, undo, redo and delete", async () => {
  const page = await open();
  const surface = await centre(page.locator("#keel-canvas-surface"));
  const s = surface.box;

  // 1. Two stages dragged from the palette land where they are dropped, centred, on the grid.
  const dropRaw = { x: s.x + 180, y: s.y + 220 };
  await dragFromPalette(page, "raw", dropRaw);
  await card(page, "raw").waitFor();
  const raw = await centre(card(page, "raw"));
  assert.ok(Math.abs(raw.x - dropRaw.x) <= 12 && Math.abs(raw.y - dropRaw.y) <= 12, `raw is centred on the drop (${raw.x},${raw.y})`);
  assert.equal(await status(page), "1 stage · 0 flows");
  assert.equal(await notice(page), "Added Raw zone");
  assert.equal(await verdict(page), "1 of 1");
  assert.match(await page.locator(".properties h2").innerText(), /Stage: Raw zone/, "the new stage is selected");

  const dropCurated = { x: s.x + 480, y: s.y + 300 };
  await dragFromPalette(page, "curated", dropCurated);
  await card(page, "curated").waitFor();
  assert.equal(await status(page), "2 stages · 0 flows");
  assert.equal(await verdict(page), "2 of 2");
  for (const id of ["raw", "curated"]) {
    assert.match(await card(page, id).getAttribute("class"), /\bstatus-(meets|warning)\b/, `${id} is planned and meets its targets`);
  }
  await page.screenshot({ path: `${out}1-two-stages.png` });

  // 2. Connect: drag from raw's output handle to curated's input handle, with a live preview.
  const from = await outputHandle(page, "raw");
  const to = await inputHandle(page, "curated");
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x + 10, to.y + 4, { steps: 10 });
  assert.equal(await page.locator(".flow.preview").count(), 1, "a preview follows the pointer");
  assert.match(await card(page, "curated").getAttribute("class"), /drop-ok/, "the target shows it accepts");
  await page.mouse.up();
  assert.equal(await page.locator(".flow.preview").count(), 0);
  assert.equal(await flowsDrawn(page), 1, "one arrow");
  assert.equal(await status(page), "2 stages · 1 flow");
  assert.equal(await notice(page), "Connected Raw zone → Curated zone");
  assert.match(await card(page, "raw").getAttribute("aria-label"), /Feeds Curated zone\./);
  await page.screenshot({ path: `${out}2-connected.png` });

  // 3. Edit curated's corruption RTO to something no option can meet: the card turns red.
  await card(page, "curated").click();
  assert.match(await page.locator(".properties h2").innerText(), /Stage: Curated zone/);
  const rto = page.getByLabel("Corruption RTO");
  assert.equal(await rto.inputValue(), "1d", "inherited from the scenario");
  await rto.fill("1m");
  await rto.press("Enter");
  await page.locator('.stage-card[data-stage="curated"].status-violates').waitFor({ timeout: 5000 });
  assert.match(await card(page, "curated").locator(".badge.missed").innerText(), /RTO 1m ✕/);
  assert.equal(await verdict(page), "1 of 2");
  assert.equal(await rto.inputValue(), "1m");
  // A value that is not a duration is refused with the reason beside the field.
  await rto.fill("soon");
  await rto.press("Enter");
  assert.match(await page.locator(".field-error").innerText(), /"soon" is not a duration/);
  assert.equal(await rto.getAttribute("aria-invalid"), "true");
  assert.match(await card(page, "curated").getAttribute("class"), /\bstatus-violates\b/, "the plan keeps the last good value");
  await page.screenshot({ path: `${out}3-rto-edited.png` });

  // 4. Undo with the keyboard, away from the field: the RTO and the plan come back.
  await page.locator("#keel-canvas-surface").click({ position: { x: 40, y: s.height - 60 } });
  await page.keyboard.press("Control+z");
  assert.equal(await notice(page), "Undid: set RTO (corruption) of Curated zone to 1m");
  assert.match(await card(page, "curated").getAttribute("class"), /\bstatus-(meets|warning)\b/);
  assert.match(await card(page, "curated").locator(".badge").nth(1).innerText(), /RTO 1d ✓/);
  assert.equal(await verdict(page), "2 of 2");

  // 5. Redo: Ctrl+Shift+Z, then undo and Ctrl+Y again.
  await page.keyboard.press("Control+Shift+z");
  assert.match(await card(page, "curated").getAttribute("class"), /\bstatus-violates\b/);
  assert.equal(await verdict(page), "1 of 2");
  await page.keyboard.press("Control+z");
  await page.keyboard.press("Control+y");
  assert.match(await card(page, "curated").getAttribute("class"), /\bstatus-violates\b/);
  assert.equal(await notice(page), "Redid: set RTO (corruption) of Curated zone to 1m");

  // 6. Delete raw: its flow goes with it, and the plan has one stage left.
  await card(page, "raw").click();
  await page.keyboard.press("Delete");
  assert.equal(await card(page, "raw").count(), 0);
  assert.equal(await flowsDrawn(page), 0);
  assert.equal(await status(page), "1 stage · 0 flows");
  assert.equal(await notice(page), "Deleted Raw zone and 1 flow");
  assert.equal(await verdict(page), "0 of 1");
  await page.screenshot({ path: `${out}4-deleted.png` });

  // Undo brings raw and its flow back.
  await page.keyboard.press("Control+z");
  assert.equal(await status(page), "2 stages · 1 flow");
  assert.deepEqual(page.problems, []);
  await page.close();
});

test("a flow that would close a loop is refused with the reason", async () => {
  const page = await open();
  const s = (await page.locator("#keel-canvas-surface").boundingBox());
  await dragFromPalette(page, "raw", { x: s.x + 160, y: s.y + 200 });
  await dragFromPalette(page, "enriched", { x: s.x + 460, y: s.y + 200 });
  await drag(page, await outputHandle(page, "raw"), await inputHandle(page, "enriched"));
  assert.equal(await flowsDrawn(page), 1);

  // Back from enriched to raw: the preview turns red and says why before the release.
  const from = await outputHandle(page, "enriched");
  const to = await inputHandle(page, "raw");
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x + 6, to.y, { steps: 10 });
  assert.match(await page.locator(".connect-hint").innerText(), /would close a loop/);
  assert.equal(await page.locator(".flow.preview.refused").count(), 1);
  await page.mouse.up();
  assert.equal(await flowsDrawn(page), 1, "no flow added");
  assert.match(await notice(page), /^Not connected: Enriched zone → Raw zone would close a loop/);
  await page.screenshot({ path: `${out}5-refused.png` });

  // Onto itself, too.
  await drag(page, await outputHandle(page, "raw"), await centre(card(page, "raw")));
  assert.match(await notice(page), /Raw zone cannot feed itself/);

  // A click on the arrow selects it; Delete removes the flow and no stage.
  const a = await outputHandle(page, "raw");
  const b = await inputHandle(page, "enriched");
  await page.mouse.click((a.x + b.x) / 2, (a.y + b.y) / 2);
  assert.equal(await page.locator("path.flow.selected").count(), 1);
  await page.keyboard.press("Delete");
  assert.equal(await flowsDrawn(page), 0);
  assert.equal(await page.locator(".stage-card").count(), 2);
  assert.equal(await notice(page), "Removed the flow Raw zone → Enriched zone");
  // The panel removes flows from the keyboard too.
  await page.keyboard.press("Control+z");
  await card(page, "enriched").click();
  await page.getByRole("button", { name: "Remove the flow Raw zone → Enriched zone" }).click();
  assert.equal(await flowsDrawn(page), 0);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test("the keyboard alone adds, selects, moves and deletes stages", async () => {
  const page = await open();
  await page.locator('.palette-kind[data-kind="report"]').focus();
  await page.keyboard.press("Enter");
  await card(page, "report").waitFor();
  const before = await card(page, "report").boundingBox();
  const surface = await page.locator("#keel-canvas-surface").boundingBox();
  const mid = { x: before.x + before.width / 2, y: before.y + before.height / 2 };
  assert.ok(Math.abs(mid.x - (surface.x + surface.width / 2)) <= 12, "added in the middle of the view");

  // Tab to the card; it is a focusable group with a label.
  await card(page, "report").focus();
  assert.equal(await card(page, "report").getAttribute("role"), "group");
  await page.keyboard.press("Escape"); // clear the selection
  assert.match(await page.locator(".properties h2").innerText(), /^Scenario$/);
  await page.keyboard.press("Enter");
  assert.match(await page.locator(".properties h2").innerText(), /Stage: Reports/);
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Shift+ArrowDown");
  const after = await card(page, "report").boundingBox();
  assert.equal(Math.round(after.x - before.x), 20, "one grid step right");
  assert.equal(Math.round(after.y - before.y), 100, "five grid steps down");
  assert.match(await notice(page), /^Moved Reports to /, "the move is announced");
  assert.equal(await page.locator('[role="status"].canvas-notice').count(), 1, "in a live region");

  // Shortcuts stay out of text fields: Backspace in the label edits the text.
  const label = page.getByLabel("Label");
  await label.focus();
  await page.keyboard.press("End");
  await page.keyboard.press("Backspace");
  assert.equal(await label.inputValue(), "Report");
  assert.equal(await card(page, "report").count(), 1, "Backspace in a field deletes no stage");

  // ? opens the shortcuts, Esc closes them; Ctrl+A and Delete empty the canvas.
  await card(page, "report").focus();
  await page.keyboard.press("?");
  await page.getByRole("dialog", { name: "Keyboard and mouse" }).waitFor();
  await page.keyboard.press("Escape");
  assert.equal(await page.getByRole("dialog").count(), 0);
  await page.keyboard.press("Control+a");
  await page.keyboard.press("Delete");
  assert.equal(await status(page), "0 stages · 0 flows");
  assert.deepEqual(page.problems, []);
  await page.close();
});

test("selecting and moving a card from the keyboard keeps the focus on it and the Tab order", async () => {
  const page = await open();
  await page.getByLabel("Start from a template").selectOption("lusty");
  const order = () => page.locator(".stage-card").evaluateAll((cards) => cards.map((c) => c.dataset.stage));
  const ids = await order();
  const focused = () => page.evaluate(() => document.activeElement?.dataset?.stage ?? document.activeElement?.tagName);
  const id = ids[2];
  await card(page, id).focus();
  await page.keyboard.press("Enter");
  assert.equal(await card(page, id).getAttribute("class").then((c) => c.includes("selected")), true, "selected");
  assert.equal(await focused(), id, "still focused once selected (and drawn on top)");
  await page.keyboard.press("ArrowRight");
  assert.match(await notice(page), /^Moved /);
  assert.equal(await focused(), id, "still focused once moved");
  assert.deepEqual(await order(), ids, "the cards keep the scenario's order");
  await page.keyboard.press("Tab");
  assert.equal(await focused(), ids[3], "Tab goes on to the next stage");
  // The selected card is painted over the others.
  assert.equal(await card(page, id).evaluate((c) => getComputedStyle(c).zIndex), "1");
  assert.deepEqual(page.problems, []);
  await page.close();
});

test("the keyboard alone connects two stages, and a loop is refused with the reason", async () => {
  const page = await open();
  for (const kind of ["raw", "curated"]) {
    await page.locator(`.palette-kind[data-kind="${kind}"]`).focus();
    await page.keyboard.press("Enter");
    await card(page, kind).waitFor();
  }
  // Select the raw zone from the keyboard, then add a flow from its properties.
  await card(page, "raw").focus();
  await page.keyboard.press("Enter");
  await page.getByLabel("Add a flow from Raw zone to").selectOption("curated");
  assert.equal(await status(page), "2 stages · 1 flow");
  assert.match(await page.locator(".props-flows").innerText(), /Feeds Curated zone/);
  // From the curated zone back to raw would close a loop: refused, with the reason.
  await card(page, "curated").focus();
  await page.keyboard.press("Enter");
  await page.getByLabel("Add a flow from Curated zone to").selectOption("raw");
  assert.equal(await status(page), "2 stages · 1 flow");
  assert.match(await notice(page), /loop|cycle/i);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test("pan, zoom at the pointer, fit, box selection and templates", async () => {
  const page = await open();
  await page.getByLabel("Start from a template").selectOption("lusty");
  assert.equal(await status(page), "14 stages · 14 flows");
  assert.match(await verdict(page), /^\d+ of 14$/);
  const zoomLabel = page.locator(".zoom-level");
  const fitted = await zoomLabel.innerText();
  assert.notEqual(fitted, "100 %", "a wide platform is fitted on open");

  // Ctrl+wheel zooms in around the pointer: the card under it stays under it.
  const target = await centre(card(page, "raw"));
  await page.mouse.move(target.x, target.y);
  await page.keyboard.down("Control");
  await page.mouse.wheel(0, -100);
  await page.keyboard.up("Control");
  const zoomed = await centre(card(page, "raw"));
  assert.notEqual(await zoomLabel.innerText(), fitted);
  assert.ok(Math.abs(zoomed.x - target.x) < 2 && Math.abs(zoomed.y - target.y) < 2, `anchored at the pointer: ${JSON.stringify([target.x, target.y, zoomed.x, zoomed.y, fitted, await zoomLabel.innerText()])}`);

  // Dragging the background pans.
  const s = await page.locator("#keel-canvas-surface").boundingBox();
  const empty = { x: s.x + 30, y: s.y + s.height - 30 };
  const beforePan = await centre(card(page, "raw"));
  await drag(page, empty, { x: empty.x + 60, y: empty.y - 40 }, 6);
  const afterPan = await centre(card(page, "raw"));
  assert.ok(Math.abs(afterPan.x - beforePan.x - 60) < 2 && Math.abs(afterPan.y - beforePan.y + 40) < 2, "the world follows");

  // Fit view (button), then Shift+drag a box around two cards.
  await page.getByRole("button", { name: "Fit view" }).click();
  assert.equal(await zoomLabel.innerText(), fitted);
  const a = await card(page, "erp").boundingBox();
  const b = await card(page, "crm").boundingBox();
  await page.keyboard.down("Shift");
  await drag(page, { x: Math.min(a.x, b.x) - 6, y: Math.min(a.y, b.y) - 6 }, { x: Math.max(a.x + a.width, b.x + b.width) + 6, y: Math.max(a.y + a.height, b.y + b.height) + 6 }, 8);
  await page.keyboard.up("Shift");
  assert.equal(await page.locator(".stage-card.selected").count(), 2);
  assert.equal(await page.locator(".properties h2").innerText(), "2 stages selected");
  await page.screenshot({ path: `${out}6-template.png` });

  // The empty template, then undo back to the reference platform.
  await page.getByLabel("Start from a template").selectOption("empty");
  assert.equal(await status(page), "0 stages · 0 flows");
  await page.getByRole("button", { name: "Undo" }).click();
  assert.equal(await status(page), "14 stages · 14 flows");
  assert.deepEqual(page.problems, []);
  await page.close();
});

test("the editor with stages has no serious accessibility violations (axe-core)", async () => {
  const page = await open();
  await page.getByLabel("Start from a template").selectOption("operations");
  await card(page, "erp").click();
  await page.locator('.stage-card[data-stage="erp"].selected').waitFor();
  const violations = await seriousA11yViolations(page);
  assert.deepEqual(violations, []);
  // And with the shortcuts dialog open.
  await page.keyboard.press("?");
  await page.getByRole("dialog").waitFor({ state: "visible" });
  assert.deepEqual(await seriousA11yViolations(page), []);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test("a large platform opens fitted with compact cards, full cards once zoomed in", async () => {
  const page = await openPage(browser());
  await page.goto(`${appUrl()}#bench=200`);
  await page.locator(".stage-card").first().waitFor({ state: "visible", timeout: 15000 });
  assert.equal(await page.locator(".stage-card").count(), 200);
  // Fitted, 200 stages are far below the zoom at which badges can be read: label and status only.
  assert.equal(await page.locator(".stage-card.compact").count(), 200, "every card compact");
  assert.equal(await page.locator(".stage-card .badge").count(), 0);
  const label = await page.locator(".stage-card").first().getAttribute("aria-label");
  assert.match(label, /RPO .+, RTO .+\./, "the aria-label still says the targets");
  // Compact cards show their connection handles only where they are wanted: here, on the
  // selected card (clicked) and not on the others.
  const handles = (id) =>
    page.evaluate((id) => {
      const card = document.querySelector(`.stage-card[data-stage="${id}"]`);
      return ["::before", "::after"].map((p) => getComputedStyle(card, p).content);
    }, id);
  assert.deepEqual(await handles("s97"), ["none", "none"], "no handles on a compact card at rest");
  await page.locator('.stage-card[data-stage="s97"]').click();
  await page.mouse.move(0, 0);
  assert.deepEqual(await handles("s97"), ['""', '""'], "handles on the selected compact card");
  assert.deepEqual(await handles("s98"), ["none", "none"]);
  await page.screenshot({ path: `${out}editor-compact.png` });
  // The view is fitted on start: fitting it again changes nothing.
  const world = () => page.locator(".canvas-world").getAttribute("style");
  const opened = await world();
  await page.getByRole("button", { name: "Fit view" }).click();
  assert.equal(await world(), opened, "opened fitted");
  // The stages table fills in behind the canvas, a batch at a time, up to every stage.
  await page.waitForFunction(() => document.querySelectorAll(".stages-table tbody tr").length === 200);
  // The table scrolls in its drawer; the page itself never scrolls (visually hidden words in
  // 200 rows once made it 12,000 px tall).
  assert.deepEqual(await page.evaluate(() => [document.documentElement.scrollHeight, innerHeight]), [720, 720]);
  // Zoomed in far enough to read, the cards show kind, service and badges again.
  for (let i = 0; i < 12 && (await page.locator(".stage-card.compact").count()) > 0; i++) {
    await page.getByRole("button", { name: "Zoom in" }).click();
  }
  assert.equal(await page.locator(".stage-card.compact").count(), 0, "no compact card once zoomed in");
  assert.equal(await page.locator(".stage-card .badge").count(), 400, "RPO and RTO badges on every card");
  await page.screenshot({ path: `${out}editor-zoomed-in.png` });
  assert.deepEqual(page.problems, []);
  await page.close();
});

test("the first fit is right even where the page's layout is not the one the estimate expects", async () => {
  // The canvas is fitted to a size worked out from the window before the page is laid out (so
  // the first render draws the cards); here a wider palette makes that estimate wrong, and the
  // canvas's own measure must fit the platform again.
  const context = await browser().newContext({ viewport: { width: 1280, height: 720 }, bypassCSP: true });
  const page = recordProblems(await context.newPage());
  await page.addInitScript(() => {
    document.addEventListener("DOMContentLoaded", () => {
      const style = document.createElement("style");
      style.textContent = ":root { --palette-w: 400px; }";
      document.head.append(style);
    });
  });
  await page.goto(`${appUrl()}#bench=12`);
  await page.locator(".stage-card").first().waitFor({ state: "visible", timeout: 15000 });
  // The canvas's own measure has reached the editor once the minimap's frame of the view has the
  // canvas's proportions (the estimate's are wider).
  await page.waitForFunction(() => {
    const canvas = document.querySelector("#keel-canvas-surface").getBoundingClientRect();
    const frame = document.querySelector(".minimap-view");
    const ratio = frame && Number(frame.getAttribute("width")) / Number(frame.getAttribute("height"));
    return Boolean(ratio) && Math.abs(ratio / (canvas.width / canvas.height) - 1) < 0.01;
  });
  assert.equal(Math.round((await page.locator("#keel-canvas-surface").boundingBox()).width), 560, "the palette is wider");
  const world = () => page.locator(".canvas-world").getAttribute("style");
  const opened = await world();
  await page.getByRole("button", { name: "Fit view" }).click();
  assert.equal(await world(), opened, "fitted to the measured canvas, not to the estimate");
  // Every card is in view.
  const surface = await page.locator("#keel-canvas-surface").boundingBox();
  for (const box of await page.locator(".stage-card").evaluateAll((cards) => cards.map((c) => c.getBoundingClientRect().toJSON()))) {
    assert.ok(box.left >= surface.x - 1 && box.right <= surface.x + surface.width + 1, `card in view: ${JSON.stringify(box)}`);
  }
  assert.deepEqual(page.problems, []);
  await context.close();
});

test("the minimap never covers the canvas toolbar: it is left out of a canvas too short for both", async () => {
  // Both sit at the canvas's right edge. At 1280×720 the canvas has room for both; at 1280×420
  // the results drawer leaves it ≈ 140 px, where the minimap would lie over the toolbar.
  for (const [height, shown] of [[720, true], [420, false]]) {
    const context = await browser().newContext({ viewport: { width: 1280, height } });
    const page = recordProblems(await context.newPage());
    await page.goto(`${appUrl()}#bench=12`);
    await page.locator(".stage-card").first().waitFor({ state: "visible", timeout: 15000 });
    const fit = page.getByRole("button", { name: "Fit view" });
    const toolbar = await page.locator(".toolbar").boundingBox();
    const minimaps = await page.locator(".minimap").count();
    assert.equal(minimaps === 1, shown, `minimap at ${height} px high`);
    if (shown) {
      const minimap = await page.locator(".minimap").boundingBox();
      assert.ok(minimap.y >= toolbar.y + toolbar.height, `the minimap is under the toolbar: ${JSON.stringify({ toolbar, minimap })}`);
    }
    // What is under the middle of the fit button is the button.
    const covered = await fit.evaluate((button) => {
      const r = button.getBoundingClientRect();
      const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return !button.contains(top);
    });
    assert.equal(covered, false, `the fit button is not covered at ${height} px high`);
    await fit.click();
    assert.deepEqual(page.problems, []);
    await context.close();
  }
});
