import { describe, expect, it } from 'vitest';
import { allocate, RULE_VERSION, scoreRequest, type AllocationInput, type AllocRequest } from './rule';
import { explainLine } from './explain';

const req = (over: Partial<AllocRequest> & { id: string }): AllocRequest => ({
  number: `REQ-${over.id}`,
  crisisNumber: 'CRI-1',
  filedAt: '2026-09-09T10:00:00.000Z',
  province: 'MA-HAO',
  severity: 5,
  peopleAffected: 10_000,
  urgency: 'high',
  lines: [{ id: `${over.id}-1`, lineNo: 1, product: 'TENT', category: null, requested: 500, dispatched: 0, households: 100 }],
  ...over,
});

const base = (over: Partial<AllocationInput> = {}): AllocationInput => ({
  ruleVersion: RULE_VERSION,
  allowPreemption: true,
  requests: [],
  stock: [],
  reservations: [],
  travel: [
    { platform: 'MA-07', province: 'MA-HAO', minutes: 90 },
    { platform: 'MA-06', province: 'MA-HAO', minutes: 240 },
    { platform: 'MA-07', province: 'MA-CHI', minutes: 120 },
    { platform: 'MA-06', province: 'MA-CHI', minutes: 300 },
    { platform: 'MA-07', province: 'MA-TAR', minutes: 360 },
    { platform: 'MA-09', province: 'MA-TAR', minutes: 120 },
  ],
  ...over,
});

describe('priority score', () => {
  it('weights severity, people, urgency and reach as documented', () => {
    const { score, factors } = scoreRequest(req({ id: 'a', severity: 5, peopleAffected: 999_999, urgency: 'critical' }), {
      hours: 0,
      platform: 'MA-07',
    });
    expect(factors.severity.part).toBe(0.35);
    expect(factors.people.factor).toBe(1);
    expect(score).toBe(1);
    const low = scoreRequest(req({ id: 'b', severity: 1, peopleAffected: 0, urgency: 'low' }), { hours: null, platform: null });
    expect(low.score).toBe(0.12); // 0.35 × 0.2 + 0 + 0.2 × 0.25 + 0
    const mid = scoreRequest(req({ id: 'c', severity: 3, peopleAffected: 999, urgency: 'medium' }), { hours: 24, platform: 'X' });
    expect(mid.score).toBe(0.535); // 0.21 + 0.15 + 0.1 + 0.075
  });
});

describe('allocate', () => {
  it('refuses an unknown rule version', () => {
    expect(() => allocate(base({ ruleVersion: 'priority-v0' }))).toThrow('RESERVES_ALLOCATION_RULE_UNKNOWN');
  });

  it('serves the higher score first, from the nearest platform, and explains the shortfall', () => {
    const input = base({
      requests: [
        req({ id: 'low', peopleAffected: 100, urgency: 'low', filedAt: '2026-09-09T08:00:00.000Z' }),
        req({ id: 'high', peopleAffected: 50_000, urgency: 'critical' }),
      ],
      stock: [
        { platform: 'MA-06', product: 'TENT', category: 'shelter', onHand: 300 },
        { platform: 'MA-07', product: 'TENT', category: 'shelter', onHand: 400 },
      ],
    });
    const out = allocate(input);
    const [first, second] = out.requests;
    expect(first!.number).toBe('REQ-high');
    expect(first!.rank).toBe(1);
    expect(first!.lines[0]!.sources).toEqual([
      { platform: 'MA-07', product: 'TENT', quantity: 400, hours: 1.5, from: 'free' },
      { platform: 'MA-06', product: 'TENT', quantity: 100, hours: 4, from: 'free' },
    ]);
    expect(first!.lines[0]!.heldAfter).toBe(500);
    expect(second!.lines[0]!.heldAfter).toBe(200);
    expect(second!.lines[0]!.shortfall).toBe(300);
    expect(second!.lines[0]!.shortfallCause).toBe('held_by_higher');
    expect(out.totals).toEqual({ requested: 1000, held: 700, added: 700, preempted: 0, shortfall: 300 });
    const text = explainLine(second!, second!.lines[0]!, 'en');
    expect(text).toMatch(/^got 200 of 500: ranked 2nd of 2 by priority score 0\.\d\d = 0\.35 × severity 5\/5/);
    expect(text).toContain('platform MA-06 nearest (4 h): 200 TENT');
    expect(text).toContain('300 short: the rest is reserved for more urgent requests');
    expect(explainLine(second!, second!.lines[0]!, 'fr')).toContain('classée 2e sur 2');
    expect(explainLine(second!, second!.lines[0]!, 'ar')).toContain('المرتبة 2 من 2');
  });

  it('is deterministic whatever the order of its inputs', () => {
    const input = base({
      requests: [req({ id: 'a' }), req({ id: 'b', province: 'MA-CHI' }), req({ id: 'c', province: 'MA-TAR', urgency: 'medium' })],
      stock: [
        { platform: 'MA-07', product: 'TENT', category: 'shelter', onHand: 700 },
        { platform: 'MA-09', product: 'TENT', category: 'shelter', onHand: 200 },
      ],
    });
    const a = allocate(input);
    const b = allocate({
      ...input,
      requests: [...input.requests].reverse(),
      stock: [...input.stock].reverse(),
      travel: [...input.travel].reverse(),
    });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    // Equal scores: the earlier filing (then the number) wins.
    expect(a.requests.map((r) => r.number)).toEqual(['REQ-a', 'REQ-b', 'REQ-c']);
  });

  it('takes stock reserved for a less urgent request and records the preemption', () => {
    const input = base({
      requests: [req({ id: 'low', peopleAffected: 50, urgency: 'low' }), req({ id: 'high', urgency: 'critical' })],
      stock: [{ platform: 'MA-07', product: 'TENT', category: 'shelter', onHand: 600 }],
      reservations: [{ id: 'r1', requestId: 'low', lineId: 'low-1', platform: 'MA-07', product: 'TENT', quantity: 500 }],
    });
    const out = allocate(input);
    const high = out.requests.find((r) => r.number === 'REQ-high')!;
    const low = out.requests.find((r) => r.number === 'REQ-low')!;
    expect(high.lines[0]!.heldAfter).toBe(500);
    expect(high.lines[0]!.sources.map((s) => [s.from, s.quantity])).toEqual([
      ['free', 100],
      ['preempted', 400],
    ]);
    expect(low.lines[0]!.heldBefore).toBe(500);
    expect(low.lines[0]!.lostToPreemption).toBe(400);
    expect(low.lines[0]!.heldAfter).toBe(100);
    expect(low.lines[0]!.shortfallCause).toBe('held_by_higher');
    expect(out.preemptions).toEqual([
      {
        reservationId: 'r1',
        fromRequestId: 'low',
        fromLineId: 'low-1',
        toRequestId: 'high',
        toLineId: 'high-1',
        platform: 'MA-07',
        product: 'TENT',
        quantity: 400,
      },
    ]);
    expect(out.reservations.reduce((a, r) => a + r.quantity, 0)).toBe(600);
    expect(explainLine(low, low.lines[0]!, 'en')).toContain('400 given up to REQ-high');
    expect(explainLine(high, high.lines[0]!, 'en')).toContain('400 TENT taken from REQ-low');
  });

  it('never takes from a request ranked above, nor at all when preemption is off', () => {
    const stock = [{ platform: 'MA-07', product: 'TENT', category: 'shelter', onHand: 500 }];
    const requests = [req({ id: 'low', peopleAffected: 50, urgency: 'low' }), req({ id: 'high', urgency: 'critical' })];
    const heldByHigh = allocate(
      base({
        requests,
        stock,
        reservations: [{ id: 'r', requestId: 'high', lineId: 'high-1', platform: 'MA-07', product: 'TENT', quantity: 500 }],
      }),
    );
    expect(heldByHigh.preemptions).toEqual([]);
    expect(heldByHigh.requests[1]!.lines[0]!.heldAfter).toBe(0);
    const off = allocate(
      base({
        allowPreemption: false,
        requests,
        stock,
        reservations: [{ id: 'r', requestId: 'low', lineId: 'low-1', platform: 'MA-07', product: 'TENT', quantity: 500 }],
      }),
    );
    expect(off.preemptions).toEqual([]);
    expect(off.requests[0]!.lines[0]!.heldAfter).toBe(0);
  });

  it('never reserves more than stock on hand, and counts what was dispatched', () => {
    const out = allocate(
      base({
        requests: [
          req({
            id: 'a',
            lines: [{ id: 'a-1', lineNo: 1, product: 'TENT', category: null, requested: 500, dispatched: 450, households: 0 }],
          }),
          req({ id: 'b' }),
        ],
        stock: [{ platform: 'MA-07', product: 'TENT', category: 'shelter', onHand: 120 }],
        reservations: [{ id: 'r', requestId: 'b', lineId: 'b-1', platform: 'MA-07', product: 'TENT', quantity: 100 }],
      }),
    );
    expect(out.reservations.reduce((s, r) => s + r.quantity, 0)).toBe(120);
    const a = out.requests.find((r) => r.number === 'REQ-a')!.lines[0]!;
    expect(a.heldAfter).toBe(20);
    expect(a.shortfall).toBe(30);
  });

  it('serves a category line from any product of the category', () => {
    const out = allocate(
      base({
        requests: [
          req({
            id: 'a',
            lines: [{ id: 'a-1', lineNo: 1, product: null, category: 'water', requested: 90, dispatched: 0, households: 30 }],
          }),
        ],
        stock: [
          { platform: 'MA-07', product: 'WATER-5L', category: 'water', onHand: 50 },
          { platform: 'MA-07', product: 'WATER-1.5L', category: 'water', onHand: 30 },
          { platform: 'MA-07', product: 'TENT', category: 'shelter', onHand: 500 },
        ],
      }),
    );
    expect(out.requests[0]!.lines[0]!.sources.map((s) => [s.product, s.quantity])).toEqual([
      ['WATER-1.5L', 30],
      ['WATER-5L', 50],
    ]);
    expect(out.requests[0]!.lines[0]!.shortfall).toBe(10);
    expect(out.requests[0]!.lines[0]!.shortfallCause).toBe('no_stock');
  });
});
