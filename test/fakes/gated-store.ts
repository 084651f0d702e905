import type { StateStore } from '../../src/storage/state-store.js';

/**
 * A store whose first `n` session reads wait for each other, so that `n` turns read the same
 * version before any of them saves: the race of two deliveries at the same moment, made certain.
 * Counts the commits the store refused.
 */
export function gatedStore(inner: StateStore, n: number) {
  let waiting: (() => void)[] = [];
  let reads = 0;
  let refused = 0;
  const store: StateStore = {
    ...inner,
    claim: (key, ttl) => inner.claim(key, ttl),
    seen: (key) => inner.seen(key),
    getDraft: (key, id) => inner.getDraft(key, id),
    listDrafts: (key) => inner.listDrafts(key),
    forget: (key) => inner.forget(key),
    stats: () => inner.stats(),
    answers: (range) => inner.answers(range),
    sweep: (limits) => inner.sweep(limits),
    close: () => inner.close(),
    async getSession(key) {
      const session = await inner.getSession(key);
      if (++reads <= n) {
        await new Promise<void>((resolve) => {
          waiting.push(resolve);
          if (waiting.length === n) {
            for (const release of waiting) release();
            waiting = [];
          }
        });
      }
      return session;
    },
    async commit(key, change) {
      const saved = await inner.commit(key, change);
      if (!saved) refused++;
      return saved;
    },
  };
  return { store, conflicts: () => refused };
}
