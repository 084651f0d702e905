import Database from 'better-sqlite3';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../src/storage/memory-store.js';
import { createSqliteStore } from '../../src/storage/sqlite-store.js';
import { alice, draft, storeContract } from './store-contract.js';
import { tempDir } from '../helpers.js';
import type { StoredDraft } from '../../src/index.js';

storeContract('memory', async () => createMemoryStore());
storeContract('SQLite', async () => createSqliteStore(path.join(await tempDir(), 'state.db')));

describe('SQLite state store on disk', () => {
  it('keeps what was saved for a second connection, as after a restart', async () => {
    const file = path.join(await tempDir(), 'nested', 'state.db');
    const first = createSqliteStore(file);
    await first.commit(alice, { drafts: [draft('d1', '2026-11-22T10:01:00.000Z', 'phone')] });
    const second = createSqliteStore(file);
    expect((await second.getDraft(alice, 'd1'))!.data).toMatchObject({ field: 'phone' });
    // The second connection's commit from the version it read wins over the first's stale one.
    expect(
      await second.commit(alice, { drafts: [draft('d1', '2026-11-22T10:01:00.000Z', 'email', 1)] }),
    ).toBe(true);
    expect(
      await first.commit(alice, { drafts: [draft('d1', '2026-11-22T10:01:00.000Z', 'city', 1)] }),
    ).toBe(false);
    await first.close();
    await second.close();
  });

  it('reads a database of the first release: sessions become private conversations, drafts keep their state', async () => {
    const file = path.join(await tempDir(), 'state.db');
    const old = new Database(file);
    old.exec(`CREATE TABLE sessions (channel TEXT NOT NULL, user_id TEXT NOT NULL, data TEXT NOT NULL, updated_at TEXT NOT NULL, PRIMARY KEY (channel, user_id));
      CREATE TABLE drafts (channel TEXT NOT NULL, user_id TEXT NOT NULL, id TEXT NOT NULL, form_id TEXT NOT NULL, status TEXT NOT NULL, data TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, PRIMARY KEY (channel, user_id, id));`);
    const state = {
      formId: 'star',
      language: 'zh-Hans',
      phase: 'filling',
      field: 3,
      answers: { name: '张秀英' },
      skipped: [],
      history: [0, 1, 2],
      editing: false,
    };
    old
      .prepare('INSERT INTO sessions VALUES (?, ?, ?, ?)')
      .run(
        'console',
        'amy',
        JSON.stringify({ activeDraftId: 'd1', language: 'zh-Hans' }),
        '2026-11-20',
      );
    old.prepare('INSERT INTO drafts VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
      'console',
      'amy',
      'd1',
      'star',
      'in_progress',
      JSON.stringify({
        id: 'd1',
        formId: 'star',
        status: 'in_progress',
        state,
        createdAt: '2026-11-20',
        updatedAt: '2026-11-20',
      }),
      '2026-11-20',
      '2026-11-20',
    );
    old.close();
    const store = createSqliteStore(file);
    const amy = { channel: 'console', userId: 'amy', conversationId: 'amy' };
    expect(await store.getSession(amy)).toEqual({
      value: { activeDraftId: 'd1', language: 'zh-Hans' },
      version: 1,
    });
    expect(await store.getDraft(amy, 'd1')).toMatchObject({ version: 1, data: state });
    await store.close();
  });

  it('refuses a database written by a newer version, saying so', async () => {
    const file = path.join(await tempDir(), 'state.db');
    const future = new Database(file);
    future.pragma('user_version = 99');
    future.close();
    expect(() => createSqliteStore(file)).toThrow(/newer llw-assistant/);
  });

  it('leaves no trace of a nominee in the database files once their draft or user is deleted', async () => {
    const { readFile, readdir } = await import('node:fs/promises');
    const dir = path.join(await tempDir(), 'data');
    const store = createSqliteStore(path.join(dir, 'state.db'));
    const nominee = (name: string, id: string): StoredDraft => ({
      ...draft(id, '2026-11-22T10:01:00.000Z'),
      data: { v: 2, formId: 'star', field: 'phone', answers: { name, id_note: `${name}的事迹` } },
    });
    // Two drafts; many sessions around them, so the pages are reused rather than dropped.
    await store.commit(alice, { drafts: [nominee('欧阳秀芝', 'd1'), nominee('司马建国', 'd2')] });
    for (let i = 0; i < 50; i++)
      await store.commit(
        { ...alice, conversationId: `c${i}` },
        { session: { value: {}, version: 0 } },
      );
    const traces = async (name: string) => {
      let found = 0;
      for (const f of await readdir(dir))
        if ((await readFile(path.join(dir, f))).includes(Buffer.from(name))) found++;
      return found;
    };
    expect(await traces('欧阳秀芝')).toBeGreaterThan(0);
    await store.commit(alice, { deleteDrafts: ['d1'] });
    expect(await traces('欧阳秀芝')).toBe(0);
    expect(await traces('司马建国')).toBeGreaterThan(0);
    await store.forget(alice);
    expect(await traces('司马建国')).toBe(0);
    await store.close();
  });

  it('leaves no trace of a nominee whose draft was swept for being left too long', async () => {
    const { readFile, readdir } = await import('node:fs/promises');
    const dir = path.join(await tempDir(), 'data');
    const store = createSqliteStore(path.join(dir, 'state.db'));
    const old: StoredDraft = {
      ...draft('d1', '2020-01-01T10:01:00.000Z'),
      data: { v: 2, formId: 'star', field: 'phone', answers: { name: '诸葛慧兰' } },
    };
    await store.commit(alice, { drafts: [old] });
    for (let i = 0; i < 50; i++)
      await store.commit(
        { ...alice, conversationId: `c${i}` },
        { session: { value: {}, version: 0 } },
      );
    const traces = async () => {
      let found = 0;
      for (const f of await readdir(dir))
        if ((await readFile(path.join(dir, f))).includes(Buffer.from('诸葛慧兰'))) found++;
      return found;
    };
    expect(await traces()).toBeGreaterThan(0);
    await store.sweep({ answersBefore: new Date(0), inactiveBefore: new Date('2021-01-01') });
    expect(await store.getDraft(alice, 'd1')).toBeUndefined();
    expect(await traces()).toBe(0);
    await store.close();
  });

  it('keeps the database readable by its user only (nominees’ data is in it)', async () => {
    const { stat } = await import('node:fs/promises');
    const dir = path.join(await tempDir(), 'data');
    const store = createSqliteStore(path.join(dir, 'state.db'));
    await store.commit(alice, { session: { value: {}, version: 0 } });
    for (const name of ['state.db', 'state.db-wal'])
      expect((await stat(path.join(dir, name))).mode & 0o777).toBe(0o600);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    await store.close();
  });

  it('fails at once, saying why, for a data folder under /proc', () => {
    expect(() => createSqliteStore('/proc/llw-nope/state.db')).toThrow(
      /cannot open the state database/,
    );
  });

  it('says which file it cannot open', async () => {
    // A path below a regular file cannot be created.
    const file = path.join(await tempDir(), 'plain-file');
    await writeFile(file, 'not a folder');
    const target = path.join(file, 'state.db');
    expect(() => createSqliteStore(target)).toThrow(`cannot open the state database ${target}`);
  });
});
