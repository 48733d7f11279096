import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, TEST_DB, type TestApp } from '../../test/harness';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t?.close());

describe('http foundation', () => {
  it('answers health with the database kind and migration', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: TEST_DB, migration: expect.stringMatching(/^\d{4}_/) });
    expect(res.headers['x-request-id']).toBeTruthy();
  });

  it('answers unknown routes with a translated problem', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/nope', headers: { 'accept-language': 'ar' } });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'CORE_ROUTE_NOT_FOUND', status: 404, title: 'هذا العنوان غير موجود.' });
  });

  it('sends the security headers on every response, errors included', async () => {
    for (const url of ['/api/health', '/api/v1/nope']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-powered-by']).toBeUndefined();
      expect(res.headers['strict-transport-security']).toBeUndefined(); // HSTS only in production
    }
  });
});
