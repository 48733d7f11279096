import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('./src/web', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/web', import.meta.url));

const COMPRESSIBLE = /\.(?:js|mjs|css|html|json|svg|txt|xml|webmanifest)$/;

/**
 * Writes a brotli (`.br`, quality 11) and a gzip (`.gz`, level 9) copy next to every text file
 * of the client build above 1 KB: the server sends them as they are (@fastify/static
 * `preCompressed`, src/core/http/web.ts), so the maximum compression costs nothing per request
 * (ADR 0015). Not for the server-side build.
 */
function precompress(): Plugin {
  let outDir = '';
  let ssr = false;
  return {
    name: 'raqmana-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
      ssr = Boolean(config.build.ssr);
    },
    writeBundle() {
      if (ssr) return;
      const walk = (dir: string): string[] =>
        readdirSync(dir).flatMap((name) => {
          const file = path.join(dir, name);
          return statSync(file).isDirectory() ? walk(file) : [file];
        });
      for (const file of walk(outDir)) {
        // Not the manifest (.vite/): the server reads it, the browser never asks for it.
        if (!COMPRESSIBLE.test(file) || file.includes(`${path.sep}.vite${path.sep}`)) continue;
        const raw = readFileSync(file);
        if (raw.length < 1024) continue;
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(raw, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
              [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
            },
          }),
        );
        writeFileSync(`${file}.gz`, gzipSync(raw, { level: 9 }));
      }
    },
  };
}

/**
 * Server-rendered pages paint without JavaScript: index.html loads the app through a small
 * script (src/web/boot.js) that fetches the entry and its modules once the page is painted, or
 * at once on a page that has nothing to paint without them (ADR 0015). Replaces the entry
 * `<script type="module">` and the `<link rel="modulepreload">` tags Vite writes by a JSON list
 * (`#app-scripts`, not executed) and the boot script, emitted with a content hash.
 */
function deferredEntry(): Plugin {
  const source = readFileSync(path.join(root, 'boot.js'), 'utf8');
  const fileName = `assets/boot-${createHash('sha256').update(source).digest('base64url').slice(0, 8)}.js`;
  return {
    name: 'raqmana-deferred-entry',
    apply: 'build',
    generateBundle(options) {
      if (options.format === 'es' && !this.environment?.config.build.ssr) this.emitFile({ type: 'asset', fileName, source });
    },
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const entry = /\s*<script type="module" crossorigin src="([^"]+)"><\/script>/.exec(html);
        if (!entry) throw new Error('index.html: no entry script to defer');
        const preload = [...html.matchAll(/\s*<link rel="modulepreload" crossorigin href="([^"]+)">/g)];
        let out = html.replace(entry[0], '');
        for (const p of preload) out = out.replace(p[0], '');
        const list = JSON.stringify({ entry: entry[1], preload: preload.map((p) => p[1]) });
        return out.replace(
          '</head>',
          `  <script type="application/json" id="app-scripts">${list}</script>\n    <script type="module" src="/${fileName}"></script>\n  </head>`,
        );
      },
    },
  };
}

/**
 * The web app (public portal and back office). `npm start` builds it into dist/web when it is
 * missing or stale (src/core/http/web-build.ts); `npm run dev` serves it with hot reload and
 * proxies /api to the API server.
 */
export default defineConfig({
  root,
  base: '/',
  plugins: [react(), deferredEntry(), precompress()],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    assetsDir: 'assets',
    sourcemap: false,
    chunkSizeWarningLimit: 400,
    // dist/web/.vite/manifest.json: the server reads the chunk graph to preload the signed-in
    // workspace's code and styles with the page (src/core/http/web.ts).
    manifest: true,
  },
  server: {
    port: Number(process.env.WEB_DEV_PORT ?? 5173),
    proxy: { '/api': { target: process.env.API_URL ?? 'http://localhost:8080', changeOrigin: false } },
  },
});
