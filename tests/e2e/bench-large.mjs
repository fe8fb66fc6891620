// Large input in headless chromium: a spec with 10,000 env vars, and one with a 1 MB secret value,
// opened through "open a spec file". Prints how long the page takes to show them and the keystroke
// latency afterwards; no pass/fail (machines differ).
//
//   node tests/e2e/bench-large.mjs      (scripts/bench.sh runs it after bench.mjs)
//
// BENCH_LARGE_KEYS (default 20) keystrokes per scenario, after 3 uncounted.

import { benchPage, launchChromium, median, quantile, serveDist } from './lib.mjs';

const KEYS = Number(process.env.BENCH_LARGE_KEYS || 20);
const WARMUP = 3;
const ENV_VARS = 10_000;
const SECRET_BYTES = 1 << 20;

const ms = (x) => (x === undefined || Number.isNaN(x) ? '-' : `${x.toFixed(1)} ms`);

// Runs in the page: `keys` edits of the input `[data-testid=testid]` (the `index`th), each measured
// from the dispatch of `input` to the moment yaml-all changed, plus the following frame's
// style/layout/paint (as in bench.mjs). `suffix` mode appends one character to the current value
// (typing at the end of a long value); otherwise the value is replaced by `kb-<i>`.
async function typeKeys({ keys, warmup, testid, index, suffix }) {
  const input = document.querySelectorAll(`[data-testid="${testid}"]`)[index];
  const pre = document.querySelector('[data-testid="yaml-all"]');
  const afterFrame = window.__afterFrame;
  const samples = [];
  for (let i = 0; i < warmup + keys; i++) {
    const seen = window.__seen(pre, '', 10000);
    input.value = suffix ? input.value + String.fromCharCode(97 + (i % 26)) : `kb-${i}`;
    const t0 = performance.now();
    input.dispatchEvent(new Event('input', { bubbles: true }));
    const dom = await seen;
    const render = await afterFrame();
    if (i >= warmup) samples.push({ dom: dom - t0, frame: dom - t0 + render });
    await afterFrame();
  }
  return samples;
}

// Opens a spec through the file input and waits until yaml-all contains `needle`.
async function open(page, spec, needle) {
  const t0 = Date.now();
  await page.getByTestId('spec-file').setInputFiles({
    name: 'large.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(spec)),
  });
  await page.getByTestId('yaml-all').filter({ hasText: needle }).waitFor({ state: 'attached', timeout: 120_000 });
  return Date.now() - t0;
}

const base = {
  app: { name: 'large', namespace: 'large' },
  image: { repository: 'ghcr.io/example/large', tag: '1.0.0' },
  port: { name: 'http', number: 8080 },
};
const manyEnv = {
  ...base,
  env: Array.from({ length: ENV_VARS }, (_, i) => ({ name: `VAR_${i}`, value: `value-${i}` })),
};
const bigSecret = {
  ...base,
  secrets: [{ name: 'BIG', value: 'x'.repeat(SECRET_BYTES) }],
};

const server = await serveDist();
const browser = await launchChromium();
const results = [];
try {
  for (const [label, spec, needle, scenarios] of [
    [`${ENV_VARS} env vars`, manyEnv, `VAR_${ENV_VARS - 1}: value-${ENV_VARS - 1}`, [
      ['app name', 'tab-app', 'app-name', 0, false],
      ['an env value (100 rows shown)', 'tab-env', 'env-value', 0, false],
    ]],
    ['a 1 MB secret value', bigSecret, 'BIG: eHh4', [
      ['app name', 'tab-app', 'app-name', 0, false],
      ['the end of the secret value', 'tab-secrets', 'secret-value', 0, true],
    ]],
  ]) {
    const errors = [];
    const { context, page } = await benchPage(browser, server.origin, { onError: (e) => errors.push(String(e)) });
    const loadMs = await open(page, spec, needle);
    results.push({ label, what: 'open the spec file -> its YAML in the DOM', load: loadMs });
    for (const [what, tab, testid, index, suffix] of scenarios) {
      await page.getByTestId(tab).click();
      await page.getByTestId(testid).nth(index).waitFor({ state: 'attached' });
      const samples = await page.evaluate(typeKeys, { keys: KEYS, warmup: WARMUP, testid, index, suffix });
      results.push({ label, what: `keystroke in ${what}`, samples });
    }
    const panics = await page.getByTestId('panic-banner').count();
    results.push({ label, what: `panic banner: ${panics ? 'YES' : 'no'}; page errors: ${errors.length}` });
    await context.close();
  }
  const col = (s, w) => String(s).padEnd(w);
  console.log(`Large input (headless chromium; ${KEYS} keystrokes per scenario after ${WARMUP} uncounted)`);
  console.log(`${col('input', 22)}${col('measure', 66)}${col('median', 11)}p95`);
  for (const r of results) {
    if (r.load !== undefined) console.log(`${col(r.label, 22)}${col(r.what, 66)}${ms(r.load)}`);
    else if (!r.samples) console.log(`${col(r.label, 22)}${r.what}`);
    else {
      for (const k of ['dom', 'frame']) {
        const xs = r.samples.map((s) => s[k]).filter((x) => !Number.isNaN(x));
        const m = k === 'dom' ? ' -> YAML in the DOM' : ' -> + style/layout/paint';
        console.log(`${col(r.label, 22)}${col(r.what + m, 66)}${col(ms(median(xs)), 11)}${ms(quantile(xs, 0.95))}`);
      }
    }
  }
} finally {
  await browser.close().catch(() => {});
  await server.stop();
}
