import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

const base = { NODE_ENV: 'production', DATA_DIR: '/tmp/raqmana-config-test' } as const;

describe('configuration', () => {
  it('derives the secret key from the whole RAQMANA_SECRET_KEY', () => {
    const a = loadConfig({ ...base, RAQMANA_SECRET_KEY: 'a'.repeat(32) + 'b'.repeat(32) });
    const b = loadConfig({ ...base, RAQMANA_SECRET_KEY: 'a'.repeat(32) + 'c'.repeat(32) });
    expect(a.secretKey).toHaveLength(32);
    expect(a.secretKey.equals(b.secretKey)).toBe(false);
  });

  it('refuses demo data and a missing secret key in production', () => {
    expect(() => loadConfig({ ...base, RAQMANA_DEMO: 'true', RAQMANA_SECRET_KEY: 'k'.repeat(32) })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, DATA_DIR: '/tmp/raqmana-config-test-empty' })).toThrow(/RAQMANA_SECRET_KEY/);
  });

  it('names each invalid variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATA_DIR: '/tmp/raqmana-config-test' })).toThrow(/PORT/);
    expect(() => loadConfig({ AUTH_RATE_LIMIT_PER_MINUTE: '0', DATA_DIR: '/tmp/raqmana-config-test' })).toThrow(
      /AUTH_RATE_LIMIT_PER_MINUTE/,
    );
  });

  it('limits sign-in attempts to 10 a minute per address unless AUTH_RATE_LIMIT_PER_MINUTE says otherwise', () => {
    const dev = { DATA_DIR: '/tmp/raqmana-config-test' };
    expect(loadConfig(dev).authRateLimitPerMinute).toBe(10);
    expect(loadConfig({ ...dev, AUTH_RATE_LIMIT_PER_MINUTE: '30' }).authRateLimitPerMinute).toBe(30);
  });
});
