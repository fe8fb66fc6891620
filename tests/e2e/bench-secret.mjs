// Typing at the end of a 1 MB secret value, for two or more builds in one run, alternating (the
// order flips every round, a fresh page each time): per build the median time from the input event
// to the YAML changing in the DOM ("dom"), the next frame's style/layout/paint after it ("render";
// frame = dom + render, as bench-large.mjs measures), and "end to end": from the input event to a
// task posted from the next frame, so work queued before the frame (other animation-frame
// callbacks) and the wait for the display's frame count too. No pass/fail.
//
//   node tests/e2e/bench-secret.mjs 'base|out/dist-base' 'this|dist' ['label|dir|extra CSS' ...]
//
// An optional third part is CSS added to the page (to try a style without a build). K (default 10)
// keystrokes a page after 2 uncounted, R (default 2) rounds.
import { benchPage, launchChromium, median, serveDist } from './lib.mjs';
const KEYS = Number(process.env.K || 10);
const variants = process.argv.slice(2).map((a) => { const [label, dir, css] = a.split('|'); return { label, dir, css }; });
const base = { app: { name: 'large', namespace: 'large' }, image: { repository: 'ghcr.io/example/large', tag: '1.0.0' }, port: { name: 'http', number: 8080 } };
const bigSecret = { ...base, secrets: [{ name: 'BIG', value: 'x'.repeat(1 << 20) }] };
const browser = await launchChromium();
const servers = new Map();
for (const v of variants) if (!servers.has(v.dir)) servers.set(v.dir, await serveDist(v.dir));
const res = new Map();
for (let round = 0; round < Number(process.env.R || 2); round++) {
  for (const v of round % 2 ? [...variants].reverse() : variants) {
    const { context, page } = await benchPage(browser, servers.get(v.dir).origin, { options: { bypassCSP: true } });
    if (v.css) await page.addStyleTag({ content: v.css });
    await page.getByTestId('spec-file').setInputFiles({ name: 'l.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bigSecret)) });
    await page.getByTestId('yaml-all').filter({ hasText: 'BIG: eHh4' }).waitFor({ state: 'attached', timeout: 120000 });
    await page.getByTestId('tab-secrets').click();
    const s = await page.evaluate(async (keys) => {
      const input = document.querySelector('[data-testid="secret-value"]');
      const pre = document.querySelector('[data-testid="yaml-all"]');
      const out = [];
      for (let i = 0; i < keys + 2; i++) {
        const seen = window.__seen(pre, '', 10000);
        input.value = input.value + 'a';
        const t0 = performance.now();
        input.dispatchEvent(new Event('input', { bubbles: true }));
        const dom = await seen; const render = await window.__afterFrame(); const end = performance.now();
        if (i >= 2) out.push([dom - t0, render, end - t0]);
        await window.__afterFrame();
      }
      return out;
    }, KEYS);
    res.set(v.label, [...(res.get(v.label) || []), ...s]);
    await context.close();
  }
}
for (const v of variants) {
  const s = res.get(v.label);
  console.log(v.label.padEnd(20), 'dom', median(s.map((x) => x[0])).toFixed(1), 'render', median(s.map((x) => x[1])).toFixed(1), 'frame', median(s.map((x) => x[0] + x[1])).toFixed(1), 'end-to-end', median(s.map((x) => x[2])).toFixed(1));
}
await browser.close();
for (const s of servers.values()) await s.stop();
