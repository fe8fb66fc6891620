// The parts of the page fetched on first use (src/ui/lazy.rs, scripts/split.sh): the zip and chart
// writer, the importer, the sealer.
//
//   node tests/e2e/lazy.mjs      (from the repo root; needs dist/ from `trunk build --release`)
//
// Each part is used while its file is held back by the
// network: the page must say it is working on it (a status, not a silent button), then give the
// CLI's result once the file arrives. With the file refused, it must say it could not be loaded
// (and keep the page working), and the next use must fetch it again and work. Sent with another
// type than application/wasm, it must still load. Before the page is live, no part is fetched at
// all (they are not in the first download).

import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { awake, checks, cli, DIST, harness, ROOT, untilSame, until, yamlText } from './lib.mjs';

const { check, assert, counts } = checks();
const TIMEOUT = 15_000;
const PARTS = /\/app-[0-9a-f]+\/(split|chunk)_[^/]*\.wasm$/;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'kubewright-lazy-'));
const fixture = path.join(ROOT, 'crates/kubewright/tests/fixtures/article-manifests.yaml');
const cert = readFileSync(path.join(ROOT, 'crates/kubewright/tests/fixtures/seal/cert.pem'), 'utf8');

// A page whose parts' requests wait for `release()` (then go through, or fail with `refuse`).
async function heldPage(browser, origin, { refuse = false } = {}) {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1400, height: 1000 } });
  context.setDefaultTimeout(TIMEOUT);
  const page = await context.newPage();
  const seen = [];
  page.on('request', (r) => seen.push(r.url()));
  let open;
  const gate = new Promise((resolve) => (open = resolve));
  const held = [];
  await page.route(PARTS, async (route) => {
    held.push(route.request().url());
    await gate;
    await (refuse ? route.abort('internetdisconnected') : route.continue());
  });
  await page.goto(`${origin}/`);
  await awake(page);
  return { context, page, seen, held, release: () => open() };
}

await harness('lazy', counts, async ({ server, browser }) => {
  const spec = path.join(tmp, 'first.json');
  writeFileSync(spec, cli('spec', '--preset', 'web-app'));

  await check('the parts are not in the first download: asked for only once the page is live', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    // When the page took the prerendered screen over (every frame until then).
    await page.addInitScript(() => {
      const tick = () => {
        if (document.body && !document.body.hasAttribute('data-prerendered')) window.__liveAt = performance.now();
        else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    await page.goto(`${server.origin}/`);
    await awake(page);
    // In idle time the page asks for each part: every split_ and chunk_ file of the build.
    const built = readdirSync(DIST, { recursive: true }).filter((f) => PARTS.test(`/${f}`));
    const parts = await until(
      () => page.evaluate(() => performance.getEntriesByType('resource').filter((e) => /\/(split|chunk)_/.test(e.name)).map((e) => ({ name: e.name, start: e.startTime }))),
      (xs) => xs.length >= built.length,
      `the parts fetched in idle time (${built.join(', ')})`,
    );
    const liveAt = await page.evaluate(() => window.__liveAt);
    const early = parts.filter((p) => p.start < liveAt);
    assert(early.length === 0, `asked for before the page was live (${liveAt.toFixed(0)} ms): ${early.map((p) => `${p.name} at ${p.start.toFixed(0)}`).join(', ')}`);
    for (const part of ['split_export.wasm', 'split_import.wasm', 'split_seal.wasm']) {
      assert(parts.some((p) => p.name.endsWith(`/${part}`)), `${part} not fetched: ${parts.map((p) => p.name).join(', ')}`);
    }
    await context.close();
  });

  await check('download zip while its part is on its way: "Preparing", then the CLI\'s bytes', async () => {
    const { context, page, release } = await heldPage(browser, server.origin);
    const downloaded = page.waitForEvent('download');
    await page.getByTestId('download-zip').click();
    const status = page.getByTestId('export-status');
    await until(() => status.textContent(), (t) => t.includes('Preparing'), 'the preparing status');
    await page.waitForTimeout(300);
    assert((await status.textContent()).includes('Preparing'), 'the status left "Preparing" before the part came');
    release();
    const file = path.join(tmp, 'page.zip');
    await (await downloaded).saveAs(file);
    const cliZip = path.join(tmp, 'cli.zip');
    cli('export', '--spec', spec, '--zip', cliZip);
    assert(Buffer.compare(readFileSync(file), readFileSync(cliZip)) === 0, 'page zip != CLI zip');
    await until(() => status.textContent(), (t) => t.startsWith('Downloaded web.zip'), 'the downloaded status');
    await context.close();
  });

  await check('import while its part is on its way: "Reading…", then the form (== kubewright import)', async () => {
    const { context, page, release } = await heldPage(browser, server.origin);
    await page.getByTestId('import-open').click();
    await page.getByTestId('import-text').fill(readFileSync(fixture, 'utf8'));
    await page.getByTestId('import-run').click();
    const reading = page.getByTestId('import-reading');
    await reading.waitFor();
    assert((await reading.getAttribute('aria-busy')) === 'true', 'the reading status is not marked busy');
    release();
    const imported = path.join(tmp, 'imported.json');
    writeFileSync(imported, cli('import', fixture));
    await untilSame(() => page.getByTestId('yaml-all').textContent(), cli('render', '--spec', imported), 'yaml-all after import');
    assert(!(await reading.isVisible()), 'still "Reading…" after the import');
    await context.close();
  });

  await check('a certificate pasted while the sealer is on its way: "Loading", no Secret of either kind, then sealed', async () => {
    const { context, page, release } = await heldPage(browser, server.origin);
    await page.getByTestId('tab-secrets').click();
    await page.getByTestId('seal-cert').fill(cert);
    const loading = page.getByTestId('seal-loading');
    await loading.waitFor();
    assert((await loading.getAttribute('aria-busy')) === 'true', 'the loading banner is not marked busy');
    assert((await page.getByTestId('seal-status').textContent()).includes('Loading the sealing code'), 'the status beside the box');
    const before = await yamlText(page);
    assert(!before.includes('kind: Secret\n') && !before.includes('kind: SealedSecret'), 'a Secret in the YAML before the sealer came');
    release();
    const yaml = await until(() => page.getByTestId('yaml-all').textContent(), (t) => t.includes('kind: SealedSecret'), 'a SealedSecret');
    assert(!yaml.includes('kind: Secret\n'), 'a plain Secret next to the sealed one');
    assert((await page.getByTestId('seal-status').textContent()).includes('RSA 4096-bit key'), 'the key not described');
    assert(!(await loading.isVisible()), 'still loading after the SealedSecret');
    await context.close();
  });

  await check('a sealer that cannot be fetched: an alert with "Try again", which fetches it and seals', async () => {
    const { context, page, release } = await heldPage(browser, server.origin, { refuse: true });
    release();
    await page.getByTestId('tab-secrets').click();
    await page.getByTestId('seal-cert').fill(cert);
    const banner = page.getByTestId('seal-banner');
    await until(() => banner.textContent().catch(() => ''), (t) => t.includes('could not be loaded'), 'the failure banner');
    const yaml = await yamlText(page);
    assert(!yaml.includes('kind: Secret\n') && !yaml.includes('kind: SealedSecret'), 'a Secret in the YAML without the sealer');
    await page.unroute(PARTS);
    await page.getByTestId('seal-retry').click();
    await until(() => page.getByTestId('yaml-all').textContent(), (t) => t.includes('kind: SealedSecret'), 'a SealedSecret after "Try again"');
    await context.close();
  });

  await check('a host that sends the parts as application/octet-stream: they still load (zip == the CLI\'s)', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    context.setDefaultTimeout(TIMEOUT);
    const page = await context.newPage();
    await page.route(PARTS, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'content-type': 'application/octet-stream' } });
    });
    await page.goto(`${server.origin}/`);
    await awake(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-zip').click()]);
    const file = path.join(tmp, 'octet.zip');
    await download.saveAs(file);
    const cliZip = path.join(tmp, 'cli.zip');
    cli('export', '--spec', spec, '--zip', cliZip);
    assert(Buffer.compare(readFileSync(file), readFileSync(cliZip)) === 0, 'page zip != CLI zip');
    await context.close();
  });

  await check('a part that cannot be fetched: said beside the button, the page still works, the next click fetches it', async () => {
    const { context, page, release } = await heldPage(browser, server.origin, { refuse: true });
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.getByTestId('download-zip').click();
    release();
    const status = page.getByTestId('export-status');
    await until(() => status.textContent(), (t) => t.includes('could not be loaded'), 'the failure in the status');
    // Still working: a keystroke reaches the YAML.
    await page.getByTestId('app-name').fill('after-fail');
    await until(() => page.getByTestId('yaml-all').textContent(), (t) => t.includes('name: after-fail'), 'the YAML after a keystroke');
    await page.unroute(PARTS);
    const downloaded = page.waitForEvent('download');
    await page.getByTestId('download-zip').click();
    assert((await downloaded).suggestedFilename() === 'after-fail.zip', 'the retry did not download after-fail.zip');
    assert(errors.length === 0, `page errors: ${errors.join('; ')}`);
    await context.close();
  });
}, () => rmSync(tmp, { recursive: true, force: true }));
