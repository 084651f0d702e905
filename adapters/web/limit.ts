/**
 * A per-sender allowance of messages (a token bucket): `burst` at once, then `perMinute`. Kept in
 * memory, bounded: the oldest senders are forgotten first.
 */
export function createLimiter(options: {
  burst: number;
  perMinute: number;
  now?: () => number;
  max?: number;
}) {
  const now = options.now ?? Date.now;
  const max = options.max ?? 20_000;
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    /** True when `key` may send now; else the seconds to wait. */
    take(key: string): true | number {
      const t = now();
      const b = buckets.get(key) ?? { tokens: options.burst, at: t };
      b.tokens = Math.min(options.burst, b.tokens + ((t - b.at) / 60_000) * options.perMinute);
      b.at = t;
      buckets.delete(key);
      buckets.set(key, b);
      if (buckets.size > max) buckets.delete(buckets.keys().next().value!);
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return true;
      }
      return Math.ceil(((1 - b.tokens) * 60) / options.perMinute);
    },
  };
}
