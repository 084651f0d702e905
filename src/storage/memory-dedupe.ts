import type { Dedupe } from './state-store.js';

/**
 * Deduplication for one process: claimed keys with their expiry, oldest first. Bounded, so a
 * flood of unique ids cannot grow memory without end; the oldest claims go first.
 */
export function createMemoryDedupe(options: { max?: number; now?: () => number } = {}): Dedupe {
  const max = options.max ?? 100_000;
  const now = options.now ?? Date.now;
  const expiries = new Map<string, number>();
  return {
    async seen(key) {
      return (expiries.get(key) ?? 0) > now();
    },
    async claim(key, ttlMs) {
      const t = now();
      const expires = expiries.get(key);
      if (expires !== undefined && expires > t) return false;
      // Re-inserting keeps the map in claim order, so the first entries are the oldest.
      expiries.delete(key);
      expiries.set(key, t + ttlMs);
      for (const [k, e] of expiries) {
        if (expiries.size <= max && e > t) break;
        expiries.delete(k);
      }
      return true;
    },
  };
}
