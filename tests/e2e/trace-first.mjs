// Where the first screen's time goes: one fresh load of a built site per profile (as bench-first.mjs:
// localhost and the slow phone, served gzip), traced. Prints the request waterfall (when each request
// started, its first byte, its end, its priority and connection) and the renderer main thread's work
// before the first full YAML's frame, from navigation start. No pass/fail: it is for finding what
// holds the first paint back.
//
//   node tests/e2e/trace-first.mjs [DIR]   (default dist/; BENCH_CONNECT_RTTS and BENCH_SLOW_START
//                                          as for bench-first.mjs)

import path from 'node:path';
import { DIST, launchChromium, traced } from './lib.mjs';
import { serveGzip } from './gzip-server.mjs';
import { link, loadThread, PROFILES, throttle, watchFirst } from './first-screen.mjs';

const dir = path.resolve(process.argv[2] || DIST);
const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'loading',
  'v8.execute',
];
// Main-thread work worth naming, by trace event name.
const WORK = new Set([
  'ParseHTML', 'EvaluateScript', 'v8.compileModule', 'v8.evaluateModule', 'FunctionCall', 'EventDispatch',
  'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'ParseAuthorStyleSheet', 'RunMicrotasks',
  'v8.wasm.compiledModule', 'v8.wasm.streamFromResponseCallback', 'TimerFire', 'FireAnimationFrame',
]);

const MARKS = new RegExp(
  '^(navigationStart|commitNavigationEnd|ResourceSendRequest|ResourceFinish|domInteractive|' +
    'MarkDOMContent|MarkLoad|firstPaint|firstContentfulPaint|PreloadRenderBlockingStatusChange)$',
);

async function traceLoad(browser, origin, profile) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await throttle(cdp, profile);
  const net = new Map();
  cdp.on('Network.requestWillBeSent', (e) =>
    net.set(e.requestId, { url: e.request.url, priority: e.request.initialPriority }),
  );
  cdp.on('Network.responseReceived', (e) =>
    Object.assign(net.get(e.requestId) ?? {}, { connection: e.response.connectionId }),
  );
  await page.addInitScript(watchFirst);
  const { events, result } = await traced(cdp, CATEGORIES, async () => {
    await page.goto(origin);
    const first = await page.evaluate(() => window.__first);
    const timing = await page.evaluate(() =>
      [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].map((e) => ({
        url: e.name, start: e.startTime, request: e.requestStart, first: e.responseStart, end: e.responseEnd,
        bytes: e.encodedBodySize, blocking: e.renderBlockingStatus,
      })),
    );
    const paints = await page.evaluate(() =>
      performance.getEntriesByType('paint').map((e) => `${e.name} ${e.startTime.toFixed(0)} ms`),
    );
    return { first, timing, paints };
  });
  const { first, timing, paints } = result;
  await context.close();
  return { first, timing, paints, events, net: [...net.values()] };
}

function report(name, { first, timing, paints, events, net }) {
  const ms = (x) => `${x.toFixed(0)}`.padStart(6);
  const at = (x) => `${x.toFixed(0)} ms`;
  console.log(
    `\n== ${name}: first full YAML ${at(first.yaml)} (rendered ${at(first.rendered)}), ` +
      `form live ${at(first.form)}, page live ${at(first.live)}; ${paints.join(', ')}`,
  );
  const heads = ['start', 'req', '1st B', 'end'].map((h) => h.padStart(6)).join('');
  console.log(`${'file'.padEnd(44)}${heads}${'gz B'.padStart(8)}  priority   conn  blocking`);
  for (const t of timing) {
    const n = net.find((r) => r.url === t.url) ?? {};
    console.log(
      path.basename(new URL(t.url).pathname || '/').slice(0, 43).padEnd(44) +
        `${ms(t.start)}${ms(t.request)}${ms(t.first)}${ms(t.end)}` +
        `${String(t.bytes).padStart(8)}  ${String(n.priority).padEnd(10)} ${String(n.connection).padEnd(5)} ${t.blocking ?? ''}`,
    );
  }
  const thread = loadThread(events);
  if (!thread) return console.log('(no navigationStart in the trace)');
  const { nav, main } = thread;
  const rel = (e) => (e.ts - nav.ts) / 1000;
  const fcp = events.find((e) => e.name === 'firstContentfulPaint');
  const until = Math.max(first.yaml, fcp ? rel(fcp) : 0) + 20;
  console.log(`main thread until the first YAML's frame and first contentful paint, events >= 1 ms and marks:`);
  for (const e of main) {
    const at = rel(e);
    if (at > until || at < -5) continue;
    const dur = (e.dur ?? 0) / 1000;
    // Work of 1 ms or more, and the moments that matter here (marks, requests, paints).
    const named = WORK.has(e.name) && dur >= 1;
    const mark = dur === 0 && MARKS.test(e.name);
    if (!named && !mark) continue;
    const what = e.args?.data?.url ? ` ${path.basename(e.args.data.url)}` : '';
    console.log(`  ${ms(at)} ms ${dur ? `${dur.toFixed(1).padStart(6)} ms` : '         '} ${e.name}${what}`);
  }
}

const server = await serveGzip(dir);
const browser = await launchChromium();
try {
  const origin = `http://127.0.0.1:${server.address().port}/`;
  for (const [name, profile] of Object.entries(PROFILES)) {
    server.link = link(profile);
    await traceLoad(browser, origin, profile); // warm the disk and the server's cache
    const before = server.connections;
    const result = await traceLoad(browser, origin, profile);
    report(name, result);
    console.log(`connections opened: ${server.connections - before}`);
  }
} finally {
  await browser.close().catch(() => {});
  server.close();
}
