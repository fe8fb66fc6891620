// Where a keystroke's time goes: records a Chrome performance trace (the DevTools timeline) while
// typing into app-name, on the first preset, with 200 more env vars and with 10,000 env vars, and
// prints per keystroke the renderer main thread's time in each kind of work (script, style, layout,
// pre-paint, paint, layerize...) and how many elements the style recalculation and the layout touched.
// No pass/fail: it is for finding what to make cheaper.
//
//   node tests/e2e/bench-trace.mjs                 (KUBEWRIGHT_DIST=folder for another build)
//
// BENCH_TRACE_KEYS (default 30) keystrokes per scenario, after 5 uncounted.

import { benchPage, benchSpecs, launchChromium, serveDist, traced } from './lib.mjs';

const KEYS = Number(process.env.BENCH_TRACE_KEYS || 30);
const WARMUP = 5;

// Runs in the page: like bench.mjs's keystrokes, each between two user-timing marks, so the trace can
// be cut into keystrokes: `kw-start` just before the input event, `kw-end` once the next frame is done.
async function typeMarked({ keys, warmup }) {
  const input = document.querySelector('[data-testid="app-name"]');
  const pre = document.querySelector('[data-testid="yaml-all"]');
  const afterFrame = window.__afterFrame;
  for (let i = 0; i < warmup + keys; i++) {
    const name = `kt-${i}`;
    const needle = `\n  name: ${name}\n`;
    const seen = window.__seen(pre, needle, 5000);
    input.value = name;
    if (i >= warmup) performance.mark('kw-start');
    input.dispatchEvent(new Event('input', { bubbles: true }));
    if (!pre.textContent.includes(needle)) await seen;
    await afterFrame();
    if (i >= warmup) performance.mark('kw-end');
    await afterFrame();
  }
  return document.querySelectorAll('*').length;
}

async function trace(page, fn) {
  const client = await page.context().newCDPSession(page);
  const categories = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'v8.execute'];
  const result = await traced(client, categories, fn);
  await client.detach();
  return result;
}

// Kinds of main-thread work, by trace event name (what the DevTools summary calls them).
const KINDS = {
  EventDispatch: 'input event (script)',
  RunMicrotasks: 'microtasks (script)',
  FunctionCall: 'other script',
  TimerFire: 'timers (script)',
  FireAnimationFrame: 'animation frame callbacks',
  UpdateLayoutTree: 'recalculate style',
  Layout: 'layout',
  PrePaint: 'pre-paint',
  Paint: 'paint',
  Layerize: 'layerize',
  UpdateLayer: 'update layer',
  Commit: 'commit',
  HitTest: 'hit test',
  MajorGC: 'major GC',
  MinorGC: 'minor GC',
};

// Sums, per keystroke (between its marks), the top-level duration of each kind on the main thread of
// the page's renderer, and the elements styled / objects laid out.
function summarise(events) {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' &&
    events.some((m) => m.pid === e.pid && m.name === 'kw-start'));
  if (!main) return null;
  const mine = events.filter((e) => e.pid === main.pid && e.tid === main.tid);
  const starts = mine.filter((e) => e.name === 'kw-start').map((e) => e.ts).sort((a, b) => a - b);
  const ends = mine.filter((e) => e.name === 'kw-end').map((e) => e.ts).sort((a, b) => a - b);
  const windows = starts.map((s, i) => [s, ends[i]]);
  // Complete events ('X' with dur) and begin/end pairs ('B'/'E').
  const spans = [];
  const open = new Map();
  for (const e of mine.sort((a, b) => a.ts - b.ts)) {
    if (!KINDS[e.name]) continue;
    if (e.ph === 'X') spans.push({ name: e.name, ts: e.ts, dur: e.dur || 0, args: e.args });
    else if (e.ph === 'B') open.set(e.name, [...(open.get(e.name) || []), e]);
    else if (e.ph === 'E') {
      const b = (open.get(e.name) || []).pop();
      if (b) spans.push({ name: e.name, ts: b.ts, dur: e.ts - b.ts, args: { ...b.args, ...e.args } });
    }
  }
  // Only the outermost span of each kind counts (script nests in script).
  spans.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const totals = {};
  const counts = { styled: 0, dirty: 0, laidOut: 0 };
  let busyEnd = -1;
  for (const s of spans) {
    const w = windows.find(([a, b]) => s.ts >= a && s.ts <= b);
    if (!w) continue;
    const script = ['EventDispatch', 'RunMicrotasks', 'FunctionCall', 'TimerFire', 'FireAnimationFrame'].includes(s.name);
    if (script) {
      if (s.ts < busyEnd) continue;
      busyEnd = s.ts + s.dur;
    }
    totals[s.name] = (totals[s.name] || 0) + s.dur;
    if (s.name === 'UpdateLayoutTree') counts.styled += s.args?.elementCount || 0;
    if (s.name === 'Layout') {
      counts.dirty += s.args?.beginData?.dirtyObjects || 0;
      counts.laidOut += s.args?.beginData?.totalObjects || 0;
    }
  }
  const n = windows.length;
  const wall = windows.reduce((sum, [a, b]) => sum + (b - a), 0);
  return { n, wall: wall / n / 1000, totals: Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, v / n / 1000])), counts: Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, v / n])) };
}

async function openSpec(page, spec, needle) {
  await page.getByTestId('spec-file').setInputFiles({
    name: 'trace.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(spec)),
  });
  await page.getByTestId('yaml-all').filter({ hasText: needle }).waitFor({ state: 'attached', timeout: 120_000 });
}

const { with200, with10k } = benchSpecs();

const server = await serveDist();
const browser = await launchChromium();
try {
  for (const [label, spec, needle] of [
    ['preset', null, null],
    ['+200 env vars', with200, 'BENCH_VAR_199: value-199'],
    ['10,000 env vars', with10k, 'VAR_9999: value-9999'],
  ]) {
    const { context, page } = await benchPage(browser, server.origin);
    if (spec) await openSpec(page, spec, needle);
    await page.getByTestId('tab-app').click();
    const { events, result: elements } = await trace(page, () => page.evaluate(typeMarked, { keys: KEYS, warmup: WARMUP }));
    const s = summarise(events);
    console.log(`\n${label}: ${elements} elements in the page; ${s.n} keystrokes, ${s.wall.toFixed(2)} ms each from input to the frame's end (incl. idle)`);
    for (const [name, ms] of Object.entries(s.totals).sort((a, b) => b[1] - a[1])) {
      console.log(`  ${KINDS[name].padEnd(28)} ${ms.toFixed(2).padStart(8)} ms`);
    }
    console.log(`  elements restyled ${s.counts.styled.toFixed(0)}, layout: ${s.counts.dirty.toFixed(0)} dirty of ${s.counts.laidOut.toFixed(0)} objects`);
    await context.close();
  }
} finally {
  await browser.close().catch(() => {});
  await server.stop();
}
