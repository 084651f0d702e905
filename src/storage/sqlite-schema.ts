import type Database from 'better-sqlite3';

/**
 * Versioned migrations of state.db, applied in order inside one transaction and recorded in
 * `PRAGMA user_version`. Version 1 is the layout before conversations and versions (its tables
 * may exist with user_version still 0).
 */
const MIGRATIONS: readonly string[] = [
  // 1: sessions per user, drafts with the whole draft as JSON.
  `CREATE TABLE IF NOT EXISTS sessions (
     channel TEXT NOT NULL, user_id TEXT NOT NULL, data TEXT NOT NULL, updated_at TEXT NOT NULL,
     PRIMARY KEY (channel, user_id));
   CREATE TABLE IF NOT EXISTS drafts (
     channel TEXT NOT NULL, user_id TEXT NOT NULL, id TEXT NOT NULL, form_id TEXT NOT NULL,
     status TEXT NOT NULL, data TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
     PRIMARY KEY (channel, user_id, id));`,
  // 2: sessions per conversation (the private chat's id is the user's), versions on both for
  // compare-and-set, the form state alone in drafts.data, and delivery claims.
  `ALTER TABLE sessions RENAME TO sessions_v1;
   CREATE TABLE sessions (
     channel TEXT NOT NULL, user_id TEXT NOT NULL, conversation_id TEXT NOT NULL,
     data TEXT NOT NULL, version INTEGER NOT NULL, updated_at TEXT NOT NULL,
     PRIMARY KEY (channel, user_id, conversation_id));
   INSERT INTO sessions SELECT channel, user_id, user_id, data, 1, updated_at FROM sessions_v1;
   DROP TABLE sessions_v1;
   ALTER TABLE drafts ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
   ALTER TABLE drafts ADD COLUMN copy_of TEXT;
   UPDATE drafts SET copy_of = json_extract(data, '$.copyOf'), data = json_extract(data, '$.state');
   DROP INDEX IF EXISTS drafts_by_user;
   CREATE INDEX drafts_by_user ON drafts (channel, user_id, created_at);
   CREATE TABLE dedupe (key TEXT PRIMARY KEY, expires_at INTEGER NOT NULL);`,
  // 3: answers to questions about the Week, for feedback and the report of what the notices lack.
  `CREATE TABLE answers (
     id TEXT PRIMARY KEY, channel TEXT NOT NULL, user_id TEXT NOT NULL, question TEXT NOT NULL,
     intent TEXT NOT NULL, kind TEXT NOT NULL, language TEXT NOT NULL, at TEXT NOT NULL,
     helpful INTEGER);
   CREATE INDEX answers_by_time ON answers (at);
   CREATE INDEX answers_by_user ON answers (channel, user_id);`,
  // 4: leases, so that one process of several holds a platform's single connection (WeCom).
  `CREATE TABLE leases (key TEXT PRIMARY KEY, holder TEXT NOT NULL, expires_at INTEGER NOT NULL);`,
  // 5: message counts per user and window, for the per-user allowance.
  `CREATE TABLE rates (key TEXT PRIMARY KEY, win INTEGER NOT NULL, count INTEGER NOT NULL);`,
];

/** Brings a state database to the current schema; a newer one than this code knows is refused. */
export function migrate(db: Database.Database): void {
  // Read and migrate in one write transaction: two processes opening a new file at once must not
  // both see version 0 and both create the tables.
  db.transaction(() => {
    let version = db.pragma('user_version', { simple: true }) as number;
    if (version > MIGRATIONS.length)
      throw new Error(
        `it was written by a newer llw-assistant (schema ${version}, this one knows ${MIGRATIONS.length}); upgrade llw-assistant`,
      );
    // A database of the first release has its tables but no recorded version.
    if (version === 0 && db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'drafts'").get())
      version = 1;
    for (let v = version; v < MIGRATIONS.length; v++) db.exec(MIGRATIONS[v]!);
    db.pragma(`user_version = ${MIGRATIONS.length}`);
  }).immediate();
}
