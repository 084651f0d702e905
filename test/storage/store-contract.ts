import { describe, expect, it } from 'vitest';
import type { StateStore, StoredDraft } from '../../src/storage/state-store.js';

export const alice = { channel: 'telegram', userId: '42', conversationId: '42' };
const aliceInGroup = { ...alice, conversationId: '-100777' };
const bob = { channel: 'telegram', userId: '43', conversationId: '43' };
const aliceOnSlack = { channel: 'slack', userId: '42', conversationId: 'D1' };

export function draft(id: string, createdAt: string, field = 'name', version = 0): StoredDraft {
  return {
    id,
    formId: 'star',
    status: 'in_progress',
    data: { v: 2, formId: 'star', field, answers: { name: '张秀英' } },
    version,
    createdAt,
    updatedAt: createdAt,
  };
}

/** The contract every StateStore keeps; run against each implementation. */
export function storeContract(name: string, open: () => Promise<StateStore>) {
  describe(`${name} state store`, () => {
    it('starts empty for a new user, at version 0', async () => {
      const store = await open();
      expect(await store.getSession(alice)).toEqual({ value: {}, version: 0 });
      expect(await store.listDrafts(alice)).toEqual([]);
    });

    it('saves a session and a draft in one commit, and reads them back at version 1', async () => {
      const store = await open();
      const saved = await store.commit(alice, {
        session: { value: { activeDraftId: 'd1', language: 'zh-Hant' }, version: 0 },
        drafts: [draft('d1', '2026-11-22T10:01:00.000Z')],
      });
      expect(saved).toBe(true);
      expect(await store.getSession(alice)).toEqual({
        value: { activeDraftId: 'd1', language: 'zh-Hant' },
        version: 1,
      });
      expect(await store.getDraft(alice, 'd1')).toEqual({
        ...draft('d1', '2026-11-22T10:01:00.000Z'),
        version: 1,
      });
    });

    it('refuses a commit made from an old version, and writes none of it', async () => {
      const store = await open();
      await store.commit(alice, {
        session: { value: { lastQuestion: 'first' }, version: 0 },
        drafts: [draft('d1', '2026-11-22T10:01:00.000Z')],
      });
      // Two turns read version 1; the first saves, the second must not overwrite it.
      expect(
        await store.commit(alice, {
          session: { value: { lastQuestion: 'winner' }, version: 1 },
          drafts: [draft('d1', '2026-11-22T10:01:00.000Z', 'gender', 1)],
        }),
      ).toBe(true);
      expect(
        await store.commit(alice, {
          session: { value: { lastQuestion: 'loser' }, version: 1 },
          drafts: [draft('d1', '2026-11-22T10:01:00.000Z', 'birth', 1)],
        }),
      ).toBe(false);
      // A stale draft with a current session is refused as a whole too.
      expect(
        await store.commit(alice, {
          session: { value: { lastQuestion: 'half' }, version: 2 },
          drafts: [draft('d1', '2026-11-22T10:01:00.000Z', 'birth', 1)],
        }),
      ).toBe(false);
      expect((await store.getSession(alice)).value.lastQuestion).toBe('winner');
      expect((await store.getDraft(alice, 'd1'))!.data).toMatchObject({ field: 'gender' });
      expect((await store.getDraft(alice, 'd1'))!.version).toBe(2);
    });

    it('gives each of many commits sent at once its own outcome: a stale one is refused, the others all saved', async () => {
      const store = await open();
      await store.commit(alice, {
        session: { value: { lastQuestion: 'first' }, version: 0 },
        drafts: [draft('d1', '2026-11-22T10:01:00.000Z')],
      });
      // A burst of turns arriving together (a store may write them in one transaction).
      const users = Array.from({ length: 20 }, (_, i) => ({ ...bob, userId: `u${i}` }));
      const outcomes = await Promise.all([
        store.commit(alice, {
          session: { value: { lastQuestion: 'winner' }, version: 1 },
          drafts: [draft('d1', '2026-11-22T10:01:00.000Z', 'gender', 1)],
        }),
        ...users.map((u, i) =>
          store.commit(u, { session: { value: { lastQuestion: `q${i}` }, version: 0 } }),
        ),
        store.commit(alice, {
          session: { value: { lastQuestion: 'loser' }, version: 1 },
          drafts: [draft('d1', '2026-11-22T10:01:00.000Z', 'birth', 1)],
        }),
      ]);
      expect(outcomes).toEqual([true, ...users.map(() => true), false]);
      expect((await store.getSession(alice)).value.lastQuestion).toBe('winner');
      expect((await store.getDraft(alice, 'd1'))!.data).toMatchObject({ field: 'gender' });
      for (const [i, u] of users.entries())
        expect(await store.getSession(u)).toEqual({ value: { lastQuestion: `q${i}` }, version: 1 });
    });

    it('refuses to create a draft or session twice', async () => {
      const store = await open();
      const first = { drafts: [draft('d1', '2026-11-22T10:01:00.000Z')] };
      expect(await store.commit(alice, first)).toBe(true);
      expect(await store.commit(alice, first)).toBe(false);
      expect(await store.commit(bob, { session: { value: {}, version: 0 } })).toBe(true);
      expect(await store.commit(bob, { session: { value: {}, version: 0 } })).toBe(false);
    });

    it('lists drafts in the order they were created, whatever is edited later', async () => {
      const store = await open();
      await store.commit(alice, { drafts: [draft('d2', '2026-11-22T10:02:00.000Z')] });
      await store.commit(alice, { drafts: [draft('d1', '2026-11-22T10:01:00.000Z')] });
      await store.commit(alice, {
        drafts: [
          {
            ...draft('d1', '2026-11-22T10:01:00.000Z', 'phone', 1),
            updatedAt: '2026-11-22T11:00:00.000Z',
          },
        ],
      });
      expect((await store.listDrafts(alice)).map((d) => d.id)).toEqual(['d1', 'd2']);
    });

    it('keeps one session per conversation, and drafts per user', async () => {
      const store = await open();
      await store.commit(alice, { session: { value: { lastQuestion: 'private' }, version: 0 } });
      await store.commit(aliceInGroup, {
        session: { value: { lastQuestion: 'group' }, version: 0 },
        drafts: [draft('d1', '2026-11-22T10:01:00.000Z')],
      });
      expect((await store.getSession(alice)).value.lastQuestion).toBe('private');
      expect((await store.getSession(aliceInGroup)).value.lastQuestion).toBe('group');
      expect(await store.getDraft(alice, 'd1')).toBeDefined();
    });

    it('never shows one user’s drafts or session to another, nor across channels', async () => {
      const store = await open();
      await store.commit(alice, {
        session: { value: { activeDraftId: 'd1' }, version: 0 },
        drafts: [draft('d1', '2026-11-22T10:01:00.000Z')],
      });
      expect(await store.getDraft(bob, 'd1')).toBeUndefined();
      expect(await store.listDrafts(bob)).toEqual([]);
      expect(await store.getSession(aliceOnSlack)).toEqual({ value: {}, version: 0 });
      await store.commit(bob, { deleteDrafts: ['d1'] });
      expect(await store.getDraft(alice, 'd1')).toBeDefined();
    });

    it('deletes a draft, and forgets everything about a user in every conversation, and only that user', async () => {
      const store = await open();
      await store.commit(alice, {
        session: { value: { activeDraftId: 'd1' }, version: 0 },
        drafts: [draft('d1', '2026-11-22T10:01:00.000Z'), draft('d2', '2026-11-22T10:02:00.000Z')],
      });
      await store.commit(aliceInGroup, { session: { value: { lastQuestion: 'x' }, version: 0 } });
      await store.commit(bob, { drafts: [draft('b1', '2026-11-22T10:02:00.000Z')] });
      await store.commit(alice, { deleteDrafts: ['d2'] });
      expect(await store.forget(alice)).toBe(1);
      expect(await store.getSession(alice)).toEqual({ value: {}, version: 0 });
      expect(await store.getSession(aliceInGroup)).toEqual({ value: {}, version: 0 });
      expect(await store.listDrafts(alice)).toEqual([]);
      expect(await store.listDrafts(bob)).toHaveLength(1);
    });

    it('returns copies: changing what was read changes nothing stored', async () => {
      const store = await open();
      await store.commit(alice, { drafts: [draft('d1', '2026-11-22T10:01:00.000Z')] });
      const read = (await store.getDraft(alice, 'd1'))!;
      (read.data as { answers: Record<string, string> }).answers['name'] = 'changed';
      expect((await store.getDraft(alice, 'd1'))!.data).toMatchObject({
        answers: { name: '张秀英' },
      });
    });

    it('gives a lease to one holder at a time, renews it for that holder, and frees it on release or lapse', async () => {
      const store = await open();
      expect(await store.lease('wecom:bot1', 'a', 60_000)).toBe(true);
      expect(await store.lease('wecom:bot1', 'b', 60_000)).toBe(false);
      expect(await store.lease('wecom:bot1', 'a', 60_000)).toBe(true);
      // Another key is another lease; another holder's release gives nothing up.
      expect(await store.lease('wecom:bot2', 'b', 60_000)).toBe(true);
      await store.release('wecom:bot1', 'b');
      expect(await store.lease('wecom:bot1', 'b', 60_000)).toBe(false);
      await store.release('wecom:bot1', 'a');
      expect(await store.lease('wecom:bot1', 'b', 1)).toBe(true);
      // A lease that was not renewed lapses, and another holder may take it.
      await new Promise((r) => setTimeout(r, 5));
      expect(await store.lease('wecom:bot1', 'a', 60_000)).toBe(true);
    });

    it('counts events per key within a window, and starts again in the next window', async () => {
      const store = await open();
      const counts = [];
      for (let i = 0; i < 3; i++) counts.push(await store.count('web:alice', 60_000));
      expect(counts).toEqual([1, 2, 3]);
      expect(await store.count('web:bob', 60_000)).toBe(1);
      // A window of 20 ms has passed after 30 ms: the count starts from one again.
      await store.count('web:carol', 20);
      await new Promise((r) => setTimeout(r, 30));
      expect(await store.count('web:carol', 20)).toBe(1);
    });

    it('marks a delivery handled with the commit of its turn, and refuses a second commit of it', async () => {
      const store = await open();
      const delivery = { key: 'telegram:501', ttlMs: 60_000 };
      expect(await store.seen('telegram:501')).toBe(false);
      expect(await store.commit(alice, { session: { value: {}, version: 0 }, delivery })).toBe(
        true,
      );
      expect(await store.seen('telegram:501')).toBe(true);
      // The same delivery again (a retry that raced the original): nothing of it is written.
      expect(
        await store.commit(alice, {
          session: { value: { lastQuestion: 'again' }, version: 1 },
          delivery,
        }),
      ).toBe(false);
      expect((await store.getSession(alice)).value).toEqual({});
      // A commit refused for its version leaves its delivery unmarked, free to be handled.
      const other = { key: 'telegram:502', ttlMs: 60_000 };
      expect(
        await store.commit(alice, { session: { value: {}, version: 0 }, delivery: other }),
      ).toBe(false);
      expect(await store.seen('telegram:502')).toBe(false);
    });

    it('keeps answers for the report, rates a user’s own only, and forgets them with the user', async () => {
      const store = await open();
      const answer = (id: string, at: string) => ({
        id,
        channel: alice.channel,
        userId: alice.userId,
        question: '奖金有多少？',
        intent: 'activities',
        kind: 'not_in_notices',
        language: 'zh-Hans',
        at,
      });
      await store.commit(alice, { answers: [answer('a00000000001', '2026-11-01T00:00:00.000Z')] });
      await store.commit(alice, { answers: [answer('a00000000002', '2026-11-20T00:00:00.000Z')] });
      await store.commit(alice, { rating: { answer: 'a00000000002', helpful: false } });
      await store.commit(bob, { rating: { answer: 'a00000000001', helpful: true } });
      const all = await store.answers({
        since: new Date('2026-01-01'),
        until: new Date('2027-01-01'),
      });
      expect(all.map((a) => [a.id, a.helpful])).toEqual([
        ['a00000000001', undefined],
        ['a00000000002', false],
      ]);
      const november20 = await store.answers({
        since: new Date('2026-11-10'),
        until: new Date('2026-12-01'),
      });
      expect(november20.map((a) => a.id)).toEqual(['a00000000002']);
      // Older than the retention: gone for good.
      await store.sweep({
        answersBefore: new Date('2026-11-10'),
        inactiveBefore: new Date('2000-01-01'),
      });
      expect(
        (await store.answers({ since: new Date('2026-01-01'), until: new Date('2027-01-01') })).map(
          (a) => a.id,
        ),
      ).toEqual(['a00000000002']);
      await store.forget(alice);
      expect(
        await store.answers({ since: new Date('2026-01-01'), until: new Date('2027-01-01') }),
      ).toEqual([]);
    });

    it('sweeps conversations and drafts nobody touched for too long, and keeps the others', async () => {
      const store = await open();
      await store.commit(alice, {
        session: { value: { activeDraftId: 'old' }, version: 0 },
        drafts: [draft('old', '2020-01-01T00:00:00.000Z'), draft('new', new Date().toISOString())],
      });
      await store.sweep({ answersBefore: new Date(0), inactiveBefore: new Date('2021-01-01') });
      expect((await store.listDrafts(alice)).map((d) => d.id)).toEqual(['new']);
      expect((await store.getSession(alice)).version).toBe(1);
      // A session saved now is older than a moment from now.
      await store.sweep({
        answersBefore: new Date(0),
        inactiveBefore: new Date(Date.now() + 60_000),
      });
      expect(await store.getSession(alice)).toEqual({ value: {}, version: 0 });
    });

    it('claims a delivery once until it expires', async () => {
      const store = await open();
      expect(await store.claim('telegram:1001', 60_000)).toBe(true);
      expect(await store.claim('telegram:1001', 60_000)).toBe(false);
      expect(await store.claim('slack:1001', 60_000)).toBe(true);
      expect(await store.claim('telegram:1002', 1)).toBe(true);
      await new Promise((r) => setTimeout(r, 5));
      expect(await store.claim('telegram:1002', 60_000)).toBe(true);
    });
  });
}
