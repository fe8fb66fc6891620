import { chromium } from '../../../tools/node/node_modules/playwright-core/index.mjs';
import zlib from 'node:zlib';
const port = process.argv[2];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync'] });
const page = await browser.newPage();
await page.goto(`http://127.0.0.1:${port}/`);
await page.waitForFunction(() => { const p = document.querySelector('pre.yaml'); return p && p.textContent.length > 100; }, null, { timeout: 60000 });
const r = await page.evaluate(() => {
  for (const el of document.querySelectorAll('input,textarea')) { if (el.type==='checkbox'||el.type==='radio') { if (el.checked) el.setAttribute('checked',''); } else el.setAttribute('value', el.value); }
  const styled = document.querySelectorAll('[style]').length;
  const yaml = [...document.querySelectorAll('pre.yaml')].map(p => p.textContent.length);
  return { body: document.body.outerHTML, styled, yaml, elements: document.body.querySelectorAll('*').length, inputs: document.querySelectorAll('input,select,textarea').length, hidden: document.querySelectorAll('[hidden]').length };
});
console.log(JSON.stringify({ bodyRaw: r.body.length, bodyGz: zlib.gzipSync(Buffer.from(r.body), { level: 9 }).length, styled: r.styled, yaml: r.yaml, elements: r.elements, inputs: r.inputs, hidden: r.hidden }));
await browser.close();
