import { createMemoryDedupe } from './memory-dedupe.js';
import type { Session } from './session.js';
import type {
  AnswerRecord,
  ConversationKey,
  StateStore,
  StoredDraft,
  UserKey,
  Versioned,
} from './state-store.js';

const userOf = (key: UserKey) => JSON.stringify([key.channel, key.userId]);

/** A StateStore in memory: for tests and for runs that need no persistence. */
export function createMemoryStore(): StateStore {
  // user → conversation → session; user → draft id → draft.
  const sessions = new Map<string, Map<string, Versioned<Session>>>();
  const drafts = new Map<string, Map<string, StoredDraft>>();
  const dedupe = createMemoryDedupe();
  const leases = new Map<string, { holder: string; expires: number }>();
  const rates = new Map<string, { window: number; count: number }>();
  let answers: AnswerRecord[] = [];
  // When each stored session was last saved, for sweeping conversations long untouched.
  const touched = new WeakMap<Versioned<Session>, number>();
  const inner = <T>(map: Map<string, Map<string, T>>, key: UserKey) => {
    let m = map.get(userOf(key));
    if (!m) map.set(userOf(key), (m = new Map()));
    return m;
  };
  // Copies in and out, so callers can never change stored state by mutating what they hold.
  const copy = <T>(value: T): T => structuredClone(value);
  return {
    claim: dedupe.claim,
    seen: dedupe.seen,
    async lease(key, holder, ttlMs) {
      const t = Date.now();
      const held = leases.get(key);
      if (held && held.holder !== holder && held.expires > t) return false;
      leases.set(key, { holder, expires: t + ttlMs });
      return true;
    },
    async release(key, holder) {
      if (leases.get(key)?.holder === holder) leases.delete(key);
    },
    async count(key, windowMs) {
      const window = Math.floor(Date.now() / windowMs);
      const held = rates.get(key);
      const count = held?.window === window ? held.count + 1 : 1;
      rates.delete(key);
      rates.set(key, { window, count });
      // Bounded: the keys counted longest ago go first.
      if (rates.size > 100_000) rates.delete(rates.keys().next().value!);
      return count;
    },
    async getSession(key: ConversationKey) {
      return copy(inner(sessions, key).get(key.conversationId) ?? { value: {}, version: 0 });
    },
    async getDraft(key, id) {
      const d = inner(drafts, key).get(id);
      return d ? copy(d) : undefined;
    },
    async listDrafts(key) {
      return [...inner(drafts, key).values()]
        .map(copy)
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
    },
    async commit(key, change) {
      const mySessions = inner(sessions, key);
      const myDrafts = inner(drafts, key);
      const stored = mySessions.get(key.conversationId)?.version ?? 0;
      if (change.session && change.session.version !== stored) return false;
      for (const d of change.drafts ?? [])
        if ((myDrafts.get(d.id)?.version ?? 0) !== d.version) return false;
      // Marking the delivery is the last check, so a refused commit never marks it.
      if (change.delivery && !(await dedupe.claim(change.delivery.key, change.delivery.ttlMs)))
        return false;
      if (change.session) {
        const saved = { value: copy(change.session.value), version: stored + 1 };
        touched.set(saved, Date.now());
        mySessions.set(key.conversationId, saved);
      }
      for (const d of change.drafts ?? [])
        myDrafts.set(d.id, { ...copy(d), version: d.version + 1 });
      for (const id of change.deleteDrafts ?? []) myDrafts.delete(id);
      answers.push(...(change.answers ?? []).map(copy));
      const rating = change.rating;
      if (rating)
        answers = answers.map((a) =>
          a.id === rating.answer && a.channel === key.channel && a.userId === key.userId
            ? { ...a, helpful: rating.helpful }
            : a,
        );
      return true;
    },
    async forget(key) {
      const n = inner(drafts, key).size;
      drafts.delete(userOf(key));
      sessions.delete(userOf(key));
      answers = answers.filter((a) => a.channel !== key.channel || a.userId !== key.userId);
      return n;
    },
    async stats() {
      let activeForms = 0;
      for (const conversations of sessions.values())
        for (const s of conversations.values()) if (s.value.activeDraftId) activeForms++;
      return { activeForms };
    },
    async sweep({ answersBefore, inactiveBefore }) {
      answers = answers.filter((a) => a.at >= answersBefore.toISOString());
      for (const user of drafts.values())
        for (const [id, d] of user) if (d.updatedAt < inactiveBefore.toISOString()) user.delete(id);
      for (const user of sessions.values())
        for (const [id, s] of user)
          if ((touched.get(s) ?? 0) < inactiveBefore.getTime()) user.delete(id);
    },
    async answers({ since, until }) {
      return answers
        .filter((a) => a.at >= since.toISOString() && a.at < until.toISOString())
        .map(copy);
    },
    async close() {},
  };
}
