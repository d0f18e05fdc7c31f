// `npm run test:browser`, part 2: the demo page's live view at scale, in a real Chromium (Debian's
// /usr/bin/chromium, driven by playwright-core). It runs the example waitgraph50.wasm
// (guests/as/programs/waitgraph50.ts): 50 threads blocked for good on 50 objects, two of them
// deadlocked on the mutexes lock-A and lock-B. Once the picture is complete (it never changes after
// that: nothing in the guest can move again), it checks, from the DOM:
//   - a box for each of the 50 threads and the 50 objects, and no two boxes overlapping;
//   - every box's text inside its box;
//   - the deadlock's two threads, two mutexes and four edges drawn as a cycle, and listed;
//   - the unnamed event labelled by its two handle values, and the handle table's access masks by name
//     (EVENT_ALL_ACCESS, EVENT_MODIFY_STATE|SYNCHRONIZE, MUTANT_ALL_ACCESS, THREAD_ALL_ACCESS);
//   - that a picture which did not change is not laid out again (the layout cache), and the zoom buttons.
// Then Kill ends the program. Saves test/browser/liveview.png (the graph). Exits non-zero on any failure.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { check, demoState, failures, openDemoPage, startServer } from "./common.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const SCREENSHOT = join(here, "liveview.png");
const TOTAL_TIMEOUT_MS = 120_000;

async function main() {
  const { child: server, url } = await startServer();
  console.log(`ntwasm serve: ${url}`);
  let opened;
  try {
    opened = await openDemoPage(url);
    const { page, pageErrors } = opened;

    console.log("50 threads, 50 objects, a deadlock:");
    await page.selectOption("#example", "waitgraph50.wasm");
    await page.fill("#args", "");
    await page.click("#run");
    // The guest prints its three lines once every thread said it is about to wait.
    await page.waitForFunction(() => window.ntwasmDemo.output.includes("Kill ends the program"), null, { timeout: 60_000, polling: 100 });
    const out = (await demoState(page)).output;
    const dl = /deadlock: thread (\d+) holds lock-A and waits for lock-B; thread (\d+) holds lock-B/.exec(out);
    const ev = /unnamed event: handles (0x[0-9a-f]+) and (0x[0-9a-f]+)/.exec(out);
    const mainTid = /main \(thread (\d+)\)/.exec(out)?.[1];
    check(!!dl && !!ev && !!mainTid, "the guest said who deadlocks and which handles reach the unnamed event", out);
    if (!dl || !ev || !mainTid) return;
    const [, tidA, tidB] = dl, [, h1, h2] = ev;

    // The final picture: every thread waits, so the graph has all 50 (they start one after another, and
    // each says it is there just before its wait: the page shows them once they are all in it).
    const complete = await page.waitForFunction(() => document.querySelectorAll("#graph .thread-node").length === 50 &&
      document.querySelectorAll("#graph .object-node").length === 50 && document.querySelectorAll("#graph .cycle-thread").length === 2 &&
      document.querySelectorAll("#threads tbody tr.waiting").length === 50,
    null, { timeout: 60_000, polling: 100 }).then(() => true, () => false);
    const counts = await page.evaluate(() => ({
      threads: document.querySelectorAll("#graph .thread-node").length, objects: document.querySelectorAll("#graph .object-node").length,
      cycle: document.querySelectorAll("#graph .cycle-thread").length, waiting: document.querySelectorAll("#threads tbody tr.waiting").length,
    }));
    check(complete, "the graph shows the 50 waiting threads and the 50 objects", JSON.stringify(counts));

    // Every box: present, apart from every other, and holding its text.
    const boxes = await page.evaluate(() => [...document.querySelectorAll("#graph .node")].map((g) => {
      const r = g.querySelector("rect").getBoundingClientRect();
      const texts = [...g.querySelectorAll("text")].map((t) => t.getBoundingClientRect());
      return {
        id: g.dataset.tid ? `thread ${g.dataset.tid}` : `object ${g.dataset.object}`, label: g.querySelector("text")?.textContent ?? "",
        x: r.left, y: r.top, w: r.width, h: r.height,
        textInside: texts.every((t) => t.left >= r.left - 0.5 && t.right <= r.right + 0.5 && t.top >= r.top - 0.5 && t.bottom <= r.bottom + 0.5),
      };
    }));
    const tids = new Set(boxes.filter((b) => b.id.startsWith("thread ")).map((b) => b.id.slice(7)));
    check([mainTid, tidA, tidB].every((t) => tids.has(t)), "the main thread and both deadlocked threads have boxes", [...tids].join(", "));
    check(boxes.every((b) => b.w > 20 && b.h > 10), "every box has a size", JSON.stringify(boxes.filter((b) => !(b.w > 20 && b.h > 10))));
    const overlaps = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i], b = boxes[j];
        if (a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5) overlaps.push(`${a.id} (${a.label}) and ${b.id} (${b.label})`);
      }
    }
    check(boxes.length === 100 && overlaps.length === 0, `no two of the ${boxes.length} boxes overlap`, overlaps.slice(0, 10).join("\n"));
    const spill = boxes.filter((b) => !b.textInside);
    check(spill.length === 0, "every box's text fits inside it", spill.map((b) => `${b.id}: ${b.label}`).join("\n"));
    const labels = boxes.map((b) => b.label);
    check(labels.includes(`thread ${mainTid} (main)`), "the main thread is labelled as such", labels.filter((l) => l.startsWith("thread")).slice(0, 5).join(", "));

    // The deadlock: thread A → lock-B → thread B → lock-A → thread A, in red; main's join edge is not part of it.
    const cycle = await page.evaluate(([a, b, m]) => ({
      threads: [...document.querySelectorAll("#graph .cycle-thread")].map((g) => g.dataset.tid).sort(),
      objects: [...document.querySelectorAll("#graph .cycle-object")].map((g) => g.querySelector("text").textContent).sort(),
      edges: [...document.querySelectorAll("#graph .cycle-edge")].map((p) => `${p.dataset.from}>${p.dataset.to}`).sort(),
      mainInCycle: !!document.querySelector(`#graph .cycle-edge[data-from="t${m}"]`),
      list: [...document.querySelectorAll("#edges li.cycle")].map((li) => li.textContent),
      a, b,
    }), [tidA, tidB, mainTid]);
    check(JSON.stringify(cycle.threads) === JSON.stringify([tidA, tidB].sort()), "the two deadlocked threads are highlighted", JSON.stringify(cycle));
    check(JSON.stringify(cycle.objects) === JSON.stringify(['Mutant "lock-A"', 'Mutant "lock-B"']), "lock-A and lock-B are highlighted", JSON.stringify(cycle.objects));
    check(cycle.edges.length === 4 && cycle.edges.filter((e) => e.startsWith(`t${tidA}>`) || e.startsWith(`t${tidB}>`)).length === 2 &&
      cycle.edges.filter((e) => e.endsWith(`>t${tidA}`) || e.endsWith(`>t${tidB}`)).length === 2 && !cycle.mainInCycle,
    "the cycle's four edges (two waits, two owners) are highlighted, and nothing else", JSON.stringify(cycle.edges));
    check(cycle.list.some((l) => l.startsWith("deadlock:") && l.includes(`thread ${tidA}`) && l.includes(`thread ${tidB}`)), "the edge list names the deadlock", cycle.list.join("\n"));

    // An unnamed object, by the handle values that reach it; access masks by name.
    check(labels.includes(`Event ${h1}, ${h2}`), `the unnamed event is labelled "Event ${h1}, ${h2}"`, labels.filter((l) => l.startsWith("Event")).slice(0, 5).join(", "));
    check(labels.some((l) => /^Mutant 0x[0-9a-f]+$/.test(l)) && labels.some((l) => /^Semaphore 0x[0-9a-f]+$/.test(l)) && labels.some((l) => /^Timer 0x[0-9a-f]+$/.test(l)),
      "unnamed mutexes, semaphores and timers are labelled by their handles", labels.join(", "));
    const access = await page.evaluate(() => Object.fromEntries([...document.querySelectorAll("#handles tbody tr")].map((tr) => {
      const td = [...tr.querySelectorAll("td")].map((c) => c.textContent);
      return [td[1], { access: td[2], object: td[3] }];
    })));
    check(access[h1]?.access.startsWith("EVENT_ALL_ACCESS"), `handle ${h1}: EVENT_ALL_ACCESS`, JSON.stringify(access[h1]));
    check(access[h2]?.access.startsWith("EVENT_MODIFY_STATE|SYNCHRONIZE"), `handle ${h2}: EVENT_MODIFY_STATE|SYNCHRONIZE`, JSON.stringify(access[h2]));
    const byObject = (re) => Object.values(access).find((a) => re.test(a.object));
    check(byObject(/^Mutant "lock-A"$/)?.access.startsWith("MUTANT_ALL_ACCESS"), "a mutex handle: MUTANT_ALL_ACCESS", JSON.stringify(byObject(/^Mutant "lock-A"$/)));
    check(byObject(/^Thread \d+$/)?.access.startsWith("THREAD_ALL_ACCESS"), "a thread handle: THREAD_ALL_ACCESS", JSON.stringify(byObject(/^Thread \d+$/)));
    check(byObject(/^Semaphore "jobs"$/)?.access.startsWith("SEMAPHORE_ALL_ACCESS"), "a semaphore handle: SEMAPHORE_ALL_ACCESS", JSON.stringify(byObject(/^Semaphore "jobs"$/)));

    // The picture does not change any more: later snapshots find every component in the layout cache.
    const g0 = (await demoState(page)).graph;
    const snaps = (await demoState(page)).seen.snapshots;
    await page.waitForFunction((n) => window.ntwasmDemo.seen.snapshots >= n + 3, snaps, { timeout: 30_000, polling: 50 });
    const g1 = (await demoState(page)).graph;
    console.log(`  (layout: ${g1.nodes} boxes, ${g1.edges} edges, ${g1.width}×${g1.height} px; the longest layout took ${g1.maxMs.toFixed(1)} ms, the last that laid a component out ${g1.lastComputedMs.toFixed(1)} ms, the last ${g1.lastMs.toFixed(2)} ms; ` +
      `${g1.computed} components laid out, ${g1.cached} found in the cache, over ${g1.layouts} pictures)`);
    check(g1.layouts >= g0.layouts + 3 && g1.computed === g0.computed && g1.renders === g0.renders, "an unchanged picture is neither laid out nor drawn again", JSON.stringify({ g0, g1 }));
    check(g1.maxMs < 1000, "a layout takes well under a second", g1.maxMs);

    // Zoom: "fit" puts all of the graph in the box, 1:1 gives it its own size, "width" (the default) its width.
    const size = () => page.evaluate(() => {
      const box = document.getElementById("graph"), svg = box.querySelector("svg");
      return { w: Number(svg.getAttribute("width")), h: Number(svg.getAttribute("height")), bw: box.clientWidth, bh: box.clientHeight, vw: svg.viewBox.baseVal.width };
    });
    const initial = await size();
    check(initial.w <= initial.bw, "the graph is packed into the box's width", JSON.stringify(initial));
    await page.click("#zoom-fit");
    const fit = await size();
    check(fit.w <= fit.bw && fit.h <= fit.bh + 1, "fit puts the whole graph in view", JSON.stringify(fit));
    await page.click("#zoom-reset");
    const full = await size();
    check(full.w === full.vw, "1:1 draws it at its own size", JSON.stringify(full));
    await page.click("#zoom-width");
    const back = await size();
    check(back.w === initial.w && back.h === initial.h, "width gives the first picture back", JSON.stringify({ initial, back }));
    await page.locator("#graph").screenshot({ path: SCREENSHOT });
    console.log(`  (screenshot: ${SCREENSHOT})`);

    await page.click("#kill");
    await page.waitForFunction(() => !window.ntwasmDemo.running && window.ntwasmDemo.exit, null, { timeout: 30_000, polling: 100 });
    const end = await demoState(page);
    check(end.exit?.code === 1, "Kill ended the deadlocked program with code 1", JSON.stringify(end.exit));
    check(pageErrors.length === 0, "no errors in the page", pageErrors.join("\n"));
  } finally {
    await opened?.close();
    server.kill("SIGTERM");
  }
}

const overall = setTimeout(() => { console.error(`liveview: gave up after ${TOTAL_TIMEOUT_MS / 1000} s`); process.exit(1); }, TOTAL_TIMEOUT_MS);
main().then(
  () => {
    clearTimeout(overall);
    console.log(failures ? `liveview: ${failures} check(s) failed` : "liveview: all checks passed");
    process.exit(failures ? 1 : 0);
  },
  (e) => {
    clearTimeout(overall);
    console.error(`liveview: ${e?.stack ?? e}`);
    process.exit(1);
  },
);
