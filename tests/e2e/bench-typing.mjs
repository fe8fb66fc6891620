// Keystroke -> YAML -> painted frame, for two or more builds in one run, alternating, so the figures
// compare on a busy machine: rounds of fresh pages, each build in turn (the order flips every round),
// on the first preset (field not focused, as bench.mjs types, and focused, as a person types: its
// lines are then lit), with 200 more env vars and with 10,000 env vars. Prints median / p95 per
// build and the ratio to the first build. No pass/fail.
//
//   node tests/e2e/bench-typing.mjs before=out/dist-before after=dist
//
// With no argument it measures dist/ alone. BENCH_ROUNDS (default 4) rounds, BENCH_KEYS (default 30)
// keystrokes per page and scenario after 5 uncounted (the 10,000 case: a third of them).

import path from 'node:path';
import { benchPage, benchSpecs, DIST, launchChromium, median, quantile, serveDist } from './lib.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS || 4);
const KEYS = Number(process.env.BENCH_KEYS || 30);
const WARMUP = 5;

const builds = (process.argv.length > 2 ? process.argv.slice(2) : [`dist=${DIST}`]).map((arg) => {
  const [label, dir] = arg.includes('=') ? arg.split('=') : [path.basename(arg), arg];
  return { label, dir: path.resolve(dir) };
});

// Runs in the page: as bench.mjs's keystrokes (app-name set and `input` dispatched; `dom` when the
// new name is in yaml-all's text, `frame` = dom + the next frame's style/layout/paint), each from a
// settled page. `focus` puts the cursor in the field first, as typing does.
async function typeKeys({ keys, warmup, focus, tag }) {
  const input = document.querySelector('[data-testid="app-name"]');
  const pre = document.querySelector('[data-testid="yaml-all"]');
  if (focus) input.focus();
  const afterFrame = window.__afterFrame;
  await afterFrame();
  const samples = [];
  for (let i = 0; i < warmup + keys; i++) {
    const name = `${tag}-${i}`;
    const needle = `\n  name: ${name}\n`;
    const seen = window.__seen(pre, needle, 10_000);
    input.value = name;
    const t0 = performance.now();
    input.dispatchEvent(new Event('input', { bubbles: true }));
    const dom = pre.textContent.includes(needle) ? performance.now() : await seen;
    const render = await afterFrame();
    if (i >= warmup) samples.push({ dom: dom - t0, frame: dom - t0 + render });
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
];

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
        const samples = await page.evaluate(typeKeys, { keys: s.keys, warmup: WARMUP, focus: !!s.focus, tag: `r${round}` });
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
console.log(`${col('scenario', 24)}${col('build', 10)}${col('YAML in DOM med/p95', 22)}${col('frame med/p95', 18)}frame ratio`);
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
        `${col(`${fmt(frame)} / ${fmt(quantile(pick('frame'), 0.95))}`, 18)}${(frame / first).toFixed(2)}` +
        `${missed ? ` (${missed} NOT SEEN)` : ''}`,
    );
  }
}
console.log(`(page errors: ${errors})`);
