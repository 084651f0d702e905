import type pg from 'pg';

/**
 * Versioned migrations of the PostgreSQL state, applied in order, each recorded in
 * `llw_migrations`. The layout matches SQLite's at its version 4; JSON is kept as jsonb.
 */
const MIGRATIONS: readonly string[] = [
  // 1: conversations, drafts, delivery claims, answers, leases.
  `CREATE TABLE sessions (
     channel TEXT NOT NULL, user_id TEXT NOT NULL, conversation_id TEXT NOT NULL,
     data JSONB NOT NULL, version INTEGER NOT NULL, updated_at TEXT NOT NULL,
     PRIMARY KEY (channel, user_id, conversation_id));
   CREATE INDEX sessions_by_time ON sessions (updated_at);
   CREATE TABLE drafts (
     channel TEXT NOT NULL, user_id TEXT NOT NULL, id TEXT NOT NULL, form_id TEXT NOT NULL,
     status TEXT NOT NULL, data JSONB NOT NULL, version INTEGER NOT NULL,
     created_at TEXT NOT NULL, updated_at TEXT NOT NULL, copy_of TEXT,
     PRIMARY KEY (channel, user_id, id));
   CREATE INDEX drafts_by_user ON drafts (channel, user_id, created_at);
   CREATE INDEX drafts_by_time ON drafts (updated_at);
   CREATE TABLE dedupe (key TEXT PRIMARY KEY, expires_at BIGINT NOT NULL);
   CREATE TABLE answers (
     id TEXT PRIMARY KEY, channel TEXT NOT NULL, user_id TEXT NOT NULL, question TEXT NOT NULL,
     intent TEXT NOT NULL, kind TEXT NOT NULL, language TEXT NOT NULL, at TEXT NOT NULL,
     helpful BOOLEAN);
   CREATE INDEX answers_by_time ON answers (at);
   CREATE INDEX answers_by_user ON answers (channel, user_id);
   CREATE TABLE leases (key TEXT PRIMARY KEY, holder TEXT NOT NULL, expires_at BIGINT NOT NULL);`,
  // 2: message counts per user and window, for the per-user allowance.
  `CREATE TABLE rates (key TEXT PRIMARY KEY, win BIGINT NOT NULL, count INTEGER NOT NULL);`,
];

/** The schema version this code writes. */
export const POSTGRES_SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Brings the database (the current search_path's schema) to the current version. Instances
 * starting together take one advisory lock, so the migrations run once; a database written by a
 * newer llw-assistant is refused.
 */
export async function migratePostgres(client: pg.ClientBase, schema?: string): Promise<number> {
  await client.query('BEGIN');
  try {
    // One lock per schema (tests run side by side in schemas of their own), taken before the
    // schema is created: two instances creating it at once would otherwise collide.
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
      `llw-migrate:${schema ?? ''}`,
    ]);
    if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query(
      'CREATE TABLE IF NOT EXISTS llw_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())',
    );
    const row = await client.query<{ v: number | null }>(
      'SELECT max(version) AS v FROM llw_migrations',
    );
    const version = row.rows[0]?.v ?? 0;
    if (version > MIGRATIONS.length)
      throw new Error(
        `it was written by a newer llw-assistant (schema ${version}, this one knows ${MIGRATIONS.length}); upgrade llw-assistant`,
      );
    for (let v = version; v < MIGRATIONS.length; v++) {
      await client.query(MIGRATIONS[v]!);
      await client.query('INSERT INTO llw_migrations (version) VALUES ($1)', [v + 1]);
    }
    await client.query('COMMIT');
    return MIGRATIONS.length - version;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
