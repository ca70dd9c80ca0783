// The app shell in a real browser: it loads, starts, shows header, palette, canvas and
// results, logs no errors, and reports a failed start instead of spinning forever.
import { test } from "node:test";
import assert from "node:assert/strict";
import { appUrl, useBrowser, openPage, seriousA11yViolations } from "./browser.mjs";

const browser = useBrowser();

test("the page loads, the loading indicator goes and no errors are logged", async () => {
  const page = await openPage(browser());
  const response = await page.goto(appUrl());
  assert.equal(response?.status(), 200);
  assert.match(await response.text(), /id="keel-loading"/, "the page starts with a loading indicator");
  assert.match(await page.title(), /Keel/);
  await page.locator(".keel-app").waitFor({ state: "visible", timeout: 15000 });
  await page.locator("#keel-loading").waitFor({ state: "detached", timeout: 5000 });
  assert.equal(await page.locator("#keel-panic").count(), 0, "no panic banner");
  assert.deepEqual(page.problems, []);
  await page.close();
});

test("the shell shows header, palette, canvas and properties side by side, the results under them", async () => {
  const page = await openPage(browser());
  await page.goto(appUrl());
  const header = page.locator("header.keel-header");
  await header.waitFor({ state: "visible", timeout: 15000 });
  assert.match(await header.locator(".keel-brand").innerText(), /Keel/);
  assert.equal(await page.getByLabel("Scenario name").inputValue(), "Untitled platform");

  const palette = page.getByRole("navigation", { name: "Stage palette" });
  const canvas = page.getByRole("main", { name: "Canvas" });
  const results = page.getByRole("complementary", { name: "Results" });
  const properties = page.getByRole("region", { name: "Scenario" });
  const side = page.locator(".side");
  const [p, c, s] = [await palette.boundingBox(), await canvas.boundingBox(), await side.boundingBox()];
  const [props, r] = [await properties.boundingBox(), await results.boundingBox()];
  assert.ok(p && c && s && props && r, "all panes are laid out");
  assert.ok(p.x + p.width <= c.x + 1 && c.x + c.width <= s.x + 1, "palette | canvas | properties, left to right");
  assert.ok(props.y >= s.y - 1 && props.x >= s.x - 1, "the properties panel is in the right-hand column");
  assert.ok(r.y >= c.y + c.height - 1 && r.width >= 1270, "the results run under the panes, the whole width");
  assert.ok(c.width >= 600 && c.height >= 300, `the canvas gets most of a 1280×720 screen (got ${c.width}×${c.height})`);
  for (const box of [p, c, s, r]) assert.ok(box.y + box.height <= 721, "everything fits the 720 px screen");

  const groups = await palette.locator(".palette-group h3").allInnerTexts();
  assert.deepEqual(groups, ["Sources", "Ingest", "Store", "Prep & train", "Model", "Serve", "Archive"]);
  assert.equal(await palette.locator(".palette-kind").count(), 13);
  await canvas.getByText("Your data platform goes here").waitFor({ state: "visible" });
  assert.match(await results.innerText(), /over 36 months, in USD/);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test("renaming the scenario in the header keeps the new name", async () => {
  const page = await openPage(browser());
  await page.goto(appUrl());
  const name = page.getByLabel("Scenario name");
  await name.fill("Contoso analytics");
  await name.press("Enter");
  await name.blur();
  assert.equal(await name.inputValue(), "Contoso analytics");
  await name.fill("   ");
  await name.blur();
  assert.equal(await name.inputValue(), "Contoso analytics", "a blank name is refused");
  assert.deepEqual(page.problems, []);
  await page.close();
});

test("the shell has no serious accessibility violations (axe-core)", async () => {
  const page = await openPage(browser());
  await page.goto(appUrl());
  await page.locator(".keel-app").waitFor({ state: "visible", timeout: 15000 });
  const violations = await seriousA11yViolations(page);
  assert.deepEqual(violations, []);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test("a wasm that cannot load is reported instead of an endless spinner", async () => {
  const page = await openPage(browser());
  await page.route(/\.wasm$/, (route) => route.abort());
  await page.goto(appUrl());
  const loading = page.locator("#keel-loading");
  await page.getByRole("alert").filter({ hasText: "Keel could not start" }).waitFor({ timeout: 15000 });
  assert.match(await loading.innerText(), /Reload the page/);
  assert.equal(await page.locator(".keel-app").count(), 0);
  await page.close();
});
