// Starts the app: imports wasm-bindgen's JS glue and instantiates the wasm, both from this origin.
// It replaces the inline <script> Trunk would inject, which the page's Content-Security-Policy forbids.
// The hashed file names come from the <meta name="kubewright-app"> Trunk writes (Trunk.toml).
const app = document.querySelector('meta[name="kubewright-app"]');
const { default: init } = await import(app.dataset.js);
await init({ module_or_path: app.dataset.wasm });
