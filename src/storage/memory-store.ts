import type { Draft, Session, StateStore, UserKey } from './state-store.js';

const k = (key: UserKey) => JSON.stringify([key.channel, key.userId]);

/** A StateStore in memory: for tests and for runs that need no persistence. */
export function createMemoryStore(): StateStore {
  const sessions = new Map<string, Session>();
  const drafts = new Map<string, Map<string, Draft>>();
  const mine = (key: UserKey) => {
    let m = drafts.get(k(key));
    if (!m) drafts.set(k(key), (m = new Map()));
    return m;
  };
  // Copies in and out, so callers can never change stored state by mutating what they hold.
  const copy = <T>(value: T): T => structuredClone(value);
  return {
    async getSession(key) {
      return copy(sessions.get(k(key)) ?? {});
    },
    async save(key, session, draft) {
      sessions.set(k(key), copy(session));
      if (draft) mine(key).set(draft.id, copy(draft));
    },
    async getDraft(key, id) {
      const d = mine(key).get(id);
      return d ? copy(d) : undefined;
    },
    async listDrafts(key) {
      return [...mine(key).values()]
        .map(copy)
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
    },
    async deleteDraft(key, id) {
      return mine(key).delete(id);
    },
    async forget(key) {
      const n = mine(key).size;
      drafts.delete(k(key));
      sessions.delete(k(key));
      return n;
    },
    async close() {},
  };
}
