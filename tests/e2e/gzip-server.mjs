// A static host for the first-screen benches: serves a built folder on 127.0.0.1 with every file
// gzip -9 compressed once, up front, over HTTP/1.1 keep-alive (Node's default: one connection carries
// request after request, as any static host's does).
//
// What the browser's network emulation (DevTools' latency and throughput) leaves out, and a real
// first visit pays, the server adds when `server.link` is set ({ rtt, bytesPerSecond, connectRtts }):
// - opening a connection: a TCP handshake and a TLS 1.3 one (HTTPS), a round trip each, before the
//   request's own (`connectRtts`): each new connection's first response is held that long from when
//   the browser opened it. A page that needs a second connection (a stylesheet asked for while the
//   HTML still streams on the first) pays for it, as on a real host;
// - TCP slow start: a new connection sends 10 segments (14,600 bytes, Linux's initial window), then
//   twice as many a round trip later, and so on until the window exceeds what the link carries in a
//   round trip (from then on the emulated throughput is the limit). An HTML page of 15 KB gz arrives a
//   round trip later than one of 14 KB.
// `server.connections` counts the connections opened.
import http from 'node:http';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css' };
const INITIAL_WINDOW = 10 * 1460;
const sleep = (ms) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

// Writes `body` as the connection's window allows: returns once the last byte is handed to the socket.
async function paced(res, conn, body, link) {
  if (conn.firstSend === undefined) conn.firstSend = performance.now();
  const perRtt = (link.bytesPerSecond * link.rtt) / 1000;
  let offset = 0;
  while (offset < body.length) {
    // The round trip (flight) in which the connection's byte number `sent + offset` goes out.
    const at = conn.sent + offset;
    let flight = 0;
    let end = INITIAL_WINDOW;
    while (at >= end && INITIAL_WINDOW * 2 ** flight < perRtt) end += INITIAL_WINDOW * 2 ** ++flight;
    const open = INITIAL_WINDOW * 2 ** flight >= perRtt;
    const stop = open ? body.length : Math.min(body.length, end - conn.sent);
    await sleep(conn.firstSend + flight * link.rtt - performance.now());
    res.write(body.subarray(offset, stop));
    offset = stop;
  }
  conn.sent += body.length;
  res.end();
}

export function serveGzip(dir) {
  const cache = new Map();
  const conns = new WeakMap(); // socket -> { opened, firstSend, sent }
  const server = http.createServer(async (req, res) => {
    const name = decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/\/$/, '/index.html');
    const file = path.join(dir, path.normalize(name));
    if (!file.startsWith(dir)) return res.writeHead(403).end();
    try {
      if (!cache.has(file)) cache.set(file, zlib.gzipSync(readFileSync(file), { level: 9 }));
    } catch {
      return res.writeHead(404).end();
    }
    const body = cache.get(file);
    const { link } = server;
    const conn = conns.get(req.socket);
    // The handshakes start when the browser opens the connection (maybe ahead of any request).
    if (link && conn.firstSend === undefined) await sleep(conn.opened + link.connectRtts * link.rtt - performance.now());
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file)] || 'application/octet-stream',
      'content-encoding': 'gzip',
      'content-length': body.length,
      'cache-control': 'no-store',
    });
    if (link) await paced(res, conn, body, link);
    else res.end(body);
  });
  server.link = null;
  server.connections = 0;
  server.on('connection', (socket) => {
    server.connections++;
    conns.set(socket, { opened: performance.now(), firstSend: undefined, sent: 0 });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}
