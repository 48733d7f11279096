import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('./src/web', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/web', import.meta.url));

const require = createRequire(import.meta.url);
const MANTINE_CORE_STYLES = path.join(path.dirname(require.resolve('@mantine/core/styles.css')), 'styles');
/** `…/@mantine/<package>/esm/…/<Name>.module.mjs`: the class names of one component. */
const MANTINE_CLASSES = /[\\/]@mantine[\\/](core|charts|dates)[\\/]esm[\\/](?:.*[\\/])?([\w-]+)\.module\.mjs$/;

/**
 * Mantine's styles follow its components (ADR 0015): every component's class-name module
 * (`Button.module.mjs`) imports that component's stylesheet (`@mantine/core/styles/Button.css`),
 * so Vite puts each rule in the chunk of the JavaScript that uses it — the workspace frame
 * carries the styles of its own components, a screen brings those of its own, and the charts'
 * styles come with the charts. Instead of one 290 KB stylesheet (all of Mantine, parsed before the
 * first back-office paint). The base (`baseline`, `default-css-variables`, `global`) is imported
 * by src/web/shell/mantine.tsx. @mantine/charts and @mantine/dates ship one stylesheet each:
 * it comes with the first of their components a chunk uses.
 */
function mantineStylesPerComponent(): Plugin {
  return {
    name: 'raqmana-mantine-styles-per-component',
    enforce: 'pre',
    transform(code, id) {
      const m = MANTINE_CLASSES.exec(id.split('?')[0]!);
      if (!m) return null;
      const [, pkg, name] = m;
      const css =
        pkg === 'core'
          ? existsSync(path.join(MANTINE_CORE_STYLES, `${name}.css`))
            ? `@mantine/core/styles/${name}.css`
            : null
          : `@mantine/${pkg}/styles.css`;
      return css ? { code: `import ${JSON.stringify(css)};\n${code}`, map: null } : null;
    },
  };
}

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
 * The web app (public portal and back office). `npm start` builds it into dist/web when it is
 * missing or stale (src/core/http/web-build.ts); `npm run dev` serves it with hot reload and
 * proxies /api to the API server.
 */
export default defineConfig(({ isSsrBuild }) => ({
  root,
  base: '/',
  plugins: [mantineStylesPerComponent(), react(), precompress()],
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
    // A second entry, for the browser only: src/web/boot.ts starts the app of a signed-in page
    // after its server-drawn frame is painted (ADR 0015; its tag is added by src/core/http/web.ts).
    ...(isSsrBuild
      ? {}
      : { rolldownOptions: { input: { index: path.join(root, 'index.html'), boot: path.join(root, 'boot.ts') } } }),
  },
  server: {
    port: Number(process.env.WEB_DEV_PORT ?? 5173),
    proxy: { '/api': { target: process.env.API_URL ?? 'http://localhost:8080', changeOrigin: false } },
  },
}));
