// End-to-end proof of the secrets promise, in headless chromium against the built site (dist/):
//
//   node tests/e2e/secrets.mjs      (from the repo root; needs dist/, tools/node and tools/.venv)
//
// A user fills every secret field (typed values and each generator), walks every tab and file, copies
// and downloads; then no request may have left the page's origin, and no secret value may be in the
// URL, localStorage, sessionStorage, cookies, IndexedDB, Cache Storage, the commands (on screen and
// copied) or anything written to the console. The Content-Security-Policy must be in force (an
// injected inline script is refused) with no violation by the app itself. Then the secrets are sealed
// in the page with a throwaway certificate, in each scope, and the downloaded sealedsecret.yaml is
// opened by tests/oracles/unseal.py (Python's `cryptography`, the controller's algorithm); so is the
// database's password, sealed into database-sealedsecret.yaml.
// Prints one line per check, then `e2e-secrets: N passed, M failed`; exits 1 on any failure.

import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { awake, checks, harness, nextFrame, offOrigin, ROOT, until, YAML, yamlText } from './lib.mjs';

const { check, assert, counts } = checks();

const TIMEOUT = 10_000;
const OUT = path.join(ROOT, 'out', 'e2e-secrets');
const PY = path.join(ROOT, 'tools', '.venv', 'bin', 'python');
const UNSEAL = path.join(ROOT, 'tests', 'oracles', 'unseal.py');

const b64 = (s) => Buffer.from(s, 'utf8').toString('base64');
const docs = (yaml) => YAML.parseAllDocuments(yaml).map((d) => d.toJS());

const requests = [];
const consoleLines = []; // every console message of every type, and page errors
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

// The throwaway private key is not kept.
const forgetKey = () => rmSync(path.join(OUT, 'key.pem'), { force: true });
await harness('e2e-secrets', counts, async ({ server, browser }) => {
  // A throwaway controller key pair, made for this run only.
  const keygen = spawnSync(PY, [UNSEAL, 'keygen', OUT], { encoding: 'utf8' });
  if (keygen.status !== 0) throw new Error(`unseal.py keygen failed: ${keygen.stderr}`);
  const cert = readFileSync(path.join(OUT, 'cert.pem'), 'utf8');
  const ecCert = readFileSync(path.join(OUT, 'ec-cert.pem'), 'utf8');

  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  context.setDefaultTimeout(TIMEOUT);
  const page = await context.newPage();
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => consoleLines.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => consoleLines.push(`pageerror: ${e.message}`));
  // Report CSP violations to the console, where the checks below look for them.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await page.goto(`${server.origin}/`);
  await awake(page);
  const byId = (id) => page.getByTestId(id);
  const text = (id) => byId(id).textContent();
  const yamlAll = () => yamlText(page);
  await until(yamlAll, (t) => t?.includes('kind: Deployment'), 'the first render');

  // Everything a secret value must never reach, read fresh each time.
  const secrets = []; // every value typed or generated in this run
  async function leaks() {
    const where = [];
    const stores = await page.evaluate(async () => {
      const dump = (s) => Object.fromEntries(Object.keys(s).map((k) => [k, s.getItem(k)]));
      const idb = [];
      for (const info of (await indexedDB.databases?.()) ?? []) {
        idb.push(info.name);
        const db = await new Promise((res, rej) => {
          const r = indexedDB.open(info.name);
          r.onsuccess = () => res(r.result);
          r.onerror = () => rej(r.error);
        });
        for (const store of db.objectStoreNames) {
          const all = await new Promise((res) => {
            const r = db.transaction(store).objectStore(store).getAll();
            r.onsuccess = () => res(r.result);
          });
          idb.push(JSON.stringify(all));
        }
        db.close();
      }
      return {
        url: location.href,
        history: history.length,
        local: JSON.stringify(dump(localStorage)),
        session: JSON.stringify(dump(sessionStorage)),
        cookie: document.cookie,
        idb: idb.join('\n'),
        caches: (await caches.keys()).join('\n'),
        title: document.title,
      };
    });
    const cookies = JSON.stringify(await context.cookies());
    const commands = await text('commands');
    const places = {
      'the URL': page.url() + stores.url,
      'a request URL': requests.join('\n'),
      localStorage: stores.local,
      sessionStorage: stores.session,
      'document.cookie': stores.cookie,
      'the cookie jar': cookies,
      IndexedDB: stores.idb,
      'Cache Storage': stores.caches,
      'the title': stores.title,
      'the commands': commands,
      'the console': consoleLines.join('\n'),
    };
    for (const s of secrets) {
      // The value as typed, URL-encoded, and base64 (standard and URL-safe, as a link might carry it).
      const forms = [s, encodeURIComponent(s), b64(s), Buffer.from(s, 'utf8').toString('base64url')];
      for (const [place, content] of Object.entries(places)) {
        const form = forms.find((f) => content.includes(f));
        if (form) where.push(`${JSON.stringify(s.slice(0, 12))}... in ${place} (as ${JSON.stringify(form.slice(0, 16))}...)`);
      }
    }
    // Storage may legitimately hold things (e.g. an autosaved spec without secret values): what is
    // checked is that no secret value is in it.
    return where;
  }

  await check('the Content-Security-Policy is in force: an injected inline script is refused', async () => {
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert(csp.includes("default-src 'none'") && csp.includes("script-src 'self' 'wasm-unsafe-eval'"), `CSP: ${csp}`);
    assert(!csp.includes('unsafe-inline'), `CSP allows inline: ${csp}`);
    const mark = consoleLines.length;
    const ran = await page.evaluate(() => {
      window.__injected = false;
      const s = document.createElement('script');
      s.textContent = 'window.__injected = true';
      document.head.append(s);
      return window.__injected;
    });
    assert(ran === false, 'an inline script ran');
    const added = () => consoleLines.slice(mark).join('\n');
    await until(added, (t) => t.includes('CSP violation: script-src-elem'), 'the CSP violation event');
    await until(added, (t) => t.includes('Executing inline script violates'), "the browser's CSP report");
    // Those were the test's own; drop them, so the check at the end sees only the app's messages.
    consoleLines.splice(mark);
  });

  await check('secrets tab: the base64 warning is shown', async () => {
    await byId('tab-secrets').click();
    const warning = await text('secret-warning');
    assert(warning.includes('Base64 is an encoding, not encryption') && warning.includes('Do not commit'), warning);
  });

  const typed = ['tÿped-S3cret-ü€', 'p@ss word "with" quotes\\', 'multi\nline-s3cret'];
  await check('typed values: masked, base64 in the Secret, decoded byte length shown', async () => {
    for (const [i, value] of typed.entries()) {
      const rows = await byId('secret-row').count();
      await byId('secret-add').click();
      await until(() => byId('secret-row').count(), (n) => n === rows + 1, 'a new row');
      await byId('secret-name').last().fill(`E2E_TYPED_${i}`);
      // fill() cannot type a newline into <input>; the API sets it as a paste would (the browser strips it).
      await byId('secret-value').last().fill(value);
      const kept = await byId('secret-value').last().inputValue();
      secrets.push(kept);
      assert((await byId('secret-value').last().getAttribute('type')) === 'password', 'value not masked');
      await until(yamlAll, (t) => t.includes(`E2E_TYPED_${i}: ${b64(kept)}`), `E2E_TYPED_${i} base64`);
      const bytes = Buffer.byteLength(kept, 'utf8');
      const shown = await byId('secret-bytes').last().textContent();
      assert(shown === `${bytes} bytes`, `byte length shown ${shown}, want ${bytes} bytes`);
    }
  });

  await check('reveal shows one value only, and hides it again', async () => {
    const first = byId('secret-value').nth(0);
    const second = byId('secret-value').nth(1);
    await byId('secret-reveal').nth(0).click();
    await until(() => first.getAttribute('type'), (t) => t === 'text', 'revealed');
    assert((await second.getAttribute('type')) === 'password', 'the other value was revealed too');
    await byId('secret-reveal').nth(0).click();
    await until(() => first.getAttribute('type'), (t) => t === 'password', 'hidden again');
  });

  await check('generators: SECRET_KEY_BASE (64), Erlang cookie (48), database password (32), all different', async () => {
    const want = {
      'secret-generate-secret-key-base': [64, /^[A-Za-z0-9+/]{64}$/],
      'secret-generate-release-cookie': [48, /^[A-Za-z0-9]{48}$/],
      'secret-generate-database-password': [32, /^[A-Za-z0-9]{32}$/],
    };
    for (const [button, [length, shape]] of Object.entries(want)) {
      const before = await page.evaluate(() => [...document.querySelectorAll('[data-testid=secret-value]')].map((e) => e.value));
      await byId(button).click();
      const after = await until(
        () => page.evaluate(() => [...document.querySelectorAll('[data-testid=secret-value]')].map((e) => e.value)),
        (v) => JSON.stringify(v) !== JSON.stringify(before),
        `${button} to fill a value`,
      );
      const value = after.find((v, i) => v !== before[i]);
      assert(value.length === length && shape.test(value), `${button}: ${value.length} characters`);
      assert(!secrets.includes(value), 'a generated value repeated');
      secrets.push(value);
      const status = await text('secret-generated');
      assert(status.includes(`${length} new random characters`) && !status.includes(value), `status: ${status}`);
      await until(yamlAll, (t) => t.includes(b64(value)), `${button} value in the YAML`);
    }
    // Each row's own generate button too.
    for (let i = 0; i < (await byId('secret-generate').count()); i++) {
      const old = await byId('secret-value').nth(i).inputValue();
      await byId('secret-generate').nth(i).click();
      const fresh = await until(() => byId('secret-value').nth(i).inputValue(), (v) => v !== old, `row ${i} generated`);
      secrets.push(fresh);
    }
    // The Secret may be scrolled out of the YAML's view: its text follows a frame later.
    await until(yamlAll, (t) => secrets.slice(-3).every((s) => t.includes(b64(s))), 'the generated values in the YAML');
  });

  await check('stringData: plain values with a warning, then back to data', async () => {
    await byId('secret-string-data').check();
    await until(yamlAll, (t) => t.includes('stringData:'), 'stringData in the Secret');
    assert((await text('secret-string-data-note')).includes('readable'), 'no stringData warning');
    const secret = docs(await yamlAll()).find((d) => d?.kind === 'Secret');
    const values = await page.evaluate(() => [...document.querySelectorAll('[data-testid=secret-value]')].map((e) => e.value));
    assert(JSON.stringify(Object.values(secret.stringData)) === JSON.stringify(values), 'stringData differs from the values');
    await byId('secret-string-data').uncheck();
    await until(yamlAll, (t) => !t.includes('stringData:'), 'data again');
  });

  await check('every tab and every file, copy and download: no value in the commands or the clipboard of commands', async () => {
    for (const tab of await page.locator('[data-testid^="tab-"]').all()) {
      await tab.click();
      await page.waitForTimeout(30);
    }
    await byId('tab-secrets').click();
    const files = await page.locator('.files [data-testid^="file-"]').evaluateAll((bs) => bs.map((b) => b.dataset.testid));
    for (const id of files) {
      await byId(id).click();
      await byId('copy-yaml').click();
      await until(() => text('status'), (t) => t.startsWith('Copied'), 'copied');
      const [download] = await Promise.all([page.waitForEvent('download'), byId('download-yaml').click()]);
      assert((await download.failure()) === null, `download of ${id} failed`);
    }
    await byId('copy-commands').click();
    await until(() => text('status'), (t) => t.includes('Copied the commands'), 'commands copied');
    const clip = await page.evaluate(() => navigator.clipboard.readText());
    for (const s of secrets) assert(!clip.includes(s), 'a secret in the copied commands');
  });

  await check('no value in the URL, storage, cookies, IndexedDB, Cache Storage, commands or console', async () => {
    const where = await leaks();
    assert(secrets.length >= typed.length + 3, `only ${secrets.length} values`);
    assert(where.length === 0, where.join('\n'));
  });

  await check('a non-RSA certificate: clear message, banner, and no Secret at all in the output', async () => {
    await byId('seal-cert').fill(ecCert);
    const issue = page.locator('label:has([data-testid="seal-cert"]) [data-rule="seal-certificate"]');
    const message = await until(() => issue.textContent().catch(() => ''), (t) => t.includes('not an RSA key'), 'the message beside the field');
    const banner = await text('seal-banner');
    assert(banner.includes('This certificate holds an elliptic-curve (EC) key'), `banner: ${banner}`);
    const kinds = docs(await yamlAll()).map((d) => d?.kind);
    assert(!kinds.includes('Secret') && !kinds.includes('SealedSecret'), `kinds: ${kinds}`);
  });

  for (const scope of ['strict', 'namespace-wide', 'cluster-wide']) {
    await check(`sealed in the page (${scope}): downloaded sealedsecret.yaml opens with the controller's algorithm`, async () => {
      await byId('seal-cert').fill(cert);
      await byId('seal-scope').selectOption(scope);
      await until(() => text('seal-status'), (t) => t.includes('RSA 4096-bit key'), 'sealing status');
      await byId('file-sealedsecret.yaml').click();
      const yaml = await until(() => text('yaml-file'), (t) => t.includes('kind: SealedSecret'), 'the SealedSecret');
      assert((scope === 'strict') !== yaml.includes(`sealedsecrets.bitnami.com/${scope}: 'true'`), `annotation for ${scope}`);
      assert(!(await yamlAll()).includes('kind: Secret\n'), 'a plain Secret next to the sealed one');
      for (const s of secrets) assert(!yaml.includes(s) && !yaml.includes(b64(s)), 'a plain or base64 value in the SealedSecret');
      assert((await text('secret-warning')).includes('safe to commit'), 'the sealed note is missing');
      await nextFrame(page);
      const commands = await text('commands');
      assert(commands.includes('-f sealedsecret.yaml') && !commands.includes('-f secret.yaml'), 'commands do not apply the SealedSecret');
      // Re-rendering (an unrelated edit) keeps every sealed value as it was.
      await byId('tab-app').click();
      await byId('app-replicas').fill('2');
      await byId('tab-secrets').click();
      await byId('file-sealedsecret.yaml').click();
      assert((await yamlText(page, 'yaml-file')) === yaml, 'an unrelated edit changed the sealed values');

      const [download] = await Promise.all([page.waitForEvent('download'), byId('download-yaml').click()]);
      assert(download.suggestedFilename() === 'sealedsecret.yaml', download.suggestedFilename());
      const file = path.join(OUT, `browser-${scope}.yaml`);
      await download.saveAs(file);
      const values = await page.evaluate(() =>
        [...document.querySelectorAll('[data-testid=secret-row]')].map((row) => ({
          name: row.querySelector('[data-testid=secret-name]').value,
          value: row.querySelector('[data-testid=secret-value]').value,
        })),
      );
      writeFileSync(path.join(OUT, `browser-${scope}.json`), JSON.stringify({ secrets: values }));
      const r = spawnSync(PY, [UNSEAL, 'check', path.join(OUT, 'key.pem'), OUT, file], { encoding: 'utf8' });
      assert(r.status === 0, `unseal.py: ${r.stdout}${r.stderr}`);
      assert(/opened \d+ values/.test(r.stdout) && /refused/.test(r.stdout), r.stdout);
    });
  }

  await check('a database with sealing on: its password is sealed into database-sealedsecret.yaml, which opens', async () => {
    await byId('tab-database').click();
    await byId('database-kind').selectOption('helm');
    const password = 'db-pässword-Ω-1';
    const admin = 'db-superuser-pässword-2';
    secrets.push(password, admin);
    await byId('database-password').fill(password);
    await byId('database-admin-password').fill(admin);
    const all = await until(yamlAll, (t) => t.includes('database-sealedsecret.yaml') || t.includes(`-credentials`), 'the database objects');
    assert(!all.includes('kind: Secret\n'), 'a plain Secret for the database');
    for (const s of [password, admin]) assert(!all.includes(s) && !all.includes(b64(s)), 'a database password in the YAML');
    await byId('tab-secrets').click();
    assert((await text('secret-warning')).includes('database-sealedsecret.yaml'), 'the sealed note does not name the database file');
    await nextFrame(page);
    const commands = await text('commands');
    const apply = commands.indexOf('-f database-sealedsecret.yaml');
    const install = commands.indexOf('helm upgrade --install');
    assert(apply >= 0 && install > apply && !commands.includes('database-secret.yaml'), `commands: ${commands}`);
    await byId('file-database-sealedsecret.yaml').click();
    await until(() => text('yaml-file'), (t) => t.includes('kind: SealedSecret'), 'the database SealedSecret');
    // The typed DATABASE_URL now clashes with the derived one (an error), so the page asks first.
    const downloading = page.waitForEvent('download');
    await byId('download-yaml').click();
    if (await byId('confirm').isVisible()) await byId('confirm-anyway').click();
    const download = await downloading;
    assert(download.suggestedFilename() === 'database-sealedsecret.yaml', download.suggestedFilename());
    const file = path.join(OUT, 'browser-database.yaml');
    await download.saveAs(file);
    // The oracle's spec: just this database (no URL entry: the app's Secret is another file).
    await byId('tab-database').click();
    const name = await byId('database-name').inputValue();
    const spec = { database: { kind: 'helm', name, password, admin_password: admin, url_env: '' } };
    writeFileSync(path.join(OUT, 'browser-database.json'), JSON.stringify(spec));
    const r = spawnSync(PY, [UNSEAL, 'check', path.join(OUT, 'key.pem'), OUT, file], { encoding: 'utf8' });
    assert(r.status === 0, `unseal.py: ${r.stdout}${r.stderr}`);
    assert(/opened 2 values/.test(r.stdout), r.stdout);
  });

  await check('after sealing too: no value anywhere it must not be', async () => {
    const where = await leaks();
    assert(where.length === 0, where.join('\n'));
  });

  await check('no CSP violation, console error or page error from the app', async () => {
    const bad = consoleLines.filter((l) => l.startsWith('error') || l.startsWith('pageerror'));
    assert(bad.length === 0, bad.join('\n'));
  });

  await check(`every request stayed on ${server.origin} (or data:/blob:)`, async () => {
    const outside = offOrigin(requests, server.origin);
    assert(requests.length > 0, 'no requests recorded');
    assert(outside.length === 0, `requests elsewhere: ${[...new Set(outside)].join(', ')}`);
  });

  await context.close();
}, forgetKey);
