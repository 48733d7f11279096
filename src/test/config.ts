import { loadConfig, type Config } from '../core/config';

/** Configuration for tests: demo data on, cheap argon2 parameters, a fixed secret key, no workers. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return loadConfig(
    { NODE_ENV: 'test', RAQMANA_DEMO: 'true', LOG_LEVEL: 'silent', DATA_DIR: '/tmp/raqmana-test', RAQMANA_WORKERS: 'false' },
    {
      secretKey: Buffer.alloc(32, 7),
      argon2: { memoryCost: 8192, timeCost: 1 },
      ...overrides,
    },
  );
}

export const TEST_DB = process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite';
export const DEMO_PASSWORD = 'demo-Raqmana-2026';
