// A big spec (10,000 env vars) in headless chromium against the built site: its checks follow a
// frame after the YAML (src/ui/checks.rs), so this checks that the message beside the field being
// typed, and the verdict, show by the end of the next frame, and that a copy right after typing is
// still asked about an invalid form.
//
//   node tests/e2e/big.mjs      (from the repo root; needs dist/ built and tools/node installed)
//
// Prints one line per check, then `e2e-big: N passed, M failed`.

import { benchPage, benchSpecs, checks, harness } from './lib.mjs';

const { check, assert, counts } = checks();

await harness('e2e-big', counts, async ({ server, browser }) => {
  const errors = [];
  const { context, page } = await benchPage(browser, server.origin, { onError: (e) => errors.push(String(e)) });
  const { with10k } = benchSpecs();
  await page.getByTestId('spec-file').setInputFiles({
    name: 'big.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(with10k)),
  });
  await page.getByTestId('yaml-all').filter({ hasText: 'VAR_9999: value-9999' }).waitFor({ state: 'attached', timeout: 120_000 });
  await page.getByTestId('tab-app').click();

  // Types `name` into the app name and reports, once its YAML is in the DOM and again after the
  // next frame, whether the field shows an error and whether the verdict says "not valid".
  const typeName = (name) => page.evaluate(async (name) => {
    const input = document.querySelector('[data-testid="app-name"]');
    const pre = document.querySelector('[data-testid="yaml-all"]');
    const state = () => ({
      fieldError: !!input.closest('.field').querySelector('[data-testid="issue-error"]'),
      notValid: !!document.querySelector('[data-testid="not-valid"]'),
    });
    const seen = window.__seen(pre, `\n  name: ${name}\n`, 10_000);
    input.value = name;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await seen;
    const withYaml = state();
    await window.__afterFrame();
    await window.__afterFrame();
    return { withYaml, nextFrame: state() };
  }, name);

  await check('a valid name: no error beside the field, the form valid', async () => {
    const { nextFrame } = await typeName('large-app');
    assert(!nextFrame.fieldError && !nextFrame.notValid, `after the next frame: ${JSON.stringify(nextFrame)}`);
  });
  await check('an invalid name: the error beside the field and the verdict by the end of the next frame', async () => {
    const { withYaml, nextFrame } = await typeName('Bad_Name');
    assert(nextFrame.fieldError, 'no error beside app-name after the next frame');
    assert(nextFrame.notValid, 'the verdict does not say "not valid" after the next frame');
    console.log(`     (with the YAML: error beside the field ${withYaml.fieldError}, verdict not valid ${withYaml.notValid})`);
  });
  await check('valid again: the error goes by the end of the next frame', async () => {
    const { nextFrame } = await typeName('large-app');
    assert(!nextFrame.fieldError && !nextFrame.notValid, `after the next frame: ${JSON.stringify(nextFrame)}`);
  });
  await check('a copy right after an invalid keystroke asks first', async () => {
    const asked = await page.evaluate(async () => {
      const input = document.querySelector('[data-testid="app-name"]');
      input.value = 'Bad_Copy';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      // The click is the next task, as a person's click would be: no frame in between, so the
      // checks of this keystroke have not run yet unless the copy runs them.
      await new Promise((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = resolve;
        channel.port2.postMessage(0);
      });
      document.querySelector('[data-testid="copy-yaml"]').click();
      await Promise.resolve();
      return !!document.querySelector('[data-testid="confirm"]');
    });
    assert(asked, 'the copy did not ask although the name is invalid');
  });
  await check('no page errors', async () => {
    assert(errors.length === 0, errors.join('\n'));
  });
  await context.close();
});
