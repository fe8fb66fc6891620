// Shared by e2e.mjs and bench.mjs: serve dist/ on a free loopback port and drive Debian's chromium
// through playwright-core. Nothing here downloads a browser or talks to anything but 127.0.0.1.

import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// playwright-core lives in tools/node/node_modules (pinned there, not in a repo-wide package.json).
const requireTools = createRequire(new URL('../../tools/node/package.json', import.meta.url));
export const { chromium } = requireTools('playwright-core');
export const YAML = requireTools('yaml');

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// KUBEWRIGHT_DIST serves another build (a copy kept for comparing builds); default: the repo's dist/.
export const DIST = process.env.KUBEWRIGHT_DIST ? path.resolve(process.env.KUBEWRIGHT_DIST) : path.join(ROOT, 'dist');

// The flags TOOLCHAIN.md proved for this machine; the background ones keep chromium from phoning home,
// so the "only 127.0.0.1" request check in e2e.mjs is about the app, not the browser.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium() {
  // launch() gives each run a fresh temporary profile (its own --user-data-dir), removed on close.
  return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
}

// Asks the OS for a free port on the loopback interface (tiny race with other processes; serveDist()
// retries on a new port if python cannot bind).
function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Every server we start, so a crash or Ctrl+C still ends them (by PID, never by name).
const children = new Set();
function killChildren() {
  for (const child of children) {
    try {
      process.kill(child.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  }
  children.clear();
}
process.on('exit', killChildren);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    killChildren();
    process.exit(130);
  });
}

// Serves dist/ (or `dir`: the build's staging folder, for the prerender step) with python's
// http.server (from the repo root with --directory, since serving from inside dist/ breaks when a
// rebuild replaces the folder). Returns { origin, stop }.
export async function serveDist(dir = DIST) {
  if (!existsSync(path.join(dir, 'index.html'))) {
    throw new Error(`no ${dir}/index.html: build first (trunk build --release at the repository root)`);
  }
  let lastError = '';
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const child = spawn(
      'python3',
      ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', dir],
      { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    children.add(child);
    // http.server logs every request to stderr: keep draining it (a full pipe would stall the
    // server) and keep the tail for the error message.
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr = (stderr + d).slice(-2000);
    });
    let exited = false;
    child.once('exit', () => {
      exited = true;
      children.delete(child);
    });
    const origin = `http://127.0.0.1:${port}`;
    const stop = async () => {
      if (exited) return;
      const done = new Promise((r) => child.once('exit', r));
      process.kill(child.pid, 'SIGTERM');
      await Promise.race([done, sleep(2000)]);
    };
    for (let i = 0; i < 100 && !exited; i++) {
      try {
        const res = await fetch(`${origin}/index.html`);
        if (res.ok) return { origin, port, stop };
      } catch {
        /* not listening yet */
      }
      await sleep(50);
    }
    lastError = stderr;
    await stop();
  }
  throw new Error(`python3 -m http.server did not start:\n${lastError}`);
}

// The CLI prints exactly the YAML / commands the page shows, so it is the oracle for the page.
// Built with cargo when missing (another engineer's cargo may hold the lock: cargo just waits). An
// existing binary is used as is: after changing crates/, rebuild both it and dist/ before comparing.
export function cliPath() {
  const targetDir = process.env.CARGO_TARGET_DIR || path.join(ROOT, 'target');
  const bin = path.join(targetDir, 'debug', 'kubewright');
  if (!existsSync(bin)) {
    const r = spawnSync('cargo', ['build', '-q', '-p', 'kubewright'], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('cargo build -p kubewright failed');
  }
  return bin;
}

export function cli(...args) {
  const r = spawnSync(cliPath(), args, { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`kubewright ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

// The typing benchmarks' timers, installed in the page before its scripts (page.addInitScript):
//   __afterFrame(): resolves once the next frame's rendering work (style, layout, paint) is done, with
//     its time in ms from that frame's requestAnimationFrame to a task posted from it (the idle wait
//     for the display's next vsync is left out: it is the same for any app);
//   __seen(pre, needle, ms): resolves with performance.now() when `pre`'s text holds `needle` (any
//     change at all when `needle` is empty), or NaN after `ms`, so a missed update never hangs a run.
export function benchTimers() {
  window.__afterFrame = () =>
    new Promise((resolve) =>
      requestAnimationFrame(() => {
        const raf = performance.now();
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now() - raf);
        channel.port2.postMessage(0);
      }),
    );
  window.__seen = (pre, needle, ms) =>
    new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (pre.textContent.includes(needle)) {
          observer.disconnect();
          resolve(performance.now());
        }
      });
      observer.observe(pre, { childList: true, subtree: true, characterData: true });
      setTimeout(() => resolve(NaN), ms);
    });
}

// Runs `fn` with the DevTools trace of `cdp`'s page recording `categories` (a list of trace
// categories); returns the trace's events and what `fn` returned.
export async function traced(cdp, categories, fn) {
  const events = [];
  const collect = ({ value }) => events.push(...value);
  cdp.on('Tracing.dataCollected', collect);
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { categories: categories.join(','), transferMode: 'ReportEvents' });
  const result = await fn();
  await cdp.send('Tracing.end');
  await done;
  cdp.off('Tracing.dataCollected', collect);
  return { events, result };
}

// A fresh page of the site at `origin` as the benches type into it: 1400 x 1000 (`options` adds to
// the context's), benchTimers installed before the page's scripts, page errors to `onError`, and
// the page taken over with the first preset's YAML shown.
export async function benchPage(browser, origin, { options = {}, onError } = {}) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, ...options });
  const page = await context.newPage();
  if (onError) page.on('pageerror', onError);
  await page.addInitScript(benchTimers);
  await page.goto(`${origin}/`);
  await awake(page);
  await page.getByTestId('yaml-all').filter({ hasText: 'kind: Deployment' }).waitFor({ state: 'attached' });
  return { context, page };
}

// The specs the typing benchmarks open: the first preset with 200 more env vars, and a small app with
// 10,000 (as bench-large.mjs).
export function benchSpecs() {
  const preset = JSON.parse(cli('spec', '--preset', cli('presets').split('\t')[0]));
  const with200 = structuredClone(preset);
  for (let i = 0; i < 200; i++) {
    const id = String(i).padStart(3, '0');
    with200.env.push({ name: `BENCH_VAR_${id}`, value: `value-${id}` });
  }
  const with10k = {
    app: { name: 'large', namespace: 'large' },
    image: { repository: 'ghcr.io/example/large', tag: '1.0.0' },
    port: { name: 'http', number: 8080 },
    env: Array.from({ length: 10_000 }, (_, i) => ({ name: `VAR_${i}`, value: `value-${i}` })),
  };
  return { with200, with10k };
}

export const median = (xs) => quantile(xs, 0.5);
// Nearest-rank quantile: the value at rank ceil(q*n), so p95 of 100 samples is the 95th smallest.
export function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil(q * s.length) - 1)];
}

// The bookkeeping every e2e script shares. `check` runs one named check, prints `ok` or `FAIL` with
// the reason, and never stops the run, so one failure does not hide the others (later checks may
// fail as a consequence: read the first FAIL). `counts` feeds the script's closing line.
// Leptos applies most updates in a microtask after the event, so every read of the output polls until
// the expectation holds (or `timeout` ms), then returns the last value seen.
export async function until(read, ok, what, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  let value;
  for (;;) {
    value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last value: ${String(value).slice(0, 300)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

// Waits for what the page leaves to the frame after an edit's YAML (the commands, the checks, the
// pictures: src/ui/later.rs), so a read then sees them for the same edit.
export async function nextFrame(page) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0)))));
}

// The text of the YAML view `id` once the frame after the last edit is drawn: an edit updates the
// part of the YAML in view at once and the rest (scrolled away) a frame later.
export async function yamlText(page, id = 'yaml-all') {
  await nextFrame(page);
  return page.getByTestId(id).textContent();
}

// The built page arrives with its first screen prerendered (scripts/prerender.mjs): until the app has
// taken it over, clicks do nothing and text typed is only carried over. Tests that drive the app wait
// for that after every navigation (tests/e2e/prerender.mjs tests the moment before).
export async function awake(page) {
  await page.waitForFunction(() => document.body && !document.body.hasAttribute('data-prerendered'), null, {
    timeout: 30_000,
  });
}

// Says where two long texts first differ, instead of dumping both.
// Where to click (page coordinates) for the row of the first line of yaml-all whose text, trimmed,
// starts with `prefix`: the box is scrolled into view and then scrolled inside so that row shows.
export function yamlLineAt(page, prefix) {
  return page.evaluate((prefix) => {
    const pre = document.querySelector('[data-testid="yaml-all"]');
    const line = pre.textContent.split('\n').findIndex((l) => l.trim().startsWith(prefix));
    const style = getComputedStyle(pre);
    const lh = parseFloat(style.lineHeight);
    const pad = parseFloat(style.paddingTop);
    pre.scrollIntoView({ block: 'center' });
    pre.scrollTop = Math.max(0, pad + line * lh - 60);
    const r = pre.getBoundingClientRect();
    return { x: r.left + 40, y: r.top + pad + (line + 0.5) * lh - pre.scrollTop };
  }, prefix);
}

export function assertSameText(actual, expected, what) {
  if (actual === expected) return;
  const a = actual.split('\n');
  const e = expected.split('\n');
  let i = 0;
  while (i < a.length && i < e.length && a[i] === e[i]) i++;
  throw new Error(
    `${what} differs at line ${i + 1} (${a.length} vs ${e.length} lines):\n` +
      `  page: ${JSON.stringify(a[i])}\n  want: ${JSON.stringify(e[i])}`,
  );
}

// Polls until the text equals `want`; on timeout says where it differs.
export async function untilSame(read, want, what) {
  let last;
  try {
    await until(async () => (last = await read()), (t) => t === want, `${what} to equal the expected text`);
  } catch {
    assertSameText(String(last), want, what);
  }
}

// The requests that left the page's origin (data: and blob: URLs never leave the page).
export function offOrigin(requests, origin) {
  return requests.filter((u) => !(u.startsWith(`${origin}/`) || u.startsWith('data:') || u.startsWith('blob:')));
}

// Serves dist/, launches chromium and runs `body({ server, browser })`; a failure outside any check
// counts too; always stops both, then prints `NAME: N passed, M failed` and exits with its verdict.
export async function harness(name, counts, body, cleanup = () => {}) {
  let server;
  let browser;
  try {
    server = await serveDist();
    browser = await launchChromium();
    await body({ server, browser });
  } catch (e) {
    counts.failed++;
    console.log(`FAIL harness: ${e?.stack ?? e}`);
  } finally {
    await browser?.close().catch(() => {});
    await server?.stop();
    cleanup();
  }
  console.log(`${name}: ${counts.passed} passed, ${counts.failed} failed`);
  process.exit(counts.failed ? 1 : 0);
}

export function checks() {
  const counts = { passed: 0, failed: 0 };
  async function check(name, fn) {
    const start = Date.now();
    try {
      await fn();
      counts.passed++;
      console.log(`ok   ${name} (${Date.now() - start} ms)`);
    } catch (e) {
      counts.failed++;
      console.log(`FAIL ${name} (${Date.now() - start} ms)\n     ${String(e?.message ?? e).split('\n').join('\n     ')}`);
    }
  }
  function assert(cond, message) {
    if (!cond) throw new Error(message);
  }
  return { check, assert, counts };
}
