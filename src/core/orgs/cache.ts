/**
 * A small in-process cache for organisation reads. Organisations change a few times a year and
 * are read on nearly every request (pages, scopes, forms), so `GET /orgs/{code}` answers from
 * memory: entries live `ttlMs` at most, and every write made by this process (routes, imports,
 * seeds) empties all caches at once, since a rename changes the ancestors shown by every
 * descendant. Another process (a second instance, the `raqmana import` command) is seen within
 * `ttlMs`.
 */
let generation = 0;

/** Called after a committed change to organisations. */
export function invalidateOrgCaches(): void {
  generation++;
}

/** The current generation: take it before reading the database, give it back to `set`. */
export function orgCacheGeneration(): number {
  return generation;
}

export class OrgCache<V> {
  private readonly entries = new Map<string, { value: V; expires: number }>();
  private seen = generation;

  constructor(
    private readonly ttlMs = 10_000,
    private readonly maxEntries = 5_000,
  ) {}

  get(key: string): V | undefined {
    if (this.seen !== generation) {
      this.entries.clear();
      this.seen = generation;
      return undefined;
    }
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (e.expires < Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return e.value;
  }

  /** Stores `value` unless a write happened since `readAt` (the generation taken before reading). */
  set(key: string, value: V, readAt: number): void {
    if (readAt !== generation) return;
    if (this.seen !== generation) {
      this.entries.clear();
      this.seen = generation;
    }
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, { value, expires: Date.now() + this.ttlMs });
  }
}
