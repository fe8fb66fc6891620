// The two newcomer walkthroughs, end to end in the built site (dist/), in headless chromium:
//
//   node tests/e2e/walkthrough.mjs     (from the repo root; needs dist/ built and tools/node installed)
//
// A (laptop, 1440 x 900): a Rails image already in a registry, to Minikube. What is copied and the
// commands copied next agree; a secret left empty or a stand-in blocks "valid", and so does text a
// field cannot use; both copy buttons ask alike; the port variable follows the port, or a warning
// says they differ; the derived DATABASE_URL is in the secrets list; a preset switch after edits
// asks, keeps the target, and undo brings the form back.
// B (phone, 390 x 844): a compose import after edits asks add or replace; the Form / YAML /
// Commands switch; tap targets measured; no checkbox or radio squeezed out of shape.
// K (keyboard only): the ARIA tabs pattern, and the Tab presses from the port tab to Copy.
// Screenshots go to WALKTHROUGH_SHOTS (default out/screenshots/walkthrough/).
// Prints one line per check, then `walkthrough: N passed, M failed`; exits 1 on any failure.

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { awake, checks, harness, nextFrame, ROOT, until } from './lib.mjs';

const { check, assert, counts } = checks();
const SHOTS = process.env.WALKTHROUGH_SHOTS || path.join(ROOT, 'out', 'screenshots', 'walkthrough');
mkdirSync(SHOTS, { recursive: true });
const TIMEOUT = 10_000;

async function open(browser, server, viewport) {
  const context = await browser.newContext({ viewport });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${server.origin}/index.html`);
  await awake(page);
  await page.getByTestId('yaml-all').filter({ hasText: 'kind: Deployment' }).waitFor({ state: 'attached', timeout: TIMEOUT });
  return { context, page, errors };
}

const shot = (page, name) => page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
const text = (page, id) => page.getByTestId(id).first().innerText();
const verdict = async (page) => (await page.getByTestId('lint').locator('summary').innerText()).trim();
const clipboard = (page) => page.evaluate(() => navigator.clipboard.readText());

async function tab(page, name) {
  await page.getByTestId(`tab-${name}`).click();
  await until(() => page.getByTestId(`tab-${name}`).getAttribute('aria-selected'), (v) => v === 'true', `tab ${name}`);
}

async function fill(page, id, value, index = 0) {
  await page.getByTestId(id).nth(index).fill(value);
}

// Every `-f FILE` and `-k DIR` the commands apply (command lines, not the hints in comments).
const applied = (commands) =>
  commands
    .split('\n')
    .filter((l) => l.startsWith('kubectl apply') || l.startsWith('kubectl create'))
    .flatMap((l) => [...l.matchAll(/ -[fk] (\S+)/g)].map((m) => m[1]));

async function laptop(browser, server) {
  const { context, page, errors } = await open(browser, server, { width: 1440, height: 900 });

  await check('A: the Rails preset starts with its secrets empty and says "not valid"', async () => {
    await page.getByTestId('preset-select').selectOption('rails');
    await until(() => verdict(page), (v) => v.startsWith('not valid'), 'the verdict');
    const rules = await page.getByTestId('lint-item').evaluateAll((items) => items.map((i) => i.dataset.rule));
    assert(rules.includes('secret-value-required'), `rules: ${rules}`);
    const yaml = await text(page, 'yaml-all');
    assert(!/change-me|replace-me/.test(yaml), 'a stand-in value is in the YAML');
  });

  await check('A: Minikube with a registry image: no docker-env, no build', async () => {
    await page.getByTestId('target-minikube-registry').check();
    await until(() => text(page, 'yaml-all'), (y) => y.includes('imagePullPolicy: IfNotPresent'), 'pull policy');
    await nextFrame(page);
    const commands = await text(page, 'commands');
    assert(!commands.includes('docker-env'), commands);
    assert(!commands.includes('docker build'), commands);
    assert(!commands.includes('imagePullPolicy: Never'), commands);
    await shot(page, 'A18b_minikube_ifnotpresent_commands');
  });

  await check('A: both copy buttons ask alike while the form is not valid', async () => {
    await page.getByTestId('copy-yaml').click();
    await page.getByTestId('confirm').first().waitFor({ timeout: TIMEOUT });
    await page.getByTestId('confirm-cancel').first().click();
    await page.getByTestId('copy-commands').click();
    await page.getByTestId('confirm').first().waitFor({ timeout: TIMEOUT });
    await shot(page, 'V04_copy_while_invalid');
    await page.getByTestId('confirm-cancel').first().click();
  });

  await check('A: the derived DATABASE_URL is a read-only row of the secrets list, leading to the database tab', async () => {
    await tab(page, 'secrets');
    const row = page.getByTestId('derived-secret');
    await row.waitFor({ timeout: TIMEOUT });
    assert((await row.innerText()).includes('DATABASE_URL'), await row.innerText());
    await shot(page, 'A12_database_url_added');
    await page.getByTestId('derived-goto').click();
    await until(() => page.getByTestId('tab-database').getAttribute('aria-selected'), (v) => v === 'true', 'database tab');
  });

  await check('A: a stand-in value is an error; the user\'s own values make it valid', async () => {
    await tab(page, 'secrets');
    await fill(page, 'secret-value', 'change-me');
    await until(() => page.getByTestId('lint-item').evaluateAll((i) => i.map((x) => x.dataset.rule)), (r) => r.includes('placeholder-value'), 'placeholder-value');
    await fill(page, 'secret-value', '0123456789abcdef0123456789abcdef');
    await tab(page, 'database');
    await fill(page, 'database-password', 'a-password-of-mine');
    await fill(page, 'database-admin-password', 'another-password-of-mine');
    await until(() => verdict(page), (v) => v.startsWith('valid'), 'valid');
    await shot(page, 'A14_master_key_revealed');
  });

  await check('A: letters in Replicas make the verdict "not valid" until fixed', async () => {
    await tab(page, 'app');
    await fill(page, 'app-replicas', 'two');
    await until(() => verdict(page), (v) => v.startsWith('not valid'), 'not valid');
    await shot(page, 'V01_replicas_letters');
    await fill(page, 'app-replicas', '2');
    await until(() => verdict(page), (v) => v.startsWith('valid'), 'valid again');
  });

  await check('A: Copy manifests.yaml + Copy commands: the commands apply that one file', async () => {
    await page.getByTestId('file-all').click();
    await page.getByTestId('copy-yaml').click();
    const yaml = await until(() => clipboard(page), (c) => c.includes('kind: Deployment'), 'the YAML on the clipboard');
    assert(yaml === (await text(page, 'yaml-all')).replace(/\n?$/, '\n') || yaml.includes('kind: Namespace'), 'clipboard YAML');
    await shot(page, 'A16_after_copy_yaml');
    await page.getByTestId('copy-commands').click();
    const commands = await until(() => clipboard(page), (c) => c.includes('kubectl'), 'the commands on the clipboard');
    const files = applied(commands);
    assert(files.length === 1 && files[0] === 'manifests.yaml', `applies ${files}`);
    assert((await text(page, 'commands-intro')).includes('manifests.yaml'), 'intro');
    await shot(page, 'A17b_commands_header');
  });

  await check('A: a single file\'s view gives per-file commands', async () => {
    await page.getByTestId('file-deployment.yaml').click();
    const commands = await until(() => text(page, 'commands'), (c) => c.includes('-f deployment.yaml'), 'per-file commands');
    assert(!commands.includes('manifests.yaml'), commands);
    await page.getByTestId('file-all').click();
  });

  await check('A: the port variable follows the container port; set apart, a warning says so', async () => {
    await tab(page, 'port');
    await fill(page, 'port-number', '3000');
    await until(() => text(page, 'yaml-all'), (y) => y.includes("HTTP_PORT: '3000'") || y.includes('HTTP_PORT: "3000"'), 'HTTP_PORT 3000');
    await shot(page, 'A08_port_3000');
    await tab(page, 'env');
    const names = await page.getByTestId('env-name').evaluateAll((b) => b.map((x) => x.value));
    await fill(page, 'env-value', '8080', names.indexOf('HTTP_PORT'));
    await until(() => page.getByTestId('lint-item').evaluateAll((i) => i.map((x) => x.dataset.rule)), (r) => r.includes('port-env-mismatch'), 'port-env-mismatch');
    await fill(page, 'env-value', '3000', names.indexOf('HTTP_PORT'));
  });

  await check('A: a preset switch after edits asks, keeps the target, and undo brings the form back', async () => {
    // Edits less than a second apart are one undo step: let the last one settle first.
    await page.waitForTimeout(1100);
    const edited = await text(page, 'yaml-all');
    await page.getByTestId('preset-select').selectOption('django');
    await page.getByTestId('preset-confirm').waitFor({ timeout: TIMEOUT });
    await shot(page, 'A25_preset_switch_after_edits');
    await page.getByTestId('preset-keep').click();
    assert((await text(page, 'yaml-all')).includes('name: shop'), 'kept the form');
    assert((await page.getByTestId('preset-select').inputValue()) === 'rails', 'select back on rails');
    await page.getByTestId('preset-select').selectOption('django');
    await page.getByTestId('preset-replace').click();
    await until(() => text(page, 'yaml-all'), (y) => y.includes('name: polls'), 'django');
    assert(await page.getByTestId('target-minikube-registry').isChecked(), 'target kept');
    await page.waitForTimeout(1100);
    await page.getByTestId('undo').click();
    await until(() => text(page, 'yaml-all'), (y) => y === edited, 'the edited Rails form back');
  });

  await check('A: no checkbox or radio squeezed (laptop), diagram edges inside the drawing', async () => {
    for (const name of ['app', 'service', 'security', 'secrets']) {
      await tab(page, name);
      const bad = await squeezed(page);
      assert(bad.length === 0, `${name}: ${bad.join(', ')}`);
    }
    const outside = await page.getByTestId('diagram').locator('svg').evaluate((svg) => {
      const box = svg.viewBox.baseVal;
      return [...svg.querySelectorAll('path.edge')].filter((p) => {
        const b = p.getBBox();
        return b.x < 0 || b.y < 0 || b.x + b.width > box.width + 0.5 || b.y + b.height > box.height + 0.5;
      }).length;
    });
    assert(outside === 0, `${outside} edges leave the drawing`);
    await page.getByTestId('diagram').scrollIntoViewIfNeeded();
    await shot(page, 'A24_diagram');
  });

  await check('A: no page errors', async () => assert(errors.length === 0, errors.join('\n')));
  await context.close();
}

// Checkboxes and radios drawn narrower than 12 px (or not square).
function squeezed(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('input[type=checkbox], input[type=radio]')]
      .filter((el) => el.offsetParent !== null)
      .map((el) => [el, el.getBoundingClientRect()])
      .filter(([, r]) => r.width < 12 || r.height < 12 || Math.abs(r.width - r.height) > 1)
      .map(([el, r]) => `${el.dataset.testid || el.name || el.type} ${r.width.toFixed(1)}x${r.height.toFixed(1)}`),
  );
}

// Controls a finger taps smaller than 44 x 44 px (text boxes: 44 px tall); a checkbox or radio is
// measured by the label around it.
function smallTargets(page) {
  return page.evaluate(() => {
    const out = [];
    const seen = new Set();
    for (const el of document.querySelectorAll('button, select, input, summary, textarea')) {
      if (el.offsetParent === null && el.tagName !== 'SUMMARY') continue;
      const r0 = el.getBoundingClientRect();
      if (r0.width === 0 || r0.height === 0) continue;
      const box = ['checkbox', 'radio'].includes(el.type) ? el.closest('label') || el : el;
      if (seen.has(box)) continue;
      seen.add(box);
      const r = box.getBoundingClientRect();
      const wide = ['INPUT', 'SELECT', 'TEXTAREA'].includes(box.tagName) ? 0 : 44;
      if (r.height < 43.5 || r.width < wide - 0.5) {
        out.push(`${box.dataset?.testid || box.tagName.toLowerCase()} ${r.width.toFixed(0)}x${r.height.toFixed(0)}`);
      }
    }
    return out;
  });
}

const COMPOSE = `services:
  web:
    image: ghcr.io/example/shop:1.0.0
    ports: ["3000:3000"]
    environment:
      RAILS_ENV: production
      SMTP_HOST: smtp.example.com
      SMTP_PASSWORD: hunter22
`;

async function phone(browser, server) {
  const { context, page, errors } = await open(browser, server, { width: 390, height: 844, isMobile: true, hasTouch: true });

  await check('B: the switch Form / YAML / Commands is there and sticky; the form comes first', async () => {
    await page.getByTestId('pane-form').waitFor({ timeout: TIMEOUT });
    const top = await page.getByTestId('tab-app').evaluate((e) => e.getBoundingClientRect().top);
    assert(top < 844 * 1.5, `the form's tabs start at ${top} px`);
    await shot(page, 'B00_phone_landing');
    await page.mouse.wheel(0, 600);
    await page.waitForTimeout(200);
    const switchTop = await page.getByTestId('pane-form').evaluate((e) => e.getBoundingClientRect().top);
    assert(switchTop >= 0 && switchTop < 60, `switch at ${switchTop}`);
    await page.evaluate(() => window.scrollTo(0, 0));
  });

  await check('B: a compose import after edits asks add or replace; add keeps the database; undo and redo', async () => {
    await page.getByTestId('preset-select').selectOption('rails');
    await until(() => text(page, 'yaml-all'), (y) => y.includes('name: shop'), 'rails');
    // Rails scales with an autoscaler (no replicas in the Deployment): edit a field the YAML shows.
    await fill(page, 'app-revision-history-limit', '7');
    await page.waitForTimeout(1100); // one undo step per quiet second
    const before = await text(page, 'yaml-all');
    await page.getByTestId('import-open').click();
    await page.getByTestId('import-text').fill(COMPOSE);
    await page.getByTestId('import-run').click();
    await page.getByTestId('import-confirm').waitFor({ timeout: TIMEOUT });
    await shot(page, 'B13_import_ingress');
    await page.getByTestId('import-add').click();
    const done = await text(page, 'import-done');
    assert(done.includes('Added to your form'), done);
    const yaml = await text(page, 'yaml-all');
    assert(yaml.includes('revisionHistoryLimit: 7') && yaml.includes('SMTP_HOST') && yaml.includes('shop-db'), 'merged form');
    await page.getByTestId('import-open').click();
    // Undo brings back the form as it was before the import.
    await page.waitForTimeout(1100);
    await page.getByTestId('undo').click();
    await until(() => text(page, 'yaml-all'), (y) => y === before, 'the form before the import');
    await page.getByTestId('redo').click();
    await until(() => text(page, 'yaml-all'), (y) => y === yaml, 'the merged form again');
  });

  await check('B: the switch shows the YAML alone, then the commands alone', async () => {
    await page.getByTestId('pane-yaml').click();
    await until(() => page.getByTestId('tab-app').isVisible(), (v) => !v, 'the form hidden');
    assert(await page.getByTestId('yaml-all').isVisible(), 'YAML visible');
    await shot(page, 'B07_lint_on_phone');
    await page.getByTestId('wrap-lines').check();
    await page.getByTestId('file-secret.yaml').click();
    await shot(page, 'B10_yaml_secret_part');
    const clipped = await page.getByTestId('yaml-file').evaluate((e) => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1);
    assert(!clipped, 'the wrapped YAML still scrolls inside its box');
    await page.getByTestId('file-all').click();
    await page.getByTestId('pane-commands').click();
    await until(() => page.getByTestId('yaml-all').isVisible(), (v) => !v, 'the YAML hidden');
    assert(await page.getByTestId('commands').isVisible(), 'commands visible');
    await shot(page, 'B12_commands_phone');
    await page.getByTestId('pane-form').click();
  });

  await check('B: tap targets are at least 44 px on every tab', async () => {
    const bad = [];
    for (const name of ['app', 'image', 'env', 'secrets', 'port', 'service', 'security', 'database']) {
      await tab(page, name);
      bad.push(...(await smallTargets(page)).map((b) => `${name}: ${b}`));
    }
    assert(bad.length === 0, `${bad.length} small: ${[...new Set(bad)].slice(0, 12).join('; ')}`);
  });

  await check('B: no checkbox or radio squeezed (phone)', async () => {
    for (const name of ['app', 'service', 'security', 'secrets']) {
      await tab(page, name);
      const bad = await squeezed(page);
      assert(bad.length === 0, `${name}: ${bad.join(', ')}`);
    }
    await tab(page, 'service');
    await shot(page, 'B06_headless_checkbox_zoom');
  });

  await check('B: diagram text is readable (at least 11 px on screen)', async () => {
    await page.getByTestId('pane-yaml').click();
    const size = await page.getByTestId('diagram').locator('svg text.name').first().evaluate((t) => t.getBoundingClientRect().height);
    assert(size >= 11, `${size} px`);
    await page.getByTestId('pane-form').click();
  });

  await check('B: no page errors', async () => assert(errors.length === 0, errors.join('\n')));
  await context.close();
}

async function keyboard(browser, server) {
  const { context, page } = await open(browser, server, { width: 1440, height: 900 });

  await check('K: the tabs follow the ARIA tabs pattern (one Tab stop, arrows, Home, End)', async () => {
    const stops = await page.locator('[role=tab][data-testid^=tab-]').evaluateAll((t) => t.filter((b) => b.tabIndex === 0).length);
    assert(stops === 1, `${stops} tabs in the Tab order`);
    await page.getByTestId('tab-app').focus();
    await page.keyboard.press('ArrowRight');
    await until(() => page.evaluate(() => document.activeElement?.dataset.testid), (t) => t === 'tab-image', 'focus on image');
    assert((await page.getByTestId('tab-image').getAttribute('aria-selected')) === 'true', 'image selected');
    await page.keyboard.press('End');
    await until(() => page.evaluate(() => document.activeElement?.dataset.testid), (t) => t === 'tab-database', 'End');
    await page.keyboard.press('Home');
    await until(() => page.evaluate(() => document.activeElement?.dataset.testid), (t) => t === 'tab-app', 'Home');
    await page.keyboard.press('Tab');
    const inPanel = await page.evaluate(() => !!document.activeElement?.closest('[role=tabpanel]'));
    assert(inPanel, 'one Tab goes into the panel');
  });

  await check('K: F1 in a field opens its explanation; "?" is out of the Tab order', async () => {
    await page.getByTestId('app-name').focus();
    await page.keyboard.press('F1');
    await until(() => page.locator('details.explain[data-explains="app.name"]').getAttribute('open'), (o) => o !== null, 'open');
    const inOrder = await page.locator('details.explain summary').evaluateAll((s) => s.filter((x) => x.tabIndex >= 0).length);
    assert(inOrder === 0, `${inOrder} "?" in the Tab order`);
  });

  await check('K: from the port tab to Copy manifests.yaml in few Tab presses', async () => {
    await page.getByTestId('tab-app').focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    await until(() => page.evaluate(() => document.activeElement?.dataset.testid), (t) => t === 'tab-port', 'port tab');
    let presses = 0;
    while (presses < 60) {
      await page.keyboard.press('Tab');
      presses++;
      if ((await page.evaluate(() => document.activeElement?.dataset.testid)) === 'copy-yaml') break;
    }
    console.log(`     Tab presses from the port tab to Copy: ${presses} (the walkthrough counted 22)`);
    assert(presses < 22, `${presses} presses`);
    await shot(page, 'K03_keyboard_copy_focus');
  });

  await context.close();
}

async function dark(browser, server) {
  const { context, page } = await open(browser, server, { width: 1440, height: 900 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await check('D: the base64 notice follows dark mode', async () => {
    await tab(page, 'secrets');
    const bg = await page.getByTestId('secret-warning').evaluate((e) => getComputedStyle(e).backgroundColor);
    const [r, g, b] = bg.match(/\d+/g).map(Number);
    assert(r + g + b < 300, `background ${bg}`);
    await page.getByTestId('secret-warning').scrollIntoViewIfNeeded();
    await shot(page, 'D04_dark_secrets_zoom');
  });
  await check('A: an open help popup does not move the header', async () => {
    const before = await page.getByTestId('preset-select').evaluate((e) => e.getBoundingClientRect().top);
    const after = await page.locator('[data-testid=target] details.explain summary').evaluate((s) => {
      s.click();
      return document.querySelector('[data-testid=preset-select]').getBoundingClientRect().top;
    });
    assert(Math.abs(before - after) < 1, `moved ${before} -> ${after}`);
    await shot(page, 'A02_runson_help');
  });
  await context.close();
}

await harness('walkthrough', counts, async ({ server, browser }) => {
  await laptop(browser, server);
  await phone(browser, server);
  await keyboard(browser, server);
  await dark(browser, server);
});
