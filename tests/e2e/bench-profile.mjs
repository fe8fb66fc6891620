// Where a keystroke's script time goes: a CPU profile (the DevTools Profiler, sampling every 50 us)
// over N keystrokes, summed per function: self time, and total time (the function and what it
// called). Needs a build whose wasm keeps its function names: scripts/names-kept.sh makes one from
// dist/ and the cargo artifact it was built from. No pass/fail: it is for finding what to make
// cheaper. Inflates every figure (the profiler's own cost); compare builds, not milliseconds.
//
//   node tests/e2e/bench-profile.mjs DIR [preset|200|10k|secret] [N]
//
// preset, 200 and 10k type in the app name (focused, as a person types); secret types at the end
// of a 1 MB secret value. The profile is also written to out/keystrokes-<scenario>.cpuprofile
// (open it in the DevTools Performance panel).
import fs from 'node:fs';
import path from 'node:path';
import { benchPage, benchSpecs, launchChromium, ROOT, serveDist } from './lib.mjs';

const dir = process.argv[2];
const which = process.argv[3] || 'preset';
const N = Number(process.argv[4] || 60);
const server = await serveDist(dir);
const browser = await launchChromium();
try {
  const { context, page } = await benchPage(browser, server.origin, { onError: (e) => console.log('pageerror', e.message) });
  const { with200, with10k } = benchSpecs();
  const bigSecret = { ...with10k, env: [], secrets: [{ name: 'BIG', value: 'x'.repeat(1 << 20) }] };
  const spec = which === '200' ? with200 : which === '10k' ? with10k : which === 'secret' ? bigSecret : null;
  const field = which === 'secret' ? 'secret-value' : 'app-name';
  if (spec) {
    await page.getByTestId('spec-file').setInputFiles({ name: 'b.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(spec)) });
    await page.getByTestId('yaml-all').filter({ hasText: which === '200' ? 'BENCH_VAR_199' : which === 'secret' ? 'BIG: eHh4' : 'VAR_9999' }).waitFor({ state: 'attached', timeout: 120_000 });
  }
  await page.getByTestId(which === 'secret' ? 'tab-secrets' : 'tab-app').click();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await page.evaluate(async (field) => {
    const input = document.querySelector(`[data-testid="${field}"]`);
    input.focus();
    await window.__afterFrame();
  }, field);
  await cdp.send('Profiler.start');
  const times = await page.evaluate(async ([n, field]) => {
    const input = document.querySelector(`[data-testid="${field}"]`);
    const out = [];
    for (let i = 0; i < n; i++) {
      input.value = field === 'secret-value' ? input.value + 'a' : `prof-${i}`;
      const t0 = performance.now();
      input.dispatchEvent(new Event('input', { bubbles: true }));
      const t1 = performance.now();
      await window.__afterFrame();
      await new Promise((r) => setTimeout(r, 20));
      out.push(t1 - t0);
    }
    return out;
  }, [N, field]);
  const { profile } = await cdp.send('Profiler.stop');
  const out = path.join(ROOT, 'out');
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, `keystrokes-${which}.cpuprofile`), JSON.stringify(profile));
  times.sort((a, b) => a - b);
  console.log(`${N} keystrokes; the input event's own handler: median ${times[Math.floor(times.length / 2)].toFixed(2)} ms`);
  // self and total time per function name
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
  const self = new Map();
  const total = new Map();
  const dt = profile.timeDeltas;
  for (let i = 0; i < profile.samples.length; i++) {
    const d = (dt[i + 1] ?? 0) / 1000;
    let id = profile.samples[i];
    const n0 = byId.get(id);
    const name0 = n0.callFrame.functionName || `(${n0.callFrame.url.split('/').pop()})`;
    self.set(name0, (self.get(name0) || 0) + d);
    const seen = new Set();
    while (id !== undefined) {
      const n = byId.get(id);
      const name = n.callFrame.functionName || '(anon)';
      if (!seen.has(name)) { seen.add(name); total.set(name, (total.get(name) || 0) + d); }
      id = parent.get(id);
    }
  }
  const top = (m, k) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([n, t]) => `${(t / N).toFixed(3).padStart(8)} ms  ${n.slice(0, 150)}`).join('\n');
  console.log(`per keystroke, SELF:\n${top(self, 40)}\n\nper keystroke, TOTAL:\n${top(total, 120)}`);
  await context.close();
} finally {
  await browser.close();
  await server.stop();
}
