// The first screen's timings: with the start-up module, prerendered only, and neither (no pass/fail:
// figures to compare builds).
//
//   node tests/e2e/bench-first.mjs    (scripts/bench.sh runs it; needs dist/ from trunk build --release)
//
// Three sites in one run, from the same build: dist/ as built (the first screen in index.html, and
// the start-up module, crates/boot, that makes it editable), a copy without the start-up module (the
// prerendered screen waits for the page's wasm), and a copy whose index.html has the empty <body> a
// plain build gives. All are served gzip-compressed, as a static host would, by a small server here,
// and loaded fresh BENCH_LOADS_FIRST times (default 5) on localhost and on a slow phone profile
// through the DevTools protocol: 150 ms round trip, 1.6 Mbps down, 750 kbps up, CPU 4x slower.
// Figures per load, from navigation start: the first full YAML at its animation frame (about to be
// painted); the form live (a keystroke reaches the YAML from then on: the start-up module bound, or
// the page running); the page live (taken over); and the bytes (compressed, as sent) that had
// arrived when the form went live.

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { DIST, launchChromium, median, quantile } from './lib.mjs';

const LOADS = Number(process.env.BENCH_LOADS_FIRST || 5);
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css' };

// Serves `dir` on 127.0.0.1 with every file gzip -9 compressed once, up front.
function serveGzip(dir) {
  const cache = new Map();
  const server = http.createServer((req, res) => {
    const name = decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/\/$/, '/index.html');
    const file = path.join(dir, path.normalize(name));
    if (!file.startsWith(dir)) return res.writeHead(403).end();
    try {
      if (!cache.has(file)) cache.set(file, zlib.gzipSync(readFileSync(file), { level: 9 }));
    } catch {
      return res.writeHead(404).end();
    }
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file)] || 'application/octet-stream',
      'content-encoding': 'gzip',
      'cache-control': 'no-store',
    });
    res.end(cache.get(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

// In the page before its scripts: on every animation frame, note when the full YAML is first there
// and when the app is live (the prerendered body taken over, or the app mounted on an empty one).
function watchFirst() {
  window.__first = new Promise((resolve) => {
    let yaml;
    let form;
    let bytes;
    const tick = () => {
      const now = performance.now();
      const pre = document.querySelector('[data-testid="yaml-all"]');
      if (yaml === undefined && pre?.textContent.includes('kind: Deployment')) yaml = now;
      // The page is live once it shows the YAML in a body that is not (or no longer) the prerendered one.
      const live = yaml !== undefined && document.body && !document.body.hasAttribute('data-prerendered');
      if (form === undefined && (live || document.body?.hasAttribute('data-boot'))) {
        form = now;
        const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
        bytes = entries.filter((e) => e.responseEnd <= now).reduce((sum, e) => sum + e.encodedBodySize, 0);
      }
      if (live) {
        resolve({ yaml, form, live: now, bytes });
        return;
      }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

const PROFILES = {
  localhost: null,
  'slow phone': { rtt: 150, down: 1.6e6 / 8, up: 750e3 / 8, cpu: 4 },
};

async function load(browser, origin, profile) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  if (profile) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: profile.rtt,
      downloadThroughput: profile.down,
      uploadThroughput: profile.up,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
  }
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
const copies = [
  variant('prerendered', noBoot),
  variant('plain', (html) => noBoot(html).replace(/<body data-prerendered>[\s\S]*<\/body>/, '<body></body>')),
];
const sites = {
  'start-up module': await serveGzip(DIST),
  'prerendered only': await serveGzip(copies[0]),
  'not prerendered': await serveGzip(copies[1]),
};
const browser = await launchChromium();
const ms = (x) => `${x.toFixed(0)} ms`;
try {
  console.log(`First screen (${LOADS} fresh loads each, 390 x 844, served gzip; median / p95 from navigation start)`);
  console.log(
    `${'profile'.padEnd(12)}${'site'.padEnd(18)}${'first full YAML'.padEnd(20)}${'form live'.padEnd(20)}` +
      `${'page live'.padEnd(20)}arrived when the form went live`,
  );
  for (const [name, profile] of Object.entries(PROFILES)) {
    const medians = {};
    const runs = {};
    const origin = (server) => `http://127.0.0.1:${server.address().port}`;
    // One uncounted load each (warms the disk cache), then the two sites alternate, so a machine
    // that gets busier during the run weighs on both alike.
    for (const server of Object.values(sites)) await load(browser, origin(server), profile);
    for (let i = 0; i < LOADS; i++) {
      for (const [label, server] of Object.entries(sites)) {
        (runs[label] ??= []).push(await load(browser, origin(server), profile));
      }
    }
    for (const label of Object.keys(sites)) {
      const figure = (key) => {
        const xs = runs[label].map((r) => r[key]);
        return `${ms(median(xs))} / ${ms(quantile(xs, 0.95))}`.padEnd(20);
      };
      const yaml = runs[label].map((r) => r.yaml);
      const form = runs[label].map((r) => r.form);
      medians[label] = { yaml: median(yaml), form: median(form) };
      const kb = median(runs[label].map((r) => r.bytes)) / 1024;
      console.log(`${name.padEnd(12)}${label.padEnd(18)}${figure('yaml')}${figure('form')}${figure('live')}${kb.toFixed(1)} KB`);
    }
    const ratio = (key) => (medians['not prerendered'][key] / medians['start-up module'][key]).toFixed(1);
    console.log(`${''.padEnd(12)}with the start-up module: first YAML ${ratio('yaml')}x, form live ${ratio('form')}x sooner than not prerendered`);
  }
} finally {
  await browser.close().catch(() => {});
  for (const server of Object.values(sites)) server.close();
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
}
