// The first screen's timings, prerendered against not (no pass/fail: figures to compare builds).
//
//   node tests/e2e/bench-first.mjs    (scripts/bench.sh runs it; needs dist/ from trunk build --release)
//
// Two sites in one run, from the same build: dist/ as built (the first screen in index.html) and a
// copy whose index.html has the empty <body> a plain build gives (what the page was before). Both
// are served gzip-compressed, as a static host would, by a small server here, and loaded fresh
// BENCH_LOADS times (default 5) on localhost and on a slow phone profile through the DevTools protocol:
// 150 ms round trip, 1.6 Mbps down, 750 kbps up, CPU 4x slower. Two figures per load, from navigation
// start: the first full YAML at its animation frame (about to be painted), and the app live (a
// keystroke reaches the YAML from then on; typed earlier into the prerendered form, it is carried over).

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
    const tick = () => {
      const now = performance.now();
      const pre = document.querySelector('[data-testid="yaml-all"]');
      if (yaml === undefined && pre?.textContent.includes('kind: Deployment')) yaml = now;
      if (yaml !== undefined && document.body && !document.body.hasAttribute('data-prerendered')) {
        resolve({ yaml, live: now });
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

// The same build without its prerendered first screen: what a plain build's index.html holds.
const plain = mkdtempSync(path.join(os.tmpdir(), 'kubewright-plain-'));
cpSync(DIST, plain, { recursive: true });
const index = path.join(plain, 'index.html');
writeFileSync(index, readFileSync(index, 'utf8').replace(/<body data-prerendered>[\s\S]*<\/body>/, '<body></body>'));

const sites = { prerendered: await serveGzip(DIST), 'not prerendered': await serveGzip(plain) };
const browser = await launchChromium();
const ms = (x) => `${x.toFixed(0)} ms`;
try {
  console.log(`First screen (${LOADS} fresh loads each, 390 x 844, served gzip; median / p95 from navigation start)`);
  console.log(`${'profile'.padEnd(12)}${'site'.padEnd(18)}${'first full YAML'.padEnd(20)}app live`);
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
      const yaml = runs[label].map((r) => r.yaml);
      const live = runs[label].map((r) => r.live);
      medians[label] = median(yaml);
      console.log(
        `${name.padEnd(12)}${label.padEnd(18)}${`${ms(median(yaml))} / ${ms(quantile(yaml, 0.95))}`.padEnd(20)}` +
          `${ms(median(live))} / ${ms(quantile(live, 0.95))}`,
      );
    }
    const ratio = medians['not prerendered'] / medians.prerendered;
    console.log(`${''.padEnd(12)}first YAML ${ratio.toFixed(1)}x sooner prerendered`);
  }
} finally {
  await browser.close().catch(() => {});
  for (const server of Object.values(sites)) server.close();
  rmSync(plain, { recursive: true, force: true });
}
