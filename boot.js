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

// A button pressed before the page's code has arrived. The prerendered screen's buttons, tabs and
// menus need the full page (export, import, sealing and the other tabs come with it); its text boxes
// work at once (the start-up module). A press meanwhile is not lost: the button shows it is waiting,
// a status line says why, the page starts without waiting for idle time, and once it has taken the
// screen over the same control is pressed again in the live page. Returns `pressed`, a promise of
// a held press, and `bound`, for when the start-up module has bound the screen.
// What needs the full page (links to other sites open without it).
const NEEDS_PAGE = 'button, summary, a:not([target="_blank"]), label:has(input[type="file"]), .target label';
const PRERENDERED = 'data-prerendered';

// How to find the same control in the live page: the nearest element with a test id or an id (and
// which one, when several share it), and the control's place among its kind inside that one.
function keyOf(control) {
  const anchor = control.closest('[data-testid], [id]');
  if (!anchor) return null;
  const attr = anchor.hasAttribute('data-testid') ? 'data-testid' : 'id';
  const name = anchor.getAttribute(attr);
  const index = [...document.querySelectorAll(`[${attr}="${CSS.escape(name)}"]`)].indexOf(anchor);
  const inner = anchor === control ? -1 : [...anchor.querySelectorAll(control.tagName)].indexOf(control);
  return { attr, name, index, tag: control.tagName, inner };
}

function find({ attr, name, index, tag, inner }) {
  const anchor = document.querySelectorAll(`[${attr}="${CSS.escape(name)}"]`)[index];
  return inner < 0 ? anchor : anchor?.querySelectorAll(tag)[inner];
}

// The status line, fixed at the bottom so that nothing on the page moves.
function announce(what = 'what you pressed opens') {
  let status = document.querySelector('.page-loading');
  if (!status) {
    status = document.createElement('p');
    status.className = 'page-loading';
    status.setAttribute('role', 'status');
    document.body.append(status);
  }
  status.textContent = `Loading the rest of the page: ${what} when it is ready.`;
}

// The phone's view switch (Form, YAML, Commands; "wrap lines") changes only what is shown of the
// screen, as the page does it: `data-pane` and the `wrap` class on `main.layout`, `aria-pressed` on
// the switch's buttons (src/ui/mod.rs). It works as soon as the start-up module has bound the screen
// (`data-boot`: the screen is the visitor's), so a phone shows the YAML long before the page has come;
// the take-over keeps the view (src/takeover.rs).
const BOUND = 'data-boot';
const PANE = '.pane-switch button[data-testid^="pane-"]';
const WRAP = '.pane-switch input[data-testid="wrap-lines"]';

function showPane(button) {
  document.querySelector('main.layout')?.setAttribute('data-pane', button.dataset.testid.slice('pane-'.length));
  for (const each of document.querySelectorAll(PANE)) each.setAttribute('aria-pressed', String(each === button));
}

const showWrap = () => {
  const wrap = document.querySelector(WRAP);
  if (wrap) document.querySelector('main.layout')?.classList.toggle('wrap', wrap.checked);
};

function unmark() {
  for (const earlier of document.querySelectorAll('[data-waiting]')) {
    earlier.removeAttribute('data-waiting');
    earlier.removeAttribute('aria-busy');
  }
}

function mark(control) {
  unmark();
  control.setAttribute('data-waiting', '');
  control.setAttribute('aria-busy', 'true');
}

// A choice the start-up module does not make (no `data-path`: the preset, the annotated view, autosave)
// waits for the page like a press: the take-over gives the live control the same value through its
// own handler (src/takeover.rs), so it is not made again here.
const CHOICE = 'select:not([data-path]), input[type="checkbox"]:not([data-path])';

// A click on a line of the YAML opens the field it comes from (src/ui/output/yaml_view.rs finds the
// line from where the click landed in the `<pre>`): held like a press, with that place, and made again
// at the same place of the live `<pre>` (nothing moves at take-over).
const LINES = 'pre.yaml';

function lineClick(pre, event) {
  const box = pre.getBoundingClientRect();
  return { x: event.clientX - box.left, y: event.clientY - box.top + pre.scrollTop };
}

function replay(control, at) {
  if (!at) return control.click();
  const box = control.getBoundingClientRect();
  const place = { clientX: box.left + at.x, clientY: box.top + at.y - control.scrollTop };
  control.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, ...place }));
}

function watchPresses() {
  let press;
  let chosen = false;
  let wake = () => {};
  const onClick = (event) => {
    if (!document.body.hasAttribute(PRERENDERED)) return;
    const control = event.target instanceof Element ? event.target.closest(`${NEEDS_PAGE}, ${LINES}`) : null;
    if (control?.matches(PANE) && document.body.hasAttribute(BOUND)) {
      showPane(control);
      return;
    }
    const key = control && keyOf(control);
    if (!key) return;
    event.preventDefault();
    event.stopPropagation();
    mark(control);
    const line = control.matches(LINES);
    press = { ...key, at: line ? lineClick(control, event) : null };
    announce(line ? 'the field of the line you clicked opens' : undefined);
    wake();
  };
  const onChange = (event) => {
    const control = event.target;
    if (!document.body.hasAttribute(PRERENDERED) || !(control instanceof Element)) return;
    if (control.matches(WRAP)) {
      if (document.body.hasAttribute(BOUND)) showWrap();
    } else if (control.matches(CHOICE)) {
      mark(control);
      chosen = true;
      announce('what you chose applies');
      wake();
    }
  };
  document.addEventListener('click', onClick, true);
  document.addEventListener('change', onChange);
  // The take-over removes the mark: press the live control, once.
  new MutationObserver((_, observer) => {
    if (document.body.hasAttribute(PRERENDERED)) return;
    observer.disconnect();
    document.removeEventListener('click', onClick, true);
    document.removeEventListener('change', onChange);
    document.querySelector('.page-loading')?.remove();
    const live = press && find(press);
    if (live) replay(live, press.at);
  }).observe(document.body, { attributes: true, attributeFilter: [PRERENDERED] });
  // Once the screen is bound, a view chosen while the start-up module was still on its way is shown
  // at once instead of waiting for the page.
  const bound = () => {
    showWrap();
    const held = press && find(press);
    if (!held?.matches(PANE)) return;
    press = undefined;
    held.removeAttribute('data-waiting');
    held.removeAttribute('aria-busy');
    if (!chosen) document.querySelector('.page-loading')?.remove();
    showPane(held);
  };
  // Resolves when a press or a choice is held (at once if one is).
  const pressed = () => (press || chosen ? Promise.resolve() : new Promise((resolve) => (wake = resolve)));
  return { pressed, bound };
}

// Once the first screen's frame has been laid out and painted. Compiling the start-up module and
// running it take the main thread; before that frame, they would hold it back. (Its files are
// already downloading: index.html preloads them.) A hidden tab paints nothing and runs no animation
// frames, so there it starts at once.
const painted = () =>
  document.hidden ? Promise.resolve() : new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

// Deferred (index.html): it runs once the HTML has been parsed and it has arrived, before DOMContentLoaded.
try {
  if (early) {
    await domReady();
    await painted();
    const first = compile(early.dataset.wasm);
    if (document.body.hasAttribute('data-prerendered')) {
      const presses = watchPresses();
      // Without the start-up module the prerendered form just waits for the page, as it would
      // without one: a failure here is no reason not to start the page.
      await start(early, first).catch((error) => console.warn('start-up module:', error));
      const page = compile(app.dataset.wasm);
      if (document.body.hasAttribute(BOUND)) {
        presses.bound();
        await Promise.race([idle(), presses.pressed()]);
      }
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
