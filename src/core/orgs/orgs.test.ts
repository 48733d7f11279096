import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows, type Database } from '../db/client';
import { uuidv7 } from 'uuidv7';
import type { FastifyInstance } from 'fastify';
import { randomToken, sha256, SESSION_COOKIE } from '../identity/tokens';
import { login, testApp, type Session, type TestApp } from '../../test/harness';
import { expectScoped } from '../../test/scopes';
import { accessManifest } from '../access/manifest';

let t: TestApp;
let adminTemara: Session;
let agentTemara: Session;
let operator: Session;

/** The org_admin role as the access manifest declares it (not a copy that could drift). */
const ORG_ADMIN_PERMS = accessManifest.roles!.find((r) => r.code === 'org_admin')!.permissions;

beforeAll(async () => {
  t = await testApp();
  const db = t.handle.db;
  adminTemara = await sessionAs(t.app, db, 'admin.temara@demo.raqmana.ma', [
    { orgCode: 'COM-TEMARA', permissions: ORG_ADMIN_PERMS },
  ]);
  agentTemara = await sessionAs(t.app, db, 'agent.temara@demo.raqmana.ma', [
    { orgCode: 'COM-TEMARA', permissions: ['core.users.read', 'core.deadlines.read'] },
  ]);
  operator = await directSession(db, 'orgs-test-operator@example.ma', [
    { orgCode: 'MA', permissions: ['*'], includeDescendants: true },
  ]);
});
afterAll(() => t?.close());

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
const count = async (table: 'organisations' | 'org_units' | 'audit_log') =>
  Number((await rows<{ n: string }>(t.handle.db, sql`SELECT count(*) AS n FROM ${sql.raw(`core.${table}`)}`))[0]!.n);

interface Item {
  code: string;
  type: string;
  nameFr: string;
  nameAr: string;
  parentCode: string | null;
}

describe('reading organisations (public)', () => {
  it('lists the 12 regions with ?type=region', async () => {
    const res = await get('/api/v1/orgs?type=region');
    expect(res.statusCode).toBe(200);
    const body = res.json() as { items: Item[]; total: number };
    expect(body.total).toBe(12);
    expect(body.items.map((i) => i.code)).toEqual(Array.from({ length: 12 }, (_, i) => `MA-${String(i + 1).padStart(2, '0')}`));
    expect(body.items.every((i) => i.parentCode === 'MA')).toBe(true);
    expect(body.items[3]).toMatchObject({ code: 'MA-04', nameFr: 'Rabat-Salé-Kénitra', nameAr: 'جهة الرباط سلا القنيطرة' });
  });

  it('has the full reference hierarchy: 75 prefectures and provinces, 8 prefectures of districts, ministries and the Treasury', async () => {
    const pref = (await get('/api/v1/orgs?type=prefecture&pageSize=200')).json() as { total: number };
    const prov = (await get('/api/v1/orgs?type=province&pageSize=200')).json() as { total: number };
    const arr = (await get('/api/v1/orgs?type=arrondissement_prefecture')).json() as { items: Item[]; total: number };
    expect(pref.total + prov.total).toBe(75);
    expect(arr.total).toBe(8);
    expect(arr.items.every((i) => i.parentCode === 'MA-CAS')).toBe(true);
    const tgr = (await get('/api/v1/orgs/TGR')).json() as { parentCode: string; type: string };
    expect(tgr).toMatchObject({ type: 'treasury', parentCode: 'MIN-EF' });
    const ministries = (await get('/api/v1/orgs?type=ministry')).json() as { items: Item[] };
    expect(ministries.items.map((m) => m.code).sort()).toEqual([
      'MAEC',
      'MIN-AMENAGEMENT',
      'MIN-EF',
      'MIN-ESRI',
      'MIN-INDUSTRIE',
      'MIN-INTERIEUR',
      'MIN-JUSTICE',
      'MIN-TNRA',
      'MIN-TRANSPORT',
    ]);
  });

  it('lists the children of MA-04 and of the prefecture of Skhirate-Témara', async () => {
    const res = await get('/api/v1/orgs/MA-04/children');
    expect(res.statusCode).toBe(200);
    const body = res.json() as { items: Item[]; total: number };
    expect(body.items.map((i) => i.code).sort()).toEqual(['MA-KEN', 'MA-KHE', 'MA-RAB', 'MA-SAL', 'MA-SIK', 'MA-SIL', 'MA-SKH']);
    expect(body.total).toBe(7);
    const skh = (await get('/api/v1/orgs/MA-SKH/children')).json() as { items: Item[]; total: number };
    expect(skh.total).toBe(10);
    expect(skh.items.map((i) => i.code)).toEqual(
      expect.arrayContaining(['COM-TEMARA', 'COM-SKHIRATE', 'COM-HARHOURA', 'COM-AIN-ATTIG']),
    );
    const hao = (await get('/api/v1/orgs/MA-HAO/children?pageSize=100')).json() as { items: Item[]; total: number };
    expect(hao.total).toBeGreaterThanOrEqual(20);
    expect(hao.items.map((i) => i.code)).toEqual(
      expect.arrayContaining(['COM-TAHANNAOUTE', 'COM-AMIZMIZ', 'COM-IGHIL', 'COM-ASNI']),
    );
    // the same with ?parent=
    const viaList = (await get('/api/v1/orgs?parent=MA-04')).json() as { total: number };
    expect(viaList.total).toBe(7);
  });

  it('returns one organisation with its parent and ancestors chain', async () => {
    const res = await get('/api/v1/orgs/COM-TEMARA');
    expect(res.statusCode).toBe(200);
    const o = res.json() as {
      id: string;
      code: string;
      nameFr: string;
      nameAr: string;
      path: string;
      parent: Item;
      ancestors: Item[];
      parentCode: string;
    };
    expect(o).toMatchObject({
      code: 'COM-TEMARA',
      type: 'commune',
      nameFr: 'Témara',
      nameAr: 'تمارة',
      parentCode: 'MA-SKH',
      active: true,
    });
    expect(o.parent).toMatchObject({ code: 'MA-SKH', type: 'prefecture', nameFr: 'Skhirate-Témara' });
    expect(o.ancestors.map((a) => a.code)).toEqual(['MA', 'MA-04', 'MA-SKH']);
    expect(o.path.endsWith(`/${o.id}/`)).toBe(true);
    expect(o.path.split('/').filter(Boolean)).toHaveLength(4);

    const root = (await get('/api/v1/orgs/MA')).json() as { parent: unknown; ancestors: unknown[]; parentCode: unknown };
    expect(root).toMatchObject({ parent: null, ancestors: [], parentCode: null });
  });

  it('answers a level and the first children of each organisation in one request (childrenPageSize)', async () => {
    type Level = { items: Item[]; total: number };
    const res = await get('/api/v1/orgs?type=region&pageSize=12&childrenPageSize=3');
    expect(res.statusCode).toBe(200);
    const body = res.json() as Level & { children: Record<string, Level> };
    expect(body.items).toHaveLength(12);
    expect(Object.keys(body.children).sort()).toEqual(body.items.map((i) => i.code).sort());
    // The same as asking each organisation for its children: same order, same count, same total.
    const totals: number[] = [];
    for (const region of body.items) {
      const one = (await get(`/api/v1/orgs/${region.code}/children?pageSize=3`)).json() as Level;
      expect(body.children[region.code], region.code).toEqual(one);
      totals.push(one.total);
    }
    // Some regions have more than the three answered: the page is cut, the total is not.
    expect(Math.max(...totals)).toBeGreaterThan(3);
    // Without the option, no `children`; with it, the back office's tree: the country and what is below it.
    expect((await get('/api/v1/orgs?type=region')).json()).not.toHaveProperty('children');
    const tree = (await get('/api/v1/orgs?type=country&pageSize=10&childrenPageSize=100')).json() as Level & {
      children: Record<string, Level>;
    };
    expect(tree.items.map((i) => i.code)).toEqual(['MA']);
    expect(tree.children.MA).toEqual((await get('/api/v1/orgs/MA/children?pageSize=100')).json());
    expect(tree.children.MA!.items.filter((i) => i.type === 'region')).toHaveLength(12);
  });

  it('refuses childrenPageSize out of range, or with more than 20 organisations listed (problem+json)', async () => {
    for (const url of [
      '/api/v1/orgs?type=region&childrenPageSize=0',
      '/api/v1/orgs?type=region&childrenPageSize=201',
      '/api/v1/orgs?type=region&pageSize=50&childrenPageSize=10',
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ code: 'CORE_VALIDATION_FAILED' });
    }
  });

  it('answers 404 CORE_ORG_NOT_FOUND for an unknown code, in the caller’s language', async () => {
    for (const url of [
      '/api/v1/orgs/COM-NOWHERE',
      '/api/v1/orgs/COM-NOWHERE/children',
      '/api/v1/orgs/COM-NOWHERE/units',
      '/api/v1/orgs?parent=COM-NOWHERE',
    ]) {
      const res = await get(url, { 'accept-language': 'ar' });
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ code: 'CORE_ORG_NOT_FOUND', title: 'مؤسسة غير معروفة: COM-NOWHERE.' });
    }
  });

  it('paginates lists with a stable total', async () => {
    const p1 = (await get('/api/v1/orgs?type=region&page=1&pageSize=5')).json() as { items: Item[]; total: number };
    const p3 = (await get('/api/v1/orgs?type=region&page=3&pageSize=5')).json() as { items: Item[]; total: number };
    const p9 = (await get('/api/v1/orgs?type=region&page=9&pageSize=5')).json() as { items: Item[]; total: number };
    expect(p1.items.map((i) => i.code)).toEqual(['MA-01', 'MA-02', 'MA-03', 'MA-04', 'MA-05']);
    expect(p3.items.map((i) => i.code)).toEqual(['MA-11', 'MA-12']);
    expect([p1.total, p3.total, p9.total]).toEqual([12, 12, 12]);
    expect(p9.items).toEqual([]);
    const bad = await get('/api/v1/orgs?pageSize=1000');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'CORE_VALIDATION_FAILED' });
    expect((await get('/api/v1/orgs?type=planet')).statusCode).toBe(400);
  });

  it('lists the internal units of a demo commune', async () => {
    const res = await get('/api/v1/orgs/COM-TEMARA/units');
    expect(res.statusCode).toBe(200);
    const body = res.json() as { items: { code: string; nameFr: string; nameAr: string }[]; total: number };
    expect(body.items.map((u) => u.code)).toEqual(['BO', 'EC', 'RR', 'URB']);
    expect(body.items.find((u) => u.code === 'EC')).toMatchObject({
      nameFr: "Service de l'état civil",
      nameAr: 'مصلحة الحالة المدنية',
    });
    expect(((await get('/api/v1/orgs/COM-SKHIRATE/units')).json() as { total: number }).total).toBe(4);
  });
});

describe('searching organisations by name in French or Arabic', () => {
  const search = async (q: string, extra = '') => {
    const res = await get(`/api/v1/orgs?q=${encodeURIComponent(q)}${extra}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: Item[]; total: number };
  };

  it('finds Témara with or without accents and case, the commune before the prefecture', async () => {
    for (const q of ['temara', 'Témara', 'TEMARA', ' témara ']) {
      const r = await search(q);
      expect(r.items[0]?.code, q).toBe('COM-TEMARA');
      expect(
        r.items.map((i) => i.code),
        q,
      ).toContain('MA-SKH');
    }
  });

  it('finds Témara in Arabic whatever the spelling of ta marbuta or the diacritics', async () => {
    for (const q of ['تمارة', 'تماره', 'تَمَارَة', 'تمـارة']) {
      const r = await search(q);
      expect(r.items[0]?.code, q).toBe('COM-TEMARA');
      expect(
        r.items.map((i) => i.code),
        q,
      ).toContain('MA-SKH');
    }
  });

  it('finds Skhirate in Arabic, and hamza variants of alef', async () => {
    const r = await search('الصخيرات');
    expect(r.items[0]?.code).toBe('COM-SKHIRATE');
    expect(r.items.map((i) => i.code)).toContain('MA-SKH');
    // أم عزة (Oumazza) typed without hamza and with ه for ة
    expect((await search('ام عزه')).items[0]?.code).toBe('COM-OUMAZZA');
    // إقليم الحوز typed without hamza
    expect((await search('اقليم الحوز')).items[0]?.code).toBe('MA-HAO');
    // آيت أورير typed with bare alefs
    expect((await search('ايت اورير')).items[0]?.code).toBe('COM-AIT-OURIR');
  });

  it('tolerates small typos', async () => {
    expect((await search('temmara')).items.map((i) => i.code)).toContain('COM-TEMARA');
    expect((await search('skhirat')).items[0]?.code).toBe('COM-SKHIRATE');
    expect((await search('Tahanaoute')).items.map((i) => i.code)).toContain('COM-TAHANNAOUTE');
    // Arabic: a letter missing, trigram matching still finds it
    expect((await search('الصخيرت')).items[0]?.code).toBe('COM-SKHIRATE');
  });

  it('matches apostrophes and hyphens loosely and combines q with type', async () => {
    expect((await search("talat n'yacoub")).items[0]?.code).toBe('COM-TALAT-NYACOUB');
    expect((await search('talat n yacoub')).items[0]?.code).toBe('COM-TALAT-NYACOUB');
    const regions = await search('rabat', '&type=region');
    expect(regions.items.map((i) => i.code)).toEqual(['MA-04']);
  });

  it('returns nothing for a name that does not exist, and treats wildcards as text', async () => {
    expect((await search('zzzqqqxx')).total).toBe(0);
    expect((await search('%')).total).toBeGreaterThan(100); // no letters: no filter, like no q
    expect((await search('%_temara')).items[0]?.code).toBe('COM-TEMARA');
  });
});

describe('managing organisations and units', () => {
  const post = (url: string, payload: unknown, s?: Session) =>
    t.app.inject({ method: 'POST', url, payload: payload as object, headers: s?.headers ?? {} });
  const patch = (url: string, payload: unknown, s?: Session) =>
    t.app.inject({ method: 'PATCH', url, payload: payload as object, headers: s?.headers ?? {} });

  it('lets the Témara administrator add a unit to Témara but not to Skhirate (403, nothing written)', async () => {
    const unit = { code: 'CULT', kind: 'service', nameFr: 'Service culturel', nameAr: 'المصلحة الثقافية' };
    const before = await count('org_units');
    const denied = await post('/api/v1/orgs/COM-SKHIRATE/units', unit, adminTemara);
    expect(denied.statusCode).toBe(403);
    expect(denied.json()).toMatchObject({ code: 'CORE_FORBIDDEN' });
    expect(await count('org_units')).toBe(before);

    const auditBefore = await count('audit_log');
    const ok = await post('/api/v1/orgs/COM-TEMARA/units', unit, adminTemara);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ code: 'CULT', nameAr: 'المصلحة الثقافية', active: true, parentUnitCode: null });
    expect(await count('org_units')).toBe(before + 1);
    expect(await count('audit_log')).toBe(auditBefore + 1);
    const [entry] = await rows<{ action: string; changes: Record<string, { after: unknown }> }>(
      t.handle.db,
      sql`SELECT action, changes FROM core.audit_log ORDER BY seq DESC LIMIT 1`,
    );
    expect(entry).toMatchObject({ action: 'core.orgs.units.create', changes: { code: { after: 'CULT' } } });

    const again = await post('/api/v1/orgs/COM-TEMARA/units', unit, adminTemara);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'CORE_ORG_UNIT_CODE_TAKEN' });
  });

  it('follows the scope-test pattern for units (expectScoped)', async () => {
    await expectScoped(
      t.app,
      {
        method: 'POST',
        url: '/api/v1/orgs/COM-TEMARA/units',
        payload: { code: 'SPORT', nameFr: 'Service des sports', nameAr: 'مصلحة الرياضة' },
      },
      { allowed: adminTemara, denied: agentTemara, allowedStatus: 201, countRows: () => count('org_units') },
    );
  });

  it('renames and deactivates a unit, with an audit of before and after', async () => {
    const res = await patch(
      '/api/v1/orgs/COM-TEMARA/units/URB',
      { nameFr: "Division de l'urbanisme", kind: 'division' },
      adminTemara,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ code: 'URB', kind: 'division', nameFr: "Division de l'urbanisme" });
    const [entry] = await rows<{ action: string; changes: Record<string, { before: unknown; after: unknown }> }>(
      t.handle.db,
      sql`SELECT action, changes FROM core.audit_log ORDER BY seq DESC LIMIT 1`,
    );
    expect(entry!.action).toBe('core.orgs.units.update');
    expect(entry!.changes.nameFr).toEqual({ before: "Service de l'urbanisme", after: "Division de l'urbanisme" });
    expect(entry!.changes.active).toBeUndefined();

    const off = await patch('/api/v1/orgs/COM-TEMARA/units/URB', { active: false }, adminTemara);
    expect(off.json()).toMatchObject({ active: false });
    const listed = (await get('/api/v1/orgs/COM-TEMARA/units')).json() as { items: { code: string }[] };
    expect(listed.items.map((u) => u.code)).not.toContain('URB');
    const all = (await get('/api/v1/orgs/COM-TEMARA/units?includeInactive=true')).json() as { items: { code: string }[] };
    expect(all.items.map((u) => u.code)).toContain('URB');

    expect((await patch('/api/v1/orgs/COM-TEMARA/units/NOPE', { active: true }, adminTemara)).json()).toMatchObject({
      code: 'CORE_ORG_UNIT_NOT_FOUND',
    });
    expect((await patch('/api/v1/orgs/COM-SKHIRATE/units/BO', { active: false }, adminTemara)).statusCode).toBe(403);
  });

  it('nests a unit under a parent unit of the same organisation', async () => {
    const res = await post(
      '/api/v1/orgs/COM-TEMARA/units',
      { code: 'EC-NAISS', nameFr: 'Bureau des naissances', nameAr: 'مكتب الولادات', parentUnitCode: 'EC' },
      adminTemara,
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ parentUnitCode: 'EC' });
    const bad = await post(
      '/api/v1/orgs/COM-TEMARA/units',
      { code: 'X1', nameFr: 'X', nameAr: 'س', parentUnitCode: 'NOPE' },
      adminTemara,
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'CORE_ORG_UNIT_PARENT_NOT_FOUND' });
  });

  it('requires a session (401) and the CSRF token (403) for writes', async () => {
    const anon = await post('/api/v1/orgs/COM-TEMARA/units', { code: 'ANON', nameFr: 'X', nameAr: 'س' });
    expect(anon.statusCode).toBe(401);
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/v1/orgs/COM-TEMARA/units',
      payload: { code: 'NOCSRF', nameFr: 'X', nameAr: 'س' },
      headers: { cookie: adminTemara.cookie },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json()).toMatchObject({ code: 'CORE_CSRF_INVALID' });
  });

  it('creates a child organisation when allowed on the parent, and refuses others', async () => {
    const body = {
      code: 'COM-TEST-NEW',
      type: 'commune',
      nameFr: 'Nouvelle Commune',
      nameAr: 'جماعة جديدة',
      parentCode: 'MA-SKH',
    };
    const before = await count('organisations');
    const denied = await post('/api/v1/orgs', body, adminTemara);
    expect(denied.statusCode).toBe(403);
    expect(await count('organisations')).toBe(before);

    const res = await post('/api/v1/orgs', body, operator);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      code: 'COM-TEST-NEW',
      parentCode: 'MA-SKH',
      ancestors: [{ code: 'MA' }, { code: 'MA-04' }, { code: 'MA-SKH' }],
    });
    expect(await count('organisations')).toBe(before + 1);
    expect((await search('nouvelle commune')).items[0]?.code).toBe('COM-TEST-NEW');
    expect((await search('جماعه جديده')).items[0]?.code).toBe('COM-TEST-NEW');

    const dup = await post('/api/v1/orgs', body, operator);
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'CORE_ORG_CODE_TAKEN' });
    expect(await count('organisations')).toBe(before + 1);
  });

  it('renames and deactivates an organisation (manage on the parent), keeping search in step', async () => {
    const denied = await patch('/api/v1/orgs/COM-TEMARA', { nameFr: 'Temara-Ville' }, adminTemara);
    expect(denied.statusCode).toBe(403);
    const res = await patch('/api/v1/orgs/COM-TEST-NEW', { nameFr: 'Commune Renommée', nameEn: 'Renamed' }, operator);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ nameFr: 'Commune Renommée', nameEn: 'Renamed' });
    expect((await search('renommee')).items[0]?.code).toBe('COM-TEST-NEW');
    const off = await patch('/api/v1/orgs/COM-TEST-NEW', { active: false }, operator);
    expect(off.json()).toMatchObject({ active: false });
    expect((await search('renommee')).total).toBe(0);
    expect((await search('renommee', '&includeInactive=true')).total).toBe(1);
    expect((await patch('/api/v1/orgs/COM-NOWHERE', { active: false }, operator)).json()).toMatchObject({
      code: 'CORE_ORG_NOT_FOUND',
    });
  });

  it('serves fresh details after a rename, including in descendants’ ancestors (cache invalidated)', async () => {
    const name = (code: string) =>
      get(`/api/v1/orgs/${code}`).then((r) => r.json() as { nameFr: string; parent: { nameFr: string } });
    expect((await name('MA-SKH')).nameFr).toBe('Skhirate-Témara');
    expect((await name('COM-HARHOURA')).parent.nameFr).toBe('Skhirate-Témara');
    const res = await patch('/api/v1/orgs/MA-SKH', { nameFr: 'Skhirate-Témara (renommée)' }, operator);
    expect(res.statusCode, res.body).toBe(200);
    expect((await name('MA-SKH')).nameFr).toBe('Skhirate-Témara (renommée)');
    expect((await name('COM-HARHOURA')).parent.nameFr).toBe('Skhirate-Témara (renommée)');
    await patch('/api/v1/orgs/MA-SKH', { nameFr: 'Skhirate-Témara' }, operator);
    expect((await name('MA-SKH')).nameFr).toBe('Skhirate-Témara');
    const detail = await get('/api/v1/orgs/MA-SKH');
    expect(detail.headers['content-type']).toBe('application/json; charset=utf-8');
  });

  it('refuses bad input with 4xx codes and writes nothing', async () => {
    const orgs = await count('organisations');
    const units = await count('org_units');
    const audits = await count('audit_log');
    const base = { code: 'COM-BAD', type: 'commune', nameFr: 'Bad', nameAr: 'سيئة', parentCode: 'MA-SKH' };
    const cases: [unknown, number, string][] = [
      [{ ...base, extra: 1 }, 400, 'CORE_VALIDATION_FAILED'],
      [{ ...base, nameFr: 42 }, 400, 'CORE_VALIDATION_FAILED'],
      [{ ...base, code: 'com bad' }, 400, 'CORE_VALIDATION_FAILED'],
      [{ ...base, type: 'country' }, 400, 'CORE_VALIDATION_FAILED'],
      [{ ...base, nameAr: 'No Arabic here' }, 400, 'CORE_VALIDATION_FAILED'],
      [{ ...base, nameFr: '   ' }, 400, 'CORE_VALIDATION_FAILED'],
      [{ ...base, nameFr: 'x'.repeat(500) }, 400, 'CORE_VALIDATION_FAILED'],
      [{ ...base, parentCode: 'MA-NOWHERE' }, 400, 'CORE_ORG_PARENT_NOT_FOUND'],
      [[base], 400, 'CORE_VALIDATION_FAILED'],
    ];
    for (const [payload, status, code] of cases) {
      const res = await post('/api/v1/orgs', payload, operator);
      expect(res.statusCode, JSON.stringify(payload).slice(0, 80)).toBe(status);
      expect(res.json()).toMatchObject({ code });
    }
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/orgs',
      payload: '{"code": "COM-BAD",',
      headers: { ...operator.headers, 'content-type': 'application/json' },
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ code: 'CORE_MALFORMED_JSON' });
    for (const payload of [{}, { nameFr: 7 }, { active: 'yes' }, { nameAr: 'latin only' }, { color: 'red' }]) {
      const res = await patch('/api/v1/orgs/COM-SKHIRATE', payload, operator);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
    }
    for (const payload of [
      { code: 'lower', nameFr: 'X', nameAr: 'س' },
      { code: 'OK1', nameFr: 'X', nameAr: 'س', kind: 'DROP TABLE' },
      { code: 'OK2', nameFr: 'X' },
    ]) {
      const res = await post('/api/v1/orgs/COM-TEMARA/units', payload, adminTemara);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
    }
    expect(await count('organisations')).toBe(orgs);
    expect(await count('org_units')).toBe(units);
    expect(await count('audit_log')).toBe(audits);
  });

  it('stores script and SQL payloads as plain text and returns them as JSON strings', async () => {
    const script = '<script>alert("x")</script>';
    const sqlish = "Robert'); DROP TABLE core.organisations;--";
    const res = await post(
      '/api/v1/orgs',
      { code: 'COM-XSS', type: 'commune', nameFr: script, nameAr: `${sqlish} جماعة`, parentCode: 'MA-SKH' },
      operator,
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.json()).toMatchObject({ nameFr: script, nameAr: `${sqlish} جماعة` });
    const read = await get('/api/v1/orgs/COM-XSS');
    expect(read.headers['content-type']).toContain('application/json');
    expect(read.body).toContain(JSON.stringify(script).slice(1, -1));
    expect(await count('organisations')).toBeGreaterThan(100);
  });
});

async function search(q: string, extra = '') {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/orgs?q=${encodeURIComponent(q)}${extra}` });
  return res.json() as { items: Item[]; total: number };
}

// ---------- sessions for the tests ----------

interface GrantSpec {
  orgCode: string;
  permissions: string[];
  includeDescendants?: boolean;
}

/**
 * A signed-in session made directly in the database: a user, a role with the given
 * permissions granted on one organisation, and a session row. For tests that must not depend
 * on the sign-in flow.
 */
async function directSession(db: Database, email: string, grants: GrantSpec[]): Promise<Session> {
  const [existing] = await rows<{ id: string }>(db, sql`SELECT id FROM core.users WHERE lower(email) = lower(${email})`);
  const userId = existing?.id ?? uuidv7();
  if (!existing)
    await db.execute(
      sql`INSERT INTO core.users (id, email, kind, status, display_name, email_verified_at)
          VALUES (${userId}, ${email}, 'agent', 'active', ${email}, now())`,
    );
  for (const g of grants) {
    const roleId = uuidv7();
    const roleCode = `test_${randomToken(6)}`;
    await db.execute(
      sql`INSERT INTO core.roles (id, code, name_fr, name_ar, name_en, permissions)
          VALUES (${roleId}, ${roleCode}, ${roleCode}, ${'دور'}, ${roleCode}, ${`{${g.permissions.join(',')}}`}::text[])`,
    );
    await db.execute(
      sql`INSERT INTO core.role_grants (id, user_id, role_id, org_id, include_descendants)
          SELECT ${uuidv7()}, ${userId}, ${roleId}, id, ${g.includeDescendants ?? false} FROM core.organisations WHERE code = ${g.orgCode}`,
    );
  }
  const token = randomToken();
  const csrfToken = randomToken();
  await db.execute(
    sql`INSERT INTO core.sessions (id, user_id, token_hash, csrf_token, mfa_passed, expires_at)
        VALUES (${uuidv7()}, ${userId}, ${sha256(token)}, ${csrfToken}, true, now() + interval '1 hour')`,
  );
  const cookie = `${SESSION_COOKIE}=${token}`;
  return { cookie, csrfToken, headers: { cookie, 'x-csrf-token': csrfToken } };
}

/**
 * Signs in a demo account through the API when the sign-in flow and the demo accounts are
 * there; otherwise falls back to a direct session with the grants the demo account has.
 */
async function sessionAs(app: FastifyInstance, db: Database, email: string, fallback: GrantSpec[]): Promise<Session> {
  try {
    return await login(app, email);
  } catch {
    return directSession(db, email, fallback);
  }
}
