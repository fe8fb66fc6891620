// Keystroke -> YAML -> painted frame, for two or more builds in one run, alternating, so the figures
// compare on a busy machine: rounds of fresh pages, each build in turn (the order flips every round),
// on the first preset (field not focused, as bench.mjs types, and focused, as a person types: its
// lines are then lit), with 200 more env vars and with 10,000 env vars. Prints median / p95 per
// build and the ratio to the first build, and when the YAML's first `  name:` line (anywhere) had
// the keystroke (the page updates the part of the YAML in view at once, the rest a frame later).
// No pass/fail.
//
//   node tests/e2e/bench-typing.mjs before=out/dist-before after=dist
//
// With no argument it measures dist/ alone. BENCH_ROUNDS (default 4) rounds, BENCH_KEYS (default 30)
// keystrokes per page and scenario after 5 uncounted (the 10,000 case: a third of them),
// BENCH_GAP ms (default 100) from a keystroke's frame to the next keystroke; BENCH_ONLY=text keeps
// the scenarios whose name has it.

import path from 'node:path';
import { benchPage, benchSpecs, DIST, launchChromium, median, quantile, serveDist } from './lib.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS || 4);
const KEYS = Number(process.env.BENCH_KEYS || 30);
const WARMUP = 5;
// The lines the YAML view shows at its top on the benches' 1400 x 1000 page (600 px of 18.85 px rows).
const TOP_LINES = 30;
// Milliseconds from one keystroke's frame to the next keystroke: 10 keys a second, a fast typist.
const GAP = Number(process.env.BENCH_GAP ?? 100);

const builds = (process.argv.length > 2 ? process.argv.slice(2) : [`dist=${DIST}`]).map((arg) => {
  const [label, dir] = arg.includes('=') ? arg.split('=') : [path.basename(arg), arg];
  return { label, dir: path.resolve(dir) };
});

// Runs in the page: as bench.mjs's keystrokes (app-name set and `input` dispatched), each from a
// settled page. `dom`: when the new name is in the YAML's top lines (what the `<pre>` shows at its
// top, TOP_LINES, where the view is when the page opens); `frame` = dom + the next frame's style,
// layout and paint; `whole`: when its first `  name:` line anywhere has it (the page updates the
// blocks scrolled out of view a frame later). `focus` puts the cursor in the field first, as typing
// does.
async function typeKeys({ keys, warmup, focus, tag, topLines, gap }) {
  const input = document.querySelector('[data-testid="app-name"]');
  const pre = document.querySelector('[data-testid="yaml-all"]');
  if (focus) input.focus();
  const afterFrame = window.__afterFrame;
  // The YAML's text up to its `topLines`th line, read from its first text nodes (not the whole
  // text: with 10,000 env vars that is 300 KB a read, whose garbage would weigh on the frames).
  const top = () => {
    const walker = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT);
    let text = '';
    let lines = 0;
    for (let node = walker.nextNode(); node && lines < topLines; node = walker.nextNode()) {
      text += node.data;
      for (let at = node.data.indexOf('\n'); at >= 0; at = node.data.indexOf('\n', at + 1)) lines++;
    }
    return text;
  };
  // Resolves `topSeen` and `settled` with performance.now() when the top lines hold `topNeedle` and
  // when any changed text node holds a line matching `wholeLine` (NaN after 10 s, so a missed update
  // never hangs a run).
  const watch = (topNeedle, wholeLine) => {
    const at = {};
    let topDone;
    let wholeDone;
    const topSeen = new Promise((resolve) => (topDone = resolve));
    const settled = new Promise((resolve) => (wholeDone = resolve));
    const check = (records = []) => {
      const now = performance.now();
      if (at.top === undefined && top().includes(topNeedle)) topDone((at.top = now));
      const changed = records.flatMap((r) =>
        r.type === 'characterData' ? [r.target.data] : [...r.addedNodes].map((n) => n.textContent),
      );
      if (at.whole === undefined && changed.some((t) => wholeLine.test(t))) wholeDone((at.whole = now));
      if (at.top !== undefined && at.whole !== undefined) observer.disconnect();
    };
    const observer = new MutationObserver(check);
    observer.observe(pre, { childList: true, subtree: true, characterData: true });
    setTimeout(() => (observer.disconnect(), topDone(NaN), wholeDone(NaN)), 10_000);
    return { at, check, topSeen, settled };
  };
  await afterFrame();
  const samples = [];
  for (let i = 0; i < warmup + keys; i++) {
    const name = `${tag}-${i}`;
    const seen = watch(`: ${name}\n`, new RegExp(`(^|\\n)  name: ${name}\\n`));
    input.value = name;
    const t0 = performance.now();
    input.dispatchEvent(new Event('input', { bubbles: true }));
    seen.check();
    const dom = seen.at.top ?? (await seen.topSeen);
    const render = await afterFrame();
    await seen.settled;
    if (i >= warmup) samples.push({ dom: dom - t0, frame: dom - t0 + render, whole: (seen.at.whole ?? NaN) - t0 });
    // The next keystroke comes `gap` ms later, as a person types, and from a settled page (the checks
    // and whatever else a build leaves for later are done by then).
    await new Promise((resolve) => setTimeout(resolve, gap));
    await afterFrame();
  }
  return samples;
}

const { with200, with10k } = benchSpecs();
const scenarios = [
  { label: 'preset', keys: KEYS },
  { label: 'preset, field focused', keys: KEYS, focus: true },
  { label: '+200 env vars', spec: with200, needle: 'BENCH_VAR_199: value-199', keys: KEYS },
  { label: '10,000 env vars', spec: with10k, needle: 'VAR_9999: value-9999', keys: Math.ceil(KEYS / 3) },
].filter((s) => !process.env.BENCH_ONLY || s.label.includes(process.env.BENCH_ONLY));

const servers = [];
for (const b of builds) servers.push(await serveDist(b.dir));
const browser = await launchChromium();
const results = new Map(); // `${scenario}\t${build}` -> samples
let errors = 0;
try {
  for (let round = 0; round < ROUNDS; round++) {
    const order = builds.map((_, i) => i);
    if (round % 2) order.reverse();
    for (const s of scenarios) {
      for (const i of order) {
        const { context, page } = await benchPage(browser, servers[i].origin, { onError: () => errors++ });
        if (s.spec) {
          await page.getByTestId('spec-file').setInputFiles({
            name: 'bench.json',
            mimeType: 'application/json',
            buffer: Buffer.from(JSON.stringify(s.spec)),
          });
          await page.getByTestId('yaml-all').filter({ hasText: s.needle }).waitFor({ state: 'attached', timeout: 120_000 });
        }
        await page.getByTestId('tab-app').click();
        const samples = await page.evaluate(typeKeys, { keys: s.keys, warmup: WARMUP, focus: !!s.focus, tag: `r${round}`, topLines: TOP_LINES, gap: GAP });
        const key = `${s.label}\t${builds[i].label}`;
        results.set(key, [...(results.get(key) || []), ...samples]);
        await context.close();
      }
    }
  }
} finally {
  await browser.close().catch(() => {});
  for (const server of servers) await server.stop();
}

const fmt = (x) => (x === undefined ? '-' : x.toFixed(1));
const col = (s, w) => String(s).padEnd(w);
console.log(`Keystroke -> painted frame (headless chromium; ${ROUNDS} rounds alternating ${builds.map((b) => b.label).join(' / ')};`);
console.log(` ${KEYS} keystrokes per round and scenario after ${WARMUP} uncounted, a third of them with 10,000 env vars; ms)`);
console.log(`${col('scenario', 24)}${col('build', 10)}${col('YAML in DOM med/p95', 22)}${col('frame med/p95', 18)}${col('frame ratio', 13)}first name: line med/p95`);
for (const s of scenarios) {
  let first;
  for (const b of builds) {
    const samples = results.get(`${s.label}\t${b.label}`) || [];
    const pick = (k) => samples.map((x) => x[k]).filter((x) => !Number.isNaN(x));
    const frame = median(pick('frame'));
    first ??= frame;
    const missed = samples.length - pick('dom').length;
    console.log(
      `${col(s.label, 24)}${col(b.label, 10)}${col(`${fmt(median(pick('dom')))} / ${fmt(quantile(pick('dom'), 0.95))}`, 22)}` +
        `${col(`${fmt(frame)} / ${fmt(quantile(pick('frame'), 0.95))}`, 18)}${col((frame / first).toFixed(2), 13)}` +
        `${fmt(median(pick('whole')))} / ${fmt(quantile(pick('whole'), 0.95))}` +
        `${missed ? ` (${missed} NOT SEEN)` : ''}`,
    );
  }
}
console.log(`(page errors: ${errors})`);
