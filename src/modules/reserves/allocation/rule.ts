/**
 * The allocation rule: a pure, deterministic function from a snapshot of competing requests,
 * stock per platform, current reservations and travel times to the reservations each request line
 * gets, with the reason for every figure. No clock, no database, no randomness: the same snapshot
 * always gives the same result, which is what makes a recorded run replayable (see ADR
 * "Priority allocation of scarce stock").
 *
 * Rule `priority-v1`:
 * 1. Each request gets a priority score in [0, 1]:
 *      0.35 × severity/5                                  (severity of its crisis, 1–5)
 *    + 0.30 × min(1, log10(1 + people affected) / 6)      (1,000,000 people or more → 1)
 *    + 0.20 × urgency (critical 1, high 0.75, medium 0.5, low 0.25, declared by the authority)
 *    + 0.15 × (1 − min(hours, 48) / 48)                   (hours from the nearest platform holding
 *                                                         something the request asks for: stock
 *                                                         that can arrive sooner does more good)
 *    rounded to 4 decimals. Requests are ranked by score, then by filing time, then by number.
 * 2. In rank order, each line's need (requested − dispatched − still reserved) is taken from free
 *    stock (on hand − reservations) of the platforms nearest to the request's province first
 *    (travel time, then platform code; for a category line, then product code).
 * 3. If free stock does not cover the need and preemption is on, the line takes stock reserved
 *    for requests with a strictly lower score, the least urgent first (then the nearest platform),
 *    and the preemption is recorded. A request never takes from one ranked above it.
 */

export const RULE_VERSION = 'priority-v1';

export const WEIGHTS = { severity: 0.35, people: 0.3, urgency: 0.2, reach: 0.15 } as const;
export const URGENCY_LEVELS = ['critical', 'high', 'medium', 'low'] as const;
export type Urgency = (typeof URGENCY_LEVELS)[number];
export const URGENCY_VALUE: Record<Urgency, number> = { critical: 1, high: 0.75, medium: 0.5, low: 0.25 };
/** Travel times at or beyond this many hours give a reach factor of 0. */
export const REACH_HORIZON_HOURS = 48;
/** log10(1 + people) divided by this gives the people factor (1,000,000 people → 1). */
export const PEOPLE_LOG_SCALE = 6;

export interface AllocLine {
  id: string;
  lineNo: number;
  /** Product code, or null when the line asks for any product of `category`. */
  product: string | null;
  category: string | null;
  requested: number;
  /** Already dispatched for this line (no longer needed). */
  dispatched: number;
  households: number;
}

export interface AllocRequest {
  id: string;
  number: string;
  crisisNumber: string;
  /** ISO timestamp: ties between equal scores go to the earlier request. */
  filedAt: string;
  province: string;
  severity: number;
  peopleAffected: number;
  urgency: Urgency;
  lines: AllocLine[];
}

export interface AllocStock {
  platform: string;
  product: string;
  category: string;
  /** Usable quantity on hand at the platform (every warehouse, expired lots excluded). */
  onHand: number;
}

export interface AllocReservation {
  id: string;
  requestId: string;
  lineId: string;
  platform: string;
  product: string;
  quantity: number;
}

export interface TravelTime {
  platform: string;
  province: string;
  minutes: number;
}

export interface AllocationInput {
  ruleVersion: string;
  allowPreemption: boolean;
  requests: AllocRequest[];
  stock: AllocStock[];
  reservations: AllocReservation[];
  travel: TravelTime[];
}

export interface ScoreFactors {
  severity: { value: number; factor: number; part: number };
  people: { value: number; factor: number; part: number };
  urgency: { value: Urgency; factor: number; part: number };
  reach: { hours: number | null; platform: string | null; factor: number; part: number };
}

export interface Source {
  platform: string;
  product: string;
  quantity: number;
  hours: number | null;
  /** 'free': unreserved stock; 'preempted': taken from a less urgent request's reservation. */
  from: 'free' | 'preempted';
  fromRequest?: string;
  fromScore?: number;
}

export interface LineResult {
  lineId: string;
  lineNo: number;
  product: string | null;
  category: string | null;
  requested: number;
  dispatched: number;
  /** Reserved for this line before the run. */
  heldBefore: number;
  /** Taken from this line by more urgent requests during the run. */
  lostToPreemption: number;
  /** Added during the run (free stock and preemption). */
  added: number;
  /** Reserved for this line after the run. */
  heldAfter: number;
  /** requested − dispatched − heldAfter. */
  shortfall: number;
  sources: Source[];
  /** Why the line is not fully covered: 'none' (covered), 'no_stock', 'taken_by_higher'. */
  shortfallCause: 'none' | 'no_stock' | 'held_by_higher';
  losses: { toRequest: string; toScore: number; platform: string; product: string; quantity: number }[];
}

export interface RequestResult {
  requestId: string;
  number: string;
  crisisNumber: string;
  province: string;
  rank: number;
  of: number;
  score: number;
  factors: ScoreFactors;
  lines: LineResult[];
}

export interface Preemption {
  reservationId: string;
  fromRequestId: string;
  fromLineId: string;
  toRequestId: string;
  toLineId: string;
  platform: string;
  product: string;
  quantity: number;
}

export interface FinalReservation {
  /** The reservation kept or reduced (null: a new one). */
  id: string | null;
  requestId: string;
  lineId: string;
  platform: string;
  product: string;
  quantity: number;
}

export interface AllocationResult {
  ruleVersion: string;
  requests: RequestResult[];
  preemptions: Preemption[];
  /** Every reservation after the run (quantity > 0), sorted. */
  reservations: FinalReservation[];
  totals: { requested: number; held: number; added: number; preempted: number; shortfall: number };
}

export class AllocationRuleError extends Error {
  constructor(
    readonly code: 'RESERVES_ALLOCATION_RULE_UNKNOWN',
    readonly ruleVersion: string,
  ) {
    super(code);
  }
}

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;
const cmpStr = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function scoreRequest(
  r: AllocRequest,
  nearest: { hours: number | null; platform: string | null },
): { score: number; factors: ScoreFactors } {
  const sev = Math.min(5, Math.max(1, Math.trunc(r.severity)));
  const sevF = sev / 5;
  const peopleF = Math.min(1, Math.log10(1 + Math.max(0, r.peopleAffected)) / PEOPLE_LOG_SCALE);
  const urgF = URGENCY_VALUE[r.urgency];
  const reachF = nearest.hours == null ? 0 : 1 - Math.min(nearest.hours, REACH_HORIZON_HOURS) / REACH_HORIZON_HOURS;
  const factors: ScoreFactors = {
    severity: { value: sev, factor: round4(sevF), part: round4(WEIGHTS.severity * sevF) },
    people: { value: r.peopleAffected, factor: round4(peopleF), part: round4(WEIGHTS.people * peopleF) },
    urgency: { value: r.urgency, factor: urgF, part: round4(WEIGHTS.urgency * urgF) },
    reach: { hours: nearest.hours, platform: nearest.platform, factor: round4(reachF), part: round4(WEIGHTS.reach * reachF) },
  };
  const score = round4(WEIGHTS.severity * sevF + WEIGHTS.people * peopleF + WEIGHTS.urgency * urgF + WEIGHTS.reach * reachF);
  return { score, factors };
}

interface Held {
  id: string | null;
  requestId: string;
  lineId: string;
  platform: string;
  product: string;
  quantity: number;
}

/** Runs the rule on a snapshot. Throws AllocationRuleError for a rule version it does not know. */
export function allocate(input: AllocationInput): AllocationResult {
  if (input.ruleVersion !== RULE_VERSION) throw new AllocationRuleError('RESERVES_ALLOCATION_RULE_UNKNOWN', input.ruleVersion);

  // Travel minutes by platform → province.
  const travel = new Map<string, number>();
  for (const t of input.travel) travel.set(`${t.platform}\u0000${t.province}`, t.minutes);
  const minutes = (platform: string, province: string) => travel.get(`${platform}\u0000${province}`) ?? Infinity;
  const hoursOf = (m: number) => (Number.isFinite(m) ? round4(m / 60) : null);

  // Stock per platform and product (summed: the snapshot may list a platform/product twice).
  const onHand = new Map<string, number>();
  const categoryOf = new Map<string, string>();
  const platforms = new Set<string>();
  for (const s of input.stock) {
    const k = `${s.platform}\u0000${s.product}`;
    onHand.set(k, (onHand.get(k) ?? 0) + Math.max(0, s.onHand));
    categoryOf.set(s.product, s.category);
    platforms.add(s.platform);
  }
  const productsByCategory = new Map<string, string[]>();
  for (const [p, c] of [...categoryOf.entries()].sort((a, b) => cmpStr(a[0], b[0]))) {
    const l = productsByCategory.get(c) ?? [];
    l.push(p);
    productsByCategory.set(c, l);
  }

  // Reservations held now, in a stable order.
  const held: Held[] = [...input.reservations]
    .filter((r) => r.quantity > 0)
    .sort((a, b) => cmpStr(a.id, b.id))
    .map((r) => ({ ...r }));
  const reservedAt = (k: string) => held.reduce((s, h) => (`${h.platform}\u0000${h.product}` === k ? s + h.quantity : s), 0);
  const free = new Map<string, number>();
  for (const [k, q] of onHand) free.set(k, Math.max(0, q - reservedAt(k)));

  const candidateProducts = (l: AllocLine): string[] =>
    l.product != null ? [l.product] : l.category != null ? (productsByCategory.get(l.category) ?? []) : [];

  // Scores.
  const scored = input.requests.map((r) => {
    const wanted = new Set(r.lines.flatMap(candidateProducts));
    let best: { m: number; platform: string | null } = { m: Infinity, platform: null };
    for (const p of [...platforms].sort(cmpStr)) {
      const has = [...wanted].some((prod) => (onHand.get(`${p}\u0000${prod}`) ?? 0) > 0);
      if (!has) continue;
      const m = minutes(p, r.province);
      if (m < best.m) best = { m, platform: p };
    }
    const nearest = { hours: hoursOf(best.m), platform: Number.isFinite(best.m) ? best.platform : null };
    return { r, ...scoreRequest(r, nearest) };
  });
  scored.sort(
    (a, b) => b.score - a.score || cmpStr(a.r.filedAt, b.r.filedAt) || cmpStr(a.r.number, b.r.number) || cmpStr(a.r.id, b.r.id),
  );
  const scoreOf = new Map(scored.map((s) => [s.r.id, s.score]));
  const numberOf = new Map(scored.map((s) => [s.r.id, s.r.number]));

  // Line results, created up front so that losses can be recorded on lines ranked lower.
  const lineResults = new Map<string, LineResult>();
  for (const s of scored)
    for (const l of s.r.lines) {
      const heldBefore = held.filter((h) => h.lineId === l.id).reduce((a, h) => a + h.quantity, 0);
      lineResults.set(l.id, {
        lineId: l.id,
        lineNo: l.lineNo,
        product: l.product,
        category: l.category,
        requested: l.requested,
        dispatched: l.dispatched,
        heldBefore,
        lostToPreemption: 0,
        added: 0,
        heldAfter: heldBefore,
        shortfall: 0,
        sources: [],
        shortfallCause: 'none',
        losses: [],
      });
    }

  const preemptions: Preemption[] = [];
  const addHeld = (requestId: string, lineId: string, platform: string, product: string, q: number) => {
    const existing = held.find((h) => h.lineId === lineId && h.platform === platform && h.product === product);
    if (existing) existing.quantity += q;
    else held.push({ id: null, requestId, lineId, platform, product, quantity: q });
  };

  const results: RequestResult[] = [];
  scored.forEach((s, i) => {
    const r = s.r;
    const lines: LineResult[] = [];
    for (const l of [...r.lines].sort((a, b) => a.lineNo - b.lineNo || cmpStr(a.id, b.id))) {
      const lr = lineResults.get(l.id)!;
      const current = held.filter((h) => h.lineId === l.id).reduce((a, h) => a + h.quantity, 0);
      let need = Math.max(0, l.requested - l.dispatched - current);
      const products = candidateProducts(l);
      // Free stock, nearest platform first.
      const options = [...platforms]
        .flatMap((p) => products.map((prod) => ({ p, prod, m: minutes(p, r.province) })))
        .sort((a, b) => a.m - b.m || cmpStr(a.p, b.p) || cmpStr(a.prod, b.prod));
      for (const o of options) {
        if (need === 0) break;
        const k = `${o.p}\u0000${o.prod}`;
        const f = free.get(k) ?? 0;
        if (f <= 0) continue;
        const take = Math.min(f, need);
        free.set(k, f - take);
        need -= take;
        addHeld(r.id, l.id, o.p, o.prod, take);
        lr.added += take;
        lr.sources.push({ platform: o.p, product: o.prod, quantity: take, hours: hoursOf(o.m), from: 'free' });
      }
      // Preemption: reservations of strictly less urgent requests, least urgent first.
      let blockedByHigher = false;
      if (need > 0) {
        const victims = held
          .filter((h) => products.includes(h.product) && h.quantity > 0 && h.requestId !== r.id)
          .map((h) => ({ h, vs: scoreOf.get(h.requestId) ?? 0, m: minutes(h.platform, r.province) }))
          .sort(
            (a, b) =>
              a.vs - b.vs ||
              a.m - b.m ||
              cmpStr(a.h.platform, b.h.platform) ||
              cmpStr(numberOf.get(b.h.requestId) ?? '', numberOf.get(a.h.requestId) ?? '') ||
              cmpStr(a.h.lineId, b.h.lineId),
          );
        for (const v of victims) {
          if (need === 0) break;
          // Ranked at or above this request (or preemption off): its stock stays where it is.
          const rankedAbove = !(v.vs < s.score) || rankIndex(scored, v.h.requestId) < i;
          if (!input.allowPreemption || rankedAbove) {
            blockedByHigher = true;
            continue;
          }
          const take = Math.min(v.h.quantity, need);
          v.h.quantity -= take;
          need -= take;
          addHeld(r.id, l.id, v.h.platform, v.h.product, take);
          lr.added += take;
          lr.sources.push({
            platform: v.h.platform,
            product: v.h.product,
            quantity: take,
            hours: hoursOf(v.m),
            from: 'preempted',
            fromRequest: numberOf.get(v.h.requestId) ?? v.h.requestId,
            fromScore: v.vs,
          });
          const victimLine = lineResults.get(v.h.lineId);
          if (victimLine) {
            victimLine.lostToPreemption += take;
            victimLine.losses.push({
              toRequest: r.number,
              toScore: s.score,
              platform: v.h.platform,
              product: v.h.product,
              quantity: take,
            });
          }
          preemptions.push({
            reservationId: v.h.id ?? `new:${v.h.lineId}:${v.h.platform}:${v.h.product}`,
            fromRequestId: v.h.requestId,
            fromLineId: v.h.lineId,
            toRequestId: r.id,
            toLineId: l.id,
            platform: v.h.platform,
            product: v.h.product,
            quantity: take,
          });
        }
      }
      lr.shortfallCause = need === 0 ? 'none' : blockedByHigher ? 'held_by_higher' : 'no_stock';
      lines.push(lr);
    }
    results.push({
      requestId: r.id,
      number: r.number,
      crisisNumber: r.crisisNumber,
      province: r.province,
      rank: i + 1,
      of: scored.length,
      score: s.score,
      factors: s.factors,
      lines,
    });
  });

  // Final figures: a line's holding may have shrunk after it was processed (preempted later).
  for (const lr of lineResults.values()) {
    lr.heldAfter = held.filter((h) => h.lineId === lr.lineId).reduce((a, h) => a + h.quantity, 0);
    lr.shortfall = Math.max(0, lr.requested - lr.dispatched - lr.heldAfter);
    if (lr.shortfall > 0 && lr.shortfallCause === 'none') lr.shortfallCause = 'held_by_higher';
  }

  const reservations: FinalReservation[] = held
    .filter((h) => h.quantity > 0)
    .map((h) => ({
      id: h.id,
      requestId: h.requestId,
      lineId: h.lineId,
      platform: h.platform,
      product: h.product,
      quantity: h.quantity,
    }))
    .sort(
      (a, b) =>
        cmpStr(a.requestId, b.requestId) ||
        cmpStr(a.lineId, b.lineId) ||
        cmpStr(a.platform, b.platform) ||
        cmpStr(a.product, b.product),
    );
  const all = [...lineResults.values()];
  return {
    ruleVersion: RULE_VERSION,
    requests: results,
    preemptions,
    reservations,
    totals: {
      requested: all.reduce((a, l) => a + l.requested, 0),
      held: all.reduce((a, l) => a + l.heldAfter, 0),
      added: all.reduce((a, l) => a + l.added, 0),
      preempted: preemptions.reduce((a, p) => a + p.quantity, 0),
      shortfall: all.reduce((a, l) => a + l.shortfall, 0),
    },
  };
}

function rankIndex(scored: { r: AllocRequest }[], requestId: string): number {
  const i = scored.findIndex((s) => s.r.id === requestId);
  return i < 0 ? Number.MAX_SAFE_INTEGER : i;
}
