import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../src/storage/memory-store.js';
import { createSqliteStore } from '../../src/storage/sqlite-store.js';
import type { Draft, StateStore } from '../../src/storage/state-store.js';
import { tempDir } from '../helpers.js';

const alice = { channel: 'telegram', userId: '42' };
const bob = { channel: 'telegram', userId: '43' };
const aliceOnSlack = { channel: 'slack', userId: '42' };

function draft(id: string, updatedAt: string, field = 0, createdAt = updatedAt): Draft {
  return {
    id,
    formId: 'star',
    status: 'in_progress',
    state: {
      formId: 'star',
      language: 'zh-Hans',
      phase: 'filling',
      field,
      answers: { name: '张秀英' },
      skipped: [],
      history: [],
      editing: false,
    },
    createdAt,
    updatedAt,
  };
}

/** The contract every StateStore keeps; run against each implementation. */
function contract(name: string, open: () => Promise<StateStore>) {
  describe(`${name} state store`, () => {
    it('starts empty for a new user', async () => {
      const store = await open();
      expect(await store.getSession(alice)).toEqual({});
      expect(await store.listDrafts(alice)).toEqual([]);
    });

    it('saves a session and a draft together, and reads them back', async () => {
      const store = await open();
      await store.save(
        alice,
        { activeDraftId: 'd1', language: 'zh-Hant' },
        draft('d1', '2026-11-22T10:01:00.000Z'),
      );
      expect(await store.getSession(alice)).toEqual({ activeDraftId: 'd1', language: 'zh-Hant' });
      expect(await store.getDraft(alice, 'd1')).toEqual(draft('d1', '2026-11-22T10:01:00.000Z'));
    });

    it('updates a draft in place and lists drafts newest first, in an order editing does not change', async () => {
      const store = await open();
      await store.save(alice, {}, draft('d1', '2026-11-22T10:01:00.000Z'));
      await store.save(alice, {}, draft('d2', '2026-11-22T10:02:00.000Z'));
      await store.save(
        alice,
        {},
        draft('d1', '2026-11-22T10:03:00.000Z', 5, '2026-11-22T10:01:00.000Z'),
      );
      const list = await store.listDrafts(alice);
      expect(list.map((d) => d.id)).toEqual(['d2', 'd1']);
      expect(list[1]!.state.field).toBe(5);
    });

    it('never shows one user’s drafts or session to another, nor across channels', async () => {
      const store = await open();
      await store.save(alice, { activeDraftId: 'd1' }, draft('d1', '2026-11-22T10:01:00.000Z'));
      expect(await store.getDraft(bob, 'd1')).toBeUndefined();
      expect(await store.listDrafts(bob)).toEqual([]);
      expect(await store.getSession(aliceOnSlack)).toEqual({});
      expect(await store.deleteDraft(bob, 'd1')).toBe(false);
      expect(await store.getDraft(alice, 'd1')).toBeDefined();
    });

    it('deletes a draft, and forgets everything about a user and only that user', async () => {
      const store = await open();
      await store.save(alice, { activeDraftId: 'd1' }, draft('d1', '2026-11-22T10:01:00.000Z'));
      await store.save(alice, { activeDraftId: 'd1' }, draft('d2', '2026-11-22T10:02:00.000Z'));
      await store.save(bob, {}, draft('b1', '2026-11-22T10:02:00.000Z'));
      expect(await store.deleteDraft(alice, 'd2')).toBe(true);
      expect(await store.forget(alice)).toBe(1);
      expect(await store.getSession(alice)).toEqual({});
      expect(await store.listDrafts(alice)).toEqual([]);
      expect(await store.listDrafts(bob)).toHaveLength(1);
    });

    it('returns copies: changing what was read changes nothing stored', async () => {
      const store = await open();
      await store.save(alice, { language: 'en' }, draft('d1', '2026-11-22T10:01:00.000Z'));
      const read = (await store.getDraft(alice, 'd1'))!;
      (read.state.answers as Record<string, string>)['name'] = 'changed';
      expect((await store.getDraft(alice, 'd1'))!.state.answers['name']).toBe('张秀英');
    });
  });
}

contract('memory', async () => createMemoryStore());
contract('SQLite', async () => createSqliteStore(path.join(await tempDir(), 'state.db')));

describe('SQLite state store on disk', () => {
  it('keeps what was saved for a second connection, as after a restart', async () => {
    const file = path.join(await tempDir(), 'nested', 'state.db');
    const first = createSqliteStore(file);
    await first.save(alice, { activeDraftId: 'd1' }, draft('d1', '2026-11-22T10:01:00.000Z', 7));
    const second = createSqliteStore(file);
    expect((await second.getDraft(alice, 'd1'))!.state.field).toBe(7);
    await first.close();
    await second.close();
  });

  it('says which file it cannot open', async () => {
    // A path below a regular file cannot be created.
    const file = path.join(await tempDir(), 'plain-file');
    await writeFile(file, 'not a folder');
    const target = path.join(file, 'state.db');
    expect(() => createSqliteStore(target)).toThrow(`cannot open the state database ${target}`);
  });
});
