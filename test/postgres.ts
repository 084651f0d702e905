import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The PostgreSQL server tests use: this machine's (trust auth, database `test`), or LLW_TEST_DATABASE_URL. */
export const PG_URL =
  process.env['LLW_TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

const made: string[] = [];

/** A new schema name for one store under test; dropped by `dropTestSchemas`. */
export function testSchema(): string {
  const name = `llw_test_${randomBytes(6).toString('hex')}`;
  made.push(name);
  return name;
}

/** Drops the schemas this test file made. */
export async function dropTestSchemas(): Promise<void> {
  if (made.length === 0) return;
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  for (const name of made.splice(0)) await client.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
  await client.end();
}

/** Whether the server answers; when not, says once why the PostgreSQL tests are skipped. */
export async function postgresAvailable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch (error) {
    console.warn(
      `PostgreSQL tests skipped: no server at ${PG_URL} (${(error as Error).message}); .ci/run starts one, or set LLW_TEST_DATABASE_URL`,
    );
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Drops one schema by name, if the server can be reached (benchmarks' own schemas). */
export async function dropSchema(name: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect().then(
    async () => {
      await client.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
      await client.end();
    },
    () => undefined,
  );
}
