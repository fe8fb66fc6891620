// End-to-end test of the volumes tab in headless chromium, driven like a user would:
//
//   node tests/e2e/volumes.mjs    (from the repo root; needs dist/ built and tools/node installed)
//
// A claim added on the volumes tab reaches the YAML, the commands (before the Deployment) and the
// diagram; the ReadWriteOnce warning's one-click fix switches to one pod and Recreate; a secret
// file's content reaches the Secret but never the share link, the storage or the commands.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { awake, checks, harness, nextFrame, until, yamlText } from './lib.mjs';

const { check, assert, counts } = checks();
const TIMEOUT = 10_000;
const SECRET = 'tls-key-N0t-f0r-sharing';
const base64 = (s) => Buffer.from(s, 'utf8').toString('base64');
const requireTools = createRequire(new URL('../../tools/node/package.json', import.meta.url));
const AXE_SOURCE = readFileSync(requireTools.resolve('axe-core/axe.min.js'), 'utf8');

await harness('e2e-volumes', counts, async ({ server, browser }) => {
  // bypassCSP: axe-core is injected as an inline script (test only).
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, bypassCSP: true });
  context.setDefaultTimeout(TIMEOUT);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.origin}/`);
  await awake(page);
  const byId = (id) => page.getByTestId(id);
  const yamlAll = () => yamlText(page);
  await until(yamlAll, (t) => t?.includes('kind: Deployment'), 'the page to render');

  await check('add a claim: the PersistentVolumeClaim and the pod\'s volume are in the YAML', async () => {
    await byId('tab-volumes').click();
    await byId('volume-add').click();
    const yaml = await until(yamlAll, (t) => t.includes('kind: PersistentVolumeClaim'), 'a claim in the YAML');
    for (const line of ['name: web-data', 'storage: 1Gi', '- ReadWriteOnce', 'claimName: web-data', 'mountPath: /data']) {
      assert(yaml.includes(line), `no ${line} in the YAML`);
    }
    assert(yaml.indexOf('kind: PersistentVolumeClaim') < yaml.indexOf('kind: Deployment'), 'the claim comes first');
    assert((await byId('volume-object').textContent()) === 'web-data', 'the object name shown');
  });

  await check('the storage class is checked before anything is applied, and the claim is in the diagram', async () => {
    await nextFrame(page);
    const commands = await byId('commands').textContent();
    const check = commands.indexOf('kubectl get storageclass');
    assert(check > 0 && check < commands.indexOf('kubectl apply'), 'storage class checked first');
    const node = page.locator('[data-testid="diagram-node"][data-node="PersistentVolumeClaim/web-data"]');
    await until(() => node.count(), (n) => n === 1, 'the claim in the diagram');
  });

  await check('a typed size that is not a quantity: an error beside the field', async () => {
    await byId('volume-size').fill('10GB');
    const field = page.locator('label.field', { has: byId('volume-size') });
    await until(() => field.getAttribute('class'), (c) => c.includes('invalid'), 'the size field marked invalid');
    const message = await field.locator('[data-testid="issue-error"]').textContent();
    assert(message.includes('The size') && message.includes('gigabytes'), message);
    await byId('volume-size').fill('5Gi');
    await until(yamlAll, (t) => t.includes('storage: 5Gi'), 'the new size');
  });

  await check('ReadWriteOnce with 2 replicas: a warning, and its fix runs one pod with Recreate', async () => {
    const warning = page.locator('[data-testid="issue-warning"][data-rule="pvc-single-node-access"]');
    await until(() => warning.count(), (n) => n === 1, 'the warning beside the access mode');
    const text = await warning.textContent();
    assert(text.includes('StatefulSet') && text.includes('Recreate'), text);
    await warning.getByTestId('fix').click();
    const yaml = await until(yamlAll, (t) => t.includes('type: Recreate'), 'Recreate in the YAML');
    assert(yaml.includes('replicas: 1') && !yaml.includes('rollingUpdate:'), 'one pod, no rollingUpdate');
    await until(() => warning.count(), (n) => n === 0, 'the warning gone');
    await byId('tab-app').click();
    assert((await byId('app-strategy').inputValue()) === 'Recreate', 'the app tab says Recreate');
  });

  await check('a secret file: in the Secret, masked, and never in the link, storage or commands', async () => {
    await byId('tab-volumes').click();
    await byId('volume-add').click();
    const second = byId('volume').nth(1);
    await second.getByTestId('volume-kind').selectOption({ label: 'Secret files (Secret)' });
    await second.getByTestId('volume-file-add').click();
    await second.getByTestId('volume-file-name').fill('tls.key');
    const content = second.getByTestId('volume-file-content');
    assert((await content.getAttribute('class'))?.includes('masked'), 'the content is masked');
    await content.fill(SECRET);
    await until(yamlAll, (t) => t.includes(base64(SECRET)), 'the file, base64, in the Secret');
    const yaml = await yamlAll();
    assert(yaml.includes('secretName: web-data-2') && yaml.includes('checksum/secret-files:'), 'mounted and checksummed');
    assert(!(await byId('commands').textContent()).includes(SECRET), 'the content in the commands');
    await byId('share-link').click();
    const link = await until(() => byId('share-url').inputValue(), (v) => v.includes('#s='), 'share-url');
    assert(!link.includes(SECRET) && !link.includes(base64(SECRET)), 'the content in the link');
    await page.waitForTimeout(600); // autosave runs 400 ms after the last change
    const stored = await page.evaluate(() => JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage)]));
    assert(stored.includes('tls.key'), 'the file name is saved');
    assert(!stored.includes(SECRET) && !stored.includes(base64(SECRET)), 'the content in storage');
  });

  await check('axe-core: no serious or critical violation on the volumes tab with a claim and a secret file', async () => {
    await byId('tab-volumes').click();
    await page.locator('.tab-panel details.explain summary').first().click();
    await page.addScriptTag({ content: AXE_SOURCE });
    const bad = await page.evaluate(async () => {
      const r = await window.axe.run(document, { resultTypes: ['violations'] });
      return r.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    });
    assert(bad.length === 0, bad.join('\n'));
  });

  await check('no page error', async () => {
    assert(errors.length === 0, errors.join('\n'));
  });
});
