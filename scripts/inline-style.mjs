// Puts the built stylesheet into index.html as a <style>, allowed by its sha256 hash in the page's
// Content-Security-Policy (style-src 'sha256-...': no 'unsafe-inline', and no other stylesheet).
// Why: an external stylesheet blocks the first paint for a round trip of its own (on a slow phone
// it also shares the link with the start-up module's preloads), and Chrome lays the prerendered page
// out once without it at DOMContentLoaded only to throw that layout away. Inlined, the first screen
// paints as soon as the HTML is parsed.
//
// Run by scripts/prerender.mjs after it wrote the first screen (release builds only: a debug build,
// `trunk serve`, keeps the <link> and style-src 'self'); `node scripts/inline-style.mjs DIR` runs it
// on a built folder. tests/e2e/prerender.mjs checks that the hash matches (a wrong one would silently
// leave the page unstyled).
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// CSS without its comments, which are for whoever reads style/style.css: 1.4 KB of the page's gzip,
// enough to take a slow-started connection (14.6 KB in its first round trip) a round trip longer.
// A comment is `/*` to the next `*/` outside a string (CSS Syntax: comments do not nest, strings do
// not span lines); strings are matched first so a "/*" inside one stays. An unquoted url() may hold
// "/*" too: there is none in the stylesheet, and the build stops if one comes.
export function withoutComments(css) {
  if (/url\(\s*[^\s"')]/i.test(css)) throw new Error('inline-style: an unquoted url() in the stylesheet');
  return css
    .replace(/("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')|\/\*[\s\S]*?\*\//g, (_comment, string) => string ?? '')
    .replace(/\n\s*\n/g, '\n');
}

// The CSP's source for an inline <style> whose text is `css`.
export const styleHash = (css) => `'sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}'`;

// Returns `html` with its one stylesheet <link> (as Trunk writes it) replaced by the stylesheet's text,
// and the CSP's style-src by that text's hash; and the stylesheet's file name in `dir`.
export function inlineStyle(html, dir) {
  const links = [...html.matchAll(/<link rel="stylesheet" href="([^"]+\.css)"[^>]*>/g)];
  if (links.length !== 1) throw new Error(`inline-style: expected one stylesheet <link>, found ${links.length}`);
  // Trunk writes its files flat into the site, under the public URL's path.
  const [link, file] = [links[0][0], path.posix.basename(links[0][1])];
  const css = withoutComments(readFileSync(path.join(dir, file), 'utf8')).trim();
  if (/<\/style/i.test(css)) throw new Error(`inline-style: ${file} holds "</style"`);
  const policy = /(<meta http-equiv="Content-Security-Policy"\s+content="[^"]*style-src )'self'(;)/;
  if (!policy.test(html)) throw new Error("inline-style: no CSP with style-src 'self' in index.html");
  return {
    html: html.replace(policy, `$1${styleHash(css)}$2`).replace(link, () => `<style>${css}</style>`),
    file,
  };
}

// Inlines the stylesheet of the built site in `dir` and removes its file (nothing asks for it).
export function inlineStyleInto(dir) {
  const index = path.join(dir, 'index.html');
  const { html, file } = inlineStyle(readFileSync(index, 'utf8'), dir);
  writeFileSync(index, html);
  rmSync(path.join(dir, file));
  return file;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = path.resolve(process.argv[2] || 'dist');
  console.log(`inline-style: ${inlineStyleInto(dir)} inlined into ${path.join(dir, 'index.html')}`);
}
