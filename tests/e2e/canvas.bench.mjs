// Canvas figures for scripts/bench, measured in the page in headless chromium against the
// release build served on loopback (KEEL_URL). Not a test: node --test does not pick it up.
//
//   drag   a card of a 200-stage platform (#bench=200) is dragged with the mouse in 120 moves;
//          for each move the page records the main-thread time from the pointermove to the
//          DOM updated and laid out (a MessageChannel task after the event forces layout), and
//          the intervals between animation frames meanwhile.
//   ready  navigation → the `keel-interactive` mark (the fitted canvas rendered with its
//          handlers), 200 stages, fresh browser context (cold cache), median of 5.
//   edit   a stage's volume is typed into the properties panel of a 200-stage platform (30 times,
//          alternating two sizes); for each, the main-thread time from the field's `change` event
//          to the results showing the new monthly total, laid out, and the task after it run (so
//          whatever the re-plan and its re-render queued in the same task is counted).
//   memory the wasm memory once 1,000 stages (#bench=1000) are loaded and drawn.
//
// Prints one `name value unit` line per figure, then the details.
import { appUrl, launch } from "./browser.mjs";

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : NaN;
};
const median = (xs) => quantile(xs, 0.5);
const f = (x) => x.toFixed(1);

const browser = await launch();

async function openAt(fragment) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  // Keep the wasm exports (their `memory`), which Trunk hands to this event, and say when the
  // mark is set. Waiting through the console, not `waitForFunction`: Playwright's injected
  // script and polling would run on the page's main thread while it starts (13–44 ms measured).
  await page.addInitScript(() => {
    addEventListener("TrunkApplicationStarted", (e) => (globalThis.__keelWasm = e.detail.wasm));
    new PerformanceObserver((list) => {
      if (list.getEntriesByName("keel-interactive").length) console.debug("keel-interactive");
    }).observe({ type: "mark", buffered: true });
  });
  const problems = [];
  page.on("pageerror", (e) => problems.push(e.message));
  page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
  const interactive = page.waitForEvent("console", { predicate: (m) => m.text() === "keel-interactive", timeout: 30000 });
  await page.goto(appUrl() + fragment);
  await interactive;
  return { context, page, problems };
}

// --- ready: navigation → interactive canvas, 200 stages -------------------------------------
const ready = [];
for (let i = 0; i < 5; i++) {
  const { context, page, problems } = await openAt("#bench=200");
  const cards = await page.locator(".stage-card").count();
  if (cards !== 200) throw new Error(`expected 200 cards, found ${cards}`);
  if (problems.length) throw new Error(`errors on the page: ${problems.join("; ")}`);
  ready.push(await page.evaluate(() => performance.getEntriesByName("keel-interactive")[0].startTime));
  await context.close();
}

// --- drag: frame time while dragging a card among 200 ----------------------------------------
const { context, page } = await openAt("#bench=200");
const card = page.locator('.stage-card[data-stage="s97"]');
const box = await card.boundingBox();
await page.evaluate(() => {
  const card = document.querySelector('.stage-card[data-stage="s97"]');
  const state = (globalThis.__bench = { work: [], frames: [], running: true });
  addEventListener(
    "pointermove",
    () => {
      const t0 = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        card.getBoundingClientRect(); // style and layout of what the move changed
        state.work.push(performance.now() - t0);
      };
      channel.port2.postMessage(0);
    },
    { capture: true },
  );
  let last;
  const tick = (t) => {
    if (last !== undefined) state.frames.push(t - last);
    last = t;
    if (state.running) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
});
const start = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
await page.mouse.move(start.x, start.y);
await page.mouse.down();
for (let i = 1; i <= 120; i++) {
  await page.mouse.move(start.x + i * 2, start.y + Math.sin(i / 10) * 40);
}
await page.mouse.up();
await page.waitForTimeout(100);
const drag = await page.evaluate(() => {
  globalThis.__bench.running = false;
  return globalThis.__bench;
});
const moved = await card.boundingBox();
if (Math.abs(moved.x - box.x) < 20) throw new Error("the card did not follow the drag");
await context.close();

// --- edit: properties panel → updated results, 200 stages ------------------------------------
const EDITS = 30;
const edit = await openAt("#bench=200");
// s93 is a raw zone (adls_gen2): its volume moves the monthly total on every edit.
await edit.page.locator('.stage-card[data-stage="s93"]').click();
const volume = edit.page.locator("#f-s93-volume");
await volume.waitFor();
await edit.page.evaluate(() => {
  const state = (globalThis.__edit = { times: [], t0: null, before: null });
  const monthly = () => document.querySelector('[data-total="monthly"]')?.textContent;
  addEventListener(
    "change",
    () => {
      state.t0 = performance.now();
      state.before = monthly();
    },
    { capture: true },
  );
  new MutationObserver(() => {
    if (state.t0 === null || monthly() === state.before) return;
    const t0 = state.t0;
    state.t0 = null;
    document.querySelector(".totals").getBoundingClientRect(); // style and layout of the new results
    const channel = new MessageChannel();
    channel.port1.onmessage = () => state.times.push(performance.now() - t0);
    channel.port2.postMessage(0);
  }).observe(document.body, { subtree: true, childList: true, characterData: true });
});
for (let i = 0; i < EDITS; i++) {
  await volume.fill(i % 2 ? "12 TB" : "14 TB");
  await volume.press("Enter");
  await edit.page.waitForFunction((n) => globalThis.__edit.times.length >= n, i + 1, { timeout: 10000 });
}
const edits = await edit.page.evaluate(() => globalThis.__edit.times);
if (edit.problems.length) throw new Error(`errors on the page: ${edit.problems.join("; ")}`);
await edit.context.close();

// --- memory: 1,000 stages ----------------------------------------------------------------------
const big = await openAt("#bench=1000");
const thousand = await big.page.locator(".stage-card").count();
if (thousand !== 1000) throw new Error(`expected 1000 cards, found ${thousand}`);
const bytes = await big.page.evaluate(() => globalThis.__keelWasm.memory.buffer.byteLength);
await big.context.close();
await browser.close();

console.log(`drag_p95_ms ${f(quantile(drag.work, 0.95))} ms`);
console.log(`ready_ms ${f(median(ready))} ms`);
console.log(`memory_mb ${f(bytes / 1048576)} MB`);
console.log(`edit_p50_ms ${f(median(edits))} ms`);
console.log(`edit_p95_ms ${f(quantile(edits, 0.95))} ms`);
console.log(
  `# drag: ${drag.work.length} moves, work per move p50 ${f(median(drag.work))} / p95 ${f(quantile(drag.work, 0.95))} / max ${f(Math.max(...drag.work))} ms; ` +
    `animation frame interval p50 ${f(median(drag.frames))} / p95 ${f(quantile(drag.frames, 0.95))} ms`,
);
console.log(`# ready: ${ready.map(f).join(", ")} ms (median of ${ready.length}, cold cache)`);
console.log(`# edit: ${edits.length} volume edits in the properties panel → new monthly total shown, max ${f(Math.max(...edits))} ms`);
console.log(`# memory: ${bytes} bytes of wasm memory with 1,000 stages drawn`);
