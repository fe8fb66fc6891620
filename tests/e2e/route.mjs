// The Gateway API in the built page (dist/) in headless chromium: choose the HTTPRoute as the way in,
// type host names, see the route in the YAML, an error beside a bad host name, the Gateway with
// cert-manager TLS, and the django preset behind its route exactly as the CLI renders it.
//
//   node tests/e2e/route.mjs      (from the repo root; needs dist/ built and tools/node installed)

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { awake, checks, cli, harness, nextFrame, until, untilSame, YAML, yamlText } from './lib.mjs';

const requireTools = createRequire(new URL('../../tools/node/package.json', import.meta.url));
const AXE_SOURCE = readFileSync(requireTools.resolve('axe-core/axe.min.js'), 'utf8');

const { check, assert, counts } = checks();

await harness('route', counts, async ({ server, browser }) => {
  // bypassCSP: the page's CSP refuses inline scripts, and axe-core is injected as one (test only).
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, bypassCSP: true });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(`${server.origin}/`);
  await awake(page);
  const byId = (id) => page.getByTestId(id);
  const yamlAll = () => yamlText(page);
  const docs = (yaml) => YAML.parseAllDocuments(yaml).map((d) => d.toJS());
  const kind = (yaml, k) => docs(yaml).find((o) => o?.kind === k);
  await until(yamlAll, (t) => t?.includes('kind: Deployment'), 'the first render');

  await check('django preset: behind its HTTPRoute, exactly as the CLI renders it', async () => {
    await byId('tab-ingress').click();
    await byId('preset-select').selectOption('django');
    await untilSame(yamlAll, cli('render', '--preset', 'django'), 'yaml-all');
    const value = await byId('exposure').inputValue();
    assert(value === 'httproute', `exposure ${value}`);
    // Back to the first preset (no edits yet, so nothing to confirm) for the checks below.
    await byId('preset-select').selectOption('web-app');
    await untilSame(yamlAll, cli('render', '--preset', 'web-app'), 'yaml-all');
  });

  await check('choosing HTTPRoute adds the route and takes the Ingress away', async () => {
    await byId('tab-ingress').click();
    await byId('exposure').selectOption('ingress');
    await until(yamlAll, (t) => t.includes('kind: Ingress'), 'an Ingress');
    await byId('exposure').selectOption('httproute');
    const yaml = await until(yamlAll, (t) => t.includes('kind: HTTPRoute'), 'an HTTPRoute');
    assert(!kind(yaml, 'Ingress'), 'the Ingress is still there');
    const service = kind(yaml, 'Service');
    assert(service.spec.type === 'ClusterIP', `Service type ${service.spec.type}`);
  });

  await check('a typed host name lands in the route; an IP address gets an error beside it', async () => {
    const host = byId('route-host').first();
    await host.fill('shop.example.com');
    let yaml = await until(yamlAll, (t) => kind(t, 'HTTPRoute')?.spec?.hostnames?.[0] === 'shop.example.com', 'the host in the route');
    const backend = kind(yaml, 'HTTPRoute').spec.rules[0].backendRefs[0];
    assert(Number.isInteger(backend.port), `backendRefs port ${backend.port} is not a number`);
    await host.fill('10.0.0.1');
    await until(() => host.getAttribute('aria-invalid'), (v) => v === 'true', '10.0.0.1 marked invalid');
    const error = host.locator('xpath=..').getByTestId('issue-error');
    await until(() => error.first().textContent(), (t) => t?.includes('IP address'), 'the error beside the host');
    // The YAML still shows what was typed, where it lands.
    yaml = await until(yamlAll, (t) => kind(t, 'HTTPRoute')?.spec?.hostnames?.[0] === '10.0.0.1', 'the IP in the YAML');
    await host.fill('shop.example.com');
    await until(() => host.getAttribute('aria-invalid'), (v) => v === 'false', 'shop.example.com accepted');
  });

  await check('its own Gateway with cert-manager TLS: the annotation and an HTTPS listener for the host', async () => {
    await byId('route-create-gateway').check();
    await byId('route-tls').selectOption('cert_manager');
    const yaml = await until(yamlAll, (t) => kind(t, 'Gateway')?.spec?.listeners?.length === 2, 'a Gateway with two listeners');
    const gateway = kind(yaml, 'Gateway');
    assert(gateway.metadata.annotations['cert-manager.io/cluster-issuer'] === 'letsencrypt-prod', JSON.stringify(gateway.metadata));
    const https = gateway.spec.listeners[1];
    assert(https.hostname === 'shop.example.com' && https.protocol === 'HTTPS', JSON.stringify(https));
    await nextFrame(page);
    const commands = await byId('commands').textContent();
    assert(commands.includes('kubectl get crd httproutes.gateway.networking.k8s.io'), 'no CRD check in the commands');
    assert(commands.includes('--for=condition=Programmed'), 'no wait for the Gateway');
  });

  await check('the route fields have their "?" help', async () => {
    const explains = await page.locator('[data-explains^="route."]').count();
    assert(explains >= 8, `${explains} route fields explained`);
  });

  await check('axe-core: no serious or critical violations with every route and Gateway field open', async () => {
    await byId('route-issuer-create').check();
    await byId('route-issuer-email').waitFor();
    await page.addScriptTag({ content: AXE_SOURCE });
    const violations = await page.evaluate(async () => {
      const r = await window.axe.run(document, { resultTypes: ['violations'] });
      return r.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    });
    assert(violations.length === 0, violations.join('\n'));
  });

  await check('no page or console errors', async () => {
    assert(errors.length === 0, errors.join('\n'));
  });
});
