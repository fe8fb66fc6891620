// The first screen's timings: with the start-up module, prerendered only, and neither (no pass/fail:
// figures to compare builds).
//
//   node tests/e2e/bench-first.mjs                        (scripts/bench.sh runs it; needs dist/ from
//                                                          trunk build --release)
//   node tests/e2e/bench-first.mjs before=DIR after=DIR   two (or more) built sites, as built, compared
//                                                          in one run
//
// Without arguments, three sites from the same build: dist/ as built (the first screen in index.html,
// and the start-up module, crates/boot, that makes it editable), a copy without the start-up module
// (the prerendered screen waits for the page's wasm), and a copy whose index.html has the empty <body>
// a plain build gives; and, as the floor under them, a bare page of one line of YAML (what any page
// costs on this machine and profile: navigation, one round trip, one frame). All are served
// gzip-compressed over HTTP/1.1 keep-alive, as a static host would (gzip-server.mjs), and loaded fresh
// BENCH_LOADS_FIRST times (default 7) on localhost and on a slow phone profile through the DevTools
// protocol: 150 ms round trip, 1.6 Mbps down, 750 kbps up, CPU 4x slower. On that profile the server
// adds what the emulation leaves out (gzip-server.mjs): the round trips of each new connection's
// handshakes (BENCH_CONNECT_RTTS, default 2: TCP and TLS 1.3) and TCP slow start (BENCH_SLOW_START=0
// turns it off; both off give the figures of earlier runs).
// Figures per load, from navigation start (first-screen.mjs): the first full YAML at its animation
// frame, and once that frame's style, layout and paint are done (what a visitor waits for); the
// browser's own first contentful paint, as presented (on a prerendered page the whole first screen,
// which a render-blocking link holds back until the YAML is parsed; on a plain page its shell); the form
// live (a keystroke reaches the YAML from then on: the start-up module bound, or the page running);
// the page live (taken over); the YAML on a phone's screen, its view switch's "YAML" tapped as soon as
// the form is live (a tap the page has to start for, where it waits for the page, so the page then
// starts without waiting for idle time); and the bytes (compressed, as sent) that had arrived when the
// form went live.
// BENCH_PROFILE=localhost (or 'slow phone') measures one profile; BENCH_VIEWPORT=1280x800 another size
// (on a wide screen the YAML is on the first screen, so "first paint" is also the YAML's).

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DIST, launchChromium, median, quantile } from './lib.mjs';
import { CONNECT_RTTS, link, PROFILES, SLOW_START, throttle, watchFirst } from './first-screen.mjs';
import { serveGzip } from './gzip-server.mjs';

const LOADS = Number(process.env.BENCH_LOADS_FIRST || 7);

const [width, height] = (process.env.BENCH_VIEWPORT || '390x844').split('x').map(Number);

async function load(browser, origin, profile) {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  await throttle(await context.newCDPSession(page), profile);
  await page.addInitScript(watchFirst);
  await page.goto(`${origin}/`);
  const result = await page.evaluate(() => window.__first);
  await context.close();
  return result;
}

// The same build with its index.html changed by `edit`.
function variant(name, edit) {
  const dir = mkdtempSync(path.join(os.tmpdir(), `kubewright-${name}-`));
  cpSync(DIST, dir, { recursive: true });
  const index = path.join(dir, 'index.html');
  writeFileSync(index, edit(readFileSync(index, 'utf8')));
  return dir;
}
// Without the start-up module's preload links and <meta> (scripts/boot-module.sh writes one per line).
const noBoot = (html) => html.replace(/^.*kubewright-boot-.*\n/gm, '');
// The floor: a page with nothing but the line the timings wait for, and no script (so its form and
// page count as live at once).
function bare() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kubewright-bare-'));
  writeFileSync(
    path.join(dir, 'index.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bare</title></head>' +
      '<body><pre data-testid="yaml-all">kind: Deployment</pre></body></html>\n',
  );
  return dir;
}
// Sites named on the command line (label=DIR), or the three variants of dist/ and the bare page.
const named = process.argv.slice(2).map((arg) => arg.split(/=(.*)/s));
const copies = named.length
  ? []
  : [
      variant('prerendered', noBoot),
      variant('plain', (html) => noBoot(html).replace(/<body data-prerendered>[\s\S]*<\/body>/, '<body></body>')),
      bare(),
    ];
const dirs = named.length
  ? Object.fromEntries(named.map(([label, dir]) => [label, path.resolve(dir)]))
  : { 'start-up module': DIST, 'prerendered only': copies[0], 'not prerendered': copies[1], 'bare page': copies[2] };
const sites = {};
for (const [label, dir] of Object.entries(dirs)) sites[label] = await serveGzip(dir);
const browser = await launchChromium();
const ms = (x) => `${x.toFixed(0)} ms`;
try {
  console.log(`First screen (${LOADS} fresh loads each, ${width} x ${height}, served gzip; median / p95 from navigation start)`);
  console.log(
    `${'profile'.padEnd(12)}${'site'.padEnd(18)}${'YAML frame'.padEnd(18)}${'YAML rendered'.padEnd(18)}${'first paint'.padEnd(18)}` +
      `${'form live'.padEnd(18)}${'page live'.padEnd(18)}${'YAML tapped'.padEnd(18)}arrived at form live`,
  );
  for (const [name, profile] of Object.entries(PROFILES)) {
    const medians = {};
    const runs = {};
    const origin = (server) => `http://127.0.0.1:${server.address().port}`;
    for (const server of Object.values(sites)) server.link = link(profile);
    // One uncounted load each (warms the disk cache), then the sites alternate, so a machine that
    // gets busier during the run weighs on all alike; each round starts with the next site (the
    // first load of a round measured up to 40 ms faster on localhost, whichever site it was).
    for (const server of Object.values(sites)) await load(browser, origin(server), profile);
    const order = Object.entries(sites);
    for (let i = 0; i < LOADS; i++) {
      for (const [label, server] of [...order.slice(i % order.length), ...order.slice(0, i % order.length)]) {
        (runs[label] ??= []).push(await load(browser, origin(server), profile));
      }
    }
    for (const label of Object.keys(sites)) {
      const figure = (key) => {
        const xs = runs[label].map((r) => r[key]);
        return (xs.includes(null) ? '-' : `${ms(median(xs))} / ${ms(quantile(xs, 0.95))}`).padEnd(18);
      };
      medians[label] = Object.fromEntries(['rendered', 'form'].map((key) => [key, median(runs[label].map((r) => r[key]))]));
      const kb = median(runs[label].map((r) => r.bytes)) / 1024;
      console.log(
        `${name.padEnd(12)}${label.padEnd(18)}${figure('yaml')}${figure('rendered')}${figure('paint')}${figure('form')}` +
          `${figure('live')}${figure('tapped')}${kb.toFixed(1)} KB`,
      );
    }
    if (profile) {
      console.log(
        `${''.padEnd(12)}(served with ${CONNECT_RTTS} round trips per new connection, ` +
          `${SLOW_START ? 'with' : 'without'} TCP slow start: gzip-server.mjs)`,
      );
    }
    if (!named.length) {
      const ratio = (key) => (medians['not prerendered'][key] / medians['start-up module'][key]).toFixed(1);
      console.log(
        `${''.padEnd(12)}with the start-up module: YAML rendered ${ratio('rendered')}x, form live ${ratio('form')}x sooner than not prerendered`,
      );
    }
  }
} finally {
  await browser.close().catch(() => {});
  for (const server of Object.values(sites)) server.close();
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
}
