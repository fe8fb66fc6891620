// Starts the page: imports wasm-bindgen's JS glue and instantiates the wasm, all from this origin.
// It replaces the inline <script> Trunk would inject, which the page's Content-Security-Policy forbids.
// The hashed file names come from the <meta> tags the build writes (Trunk.toml, scripts/boot-module.sh).
//
// A release build's index.html holds the first screen, prerendered. Then the small start-up module
// (crates/boot, no Leptos) comes first and makes that screen's form work; the page's own wasm, several
// times larger, is fetched once the start-up module has arrived, and started when the browser is idle:
// it takes the screen over (src/takeover.rs), keeping what was typed. Without a prerendered screen
// (a debug build), or when the start-up module declines it (a share link, a saved form: the screen is
// not the visitor's), the page starts as soon as it has arrived.
const app = document.querySelector('meta[name="kubewright-app"]');
const early = document.querySelector('meta[name="kubewright-boot"]');

// Compiles a wasm file while it downloads.
const compile = (url) =>
  WebAssembly.compileStreaming(fetch(url)).catch(async () =>
    // A server that does not send application/wasm: compile from the bytes instead.
    WebAssembly.compile(await (await fetch(url)).arrayBuffer()),
  );

async function start(meta, compiled) {
  const { default: init } = await import(meta.dataset.js);
  await init({ module_or_path: await compiled });
}

// When the browser has nothing else to do (a keystroke's work comes first), or after 2 s at the latest.
const idle = () =>
  new Promise((resolve) =>
    'requestIdleCallback' in window ? requestIdleCallback(resolve, { timeout: 2000 }) : setTimeout(resolve, 50),
  );

const domReady = () =>
  document.readyState === 'loading'
    ? new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }))
    : Promise.resolve();

// Says so at the top of the page when a part could not be fetched or started (a dropped connection):
// the buttons would otherwise wait for ever.
function failed(error) {
  const note = document.createElement('p');
  note.className = 'load-failed';
  note.setAttribute('role', 'alert');
  note.textContent =
    `The page could not finish loading (${error?.message ?? error}). ` +
    'Check the connection and reload it; until then the buttons and tabs do not work.';
  document.body.prepend(note);
}

// Loaded `async` (index.html): it runs as soon as it arrives, while the HTML is still being parsed.
try {
  if (early) {
    const first = compile(early.dataset.wasm);
    await domReady();
    if (document.body.hasAttribute('data-prerendered')) {
      // Without the start-up module the prerendered form just waits for the page, as it would
      // without one: a failure here is no reason not to start the page.
      await start(early, first).catch((error) => console.warn('start-up module:', error));
      const page = compile(app.dataset.wasm);
      if (document.body.hasAttribute('data-boot')) await idle();
      await start(app, page);
    } else {
      await start(app, compile(app.dataset.wasm));
    }
  } else {
    const page = compile(app.dataset.wasm);
    await domReady();
    await start(app, page);
  }
} catch (error) {
  await domReady();
  failed(error);
}
