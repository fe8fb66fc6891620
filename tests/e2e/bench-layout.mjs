// The first screen's main-thread work, by kind, for one or more built sites: a fresh load at CPU 4x
// (no network throttling), traced, with the time spent parsing the HTML, computing style, laying
// out and painting summed up to the first contentful paint. Medians of BENCH_LOADS_LAYOUT loads
// (default 9), the sites in turn. No pass/fail: for telling what a change to the first screen's HTML
// or stylesheet costs (trace-first.mjs shows one load's timeline instead).
//
//   node tests/e2e/bench-layout.mjs DIR [DIR...]
//
// A copy of a built index.html can be edited to try a change; remove its Content-Security-Policy
// <meta> when changing its inline stylesheet (the CSP allows that stylesheet by its hash).

import path from 'node:path';
import { launchChromium, median, traced } from './lib.mjs';
import { loadThread } from './first-screen.mjs';
import { serveGzip } from './gzip-server.mjs';

const LOADS = Number(process.env.BENCH_LOADS_LAYOUT || 9);
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'loading', 'blink.user_timing'];

async function load(browser, origin) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const { events } = await traced(cdp, CATEGORIES, async () => {
    await page.goto(origin, { waitUntil: 'load' });
    await page.waitForTimeout(300);
  });
  await context.close();
  const { nav, main } = loadThread(events);
  const fcp = events.find((e) => e.name === 'firstContentfulPaint' && e.pid === nav.pid);
  const before = main.filter((e) => e.ts <= (fcp?.ts ?? Infinity));
  const sum = (...names) => before.filter((e) => names.includes(e.name)).reduce((s, e) => s + (e.dur ?? 0), 0) / 1000;
  return {
    parse: sum('ParseHTML'),
    style: sum('UpdateLayoutTree'),
    layout: sum('Layout'),
    paint: sum('PrePaint', 'Paint'),
    fcp: fcp ? (fcp.ts - nav.ts) / 1000 : NaN,
  };
}

const dirs = process.argv.slice(2);
if (!dirs.length) throw new Error('usage: node tests/e2e/bench-layout.mjs DIR [DIR...]');
const sites = [];
for (const dir of dirs) sites.push({ dir, server: await serveGzip(path.resolve(dir)), rows: [] });
const browser = await launchChromium();
try {
  const origin = (s) => `http://127.0.0.1:${s.server.address().port}/`;
  for (const s of sites) await load(browser, origin(s)); // warm the disk and the server's cache
  for (let i = 0; i < LOADS; i++) for (const s of sites) s.rows.push(await load(browser, origin(s)));
  console.log(`First screen's main thread until first contentful paint, CPU 4x, 390 x 844 (median of ${LOADS} loads, ms)`);
  console.log(`${'site'.padEnd(24)}${['parse', 'style', 'layout', 'paint', 'FCP'].map((h) => h.padStart(8)).join('')}`);
  for (const s of sites) {
    const m = (k) => median(s.rows.map((r) => r[k])).toFixed(0).padStart(8);
    console.log(`${path.basename(path.resolve(s.dir)).slice(0, 23).padEnd(24)}${m('parse')}${m('style')}${m('layout')}${m('paint')}${m('fcp')}`);
  }
} finally {
  await browser.close().catch(() => {});
  for (const s of sites) s.server.close();
}
