// End-to-end test of import, export, share links, autosave and undo/redo, in headless chromium
// against the built site (dist/):
//
//   node tests/e2e/keep.mjs      (from the repo root; needs dist/ built and tools/node installed)
//
// The CLI is the reference again: the page's import must equal `kubewright import`, its zip must be
// byte-for-byte `kubewright export --zip`. Prints one line per check, then `e2e-keep: N passed, M failed`.

import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { awake, checks, cli, cliPath, harness, ROOT, until, untilSame, yamlText } from './lib.mjs';

const { check, assert, counts } = checks();

const TIMEOUT = 10_000;

// Zip entries through Python's zipfile (a reader written by others), as {name: text}.
function unzip(file) {
  const r = spawnSync('python3', ['-c', 'import json,sys,zipfile; z=zipfile.ZipFile(sys.argv[1]); print(json.dumps({n: z.read(n).decode() for n in z.namelist()}))', file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`not a zip: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

// The JSON inside a share link's fragment (raw deflate, base64url).
function linkJson(url) {
  const payload = new URL(url).hash.replace(/^#s=/, '');
  const r = spawnSync('python3', ['-c', 'import base64,sys,zlib; p=sys.argv[1]; sys.stdout.write(zlib.decompress(base64.urlsafe_b64decode(p + "=" * (-len(p) % 4)), -15).decode())', payload], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`undecodable link: ${r.stderr}`);
  return r.stdout;
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'kubewright-keep-'));
const fixture = path.join(ROOT, 'crates/kubewright/tests/fixtures/article-manifests.yaml');
const secretValue = 'Sh4re-me-n0t!';
await harness('e2e-keep', counts, async ({ server, browser }) => {
  const context = await browser.newContext({ acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  context.setDefaultTimeout(TIMEOUT);
  const errors = [];
  const open = async (ctx, url = `${server.origin}/`) => {
    const p = await ctx.newPage();
    p.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
    p.on('console', (m) => m.type() === 'error' && errors.push(`console.error: ${m.text()}`));
    await p.goto(url);
    await awake(p);
    return p;
  };
  const page = await open(context);
  const byId = (id, p = page) => p.getByTestId(id);
  const yamlAll = (p = page) => yamlText(p);
  await until(() => yamlAll(), (t) => t.includes('kind: Deployment'), 'first render');

  // The page's import of the article's manifests must be what `kubewright import` makes of them.
  const importedSpec = path.join(tmp, 'imported.json');
  writeFileSync(importedSpec, cli('import', fixture));
  await check('import by paste: the article manifests fill the form (== kubewright import), with a report', async () => {
    await byId('import-open').click();
    await byId('import-text').fill(readFileSync(fixture, 'utf8'));
    await byId('import-run').click();
    await untilSame(() => yamlAll(), cli('render', '--spec', importedSpec), 'yaml-all after import');
    const report = await byId('import-report').textContent();
    assert(report.includes('Deployment/kube-native apiVersion'), `report: ${report}`);
    assert(report.includes('metadata.labels.data'), `report: ${report}`);
    assert((await byId('import-done').textContent()).includes('Kubernetes manifests'), 'format not named');
    // The pasted text (it may hold Secret data) is not kept in the box once imported.
    assert((await byId('import-text').inputValue()) === '', 'the pasted text stayed in the box');
  });

  await check('import of invalid YAML: the parser\'s line and column, the form unchanged', async () => {
    const before = await yamlAll();
    await byId('import-text').fill('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n data: 1\n');
    await byId('import-run').click();
    const message = await until(() => byId('import-error').textContent(), (t) => t?.includes('line'), 'import-error');
    assert(message.startsWith('line 5, column 2: not valid YAML'), message);
    assert((await yamlAll()) === before, 'the YAML changed after a failed import');
  });

  await check('download zip: one entry per file + kustomization.yaml + README.md, bytes == kubewright export --zip', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), byId('download-zip').click()]);
    assert(download.suggestedFilename() === 'kube-native.zip', download.suggestedFilename());
    const file = path.join(tmp, 'page.zip');
    await download.saveAs(file);
    const entries = unzip(file);
    const names = Object.keys(entries);
    const want = ['namespace.yaml', 'configmap.yaml', 'secret.yaml', 'job-migration.yaml', 'deployment.yaml', 'service.yaml', 'kustomization.yaml', 'README.md'];
    // The import had no namespace: no namespace.yaml.
    const expected = want.filter((n) => n !== 'namespace.yaml').map((n) => `kube-native/${n}`);
    assert(JSON.stringify(names) === JSON.stringify(expected), `entries ${names}`);
    assert(entries['kube-native/kustomization.yaml'].includes('- deployment.yaml'), 'kustomization lists no deployment');
    await byId('file-deployment.yaml').click();
    assert(entries['kube-native/deployment.yaml'] === (await yamlText(page, 'yaml-file')), 'deployment.yaml is not the shown file');
    await byId('file-all').click();
    const cliZip = path.join(tmp, 'cli.zip');
    cli('export', '--spec', importedSpec, '--zip', cliZip);
    assert(Buffer.compare(readFileSync(file), readFileSync(cliZip)) === 0, 'page zip != CLI zip');
  });

  await check('download Helm chart: Chart.yaml, values.yaml, templates/ per object', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), byId('download-chart').click()]);
    assert(download.suggestedFilename() === 'kube-native-chart.zip', download.suggestedFilename());
    const file = path.join(tmp, 'chart.zip');
    await download.saveAs(file);
    const names = Object.keys(unzip(file));
    for (const n of ['Chart.yaml', 'values.yaml', 'templates/deployment.yaml', 'templates/job-migration.yaml', 'README.md']) {
      assert(names.includes(`kube-native/${n}`), `no ${n} in ${names}`);
    }
  });

  let link;
  await check('share link: in the fragment, secret names but no secret value', async () => {
    await byId('tab-secrets').click();
    await byId('secret-value').last().fill(secretValue);
    await until(() => yamlAll(), (t) => t.includes(Buffer.from(secretValue).toString('base64')), 'the secret in the YAML');
    await byId('share-link').click();
    link = await until(() => byId('share-url').inputValue(), (v) => v.includes('#s='), 'share-url');
    assert(link.startsWith(`${server.origin}/#s=`), link);
    assert(!link.includes('?'), 'a query string would reach the server');
    const json = linkJson(link);
    assert(!json.includes(secretValue) && !link.includes(secretValue), 'secret value in the link');
    assert(json.includes('"SECRET_KEY_BASE"'), 'secret names kept');
    assert(!page.url().includes(secretValue), 'secret value in the page URL');
  });

  await check('storage: the autosaved spec holds no secret value', async () => {
    // Saved 400 ms after the last change, with the same text as the link (both: the spec without
    // secret values).
    await until(
      () => page.evaluate(() => localStorage.getItem('kubewright.spec')),
      (s) => s === linkJson(link),
      'the autosaved spec to equal the link\'s',
    );
    const stored = await page.evaluate(() => JSON.stringify(Object.entries(localStorage)));
    assert(!stored.includes(secretValue), 'secret value in localStorage');
    assert(!stored.includes('fzBk8OEcI8thGxly'), 'an imported secret value (SECRET_KEY_BASE) in localStorage');
    const session = await page.evaluate(() => JSON.stringify(Object.entries(sessionStorage)));
    assert(!session.includes(secretValue), 'secret value in sessionStorage');
  });

  await check('a fresh browser context opens the link: same YAML (secret values emptied), asks for them', async () => {
    const fresh = await browser.newContext();
    const other = await open(fresh, link);
    const saved = await page.evaluate(() => localStorage.getItem('kubewright.spec'));
    const savedSpec = path.join(tmp, 'saved.json');
    writeFileSync(savedSpec, saved);
    await untilSame(() => yamlAll(other), cli('render', '--spec', savedSpec), 'yaml-all from the link');
    const notice = await byId('restore-notice', other).textContent();
    assert(notice.includes('the link') && notice.includes('DATABASE_URL, ERLANG_COOKIE, SECRET_KEY_BASE'), notice);
    const stored = await other.evaluate(() => JSON.stringify(Object.entries(localStorage)));
    assert(!stored.includes(secretValue), 'secret value stored by the link page');
    // Typing a value takes its name off the list; loading another spec removes the notice.
    await byId('tab-secrets', other).click();
    await byId('secret-value', other).first().fill('typed-again');
    await until(() => byId('restore-notice', other).textContent(), (t) => t.includes('re-enter ERLANG_COOKIE, SECRET_KEY_BASE'), 'a shorter list');
    // The form has an edit now: the preset switch asks first.
    await byId('preset-select', other).selectOption(cli('presets').split('\t')[0]);
    await byId('preset-replace', other).click();
    await byId('restore-notice', other).waitFor({ state: 'detached' });
    await fresh.close();
  });

  await check('autosave: a reload restores the form; "forget" empties the storage and the next load is the preset', async () => {
    const want = cli('render', '--spec', path.join(tmp, 'saved.json'));
    await page.reload();
    await awake(page);
    await untilSame(() => yamlAll(), want, 'yaml-all after reload');
    assert((await byId('restore-notice').textContent()).includes("this browser's saved copy"), 'no restore notice');
    await byId('forget').click();
    const keys = await page.evaluate(() => Object.keys(localStorage));
    assert(!keys.includes('kubewright.spec'), `still stored: ${keys}`);
    await page.reload();
    await awake(page);
    await untilSame(() => yamlAll(), cli('render', '--preset', cli('presets').split('\t')[0]), 'yaml-all after forget + reload');
    await byId('autosave-toggle').check();
  });

  await check('undo / redo: Ctrl+Z and Ctrl+Shift+Z, keystrokes of one word are one step', async () => {
    const before = await yamlAll();
    await byId('tab-app').click();
    const name = byId('app-name');
    await name.fill('');
    await name.pressSequentially('undo-me');
    await until(() => yamlAll(), (t) => t.includes('name: undo-me'), 'name undo-me');
    await page.locator('h1').click(); // focus out of the field
    await page.keyboard.press('Control+z');
    await untilSame(() => yamlAll(), before, 'yaml-all after one undo');
    await page.keyboard.press('Control+Shift+z');
    await until(() => yamlAll(), (t) => t.includes('name: undo-me'), 'redo brings undo-me back');
    await byId('undo').click();
    await untilSame(() => yamlAll(), before, 'yaml-all after the undo button');
    assert(await byId('redo').isEnabled(), 'redo disabled after undo');
  });

  await check('no console errors or page errors', async () => {
    assert(errors.length === 0, errors.join('\n'));
  });
  await context.close();
}, () => rmSync(tmp, { recursive: true, force: true }));
