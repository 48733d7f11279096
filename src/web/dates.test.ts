import { describe, expect, it } from 'vitest';
import { formatDate } from './dates';

describe('formatDate', () => {
  it("shows dates in Morocco's time zone, not the machine's", () => {
    // 23:30 UTC on 1 January is already 2 January in Casablanca (UTC+1).
    expect(formatDate('2026-01-01T23:30:00Z')).toContain('2 janvier 2026');
    expect(formatDate('2026-01-01T22:30:00Z')).toContain('1 janvier 2026');
  });

  it('adds the local time when asked', () => {
    expect(formatDate(new Date('2026-01-01T08:05:00Z'), true)).toMatch(/09:05/);
  });
});
