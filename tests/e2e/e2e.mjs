// End-to-end test of the built site (dist/) in headless chromium, driven like a user would:
//
//   node tests/e2e/e2e.mjs        (from the repo root; needs dist/ built and tools/node installed)
//
// The CLI (`kubewright render|commands --preset ID`) prints what the page must show, so the page is
// compared byte-for-byte with it. Prints one line per check, then `e2e: N passed, M failed`; exits 1
// on any failure. Screenshots go to out/screenshots/ (git-ignored).

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { assertSameText, awake, checks, cli, harness, offOrigin, ROOT, until, untilSame, YAML, yamlText } from './lib.mjs';

const { check, assert, counts } = checks();

const SHOTS = path.join(ROOT, 'out', 'screenshots');
// Long enough for a slow CI machine, short enough that a missing update fails instead of hanging.
const TIMEOUT = 10_000;

const base64 = (s) => Buffer.from(s, 'utf8').toString('base64');

const requests = []; // every URL any page asked for
const consoleErrors = []; // console.error messages and uncaught page errors
await harness('e2e', counts, async ({ server, browser }) => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
  // Only the page's own origin may use the clipboard; copy buttons need write, the test needs read.
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  context.setDefaultTimeout(TIMEOUT);

  // A page with the listeners every check relies on.
  async function openPage() {
    const page = await context.newPage();
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(`console.error: ${m.text()}`);
    });
    page.on('pageerror', (e) => consoleErrors.push(`page error: ${e.message}`));
    await page.goto(`${server.origin}/`);
    await awake(page);
    return page;
  }

  const page = await openPage();
  const byId = (id) => page.getByTestId(id);
  const text = (id) => byId(id).textContent();
  const yamlAll = () => yamlText(page);
  const deployment = (yaml) =>
    YAML.parseAllDocuments(yaml).map((d) => d.toJS()).find((o) => o?.kind === 'Deployment');
  // The CLI and the select must agree on the presets, so a new preset is tested without editing this.
  const presetIds = cli('presets')
    .trim()
    .split('\n')
    .map((line) => line.split('\t')[0]);

  await check('page loads and renders a Deployment', async () => {
    await until(yamlAll, (t) => t?.includes('kind: Deployment'), 'yaml-all to contain a Deployment');
  });

  await check('preset select lists exactly the CLI presets, first one selected', async () => {
    const options = await byId('preset-select').locator('option').evaluateAll((os) => os.map((o) => o.value));
    assert(JSON.stringify(options) === JSON.stringify(presetIds), `select ${options} vs CLI ${presetIds}`);
    const selected = await byId('preset-select').inputValue();
    assert(selected === presetIds[0], `selected ${selected}, want ${presetIds[0]}`);
  });

  // The first preset before touching anything, then every other preset chosen in the select, then the
  // first again (so the edits below start from the page's default state).
  const visits = [
    { id: presetIds[0], how: 'on load' },
    ...presetIds.slice(1).map((id) => ({ id, how: 'selected' })),
    { id: presetIds[0], how: 'selected again' },
  ];
  for (const { id, how } of visits) {
    await check(`preset ${id} (${how}): yaml-all === kubewright render --preset ${id}`, async () => {
      if (how !== 'on load') await byId('preset-select').selectOption(id);
      await untilSame(yamlAll, cli('render', '--preset', id), 'yaml-all');
    });
    await check(`preset ${id} (${how}): commands === kubewright commands --preset ${id} --for all`, async () => {
      await untilSame(() => text('commands'), cli('commands', '--preset', id, '--for', 'all'), 'commands');
    });
  }

  await check('typing an app name renames the Deployment, keystroke by keystroke', async () => {
    await byId('tab-app').click();
    const name = byId('app-name');
    await name.fill('');
    // Real keystrokes: if a re-render replaced the input, focus (and later letters) would be lost.
    await name.pressSequentially('e2e-shop');
    assert((await name.inputValue()) === 'e2e-shop', `input holds ${await name.inputValue()}`);
    const yaml = await until(yamlAll, (t) => deployment(t)?.metadata?.name === 'e2e-shop', 'Deployment name e2e-shop');
    assert(yaml.includes('\n  name: e2e-shop\n'), 'no "name: e2e-shop" line');
  });

  await check('an edit: the YAML in view at once, the blocks scrolled away a frame later, then all of it', async () => {
    const blocks = await page.evaluate(async () => {
      const pre = document.querySelector('[data-testid="yaml-all"]');
      const input = document.querySelector('[data-testid="app-name"]');
      const texts = () => [...pre.querySelectorAll('.yaml-block')].map((b) => b.textContent);
      const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0))));
      pre.scrollTop = 0;
      await frame(); // the view measured at its top
      // The YAML as it is when the keystroke's first change reaches the DOM (before any frame).
      const first = await new Promise((resolve) => {
        const observer = new MutationObserver(() => (observer.disconnect(), resolve(texts())));
        observer.observe(pre, { childList: true, subtree: true, characterData: true });
        input.value = 'e2e-later';
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
      await frame();
      return { first, after: texts(), height: pre.clientHeight };
    });
    const { first, after } = blocks;
    assert(first.length > 2, `${first.length} blocks: the YAML fits its view, nothing to leave for later`);
    assert(first[0].includes('e2e-later'), 'the block in view does not have the edit at once');
    const last = first.at(-1);
    assert(last.includes('e2e-shop') && !last.includes('e2e-later'), 'the last block, out of view, changed at once');
    const spec = JSON.parse(cli('spec', '--preset', presetIds[0]));
    spec.app.name = 'e2e-later';
    mkdirSync(path.join(ROOT, 'out'), { recursive: true });
    const file = path.join(ROOT, 'out', 'e2e-later.json');
    writeFileSync(file, JSON.stringify(spec));
    assertSameText(after.join(''), cli('render', '--spec', file), 'the YAML a frame later');
    await byId('app-name').fill('e2e-shop');
    await until(yamlAll, (t) => t.includes('\n  name: e2e-shop\n'), 'the name back');
  });

  await check('env row: value yes is rendered quoted (YAML 1.1 would read a boolean)', async () => {
    await byId('tab-env').click();
    const rows = await byId('env-name').count();
    await byId('env-add').click();
    await until(() => byId('env-name').count(), (n) => n === rows + 1, 'a new env row');
    await byId('env-name').last().fill('E2E_FLAG');
    await byId('env-value').last().fill('yes');
    await until(yamlAll, (t) => t.includes("\n  E2E_FLAG: 'yes'\n"), "E2E_FLAG: 'yes' in the ConfigMap");
  });

  await check('wait for the database and a sidecar: init containers in the Deployment, errors beside the fields', async () => {
    await byId('tab-database').click();
    await byId('init-wait').check();
    const host = byId('init-wait-host');
    await host.fill('db_host');
    await until(() => host.getAttribute('aria-invalid'), (v) => v === 'true', 'db_host marked invalid');
    await host.fill('db.example.com');
    await until(() => host.getAttribute('aria-invalid'), (v) => v === 'false', 'db.example.com accepted');
    await byId('sidecar-add').click();
    await byId('sidecar-name').last().fill('log');
    await byId('sidecar-image').last().fill('fluent/fluent-bit:3.1.9');
    await byId('sidecar-ports').last().fill('2020');
    const limit = byId('sidecar-limits-memory').last();
    await limit.fill('64 Mi');
    await until(() => limit.getAttribute('aria-invalid'), (v) => v === 'true', '64 Mi marked invalid');
    await limit.fill('64Mi');
    const yaml = await until(
      yamlAll,
      (t) => deployment(t)?.spec?.template?.spec?.initContainers?.[0]?.resources?.limits?.memory === '64Mi',
      'two init containers, the sidecar with its memory limit',
    );
    const [sidecar, wait] = deployment(yaml).spec.template.spec.initContainers;
    assert(sidecar.name === 'log' && sidecar.restartPolicy === 'Always', JSON.stringify(sidecar));
    assert(sidecar.ports?.[0]?.containerPort === 2020, JSON.stringify(sidecar.ports));
    assert(wait.name === 'wait-for-db' && wait.env[0].value === 'db.example.com', JSON.stringify(wait));
    // Back as it was, for the checks after this one.
    await byId('sidecar-remove').last().click();
    await byId('init-wait').uncheck();
    await until(yamlAll, (t) => !t.includes('initContainers'), 'no init containers');
  });

  const secretValue = 'pl41n-S3cret-e2e!';
  await check('secret: base64 in the Secret, plain value nowhere in the output', async () => {
    await byId('tab-secrets').click();
    // The preset leaves its DATABASE_URL to the user (required): the form is valid once it is set.
    await byId('secret-value').first().fill('postgres://web:e2e-pw@db.web.svc/web');
    const rows = await byId('secret-name').count();
    await byId('secret-add').click();
    await until(() => byId('secret-name').count(), (n) => n === rows + 1, 'a new secret row');
    await byId('secret-name').last().fill('E2E_TOKEN');
    await byId('secret-value').last().fill(secretValue);
    const yaml = await until(yamlAll, (t) => t.includes(`\n  E2E_TOKEN: ${base64(secretValue)}\n`), 'E2E_TOKEN base64');
    assert(!yaml.includes(secretValue), 'plain secret value in yaml-all');
    const commands = await text('commands');
    assert(!commands.includes(secretValue), 'plain secret value in the commands');
  });

  await check('secret value is type=password until secret-reveal is clicked', async () => {
    const value = byId('secret-value').last();
    assert((await value.getAttribute('type')) === 'password', `type=${await value.getAttribute('type')} before reveal`);
    await byId('secret-reveal').last().click();
    await until(() => value.getAttribute('type'), (t) => t === 'text', 'type=text after reveal');
    assert((await value.inputValue()) === secretValue, 'revealing changed the value');
    await byId('secret-reveal').last().click();
    await until(() => value.getAttribute('type'), (t) => t === 'password', 'type=password after hide');
  });

  await check('replicas "abc": input-errors shown, YAML keeps the last valid value; fixing clears it', async () => {
    await byId('tab-app').click();
    const replicas = byId('app-replicas');
    await replicas.fill('3');
    await until(yamlAll, (t) => deployment(t)?.spec?.replicas === 3, 'replicas: 3');
    assert((await byId('input-errors').count()) === 0, 'input-errors shown for a valid number');
    await replicas.fill('abc');
    await byId('input-errors').waitFor({ state: 'visible' });
    assert((await text('input-errors')).includes('app.replicas'), `message: ${await text('input-errors')}`);
    assert(deployment(await yamlAll())?.spec?.replicas === 3, 'replicas changed after "abc"');
    assert((await replicas.inputValue()) === 'abc', 'the typed text was replaced');
    await replicas.fill('4');
    await byId('input-errors').waitFor({ state: 'detached' });
    await until(yamlAll, (t) => deployment(t)?.spec?.replicas === 4, 'replicas: 4');
  });

  // After the edits the page should still agree with itself: the YAML the file buttons, the clipboard
  // and the download hand out is the one shown.
  await check('file button + copy-yaml: clipboard holds that file\'s YAML', async () => {
    await byId('file-deployment.yaml').click();
    await byId('yaml-file').waitFor({ state: 'visible' });
    const file = await yamlText(page, 'yaml-file');
    assert(file.startsWith('apiVersion: apps/v1\nkind: Deployment\n'), `yaml-file starts ${file.slice(0, 60)}`);
    assert(file.includes('name: e2e-shop'), 'yaml-file is not the edited Deployment');
    assert((await yamlAll()).includes(file), 'yaml-file is not one of the documents in yaml-all');
    await byId('copy-yaml').click();
    await until(() => text('status'), (t) => t.includes('Copied deployment.yaml'), 'status "Copied deployment.yaml"');
    const clip = await page.evaluate(() => navigator.clipboard.readText());
    assertSameText(clip, file, 'clipboard');
  });

  await check('copy-commands: clipboard holds the commands', async () => {
    await byId('copy-commands').click();
    await until(() => text('status'), (t) => t.includes('Copied the commands'), 'status "Copied the commands"');
    const clip = await page.evaluate(() => navigator.clipboard.readText());
    assertSameText(clip, await text('commands'), 'clipboard');
  });

  // Download both the selected file and the whole stream: the name and the bytes must be what is shown.
  for (const [button, fileName, pre] of [
    ['file-deployment.yaml', 'deployment.yaml', 'yaml-file'],
    ['file-all', 'manifests.yaml', 'yaml-all'],
  ]) {
    await check(`download-yaml (${fileName}) saves exactly the shown YAML`, async () => {
      await byId(button).click();
      await byId(pre).waitFor({ state: 'visible' });
      const [download] = await Promise.all([page.waitForEvent('download'), byId('download-yaml').click()]);
      assert(download.suggestedFilename() === fileName, `file name ${download.suggestedFilename()}`);
      const failure = await download.failure();
      assert(failure === null, `download failed: ${failure}`);
      assertSameText(readFileSync(await download.path(), 'utf8'), await yamlText(page, pre), 'downloaded file');
    });
  }

  // A second page, so the screenshots show the preset as loaded, not the edits above.
  const shot = await openPage();
  await check('screenshots: phoenix-article at 1400x1000 (full page) and 390 px wide', async () => {
    mkdirSync(SHOTS, { recursive: true });
    await shot.getByTestId('preset-select').selectOption('phoenix-article');
    await until(() => shot.getByTestId('yaml-all').textContent(), (t) => t.includes('name: kube-native'), 'phoenix preset');
    await shot.screenshot({ path: path.join(SHOTS, 'phoenix-article-1400.png'), fullPage: true });
    await shot.setViewportSize({ width: 390, height: 844 });
    await shot.screenshot({ path: path.join(SHOTS, 'phoenix-article-390.png'), fullPage: true });
  });

  // On a phone nothing may stick out sideways: a page wider than the viewport scrolls horizontally.
  // (Long YAML lines are fine: they scroll inside their <pre>.)
  await check('390 px wide: the page is no wider than the viewport', async () => {
    const overflow = await shot.evaluate(() => {
      const over = document.documentElement.scrollWidth - window.innerWidth;
      // The outermost element that ends past the right edge: the one to fix.
      const culprit = [...document.querySelectorAll('body *')].find(
        (e) => e.getBoundingClientRect().right > window.innerWidth + 0.5 && !e.closest('pre'),
      );
      const where = culprit ? `${culprit.tagName.toLowerCase()}.${culprit.className}` : '?';
      return { over, where, right: culprit ? Math.round(culprit.getBoundingClientRect().right) : 0 };
    });
    assert(overflow.over <= 0, `page is ${overflow.over}px wider than 390px; ${overflow.where} ends at x=${overflow.right}`);
  });
  await check('no panic banner (on either page)', async () => {
    for (const p of [page, shot]) {
      const banner = p.getByTestId('panic-banner');
      // Read the text only when there is a banner (reading a missing one would wait for TIMEOUT).
      if ((await banner.count()) > 0) throw new Error(`panic: ${await banner.first().textContent()}`);
    }
  });
  await shot.close();

  await check('no console errors or page errors', async () => {
    assert(consoleErrors.length === 0, consoleErrors.join('\n'));
  });

  // The page promises "Nothing leaves this page": data: and blob: (the download) stay in the browser.
  await check(`every request stays on ${server.origin} (or data:/blob:)`, async () => {
    const outside = offOrigin(requests, server.origin);
    assert(requests.length > 0, 'no requests recorded');
    assert(outside.length === 0, `requests elsewhere: ${[...new Set(outside)].join(', ')}`);
  });

  await context.close();
});
