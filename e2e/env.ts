import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);
export const SKIP_MESSAGE = `browser journeys SKIPPED: no Chromium at ${CHROMIUM} (install Debian's chromium, or set CHROMIUM_PATH)`;
export const SCREENSHOTS = '/tmp/raqmana-e2e';
