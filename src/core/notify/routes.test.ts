import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rows } from '../db/client';
import { login, testApp, type Session, type TestApp } from '../../test/harness';
import { notify } from './notifications';

let t: TestApp;
let temara: Session;
let skhirate: Session;
const ids: string[] = [];
let othersId: string;

async function userId(email: string): Promise<string> {
  const [u] = await rows<{ id: string }>(t.handle.db, sql`SELECT id FROM core.users WHERE lower(email) = ${email}`);
  return u!.id;
}

beforeAll(async () => {
  t = await testApp();
  const me = await userId('agent.temara@demo.raqmana.ma');
  const other = await userId('agent.skhirate@demo.raqmana.ma');
  await t.handle.db.transaction(async (tx) => {
    for (let i = 0; i < 3; i++)
      ids.push(
        await notify(tx, { userId: me, kind: 'test.info', titleKey: 'notifications.test', params: { n: i }, link: `/x/${i}` }),
      );
    othersId = await notify(tx, { userId: other, kind: 'test.info', titleKey: 'notifications.test' });
  });
  temara = await login(t.app, 'agent.temara@demo.raqmana.ma');
  skhirate = await login(t.app, 'agent.skhirate@demo.raqmana.ma');
});
afterAll(() => t?.close());

const list = async (s: Session, q = '') => {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/notifications${q}`, headers: s.headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    items: { id: string; params: Record<string, unknown>; readAt: string | null; link: string | null }[];
    total: number;
    unread: number;
  };
};

describe('in-app notifications', () => {
  it('lists only my own, newest first, paginated, with the unread count', async () => {
    const all = await list(temara);
    expect(all.total).toBe(3);
    expect(all.unread).toBe(3);
    expect(all.items.map((i) => i.id)).toEqual([...ids].reverse());
    expect(all.items[0]).toMatchObject({ params: { n: 2 }, link: '/x/2', readAt: null });
    expect(all.items.map((i) => i.id)).not.toContain(othersId);
    const page2 = await list(temara, '?page=2&pageSize=2');
    expect(page2.items.map((i) => i.id)).toEqual([ids[0]]);
    expect(page2.total).toBe(3);
  });

  it('marks one as read; another person’s notification is 404', async () => {
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/notifications/${ids[0]}/read`, headers: temara.headers });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().readAt).toBeTruthy();
    expect((await list(temara)).unread).toBe(2);
    expect((await list(temara, '?unread=true')).items.map((i) => i.id)).not.toContain(ids[0]);

    const theirs = await t.app.inject({ method: 'POST', url: `/api/v1/notifications/${othersId}/read`, headers: temara.headers });
    expect(theirs.statusCode).toBe(404);
    expect(theirs.json().code).toBe('CORE_NOT_FOUND');
    expect((await list(skhirate)).unread).toBe(1);

    const noCsrf = await t.app.inject({
      method: 'POST',
      url: `/api/v1/notifications/${ids[1]}/read`,
      headers: { cookie: temara.cookie },
    });
    expect(noCsrf.statusCode).toBe(403);
    const anon = await t.app.inject({ method: 'GET', url: '/api/v1/notifications' });
    expect(anon.statusCode).toBe(401);
  });

  it('marks all mine as read, and nobody else’s', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/notifications/read-all', headers: temara.headers });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ updated: 2 });
    expect((await list(temara)).unread).toBe(0);
    expect((await list(skhirate)).unread).toBe(1);
  });
});
