// Still works offline once loaded:
//
//   node tests/e2e/offline.mjs      (from the repo root; needs dist/ from `trunk build --release`)
//
// The page is loaded as a visitor gets it (the start-up module first, then the page's own wasm in
// idle time) and left until the network is quiet. Then the browser goes offline, and the heavy
// parts are used for the first time: import (YAML parsing), the zip and the Helm chart, sealing with
// a certificate. Each must work, with its output equal to the CLI's where the CLI makes the same
// file; and no request may be made at all while offline (nothing loads on first use from the
// network), nor any off the origin before.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { awake, checks, cli, DIST, harness, offOrigin, ROOT, untilSame, until, yamlText } from './lib.mjs';

const { check, assert, counts } = checks();
const TIMEOUT = 15_000;
const PY = path.join(ROOT, 'tools', '.venv', 'bin', 'python');
const UNSEAL = path.join(ROOT, 'tests', 'oracles', 'unseal.py');

// Every wasm file of a built site, as paths from its root, sorted.
const wasmFiles = (dir) =>
  readdirSync(dir, { recursive: true })
    .filter((f) => f.endsWith('.wasm'))
    .sort();

// Zip entries' names through Python's zipfile (a reader written by others).
function zipNames(file) {
  const r = spawnSync('python3', ['-c', 'import json,sys,zipfile; print(json.dumps(zipfile.ZipFile(sys.argv[1]).namelist()))', file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`not a zip: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'kubewright-offline-'));
const fixture = path.join(ROOT, 'crates/kubewright/tests/fixtures/article-manifests.yaml');
await harness('offline', counts, async ({ server, browser }) => {
  const keygen = spawnSync(PY, [UNSEAL, 'keygen', tmp], { encoding: 'utf8' });
  if (keygen.status !== 0) throw new Error(`unseal.py keygen failed: ${keygen.stderr}`);
  const cert = readFileSync(path.join(tmp, 'cert.pem'), 'utf8');
  rmSync(path.join(tmp, 'key.pem'), { force: true });

  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1400, height: 1000 } });
  context.setDefaultTimeout(TIMEOUT);
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const byId = (id) => page.getByTestId(id);
  const yamlAll = () => yamlText(page);
  let online;

  await check('loaded: the start-up module, then the page; then offline', async () => {
    await page.goto(`${server.origin}/`);
    await awake(page);
    await page.waitForLoadState('networkidle');
    // The start-up module first, then the page, then (in idle time) every part it loads on first
    // use: all of the build's wasm files, each once.
    const wasm = requests.filter((u) => u.endsWith('.wasm')).map((u) => new URL(u).pathname.slice(1));
    const built = wasmFiles(DIST);
    assert(wasm[0].startsWith('kubewright-boot-') && wasm[1]?.endsWith('/kubewright-web_bg.wasm'), `wasm fetched: ${wasm.join(', ')}`);
    assert(built.length > 3 && JSON.stringify([...wasm].sort()) === JSON.stringify(built), `wasm fetched: ${wasm.join(', ')}; built: ${built.join(', ')}`);
    online = requests.length;
    await context.setOffline(true);
  });

  const importedSpec = path.join(tmp, 'imported.json');
  writeFileSync(importedSpec, cli('import', fixture));
  await check('offline: import by paste fills the form (== kubewright import)', async () => {
    await byId('import-open').click();
    await byId('import-text').fill(readFileSync(fixture, 'utf8'));
    await byId('import-run').click();
    await untilSame(() => yamlAll(), cli('render', '--spec', importedSpec), 'yaml-all after import');
  });

  await check('offline: the zip is byte for byte kubewright export --zip', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), byId('download-zip').click()]);
    const file = path.join(tmp, 'page.zip');
    await download.saveAs(file);
    const cliZip = path.join(tmp, 'cli.zip');
    cli('export', '--spec', importedSpec, '--zip', cliZip);
    assert(Buffer.compare(readFileSync(file), readFileSync(cliZip)) === 0, 'page zip != CLI zip');
  });

  await check('offline: the Helm chart downloads with its chart files', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), byId('download-chart').click()]);
    const file = path.join(tmp, 'chart.zip');
    await download.saveAs(file);
    const names = zipNames(file);
    for (const n of ['Chart.yaml', 'values.yaml', 'templates/deployment.yaml']) {
      assert(names.includes(`kube-native/${n}`), `no ${n} in ${names}`);
    }
  });

  await check('offline: sealing with a pasted certificate writes a SealedSecret', async () => {
    await byId('tab-secrets').click();
    await byId('seal-cert').fill(cert);
    // The imported manifests name no namespace, to which the strict scope would bind the values.
    await byId('seal-scope').selectOption('cluster-wide');
    await until(() => byId('seal-status').textContent(), (t) => t.includes('RSA'), 'sealing status');
    const yaml = await until(() => yamlAll(), (t) => t.includes('kind: SealedSecret'), 'a SealedSecret');
    assert(!yaml.includes('kind: Secret\n'), 'a plain Secret next to the sealed one');
  });

  await check('no request while offline, none off the origin before', async () => {
    assert(requests.length === online, `requests while offline: ${requests.slice(online).join(', ')}`);
    const off = offOrigin(requests, server.origin);
    assert(off.length === 0, `off-origin requests: ${off.join(', ')}`);
  });
  await context.close();
});
rmSync(tmp, { recursive: true, force: true });
