import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { POSTGRES_SCHEMA_VERSION } from '../../src/storage/postgres-schema.js';
import { createPostgresStore } from '../../src/storage/postgres-store.js';
import { PG_URL, dropTestSchemas, postgresAvailable, testSchema } from '../postgres.js';
import { alice, draft, storeContract } from './store-contract.js';

const available = await postgresAvailable();
afterAll(() => dropTestSchemas());

if (available)
  storeContract('PostgreSQL', () => createPostgresStore(PG_URL, { schema: testSchema() }));

describe.skipIf(!available)('PostgreSQL state store', () => {
  it('keeps what was saved for a second instance, and refuses the stale write of the first', async () => {
    const schema = testSchema();
    const first = await createPostgresStore(PG_URL, { schema });
    const second = await createPostgresStore(PG_URL, { schema });
    await first.commit(alice, { drafts: [draft('d1', '2026-11-22T10:01:00.000Z', 'phone')] });
    expect((await second.getDraft(alice, 'd1'))!.data).toMatchObject({ field: 'phone' });
    expect(
      await second.commit(alice, { drafts: [draft('d1', '2026-11-22T10:01:00.000Z', 'email', 1)] }),
    ).toBe(true);
    expect(
      await first.commit(alice, { drafts: [draft('d1', '2026-11-22T10:01:00.000Z', 'city', 1)] }),
    ).toBe(false);
    await first.close();
    await second.close();
  });

  it('migrates once when several instances open a new database at the same moment', async () => {
    const schema = testSchema();
    const stores = await Promise.all(
      Array.from({ length: 6 }, () => createPostgresStore(PG_URL, { schema })),
    );
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    const { rows } = await client.query(`SELECT version FROM "${schema}".llw_migrations`);
    await client.end();
    // Each migration once, in order.
    expect(rows.map((r) => r.version)).toEqual(
      Array.from({ length: POSTGRES_SCHEMA_VERSION }, (_, i) => i + 1),
    );
    await Promise.all(stores.map((s) => s.close()));
  });

  it('of two turns racing on the same session, saves exactly one', async () => {
    const schema = testSchema();
    const a = await createPostgresStore(PG_URL, { schema });
    const b = await createPostgresStore(PG_URL, { schema });
    for (let round = 0; round < 10; round++) {
      const read = await a.getSession(alice);
      const results = await Promise.all(
        [a, b].map((s, i) =>
          s.commit(alice, {
            session: { value: { lastQuestion: `${round}-${i}` }, version: read.version },
          }),
        ),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
    }
    expect((await a.getSession(alice)).version).toBe(10);
    await a.close();
    await b.close();
  });

  it('refuses a database written by a newer version, and says where without the password', async () => {
    const schema = testSchema();
    const store = await createPostgresStore(PG_URL, { schema });
    await store.close();
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    await client.query(`INSERT INTO "${schema}".llw_migrations (version) VALUES (99)`);
    await client.end();
    await expect(createPostgresStore(PG_URL, { schema })).rejects.toThrow(
      /newer llw-assistant \(schema 99/,
    );
    await expect(
      createPostgresStore('postgres://llw:hunter2-secret@127.0.0.1:1/none', { schema }),
    ).rejects.toThrow(
      /cannot open the PostgreSQL state database \(postgres:\/\/llw:\*\*\*@127\.0\.0\.1:1\/none\)/,
    );
  });
});
