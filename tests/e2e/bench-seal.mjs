// Keystroke latency while sealing (a figure, not a pass/fail): with a 4096-bit sealed-secrets
// certificate pasted, each keystroke in a secret value re-seals that value (one RSA-OAEP encryption and
// one AES-GCM), and each keystroke in the app name re-seals every value (strict scope binds to the name).
//
//   node tests/e2e/bench-seal.mjs        (needs dist/, tools/node and tools/.venv; BENCH_KEYS=100)

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { awake, ROOT, launchChromium, median, quantile, serveDist } from './lib.mjs';

const KEYS = Number(process.env.BENCH_KEYS ?? 100);
const WARMUP = 10;

// Runs in the page: each keystroke sets the box's value, dispatches `input`, and waits until the
// YAML text has changed (synchronously, or when a MutationObserver sees it).
async function typeKeys({ testid, keys, warmup }) {
  const input = document.querySelector(`[data-testid="${testid}"]`);
  const pre = document.querySelector('[data-testid="yaml-all"]');
  const samples = [];
  for (let i = 0; i < warmup + keys; i++) {
    const before = pre.textContent;
    const changed = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (pre.textContent !== before) {
          observer.disconnect();
          resolve(performance.now());
        }
      });
      observer.observe(pre, { childList: true, subtree: true, characterData: true });
      setTimeout(() => resolve(NaN), 5000);
    });
    input.value = `bench-${i}`;
    const t0 = performance.now();
    input.dispatchEvent(new Event('input', { bubbles: true }));
    const done = pre.textContent !== before ? performance.now() : await changed;
    if (i >= warmup) samples.push(done - t0);
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  }
  return samples;
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'kubewright-bench-seal-'));
const keygen = spawnSync(path.join(ROOT, 'tools/.venv/bin/python'), [path.join(ROOT, 'tests/oracles/unseal.py'), 'keygen', dir]);
if (keygen.status !== 0) throw new Error(`unseal.py keygen failed: ${keygen.stderr}`);
const cert = readFileSync(path.join(dir, 'cert.pem'), 'utf8');
rmSync(dir, { recursive: true, force: true });

const server = await serveDist();
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(`${server.origin}/`);
  await awake(page);
  // The article's app: three secrets.
  await page.getByTestId('preset-select').selectOption('phoenix-article');
  await page.getByTestId('yaml-all').filter({ hasText: 'name: kube-native' }).waitFor({ state: 'attached' });
  await page.getByTestId('tab-secrets').click();
  await page.getByTestId('seal-cert').fill(cert);
  await page.getByTestId('yaml-all').filter({ hasText: 'kind: SealedSecret' }).waitFor({ state: 'attached' });
  const values = await page.getByTestId('secret-value').count();
  const value = await page.evaluate(typeKeys, { testid: 'secret-value', keys: KEYS, warmup: WARMUP });
  await page.getByTestId('tab-app').click();
  const name = await page.evaluate(typeKeys, { testid: 'app-name', keys: KEYS, warmup: WARMUP });
  const ms = (x) => `${x.toFixed(1)} ms`;
  console.log(`Sealing (RSA-4096 certificate; ${KEYS} keystrokes each after ${WARMUP} uncounted)`);
  console.log(`${'measure'.padEnd(62)} ${'median'.padStart(9)} ${'p95'.padStart(9)}`);
  for (const [label, xs] of [
    ['keystroke in a secret value -> YAML (1 value re-sealed)', value],
    [`keystroke in the app name -> YAML (all ${values} values re-sealed)`, name],
  ]) {
    console.log(`${label.padEnd(62)} ${ms(median(xs)).padStart(9)} ${ms(quantile(xs, 0.95)).padStart(9)}`);
  }
} finally {
  await browser.close();
  await server.stop();
}
