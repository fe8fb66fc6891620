// Starts the app: imports wasm-bindgen's JS glue and instantiates the wasm, both from this origin.
// It replaces the inline <script> Trunk would inject, which the page's Content-Security-Policy forbids.
// The hashed file names come from the <meta name="kubewright-app"> Trunk writes (Trunk.toml).
//
// Loaded `async` (index.html): it runs as soon as it arrives, so the wasm compiles while the first
// screen the release build put in the HTML is still being parsed and painted. The app starts once
// the document is complete, since it takes over the whole prerendered <body> (src/takeover.rs).
const app = document.querySelector('meta[name="kubewright-app"]');
const compiled = WebAssembly.compileStreaming(fetch(app.dataset.wasm)).catch(async () =>
  // A server that does not send application/wasm: compile from the bytes instead.
  WebAssembly.compile(await (await fetch(app.dataset.wasm)).arrayBuffer()),
);
const { default: init } = await import(app.dataset.js);
if (document.readyState === 'loading') {
  await new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }));
}
await init({ module_or_path: await compiled });
