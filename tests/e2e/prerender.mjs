// The first screen that comes with the HTML (scripts/prerender.mjs writes it at build time) and the
// app's take-over of it:
//
//   node tests/e2e/prerender.mjs      (from the repo root; needs dist/ from `trunk build --release`)
//
// - Read with JavaScript off, dist's page already shows the first preset's form, full YAML and
//   commands, and they equal what the app shows once it runs (and what the CLI prints).
// - No secret value, <script> or style attribute is in the HTML; two fresh visits get the same page.
// - The stylesheet is inline, allowed by its sha256 in the CSP (the hash is checked against the text,
//   and the page is seen styled, with no CSP violation); the first paint waits for the whole screen.
// - With all wasm held back, text typed into the prerendered form survives the take-over (value,
//   focus, caret) and reaches the YAML; nothing visible moves (boxes measured before and after, and
//   the browser's layout-shift score), at a laptop's and a phone's width; no CSP violation, no
//   console error, no request off the origin.
// - With only the page's wasm held back, the start-up module (crates/boot) makes the form live: the
//   YAML and commands follow each keystroke and equal the CLI's for the edited spec; text the field
//   cannot take leaves the YAML as it was; the page takes over the very same text. A visitor with a
//   saved form gets no start-up stage. The start-up module's wasm is the first wasm fetched, and,
//   with the CPU slowed 4x, compiled only after the first screen's first frame.

import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { assertSameText, awake, checks, cli, DIST, harness, offOrigin, ROOT, until, untilSame, yamlLineAt } from './lib.mjs';

const { check, assert, counts } = checks();
const TIMEOUT = 15_000;

const firstPreset = cli('presets').trim().split('\n')[0].split('\t')[0];
const wantYaml = cli('render', '--preset', firstPreset);
const wantCommands = cli('commands', '--preset', firstPreset, '--for', 'all');

// Observers installed before any page script (through the DevTools protocol, not the page's CSP):
// layout shifts and CSP violations from the first moment.
function watch() {
  window.__shifts = [];
  window.__csp = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__shifts.push({ value: e.value, input: e.hadRecentInput });
  }).observe({ type: 'layout-shift', buffered: true });
  document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
}

// The boxes a visitor looks at, by test id, where they are in the page: they must not move at take-over.
const BOXES = ['app-name', 'preset-select', 'yaml-all', 'commands', 'export-menu'];
const boxes = (page) =>
  page.evaluate((ids) => {
    const out = {};
    for (const id of ids) {
      const el = document.querySelector(`[data-testid="${id}"]`);
      const r = el?.getBoundingClientRect();
      const at = r && [r.x + scrollX, r.y + scrollY, r.width, r.height];
      out[id] = r && r.width ? at.map((v) => Math.round(v)).join(',') : 'hidden';
    }
    return out;
  }, BOXES);

const requests = [];
const problems = []; // console errors, page errors

await harness('prerender', counts, async ({ server, browser }) => {
  const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const body = html.slice(html.indexOf('<body'));

  await check('dist/index.html holds the prerendered first screen: no <script>, no style attribute', async () => {
    assert(body.startsWith('<body data-prerendered>'), `body starts ${body.slice(0, 60)}`);
    assert(!/<script/i.test(body), 'a <script> in the body');
    assert(!/\sstyle=/i.test(body), 'a style attribute in the body');
    assert(!html.includes('<body></body>'), 'an empty body as well');
  });

  // With its YAML equal to the CLI's (below), which holds no random key, this leaves no secret.
  await check('no secret value in the HTML: any secret box in it is empty', async () => {
    const values = [...body.matchAll(/<input[^>]*type="password"[^>]*>/g)].map((m) => m[0]);
    const filled = values.filter((tag) => /\svalue="[^"]/.test(tag));
    assert(filled.length === 0, `secret boxes with a value: ${filled.join(' ')}`);
  });

  // A release build inlines the stylesheet (scripts/inline-style.mjs) and the CSP allows that text by
  // its hash: a hash that does not match would leave the page unstyled without any error, so it is
  // computed here again from what the page holds.
  await check('the stylesheet is one inline <style> (style.css\'s rules) that the CSP allows by its sha256', async () => {
    // (Not in HTML comments: one may well speak of a <style>.)
    const styles = [...html.replace(/<!--[\s\S]*?-->/g, '').matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
    assert(styles.length === 1, `${styles.length} <style> elements`);
    assert(!/rel="stylesheet"/.test(html), 'a stylesheet <link> as well');
    const csp = html.match(/http-equiv="Content-Security-Policy"\s+content="([^"]*)"/)?.[1] ?? '';
    const styleSrc = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('style-src '));
    const hash = createHash('sha256').update(styles[0], 'utf8').digest('base64');
    assert(styleSrc === `style-src 'sha256-${hash}'`, `CSP ${styleSrc}, the <style>'s hash is sha256-${hash}`);
    // The build leaves the comments out: the browser must read the same rules as from style/style.css.
    const blank = await browser.newPage();
    const rules = (css) =>
      blank.evaluate((text) => {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(text);
        return [...sheet.cssRules].map((rule) => rule.cssText);
      }, css);
    const [inline, source] = [await rules(styles[0]), await rules(readFileSync(path.join(ROOT, 'style/style.css'), 'utf8'))];
    await blank.close();
    assert(inline.length > 50 && JSON.stringify(inline) === JSON.stringify(source), `${inline.length} rules inline, ${source.length} in style.css`);
  });

  // The page as it arrives, before any script: JavaScript off.
  const still = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 800 } });
  const frozen = await still.newPage();
  await frozen.goto(`${server.origin}/`);
  const prerendered = {
    yaml: await frozen.getByTestId('yaml-all').textContent(),
    commands: await frozen.getByTestId('commands').textContent(),
    name: await frozen.getByTestId('app-name').inputValue(),
  };
  await still.close();

  await check(`without JavaScript the page shows ${firstPreset}'s YAML and commands (= the CLI)`, async () => {
    assertSameText(prerendered.yaml, wantYaml, 'prerendered yaml-all');
    assertSameText(prerendered.commands, wantCommands, 'prerendered commands');
    assert(prerendered.name.length > 0, 'the app name box is empty');
  });

  // A visit whose wasm (all of it, or only the page's: `held` = PAGE_WASM) is held until
  // `release()`; `init` runs in the page before its scripts, `prepare(context, page)` before it is
  // opened. Returns the page and the release function.
  async function visit(viewport, held_wasm = '**/*.wasm', init = () => {}, prepare = async () => {}) {
    const context = await browser.newContext({ viewport });
    context.setDefaultTimeout(TIMEOUT);
    await context.addInitScript(watch);
    await context.addInitScript(init);
    let release;
    const held = new Promise((r) => (release = r));
    await context.route(held_wasm, async (route) => {
      await held;
      await route.continue();
    });
    const page = await context.newPage();
    const own = [];
    page.on('request', (r) => {
      requests.push(r.url());
      own.push(r.url());
    });
    page.on('console', (m) => m.type() === 'error' && problems.push(`console.error: ${m.text()}`));
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    await prepare(context, page);
    await page.goto(`${server.origin}/`);
    return { context, page, release, requests: own };
  }

  await check('the page is styled as it arrives (inline stylesheet, no CSP violation); its paint waits for all of it', async () => {
    const { context, page } = await visit({ width: 1280, height: 800 });
    const styled = await page.evaluate(() => ({
      // The first paint waits (rel=expect) for an element that holds the body's last part.
      expect: (() => {
        const id = document.querySelector('link[rel="expect"][blocking="render"]')?.getAttribute('href').slice(1);
        let end = document.body;
        while (end.lastElementChild) end = end.lastElementChild;
        return Boolean(id && document.getElementById(id)?.contains(end));
      })(),
      sheets: [...document.styleSheets].map((sheet) => sheet.cssRules.length),
      columns: getComputedStyle(document.querySelector('.layout')).gridTemplateColumns.split(' ').length,
      yaml: getComputedStyle(document.querySelector('pre.yaml')).position,
    }));
    assert(styled.sheets.length === 1 && styled.sheets[0] > 50, `style sheets (rules each): ${styled.sheets}`);
    assert(styled.columns === 2 && styled.yaml === 'relative', `unstyled: ${JSON.stringify(styled)}`);
    assert(styled.expect, 'no rel=expect naming an element that holds the end of the first screen');
    const csp = await page.evaluate(() => window.__csp);
    assert(csp.length === 0, csp.join('\n'));
    await context.close();
  });

  // The first layout asks the system about every mix of font family, size and weight it meets, and
  // the phone's first screen used to meet 17 (docs/performance.md): the stylesheet keeps a few sizes.
  await check('the phone\'s first screen uses at most 8 mixes of font family, size and weight', async () => {
    const { context, page } = await visit({ width: 390, height: 844 });
    const mixes = await page.evaluate(() => {
      const seen = new Set();
      const note = (el) => {
        const s = getComputedStyle(el);
        seen.add(`${s.fontFamily.split(',')[0]} ${s.fontWeight} ${s.fontStyle} ${s.fontSize}`);
      };
      const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      while (walk.nextNode()) {
        const el = walk.currentNode.parentElement;
        if (walk.currentNode.textContent.trim() && el.checkVisibility()) note(el);
      }
      for (const el of document.querySelectorAll('input, select, button, textarea')) if (el.checkVisibility()) note(el);
      return [...seen].sort();
    });
    assert(mixes.length <= 8, `${mixes.length} mixes:\n${mixes.join('\n')}`);
    await context.close();
  });

  const frames = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  for (const [label, viewport] of [['laptop', { width: 1280, height: 800 }], ['phone', { width: 390, height: 844 }]]) {
    await check(`${label}: nothing moves at take-over (boxes, layout-shift score), no CSP violation`, async () => {
      const { context, page, release } = await visit(viewport);
      assert(await page.evaluate(() => document.body.hasAttribute('data-prerendered')), 'already taken over');
      const before = await boxes(page);
      release();
      await awake(page);
      await frames(page);
      const after = await boxes(page);
      const moved = BOXES.filter((id) => before[id] !== after[id]).map((id) => `${id}: ${before[id]} -> ${after[id]}`);
      assert(moved.length === 0, `moved: ${moved.join('; ')}`);
      const shifts = await page.evaluate(() => window.__shifts);
      const score = shifts.filter((s) => !s.input).reduce((a, s) => a + s.value, 0);
      console.log(`     layout-shift score ${score.toFixed(4)} (${shifts.length} entries)`);
      assert(score < 0.01, `layout-shift score ${score}`);
      const csp = await page.evaluate(() => window.__csp);
      assert(csp.length === 0, csp.join('\n'));
      await context.close();
    });

    await check(`${label}: text typed before the wasm arrives is kept, focused, and reaches the YAML`, async () => {
      const { context, page, release } = await visit(viewport);
      assert(await page.evaluate(() => document.body.hasAttribute('data-prerendered')), 'already taken over');
      const name = page.getByTestId('app-name');
      await name.click();
      await name.press('End');
      const want = `${prerendered.name}-shop`;
      await page.keyboard.type('-shop');
      assert((await name.inputValue()) === want, 'typing into the prerendered box failed');
      release();
      await awake(page);
      assert((await name.inputValue()) === want, `after take-over the box holds ${await name.inputValue()}`);
      const focused = await page.evaluate(() => [document.activeElement?.dataset.testid, document.activeElement?.selectionStart]);
      assert(focused[0] === 'app-name' && focused[1] === want.length, `focus/caret after take-over: ${focused}`);
      await until(() => page.getByTestId('yaml-all').textContent(), (t) => t.includes(`name: ${want}\n`), 'the YAML to show the typed name');
      // The next keystroke goes to the live box as usual.
      await page.keyboard.type('2');
      await until(() => page.getByTestId('yaml-all').textContent(), (t) => t.includes(`name: ${want}2\n`), 'the next keystroke in the YAML');
      const csp = await page.evaluate(() => window.__csp);
      assert(csp.length === 0, csp.join('\n'));
      await context.close();
    });
  }

  // The CLI's YAML and commands for the first preset with some fields changed.
  const edited = (change) => {
    const spec = JSON.parse(cli('spec', '--preset', firstPreset));
    change(spec);
    const file = path.join(os.tmpdir(), `kubewright-prerender-${process.pid}.json`);
    writeFileSync(file, JSON.stringify(spec));
    return { yaml: cli('render', '--spec', file), commands: cli('commands', '--spec', file, '--for', 'all') };
  };
  const PAGE_WASM = '**/kubewright-web*_bg.wasm';

  // Both wasm files held: the start-up module's until `release`, then the page's until `releasePage`.
  async function visitBothHeld(viewport) {
    const visited = await visit(viewport, '**/kubewright-boot-*_bg.wasm');
    let releasePage;
    const pageHeld = new Promise((r) => (releasePage = r));
    await visited.context.route(PAGE_WASM, async (route) => {
      await pageHeld;
      await route.continue();
    });
    return { ...visited, releasePage };
  }

  // Compiling the start-up module takes the main thread; with a slow CPU its script arrives while the
  // HTML is still parsed, and compiling then held the first frame back (docs/performance.md).
  await check('the start-up module is compiled only once the first screen has been painted', async () => {
    const count = () => {
      // Frames painted: a task posted from a frame's animation frame callback runs after that
      // frame's style, layout and paint. Noted at each compile call.
      window.__painted = 0;
      let frames = 0;
      const tick = () => {
        frames++;
        setTimeout(() => (window.__painted = Math.max(window.__painted, frames)));
        if (frames < 3) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      window.__compiles = [];
      for (const name of ['compileStreaming', 'compile', 'instantiateStreaming', 'instantiate']) {
        const original = WebAssembly[name];
        WebAssembly[name] = function (...args) {
          window.__compiles.push(window.__painted);
          return original.apply(this, args);
        };
      }
    };
    // A slower CPU (as a phone's), so that the script arrives while the HTML is still being parsed.
    const slow = async (context, page) =>
      (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const { context, page } = await visit({ width: 1280, height: 800 }, PAGE_WASM, count, slow);
    await page.waitForFunction(() => document.body.hasAttribute('data-boot'));
    const compiles = await page.evaluate(() => window.__compiles);
    assert(compiles.length > 0 && compiles[0] >= 1, `frames painted at each compile: ${JSON.stringify(compiles)}`);
    await context.close();
  });

  await check('the start-up module makes the form live before the page: YAML and commands = the CLI', async () => {
    const { context, page, release, requests: own } = await visit({ width: 1280, height: 800 }, PAGE_WASM);
    await page.waitForFunction(() => document.body.hasAttribute('data-boot'));
    assert(await page.evaluate(() => document.body.hasAttribute('data-prerendered')), 'the page took over while held');
    const name = page.getByTestId('app-name');
    await name.fill('shop');
    await page.getByTestId('app-replicas').fill('3');
    await page.getByTestId('app-strategy').selectOption('Recreate');
    const want = edited((s) => Object.assign(s.app, { name: 'shop', replicas: 3, strategy: 'Recreate' }));
    await untilSame(() => page.getByTestId('yaml-all').textContent(), want.yaml, 'yaml-all in the start-up stage');
    await untilSame(() => page.getByTestId('commands').textContent(), want.commands, 'commands in the start-up stage');
    assert(await page.evaluate(() => document.body.hasAttribute('data-stale')), 'the checks are not marked as waiting');
    const busy = () => page.evaluate(() => [...document.querySelectorAll('.lint, .diagram, .rollout')].map((e) => e.getAttribute('aria-busy')));
    const waiting = await busy();
    assert(waiting.length >= 3 && waiting.every((b) => b === 'true'), `aria-busy in the start-up stage: ${waiting}`);
    // Text a number field cannot take: the YAML keeps the last valid value, and says nothing yet.
    await page.getByTestId('app-replicas').fill('three');
    await page.waitForTimeout(100);
    assertSameText(await page.getByTestId('yaml-all').textContent(), want.yaml, 'yaml-all after "three"');
    await page.getByTestId('app-replicas').fill('3');
    release();
    await awake(page);
    await untilSame(() => page.getByTestId('yaml-all').textContent(), want.yaml, 'yaml-all after take-over');
    await untilSame(() => page.getByTestId('commands').textContent(), want.commands, 'commands after take-over');
    assert((await name.inputValue()) === 'shop', `the box holds ${await name.inputValue()}`);
    assert((await busy()).every((b) => b === null), 'still busy after the take-over');
    await name.press('End');
    await page.keyboard.type('2');
    await until(() => page.getByTestId('yaml-all').textContent(), (t) => t.includes('name: shop2\n'), 'the page to edit');
    const wasm = own.filter((u) => u.endsWith('.wasm')).map((u) => path.basename(u));
    assert(wasm[0]?.startsWith('kubewright-boot-'), `first wasm fetched: ${wasm.join(', ')}`);
    await context.close();
  });

  await check('the start-up module sets every field of the first screen but the target (= the CLI)', async () => {
    const { context, page, release } = await visit({ width: 1280, height: 800 }, PAGE_WASM);
    await page.waitForFunction(() => document.body.hasAttribute('data-boot'));
    // Each control changed once: a select to its other option, a box to its text with a 1 after it.
    const changed = await page.evaluate(() => {
      const set = {};
      for (const c of document.querySelectorAll('[data-path]:not([data-path="target"])')) {
        const value = c.tagName === 'SELECT' ? [...c.options].find((o) => !o.selected).value : `${c.value}1`;
        c.value = value;
        c.dispatchEvent(new Event(c.tagName === 'SELECT' ? 'change' : 'input', { bubbles: true }));
        set[c.dataset.path] = value;
      }
      return set;
    });
    assert(Object.keys(changed).length >= 7, `controls on the first screen: ${Object.keys(changed)}`);
    const want = edited((s) => {
      for (const [at, value] of Object.entries(changed)) {
        const [group, field] = at.split('.');
        s[group][field] = typeof s[group][field] === 'number' ? Number(value) : value;
      }
    });
    await untilSame(() => page.getByTestId('yaml-all').textContent(), want.yaml, 'yaml-all with every field changed');
    await untilSame(() => page.getByTestId('commands').textContent(), want.commands, 'commands with every field changed');
    release();
    await awake(page);
    await untilSame(() => page.getByTestId('yaml-all').textContent(), want.yaml, 'yaml-all after take-over');
    await context.close();
  });

  await check('a tab or a "?" pressed before the page arrives waits, says so, then opens in the page', async () => {
    const { context, page, release } = await visit({ width: 390, height: 844 }, PAGE_WASM);
    await page.waitForFunction(() => document.body.hasAttribute('data-boot'));
    const shifts = () => page.evaluate(() => window.__shifts.filter((s) => !s.input).length);
    const before = await shifts();
    // The "?" beside Name, then the image tab: the last press is the one the page gets.
    await page.locator('[data-explains="app.name"] summary').click();
    const explain = await page.locator('[data-explains="app.name"]').evaluate((d) => d.open);
    assert(!explain, 'the "?" opened on the prerendered page (it would close at take-over)');
    const tab = page.getByTestId('tab-image');
    await tab.click();
    assert((await tab.getAttribute('aria-busy')) === 'true', 'the pressed tab is not marked busy');
    const status = page.getByRole('status').filter({ hasText: 'Loading the rest of the page' });
    assert(await status.isVisible(), 'no status line says the page is loading');
    assert((await shifts()) === before, 'the status line moved something');
    release();
    await awake(page);
    await until(() => page.getByTestId('tab-image').getAttribute('aria-selected'), (v) => v === 'true', 'the image tab to open');
    assert((await page.locator('.page-loading').count()) === 0, 'the status line stayed');
    await context.close();
  });

  await check('a preset chosen before the page arrives waits, says so, then applies in the page (= the CLI)', async () => {
    const { context, page, release } = await visit({ width: 1280, height: 800 }, PAGE_WASM);
    await page.waitForFunction(() => document.body.hasAttribute('data-boot'));
    const other = cli('presets').trim().split('\n')[2].split('\t')[0];
    const select = page.getByTestId('preset-select');
    await select.selectOption(other);
    assert((await select.getAttribute('aria-busy')) === 'true', 'the chosen preset is not marked busy');
    const status = page.getByRole('status').filter({ hasText: 'what you chose applies' });
    assert(await status.isVisible(), 'no status line says the choice waits for the page');
    assert((await page.getByTestId('app-name').inputValue()) === prerendered.name, 'the form changed before the page came');
    release();
    await awake(page);
    await untilSame(() => page.getByTestId('yaml-all').textContent(), cli('render', '--preset', other), `yaml-all for ${other}`);
    assert((await select.inputValue()) === other, `the live select holds ${await select.inputValue()}`);
    assert((await page.locator('.page-loading, [aria-busy="true"]').count()) === 0, 'still marked as waiting');
    await context.close();
  });

  await check('a YAML line clicked before the page arrives waits, says so, then opens its field', async () => {
    const { context, page, release } = await visit({ width: 1280, height: 800 }, PAGE_WASM);
    await page.waitForFunction(() => document.body.hasAttribute('data-boot'));
    // A real mouse click on the row of the first `replicas:` line, scrolled into view in its box.
    const at = await yamlLineAt(page, 'replicas:');
    await page.mouse.click(at.x, at.y);
    const pre = page.getByTestId('yaml-all');
    assert((await pre.getAttribute('aria-busy')) === 'true', 'the YAML is not marked busy');
    const status = page.getByRole('status').filter({ hasText: 'the field of the line you clicked opens' });
    assert(await status.isVisible(), 'no status line says the click waits for the page');
    const scrolled = await pre.evaluate((e) => e.scrollTop);
    assert(scrolled > 0, 'the YAML box did not scroll');
    release();
    await awake(page);
    const focused = await until(() => page.evaluate(() => document.activeElement?.dataset?.path), (p) => !!p, 'a field to be focused');
    assert(focused === 'app.replicas', `focused ${focused}`);
    // The field's lines are lit; the box keeps the scroll it had, so the clicked line stays in view.
    const kept = await pre.evaluate((e) => e.scrollTop);
    assert(Math.abs(kept - scrolled) <= 1, `the YAML box scrolled from ${scrolled} to ${kept} at take-over`);
    await context.close();
  });

  // On a phone the YAML is behind the view switch; it must not wait for the page's wasm.
  const shown = (page, id) => page.getByTestId(id).evaluate((e) => e.checkVisibility());
  const view = (page) =>
    page.evaluate(() => {
      const main = document.querySelector('main.layout');
      const pressed = [...document.querySelectorAll('.pane-switch button[aria-pressed="true"]')].map((b) => b.dataset.testid);
      return `${main.dataset.pane} wrap=${main.classList.contains('wrap')} pressed=${pressed}`;
    });
  await check('phone: the view switch works in the start-up stage, and the take-over keeps the view', async () => {
    const { context, page, release } = await visit({ width: 390, height: 844 }, PAGE_WASM);
    await page.waitForFunction(() => document.body.hasAttribute('data-boot'));
    assert(!(await shown(page, 'yaml-all')), 'the YAML shows before it was asked for');
    await page.getByTestId('app-name').fill('shop');
    await page.getByTestId('pane-yaml').click();
    assert(await shown(page, 'yaml-all'), 'the YAML pane did not open');
    assert(!(await shown(page, 'app-name')), 'the form still shows beside the YAML');
    assert((await page.locator('[data-waiting], .page-loading').count()) === 0, 'the press waits for the page');
    const want = edited((s) => Object.assign(s.app, { name: 'shop' }));
    await untilSame(() => page.getByTestId('yaml-all').textContent(), want.yaml, 'yaml-all in the YAML pane');
    await page.getByTestId('wrap-lines').check();
    await page.getByTestId('pane-commands').click();
    assert(await shown(page, 'commands'), 'the commands pane did not open');
    await page.getByTestId('pane-yaml').click();
    const before = [await view(page), await boxes(page)];
    assert(before[0] === 'yaml wrap=true pressed=pane-yaml', `the view in the start-up stage: ${before[0]}`);
    assert(await page.evaluate(() => document.body.hasAttribute('data-prerendered')), 'the page took over while held');
    release();
    await awake(page);
    await frames(page);
    const after = [await view(page), await boxes(page)];
    assert(after[0] === before[0], `the view after take-over: ${after[0]}`);
    const moved = BOXES.filter((id) => before[1][id] !== after[1][id]).map((id) => `${id}: ${before[1][id]} -> ${after[1][id]}`);
    assert(moved.length === 0, `moved: ${moved.join('; ')}`);
    await untilSame(() => page.getByTestId('yaml-all').textContent(), want.yaml, 'yaml-all after take-over');
    // The live switch goes on from there.
    await page.getByTestId('pane-form').click();
    assert(await shown(page, 'app-name'), 'the live form pane did not open');
    await context.close();
  });

  await check('phone: the YAML asked for before the start-up module ran opens once it runs', async () => {
    const { context, page, release, releasePage } = await visitBothHeld({ width: 390, height: 844 });
    await page.getByTestId('pane-yaml').click();
    assert((await page.getByTestId('pane-yaml').getAttribute('aria-busy')) === 'true', 'the press is not marked as waiting');
    release();
    await page.waitForFunction(() => document.body.hasAttribute('data-boot'));
    await until(() => shown(page, 'yaml-all'), (v) => v, 'the YAML pane to open');
    assert((await page.locator('[data-waiting], .pane-switch [aria-busy="true"], .page-loading').count()) === 0, 'still waiting');
    assert(await page.evaluate(() => document.body.hasAttribute('data-prerendered')), 'the page took over while held');
    releasePage();
    await awake(page);
    assert((await view(page)).startsWith('yaml wrap=false pressed=pane-yaml'), `after take-over: ${await view(page)}`);
    await context.close();
  });

  await check('the start-up module applies what was typed before it arrived', async () => {
    // Both held: the start-up module first, then (still held) the page's.
    const { context, page, release, releasePage } = await visitBothHeld({ width: 390, height: 844 });
    await page.getByTestId('app-namespace').fill('early');
    await page.getByTestId('app-replicas').fill('4');
    release();
    await page.waitForFunction(() => document.body.hasAttribute('data-boot'));
    const want = edited((s) => Object.assign(s.app, { namespace: 'early', replicas: 4 }));
    await untilSame(() => page.getByTestId('yaml-all').textContent(), want.yaml, 'yaml-all once the start-up module runs');
    releasePage();
    await awake(page);
    await untilSame(() => page.getByTestId('yaml-all').textContent(), want.yaml, 'yaml-all after take-over');
    await context.close();
  });

  await check('the start-up module: text it cannot use gets its message once the page takes over', async () => {
    const { context, page, release } = await visit({ width: 1280, height: 800 }, PAGE_WASM);
    await page.waitForFunction(() => document.body.hasAttribute('data-boot'));
    await page.getByTestId('app-replicas').fill('three');
    release();
    await awake(page);
    await until(() => page.getByTestId('input-errors').textContent(), (t) => t.includes('app.replicas'), 'the message for "three"');
    assertSameText(await page.getByTestId('yaml-all').textContent(), wantYaml, 'yaml-all keeps the last valid replicas');
    await context.close();
  });

  await check('the page\'s wasm cannot be fetched: an alert says so, the start-up form keeps working', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    context.setDefaultTimeout(TIMEOUT);
    await context.route(PAGE_WASM, (route) => route.abort('connectionreset'));
    const page = await context.newPage();
    await page.goto(`${server.origin}/`);
    const alert = page.locator('p.load-failed[role="alert"]');
    await alert.waitFor();
    assert((await alert.textContent()).includes('could not finish loading'), await alert.textContent());
    await page.getByTestId('app-name').fill('after-failure');
    await until(() => page.getByTestId('yaml-all').textContent(), (t) => t.includes('name: after-failure\n'), 'the start-up form');
    await context.close();
  });

  await check('the start-up module cannot be fetched: the page starts all the same', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    context.setDefaultTimeout(TIMEOUT);
    await context.route('**/kubewright-boot-*_bg.wasm', (route) => route.abort('connectionreset'));
    const page = await context.newPage();
    await page.goto(`${server.origin}/`);
    await awake(page);
    await page.getByTestId('app-name').fill('no-boot');
    await until(() => page.getByTestId('yaml-all').textContent(), (t) => t.includes('name: no-boot\n'), 'the page');
    assert((await page.locator('p.load-failed').count()) === 0, 'a failure banner although the page runs');
    await context.close();
  });

  await check('a visitor with a saved form gets no start-up stage, and their own form', async () => {
    const { context, page, release } = await visit({ width: 1280, height: 800 }, PAGE_WASM, () => {
      const spec = { app: { name: 'saved-shop' }, image: { repository: 'ghcr.io/example/saved' } };
      localStorage.setItem('kubewright.spec', JSON.stringify(spec));
    });
    await page.waitForTimeout(1500);
    assert(!(await page.evaluate(() => document.body.hasAttribute('data-boot'))), 'the start-up module bound the preset');
    release();
    await awake(page);
    await until(() => page.getByTestId('yaml-all').textContent(), (t) => t.includes('name: saved-shop\n'), 'the saved form');
    await context.close();
  });

  await check('after take-over the app shows exactly the prerendered YAML and commands', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    context.setDefaultTimeout(TIMEOUT);
    const page = await context.newPage();
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${server.origin}/`);
    await awake(page);
    await untilSame(() => page.getByTestId('yaml-all').textContent(), prerendered.yaml, 'live yaml-all');
    await untilSame(() => page.getByTestId('commands').textContent(), prerendered.commands, 'live commands');
    await context.close();
  });

  await check('no console error, no request off the origin', async () => {
    assert(problems.length === 0, problems.join('\n'));
    const off = offOrigin(requests, server.origin);
    assert(off.length === 0, `off-origin requests: ${off.join(', ')}`);
  });
});
