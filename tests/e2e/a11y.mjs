// Accessibility and layout of the built site (dist/) in headless chromium:
//
//   node tests/e2e/a11y.mjs       (from the repo root; needs dist/ built and tools/node installed)
//
// - axe-core (pinned in tools/node) on every tab of the form, with the annotated view and an open
//   explanation: zero serious or critical violations, in light and in dark mode;
// - every control has an accessible name and the whole form is reachable with the Tab key;
// - dark mode follows prefers-color-scheme; at 375 px nothing is wider than the screen;
// - the explanation, highlight and click-to-field work with a real mouse and keyboard;
// - screenshots of the light, dark and narrow layouts in out/screenshots/.
// Prints one line per check, then `a11y: N passed, M failed`; exits 1 on any failure.

import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { awake, checks, cli, launchChromium, ROOT, serveDist, until, yamlLineAt } from './lib.mjs';

const { check, assert, counts } = checks();

const requireTools = createRequire(new URL('../../tools/node/package.json', import.meta.url));
const AXE_SOURCE = readFileSync(requireTools.resolve('axe-core/axe.min.js'), 'utf8');
const SHOTS = path.join(ROOT, 'out', 'screenshots');
const TIMEOUT = 10_000;

// Runs axe-core in the page; returns the serious and critical violations as readable lines.
async function axe(page, what) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) {
    await page.addScriptTag({ content: AXE_SOURCE });
  }
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1, 2).join(' ')}`),
    }));
  });
  const bad = result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  return bad.map((v) => `${what}: [${v.impact}] ${v.id} (${v.help}) at ${v.nodes.join(' | ')}`);
}

async function openApp(browser, options = {}) {
  // bypassCSP: the page's CSP refuses inline scripts, and axe-core is injected as one (test only).
  const context = await browser.newContext({ ...options, bypassCSP: true });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(`${server.origin}/index.html`);
  await awake(page);
  await page.getByTestId('yaml-all').filter({ hasText: 'kind: Deployment' }).waitFor({ state: 'attached', timeout: TIMEOUT });
  return { context, page, errors };
}

async function choosePreset(page, id) {
  await page.getByTestId('preset-select').selectOption(id);
  await page.getByTestId('yaml-all').filter({ hasText: 'kind: Deployment' }).waitFor({ state: 'attached' });
}

const tabs = async (page) => page.locator('[role="tab"][data-testid^="tab-"]').evaluateAll((els) => els.map((e) => e.dataset.testid));

const server = await serveDist();
const browser = await launchChromium();
mkdirSync(SHOTS, { recursive: true });

try {
  for (const scheme of ['light', 'dark']) {
    await check(`axe-core: no serious or critical violations on any tab (${scheme})`, async () => {
      const { context, page, errors } = await openApp(browser, { colorScheme: scheme, viewport: { width: 1280, height: 900 } });
      await choosePreset(page, 'phoenix');
      const problems = [];
      // The annotated view and one open explanation are part of what is checked.
      await page.getByTestId('annotated').check();
      for (const tab of await tabs(page)) {
        await page.getByTestId(tab).click();
        const first = page.locator('.tab-panel details.explain summary').first();
        if (await first.count()) await first.click();
        problems.push(...(await axe(page, tab)));
      }
      await context.close();
      assert(errors.length === 0, `page errors: ${errors.join('; ')}`);
      assert(problems.length === 0, problems.join('\n'));
    });
  }

  // The review banner of kept objects (a link carrying a dangerous DaemonSet and a dropped Secret).
  const kept = JSON.parse(cli('spec', '--preset', 'phoenix-article'));
  kept.extra = [
    { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'x' }, stringData: { A: 'b' } },
    { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'node-helper' }, spec: { template: { spec: {
      hostPID: true, containers: [{ name: 'c', image: 'evil.example.com/c', securityContext: { privileged: true } }] } } } },
  ];
  const keptLink = `${server.origin}/index.html#s=${deflateRawSync(Buffer.from(JSON.stringify(kept))).toString('base64url')}`;
  for (const scheme of ['light', 'dark']) {
    await check(`axe-core: no serious or critical violations in the start-up stage, after an edit and a press, and on a phone its YAML (${scheme})`, async () => {
      // The page's wasm held back: the start-up module runs the prerendered form, and the checks and
      // pictures it does not update are marked as waiting for the page.
      const context = await browser.newContext({ colorScheme: scheme, bypassCSP: true });
      await context.route('**/kubewright-web*_bg.wasm', () => {});
      const page = await context.newPage();
      await page.goto(`${server.origin}/index.html`);
      await page.waitForFunction(() => document.body.hasAttribute('data-boot'), null, { timeout: TIMEOUT });
      await page.getByTestId('app-name').fill('shop');
      await page.waitForFunction(() => document.body.hasAttribute('data-stale'), null, { timeout: TIMEOUT });
      // A tab pressed meanwhile: it waits for the page, and a status line says so.
      await page.getByTestId('tab-image').click();
      await page.locator('.page-loading').waitFor({ timeout: TIMEOUT });
      const problems = await axe(page, 'start-up stage');
      // On a phone, the YAML chosen with the view switch (the start-up stage does that itself).
      await page.setViewportSize({ width: 390, height: 844 });
      await page.getByTestId('pane-yaml').click();
      await page.getByTestId('yaml-all').waitFor({ timeout: TIMEOUT });
      problems.push(...(await axe(page, 'start-up stage, phone, YAML')));
      await context.close();
      assert(problems.length === 0, problems.join('\n'));
    });

    await check(`axe-core: no serious or critical violations with the kept-objects banner (${scheme})`, async () => {
      const context = await browser.newContext({ colorScheme: scheme, bypassCSP: true, viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      await page.goto(keptLink);
      await awake(page);
      await page.getByTestId('kept-item').first().waitFor({ timeout: TIMEOUT });
      const problems = await axe(page, 'kept banner');
      await page.getByTestId('kept-review').screenshot({ path: path.join(SHOTS, `kept-review-${scheme}.png`) });
      await context.close();
      assert(problems.length === 0, problems.join('\n'));
    });
  }

  await check('every control has an accessible name, and Tab reaches every field of a tab', async () => {
    const { context, page } = await openApp(browser, { viewport: { width: 1280, height: 900 } });
    await choosePreset(page, 'phoenix');
    const unnamed = [];
    for (const tab of await tabs(page)) {
      await page.getByTestId(tab).click();
      const fields = await page.locator('input, select, button, summary, a[href]').evaluateAll((els) =>
        els.filter((e) => e.offsetParent !== null).map((e) => e.dataset.path || e.dataset.testid || e.outerHTML.slice(0, 60)),
      );
      // Accessible names as the browser computes them (the accessibility tree).
      const snapshot = await page.locator('body').ariaSnapshot();
      for (const role of ['textbox', 'combobox', 'checkbox', 'radio', 'button']) {
        for (const m of snapshot.matchAll(new RegExp(`- ${role}(?: "([^"]*)")?`, 'g'))) {
          if (!m[1]) unnamed.push(`${tab}: a ${role} without a name`);
        }
      }
      assert(fields.length > 0, `${tab}: no controls`);
    }
    // Keyboard: from the app tab's first field, Tab walks through every field of the tab in order.
    await page.getByTestId('tab-app').click();
    const paths = await page.locator('.tab-panel [data-path]').evaluateAll((els) => els.map((e) => e.dataset.path));
    await page.locator('.tab-panel [data-path]').first().focus();
    const reached = new Set();
    for (let i = 0; i < 80; i++) {
      const p = await page.evaluate(() => document.activeElement?.dataset?.path);
      if (p) reached.add(p);
      await page.keyboard.press('Tab');
    }
    const missing = paths.filter((p) => !reached.has(p));
    await context.close();
    assert(unnamed.length === 0, unnamed.join('\n'));
    assert(missing.length === 0, `not reachable with Tab: ${missing.join(', ')}`);
  });

  await check('explanations open with the keyboard (F1 in the field); pointing at a field lights its lines; clicking a line focuses its field', async () => {
    const { context, page } = await openApp(browser, { viewport: { width: 1280, height: 900 } });
    await choosePreset(page, 'phoenix-article');
    // The "?" is out of the Tab order; F1 in the field opens its explanation.
    await page.getByTestId('app-replicas').focus();
    await page.keyboard.press('F1');
    await until(() => page.locator('[data-explains="app.replicas"]').getAttribute('open'), (o) => o !== null, 'the explanation open');
    const body = await page.locator('[data-explains="app.replicas"]').innerText();
    assert(body.includes('kubectl explain deployment.spec.replicas'), body);
    await page.getByTestId('app-max-surge').hover();
    // The marks under the text carry their line number.
    const lit = await until(
      () =>
        page.evaluate(() => {
          const pre = document.querySelector('[data-testid="yaml-all"]');
          const lines = pre.textContent.split('\n');
          return [...pre.querySelectorAll('.mark.hl')].map((m) => lines[Number(m.dataset.line)].trim());
        }),
      (l) => l.length > 0,
      'highlighted lines',
    );
    assert(lit.join('|') === 'maxSurge: 10%', `lit: ${lit}`);
    // A real mouse click on the row of the first `memory: 128Mi` line, scrolled into view.
    const at = await yamlLineAt(page, 'memory: 128Mi');
    await page.mouse.click(at.x, at.y);
    const focused = await until(() => page.evaluate(() => document.activeElement?.dataset?.path), (p) => !!p, 'focus');
    assert(focused === 'resources.requests.memory', `focused ${focused}`);
    await context.close();
  });

  await check('dark mode follows prefers-color-scheme', async () => {
    const colors = {};
    for (const scheme of ['light', 'dark']) {
      const { context, page } = await openApp(browser, { colorScheme: scheme });
      colors[scheme] = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
      await context.close();
    }
    assert(colors.light !== colors.dark, `same background in both: ${JSON.stringify(colors)}`);
    const [r, g, b] = colors.dark.match(/\d+/g).map(Number);
    assert(r + g + b < 150, `dark background is not dark: ${colors.dark}`);
  });

  await check('usable at 375 px: nothing wider than the screen on every tab; axe finds nothing serious in its YAML and Commands views', async () => {
    const { context, page } = await openApp(browser, { viewport: { width: 375, height: 800 } });
    await choosePreset(page, 'phoenix');
    const wide = [];
    for (const tab of await tabs(page)) {
      await page.getByTestId(tab).click();
      const over = await page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        const out = [];
        if (document.documentElement.scrollWidth > width) out.push(`page scrolls sideways (${document.documentElement.scrollWidth} > ${width})`);
        for (const e of document.querySelectorAll('.form input, .form select, .form button, .top select, .top input')) {
          const r = e.getBoundingClientRect();
          if (r.width > 0 && r.right > width + 1) out.push(`${e.dataset.testid || e.tagName} ends at ${Math.round(r.right)}`);
        }
        return out;
      });
      wide.push(...over.map((o) => `${tab}: ${o}`));
    }
    // The phone's other two views, through its switch.
    const problems = [];
    for (const pane of ['yaml', 'commands']) {
      await page.getByTestId(`pane-${pane}`).click();
      problems.push(...(await axe(page, `${pane} view at 375 px`)));
    }
    await context.close();
    assert(wide.length === 0, wide.join('\n'));
    assert(problems.length === 0, problems.join('\n'));
  });

  await check('screenshots: light, dark and narrow layouts', async () => {
    for (const [name, options] of [
      ['light', { colorScheme: 'light', viewport: { width: 1280, height: 900 } }],
      ['dark', { colorScheme: 'dark', viewport: { width: 1280, height: 900 } }],
      ['narrow', { colorScheme: 'light', viewport: { width: 375, height: 812 } }],
    ]) {
      const { context, page } = await openApp(browser, options);
      await choosePreset(page, 'phoenix');
      await page.getByTestId('app-replicas').focus();
      const file = path.join(SHOTS, `learn-${name}.png`);
      await page.screenshot({ path: file, fullPage: name !== 'narrow' });
      await context.close();
    }
  });
} finally {
  await browser.close();
  await server.stop();
}

console.log(`a11y: ${counts.passed} passed, ${counts.failed} failed`);
process.exit(counts.failed ? 1 : 0);
