import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../logger';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const CONFIG_FILE = path.join(ROOT, 'vite.config.ts');
const MODULES = path.join(ROOT, 'src/modules');
/** The web app's sources: src/web, the server's error texts, and each module's `web/` folder. */
function sources(): string[] {
  const moduleWeb = existsSync(MODULES)
    ? readdirSync(MODULES)
        .map((m) => path.join(MODULES, m, 'web'))
        .filter((p) => existsSync(p))
    : [];
  return [path.join(ROOT, 'src/web'), path.join(ROOT, 'src/core/i18n/locales'), CONFIG_FILE, ...moduleWeb];
}
const INDEX = path.join(ROOT, 'dist/web/index.html');
const SSR_ENTRY = path.join(ROOT, 'dist/ssr/entry-server.js');

/** Latest modification time of a file or of any file under a directory. */
function newest(p: string): number {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const entry of readdirSync(p)) max = Math.max(max, newest(path.join(p, entry)));
  return max;
}

/** Why the web app must be (re)built, or null when dist/web is up to date. */
export function webBuildReason(): string | null {
  if (!existsSync(INDEX)) return 'dist/web/index.html is missing';
  if (!existsSync(SSR_ENTRY)) return 'dist/ssr/entry-server.js is missing';
  const built = Math.min(statSync(INDEX).mtimeMs, statSync(SSR_ENTRY).mtimeMs);
  const source = Math.max(...sources().map(newest));
  return source > built ? 'its sources changed since the last build' : null;
}

/**
 * Builds the web app when dist/web is missing or older than its sources (src/web, the server's
 * error messages it embeds, vite.config.ts). Runs Vite in-process, so a fresh clone only needs
 * `npm install && npm start`. Set RAQMANA_SKIP_WEB_BUILD=1 to skip (used by `npm run dev`).
 */
export async function ensureWebBuild(log: Logger): Promise<void> {
  if (process.env.RAQMANA_SKIP_WEB_BUILD === '1') return;
  const reason = webBuildReason();
  if (!reason) {
    log.debug('web app is up to date');
    return;
  }
  log.info(`building the web app (${reason})…`);
  const t0 = performance.now();
  const { build } = await import('vite');
  // Vite bundles React's development build when NODE_ENV says so (tests, dev shells): always ship the production one.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: CONFIG_FILE, logLevel: 'warn', mode: 'production' });
    // The server renderer of the public pages (src/core/http/ssr.ts).
    await build({
      configFile: CONFIG_FILE,
      logLevel: 'warn',
      mode: 'production',
      build: { ssr: 'entry-server.tsx', outDir: path.join(ROOT, 'dist/ssr'), emptyOutDir: true, copyPublicDir: false },
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  log.info(`web app built in ${Math.round(performance.now() - t0)} ms`);
}
