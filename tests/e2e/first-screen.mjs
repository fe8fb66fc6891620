// Shared by bench-first.mjs and trace-first.mjs: the profiles a first visit is measured on and the
// in-page watcher of the first screen's moments.

// The slow phone: 150 ms round trip, 1.6 Mbps down, 750 kbps up, CPU 4x slower (DevTools' emulation).
// BENCH_PROFILE names one of them to measure on that one alone.
const ALL = {
  localhost: null,
  'slow phone': { rtt: 150, down: 1.6e6 / 8, up: 750e3 / 8, cpu: 4 },
};
const picked = process.env.BENCH_PROFILE;
if (picked && !(picked in ALL)) {
  throw new Error(`BENCH_PROFILE: no profile '${picked}' (${Object.keys(ALL).join(', ')})`);
}
export const PROFILES = picked ? { [picked]: ALL[picked] } : ALL;

// What the server adds on the slow phone (gzip-server.mjs) and the emulation leaves out: the round
// trips a new connection costs before its first request on an HTTPS host (TCP, TLS 1.3), and TCP slow
// start. BENCH_CONNECT_RTTS=0 BENCH_SLOW_START=0 give the emulation alone (the figures of earlier runs).
export const CONNECT_RTTS = Number(process.env.BENCH_CONNECT_RTTS ?? 2);
export const SLOW_START = process.env.BENCH_SLOW_START !== '0';

// What `server.link` of gzip-server.mjs is for `profile` (null: localhost, nothing added).
export function link(profile) {
  if (!profile || (!CONNECT_RTTS && !SLOW_START)) return null;
  return { rtt: profile.rtt, bytesPerSecond: SLOW_START ? profile.down : 0, connectRtts: CONNECT_RTTS };
}

// Applies `profile` to the page of a DevTools session (nothing for localhost).
export async function throttle(cdp, profile) {
  if (!profile) return;
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: profile.rtt,
    downloadThroughput: profile.down,
    uploadThroughput: profile.up,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
}

// In the page before its scripts: on every animation frame, note when the full YAML is first there
// and when the app is live (the prerendered body taken over, or the app mounted on an empty one).
// A frame's animation frame callbacks come before its style, layout and paint, which take a few
// hundred ms on the slow phone for this page: so the YAML's frame is also timed when its rendering
// work is done (a task posted from its animation frame runs after it), the moment it goes to the
// compositor to be shown. (The browser's element timing cannot say: the YAML is below the fold on a
// phone, and text is timed per line.)
export function watchFirst() {
  window.__first = new Promise((resolve) => {
    let yaml;
    let rendered;
    let form;
    // A phone shows the YAML behind its view switch: "YAML" is tapped as soon as the form is live,
    // and the YAML is timed again once it is on screen (rendered, as above). No switch (the bare
    // page, a wide screen): null.
    let tapped;
    let shown;
    let waited = 0;
    const renderedFrom = (set) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => set(performance.now());
      channel.port2.postMessage(0);
    };
    const tick = () => {
      const now = performance.now();
      const pre = document.querySelector('[data-testid="yaml-all"]');
      if (yaml === undefined && pre?.textContent.includes('kind: Deployment')) {
        yaml = now;
        renderedFrom((t) => (rendered = t));
      }
      // The page is live once it shows the YAML in a body that is not (or no longer) the prerendered one.
      const live = yaml !== undefined && document.body && !document.body.hasAttribute('data-prerendered');
      if (form === undefined && (live || document.body?.hasAttribute('data-boot'))) form = now;
      if (form !== undefined && tapped === undefined) {
        const button = document.querySelector('[data-testid="pane-yaml"]');
        tapped = button?.checkVisibility() && !pre.checkVisibility() ? now : null;
        if (tapped) button.click();
      }
      if (tapped && shown === undefined && pre?.checkVisibility()) {
        shown = null;
        renderedFrom((t) => (shown = t));
      }
      // The paint timing entry is queued too: a few more frames for it (a page that never paints
      // content has none).
      const painted = () => performance.getEntriesByName('first-contentful-paint').length > 0 || waited++ > 30;
      if (live && rendered !== undefined && (tapped === null || shown) && painted()) {
        // Counted now, not at `form`: a response's timing entry is queued, and may not be there yet in
        // the frame where what it brought is already running.
        const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
        const bytes = entries.filter((e) => e.responseEnd <= form).reduce((sum, e) => sum + e.encodedBodySize, 0);
        // The browser's first contentful paint, as presented: on a prerendered page the whole first
        // screen (its render-blocking `<link rel=expect>` holds it until the YAML and commands are
        // parsed), so the truest "painted" figure there; a plain page's first paint is its empty shell.
        const paint = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
        resolve({ yaml, rendered, form, live: now, bytes, tapped: shown ?? null, paint });
        return;
      }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

// The renderer's main thread in a traced load: the navigationStart mark and the events of its
// thread (null when the trace has no such mark).
export function loadThread(events) {
  const nav = events.find((e) => e.name === 'navigationStart');
  if (!nav) return null;
  return { nav, main: events.filter((e) => e.pid === nav.pid && e.tid === nav.tid) };
}
