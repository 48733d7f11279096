#!/usr/bin/env node
// Gzip size of the JavaScript the public home page loads, read from the production build
// (dist/web, after `npx vite build`; this script builds nothing). The entry script and the
// modules preloaded by index.html, then every module they import statically (followed
// recursively in the built files); lazy chunks (`import()`) are not counted: the browser loads
// them only when a route needs them. Fails (exit 1) above the budget, 150 KB by default.
// Also prints the brotli size actually sent: the build's `.br` copies (vite.config.ts), which
// the server serves to browsers that accept brotli (src/core/http/web.ts).
//
//   node scripts/web-size.mjs [--dir dist/web] [--budget-kb 150] [--json]
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: 'dist/web' },
    'budget-kb': { type: 'string', default: '150' },
    json: { type: 'boolean', default: false },
  },
});
const dir = path.resolve(values.dir);
const budget = Number(values['budget-kb']) * 1024;
const indexFile = path.join(dir, 'index.html');
if (!existsSync(indexFile)) {
  console.error(`${indexFile} is missing: run \`npx vite build\` first`);
  process.exit(2);
}

const html = readFileSync(indexFile, 'utf8');
const roots = [
  ...html.matchAll(/<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g),
  ...html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g),
].map((m) => m[1]);
if (roots.length === 0) {
  console.error('no module script in index.html');
  process.exit(2);
}

/** Static imports and re-exports of a built ES module (`import … from"./x.js"`, `import"./x.js"`); not `import()`. */
const STATIC_IMPORT = /(?:^|[^.\w$])(?:import|export)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["'](\.{0,2}\/[^"']+?\.js)["']/g;

const seen = new Map();
const toFile = (url, from) => (url.startsWith('/') ? path.join(dir, url) : path.resolve(path.dirname(from), url));
const queue = roots.map((u) => toFile(u.split('?')[0], indexFile));
while (queue.length) {
  const file = queue.shift();
  if (seen.has(file)) continue;
  if (!existsSync(file)) {
    console.error(`missing module ${path.relative(dir, file)}`);
    process.exit(2);
  }
  const body = readFileSync(file);
  const br = existsSync(`${file}.br`) ? readFileSync(`${file}.br`).length : null;
  seen.set(file, { raw: body.length, gzip: gzipSync(body, { level: 9 }).length, br });
  for (const m of body.toString('utf8').matchAll(STATIC_IMPORT)) queue.push(toFile(m[1], file));
}

const files = [...seen.entries()].map(([file, s]) => ({ file: path.relative(dir, file), ...s })).sort((a, b) => b.gzip - a.gzip);
const total = files.reduce((sum, f) => sum + f.gzip, 0);
const raw = files.reduce((sum, f) => sum + f.raw, 0);
// Files under 1 KB have no .br copy (not worth it): they are sent as they are.
const sent = files.reduce((sum, f) => sum + (f.br ?? f.raw), 0);
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
if (values.json) console.log(JSON.stringify({ total, raw, sent, budget, files }, null, 2));
else {
  for (const f of files) console.log(`${kib(f.gzip).padStart(10)}  ${f.file}`);
  console.log(
    `home page JavaScript: ${files.length} files, ${kib(total)} gzip (${kib(raw)} raw; ${kib(sent)} as served, brotli), budget ${kib(budget)}`,
  );
}
const backOffice = files.filter((f) => /Workspace|mantine|SignIn|admin/i.test(f.file));
if (backOffice.length) {
  console.error(`back-office code in the home page's static graph: ${backOffice.map((f) => f.file).join(', ')}`);
  process.exit(1);
}
if (total > budget) {
  console.error(`over budget by ${kib(total - budget)}`);
  process.exit(1);
}
