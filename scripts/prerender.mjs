// Puts the first screen into the built index.html, so the first YAML arrives with the HTML instead
// of after the wasm. Run by Trunk's post_build hook (Trunk.toml) on release builds, on the staging
// folder before it becomes dist/; `node scripts/prerender.mjs DIR` runs it on a built folder by hand.
//
// The first screen is not kept anywhere by hand: the built app itself renders it in headless
// Chromium (fresh profile, so the first preset with empty secret values), and this writes what it
// rendered into <body data-prerendered>. Controls' values become attributes; `style` attributes are
// dropped (the CSP refuses them in HTML; the stylesheet carries the same defaults). The app takes
// the screen over at start-up (src/takeover.rs). Two loads must give the same HTML, so nothing
// random made at start-up (a key, a generated secret) can be baked in and shared by every visitor.
// Then the stylesheet goes into the HTML too (scripts/inline-style.mjs), and the first paint waits
// for the whole screen (below): the first frame a visitor sees is the finished first screen.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { launchChromium, serveDist } from '../tests/e2e/lib.mjs';
import { inlineStyleInto } from './inline-style.mjs';

const dir = path.resolve(process.env.TRUNK_STAGING_DIR || process.argv[2] || 'dist');
if (process.env.TRUNK_PROFILE === 'debug') {
  console.log('prerender: debug build, first screen not prerendered');
  process.exit(0);
}
// The width the snapshot is taken at: a wide screen (style.css switches to the phone layout at 700 px
// and keeps the prerendered page matching it there, see `body[data-prerendered]`).
const VIEWPORT = { width: 1280, height: 800 };

// Loads the page once and returns the body's HTML as the app rendered it.
async function snapshot(browser, origin) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${origin}/`);
    await page.waitForFunction(
      () =>
        document.querySelector('pre.yaml')?.textContent.length > 100 &&
        document.querySelector('pre.commands')?.textContent.length > 0,
      null,
      { timeout: 60_000 },
    );
    // Effects run after the first render: let two frames pass so the screen has settled.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    if (errors.length) throw new Error(`the app reported errors while rendering:\n${errors.join('\n')}`);
    return { html: await page.evaluate(freeze), last: await page.evaluate(lastPart) };
  } finally {
    await context.close();
  }
}

// In the page: writes every control's state into attributes and returns the body's HTML.
function freeze() {
  for (const el of document.querySelectorAll('input, textarea, select')) {
    if (el.type === 'password' && el.value) throw new Error(`a secret box holds a value: ${el.dataset.testid}`);
    if (el.type === 'checkbox' || el.type === 'radio') el.toggleAttribute('checked', el.checked);
    else if (el.tagName === 'TEXTAREA') el.textContent = el.value;
    else if (el.tagName === 'SELECT') for (const o of el.options) o.toggleAttribute('selected', o.selected);
    else if (el.type !== 'file') el.setAttribute('value', el.value);
  }
  // A `style` attribute in HTML is refused by the CSP. The YAML view's row marks are positioned only
  // by theirs: they come back when the app takes over (absolutely placed, so nothing moves).
  for (const mark of document.querySelectorAll('pre.yaml .marks > *')) mark.remove();
  for (const el of document.querySelectorAll('[style]')) el.removeAttribute('style');
  if (document.body.querySelector('script')) throw new Error('the first screen holds a <script>');
  return document.body.innerHTML;
}

// In the page: the id of the element that ends last in the body (the one whose last descendant comes
// last), so that once it is parsed the whole screen is.
function lastPart() {
  const end = (el) => (el.lastElementChild ? end(el.lastElementChild) : el);
  let last = null;
  for (const el of document.body.querySelectorAll('[id]')) {
    if (!last || end(last).compareDocumentPosition(end(el)) & Node.DOCUMENT_POSITION_FOLLOWING) last = el;
  }
  if (!last) throw new Error('the first screen has no element with an id');
  return last.id;
}

const index = path.join(dir, 'index.html');
const html = readFileSync(index, 'utf8');
const empty = '<body></body>';
if (html.split(empty).length !== 2) throw new Error(`prerender: ${index} has no single empty ${empty}`);

const server = await serveDist(dir);
const browser = await launchChromium();
let first;
try {
  first = await snapshot(browser, server.origin);
  const second = await snapshot(browser, server.origin);
  if (first.html !== second.html) throw new Error('prerender: two loads rendered different first screens (something random at start-up?)');
} finally {
  await browser.close().catch(() => {});
  await server.stop();
}
// The browser may paint a page before it has parsed all of it, and lay it out again with each part:
// on a slow phone, three layouts of this page before the YAML shows. `rel=expect` holds the first
// paint until the screen's last part is parsed: one layout, one paint.
const expect = `<link rel="expect" href="#${first.last}" blocking="render" />\n  </head>`;
// (Functions, so that a `$&` or `$'` in the screen's text is not a replacement pattern.)
writeFileSync(index, html.replace('</head>', () => expect).replace(empty, () => `<body data-prerendered>${first.html}</body>`));
const file = inlineStyleInto(dir);
console.log(`prerender: first screen written into ${index} (${first.html.length} characters), ${file} inlined`);
